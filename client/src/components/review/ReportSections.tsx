/**
 * Parts 1 to 5 of the 总结评估报告, rendered from the server's IncidentReview (shared/views/review.ts) and
 * nothing else, in the words of shared/views/reviewWords.ts, which the .docx (server/exports/reviewDocx.ts)
 * uses too: 基本情况, 预警与响应, 措施落实 (the figures, one table with every unit, then each unit's tasks
 * with their reports), 信息报送 and the problems the record shows. Every table is a plain table, never
 * virtualised or clipped, so that the whole report prints (review.css).
 */
import type { ReactNode } from 'react';
import type { Lang } from '../../../../shared/engine/text.ts';
import type { Plan } from '../../../../shared/plans/schema.ts';
import { LEDGER_STATUS_WORDS } from '../../../../shared/views/ledger.ts';
import type { IncidentReview, ReviewTask, ReviewUnit } from '../../../../shared/views/review.ts';
import {
  chineseNumber,
  fill,
  obligationWord,
  problemText,
  REVIEW_HEADINGS,
  REVIEW_WORDS as W,
  UNIT_COLUMNS,
  stepText,
} from '../../../../shared/views/reviewWords.ts';
import { useLang } from '../../i18n.ts';
import { levelIn, paren, say, shanghai, useNames } from './words.tsx';

/** A table that scrolls sideways on a phone and prints whole. */
function Table({
  children,
  className,
  caption,
  cols,
}: {
  children: ReactNode;
  className: string;
  caption?: string;
  /** the columns' classes, which give them fixed widths (review.css): every unit's table lines up */
  cols?: string[];
}) {
  return (
    <div className="rv-table-wrap">
      <table className={`rv-table ${className}`}>
        {caption && <caption>{caption}</caption>}
        {cols && (
          <colgroup>
            {cols.map((c, i) => (
              <col key={i} className={`rv-c-${c}`} />
            ))}
          </colgroup>
        )}
        {children}
      </table>
    </div>
  );
}

/** A time (Asia/Shanghai, as the .docx writes it), or a dash where the record holds none. */
function When({ at }: { at: number | null }) {
  if (at === null) return <span className="rv-dash">{W.dash.zh}</span>;
  return <time dateTime={new Date(at).toISOString()}>{shanghai(at)}</time>;
}

function Missing({ lang }: { lang: Lang }) {
  return <span className="rv-missing">{say(W.notGiven, lang)}</span>;
}

function Heading({ id, text }: { id: string; text: string }) {
  return <h2 id={id}>{text}</h2>;
}

export function Basics({ review }: { review: IncidentReview }) {
  const lang = useLang();
  const name = useNames();
  const b = review.basics;
  const B = W.basics;
  const reading = (r: IncidentReview['basics']['readings'][number]) => {
    const v = r.value;
    const value = Array.isArray(v)
      ? v.join(lang === 'zh' ? '、' : ', ')
      : typeof v === 'boolean'
        ? lang === 'zh'
          ? v
            ? '是'
            : '否'
          : v
            ? 'yes'
            : 'no'
        : String(v);
    return `${r.name[lang]} ${value}${r.unit ? `${lang === 'zh' ? '' : ' '}${r.unit[lang]}` : ''}`;
  };
  const place = lang === 'zh' ? b.place : b.placeEn;
  const rows: [{ zh: string; en: string }, ReactNode][] = [
    [B.plan, `${b.plan.title[lang]}${paren(b.plan.docNumber, lang)}`],
    [B.place, place ?? <Missing lang={lang} />],
    [B.occurredAt, b.occurredAt === null ? <Missing lang={lang} /> : <When at={b.occurredAt} />],
    [B.reportedAt, <When key="r" at={b.reportedAt} />],
    [B.declaredAt, b.declaredAt === null ? say(B.notDeclared, lang) : <When key="d" at={b.declaredAt} />],
    [B.terminatedAt, b.terminatedAt === null ? say(B.notEnded, lang) : <When key="e" at={b.terminatedAt} />],
    [B.openedBy, b.openedBy === null ? <Missing lang={lang} /> : name(b.openedBy)],
    [B.summary, b.summary.trim() ? <span className="rv-text">{b.summary}</span> : <Missing lang={lang} />],
    [
      B.readings,
      b.readings.length > 0 ? (
        b.readings.map(reading).join(lang === 'zh' ? '；' : '; ')
      ) : (
        <Missing lang={lang} />
      ),
    ],
    [B.recommended, b.recommended ? b.recommended[lang] : say(W.none, lang)],
    [B.highestLevel, b.highestLevel ? b.highestLevel[lang] : say(B.notDeclared, lang)],
    ...(b.finalLevel ? [[B.finalLevel, b.finalLevel[lang]] as [{ zh: string; en: string }, ReactNode]] : []),
  ];
  return (
    <section className="rv-part" aria-labelledby="rv-basics">
      <Heading id="rv-basics" text={say(REVIEW_HEADINGS.basics, lang)} />
      <Table className="rv-kv">
        <tbody>
          {rows.map(([label, value]) => (
            <tr key={label.zh}>
              <th scope="row">{say(label, lang)}</th>
              <td>{value}</td>
            </tr>
          ))}
        </tbody>
      </Table>
    </section>
  );
}

export function Response({ review, plan }: { review: IncidentReview; plan: Plan | null }) {
  const lang = useLang();
  const name = useNames();
  const R = W.response;
  return (
    <section className="rv-part" aria-labelledby="rv-response">
      <Heading id="rv-response" text={say(REVIEW_HEADINGS.response, lang)} />
      {review.response.length === 0 ? (
        <p>{say(R.none, lang)}</p>
      ) : (
        <Table className="rv-steps" cols={['time', 'what', 'by', 'signed', 'reason']}>
          <thead>
            <tr>
              {[R.at, R.what, R.by, R.signedBy, R.reason].map((h) => (
                <th key={h.zh} scope="col">
                  {say(h, lang)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {review.response.map((s, i) => (
              <tr key={i} data-step={s.kind}>
                <td className="rv-time">
                  <When at={s.at} />
                </td>
                <td>{stepText(s, lang, (zh) => levelIn(plan, zh, lang))}</td>
                <td>{name(s.by)}</td>
                <td>{s.signedBy ? name(s.signedBy) : <span className="rv-dash">{W.dash.zh}</span>}</td>
                <td className="rv-text">{s.reason}</td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
    </section>
  );
}

/** what counts as a problem: it stands out on screen (red) and in print (bold) */
const FIGURE_BAD = new Set([
  'doneLate',
  'closedUndone',
  'missed',
  'overdue',
  'unreached',
  'obligationsLate',
  'obligationsMissed',
]);

function Figures({ review }: { review: IncidentReview }) {
  const lang = useLang();
  const f = review.figures;
  // the .docx's order
  const items: [keyof typeof W.figures, number][] = [
    ['tasks', f.tasks],
    ['acknowledged', f.acknowledged],
    ['done', f.done],
    ['doneLate', f.doneLate],
    ['closedUndone', f.closedUndone],
    ['missed', f.missed],
    ['open', f.open],
    ['overdue', f.overdue],
    ['unreached', f.unreached],
    ['stoodDown', f.stoodDown],
    ['units', f.units],
    ['unitsAcknowledged', f.unitsAcknowledged],
    ['obligations', f.obligations],
    ['obligationsMet', f.obligationsMet],
    ['obligationsLate', f.obligationsLate],
    ['obligationsMissed', f.obligationsMissed],
    ['notes', f.notes],
  ];
  return (
    <dl className="rv-figures">
      {items.map(([key, n]) => (
        <div
          key={key}
          className={FIGURE_BAD.has(key) && n > 0 ? 'rv-fig rv-fig-bad' : 'rv-fig'}
          data-figure={key}
        >
          <dt>{say(W.figures[key], lang)}</dt>
          <dd>{n}</dd>
        </div>
      ))}
    </dl>
  );
}

/** One number of the unit table: a count that is a problem stands out. */
function Count({ n, bad }: { n: number; bad?: boolean }) {
  return <td className={bad && n > 0 ? 'rv-num rv-bad' : 'rv-num'}>{n}</td>;
}

const unitLabel = (u: ReviewUnit, lang: Lang) =>
  `${lang === 'zh' ? u.unit : u.unitEn}${u.reached ? '' : say(W.units.unreached, lang)}`;

function UnitTable({ units }: { units: ReviewUnit[] }) {
  const lang = useLang();
  return (
    <Table className="rv-units">
      <thead>
        <tr>
          {[W.tasks.no, ...UNIT_COLUMNS].map((h) => (
            <th key={h.zh} scope="col">
              {say(h, lang)}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {units.map((u, i) => (
          <tr key={u.unitId} data-unit={u.unitId}>
            <td className="rv-num">{i + 1}</td>
            <th scope="row" className={u.reached ? 'rv-unit-name' : 'rv-unit-name rv-bad'}>
              {unitLabel(u, lang)}
            </th>
            <Count n={u.tasks} />
            <Count n={u.acknowledged} />
            <Count n={u.done} />
            <Count n={u.doneLate} bad />
            <Count n={u.closedUndone} bad />
            <Count n={u.missed} bad />
            <td className="rv-time">
              <When at={u.firstAcknowledgedAt} />
            </td>
            <td className="rv-time">
              <When at={u.lastDoneAt} />
            </td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}

const BAD_STATUS = new Set(['missed', 'doneLate', 'closedUndone', 'overdue', 'unreached', 'stoodDown']);

/** 落实情况 as the .docx writes it: the status, with the deadline a late or missed task had, or when it was closed. */
function outcome(task: ReviewTask, lang: Lang): string {
  const status = LEDGER_STATUS_WORDS[task.status][lang];
  const due =
    task.dueAt !== null && ['doneLate', 'missed', 'overdue'].includes(task.status)
      ? paren(fill(say(W.tasks.due, lang), { at: shanghai(task.dueAt) }), lang)
      : '';
  const closed =
    task.doneAt === null && task.closedAt !== null
      ? paren(fill(say(W.tasks.closed, lang), { at: shanghai(task.closedAt) }), lang)
      : '';
  return `${status}${due}${closed}`;
}

function UnitTasks({ unit, n }: { unit: ReviewUnit; n: number }) {
  const lang = useLang();
  const name = useNames();
  const T = W.tasks;
  const label = unitLabel(unit, lang);
  return (
    <section className="rv-unit" data-unit={unit.unitId} aria-label={label}>
      <h3>{lang === 'zh' ? `（${chineseNumber(n)}）${label}` : `3.${n} ${label}`}</h3>
      <Table className="rv-tasks" cols={['no', 'task', 'clause', 'time', 'time', 'time', 'status']}>
        <thead>
          <tr>
            {[T.no, T.title, T.clause, T.assignedAt, T.acknowledgedAt, T.doneAt, T.status].map((h) => (
              <th key={h.zh} scope="col">
                {say(h, lang)}
              </th>
            ))}
          </tr>
        </thead>
        {unit.items.map((task, i) => (
          // one body per task, its reports under it, so that a page break keeps them together where it can
          <tbody key={task.taskId} className="rv-task" data-task={task.taskId} data-status={task.status}>
            <tr>
              <td className="rv-num">{i + 1}</td>
              <td>{lang === 'zh' ? task.title : task.titleEn}</td>
              <td>{task.clause}</td>
              <td className="rv-time">
                <When at={task.assignedAt} />
              </td>
              <td className="rv-time">
                <When at={task.acknowledgedAt} />
              </td>
              <td className="rv-time">
                <When at={task.doneAt} />
              </td>
              <td className={BAD_STATUS.has(task.status) ? 'rv-status rv-bad' : 'rv-status'}>
                {outcome(task, lang)}
              </td>
            </tr>
            {task.notes.length > 0 && (
              <tr className="rv-notes">
                <td />
                <td colSpan={6}>
                  <span className="rv-notes-label">{`${say(T.notes, lang)}${lang === 'zh' ? '：' : ': '}`}</span>
                  <ol>
                    {task.notes.map((note, k) => (
                      <li key={k}>
                        {`${shanghai(note.at)} ${name(note.by)}${
                          note.onBehalfOf ? fill(say(T.onBehalfOf, lang), { party: note.onBehalfOf }) : ''
                        }${lang === 'zh' ? '：' : ': '}${note.text}`}
                        {note.attachment && (
                          <>
                            {' '}
                            <a
                              className="rv-attachment"
                              href={`/api/attachments/${encodeURIComponent(note.attachment.fileId)}`}
                              target="_blank"
                              rel="noopener"
                            >
                              {fill(say(T.attachment, lang), { name: note.attachment.name })}
                            </a>
                          </>
                        )}
                      </li>
                    ))}
                  </ol>
                </td>
              </tr>
            )}
          </tbody>
        ))}
      </Table>
    </section>
  );
}

export function Measures({ review }: { review: IncidentReview }) {
  const lang = useLang();
  return (
    <section className="rv-part" aria-labelledby="rv-measures">
      <Heading id="rv-measures" text={say(REVIEW_HEADINGS.measures, lang)} />
      <Figures review={review} />
      {review.units.length === 0 ? (
        <p>{say(W.units.none, lang)}</p>
      ) : (
        <>
          <UnitTable units={review.units} />
          {review.units.map((u, i) => (
            <UnitTasks key={u.unitId} unit={u} n={i + 1} />
          ))}
        </>
      )}
    </section>
  );
}

const OBLIGATION_BAD = new Set(['metLate', 'missed', 'overdue', 'closedUndone']);

export function Reports({ review }: { review: IncidentReview }) {
  const lang = useLang();
  const name = useNames();
  const R = W.reporting;
  return (
    <section className="rv-part" aria-labelledby="rv-reports">
      <Heading id="rv-reports" text={say(REVIEW_HEADINGS.reporting, lang)} />
      {review.obligations.length === 0 ? (
        <p>{say(R.none, lang)}</p>
      ) : (
        <Table className="rv-obligations" cols={['report', 'unit', 'time', 'time', 'status', 'by']}>
          <thead>
            <tr>
              {[R.title, R.unit, R.dueAt, R.doneAt, R.status, R.by].map((h) => (
                <th key={h.zh} scope="col">
                  {say(h, lang)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {review.obligations.map((o) => (
              <tr key={o.taskId} data-obligation={o.status}>
                <td>{`${lang === 'zh' ? o.title : o.titleEn}${paren(o.clause, lang)}`}</td>
                <td>{lang === 'zh' ? o.unit : o.unitEn}</td>
                <td className="rv-time">
                  <When at={o.dueAt} />
                </td>
                <td className="rv-time">
                  <When at={o.doneAt} />
                </td>
                <td className={OBLIGATION_BAD.has(o.status) ? 'rv-status rv-bad' : 'rv-status'}>
                  {obligationWord(o.status, lang)}
                </td>
                <td>
                  {o.by === null
                    ? ''
                    : `${name(o.by)}${o.onBehalfOf ? fill(say(W.tasks.onBehalfOf, lang), { party: o.onBehalfOf }) : ''}`}
                </td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
    </section>
  );
}

export function Problems({ review }: { review: IncidentReview }) {
  const lang = useLang();
  return (
    <section className="rv-part" aria-labelledby="rv-problems">
      <Heading id="rv-problems" text={say(REVIEW_HEADINGS.problems, lang)} />
      {review.problems.length === 0 ? (
        <p>{say(W.problems.none, lang)}</p>
      ) : (
        <ol className="rv-problem-list">
          {review.problems.map((p, i) => (
            <li key={i} data-problem={p.kind}>
              {problemText(p, lang)}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
