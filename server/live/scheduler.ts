/**
 * The clock: every `everyMs` it asks the service to tick the incidents that may have a clock due (the ticks
 * go through the command pipeline as the `system` actor, ticking.ts: the scheduler holds no account and acts
 * as no administrator), and ends expired sessions; once an hour (and at start) it sweeps stored answers and
 * audit rows past their retention. Nothing is scheduled in memory that the log does not already imply, so
 * after a restart the first tick recomputes every pending clock from the replayed state.
 */
import type { Sessions } from '../auth/sessions.ts';
import type { Store } from '../store/types.ts';
import type { IncidentService } from './incidents.ts';

const RETENTION_SWEEP_MS = 3600_000;

export function startScheduler(o: {
  service: Pick<IncidentService, 'tickAll'>;
  sessions: Sessions;
  store: Store;
  now: () => number;
  everyMs: number;
}): () => void {
  let sweeping = false;
  let retainedAt = -Infinity;
  const timer = setInterval(() => {
    o.service.tickAll();
    if (sweeping) return;
    sweeping = true;
    const now = o.now();
    const retention = now - retainedAt >= RETENTION_SWEEP_MS;
    if (retention) retainedAt = now;
    Promise.all([o.sessions.sweep(now), retention ? o.store.sweep(now) : null])
      .catch((err) => console.error('sweep failed:', err instanceof Error ? err.message : err))
      .finally(() => {
        sweeping = false;
      });
  }, o.everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
