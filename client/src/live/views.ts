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
 * once), or `null` when the server has no such incident for this user.
 */
export function useIncidentDetail(incidentId: string): IncidentDetail | null | undefined {
  const state = useConsole((s) => (Object.hasOwn(s.states, incidentId) ? s.states[incidentId] : undefined));
  const plan = useConsole((s) => (state ? s.fullPlans[state.planId] : undefined));
  const user = useConsole((s) => s.user);
  const plansLoaded = useConsole((s) => s.plans.length > 0);
  const [missing, setMissing] = useState(false);
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const id = setInterval(() => setNow(Date.now()), CLOCKS_EVERY_MS);
    return () => clearInterval(id);
  }, []);
  useEffect(() => {
    setMissing(false);
    // a settled incident (or one opened by a link before the bootstrap knew it) is loaded on first use
    if (!state && plansLoaded) void live.loadState(incidentId).then((ok) => setMissing(!ok));
    // only when the incident or the bootstrap changes, not on every fact
  }, [incidentId, plansLoaded]);
  return useMemo(() => {
    if (!state || !plan || !user) return missing ? null : undefined;
    return incidentDetail(plan, state, user, now);
  }, [state, plan, user, now, missing]);
}
