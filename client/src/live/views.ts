/**
 * What a screen shows of an incident, computed in the browser from the state the live client folds, with
 * the server's own view functions (shared/views/incident.ts): no request when a fact arrives.
 */
import { useEffect, useMemo, useState } from 'react';
import type { IncidentDetail } from '../../../shared/protocol/contract.ts';
import { incidentDetail } from '../../../shared/views/incident.ts';
import { useConsole } from '../store/index.ts';
import { live } from './connection.ts';

/** The clocks' statuses depend on the time: the view is recomputed this often even without a fact. */
const CLOCKS_EVERY_MS = 15_000;

/**
 * The whole view of one incident, or `undefined` while its state loads (a settled incident's page loads it
 * once), or `null` when it could not be loaded; `problem` says why: no such incident for this user, or no
 * answer.
 */
export function useIncidentDetail(
  incidentId: string,
): [IncidentDetail | null | undefined, 'missing' | 'failed' | null] {
  const state = useConsole((s) => (Object.hasOwn(s.states, incidentId) ? s.states[incidentId] : undefined));
  const plan = useConsole((s) => (state ? s.fullPlans[state.planId] : undefined));
  const user = useConsole((s) => s.user);
  const plansLoaded = useConsole((s) => s.plans.length > 0);
  const [problem, setProblem] = useState<'missing' | 'failed' | null>(null);
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const id = setInterval(() => setNow(Date.now()), CLOCKS_EVERY_MS);
    return () => clearInterval(id);
  }, []);
  useEffect(() => {
    setProblem(null);
    // a settled incident (or one opened by a link before the bootstrap knew it) is loaded on first use
    if (!state && plansLoaded)
      void live.loadState(incidentId).then((r) => setProblem(r === 'loaded' ? null : r));
    // only when the incident or the bootstrap changes, not on every fact
  }, [incidentId, plansLoaded]);
  const detail = useMemo(
    () => (state && plan && user ? incidentDetail(plan, state, user, now) : undefined),
    [state, plan, user, now],
  );
  return [detail ?? (problem ? null : undefined), detail ? null : problem];
}
