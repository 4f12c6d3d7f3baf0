/**
 * The 台账: one row per task of every incident asked for — 序号, 时间, 事件, 责任单位, 措施（条款）, 落实情况,
 * 完成时间, 责任人, 备注 — filtered by plan, level reached, date range, unit and real or drill. The page, the
 * .xlsx and the CSV all come from these rows, so what a leader reads on screen is what the file holds.
 *
 * 落实情况 says what happened: a task closed by termination is 未完成, a deadline passed undone is 超时未完成,
 * a task whose role was never bound reaches no one.
 */
import type { IncidentState, Task } from '../engine/incident.ts';
import { isOpen } from '../engine/incident.ts';
import { missedDeadline, taskParty, taskReached } from '../engine/progress.ts';
import { apiTaskId } from '../engine/taskId.ts';
import { levelById, planIndex, unitName } from '../engine/tiers.ts';
import { dayKey, formatShanghai } from '../engine/time.ts';
import type { Plan } from '../plans/schema.ts';
import { taskSource } from './incident.ts';

type Lang = 'zh' | 'en';

/** Where a task ended up, as the ledger and the report word it. */
export type LedgerStatus =
  | 'done'
  | 'doneLate'
  | 'closedUndone'
  | 'missed'
  | 'overdue'
  | 'inProgress'
  | 'acknowledged'
  | 'assigned'
  | 'unreached'
  | 'stoodDown'
  | 'moved';

export const LEDGER_STATUS_WORDS: Record<LedgerStatus, { zh: string; en: string }> = {
  done: { zh: '已完成', en: 'Done' },
  doneLate: { zh: '逾期完成', en: 'Done late' },
  closedUndone: { zh: '未完成（响应终止）', en: 'Not done — closed when the response ended' },
  missed: { zh: '超时未完成', en: 'Missed — deadline passed, never done' },
  overdue: { zh: '超时待办', en: 'Overdue, still owed' },
  inProgress: { zh: '处置中', en: 'In progress' },
  acknowledged: { zh: '已确认', en: 'Acknowledged' },
  assigned: { zh: '待确认', en: 'Not yet acknowledged' },
  unreached: { zh: '无人接收', en: 'Reaches no one' },
  stoodDown: { zh: '未完成（降级撤销）', en: 'Not done — stood down by a lower level' },
  moved: { zh: '已转交', en: 'Moved to the new holder' },
};

export function ledgerStatus(t: Task, reached: boolean): LedgerStatus {
  if (t.status === 'done') return t.dueAt !== null && (t.doneAt ?? 0) > t.dueAt ? 'doneLate' : 'done';
  if (t.status === 'moved') return 'moved';
  if (missedDeadline(t)) return 'missed';
  if (t.status === 'closed') return 'closedUndone';
  if (t.status === 'stoodDown') return 'stoodDown';
  if (!reached) return 'unreached';
  if (t.overdueAt !== undefined) return 'overdue';
  return t.status;
}

/** An account id → "姓名（职务）"; an account the record does not name shows its id (never a made-up name). */
export type Names = (userId: string) => string;

/** What the ledger is asked for. Dates are Shanghai calendar days (yyyy-MM-dd), both ends included. */
export interface LedgerQuery {
  incidentId?: string | undefined;
  planId?: string | undefined;
  /** the highest level the incident reached */
  levelId?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  unitId?: string | undefined;
  /** real responses only, drills only, or both when absent */
  drill?: boolean | undefined;
}

export interface LedgerRow {
  /** 序号, from 1 in the order of the whole answer */
  no: number;
  incidentId: string;
  incident: string;
  planId: string;
  drill: boolean;
  taskId: string;
  /** 时间: when the task was assigned */
  at: number;
  unitId: string;
  unit: string;
  unitEn: string;
  /** 措施（条款） */
  measure: string;
  measureEn: string;
  clause: string;
  level: string;
  dueAt: number | null;
  status: LedgerStatus;
  /** 完成时间: only for work done */
  doneAt: number | null;
  /** when it was closed, stood down or moved undone */
  closedAt: number | null;
  /** 责任人: who reported it done (or acknowledged it), an account id; for a party, its name after it */
  by: string | null;
  onBehalfOf: string | null;
  /** 备注: the last note, and whether it came late or was closed */
  remark: string;
  /** false: its role was never bound, so it reached no one (said in 备注 once it is closed) */
  reached: boolean;
  /** the names of the files attached to its reports (the written reports the plans require) */
  attachments: string[];
}

/** Does this incident pass the incident-level filters? */
export function incidentMatches(state: IncidentState, q: LedgerQuery): boolean {
  if (q.incidentId !== undefined && state.id !== q.incidentId) return false;
  if (q.planId !== undefined && state.planId !== q.planId) return false;
  if (q.levelId !== undefined && state.highestLevel !== q.levelId) return false;
  if (q.drill !== undefined && state.drill !== q.drill) return false;
  const day = dayKey(state.openedAt);
  if (q.from !== undefined && day < q.from) return false;
  if (q.to !== undefined && day > q.to) return false;
  return true;
}

/**
 * The reports on this assignment of the task: one assigned again (the level went down and up) keeps the
 * notes of its earlier round, which are not about this one.
 */
const thisRound = (t: Task) => t.notes.filter((n) => n.at >= t.assignedAt);

function responsible(t: Task): { by: string | null; onBehalfOf: string | null } {
  // who last reported on it (the report that completed it, or the latest progress), as 备注 shows that report
  const last = thisRound(t).at(-1);
  if (last) return { by: last.by, onBehalfOf: last.onBehalfOf ?? null };
  return { by: null, onBehalfOf: null };
}

/**
 * One incident's rows, made once per state: a state is replaced, never changed, when a fact is applied, so
 * asking again (another page, another filter, an export) costs only the filtering.
 */
const rowsOf = new WeakMap<IncidentState, readonly Omit<LedgerRow, 'no'>[]>();

/** One incident's rows, in the order tasks were assigned (the plan's unit order within one assignment). */
export function incidentLedger(
  plan: Plan,
  state: IncidentState,
  unitId?: string,
): readonly Omit<LedgerRow, 'no'>[] {
  let rows = rowsOf.get(state);
  if (!rows) {
    rows = ledgerRowsOf(plan, state);
    rowsOf.set(state, rows);
  }
  return unitId === undefined ? rows : rows.filter((r) => r.unitId === unitId);
}

function ledgerRowsOf(plan: Plan, state: IncidentState): Omit<LedgerRow, 'no'>[] {
  const unitOrder = [...planIndex(plan).units.keys()];
  const tasks = Object.values(state.tasks).sort(
    (a, b) =>
      a.assignedAt - b.assignedAt ||
      unitOrder.indexOf(a.unitId) - unitOrder.indexOf(b.unitId) ||
      a.id.localeCompare(b.id),
  );
  return tasks.map((t) => {
    const s = taskSource(plan, t);
    // who held it and whether it reached anyone as it was while the task was owed, not as bound now
    const reached = taskReached(plan, state, t);
    const status = ledgerStatus(t, reached);
    const party = taskParty(state, t);
    const name = (lang: Lang) =>
      `${unitName(plan, t.unitId, lang)}${party ? `${lang === 'zh' ? '：' : ': '}${party.name}` : ''}`;
    return {
      incidentId: state.id,
      incident: state.title,
      planId: state.planId,
      drill: state.drill,
      taskId: apiTaskId(state.id, t.id),
      at: t.assignedAt,
      unitId: t.unitId,
      unit: name('zh'),
      unitEn: name('en'),
      measure: s.title.zh,
      measureEn: s.title.en,
      clause: s.clause,
      level: levelById(plan, t.level)?.name.zh ?? t.level,
      dueAt: t.dueAt,
      status,
      // a task closed undone has no completion time: when it was closed goes in the remarks
      doneAt: t.doneAt ?? null,
      closedAt: !isOpen(t) && t.status !== 'done' ? (t.closedAt ?? null) : null,
      ...responsible(t),
      // the last note that says something (a report that is only a file says nothing)
      remark: thisRound(t).findLast((n) => n.text.trim() !== '')?.text ?? '',
      reached,
      attachments: thisRound(t).flatMap((n) => (n.attachment ? [n.attachment.name] : [])),
    };
  });
}

/**
 * The rows across the incidents given, newest incident first, not yet numbered: the incidents' own rows,
 * shared (see incidentLedger), so a page of a large answer copies only itself.
 */
export function ledgerSelection(
  planOf: (planId: string) => Plan | undefined,
  states: Iterable<IncidentState>,
  q: LedgerQuery,
): Omit<LedgerRow, 'no'>[] & { scanned?: number } {
  const chosen = [...states].filter((s) => incidentMatches(s, q)).sort((a, b) => b.openedAt - a.openedAt);
  const rows: Omit<LedgerRow, 'no'>[] & { scanned?: number } = [];
  let scanned = 0;
  for (const s of chosen) {
    const plan = planOf(s.planId);
    if (!plan) continue;
    const all = incidentLedger(plan, s);
    scanned += all.length;
    rows.push(...(q.unitId === undefined ? all : all.filter((r) => r.unitId === q.unitId)));
  }
  // what the question went through, which is what it cost: a unit's few rows came from all of them
  rows.scanned = scanned;
  return rows;
}

/** Rows of a selection numbered from `from` + 1 (序号 counts across the whole answer). */
export const numbered = (rows: readonly Omit<LedgerRow, 'no'>[], from = 0): LedgerRow[] =>
  rows.map((r, i) => ({ ...r, no: from + i + 1 }));

/**
 * The rows across the incidents given, newest incident first, numbered from 1. A unit's ledger is the same
 * query with its own unit: what it was assigned and did across incidents.
 */
export function ledger(
  planOf: (planId: string) => Plan | undefined,
  states: Iterable<IncidentState>,
  q: LedgerQuery,
): LedgerRow[] {
  return numbered(ledgerSelection(planOf, states, q));
}

/** The columns of the exported ledger, in order, with their headings. */
export const LEDGER_COLUMNS = [
  ['no', '序号', 'No.'],
  ['at', '时间', 'Assigned'],
  ['incident', '事件', 'Incident'],
  ['unit', '责任单位', 'Responsible unit'],
  ['measure', '措施（条款）', 'Measure (clause)'],
  ['status', '落实情况', 'Outcome'],
  ['doneAt', '完成时间', 'Completed'],
  ['by', '责任人', 'Reported by'],
  ['remark', '备注', 'Remarks'],
] as const;

/** A row as the exported files hold it: every cell a string, times in Asia/Shanghai, people by name. */
export function ledgerCells(row: LedgerRow, names: Names, lang: Lang = 'zh'): string[] {
  const time = (ms: number | null) => (ms === null ? '' : formatShanghai(ms));
  const by = row.by === null ? '' : names(row.by);
  const who = row.onBehalfOf
    ? lang === 'zh'
      ? `${by}（代${row.onBehalfOf}）`
      : `${by} (for ${row.onBehalfOf})`
    : by;
  const measure = lang === 'zh' ? row.measure : row.measureEn;
  const status = LEDGER_STATUS_WORDS[row.status][lang];
  const late =
    row.status === 'doneLate' && row.dueAt !== null
      ? lang === 'zh'
        ? `时限 ${time(row.dueAt)}`
        : `Due ${time(row.dueAt)}`
      : '';
  const closed =
    row.closedAt !== null
      ? lang === 'zh'
        ? `关闭于 ${time(row.closedAt)}`
        : `Closed ${time(row.closedAt)}`
      : '';
  // a task closed undone whose role was never bound: it reached no one, which its outcome no longer says
  const nobody = !row.reached && row.status !== 'unreached' ? LEDGER_STATUS_WORDS.unreached[lang] : '';
  const files =
    row.attachments.length === 0
      ? ''
      : lang === 'zh'
        ? `附件：${row.attachments.join('、')}`
        : `Attached: ${row.attachments.join(', ')}`;
  return [
    String(row.no),
    time(row.at),
    `${row.incident}${row.drill ? (lang === 'zh' ? '（演练）' : ' (drill)') : ''}`,
    lang === 'zh' ? row.unit : row.unitEn,
    row.clause ? (lang === 'zh' ? `${measure}（${row.clause}）` : `${measure} (${row.clause})`) : measure,
    status,
    time(row.doneAt),
    who,
    [nobody, late, closed, row.remark, files].filter(Boolean).join(lang === 'zh' ? '；' : '; '),
  ];
}
