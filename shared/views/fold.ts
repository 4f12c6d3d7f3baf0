/**
 * A client's copy of the incidents: the states it was given at a sequence (the bootstrap), folded forward
 * with the engine's own `apply`, one fact at a time, in the order the feed delivers them. The browser, the
 * benchmark's clients and the tests use this; the server keeps whole states and folds them in its pipeline.
 *
 * A unit receives its cut of the facts (server/live/visibility.ts), so the versions it sees have gaps: a
 * fact is applied when it is newer than the state, and the state takes the fact's version.
 */
import { apply, type Fresh, freshRun, updateTask } from '../engine/apply.ts';
import type { IncidentState, Task } from '../engine/incident.ts';
import type { Fact } from '../protocol/live.ts';
import { NOTES } from '../protocol/limits.ts';

/** A client keeps only the latest notes of each task: the views show no more, the rest is paged. */
function trimNotes(task: Task): Task {
  return task.notes.length > NOTES.inView
    ? { ...task, notes: task.notes.slice(-NOTES.inView), noteCount: task.noteCount ?? task.notes.length }
    : task;
}

/** The state with every task's notes cut to the latest few (each task keeps how many it holds). */
export function withRecentNotes(state: IncidentState): IncidentState {
  let tasks: Record<string, Task> | null = null;
  for (const [id, t] of Object.entries(state.tasks)) {
    if (t.notes.length <= NOTES.inView) continue;
    tasks ??= { ...state.tasks };
    tasks[id] = trimNotes(t);
  }
  return tasks ? { ...state, tasks } : state;
}

export type FoldOutcome =
  /** applied: the state changed */
  | 'applied'
  /** the state already holds it (a reply's fact arriving again with the feed, a bootstrap newer than the fact) */
  | 'held'
  /** the incident's state is not loaded here (a settled incident): the fact is for whoever loads it later */
  | 'unloaded';

/**
 * Applies one fact to `states` in place of the incident's state (the map is the caller's working copy).
 * `levelOrder` gives a plan's level ids, lowest first, which apply needs for the highest level reached.
 */
export function foldFact(
  states: Record<string, IncidentState>,
  fact: Fact,
  levelOrder: (planId: string) => readonly string[],
  /** the run this fold belongs to (a packet): the task maps it made may be written again (apply.ts) */
  fresh?: Fresh,
): FoldOutcome {
  const { event } = fact;
  const id = event.incidentId;
  const state = Object.hasOwn(states, id) ? states[id] : undefined;
  if (event.type === 'IncidentOpened') {
    if (state) return 'held';
    states[id] = { ...apply(null, event, levelOrder(event.planId), fresh), version: fact.version };
    return 'applied';
  }
  if (!state) return 'unloaded';
  if (fact.version <= state.version) return 'held';
  let next = apply(state, event, levelOrder(state.planId), fresh);
  if (event.type === 'TaskReported') {
    const task = next.tasks[event.taskId];
    if (task && task.notes.length > NOTES.inView) next = updateTask(next, task.id, trimNotes, fresh);
  }
  states[id] = { ...next, version: fact.version };
  return 'applied';
}

/**
 * A command's answer carries the facts it wrote. They are applied only when each follows its state's version
 * directly: a fact further ahead could skip one still on its way in the feed, which would then be taken for
 * held. Those wait for the feed, which brings every fact in order.
 */
export function foldReply(
  states: Record<string, IncidentState>,
  facts: readonly Fact[],
  levelOrder: (planId: string) => readonly string[],
): string[] {
  const touched: string[] = [];
  const run = freshRun();
  for (const fact of facts) {
    const state = Object.hasOwn(states, fact.event.incidentId) ? states[fact.event.incidentId] : undefined;
    // a new incident's first fact starts its state; every other fact must follow its state directly
    const follows = state ? fact.version === state.version + 1 : fact.event.type === 'IncidentOpened';
    if (!follows) continue;
    if (foldFact(states, fact, levelOrder, run) === 'applied') touched.push(fact.event.incidentId);
  }
  return touched;
}
