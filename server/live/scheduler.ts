/**
 * The clock: every `everyMs` it asks the service to tick the incidents that may have a clock due, and ends
 * expired sessions. Nothing is scheduled in memory that the log does not already imply, so after a restart
 * the first tick recomputes every pending clock from the replayed state.
 */
import type { Sessions } from '../auth/sessions.ts';
import type { IncidentService } from './incidents.ts';

export function startScheduler(o: {
  service: IncidentService;
  sessions: Sessions;
  now: () => number;
  everyMs: number;
}): () => void {
  let sweeping = false;
  const timer = setInterval(() => {
    o.service.tickAll();
    if (sweeping) return;
    sweeping = true;
    o.sessions
      .sweep(o.now())
      .catch((err) => console.error('session sweep failed', err))
      .finally(() => {
        sweeping = false;
      });
  }, o.everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
