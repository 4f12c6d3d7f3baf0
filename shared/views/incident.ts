/**
 * What an incident looks like to one viewer, in the words of the plan: computed from the engine's state by
 * the server for its answers and by the browser from the state it folds itself, with the same functions.
 */
import { clocks } from '../engine/clocks.ts';
import type { IncidentState, Party, Task } from '../engine/incident.ts';
import { signerForChange, signerToLift } from '../engine/authority.ts';
import { describeAction } from '../engine/describe.ts';
import { apiTaskId, parseApiTaskId } from '../engine/taskId.ts';
import { isOpen } from '../engine/incident.ts';
import { occurrenceClosed } from '../engine/occurrence.ts';
import { doneLate, isRetired, nextDeadlines, reaches, taskCounts, unitProgress } from '../engine/progress.ts';
import {
  actionsForLevel,
  actionUnits,
  clocksForLevel,
  levelById,
  levelDiff,
  milestoneOf,
  planIndex,
  unitName,
} from '../engine/tiers.ts';
import type { Action, Plan, Text } from '../plans/schema.ts';
import { NOTES } from '../protocol/limits.ts';
import { isStaff, type Viewer } from './viewer.ts';

export { apiTaskId, parseApiTaskId };

const unitEn = (plan: Plan, unitId: string) => unitName(plan, unitId, 'en');
const actionDetail = (plan: Plan, actionId: string) => planIndex(plan).actions.get(actionId)?.detail;

/** The action or clock a task carries out: its title and clause. */
export function taskSource(plan: Plan, task: Task) {
  const s = task.source;
  const item =
    s.kind === 'action' ? planIndex(plan).actions.get(s.actionId) : planIndex(plan).clocks.get(s.clockId);
  return { title: item?.title ?? { zh: s.kind, en: s.kind }, clause: item?.clause ?? '' };
}

/** Where a task stands: the part of its view that acknowledgements and reports change. */
function taskProgress(task: Task) {
  return {
    status: task.status,
    dueAt: task.dueAt,
    overdue: task.overdueAt !== undefined,
    late: doneLate(task),
    ...(task.acknowledgedAt !== undefined ? { acknowledgedAt: task.acknowledgedAt } : {}),
    ...(task.doneAt !== undefined ? { doneAt: task.doneAt } : {}),
    ...(task.closedAt !== undefined ? { closedAt: task.closedAt } : {}),
  };
}

/** The holder's name: a member unit's, or the outside party's for a role it holds ("相关村（社区）：某某村"). */
function holderName(plan: Plan, state: IncidentState, unitId: string, lang: 'zh' | 'en' = 'zh') {
  const party = Object.hasOwn(state.parties, unitId) ? state.parties[unitId] : undefined;
  const name = unitName(plan, unitId, lang);
  return party ? `${name}${lang === 'zh' ? '：' : ': '}${party.name}` : name;
}

export function taskView(plan: Plan, state: IncidentState, task: Task) {
  const { title, clause } = taskSource(plan, task);
  const detail = task.source.kind === 'action' ? actionDetail(plan, task.source.actionId) : null;
  return {
    id: apiTaskId(state.id, task.id),
    incidentId: state.id,
    unitId: task.unitId,
    unit: holderName(plan, state, task.unitId),
    unitEn: holderName(plan, state, task.unitId, 'en'),
    ...(task.roleId !== undefined ? { roleId: task.roleId } : {}),
    /** false: the task's role is bound to no one yet (无人接收) */
    reached: reaches(plan, state, task.unitId),
    ...(task.movedTo !== undefined ? { movedTo: apiTaskId(state.id, task.movedTo) } : {}),
    ...(detail ? { detail } : {}),
    title: title.zh,
    titleEn: title.en,
    clause,
    level: task.level,
    phase: task.phase,
    ...taskProgress(task),
    assignedAt: task.assignedAt,
    ...(task.overdueAt !== undefined ? { overdueAt: task.overdueAt } : {}),
    // only the latest notes: every staff view carries every task, so whole histories made it grow with
    // every report (issue 11); the rest is paged from GET /api/tasks/:taskId/notes
    notes: task.notes.slice(-NOTES.inView),
    noteCount: task.noteCount ?? task.notes.length,
  };
}
export type TaskView = ReturnType<typeof taskView>;

/**
 * Ended with nothing left owed: no fact can change its summary any more (milestones are recorded while a
 * response runs; only open tasks are acknowledged, reported or fall overdue; the office's 总结评估 is written
 * after, but is not part of the summary). Clients hold its summary, not its state.
 */
export const isSettled = (s: IncidentState) =>
  s.status === 'terminated' && !Object.values(s.tasks).some(isOpen);

/** A task in a unit's inbox: its view and where its incident stands now. */
export function inboxTask(plan: Plan, state: IncidentState, task: Task) {
  return {
    ...taskView(plan, state, task),
    incidentTitle: state.title,
    incidentStatus: state.status,
    incidentDrill: state.drill,
    // the level in force now, so a unit sees what changed since its task was assigned
    incidentLevel: state.level,
    incidentLevelName: state.level ? (levelById(plan, state.level)?.name ?? null) : null,
    planId: state.planId,
  };
}

/** A unit's tasks across the incidents given (those it may see), newest first. */
export function inboxTasks(
  planOf: (planId: string) => Plan | undefined,
  states: Iterable<IncidentState>,
  unitId: string | null,
) {
  const out: ReturnType<typeof inboxTask>[] = [];
  for (const s of states) {
    const plan = planOf(s.planId);
    if (!plan) continue;
    for (const t of Object.values(s.tasks)) if (t.unitId === unitId) out.push(inboxTask(plan, s, t));
  }
  return out.sort((a, b) => b.assignedAt - a.assignedAt);
}

/**
 * A task as an acknowledgement's or report's answer gives it: what the command changed, not the whole view.
 * Every answer is stored for retries, in the same transaction as the fact, so its size is paid on every
 * acknowledgement; the plan's words are in the view, and the note history only grows.
 */
export function taskAnswer(state: IncidentState, task: Task) {
  return {
    id: apiTaskId(state.id, task.id),
    ...taskProgress(task),
    noteCount: task.noteCount ?? task.notes.length,
    lastNote: task.notes.at(-1) ?? null,
  };
}

/**
 * The next three deadlines, one line each: units owing the same item by the same time share a line
 * (three operators' 30-minute broadcast is one deadline, not three).
 */
function nextDue(plan: Plan, incidentId: string, tasks: Task[]) {
  const lines = new Map<
    string,
    { taskId: string; title: Text; clause: string; units: string[]; unitsEn: string[]; dueAt: number | null }
  >();
  for (const t of nextDeadlines(tasks, tasks.length)) {
    const key = `${JSON.stringify(t.source)}@${t.dueAt}`;
    const line = lines.get(key);
    if (line) {
      line.units.push(unitName(plan, t.unitId));
      line.unitsEn.push(unitEn(plan, t.unitId));
    } else if (lines.size < 3) {
      const { title, clause } = taskSource(plan, t);
      lines.set(key, {
        taskId: apiTaskId(incidentId, t.id),
        title,
        clause,
        units: [unitName(plan, t.unitId)],
        unitsEn: [unitEn(plan, t.unitId)],
        dueAt: t.dueAt,
      });
      // soonest first: once past the third line's time, no later task can join a line
    } else if ((t.dueAt ?? 0) > ([...lines.values()].at(-1)?.dueAt ?? 0)) break;
  }
  return [...lines.values()];
}

/**
 * One line about an incident. For a unit, the counts and the next deadlines are those of its own tasks:
 * other units' deadlines are none of its business.
 */
export function incidentSummary(plan: Plan, state: IncidentState, viewer: Viewer) {
  const level = state.level ? levelById(plan, state.level) : undefined;
  const all = Object.values(state.tasks).filter((t) => isStaff(viewer) || t.unitId === viewer.unitId);
  const tasks = all.filter((t) => !isRetired(t));
  const progress = unitProgress(tasks);
  return {
    id: state.id,
    planId: plan.id,
    planTitle: plan.title,
    title: state.title,
    drill: state.drill,
    status: state.status,
    level: state.level,
    levelName: level?.name ?? null,
    levelColor: level?.color ?? null,
    highestLevel: state.highestLevel,
    pending: state.pending,
    version: state.version,
    openedAt: state.openedAt,
    declaredAt: state.milestones.declared ?? null,
    place: state.place,
    counts: {
      ...taskCounts(all, (unitId) => reaches(plan, state, unitId)),
      units: progress.units,
      unitsAcknowledged: progress.acknowledged,
    },
    nextDue: nextDue(plan, state.id, tasks),
  };
}

/**
 * When it happened, as the record knows it: the time given at the report or learnt afterwards; null when
 * nobody gave one (the clocks then ran from the report's time, which is not passed off as the occurrence).
 */
export function occurredAt(state: IncidentState): number | null {
  const learnt = state.learntMilestones?.occurred;
  if (learnt !== undefined) return learnt;
  if (state.assumedMilestones?.includes('occurred')) return null;
  return state.milestones.occurred ?? null;
}

/** The whole incident for one viewer: a unit sees only its own tasks and obligations. */
export function incidentDetail(plan: Plan, state: IncidentState, viewer: Viewer, now: number) {
  const mine = (unitId: string) => isStaff(viewer) || unitId === viewer.unitId;
  const c = clocks(plan, state, now);
  return {
    incident: {
      ...incidentSummary(plan, state, viewer),
      summary: state.summary,
      readings: state.readings,
      recommended: state.recommended,
      // who holds a role is staff business (RoleBound never reaches a unit)
      assignees: isStaff(viewer) ? state.assignees : {},
      parties: isStaff(viewer) ? state.parties : {},
      roles: isStaff(viewer) ? roleViews(plan, state) : [],
      milestones: state.milestones,
      assumedMilestones: state.assumedMilestones ?? [],
      occurredAt: occurredAt(state),
      // staff may still fill it in (the engine's own rule, so the page never offers what it would refuse)
      occurrenceOpen: isStaff(viewer) && occurrenceClosed(state, now) === null,
      history: state.history,
      createdBy: state.createdBy,
    },
    tasks: Object.values(state.tasks)
      .filter((t) => mine(t.unitId))
      .map((t) => taskView(plan, state, t)),
    clocks: {
      obligations: c.obligations
        .filter((o) => mine(o.unitId))
        .map((o) => ({ ...o, taskId: apiTaskId(state.id, o.taskId) })),
      waiting: c.waiting,
    },
  };
}

/** Does the plan task this role in an incident (not only in yearly preparedness, like 各发电企业's drills)? */
function tasksRole(plan: Plan, roleId: string): boolean {
  return (
    plan.actions.some((a) => actionUnits(plan, a).includes(roleId)) ||
    plan.clocks.some((c) => c.start.kind !== 'yearly' && c.owedBy.includes(roleId))
  );
}

/**
 * The roles the plan names for this incident and who holds each: a member unit, an outside party, or no
 * one yet — with the open tasks each role's holder owes, so the incident page can say what binding moves.
 */
function roleViews(plan: Plan, state: IncidentState) {
  return plan.units
    .filter((u) => u.kind === 'role' && tasksRole(plan, u.id))
    .map((u) => {
      const unitId = state.assignees[u.id];
      const party = Object.hasOwn(state.parties, u.id) ? state.parties[u.id] : undefined;
      const owed = Object.values(state.tasks).filter(
        (t) => isOpen(t) && (t.roleId === u.id || t.unitId === u.id),
      ).length;
      return {
        id: u.id,
        name: u.name,
        en: u.en,
        bindsTo: (u.bindsTo ?? []).map((id) => ({ id, name: unitName(plan, id), en: unitEn(plan, id) })),
        ...(u.party ? { party: u.party } : {}),
        holder: (unitId
          ? { unitId, name: unitName(plan, unitId), en: unitEn(plan, unitId) }
          : party
            ? { party }
            : null) as { unitId: string; name: string; en: string } | { party: Party } | null,
        openTasks: owed,
      };
    });
}

/**
 * What moving the incident to `levelId` (or terminating it, when null) would add and stand down, judged
 * against the incident's own readings and today's date, and whose signature it needs.
 */
export function previewChange(plan: Plan, state: IncidentState, levelId: string | null, now: number) {
  const when = { readings: state.readings, date: now };
  const brief = (a: Action) => describeAction(plan, a, when);
  if (levelId === null) {
    const from = state.level ?? state.highestLevel;
    const top = state.highestLevel;
    // what stays owed after the response: the post-termination measures and the clocks that start then
    const owedAfter = top
      ? clocksForLevel(plan, top)
          .filter((c) => milestoneOf(c) === 'terminated')
          .map((c) => ({
            id: c.id,
            title: c.title.zh,
            titleEn: c.title.en,
            clause: c.clause,
            start: c.start,
          }))
      : [];
    const open = Object.values(state.tasks).filter((t) => t.phase === 'response' && isOpen(t));
    const reports = Object.values(state.tasks).filter((t) => t.phase === 'report' && isOpen(t));
    return {
      levelId: null,
      signer: from ? signerToLift(plan, from) : null,
      added: top ? actionsForLevel(plan, top, when, 'after').map(brief) : [],
      owedAfter,
      stoodDown: from ? actionsForLevel(plan, from, when).map(brief) : [],
      /** open response tasks termination would close undone, and how many of them are overdue */
      closesUndone: { tasks: open.length, overdue: open.filter((t) => t.overdueAt !== undefined).length },
      /** reports owed from the occurrence or the report: termination does not release them */
      staysOwed: reports.map((t) => ({
        ...taskSource(plan, t),
        unit: holderName(plan, state, t.unitId),
        unitEn: holderName(plan, state, t.unitId, 'en'),
        dueAt: t.dueAt,
        overdue: t.overdueAt !== undefined,
      })),
    };
  }
  const diff = levelDiff(plan, state.level, levelId, when);
  // roles the new measures and the level's clocks name that no one holds yet: their tasks would reach no one
  const named = new Set([
    ...diff.added.flatMap((a) => actionUnits(plan, a)),
    ...clocksForLevel(plan, levelId).flatMap((c) => (c.start.kind === 'yearly' ? [] : c.owedBy)),
  ]);
  const unbound = plan.units
    .filter((u) => u.kind === 'role' && named.has(u.id))
    .filter((u) => state.assignees[u.id] === undefined && !Object.hasOwn(state.parties, u.id))
    .map((u) => ({ id: u.id, name: u.name, en: u.en }));
  return {
    levelId,
    signer: signerForChange(plan, state.level, levelId),
    added: diff.added.map(brief),
    stoodDown: diff.stoodDown.map(brief),
    unbound,
  };
}
