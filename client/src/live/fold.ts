/**
 * Folding into the store: the bootstrap's states, the feed's facts and a command's answer become states
 * (shared/views/fold.ts, the engine's own apply), and the summaries and a unit's inbox are recomputed for the
 * incidents they touched with the server's view functions (shared/views/incident.ts).
 */
import type { IncidentState } from '../../../shared/engine/incident.ts';
import type { Bootstrap } from '../../../shared/protocol/contract.ts';
import type { Fact } from '../../../shared/protocol/live.ts';
import { freshRun } from '../../../shared/engine/apply.ts';
import { planIndex } from '../../../shared/engine/tiers.ts';
import { foldFact, foldReply } from '../../../shared/views/fold.ts';
import { inboxTasks, incidentSummary } from '../../../shared/views/incident.ts';
import { type ConsoleState, type ConsoleStore, TIMELINE_MAX } from '../store/index.ts';

/** The summaries (and a unit's inbox) after `states` replaced the store's, for the incidents touched. */
function derived(s: ConsoleState, states: Record<string, IncidentState>, touched: Iterable<string>) {
  const viewer = s.user;
  if (!viewer) return { states };
  const incidents = { ...s.incidents };
  for (const id of touched) {
    const state = states[id];
    const plan = state ? s.fullPlans[state.planId] : undefined;
    if (state && plan) incidents[id] = incidentSummary(plan, state, viewer);
  }
  const inbox =
    viewer.role === 'unit'
      ? inboxTasks((id) => s.fullPlans[id], Object.values(states), viewer.unitId)
      : s.inbox;
  return { states, incidents, inbox };
}

const levelOrderOf = (s: ConsoleState) => (planId: string) => {
  const plan = s.fullPlans[planId];
  return plan ? planIndex(plan).levelOrder : [];
};

/** The bootstrap: states at a sequence (the feed starts after it), and the settled incidents' summaries. */
export function bootstrap(store: ConsoleStore, b: Bootstrap): void {
  const s = store.getState();
  const states = Object.fromEntries(b.states.map((x) => [x.id, x]));
  const base = { ...s, incidents: Object.fromEntries(b.settled.map((x) => [x.id, x])) };
  s.setLive(derived(base, states, Object.keys(states)));
}

/**
 * Facts of incidents whose state is not held here (settled ones), kept a while in case a page loads that
 * state: its answer may have left the server just before a fact that arrives here first. Bounded.
 */
const unloaded = new WeakMap<ConsoleStore, Fact[]>();
const UNLOADED_KEPT = 200;

/**
 * A settled incident's state, loaded when its page opens; kept only if newer than what is held, and brought
 * up to date with the facts that arrived for it while it was not held.
 */
export function loadState(store: ConsoleStore, state: IncidentState): void {
  const s = store.getState();
  const held = s.states[state.id];
  if (held && held.version >= state.version) return;
  const states = { ...s.states, [state.id]: state };
  const run = freshRun();
  for (const f of unloaded.get(store) ?? [])
    if (f.event.incidentId === state.id) foldFact(states, f, levelOrderOf(s), run);
  s.setLive(derived(s, states, [state.id]));
}

/** Facts from the feed, in sequence order, folded in one store update; the timelines get them too. */
export function applyFacts(store: ConsoleStore, facts: readonly Fact[]): void {
  const s = store.getState();
  const states = { ...s.states };
  const touched = new Set<string>();
  const order = levelOrderOf(s);
  const byIncident = new Map<string, Fact[]>();
  // one run per packet: each incident's task map is copied once, however many facts touch it
  const run = freshRun();
  for (const f of facts) {
    const outcome = foldFact(states, f, order, run);
    if (outcome === 'applied') touched.add(f.event.incidentId);
    else if (outcome === 'unloaded')
      unloaded.set(store, [...(unloaded.get(store) ?? []), f].slice(-UNLOADED_KEPT));
    const list = byIncident.get(f.event.incidentId);
    if (list) list.push(f);
    else byIncident.set(f.event.incidentId, [f]);
  }
  // one copy per incident and packet, however many facts it brought
  const timelines = { ...s.timelines };
  for (const [id, list] of byIncident) {
    const held = timelines[id] ?? [];
    const after = held.at(-1)?.seq ?? 0;
    timelines[id] = [...held, ...list.filter((f) => f.seq > after)].slice(-TIMELINE_MAX);
  }
  s.setLive({ ...(touched.size > 0 ? derived(s, states, touched) : {}), timelines });
}

/** A command's answer: its facts folded when each follows its state directly (shared/views/fold.ts). */
export function applyReply(store: ConsoleStore, facts: readonly Fact[]): void {
  const s = store.getState();
  const states = { ...s.states };
  const touched = foldReply(states, facts, levelOrderOf(s));
  if (touched.length > 0) s.setLive(derived(s, states, touched));
}
