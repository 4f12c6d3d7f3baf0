/** Progress of a response as the dashboard shows it: by unit, not by task, and the next deadlines. */
import type { Plan } from '../plans/schema.ts';
import { type IncidentState, isOpen, type Task } from './incident.ts';
import { planIndex } from './tiers.ts';

/**
 * Does the task reach someone? A member unit sees it in its inbox; a role held by an outside party is
 * reached through staff; a role not yet bound reaches no one (无人接收).
 */
export function reaches(plan: Plan, state: Pick<IncidentState, 'parties'>, unitId: string): boolean {
  if (Object.hasOwn(state.parties, unitId)) return true;
  return !planIndex(plan).roles.has(unitId);
}

/**
 * Did this task reach someone, as the record has it: a member unit's task did; a role's task did if an
 * outside party held the role while it was owed (its stamp), or holds it now while it is still owed (a state
 * saved before tasks carried the stamp). A task closed while its role was bound to no one reached no one,
 * whoever is bound later.
 */
export function taskReached(plan: Plan, state: Pick<IncidentState, 'parties'>, t: Task): boolean {
  if (!planIndex(plan).roles.has(t.unitId) || t.party !== undefined) return true;
  return isOpen(t) && Object.hasOwn(state.parties, t.unitId);
}

/** The party a task's role was held by for it (see taskReached), if any. */
export function taskParty(state: Pick<IncidentState, 'parties'>, t: Task) {
  return (
    t.party ?? (isOpen(t) && Object.hasOwn(state.parties, t.unitId) ? state.parties[t.unitId] : undefined)
  );
}

/** Tasks no longer owed by their holder: a lower level stood them down, or a rebinding moved them on. */
export const isRetired = (t: { status: string }) => t.status === 'stoodDown' || t.status === 'moved';

/** A done task finished after its deadline. */
export const doneLate = (t: Pick<Task, 'status' | 'dueAt' | 'doneAt'>) =>
  t.status === 'done' && t.dueAt !== null && (t.doneAt ?? 0) > t.dueAt;

export type CountedTask = Pick<
  Task,
  'unitId' | 'status' | 'acknowledgedAt' | 'overdueAt' | 'dueAt' | 'doneAt' | 'closedAt'
>;

/**
 * Ended undone after its deadline had passed (closed by termination or stood down late): a missed deadline.
 * A task ended before `closedAt` was recorded is judged against `now` when one is given.
 */
export const missedDeadline = (t: Pick<Task, 'status' | 'dueAt' | 'overdueAt' | 'closedAt'>, now = 0) =>
  (t.status === 'closed' || t.status === 'stoodDown') &&
  t.dueAt !== null &&
  (t.overdueAt !== undefined || (t.closedAt ?? now) > t.dueAt);

/**
 * What every screen counts, computed once: every task still owed or ended by termination (not stood down or
 * moved); acknowledged = has an acknowledgement; done (of which late); closed undone by termination; open
 * and overdue; open and reaching no one; and, apart, those stood down by a lower level.
 */
export function taskCounts(tasks: readonly CountedTask[], reached: (unitId: string) => boolean) {
  // one pass: every client recomputes this for each incident a fact touches
  const c = {
    tasks: 0,
    open: 0,
    acknowledged: 0,
    done: 0,
    doneLate: 0,
    closedUndone: 0,
    overdue: 0,
    missed: 0,
    unreached: 0,
    stoodDown: 0,
  };
  for (const t of tasks) {
    if (missedDeadline(t)) c.missed += 1;
    if (t.status === 'stoodDown') c.stoodDown += 1;
    if (isRetired(t)) continue;
    c.tasks += 1;
    if (t.acknowledgedAt !== undefined) c.acknowledged += 1;
    if (t.status === 'done') {
      c.done += 1;
      if (doneLate(t)) c.doneLate += 1;
    } else if (t.status === 'closed') c.closedUndone += 1;
    if (!isOpen(t)) continue;
    c.open += 1;
    if (t.overdueAt !== undefined) c.overdue += 1;
    if (!reached(t.unitId)) c.unreached += 1;
  }
  return c;
}
export type TaskCounts = ReturnType<typeof taskCounts>;

/**
 * Units assigned and units that have acknowledged every task they hold. Stood-down tasks do not count; a
 * task is acknowledged once it has an acknowledgement time (a report implies one).
 */
export function unitProgress(tasks: readonly Pick<Task, 'unitId' | 'status' | 'acknowledgedAt'>[]) {
  const pending = new Map<string, boolean>();
  for (const t of tasks) {
    if (isRetired(t)) continue;
    const waiting = t.acknowledgedAt === undefined;
    pending.set(t.unitId, (pending.get(t.unitId) ?? false) || waiting);
  }
  let acknowledged = 0;
  for (const waiting of pending.values()) if (!waiting) acknowledged += 1;
  return { units: pending.size, acknowledged };
}

/** The open tasks with a deadline, soonest first. */
export function nextDeadlines<T extends Pick<Task, 'status' | 'dueAt'>>(
  tasks: readonly T[],
  count: number,
): T[] {
  return tasks
    .filter((t) => isOpen(t) && t.dueAt !== null)
    .sort((a, b) => (a.dueAt ?? 0) - (b.dueAt ?? 0))
    .slice(0, count);
}
