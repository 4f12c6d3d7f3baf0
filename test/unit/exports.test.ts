/**
 * The post-response exports as real files: the 总结评估报告 (.docx) renders exactly the review the page shows,
 * in GB/T 9704 layout; the 台账 (.xlsx) reads back as the ledger query, cell for cell; the CSV opens in Excel
 * with Chinese intact and no formula. Every incident is run through the engine on a real plan.
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Actor, Attachment, Command, Party } from '../../shared/engine/incident.ts';
import { REVIEW_SECTIONS } from '../../shared/engine/incident.ts';
import { levelById, planIndex } from '../../shared/engine/tiers.ts';
import { formatShanghai } from '../../shared/engine/time.ts';
import { planById } from '../../shared/plans/index.ts';
import { LEDGER_COLUMNS, ledger, ledgerCells, type Names } from '../../shared/views/ledger.ts';
import { incidentReview, type IncidentReview } from '../../shared/views/review.ts';
import {
  chineseNumber,
  obligationWord,
  problemText,
  REVIEW_HEADINGS,
  stepText,
} from '../../shared/views/reviewWords.ts';
import { inert, ledgerCsv, ledgerXlsx } from '../../server/exports/ledgerFiles.ts';
import { reviewDocx } from '../../server/exports/reviewDocx.ts';
import { commander, declareCmd, director, duty, HOUR, MIN, plan, Run, T0, unit } from './helpers.ts';

// ── the people the record names ─────────────────────────────────────────────────────────────────────
const PEOPLE: Record<string, { zh: string; en: string }> = {
  'duty-1': { zh: '李值班（值班员）', en: 'Li (duty officer)' },
  'director-1': { zh: '王主任（办公室主任）', en: 'Wang (office director)' },
  'commander-1': { zh: '赵指挥（总指挥）', en: 'Zhao (commander)' },
};
const namesIn =
  (lang: 'zh' | 'en'): Names =>
  (id) =>
    PEOPLE[id]?.[lang] ??
    (id.startsWith('u-') ? `${id.slice(2)}${lang === 'zh' ? '联络员' : ' liaison'}` : id);
const names = namesIn('zh');

// ── what the units and the office write ──────────────────────────────────────────────────────────────
/** a done report a spreadsheet would run as a formula if it were not made inert */
const FORMULA = '=HYPERLINK("http://example.com/x","点此查看")';
const QUOTED = '已清扫主干道，含"引号",逗号\n第二行：撒布融雪剂 3 吨';
const ATTACHMENT: Attachment = {
  fileId: 'file-1',
  name: '清扫情况报告.pdf',
  type: 'application/pdf',
  size: 12_345,
  sha256: 'a'.repeat(64),
};
const SECTIONS = {
  lessons: '各单位接报后迅速到岗。\n值班值守衔接顺畅，信息传递及时。',
  problems: '部分单位确认不及时。\n个别任务超出时限。',
  suggestions: '加强值班人员培训；\n完善联络员备岗制度。',
} as const;

interface Scenario {
  planId: string;
  first: string;
  second: string;
  declareBy: Actor;
  approveBy?: Actor;
  changeBy: Actor;
  endBy: Actor;
  drill: boolean;
  place?: Extract<Command, { type: 'declare' }>['place'];
  readings?: Record<string, number>;
  /** roles bound to member units at the declaration */
  assignees?: Record<string, string>;
  /** a role bound to an outside party, for which staff report */
  party?: { role: string; party: Party };
}

/** One incident per plan, with the signatures each plan's levels ask for. */
const SCENARIOS: Scenario[] = [
  {
    planId: 'snow-ice',
    first: 'III',
    second: 'II',
    declareBy: duty,
    changeBy: duty,
    endBy: duty,
    drill: false,
    place: { kind: 'area', name: '博山镇' },
    readings: { snowfall24hMm: 5 },
  },
  {
    planId: 'rural-water',
    first: 'town',
    second: 'district',
    declareBy: duty,
    changeBy: commander,
    endBy: commander,
    drill: false,
    assignees: { 'incident-supplier': 'jinyuan', 'incident-town': 'chishang' },
    party: { role: 'village', party: { kind: 'village', name: '测试村村委会', phone: '0533-0000000' } },
  },
  {
    planId: 'power-plant',
    first: 'IV',
    second: 'III',
    declareBy: duty,
    changeBy: commander,
    endBy: commander,
    drill: false,
    assignees: { 'incident-county': 'boshan' },
    party: { role: 'plant', party: { kind: 'enterprise', name: '测试发电厂', phone: '0533-1111111' } },
  },
  {
    planId: 'heavy-pollution',
    first: 'blue',
    second: 'yellow',
    declareBy: duty,
    approveBy: director,
    changeBy: director,
    endBy: director,
    drill: true,
  },
];

const NOW = T0 + 6 * HOUR;

/** Declared, acknowledged, reported, raised, terminated; sections written (and signed when asked). */
function respond(s: Scenario, { sections = REVIEW_SECTIONS as readonly string[], sign = true } = {}) {
  const run = new Run(plan(s.planId));
  run.do(
    declareCmd(s.planId, s.first, {
      title: `${run.plan.title.zh.slice(0, 6)}测试事件`,
      summary: '接报：多条道路出现积雪结冰，\n已通知相关单位。',
      occurredAt: T0 - 15 * MIN,
      reason: '按现场情况研判',
      drill: s.drill,
      ...(s.place ? { place: s.place } : {}),
      ...(s.assignees ? { assignees: s.assignees } : {}),
      ...(s.readings ? { readings: s.readings } : {}),
    }),
    s.declareBy,
    T0,
  );
  if (s.approveBy) run.do({ type: 'approve', reason: '同意' }, s.approveBy, T0 + 5 * MIN);
  expect(run.s.status).toBe('active');
  if (s.party) {
    run.do({ type: 'bind', role: s.party.role, to: { party: s.party.party } }, duty, T0 + 5 * MIN);
    // staff report for the outside party: the record says on whose behalf
    const owed = run.tasks().find((t) => t.unitId === s.party?.role && t.status === 'assigned');
    if (!owed) throw new Error('the party owes nothing');
    run.do(
      { type: 'report', taskId: owed.id, note: '电话报告：已到场处置。', done: true },
      duty,
      T0 + 15 * MIN,
    );
  }

  // two tasks of two member units reported done before they are due (so neither is late), a third in progress
  const roles = planIndex(run.plan).roles;
  const early = run
    .tasks()
    .filter(
      (t) => !roles.has(t.unitId) && t.status === 'assigned' && (t.dueAt === null || t.dueAt > T0 + HOUR),
    )
    .sort((x, y) => x.id.localeCompare(y.id));
  const a = early[0];
  const b = early.find((t) => t.unitId !== a?.unitId);
  const c = early.find((t) => t !== a && t !== b);
  if (!a || !b || !c) throw new Error('not enough tasks of member units');
  const picked = [a, b, c];
  for (const t of picked) run.do({ type: 'acknowledge', taskId: t.id }, unit(t.unitId), T0 + 10 * MIN);
  run.do({ type: 'report', taskId: a.id, note: FORMULA, done: true }, unit(a.unitId), T0 + 20 * MIN);
  run.do(
    { type: 'report', taskId: b.id, note: QUOTED, done: true, attachment: ATTACHMENT },
    unit(b.unitId),
    T0 + 25 * MIN,
  );
  run.do(
    { type: 'report', taskId: c.id, note: '正在组织人员。', done: false },
    unit(c.unitId),
    T0 + 30 * MIN,
  );
  run.do({ type: 'changeLevel', levelId: s.second, reason: '雪势加大，提升响应' }, s.changeBy, T0 + HOUR);
  run.do({ type: 'terminate', reason: '险情解除，道路畅通' }, s.endBy, T0 + 3 * HOUR);
  for (const section of sections)
    run.do(
      { type: 'writeReview', section: section as never, text: SECTIONS[section as keyof typeof SECTIONS] },
      duty,
      T0 + 4 * HOUR,
    );
  if (sign) run.do({ type: 'signReview' }, director, T0 + 5 * HOUR);
  const review = incidentReview(run.plan, run.s, run.log, NOW);
  const rows = ledger(planById, [run.s], {});
  return { run, review, rows, done: [a, b] as const };
}

// ── reading the .docx back ───────────────────────────────────────────────────────────────────────────
const unescapeXml = (s: string) =>
  s
    .replaceAll('&lt;', '<')
    .replaceAll('&gt;', '>')
    .replaceAll('&quot;', '"')
    .replaceAll('&apos;', "'")
    .replaceAll('&amp;', '&');

interface Para {
  style: string | null;
  text: string;
}
const textOf = (xml: string) =>
  unescapeXml(
    [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>|<w:br\/>/g)].map((m) => m[1] ?? '\n').join(''),
  );
const parasOf = (xml: string): Para[] =>
  [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map(([p]) => ({
    style: /<w:pStyle w:val="([^"]+)"\/>/.exec(p)?.[1] ?? null,
    text: textOf(p),
  }));
const rowsOf = (xml: string) =>
  [...xml.matchAll(/<w:tr[ >][\s\S]*?<\/w:tr>/g)].map(([tr]) => ({
    xml: tr,
    cells: [...tr.matchAll(/<w:tc[ >][\s\S]*?<\/w:tc>/g)].map(([tc]) =>
      parasOf(tc)
        .map((p) => p.text)
        .join('\n'),
    ),
  }));

async function openDocx(buf: Buffer) {
  const zip = await JSZip.loadAsync(buf);
  const read = async (name: string) => {
    const f = zip.file(name);
    if (!f) throw new Error(`no ${name} in the .docx`);
    return f.async('string');
  };
  const document = await read('word/document.xml');
  const footers = await Promise.all(
    Object.keys(zip.files)
      .filter((n) => /^word\/footer\d+\.xml$/.test(n))
      .map(read),
  );
  return {
    document,
    styles: await read('word/styles.xml'),
    footers,
    paras: parasOf(document),
    rows: rowsOf(document),
  };
}

const time = (ms: number | null) => (ms === null ? '' : formatShanghai(ms));
const HEADINGS_ZH = Object.values(REVIEW_HEADINGS).map((h) => h.zh);
const HEADINGS_EN = Object.values(REVIEW_HEADINGS).map((h) => h.en);
const UNIT_HEAD = [
  '单位',
  '任务数',
  '已确认',
  '已完成',
  '逾期完成',
  '终止时未完成',
  '超时未完成',
  '首次确认时间',
  '最后完成时间',
];
const unitRow = (u: IncidentReview['units'][number]) => [
  `${u.unit}${u.reached ? '' : '（无人接收）'}`,
  ...[u.tasks, u.acknowledged, u.done, u.doneLate, u.closedUndone, u.missed].map(String),
  time(u.firstAcknowledgedAt),
  time(u.lastDoneAt),
];

describe.each(SCENARIOS)('$planId: the 总结评估报告 as .docx', (s) => {
  let made: { r: ReturnType<typeof respond>; docx: Awaited<ReturnType<typeof openDocx>> };
  beforeAll(async () => {
    const r = respond(s);
    made = { r, docx: await openDocx(await reviewDocx(r.review, names, 'zh')) };
  });

  it('has the title, the eight headings as Heading1 in order, and a Heading2 for every unit', async () => {
    const { r, docx } = made;
    const title = docx.paras.find((p) => p.style === 'Title');
    expect(title?.text).toBe(`${r.run.s.title}应急处置总结评估报告${s.drill ? '（演练）' : ''}`);
    expect(docx.paras.filter((p) => p.style === 'Heading1').map((p) => p.text)).toEqual(HEADINGS_ZH);
    expect(r.review.units.length).toBeGreaterThan(3);
    expect(docx.paras.filter((p) => p.style === 'Heading2').map((p) => p.text)).toEqual(
      r.review.units.map((u, i) => `（${chineseNumber(i + 1)}）${unitRow(u)[0]}`),
    );
    const plan = r.run.plan;
    expect(docx.paras.map((p) => p.text)).toContain(`依据预案：${plan.title.zh}（${plan.docNumber}）`);
    expect(docx.paras.some((p) => p.text.includes(`记录第 ${r.review.version} 版`))).toBe(true);
  });

  it('states the basic facts from the record, and says 未填写 where it holds nothing', async () => {
    const { r, docx } = made;
    const texts = docx.paras.map((p) => p.text);
    const b = r.review.basics;
    expect(texts).toContain(`事发地点：${b.place ?? '未填写'}`);
    expect(texts).toContain(`事发时间：${time(T0 - 15 * MIN)}`);
    expect(texts).toContain(`接报时间：${time(T0)}`);
    expect(texts).toContain(`启动时间：${time(b.declaredAt)}`);
    expect(texts).toContain(`终止时间：${time(T0 + 3 * HOUR)}`);
    expect(texts).toContain(`接报人：${names('duty-1')}`);
    expect(texts).toContain(`接报内容：${b.summary}`);
    expect(texts).toContain(`最高响应级别：${levelById(r.run.plan, s.second)?.name.zh}`);
    expect(b.readings).toHaveLength(Object.keys(s.readings ?? {}).length);
    expect(texts).toContain(
      `研判数据：${b.readings.map((x) => `${x.name.zh} ${x.value}${x.unit?.zh ?? ''}`).join('；') || '未填写'}`,
    );
    expect(texts).toContain(`建议响应级别：${b.recommended?.zh ?? '无'}`);
    if (s.readings) expect(texts).toContain('研判数据：24小时降雪量（融化后水量） 5毫米');
  });

  it('lists every response step with its proposer and signer', async () => {
    const { r, docx } = made;
    expect(r.review.response.map((x) => x.kind)).toContain('changed');
    for (const step of r.review.response) {
      const row = docx.rows.find((x) => x.cells[0] === time(step.at) && x.cells[1] === stepText(step, 'zh'));
      expect(row?.cells).toEqual([
        time(step.at),
        stepText(step, 'zh'),
        names(step.by),
        step.signedBy === null ? '—' : names(step.signedBy),
        step.reason,
      ]);
    }
  });

  it('gives the figures, one row per unit under a repeating header, and each unit’s tasks and notes', async () => {
    const { r, docx } = made;
    const { done } = r;
    const f = r.review.figures;
    const figures = docx.rows.flatMap((x) => [x.cells.slice(0, 2), x.cells.slice(2, 4)]);
    expect(figures).toContainEqual(['任务', String(f.tasks)]);
    expect(figures).toContainEqual(['已完成', String(f.done)]);
    expect(figures).toContainEqual(['终止时未完成', String(f.closedUndone)]);
    expect(figures).toContainEqual(['无人接收', String(f.unreached)]);
    expect(f.done).toBe(s.party ? 3 : 2);

    const head = docx.rows.filter((x) => x.cells.join('|') === UNIT_HEAD.join('|'));
    expect(head).toHaveLength(1);
    expect(head[0]?.xml).toContain('<w:tblHeader/>');
    const unitRows = r.review.units.map((u) =>
      docx.rows.find((x) => x.cells.join('|') === unitRow(u).join('|')),
    );
    for (const row of unitRows) {
      expect(row).toBeDefined();
      expect(row?.xml).toContain('<w:cantSplit/>');
    }

    // the tasks reported done: in their unit's table with when, and their notes under it
    for (const t of done) {
      const task = r.review.units.flatMap((u) => u.items).find((i) => i.taskId.endsWith(t.id));
      expect(task).toBeDefined();
      const row = docx.rows.find(
        (x) => x.cells[1] === task?.title && x.cells[5] === time(task?.doneAt ?? null),
      );
      expect(row?.cells.slice(2)).toEqual([
        task?.clause,
        time(task?.assignedAt ?? null),
        time(task?.acknowledgedAt ?? null),
        time(task?.doneAt ?? null),
        '已完成',
      ]);
    }
    const notes = docx.paras.filter((p) => p.style === 'Note').map((p) => p.text);
    expect(notes).toHaveLength(r.review.figures.notes);
    expect(notes).toContain(`${time(T0 + 20 * MIN)} ${names(`u-${done[0].unitId}`)}：${FORMULA}`);
    expect(notes).toContain(
      `${time(T0 + 25 * MIN)} ${names(`u-${done[1].unitId}`)}：${QUOTED}（附件：清扫情况报告.pdf）`,
    );
  });

  it('lists every reporting obligation and every problem the record shows', async () => {
    const { r, docx } = made;
    expect(r.review.obligations.length).toBeGreaterThan(0);
    for (const o of r.review.obligations)
      expect(docx.rows.map((x) => x.cells)).toContainEqual([
        o.clause ? `${o.title}（${o.clause}）` : o.title,
        o.unit,
        time(o.dueAt),
        time(o.doneAt),
        obligationWord(o.status, 'zh'),
        o.by === null ? '' : `${names(o.by)}${o.onBehalfOf ? `（代${o.onBehalfOf}）` : ''}`,
      ]);
    expect(r.review.problems.length).toBeGreaterThan(0);
    const start = docx.paras.findIndex((p) => p.text === REVIEW_HEADINGS.problems.zh);
    expect(docx.paras.slice(start + 1, start + 1 + r.review.problems.length).map((p) => p.text)).toEqual(
      r.review.problems.map((p, i) => `${i + 1}. ${problemText(p, 'zh')}`),
    );
    expect(docx.paras[start + 1 + r.review.problems.length]?.text).toBe(REVIEW_HEADINGS.lessons.zh);
  });

  it('carries the office’s sections paragraph by paragraph, who wrote them, and who signed', async () => {
    const { docx } = made;
    const texts = docx.paras.map((p) => p.text);
    for (const text of Object.values(SECTIONS))
      for (const line of text.split('\n'))
        expect(docx.paras).toContainEqual({ style: 'BodyText', text: line });
    expect(texts.filter((t) => t === `撰写：${names('duty-1')} ${time(T0 + 4 * HOUR)}`)).toHaveLength(3);
    expect(texts).toContain(`签发人：王主任（办公室主任）\u3000签发时间：${time(T0 + 5 * HOUR)}`);
    expect(texts).not.toContain('尚未签发');
    expect(texts).not.toContain('（尚未填写）');
  });

  it('is laid out after GB/T 9704: A4, its margins, its fonts, exact lines, page numbers at the foot', async () => {
    const { docx } = made;
    expect(docx.document).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    expect(docx.document).toMatch(/<w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1587"/);
    const style = (id: string) =>
      new RegExp(`<w:style [^>]*w:styleId="${id}"[^>]*>[\\s\\S]*?</w:style>`).exec(docx.styles)?.[0] ?? '';
    const defaults = /<w:docDefaults>[\s\S]*?<\/w:docDefaults>/.exec(docx.styles)?.[0] ?? '';
    expect(defaults).toContain('w:eastAsia="仿宋_GB2312"');
    expect(defaults).toContain('<w:sz w:val="32"/>');
    expect(defaults).toMatch(/<w:spacing [^>]*w:line="579" w:lineRule="exact"/);
    expect(style('Title')).toContain('w:eastAsia="方正小标宋简体"');
    expect(style('Title')).toContain('<w:sz w:val="44"/>');
    expect(style('Heading1')).toContain('w:eastAsia="黑体"');
    expect(style('Heading1')).toContain('<w:outlineLvl w:val="0"/>');
    expect(style('Heading2')).toContain('w:eastAsia="楷体_GB2312"');
    expect(style('TableText')).toContain('w:eastAsia="仿宋_GB2312"');
    expect(docx.footers.length).toBeGreaterThanOrEqual(2);
    for (const footer of docx.footers) {
      expect(footer).toMatch(/PAGE/);
      expect(footer).toContain('w:eastAsia="宋体"');
      expect(textOf(footer)).toMatch(/^— .* —$/);
    }
  });
});

describe('the 总结评估报告 before it is finished, and in English', () => {
  it('says what is not written and not signed yet', async () => {
    const r = respond(SCENARIOS[0] as Scenario, { sections: ['lessons'], sign: false });
    const { paras } = await openDocx(await reviewDocx(r.review, names, 'zh'));
    const texts = paras.map((p) => p.text);
    expect(texts.filter((t) => t === '（尚未填写）')).toHaveLength(2);
    expect(texts).toContain('尚未签发');
    expect(texts.some((t) => t.startsWith('签发人'))).toBe(false);
  });

  it.each(SCENARIOS)('$planId: English headings, English level names, and no Chinese heading', async (s) => {
    const r = respond(s);
    const en = namesIn('en');
    const docx = await openDocx(await reviewDocx(r.review, en, 'en'));
    expect(docx.paras.filter((p) => p.style === 'Heading1').map((p) => p.text)).toEqual(HEADINGS_EN);
    for (const h of HEADINGS_ZH) expect(docx.document).not.toContain(h);
    for (const word of [
      '基本情况',
      '措施落实',
      '签发人',
      '任务数',
      '落实情况',
      '进展记录',
      '应急处置总结评估报告',
    ])
      expect(docx.document).not.toContain(word);
    expect(docx.paras.find((p) => p.style === 'Title')?.text).toBe(
      `${r.run.s.title} — emergency response review${s.drill ? ' (drill)' : ''}`,
    );
    const changed = r.review.response.find((x) => x.kind === 'changed');
    const [from, to] = [levelById(r.run.plan, s.first)?.name.en, levelById(r.run.plan, s.second)?.name.en];
    expect(docx.rows.map((x) => x.cells[1])).toContain(`Changed ${from} → ${to}`);
    expect(docx.rows.find((x) => x.cells[1] === `Changed ${from} → ${to}`)?.cells[2]).toBe(
      en(changed?.by ?? ''),
    );
    expect(docx.rows.map((x) => x.cells)).toContainEqual([
      'Unit',
      'Tasks',
      'Acknowledged',
      'Done',
      'Done late',
      'Not done at the end',
      'Missed',
      'First acknowledged',
      'Last done',
    ]);
    expect(docx.paras.map((p) => p.text)).toContain(
      `Signed off by Wang (office director) at ${time(T0 + 5 * HOUR)}`,
    );
    expect(docx.paras.filter((p) => p.style === 'Heading2').map((p) => p.text)).toEqual(
      r.review.units.map((u, i) => `3.${i + 1} ${u.unitEn}${u.reached ? '' : ' (reaches no one)'}`),
    );
  });
});

// ── the ledger as files ──────────────────────────────────────────────────────────────────────────────
describe.each(SCENARIOS)('$planId: the 台账 as .xlsx and CSV', (s) => {
  it('the workbook reads back as the ledger query, cell for cell, every cell a string', async () => {
    const { rows } = respond(s);
    const buf = await ledgerXlsx(rows, names, 'zh');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buf as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['台账']);
    const sheet = wb.getWorksheet('台账');
    if (!sheet) throw new Error('no sheet');
    const width = LEDGER_COLUMNS.length;
    const read: unknown[][] = [];
    sheet.eachRow({ includeEmpty: true }, (row) => {
      const cells = Array.from({ length: width }, (_, i) => row.getCell(i + 1));
      for (const c of cells) expect(c.type).toBe(ExcelJS.ValueType.String);
      expect(row.cellCount).toBeLessThanOrEqual(width);
      read.push(cells.map((c) => c.value));
    });
    expect(read).toEqual([LEDGER_COLUMNS.map((c) => c[1]), ...rows.map((r) => ledgerCells(r, names))]);
    expect(read.flat()).toContain(FORMULA);
    // written as a string, never a formula
    const xml = await (await JSZip.loadAsync(buf)).file('xl/worksheets/sheet1.xml')?.async('string');
    expect(xml).not.toMatch(/<f[ >]/);

    // the header: bold, frozen, filtered, printed on every A4 landscape page
    expect(sheet.getRow(1).getCell(1).font?.bold).toBe(true);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.pageSetup.orientation).toBe('landscape');
    expect(sheet.pageSetup.paperSize).toBe(9);
    expect(sheet.pageSetup.printTitlesRow).toBe('1:1');
    expect(sheet.autoFilter).toBe(`A1:I${rows.length + 1}`);
    expect(sheet.getColumn(5).alignment?.wrapText).toBe(true);
    expect(sheet.getColumn(9).alignment?.wrapText).toBe(true);
  });

  it('the English workbook has the English sheet, headings and cells', async () => {
    const { rows } = respond(s);
    const en = namesIn('en');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await ledgerXlsx(rows, en, 'en')) as unknown as ArrayBuffer);
    const sheet = wb.getWorksheet('Ledger');
    expect(sheet?.getRow(1).values).toEqual([undefined, ...LEDGER_COLUMNS.map((c) => c[2])]);
    expect(sheet?.getRow(2).values).toEqual([undefined, ...ledgerCells(rows[0]!, en, 'en')]);
  });

  it('the CSV: a byte-order mark, CRLF, Chinese intact, quoted fields, and no formula', () => {
    const { rows, run } = respond(s);
    const csv = ledgerCsv(rows, names, 'zh');
    expect(csv.startsWith('\uFEFF序号,时间,事件,')).toBe(true);
    expect(Buffer.from(csv, 'utf8').subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(csv).toContain(run.s.title);
    const records = parseCsv(csv.slice(1));
    expect(records).toEqual([
      LEDGER_COLUMNS.map((c) => c[1]),
      ...rows.map((r) => ledgerCells(r, names).map(inert)),
    ]);
    // the note that looks like a formula is text: an apostrophe first, its quotes doubled inside quotes
    expect(records.flat()).toContain(`'${FORMULA}`);
    expect(csv).toContain(`"'=HYPERLINK(""http://example.com/x"",""点此查看"")"`);
    expect(records.flat().some((c) => c.startsWith('='))).toBe(false);
    // the note with a comma, quotes and a line break stays one field
    // the remark is the note, then the attached file's name
    const remark = `${QUOTED}；附件：${ATTACHMENT.name}`;
    expect(csv).toContain(`"${remark.replaceAll('"', '""')}"`);
    expect(records.flat()).toContain(remark);
    // every record ends with CRLF; a bare LF only inside a quoted field
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csv.replace(/"(?:[^"]|"")*"/g, '').replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  });
});

/** RFC 4180: fields split by commas, records by CRLF, quoted fields with doubled quotes. */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let i = 0;
  while (i < text.length) {
    let field = '';
    if (text[i] === '"') {
      i += 1;
      for (;;) {
        const q = text.indexOf('"', i);
        if (q < 0) throw new Error('unclosed quote');
        field += text.slice(i, q);
        if (text[q + 1] === '"') {
          field += '"';
          i = q + 2;
        } else {
          i = q + 1;
          break;
        }
      }
    } else {
      const end = text.slice(i).search(/,|\r\n/);
      field = end < 0 ? text.slice(i) : text.slice(i, i + end);
      i = end < 0 ? text.length : i + end;
    }
    record.push(field);
    if (text.startsWith('\r\n', i)) {
      records.push(record);
      record = [];
      i += 2;
    } else if (text[i] === ',') i += 1;
    else if (i < text.length) throw new Error(`unexpected ${JSON.stringify(text[i])} at ${i}`);
  }
  if (record.length) records.push(record);
  return records;
}

// ── a large response: how long the files take ────────────────────────────────────────────────────────
describe('a large response renders', () => {
  it('Ⅰ-level snow, every task with its share of 5,000 progress reports: .docx and .xlsx', async () => {
    const run = new Run(plan('snow-ice'));
    run.do(declareCmd('snow-ice', 'I', { title: '特大暴雪', reason: '按现场情况研判' }), duty, T0);
    const tasks = run.tasks().sort((a, b) => a.id.localeCompare(b.id));
    expect(tasks.length).toBeGreaterThanOrEqual(150);
    const NOTES = 5_000;
    for (let n = 0; n < NOTES; n++) {
      const t = tasks[n % tasks.length]!;
      run.do(
        {
          type: 'report',
          taskId: t.id,
          note: `第 ${n + 1} 次进展：已出动人员 ${n % 40} 人、车辆 ${n % 9} 台，清扫路段约 ${n % 7} 公里，“重点路段”已撒布融雪剂。`,
          done: false,
        },
        unit(t.unitId),
        T0 + 10 * MIN + n * 1000,
      );
    }
    run.do({ type: 'terminate', reason: '降雪结束' }, duty, T0 + 5 * HOUR);
    const review = incidentReview(run.plan, run.s, run.log, T0 + 6 * HOUR);
    expect(review.figures.notes).toBe(NOTES);
    const rows = ledger(planById, [run.s], {});

    const t0 = performance.now();
    const docx = await reviewDocx(review, names, 'zh');
    const t1 = performance.now();
    const xlsx = await ledgerXlsx(rows, names, 'zh');
    const t2 = performance.now();
    console.log(
      `large response: ${review.figures.tasks} tasks, ${review.figures.notes} notes — ` +
        `.docx ${(t1 - t0).toFixed(0)} ms (${(docx.length / 1024).toFixed(0)} KB), ` +
        `.xlsx ${rows.length} rows ${(t2 - t1).toFixed(0)} ms (${(xlsx.length / 1024).toFixed(0)} KB)`,
    );
    const { paras } = await openDocx(docx);
    expect(paras.filter((p) => p.style === 'Note')).toHaveLength(NOTES);
    expect(paras.filter((p) => p.style === 'Heading2')).toHaveLength(review.units.length);
  }, 60_000);
});
