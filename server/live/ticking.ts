/**
 * The scheduler's ticks: every incident that may have a clock to fire is ticked through the same pipeline
 * as any command, by the scheduler as its own actor (`system`, which may only tick; it is no administrator).
 * One tick per incident at a time; an unchanged incident whose last tick found nothing is skipped until the
 * time quietUntil names.
 */
import { type IncidentState, isOpen } from '../../shared/engine/incident.ts';
import { quietUntil } from '../../shared/engine/reconcile.ts';
import type { CommandReply } from '../../shared/protocol/live.ts';
import type { IncidentMemory } from './memory.ts';
import type { CommandRequest, SystemActor } from './request.ts';

/** The scheduler as the pipeline and the engine know it. */
export const SCHEDULER: SystemActor = { id: 'scheduler', role: 'system', unitId: null };

export class Ticking {
  private readonly ticking = new Set<string>();
  /** per incident: the version whose tick found nothing, and until when another tick would find nothing too */
  private readonly quiet = new Map<string, { version: number; until: number }>();

  constructor(
    private readonly memory: Pick<IncidentMemory, 'all'>,
    private readonly clock: () => number,
    private readonly execute: (req: CommandRequest) => Promise<CommandReply>,
  ) {}

  /** Asks the engine to tick every incident that could have a clock to fire; one tick per incident at a time. */
  tickAll(): void {
    const now = this.clock();
    for (const s of this.memory.all()) {
      const quiet = this.quiet.get(s.id);
      if (quiet && quiet.version === s.version && now < quiet.until) continue;
      if (this.ticking.has(s.id) || !mayTick(s, now)) continue;
      this.ticking.add(s.id);
      void this.execute({
        actor: SCHEDULER,
        name: 'tick',
        target: { incidentId: s.id },
        command: { type: 'tick' },
        payload: null,
      }).finally(() => this.ticking.delete(s.id));
    }
  }

  /** A tick of this committed state found nothing to do: the next one may wait until quietUntil. */
  quietTick(incidentId: string, state: IncidentState, now: number): void {
    this.quiet.set(incidentId, { version: state.version, until: quietUntil(state, now) });
  }
}

function mayTick(s: IncidentState, now: number): boolean {
  // an incident being graded runs its report clocks too (daily ones included)
  if (s.status !== 'terminated') return true;
  return Object.values(s.tasks).some(
    (t) => t.dueAt !== null && t.dueAt <= now && t.overdueAt === undefined && isOpen(t),
  );
}
