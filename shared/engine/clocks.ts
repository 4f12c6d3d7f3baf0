/** clocks(plan, state, now): every deadline of an incident, whether it is met, due soon or overdue. */
import type { Milestone, Plan } from '../plans/schema.ts';
import type { IncidentState } from './incident.ts';
import { missedDeadline } from './progress.ts';
import { clocksForLevel, milestoneOf } from './tiers.ts';

/**
 * `met`/`metLate`: done by, or after, the deadline. `missed`: the deadline passed and the work was never done
 * (it stays missed after termination). `closedUndone`: closed by termination before its deadline, undone —
 * not met either. Open ones are `pending`, `dueSoon` or `overdue`.
 */
export type ObligationStatus =
  'met' | 'metLate' | 'pending' | 'dueSoon' | 'overdue' | 'missed' | 'closedUndone';

export interface Obligation {
  taskId: string;
  clockId: string | null;
  actionId: string | null;
  unitId: string;
  dueAt: number;
  status: ObligationStatus;
  /** negative once overdue */
  remainingMs: number;
}

export interface WaitingClock {
  clockId: string;
  waitingFor: Milestone;
}

/** A deadline is "due soon" in its last 30 minutes, or in the last half of a shorter window. */
export function dueSoonWindow(windowMs: number): number {
  return Math.min(30 * 60_000, windowMs / 2);
}

export function clocks(
  plan: Plan,
  state: IncidentState,
  now: number,
): { obligations: Obligation[]; waiting: WaitingClock[] } {
  const obligations: Obligation[] = [];
  for (const t of Object.values(state.tasks)) {
    if (t.dueAt === null || t.status === 'moved') continue;
    const remainingMs = t.dueAt - now;
    const passedUndone = missedDeadline(t, now);
    let status: ObligationStatus;
    if (t.status === 'done') status = (t.doneAt ?? 0) <= t.dueAt ? 'met' : 'metLate';
    // a lower level that no longer carries it before its deadline: it is no longer owed
    else if (t.status === 'stoodDown' && !passedUndone) continue;
    else if (t.status === 'closed' || t.status === 'stoodDown')
      status = passedUndone ? 'missed' : 'closedUndone';
    else if (remainingMs < 0) status = 'overdue';
    else status = remainingMs <= dueSoonWindow(t.dueAt - t.assignedAt) ? 'dueSoon' : 'pending';
    obligations.push({
      taskId: t.id,
      clockId: t.source.kind === 'clock' ? t.source.clockId : null,
      actionId: t.source.kind === 'action' ? t.source.actionId : null,
      unitId: t.unitId,
      dueAt: t.dueAt,
      status,
      remainingMs,
    });
  }
  obligations.sort((a, b) => a.dueAt - b.dueAt);
  // the clocks that would run once the duty officer records their milestone
  const inForce =
    state.status === 'active' && state.level
      ? clocksForLevel(plan, state.level)
      : state.status === 'open' || state.status === 'proposed'
        ? plan.clocks.filter((c) => c.beforeLevel)
        : [];
  const waiting: WaitingClock[] = inForce.flatMap((c) => {
    const m = milestoneOf(c);
    return m !== null && m !== 'terminated' && state.milestones[m] === undefined
      ? [{ clockId: c.id, waitingFor: m }]
      : [];
  });
  return { obligations, waiting };
}
