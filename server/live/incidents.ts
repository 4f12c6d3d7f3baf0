/**
 * The live incidents, as the routes, the sockets and the scheduler see them: a thin facade over the parts
 * that each do one job —
 * - memory.ts: engine states and records in memory, rebuilt at start from snapshots and the log; snapshots;
 * - pipeline.ts: the queue, group commit, applying after the commit, broadcasting and answering;
 * - idempotency.ts: a retried requestId gets its first answer;
 * - decision.ts: the target resolved, what a unit may not see hidden, the engine's decision, the answer;
 * - ticking.ts: the scheduler's ticks, as the `system` actor.
 */
import type { CommandReply } from '../../shared/protocol/live.ts';
import { inboxTasks } from '../../shared/views/incident.ts';
import { planById } from '../../shared/plans/index.ts';
import type { IncidentState } from '../../shared/engine/incident.ts';
import type { FileRecord, IncidentRecord, Store, StoredFact } from '../store/types.ts';
import { decideCommand } from './decision.ts';
import { IncidentMemory } from './memory.ts';
import { Pipeline } from './pipeline.ts';
import type { CommandRequest } from './request.ts';
import { Ticking } from './ticking.ts';
import { canSeeIncident, type Viewer } from './visibility.ts';

export { SNAPSHOT_EVERY } from './memory.ts';
export type { CommandRequest } from './request.ts';

export class IncidentService {
  private constructor(
    private readonly store: Store,
    private readonly memory: IncidentMemory,
    private readonly pipeline: Pipeline,
    private readonly ticking: Ticking,
  ) {}

  /** Loads every incident: its snapshot, then the events after it. Nothing is rebuilt by hand. */
  static async open(store: Store, clock: () => number): Promise<IncidentService> {
    // nothing writes before the service is open: memory reflects the log up to this head
    const head = await store.head();
    const memory = await IncidentMemory.load(store);
    const ticking: Ticking = new Ticking(memory, clock, (req) => pipeline.execute(req));
    const pipeline = new Pipeline(
      store,
      memory,
      clock,
      (req, now, work) =>
        decideCommand({ memory, quietTick: (...a) => ticking.quietTick(...a) }, req, now, work),
      head,
    );
    return new IncidentService(store, memory, pipeline, ticking);
  }

  onFacts(listener: (facts: StoredFact[]) => void) {
    this.pipeline.onFacts(listener);
  }

  state(id: string): IncidentState | undefined {
    return this.memory.state(id);
  }
  record(id: string): IncidentRecord | undefined {
    return this.memory.record(id);
  }
  all(): IncidentState[] {
    return this.memory.all();
  }

  /** the sequence number of the last fact applied to memory: what `all()` reflects (pipeline.ts) */
  appliedSeq(): number {
    return this.pipeline.appliedSeq();
  }

  factsAfter(seq: number, limit: number, maxBytes?: number): Promise<StoredFact[]> {
    return this.store.factsAfter(seq, limit, maxBytes);
  }
  /** the store's last sequence number, which may run ahead of memory; a bootstrap read takes appliedSeq() */
  head(): Promise<number> {
    return this.store.head();
  }

  /** a page of an incident's log, the newest facts before `beforeVersion` (see Store.factsBefore) */
  factsBefore(incidentId: string, beforeVersion: number, limit: number, maxBytes: number) {
    return this.store.factsBefore(incidentId, beforeVersion, limit, maxBytes);
  }

  /** an incident's whole log in order: what the 总结评估 is computed from */
  async eventsOf(incidentId: string) {
    return (await this.store.factsOf(incidentId)).map((f) => f.event);
  }

  /** A unit's tasks across the incidents it may see, newest first. */
  tasksOf(viewer: Viewer) {
    // the inbox the browser computes from its own states, with the same function
    return inboxTasks(
      planById,
      this.all().filter((s) => canSeeIncident(viewer, s.planId)),
      viewer.unitId,
    );
  }

  /** `files`: what the command's facts name (an attached report), committed with them or not at all */
  execute(req: CommandRequest, files?: FileRecord[]): Promise<CommandReply> {
    return this.pipeline.execute(req, files);
  }

  /** an attached file, bytes and all */
  file(id: string): Promise<FileRecord | null> {
    return this.store.file(id);
  }

  /** the time and size of each file the account stored since `since` (the daily quota) */
  uploadsSince(by: string, since: number) {
    return this.store.uploadsSince(by, since);
  }

  /** Asks the engine to tick every incident that could have a clock to fire; one tick per incident at a time. */
  tickAll(): void {
    this.ticking.tickAll();
  }

  /** Saves a snapshot of every incident that changed since its last one (at shutdown, and now and then). */
  snapshot(all = false): Promise<void> {
    return this.memory.snapshot(all);
  }

  /** Resolves once every queued command has been committed and answered. */
  idle(): Promise<void> {
    return this.pipeline.idle();
  }
}
