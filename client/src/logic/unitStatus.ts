/** A unit's state in one incident, for the map's markers and the task matrix's row headers. */
import { isOpen } from '../../../shared/engine/incident.ts';
import { isRetired } from '../../../shared/engine/progress.ts';
import type { TaskView } from '../../../shared/protocol/contract.ts';

/**
 * `closed`: the response ended with some of the unit's tasks undone (未完成) — never shown as done.
 * `unreached`: an open task of it is owed through a role bound to no one yet (无人接收).
 */
export type UnitStatus = 'none' | 'unreached' | 'assigned' | 'acknowledged' | 'closed' | 'done' | 'overdue';
export const UNIT_STATUSES: readonly UnitStatus[] = [
  'none',
  'unreached',
  'assigned',
  'acknowledged',
  'closed',
  'done',
  'overdue',
];
/** Worst first, for sorting rows by what needs attention (0 first). */
export const UNIT_ATTENTION: Record<UnitStatus, number> = {
  overdue: 0,
  unreached: 1,
  assigned: 2,
  acknowledged: 3,
  closed: 4,
  done: 5,
  none: 6,
};

type StatusTask = Pick<TaskView, 'status' | 'overdue'> & { reached?: boolean };

/** Tasks a unit no longer owes: stood down by a lower level, or moved to the role's new holder. */

/**
 * Worst first: an open overdue task makes the unit overdue; an open task that reaches no one makes it
 * unreached; else any task not yet acknowledged makes it assigned; else any open task makes it
 * acknowledged; a task closed undone by termination makes it closed (未完成); only a unit whose every
 * counted task is done is done. Stood-down and moved tasks do not count.
 */
export function unitStatus(tasks: readonly StatusTask[]): UnitStatus {
  const live = tasks.filter((t) => !isRetired(t));
  if (live.length === 0) return 'none';
  const open = live.filter((t) => isOpen(t));
  if (open.some((t) => t.overdue)) return 'overdue';
  if (open.some((t) => t.reached === false)) return 'unreached';
  if (open.some((t) => t.status === 'assigned')) return 'assigned';
  if (open.length > 0) return 'acknowledged';
  if (live.some((t) => t.status === 'closed')) return 'closed';
  return 'done';
}

export function tasksByUnit<T extends Pick<TaskView, 'unitId'>>(tasks: readonly T[]): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const t of tasks) out.set(t.unitId, [...(out.get(t.unitId) ?? []), t]);
  return out;
}

/** Colours that hold on a projector; every marker also carries its status as text. */
export const STATUS_COLOUR: Record<UnitStatus, string> = {
  none: '#6b7280',
  unreached: '#a21caf',
  assigned: '#c2410c',
  acknowledged: '#1d4ed8',
  closed: '#1e293b',
  done: '#15803d',
  overdue: '#991b1b',
};
