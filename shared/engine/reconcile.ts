/**
 * Which tasks an incident should have now, and the events that bring its task list there. Every command
 * that can change the set (declare, raise, lower, a milestone, a tick, termination) goes through here, so
 * nothing is assigned twice and nothing is stood down by accident.
 */
import type { Clock, Plan } from '../plans/schema.ts';
import {
  type IncidentEvent,
  type IncidentState,
  isOpen,
  type TaskSource,
  type TaskSpec,
} from './incident.ts';
import { isRetired } from './progress.ts';
import { taskId } from './taskId.ts';
import { actionsForLevel, actionUnits, clocksForLevel, milestoneOf } from './tiers.ts';
import { dueAfter } from './deadlines.ts';
import { atTimeOfDay, dailyDeadlines, dayKey } from './time.ts';

/** The task list is a function of these parts of the state. */
export type TaskView = Pick<
  IncidentState,
  'status' | 'level' | 'highestLevel' | 'milestones' | 'readings' | 'assignees' | 'tasks'
>;

/**
 * The units that owe an item, each once: a role bound to a member unit resolves to it (and remembers the
 * role); an unbound role, or one held by an outside party, owes it under its own id.
 */
function owers(plan: Plan, view: TaskView, units: string[]): { unitId: string; roleId?: string }[] {
  const out = new Map<string, { unitId: string; roleId?: string }>();
  for (const u of units) {
    const isRole = plan.units.find((x) => x.id === u)?.kind === 'role';
    const unitId = view.assignees[u] ?? u;
    if (!out.has(unitId)) out.set(unitId, isRole ? { unitId, roleId: u } : { unitId });
  }
  return [...out.values()];
}

function specsFor(
  plan: Plan,
  view: TaskView,
  units: string[],
  source: TaskSource,
  base: Omit<TaskSpec, 'id' | 'unitId' | 'source'>,
): TaskSpec[] {
  const key = source.kind === 'action' ? source.actionId : source.clockId;
  // the owner is the id's middle part: the visibility rules read it without the state
  return owers(plan, view, units).map((o) => ({
    id: taskId({
      source: key,
      unitId: o.unitId,
      ...(source.kind === 'clock' && source.day ? { day: source.day } : {}),
    }),
    source,
    ...o,
    ...base,
  }));
}

function clockTasks(
  plan: Plan,
  view: TaskView,
  clock: Clock,
  now: number,
  phase: TaskSpec['phase'],
): TaskSpec[] {
  const start = clock.start;
  const base = { level: clock.level, phase };
  if (start.kind === 'daily') {
    // every day of the response; a clock the plan ties to the event itself, from the day it was reported
    const from = clock.beforeLevel
      ? (view.milestones.reported ?? view.milestones.declared)
      : view.milestones.declared;
    if (from === undefined) return [];
    return dailyDeadlines(start.time, from, now).flatMap((dueAt) =>
      specsFor(
        plan,
        view,
        clock.owedBy,
        { kind: 'clock', clockId: clock.id, day: dayKey(dueAt) },
        { ...base, dueAt },
      ),
    );
  }
  if (start.kind === 'yearly') return [];
  const at = view.milestones[start.milestone];
  if (at === undefined) return [];
  return specsFor(
    plan,
    view,
    clock.owedBy,
    { kind: 'clock', clockId: clock.id },
    { ...base, dueAt: dueAfter(start, at) },
  );
}

/** The tasks the plan demands for this state at `now`. */
export function desiredTasks(plan: Plan, view: TaskView, now: number): TaskSpec[] {
  const when = { readings: view.readings, date: now };
  // what the plans start from the occurrence or the report runs from the report, at any level or none
  const reportClocks = (inForce: Clock[]) =>
    inForce.filter((c) => c.beforeLevel).flatMap((c) => clockTasks(plan, view, c, now, 'report'));
  if (view.status === 'open' || view.status === 'proposed') return reportClocks(plan.clocks);
  if (view.status === 'active' && view.level) {
    const actions = actionsForLevel(plan, view.level, when).flatMap((a) =>
      specsFor(
        plan,
        view,
        actionUnits(plan, a),
        { kind: 'action', actionId: a.id },
        { level: a.level, phase: 'response', dueAt: null },
      ),
    );
    const levelClocks = clocksForLevel(plan, view.level).filter(
      (c) => !c.beforeLevel && milestoneOf(c) !== 'terminated',
    );
    return [
      ...actions,
      ...levelClocks.flatMap((c) => clockTasks(plan, view, c, now, 'response')),
      ...reportClocks(clocksForLevel(plan, view.level)),
    ];
  }
  if (view.status === 'terminated') {
    // the reports owed from the occurrence stay owed (and move with their role); no new day of them starts
    const reports = reportClocks(
      view.highestLevel ? clocksForLevel(plan, view.highestLevel) : plan.clocks,
    ).filter((t) => t.source.kind !== 'clock' || t.source.day === undefined);
    if (!view.highestLevel) return reports;
    // what is owed after a response follows the highest tier the response reached
    const actions = actionsForLevel(plan, view.highestLevel, when, 'after').flatMap((a) =>
      specsFor(
        plan,
        view,
        actionUnits(plan, a),
        { kind: 'action', actionId: a.id },
        { level: a.level, phase: 'after', dueAt: null },
      ),
    );
    const clocks = clocksForLevel(plan, view.highestLevel)
      .filter((c) => milestoneOf(c) === 'terminated')
      .flatMap((c) => clockTasks(plan, view, c, now, 'after'));
    return [...reports, ...actions, ...clocks];
  }
  return [];
}

/** What makes two tasks the same duty of the same role: the item, its day, and the role it is owed through. */
const dutyKey = (t: Pick<TaskSpec, 'source' | 'roleId'>) =>
  t.roleId === undefined ? null : JSON.stringify([t.source, t.roleId]);

/**
 * Events that take the task list from what it is to what the plan demands. An open task of a role that was
 * bound to another holder moves to it (the old task keeps what its holder did); any other open response
 * task the state no longer demands is stood down.
 */
export function reconcileTasks(plan: Plan, view: TaskView, incidentId: string, now: number): IncidentEvent[] {
  const desired = desiredTasks(plan, view, now);
  const wanted = new Set(desired.map((t) => t.id));
  // a role's duty is the role's, whoever holds it: once done (or closed) by one holder it is not owed again
  // by the next, and an open one moves to the next holder below
  const ended = new Set(
    Object.values(view.tasks)
      .filter((t) => !isOpen(t) && !isRetired(t))
      .flatMap((t) => dutyKey(t) ?? []),
  );
  let fresh = desired.filter((t) => {
    const existing = view.tasks[t.id];
    if (existing && !isRetired(existing)) return false;
    return !ended.has(dutyKey(t) ?? '');
  });
  const events: IncidentEvent[] = [];
  const freshByDuty = new Map(fresh.flatMap((t) => (dutyKey(t) ? [[dutyKey(t), t] as const] : [])));
  const moves: { from: string; to: TaskSpec }[] = [];
  const gone: string[] = [];
  for (const t of Object.values(view.tasks)) {
    if (!isOpen(t) || wanted.has(t.id)) continue;
    const to = freshByDuty.get(dutyKey(t));
    if (to) moves.push({ from: t.id, to });
    else if (t.phase === 'response' && view.status !== 'terminated') gone.push(t.id);
  }
  if (gone.length > 0) events.push({ type: 'TasksStoodDown', taskIds: gone, incidentId, at: now });
  if (moves.length > 0) {
    events.push({ type: 'TasksMoved', moves, incidentId, at: now });
    const moved = new Set(moves.map((m) => m.to.id));
    fresh = fresh.filter((t) => !moved.has(t.id));
  }
  if (fresh.length > 0) events.push({ type: 'TasksAssigned', tasks: fresh, incidentId, at: now });
  return events;
}

/** Open tasks whose deadline has passed and that are not yet marked overdue. */
export function newlyOverdue(view: TaskView, incidentId: string, now: number): IncidentEvent[] {
  return Object.values(view.tasks)
    .filter((t) => isOpen(t) && t.dueAt !== null && t.dueAt < now && t.overdueAt === undefined)
    .map((t) => ({ type: 'TaskOverdue', taskId: t.id, incidentId, at: now }) as const);
}

/**
 * The instant before which a tick of this same state can find nothing to do, given that one at `now` found
 * nothing. Apart from the state itself, what the plan demands depends on time only through the Shanghai
 * calendar day (daily deadlines up to the end of today, seasonal actions) and through open tasks' deadlines
 * passing (newlyOverdue). The scheduler uses it to skip ticks that could only answer "nothing".
 */
export function quietUntil(view: TaskView, now: number): number {
  let until = atTimeOfDay(now, '00:00', 1); // the next Shanghai midnight
  for (const t of Object.values(view.tasks))
    if (isOpen(t) && t.dueAt !== null && t.overdueAt === undefined && t.dueAt >= now)
      until = Math.min(until, t.dueAt + 1); // overdue once now > dueAt
  return until;
}
