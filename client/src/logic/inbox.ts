/**
 * A unit's inbox, ordered by what is most urgent, and what changed that the unit must be told. Pure: the
 * Inbox page renders what these return.
 *
 * Open tasks: overdue first (the longest overdue first), then the nearest deadline, then those not yet
 * acknowledged, then the rest (newest first). They are grouped by incident, the group with the most urgent
 * task first. Ended tasks (done, closed, stood down, moved) come last, in their own list, latest first.
 * Tasks closed by termination, stood down by a lower level or moved to a role's new holder are also
 * notices: one per incident, kind and moment, for a while after it happened.
 */
import { isOpen } from '../../../shared/engine/incident.ts';
import type { InboxTask } from '../../../shared/protocol/contract.ts';

export type InboxItem = Pick<
  InboxTask,
  | 'id'
  | 'incidentId'
  | 'incidentTitle'
  | 'incidentStatus'
  | 'incidentDrill'
  | 'incidentLevel'
  | 'incidentLevelName'
  | 'status'
  | 'overdue'
  | 'dueAt'
  | 'assignedAt'
  | 'doneAt'
  | 'closedAt'
>;

/** 0 overdue, 1 has a deadline, 2 not yet acknowledged, 3 the rest; ended tasks are 4. */
export function urgency(task: Pick<InboxItem, 'status' | 'overdue' | 'dueAt'>, now: number): number {
  if (!isOpen(task)) return 4;
  if (task.overdue || (task.dueAt !== null && task.dueAt <= now)) return 0;
  if (task.dueAt !== null) return 1;
  if (task.status === 'assigned') return 2;
  return 3;
}

const byDue = (a: number | null, b: number | null) =>
  a === b ? 0 : a === null ? 1 : b === null ? -1 : a - b;

/** Most urgent first; ties: the earlier deadline, then not yet acknowledged, then the newest, then the id. */
export function compareUrgency(
  a: Pick<InboxItem, 'id' | 'status' | 'overdue' | 'dueAt' | 'assignedAt'>,
  b: Pick<InboxItem, 'id' | 'status' | 'overdue' | 'dueAt' | 'assignedAt'>,
  now: number,
): number {
  return (
    urgency(a, now) - urgency(b, now) ||
    byDue(a.dueAt, b.dueAt) ||
    Number(b.status === 'assigned') - Number(a.status === 'assigned') ||
    b.assignedAt - a.assignedAt ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  );
}

/** When an ended task ended: done, or closed, stood down or moved. */
export const endedAt = (t: Pick<InboxItem, 'doneAt' | 'closedAt' | 'assignedAt'>) =>
  t.doneAt ?? t.closedAt ?? t.assignedAt;

export interface IncidentGroup<T extends InboxItem> {
  incidentId: string;
  title: string;
  status: InboxItem['incidentStatus'];
  drill: boolean;
  level: string | null;
  levelName: InboxItem['incidentLevelName'];
  /** the open tasks, most urgent first */
  tasks: T[];
}

/** Open tasks grouped by incident; groups in the order of their most urgent task. */
export function openGroups<T extends InboxItem>(tasks: readonly T[], now: number): IncidentGroup<T>[] {
  const sorted = tasks.filter((t) => isOpen(t)).sort((a, b) => compareUrgency(a, b, now));
  const groups = new Map<string, IncidentGroup<T>>();
  for (const t of sorted) {
    let g = groups.get(t.incidentId);
    if (!g) {
      g = {
        incidentId: t.incidentId,
        title: t.incidentTitle,
        status: t.incidentStatus,
        drill: t.incidentDrill,
        level: t.incidentLevel,
        levelName: t.incidentLevelName,
        tasks: [],
      };
      groups.set(t.incidentId, g);
    }
    g.tasks.push(t);
  }
  return [...groups.values()];
}

/** Ended tasks, the latest ended first. */
export function endedTasks<T extends InboxItem>(tasks: readonly T[]): T[] {
  return tasks
    .filter((t) => !isOpen(t))
    .sort((a, b) => endedAt(b) - endedAt(a) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

export type NoticeKind = 'closed' | 'stoodDown' | 'moved';
const NOTICE_KINDS: ReadonlySet<string> = new Set<NoticeKind>(['closed', 'stoodDown', 'moved']);

export interface Notice<T extends InboxItem> {
  key: string;
  incidentId: string;
  title: string;
  drill: boolean;
  /** the incident's status and level now */
  status: InboxItem['incidentStatus'];
  levelName: InboxItem['incidentLevelName'];
  kind: NoticeKind;
  /** when it happened (the tasks' closedAt) */
  at: number;
  tasks: T[];
}

/** How long a unit is told about tasks closed, stood down or moved: three days. */
export const NOTICE_MS = 3 * 24 * 3600_000;

/**
 * Tasks that ended undone because the response ended, the level was lowered or the role was rebound:
 * one notice per incident, kind and moment, the latest first, for NOTICE_MS after it happened.
 */
export function changeNotices<T extends InboxItem>(
  tasks: readonly T[],
  now: number,
  windowMs = NOTICE_MS,
): Notice<T>[] {
  const out = new Map<string, Notice<T>>();
  for (const t of tasks) {
    if (!NOTICE_KINDS.has(t.status) || t.closedAt === undefined || now - t.closedAt > windowMs) continue;
    const kind = t.status as NoticeKind;
    const key = `${t.incidentId}|${kind}|${t.closedAt}`;
    const n = out.get(key);
    if (n) n.tasks.push(t);
    else
      out.set(key, {
        key,
        incidentId: t.incidentId,
        title: t.incidentTitle,
        drill: t.incidentDrill,
        status: t.incidentStatus,
        levelName: t.incidentLevelName,
        kind,
        at: t.closedAt,
        tasks: [t],
      });
  }
  return [...out.values()].sort((a, b) => b.at - a.at || (a.key < b.key ? -1 : 1));
}

/** The tasks "全部确认" acknowledges: those still to acknowledge and not already queued to be sent. */
export function toAcknowledge<T extends Pick<InboxItem, 'id' | 'status'>>(
  tasks: readonly T[],
  queued: ReadonlySet<string>,
): T[] {
  return tasks.filter((t) => t.status === 'assigned' && !queued.has(t.id));
}
