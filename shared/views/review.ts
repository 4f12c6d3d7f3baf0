/**
 * The 总结评估报告 of one incident, computed from its log: what happened, who declared and signed what, what
 * each unit was asked and did, which reports were made in time, and the problems the record itself shows.
 * The office's own sections (经验, 问题, 改进建议) and the sign-off are facts in the same log. The page, the
 * print layout and the .docx all render this one object, so they cannot disagree with each other or the log.
 *
 * The outline follows 《生产安全事故应急处置评估暂行办法》: 应急处置基本情况, 责任落实情况 (措施落实, 信息报送),
 * 评估结论 (存在问题 computed here), 经验教训 and 工作建议 (the office's).
 */
import { clocks, type ObligationStatus } from '../engine/clocks.ts';
import type { IncidentEvent, IncidentState, Place, ReviewSection, Task } from '../engine/incident.ts';
import { REVIEW_SECTIONS } from '../engine/incident.ts';
import { replay } from '../engine/apply.ts';
import {
  isRetired,
  missedDeadline,
  reaches,
  taskCounts,
  taskParty,
  taskReached,
} from '../engine/progress.ts';
import { apiTaskId } from '../engine/taskId.ts';
import { levelById, planIndex, unitName } from '../engine/tiers.ts';
import type { Plan } from '../plans/schema.ts';
import { occurredAt, taskSource } from './incident.ts';
import { ledgerStatus, type LedgerStatus } from './ledger.ts';

type Lang = 'zh' | 'en';
const pick = (t: { zh: string; en: string }, lang: Lang) => t[lang];

/** Where the incident is, in words: a unit's seat, a named area or a point (its label, else its position). */
export function placeText(plan: Plan, place: Place | null, lang: Lang = 'zh'): string | null {
  if (!place) return null;
  if (place.kind === 'unit') return unitName(plan, place.unitId, lang);
  if (place.kind === 'area') return place.name;
  return place.label ?? `${place.lat.toFixed(5)}, ${place.lng.toFixed(5)}`;
}

/** One step of the response as the log records it: proposed, declared, changed, signed, rejected, ended. */
export interface ResponseStep {
  at: number;
  kind: 'proposed' | 'declared' | 'changed' | 'rejected' | 'withdrawn' | 'terminationProposed' | 'terminated';
  /** level names as the plan gives them in Chinese (the renderers name them in English through the plan) */
  from: string | null;
  /** the level moved to; for a proposal, a rejection or a withdrawal, the level that was proposed */
  to: string | null;
  /** what a proposal, a rejection or a withdrawal was about */
  proposal?: Proposal;
  by: string;
  signedBy: string | null;
  reason: string;
}

/** A proposal waiting for a signature: a first level, a change of level, or the end of the response. */
export type Proposal = 'declare' | 'change' | 'terminate';

function responseSteps(plan: Plan, events: readonly IncidentEvent[]): ResponseStep[] {
  const name = (id: string | null) => (id === null ? null : (levelById(plan, id)?.name.zh ?? id));
  const steps: ResponseStep[] = [];
  let level: string | null = null;
  // what a rejection or a withdrawal turns down: the proposal that was waiting
  let pending: { proposal: Proposal; levelId: string | null } | null = null;
  for (const e of events) {
    const base = { at: e.at, from: name(level), signedBy: null, reason: '' };
    switch (e.type) {
      case 'LevelProposed':
        pending = { proposal: e.kind, levelId: e.levelId };
        steps.push({
          ...base,
          kind: 'proposed',
          proposal: e.kind,
          to: name(e.levelId),
          by: e.by,
          reason: e.reason,
        });
        break;
      case 'TerminationProposed':
        pending = { proposal: 'terminate', levelId: null };
        steps.push({
          ...base,
          kind: 'terminationProposed',
          proposal: 'terminate',
          to: null,
          by: e.by,
          reason: e.reason,
        });
        break;
      case 'ProposalRejected':
      case 'ProposalWithdrawn':
        steps.push({
          ...base,
          kind: e.type === 'ProposalRejected' ? 'rejected' : 'withdrawn',
          ...(pending ? { proposal: pending.proposal } : {}),
          to: name(pending?.levelId ?? null),
          by: e.by,
          reason: e.reason,
        });
        pending = null;
        break;
      case 'LevelSet':
        steps.push({
          ...base,
          kind: level === null ? 'declared' : 'changed',
          to: name(e.levelId),
          by: e.by,
          signedBy: e.signedBy,
          reason: e.reason,
        });
        level = e.levelId;
        pending = null;
        break;
      case 'Terminated':
        steps.push({
          ...base,
          kind: 'terminated',
          to: null,
          by: e.by,
          signedBy: e.signedBy,
          reason: e.reason,
        });
        pending = null;
        break;
      default:
        break;
    }
  }
  return steps;
}

/** One task of a unit, as 措施落实 lists it. */
export interface ReviewTask {
  taskId: string;
  title: string;
  titleEn: string;
  clause: string;
  level: string;
  assignedAt: number;
  acknowledgedAt: number | null;
  doneAt: number | null;
  closedAt: number | null;
  dueAt: number | null;
  status: LedgerStatus;
  /** false: it reached no one (its role bound to no one while it was owed) */
  reached: boolean;
  notes: {
    at: number;
    by: string;
    onBehalfOf?: string;
    text: string;
    attachment?: { fileId: string; name: string; size: number };
  }[];
}

/** A unit's part in the response: its tasks and how it carried them out. */
export interface ReviewUnit {
  unitId: string;
  unit: string;
  unitEn: string;
  reached: boolean;
  tasks: number;
  acknowledged: number;
  done: number;
  doneLate: number;
  closedUndone: number;
  open: number;
  missed: number;
  stoodDown: number;
  firstAcknowledgedAt: number | null;
  lastDoneAt: number | null;
  items: ReviewTask[];
}

/** One reporting obligation (a deadline the plan sets) and how it ended. */
export interface ReviewObligation {
  taskId: string;
  title: string;
  titleEn: string;
  clause: string;
  unit: string;
  unitEn: string;
  dueAt: number;
  status: ObligationStatus;
  doneAt: number | null;
  /** who reported it done (an account id), or null */
  by: string | null;
  onBehalfOf: string | null;
}

/** A problem the record shows by itself, with what it is about. */
export type ReviewProblem =
  | {
      kind: 'missed';
      unit: string;
      unitEn: string;
      title: string;
      titleEn: string;
      clause: string;
      dueAt: number;
    }
  | { kind: 'neverAcknowledged'; unit: string; unitEn: string; tasks: number }
  | { kind: 'unreached'; unit: string; unitEn: string; tasks: number }
  | {
      kind: 'doneLate';
      unit: string;
      unitEn: string;
      title: string;
      titleEn: string;
      clause: string;
      dueAt: number;
      doneAt: number;
    };

const section = (state: IncidentState, s: ReviewSection) => state.review?.sections[s] ?? null;

/**
 * The whole report. `events` is the incident's log in order (what the state was folded from); `now` judges
 * deadlines still open. People are left as account ids: the page and the exports name them (Names).
 */
export function incidentReview(
  plan: Plan,
  state: IncidentState,
  events: readonly IncidentEvent[],
  now: number,
) {
  const unitOrder = new Map([...planIndex(plan).units.keys()].map((id, i) => [id, i]));
  const rank = (unitId: string) => unitOrder.get(unitId) ?? Number.MAX_SAFE_INTEGER;
  const reached = (unitId: string) => reaches(plan, state, unitId);
  const all = Object.values(state.tasks);
  const byUnit = new Map<string, Task[]>();
  for (const t of all) byUnit.set(t.unitId, [...(byUnit.get(t.unitId) ?? []), t]);

  const units: ReviewUnit[] = [...byUnit.entries()]
    .map(([unitId, unsorted]) => {
      const tasks = unsorted.sort((a, b) => a.assignedAt - b.assignedAt || a.id.localeCompare(b.id));
      const c = taskCounts(tasks, reached);
      const acks = tasks.flatMap((t) => (t.acknowledgedAt !== undefined ? [t.acknowledgedAt] : []));
      const dones = tasks.flatMap((t) => (t.doneAt !== undefined ? [t.doneAt] : []));
      return {
        unitId,
        unit: holderOf(plan, state, tasks, 'zh'),
        unitEn: holderOf(plan, state, tasks, 'en'),
        reached: tasks.some((t) => !isRetired(t) && taskReached(plan, state, t)),
        tasks: c.tasks,
        acknowledged: c.acknowledged,
        done: c.done,
        doneLate: c.doneLate,
        closedUndone: c.closedUndone,
        open: c.open,
        missed: c.missed,
        stoodDown: c.stoodDown,
        firstAcknowledgedAt: acks.length ? Math.min(...acks) : null,
        lastDoneAt: dones.length ? Math.max(...dones) : null,
        items: tasks.map((t) => reviewTask(plan, state, t, taskReached(plan, state, t))),
      };
    })
    // the plan's order of units, so every report of one plan reads the same way
    .sort((a, b) => rank(a.unitId) - rank(b.unitId) || a.unitId.localeCompare(b.unitId));

  const obligations: ReviewObligation[] = clocks(plan, state, now).obligations.map((o) => {
    const t = state.tasks[o.taskId]!;
    const source = taskSource(plan, t);
    const doneBy = t.status === 'done' ? t.notes.at(-1) : undefined;
    return {
      taskId: apiTaskId(state.id, t.id),
      title: source.title.zh,
      titleEn: source.title.en,
      clause: source.clause,
      unit: holderOf(plan, state, [t], 'zh'),
      unitEn: holderOf(plan, state, [t], 'en'),
      dueAt: o.dueAt,
      status: o.status,
      doneAt: t.doneAt ?? null,
      by: doneBy?.by ?? null,
      onBehalfOf: doneBy?.onBehalfOf ?? null,
    };
  });

  const problems: ReviewProblem[] = [];
  for (const t of all) {
    if (t.dueAt === null) continue;
    const s = taskSource(plan, t);
    const what = {
      unit: holderOf(plan, state, [t], 'zh'),
      unitEn: holderOf(plan, state, [t], 'en'),
      title: s.title.zh,
      titleEn: s.title.en,
      clause: s.clause,
      dueAt: t.dueAt,
    };
    // a deadline passed with the work undone (still open, or closed by termination): missed, never met
    const openPast =
      (t.status === 'assigned' || t.status === 'acknowledged' || t.status === 'inProgress') && t.dueAt < now;
    if (missedDeadline(t, now) || openPast) problems.push({ kind: 'missed', ...what });
    else if (t.status === 'done' && (t.doneAt ?? 0) > t.dueAt)
      problems.push({ kind: 'doneLate', ...what, doneAt: t.doneAt ?? 0 });
  }
  for (const u of units) {
    const live = u.items.filter((i) => i.status !== 'stoodDown' && i.status !== 'moved');
    const unreached = live.filter((i) => i.status === 'unreached' || !i.reached).length;
    if (unreached > 0) problems.push({ kind: 'unreached', unit: u.unit, unitEn: u.unitEn, tasks: unreached });
    const reachedLive = live.filter((i) => i.reached);
    if (reachedLive.length > 0 && reachedLive.every((i) => i.acknowledgedAt === null))
      problems.push({ kind: 'neverAcknowledged', unit: u.unit, unitEn: u.unitEn, tasks: reachedLive.length });
  }
  // by kind, then by deadline, then in the plan's order of units: a numbered list that reads in order
  const unitRank = new Map(units.map((u, i) => [u.unit, i]));
  const due = (p: ReviewProblem) => ('dueAt' in p ? p.dueAt : 0);
  problems.sort(
    (a, b) =>
      PROBLEM_ORDER.indexOf(a.kind) - PROBLEM_ORDER.indexOf(b.kind) ||
      due(a) - due(b) ||
      (unitRank.get(a.unit) ?? 0) - (unitRank.get(b.unit) ?? 0),
  );

  const level = (id: string | null) => (id ? (levelById(plan, id)?.name ?? null) : null);
  const indicatorOf = new Map(plan.indicators.map((i) => [i.key, i]));
  return {
    incidentId: state.id,
    version: state.version,
    generatedAt: now,
    /** facts the record gained after the sign-off, which a signed report does not show (see reviewOf) */
    changedSince: 0,
    basics: {
      plan: { id: plan.id, title: plan.title, docNumber: plan.docNumber, issuer: plan.issuer },
      title: state.title,
      drill: state.drill,
      status: state.status,
      place: placeText(plan, state.place, 'zh'),
      placeEn: placeText(plan, state.place, 'en'),
      summary: state.summary,
      occurredAt: occurredAt(state),
      reportedAt: state.milestones.reported ?? state.openedAt,
      declaredAt: state.milestones.declared ?? null,
      terminatedAt: state.milestones.terminated ?? null,
      openedBy: state.createdBy,
      readings: Object.entries(state.readings).map(([key, value]) => {
        const def = indicatorOf.get(key);
        return {
          key,
          name: def?.name ?? { zh: key, en: key },
          value,
          unit: def && 'unit' in def ? def.unit : null,
        };
      }),
      recommended: level(state.recommended),
      highestLevel: level(state.highestLevel),
      finalLevel: level(state.history.filter((h) => h.to !== null).at(-1)?.to ?? null),
    },
    response: responseSteps(plan, events),
    figures: {
      ...taskCounts(all, reached),
      units: units.length,
      unitsAcknowledged: units.filter((u) => u.tasks > 0 && u.acknowledged === u.tasks).length,
      obligations: obligations.length,
      obligationsMet: obligations.filter((o) => o.status === 'met').length,
      obligationsLate: obligations.filter((o) => o.status === 'metLate').length,
      obligationsMissed: obligations.filter((o) => o.status === 'missed' || o.status === 'overdue').length,
      notes: all.reduce((n, t) => n + t.notes.length, 0),
    },
    units,
    obligations,
    problems,
    office: {
      sections: Object.fromEntries(REVIEW_SECTIONS.map((s) => [s, section(state, s)])) as Record<
        ReviewSection,
        { text: string; by: string; at: number; edits: number } | null
      >,
      signedBy: state.review?.signedBy ?? null,
      signedAt: state.review?.signedAt ?? null,
    },
  };
}
export type IncidentReview = ReturnType<typeof incidentReview>;

const PROBLEM_ORDER: ReviewProblem['kind'][] = ['missed', 'unreached', 'neverAcknowledged', 'doneLate'];

/**
 * Who held these tasks (one unit's or one role's), as the record has it: the unit's name, and for a role the
 * outside parties that held it while they were owed ("事故发生单位：甲电厂、乙电厂").
 */
function holderOf(plan: Plan, state: IncidentState, tasks: readonly Task[], lang: Lang) {
  const unitId = tasks[0]?.unitId ?? '';
  const name = unitName(plan, unitId, lang);
  const parties = [...new Set(tasks.flatMap((t) => taskParty(state, t)?.name ?? []))];
  if (parties.length === 0) return name;
  return `${name}${lang === 'zh' ? '：' : ': '}${parties.join(lang === 'zh' ? '、' : ', ')}`;
}

function reviewTask(plan: Plan, state: IncidentState, t: Task, reached: boolean): ReviewTask {
  const s = taskSource(plan, t);
  return {
    taskId: apiTaskId(state.id, t.id),
    title: pick(s.title, 'zh'),
    titleEn: pick(s.title, 'en'),
    clause: s.clause,
    level: levelById(plan, t.level)?.name.zh ?? t.level,
    assignedAt: t.assignedAt,
    acknowledgedAt: t.acknowledgedAt ?? null,
    doneAt: t.doneAt ?? null,
    closedAt: t.closedAt ?? null,
    dueAt: t.dueAt,
    status: ledgerStatus(t, reached),
    reached,
    notes: t.notes.map((n) => ({
      at: n.at,
      by: n.by,
      ...(n.onBehalfOf !== undefined ? { onBehalfOf: n.onBehalfOf } : {}),
      text: n.text,
      ...(n.attachment
        ? { attachment: { fileId: n.attachment.fileId, name: n.attachment.name, size: n.attachment.size } }
        : {}),
    })),
  };
}

/**
 * The report as it stands. Until it is signed, the record now. Once signed, the record as it was when the
 * director or commander signed it: the document they put their name to does not change under their
 * signature when a unit reports late work afterwards. What the record gained since is counted
 * (`changedSince`), and the ledger shows it.
 */
export function reviewOf(
  plan: Plan,
  state: IncidentState,
  events: readonly IncidentEvent[],
  now: number,
): IncidentReview {
  const signedAt = state.review?.signedAt ?? null;
  const cut = events.findIndex((e) => e.type === 'ReviewSigned');
  if (signedAt === null || cut < 0) return incidentReview(plan, state, events, now);
  const upTo = events.slice(0, cut + 1);
  const atSigning = replay(upTo, planIndex(plan).levelOrder);
  if (!atSigning) return incidentReview(plan, state, events, now);
  // where it is and who opened it: older logs did not carry these, the incident's record does
  const signed = { ...atSigning, place: state.place, createdBy: state.createdBy };
  return { ...incidentReview(plan, signed, upTo, signedAt), changedSince: events.length - upTo.length };
}
