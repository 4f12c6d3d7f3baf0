/** A unit's state in one incident, for the map's markers and the task matrix's row headers. */
import { isOpen } from '../../../shared/engine/incident.ts';
import type { TaskView } from '../types.ts';

export type UnitStatus = 'none' | 'assigned' | 'acknowledged' | 'done' | 'overdue';
export const UNIT_STATUSES: readonly UnitStatus[] = ['none', 'assigned', 'acknowledged', 'done', 'overdue'];

/**
 * Worst first: an open overdue task makes the unit overdue; else any task not yet acknowledged makes it
 * assigned; else any open task makes it acknowledged; a unit whose tasks are all finished is done.
 */
export function unitStatus(tasks: readonly Pick<TaskView, 'status' | 'overdue'>[]): UnitStatus {
  const live = tasks.filter((t) => t.status !== 'stoodDown');
  if (live.length === 0) return 'none';
  if (live.some((t) => t.overdue && isOpen(t))) return 'overdue';
  if (live.some((t) => t.status === 'assigned')) return 'assigned';
  if (live.some((t) => isOpen(t))) return 'acknowledged';
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
  assigned: '#c2410c',
  acknowledged: '#1d4ed8',
  done: '#15803d',
  overdue: '#991b1b',
};
