/** Shared test helpers: run commands through decide/apply the way the server will. */
import { apply } from '../../shared/engine/apply.ts';
import { type DecideContext, decide } from '../../shared/engine/decide.ts';
import type { Actor, Command, Decision, IncidentEvent, IncidentState } from '../../shared/engine/incident.ts';
import { planById } from '../../shared/plans/index.ts';
import type { Plan } from '../../shared/plans/schema.ts';

export const plan = (id: string): Plan => {
  const p = planById(id);
  if (!p) throw new Error(`no plan ${id}`);
  return p;
};

export const duty: Actor = { userId: 'duty-1', role: 'duty' };
export const director: Actor = { userId: 'director-1', role: 'director' };
export const commander: Actor = { userId: 'commander-1', role: 'commander' };
export const leader: Actor = { userId: 'leader-1', role: 'leader' };
export const admin: Actor = { userId: 'admin-1', role: 'admin' };
export const scheduler: Actor = { userId: 'scheduler', role: 'system' };
export const unit = (unitId: string): Actor => ({ userId: `u-${unitId}`, role: 'unit', unitId });

/** 2026-11-23 10:00 Asia/Shanghai, a Monday. */
export const T0 = Date.UTC(2026, 10, 23, 2, 0);
export const MIN = 60_000;
export const HOUR = 60 * MIN;

/** An incident under test: applies accepted events and keeps the log. */
export class Run {
  state: IncidentState | null = null;
  log: IncidentEvent[] = [];
  constructor(readonly plan: Plan) {}

  try(command: Command, actor: Actor, now: number, extra: Partial<DecideContext> = {}): Decision {
    const d = decide(this.plan, this.state, command, { actor, now, ...extra });
    if (d.ok) {
      const order = this.plan.levels.map((l) => l.id);
      for (const e of d.events) this.state = apply(this.state, e, order);
      this.log.push(...d.events);
    }
    return d;
  }

  /** Like try, but fails the test when the command is refused. */
  do(command: Command, actor: Actor, now: number): IncidentEvent[] {
    const d = this.try(command, actor, now);
    if (!d.ok) throw new Error(`refused: ${d.refusal.code} ${d.refusal.message.en}`);
    return d.events;
  }

  get s(): IncidentState {
    if (!this.state) throw new Error('no incident yet');
    return this.state;
  }

  tasks(status?: string) {
    return Object.values(this.s.tasks).filter((t) => status === undefined || t.status === status);
  }
}

export function declareCmd(
  planId: string,
  levelId: string,
  extra: Partial<Extract<Command, { type: 'declare' }>> = {},
): Command {
  return {
    type: 'declare',
    incidentId: 'inc-1',
    planId: planId as never,
    levelId,
    title: '测试事件',
    ...extra,
  };
}
