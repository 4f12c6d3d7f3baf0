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
import { actionsForLevel, actionUnits, clocksForLevel, milestoneOf } from './tiers.ts';
import { atTimeOfDay, dailyDeadlines, dayKey, dueAfter } from './time.ts';

/** The task list is a function of these parts of the state. */
export type TaskView = Pick<
  IncidentState,
  'status' | 'level' | 'highestLevel' | 'milestones' | 'readings' | 'assignees' | 'tasks'
>;

const resolve = (view: TaskView, unitId: string) => view.assignees[unitId] ?? unitId;

function specsFor(
  view: TaskView,
  units: string[],
  source: TaskSource,
  base: Omit<TaskSpec, 'id' | 'unitId' | 'source'>,
): TaskSpec[] {
  const key = source.kind === 'action' ? source.actionId : source.clockId;
  const resolved = [...new Set(units.map((u) => resolve(view, u)))];
  return resolved.map((unitId) => ({
    id: [key, unitId, ...(source.kind === 'clock' && source.day ? [source.day] : [])].join('@'),
    source,
    unitId,
    ...base,
  }));
}

function clockTasks(view: TaskView, clock: Clock, now: number, phase: TaskSpec['phase']): TaskSpec[] {
  const start = clock.start;
  const base = { level: clock.level, phase };
  if (start.kind === 'daily') {
    const from = view.milestones.declared;
    if (from === undefined) return [];
    return dailyDeadlines(start.time, from, now).flatMap((dueAt) =>
      specsFor(
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
    view,
    clock.owedBy,
    { kind: 'clock', clockId: clock.id },
    { ...base, dueAt: dueAfter(start, at) },
  );
}

/** The tasks the plan demands for this state at `now`. */
export function desiredTasks(plan: Plan, view: TaskView, now: number): TaskSpec[] {
  const when = { readings: view.readings, date: now };
  if (view.status === 'active' && view.level) {
    const actions = actionsForLevel(plan, view.level, when).flatMap((a) =>
      specsFor(
        view,
        actionUnits(plan, a),
        { kind: 'action', actionId: a.id },
        { level: a.level, phase: 'response', dueAt: null },
      ),
    );
    const clocks = clocksForLevel(plan, view.level)
      .filter((c) => milestoneOf(c) !== 'terminated')
      .flatMap((c) => clockTasks(view, c, now, 'response'));
    return [...actions, ...clocks];
  }
  if (view.status === 'terminated' && view.highestLevel) {
    // what is owed after a response follows the highest tier the response reached
    const actions = actionsForLevel(plan, view.highestLevel, when, 'after').flatMap((a) =>
      specsFor(
        view,
        actionUnits(plan, a),
        { kind: 'action', actionId: a.id },
        { level: a.level, phase: 'after', dueAt: null },
      ),
    );
    const clocks = clocksForLevel(plan, view.highestLevel)
      .filter((c) => milestoneOf(c) === 'terminated')
      .flatMap((c) => clockTasks(view, c, now, 'after'));
    return [...actions, ...clocks];
  }
  return [];
}

/** Events that take the task list from what it is to what the plan demands. */
export function reconcileTasks(plan: Plan, view: TaskView, incidentId: string, now: number): IncidentEvent[] {
  const desired = desiredTasks(plan, view, now);
  const wanted = new Set(desired.map((t) => t.id));
  const fresh = desired.filter((t) => {
    const existing = view.tasks[t.id];
    return !existing || existing.status === 'stoodDown';
  });
  const events: IncidentEvent[] = [];
  if (view.status === 'active') {
    const gone = Object.values(view.tasks)
      .filter((t) => t.phase === 'response' && isOpen(t) && !wanted.has(t.id))
      .map((t) => t.id);
    if (gone.length > 0) events.push({ type: 'TasksStoodDown', taskIds: gone, incidentId, at: now });
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
