/** Progress of a response as the dashboard shows it: by unit, not by task, and the next deadlines. */
import { isOpen, type Task } from './incident.ts';

/**
 * Units assigned and units that have acknowledged every task they hold. Stood-down tasks do not count; a
 * task is acknowledged once it has an acknowledgement time (a report implies one).
 */
export function unitProgress(tasks: readonly Pick<Task, 'unitId' | 'status' | 'acknowledgedAt'>[]) {
  const pending = new Map<string, boolean>();
  for (const t of tasks) {
    if (t.status === 'stoodDown') continue;
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
