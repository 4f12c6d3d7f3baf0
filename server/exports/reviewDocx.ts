/**
 * The 总结评估报告 as a .docx (the `docx` package): GB/T 9704 layout, for the office to edit in Word or WPS.
 *
 * It renders `incidentReview` (shared/views/review.ts) and nothing else, in the words of
 * shared/views/reviewWords.ts, so the file says what the page says. Everything is text in real Word styles
 * (Title, Heading1, Heading2 and a few of its own), so the office can restyle it and navigate by heading.
 *
 * Layout after GB/T 9704-2012: A4 portrait, margins 37/35/28/26 mm (top, bottom, left, right), body 仿宋_GB2312
 * 三号 at an exact 28.95 pt line (22 lines a page), title 方正小标宋简体 二号, first-level headings 黑体 三号,
 * second-level 楷体_GB2312 三号, tables in 仿宋 小四, page numbers "— 1 —" in 宋体 四号 at the foot, odd pages
 * on the right and even pages on the left, one character in.
 *
 * Fonts: each run names the GB/T font in its East Asian slot (w:rFonts/@w:eastAsia) and, in its Latin slots,
 * the Windows font of the same face (FangSong, SimHei, KaiTi, SimSun), which every Chinese Windows carries. WPS
 * maps the _GB2312 names to its own faces; Word substitutes a face it lacks. (The docx package writes no
 * w:altName in the font table, so a fallback cannot be named there.)
 */
import {
  AlignmentType,
  Document,
  Footer,
  HeadingLevel,
  type IFontAttributesProperties,
  LineRuleType,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
} from 'docx';
import { formatShanghai } from '../../shared/engine/time.ts';
import type { Lang } from '../../shared/engine/text.ts';
import { REVIEW_SECTIONS } from '../../shared/engine/incident.ts';
import { planById } from '../../shared/plans/index.ts';
import { cleanText } from '../../shared/protocol/text.ts';
import { LEDGER_STATUS_WORDS, type Names } from '../../shared/views/ledger.ts';
import type { IncidentReview, ReviewTask, ReviewUnit } from '../../shared/views/review.ts';
import {
  chineseNumber,
  fill,
  OFFICE_SECTION_HEADING,
  obligationWord,
  problemText,
  REVIEW_HEADINGS,
  REVIEW_WORDS as W,
  UNIT_COLUMNS,
  stepText,
} from '../../shared/views/reviewWords.ts';

// ── measures ──────────────────────────────────────────────────────────────────────────────────────────
/** twips (twentieths of a point) in a millimetre */
const mm = (n: number) => Math.round((n * 1440) / 25.4);
/** sizes in half-points: 二号 22 pt, 三号 16 pt, 四号 14 pt, 小四 12 pt */
const SIZE = { erhao: 44, sanhao: 32, sihao: 28, xiaosi: 24 } as const;
/** 28.95 pt, exact: 22 lines in the 225 mm text block */
const LINE = Math.round(28.95 * 20);
/** two characters of 三号 (first-line indent) */
const TWO_CHARS = 2 * 16 * 20;
/** the text block: 210 mm − 28 mm − 26 mm = 156 mm */
const BLOCK = mm(210 - 28 - 26);
const A4 = { width: 11906, height: 16838 } as const;

type Fonts = IFontAttributesProperties;
const face = (eastAsia: string, latin: string): Fonts => ({
  eastAsia,
  ascii: latin,
  hAnsi: latin,
  cs: latin,
});
/** The fonts by use; English text takes Times New Roman (body) and Arial (headings) for its Latin letters. */
function fonts(lang: Lang) {
  const en = lang === 'en';
  return {
    body: face('仿宋_GB2312', en ? 'Times New Roman' : 'FangSong'),
    title: face('方正小标宋简体', en ? 'Times New Roman' : 'SimSun'),
    hei: face('黑体', en ? 'Arial' : 'SimHei'),
    kai: face('楷体_GB2312', en ? 'Times New Roman' : 'KaiTi'),
    song: face('宋体', 'SimSun'),
  };
}

// ── text ──────────────────────────────────────────────────────────────────────────────────────────────
/** What people typed, as runs: control characters gone, each line break a break (never a bare newline). */
function runs(text: string): TextRun[] {
  return cleanText(text)
    .split('\n')
    .map((line, i) => new TextRun(i > 0 ? { text: line, break: 1 } : line));
}

const para = (text: string, style = 'BodyText') => new Paragraph({ style, children: runs(text) });

/** Several paragraphs from a text the office wrote: one per line, blank lines dropped. */
const paragraphs = (text: string, style = 'BodyText') =>
  cleanText(text)
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .map((l) => new Paragraph({ style, children: [new TextRun(l)] }));

const h1 = (text: string) =>
  new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(text)] });
const h2 = (text: string) => new Paragraph({ heading: HeadingLevel.HEADING_2, children: runs(text) });

// ── tables ────────────────────────────────────────────────────────────────────────────────────────────
function cell(text: string, width: number, style: string) {
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    verticalAlign: VerticalAlignTable.CENTER,
    children: [new Paragraph({ style, children: runs(text) })],
  });
}

/**
 * A table across the text block: the header row repeats on every page (w:tblHeader) and no row is split
 * across a page break (w:cantSplit). Widths are twips and add up to the block.
 */
function table(head: readonly string[], rows: readonly (readonly string[])[], widths: readonly number[]) {
  const scale = BLOCK / widths.reduce((a, b) => a + b, 0);
  const w = widths.map((x) => Math.floor(x * scale));
  return new Table({
    width: { size: BLOCK, type: WidthType.DXA },
    columnWidths: w,
    layout: TableLayoutType.FIXED,
    alignment: AlignmentType.CENTER,
    margins: { top: 40, bottom: 40, left: 80, right: 80 },
    rows: [
      new TableRow({
        tableHeader: true,
        cantSplit: true,
        children: head.map((h, i) => cell(h, w[i] ?? 0, 'TableHead')),
      }),
      ...rows.map(
        (r) => new TableRow({ cantSplit: true, children: r.map((c, i) => cell(c, w[i] ?? 0, 'TableText')) }),
      ),
    ],
  });
}

// ── the report ────────────────────────────────────────────────────────────────────────────────────────
export async function reviewDocx(review: IncidentReview, names: Names, lang: Lang = 'zh'): Promise<Buffer> {
  const zh = lang === 'zh';
  const t = (w: { zh: string; en: string }) => w[lang];
  // formatShanghai shows the minute, and Shanghai's offset is whole minutes: one formatting per minute seen
  const minutes = new Map<number, string>();
  const time = (ms: number | null) => {
    if (ms === null) return '';
    const minute = Math.floor(ms / 60_000);
    let text = minutes.get(minute);
    if (text === undefined) minutes.set(minute, (text = formatShanghai(ms)));
    return text;
  };
  const person = (id: string | null) => (id === null ? '' : names(id));
  const onBehalf = (party: string | null | undefined) =>
    party ? fill(t(W.tasks.onBehalfOf), { party }) : '';
  const paren = (s: string) => (s ? (zh ? `（${s}）` : ` (${s})`) : '');
  const sep = zh ? '；' : '; ';
  const label = (l: { zh: string; en: string }, value: string) => `${t(l)}${zh ? '：' : ': '}${value}`;

  // the record names levels in Chinese; the plan gives their English names
  const plan = planById(review.basics.plan.id);
  const levelNames = new Map(plan?.levels.map((l) => [l.name.zh, l.name.en]) ?? []);
  const levelIn = (zhName: string) => (zh ? zhName : (levelNames.get(zhName) ?? zhName));

  const b = review.basics;
  const f = fonts(lang);
  const body: (Paragraph | Table)[] = [];

  // title, the plan, how the report was made
  body.push(
    new Paragraph({
      heading: HeadingLevel.TITLE,
      children: runs(`${b.title}${t(W.titleSuffix)}${b.drill ? t(W.drill) : ''}`),
    }),
    new Paragraph({
      style: 'Subtitle',
      children: runs(`${t(W.plan)}${zh ? '：' : ': '}${t(b.plan.title)}${paren(b.plan.docNumber)}`),
    }),
    new Paragraph({
      style: 'Subtitle',
      children: runs(fill(t(W.generated), { version: review.version, at: time(review.generatedAt) })),
    }),
    ...(review.changedSince > 0
      ? [
          new Paragraph({
            style: 'Subtitle',
            children: runs(fill(t(W.changedSince), { n: review.changedSince })),
          }),
        ]
      : []),
  );

  // 一、基本情况
  body.push(h1(t(REVIEW_HEADINGS.basics)));
  const yesNo = (v: boolean) => (zh ? (v ? '是' : '否') : v ? 'yes' : 'no');
  const readings = b.readings.map((r) => {
    const value = Array.isArray(r.value)
      ? r.value.join(zh ? '、' : ', ')
      : typeof r.value === 'boolean'
        ? yesNo(r.value)
        : String(r.value);
    return `${t(r.name)} ${value}${r.unit ? `${zh ? '' : ' '}${t(r.unit)}` : ''}`;
  });
  const notGiven = t(W.notGiven);
  body.push(
    para(label(W.basics.plan, `${t(b.plan.title)}${paren(b.plan.docNumber)}`)),
    para(label(W.basics.place, (zh ? b.place : b.placeEn) ?? notGiven)),
    para(label(W.basics.occurredAt, b.occurredAt === null ? notGiven : time(b.occurredAt))),
    para(label(W.basics.reportedAt, time(b.reportedAt))),
    para(label(W.basics.declaredAt, b.declaredAt === null ? t(W.basics.notDeclared) : time(b.declaredAt))),
    para(label(W.basics.terminatedAt, b.terminatedAt === null ? t(W.basics.notEnded) : time(b.terminatedAt))),
    para(label(W.basics.openedBy, b.openedBy === null ? notGiven : person(b.openedBy))),
    para(label(W.basics.summary, b.summary.trim() ? b.summary : notGiven)),
    para(label(W.basics.readings, readings.length ? readings.join(sep) : notGiven)),
    para(label(W.basics.recommended, b.recommended ? t(b.recommended) : t(W.none))),
    para(label(W.basics.highestLevel, b.highestLevel ? t(b.highestLevel) : t(W.basics.notDeclared))),
  );
  if (b.finalLevel) body.push(para(label(W.basics.finalLevel, t(b.finalLevel))));

  // 二、预警与响应
  body.push(h1(t(REVIEW_HEADINGS.response)));
  if (review.response.length === 0) body.push(para(t(W.response.none)));
  else
    body.push(
      table(
        [W.response.at, W.response.what, W.response.by, W.response.signedBy, W.response.reason].map(t),
        review.response.map((s) => [
          time(s.at),
          stepText(s, lang, levelIn),
          person(s.by),
          s.signedBy === null ? t(W.dash) : person(s.signedBy),
          s.reason,
        ]),
        [1300, 2200, 1500, 1500, 2344],
      ),
    );

  // 三、措施落实
  body.push(h1(t(REVIEW_HEADINGS.measures)));
  const fig = review.figures;
  const figureItems: [keyof typeof W.figures, number][] = [
    ['tasks', fig.tasks],
    ['acknowledged', fig.acknowledged],
    ['done', fig.done],
    ['doneLate', fig.doneLate],
    ['closedUndone', fig.closedUndone],
    ['missed', fig.missed],
    ['open', fig.open],
    ['overdue', fig.overdue],
    ['unreached', fig.unreached],
    ['stoodDown', fig.stoodDown],
    ['units', fig.units],
    ['unitsAcknowledged', fig.unitsAcknowledged],
    ['obligations', fig.obligations],
    ['obligationsMet', fig.obligationsMet],
    ['obligationsLate', fig.obligationsLate],
    ['obligationsMissed', fig.obligationsMissed],
    ['notes', fig.notes],
  ];
  const figureRows: string[][] = [];
  for (let i = 0; i < figureItems.length; i += 2) {
    const [a, b2] = [figureItems[i], figureItems[i + 1]];
    figureRows.push([
      a ? t(W.figures[a[0]]) : '',
      a ? String(a[1]) : '',
      b2 ? t(W.figures[b2[0]]) : '',
      b2 ? String(b2[1]) : '',
    ]);
  }
  body.push(
    table(
      [W.figures.item, W.figures.count, W.figures.item, W.figures.count].map(t),
      figureRows,
      [3222, 1200, 3222, 1200],
    ),
  );

  const units = review.units;
  if (units.length === 0) body.push(para(t(W.units.none)));
  else {
    body.push(
      new Paragraph({ style: 'Spacer' }),
      table(
        UNIT_COLUMNS.map(t),
        units.map((u) => [
          unitLabel(u),
          String(u.tasks),
          String(u.acknowledged),
          String(u.done),
          String(u.doneLate),
          String(u.closedUndone),
          String(u.missed),
          time(u.firstAcknowledgedAt),
          time(u.lastDoneAt),
        ]),
        [1900, 640, 640, 640, 700, 800, 700, 1412, 1412],
      ),
    );
    units.forEach((u, i) => {
      body.push(h2(zh ? `（${chineseNumber(i + 1)}）${unitLabel(u)}` : `3.${i + 1} ${unitLabel(u)}`));
      if (u.items.length > 0)
        body.push(table(taskHead(), u.items.map(taskRow), [560, 2600, 900, 1196, 1196, 1196, 1196]));
      body.push(...notesOf(u.items));
    });
  }

  function unitLabel(u: ReviewUnit) {
    return `${zh ? u.unit : u.unitEn}${u.reached ? '' : t(W.units.unreached)}`;
  }
  function taskHead() {
    const T = W.tasks;
    return [T.no, T.title, T.clause, T.assignedAt, T.acknowledgedAt, T.doneAt, T.status].map(t);
  }
  function taskRow(task: ReviewTask, i: number) {
    const status = LEDGER_STATUS_WORDS[task.status][lang];
    const due =
      task.dueAt !== null && ['doneLate', 'missed', 'overdue'].includes(task.status)
        ? paren(fill(t(W.tasks.due), { at: time(task.dueAt) }))
        : '';
    const closed =
      task.doneAt === null && task.closedAt !== null
        ? paren(fill(t(W.tasks.closed), { at: time(task.closedAt) }))
        : '';
    return [
      String(i + 1),
      zh ? task.title : task.titleEn,
      task.clause,
      time(task.assignedAt),
      time(task.acknowledgedAt),
      time(task.doneAt),
      `${status}${due}${closed}`,
    ];
  }
  /** Under a unit's table: each task's progress reports, numbered as the table numbers its tasks. */
  function notesOf(items: readonly ReviewTask[]): Paragraph[] {
    const out: Paragraph[] = [];
    items.forEach((task, i) => {
      if (task.notes.length === 0) return;
      out.push(
        new Paragraph({
          style: 'NoteTask',
          children: runs(`${i + 1}. ${zh ? task.title : task.titleEn}${paren(task.clause)}`),
        }),
      );
      for (const n of task.notes) {
        const attachment = n.attachment
          ? `${zh ? '' : ' '}${paren(fill(t(W.tasks.attachment), { name: n.attachment.name }))}`
          : '';
        out.push(
          new Paragraph({
            style: 'Note',
            // one run for the line (a break per line break): a 5,000-note report is mostly these
            children: runs(
              `${time(n.at)} ${person(n.by)}${onBehalf(n.onBehalfOf)}${zh ? '：' : ': '}${n.text}${attachment}`,
            ),
          }),
        );
      }
    });
    if (out.length > 0)
      out.unshift(new Paragraph({ style: 'NoteHead', children: [new TextRun(t(W.tasks.notes))] }));
    return out;
  }

  // 四、信息报送
  body.push(h1(t(REVIEW_HEADINGS.reporting)));
  const R = W.reporting;
  if (review.obligations.length === 0) body.push(para(t(R.none)));
  else
    body.push(
      table(
        [R.title, R.unit, R.dueAt, R.doneAt, R.status, R.by].map(t),
        review.obligations.map((o) => [
          `${zh ? o.title : o.titleEn}${paren(o.clause)}`,
          zh ? o.unit : o.unitEn,
          time(o.dueAt),
          time(o.doneAt),
          obligationWord(o.status, lang),
          o.by === null ? '' : `${person(o.by)}${onBehalf(o.onBehalfOf)}`,
        ]),
        [2500, 1500, 1200, 1200, 1100, 1344],
      ),
    );

  // 五、存在问题（根据记录自动生成）
  body.push(h1(t(REVIEW_HEADINGS.problems)));
  if (review.problems.length === 0) body.push(para(t(W.problems.none)));
  else review.problems.forEach((p, i) => body.push(para(`${i + 1}. ${problemText(p, lang)}`)));

  // 六、经验 七、问题 八、改进建议: the office's own words
  for (const s of REVIEW_SECTIONS) {
    body.push(h1(t(REVIEW_HEADINGS[OFFICE_SECTION_HEADING[s]])));
    const written = review.office.sections[s];
    if (!written) {
      body.push(para(t(W.office.notWritten)));
      continue;
    }
    body.push(...paragraphs(written.text));
    const drafts = written.edits > 1 ? fill(t(W.office.drafts), { n: written.edits }) : '';
    body.push(
      para(
        `${fill(t(W.office.written), { by: person(written.by), at: time(written.at) })}${drafts}`,
        'Byline',
      ),
    );
  }

  // 签发
  const { signedBy, signedAt } = review.office;
  body.push(
    new Paragraph({ style: 'Spacer' }),
    para(
      signedBy !== null && signedAt !== null
        ? fill(t(W.signOff.signed), { by: person(signedBy), at: time(signedAt) })
        : t(W.signOff.notSigned),
      'SignOff',
    ),
  );

  const doc = new Document({
    creator: zh ? '应急预案指挥调度台' : 'Emergency-Plan Operations Console',
    title: `${b.title}${t(W.titleSuffix)}`,
    description: fill(t(W.generated), { version: review.version, at: time(review.generatedAt) }),
    evenAndOddHeaderAndFooters: true,
    styles: styles(f),
    sections: [
      {
        properties: {
          page: {
            size: { ...A4, orientation: PageOrientation.PORTRAIT },
            margin: {
              top: mm(37),
              bottom: mm(35),
              left: mm(28),
              right: mm(26),
              header: mm(15),
              footer: mm(25),
            },
          },
        },
        footers: { default: pageFooter(f, 'odd'), even: pageFooter(f, 'even') },
        children: body,
      },
    ],
  });
  return Packer.toBuffer(doc);
}

/** "— 1 —" in 宋体 四号: odd pages on the right, even pages on the left, one character in. */
function pageFooter(f: ReturnType<typeof fonts>, side: 'odd' | 'even') {
  const oneChar = 14 * 20;
  return new Footer({
    children: [
      new Paragraph({
        alignment: side === 'odd' ? AlignmentType.RIGHT : AlignmentType.LEFT,
        indent: side === 'odd' ? { right: oneChar } : { left: oneChar },
        spacing: { line: 240, lineRule: LineRuleType.AUTO },
        children: [
          new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'], font: f.song, size: SIZE.sihao }),
        ],
      }),
    ],
  });
}

function styles(f: ReturnType<typeof fonts>) {
  const exact = { line: LINE, lineRule: LineRuleType.EXACT, before: 0, after: 0 };
  const tableLine = { line: 300, lineRule: LineRuleType.EXACT, before: 0, after: 0 };
  const black = '000000';
  return {
    default: {
      document: {
        run: { font: f.body, size: SIZE.sanhao, color: black },
        paragraph: { spacing: exact },
      },
      title: {
        run: { font: f.title, size: SIZE.erhao, bold: false, color: black },
        paragraph: {
          alignment: AlignmentType.CENTER,
          spacing: { line: 700, lineRule: LineRuleType.EXACT, before: 0, after: LINE },
        },
      },
      heading1: {
        run: { font: f.hei, size: SIZE.sanhao, bold: false, italics: false, color: black },
        paragraph: {
          spacing: exact,
          indent: { firstLine: TWO_CHARS, firstLineChars: 200 },
          keepNext: true,
          outlineLevel: 0,
        },
      },
      heading2: {
        run: { font: f.kai, size: SIZE.sanhao, bold: false, italics: false, color: black },
        paragraph: {
          spacing: exact,
          indent: { firstLine: TWO_CHARS, firstLineChars: 200 },
          keepNext: true,
          outlineLevel: 1,
        },
      },
    },
    paragraphStyles: [
      {
        id: 'BodyText',
        name: 'Body Text',
        basedOn: 'Normal',
        quickFormat: true,
        paragraph: {
          alignment: AlignmentType.JUSTIFIED,
          indent: { firstLine: TWO_CHARS, firstLineChars: 200 },
        },
      },
      {
        id: 'Subtitle',
        name: 'Subtitle',
        basedOn: 'Normal',
        quickFormat: true,
        run: { font: f.kai, size: SIZE.xiaosi },
        paragraph: { alignment: AlignmentType.CENTER, spacing: { line: 360, lineRule: LineRuleType.EXACT } },
      },
      {
        id: 'TableText',
        name: '表格文字',
        basedOn: 'Normal',
        quickFormat: true,
        run: { font: f.body, size: SIZE.xiaosi },
        paragraph: { spacing: tableLine, alignment: AlignmentType.LEFT },
      },
      {
        id: 'TableHead',
        name: '表头',
        basedOn: 'TableText',
        quickFormat: true,
        run: { font: f.hei, size: SIZE.xiaosi },
        paragraph: { alignment: AlignmentType.CENTER, keepNext: true },
      },
      {
        id: 'NoteHead',
        name: '进展记录标题',
        basedOn: 'Normal',
        run: { font: f.kai, size: SIZE.sihao },
        paragraph: { spacing: { line: 400, lineRule: LineRuleType.EXACT, before: 120 }, keepNext: true },
      },
      {
        id: 'NoteTask',
        name: '进展记录任务',
        basedOn: 'Normal',
        run: { font: f.body, size: SIZE.xiaosi, bold: true },
        paragraph: { spacing: { line: 360, lineRule: LineRuleType.EXACT }, keepNext: true },
      },
      {
        id: 'Note',
        name: '进展记录',
        basedOn: 'Normal',
        run: { font: f.body, size: SIZE.xiaosi },
        paragraph: { spacing: { line: 360, lineRule: LineRuleType.EXACT }, indent: { left: 480 } },
      },
      {
        id: 'Byline',
        name: '撰写人',
        basedOn: 'Normal',
        run: { font: f.kai, size: SIZE.xiaosi },
        paragraph: { alignment: AlignmentType.RIGHT, spacing: { line: 400, lineRule: LineRuleType.EXACT } },
      },
      {
        id: 'Spacer',
        name: '空行',
        basedOn: 'Normal',
        run: { size: SIZE.xiaosi },
        paragraph: { spacing: { line: 240, lineRule: LineRuleType.EXACT } },
      },
      {
        id: 'SignOff',
        name: '签发',
        basedOn: 'Normal',
        paragraph: { alignment: AlignmentType.RIGHT, indent: { right: 4 * 16 * 20 } },
      },
    ],
  };
}
