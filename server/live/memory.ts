/**
 * The incidents in memory: each one's engine state and its record (where it is, who opened it), rebuilt at
 * start from its snapshot and the log after it; nothing is rebuilt by hand. Memory changes only by
 * `applyCommitted`, which the pipeline calls once a batch is durable, so memory never holds what the log
 * does not.
 */
import { apply, type Fresh, upgradeState } from '../../shared/engine/apply.ts';
import { planIndex } from '../../shared/engine/tiers.ts';
import type { IncidentEvent, IncidentState } from '../../shared/engine/incident.ts';
import { planById } from '../../shared/plans/index.ts';
import type { Plan } from '../../shared/plans/schema.ts';
import type { IncidentRecord, Store } from '../store/types.ts';

/**
 * A snapshot is the whole state as JSON, note history included, so writing one costs more as an incident
 * grows: an incident gets a new one after this many events, and not more often than every SNAPSHOT_GAP_MS
 * (a storm of acknowledgements would otherwise spend its time serialising). A clean shutdown snapshots every
 * incident that changed; after a crash the start replays at most the events of that gap.
 */
export const SNAPSHOT_EVERY = 500;
const SNAPSHOT_GAP_MS = 10_000;

/** One event folded into a state with the plan's level order, the only thing apply needs from the plan. */
export function fold(
  plan: Plan,
  state: IncidentState | null,
  event: IncidentEvent,
  fresh?: Fresh,
): IncidentState {
  return apply(state, event, planIndex(plan).levelOrder, fresh);
}

export class IncidentMemory {
  private readonly states = new Map<string, IncidentState>();
  private readonly records = new Map<string, IncidentRecord>();
  /** per incident: the version of its last snapshot, and when it was written (performance.now()) */
  private readonly snapshotAt = new Map<string, { version: number; written: number }>();

  private constructor(private readonly store: Store) {}

  /** Loads every incident: its snapshot, then the events after it. */
  static async load(store: Store): Promise<IncidentMemory> {
    const m = new IncidentMemory(store);
    const snapshots = new Map((await store.snapshots()).map((x) => [x.incidentId, x]));
    for (const record of await store.incidents()) {
      const plan = planById(record.planId);
      if (!plan) continue;
      const snap = snapshots.get(record.id);
      let state: IncidentState | null = snap ? upgradeState(snap.state) : null;
      for (const f of await store.factsOf(record.id, snap?.version ?? 0)) state = fold(plan, state, f.event);
      m.records.set(record.id, record);
      // a log written before the opening carried its place and author: they come from the record
      if (state)
        m.states.set(record.id, {
          ...state,
          place: state.place ?? record.place,
          createdBy: state.createdBy ?? record.createdBy,
        });
      m.snapshotAt.set(record.id, { version: snap?.version ?? 0, written: performance.now() });
    }
    return m;
  }

  state(id: string): IncidentState | undefined {
    return this.states.get(id);
  }
  record(id: string): IncidentRecord | undefined {
    return this.records.get(id);
  }
  all(): IncidentState[] {
    return [...this.states.values()];
  }

  /** A committed batch becomes memory: its new records and the states its commands folded. */
  applyCommitted(records: readonly IncidentRecord[], states: ReadonlyMap<string, IncidentState>): void {
    for (const r of records) this.records.set(r.id, r);
    for (const [id, s] of states) this.states.set(id, s);
  }

  /** Saves a snapshot of every incident that changed since its last one (at shutdown, and now and then). */
  async snapshot(all = false): Promise<void> {
    const now = performance.now();
    const due = [...this.states.values()].filter((s) => {
      const last = this.snapshotAt.get(s.id) ?? { version: 0, written: -Infinity };
      if (s.version <= last.version) return false;
      return all || (s.version - last.version >= SNAPSHOT_EVERY && now - last.written >= SNAPSHOT_GAP_MS);
    });
    if (due.length === 0) return;
    await this.store.saveSnapshots(due.map((s) => ({ incidentId: s.id, version: s.version, state: s })));
    for (const s of due) this.snapshotAt.set(s.id, { version: s.version, written: now });
  }
}
