/**
 * The live incidents: engine states in memory, rebuilt at start from snapshots and the log, and a command
 * queue that decides each command with the pure engine and commits a whole batch in one durable
 * transaction (group commit). A reply and a broadcast happen only after the commit returns, so nothing a
 * client was told is ever lost, and a failed commit leaves memory as it was.
 */
import { createHash, randomBytes } from 'node:crypto';
import { apply, upgradeState } from '../../shared/engine/apply.ts';
import { decide } from '../../shared/engine/decide.ts';
import {
  type Actor,
  type Command,
  type IncidentEvent,
  type IncidentState,
  isOpen,
  type RefusalCode,
} from '../../shared/engine/incident.ts';
import { quietUntil } from '../../shared/engine/reconcile.ts';
import { dayKey } from '../../shared/engine/time.ts';
import { planById } from '../../shared/plans/index.ts';
import type { Plan } from '../../shared/plans/schema.ts';
import { type CommandReply, ERROR_STATUS, type ErrorCode, type Place } from '../../shared/protocol/live.ts';
import type { CommitItem, IncidentRecord, Store, StoredFact } from '../store/types.ts';
import { parseApiTaskId } from '../../shared/engine/taskId.ts';
import { incidentSummary, taskAnswer, taskView } from '../../shared/views/incident.ts';
import { canSeeIncident, isStaff, type Viewer, visibleTask } from './visibility.ts';

/** A command as the transports hand it over: already validated, with its target resolved to ids. */
export interface CommandRequest {
  actor: Viewer;
  /** absent only for the scheduler's ticks */
  requestId?: string;
  /** the command's name and target, shown in the audit record */
  name: string;
  target:
    { incidentId: string } | { apiTaskId: string } | { newIncident: { planId: string; place: Place | null } };
  command: Command;
  expectedVersion?: number;
  /** what was asked, as JSON, so a reused requestId with other content is told apart */
  payload: unknown;
}

export const errorReply = (code: ErrorCode, zh: string, en: string): CommandReply => ({
  ok: false,
  status: ERROR_STATUS[code],
  body: { error: { code, message: `${zh} / ${en}` } },
});

interface Queued {
  req: CommandRequest;
  resolve: (r: CommandReply) => void;
}

/**
 * A snapshot is the whole state as JSON, note history included, so writing one costs more as an incident
 * grows: an incident gets a new one after this many events, and not more often than every SNAPSHOT_GAP_MS
 * (a storm of acknowledgements would otherwise spend its time serialising). A clean shutdown snapshots every
 * incident that changed; after a crash the start replays at most the events of that gap.
 */
export const SNAPSHOT_EVERY = 500;
const SNAPSHOT_GAP_MS = 10_000;
const requestKey = (userId: string, requestId: string) => `${userId}\u0000${requestId}`;
const BATCH_MAX = 512;
const TICKED: CommandReply = { ok: true, status: 200, body: {} };

export class IncidentService {
  private readonly states = new Map<string, IncidentState>();
  private readonly records = new Map<string, IncidentRecord>();
  /** per incident: the version of its last snapshot, and when it was written (performance.now()) */
  private readonly snapshotAt = new Map<string, { version: number; written: number }>();
  private queue: Queued[] = [];
  private draining = false;
  private readonly ticking = new Set<string>();
  /** per incident: the version whose tick found nothing, and until when another tick would find nothing too */
  private readonly quiet = new Map<string, { version: number; until: number }>();
  private listeners: ((facts: StoredFact[]) => void)[] = [];

  private constructor(
    private readonly store: Store,
    private readonly clock: () => number,
  ) {}

  /** Loads every incident: its snapshot, then the events after it. Nothing is rebuilt by hand. */
  static async open(store: Store, clock: () => number): Promise<IncidentService> {
    const s = new IncidentService(store, clock);
    const snapshots = new Map((await store.snapshots()).map((x) => [x.incidentId, x]));
    for (const record of await store.incidents()) {
      const plan = planById(record.planId);
      if (!plan) continue;
      const snap = snapshots.get(record.id);
      let state: IncidentState | null = snap ? upgradeState(snap.state) : null;
      for (const f of await store.factsOf(record.id, snap?.version ?? 0))
        state = s.fold(plan, state, f.event);
      s.records.set(record.id, record);
      // a log written before the opening carried its place and author: they come from the record
      if (state)
        s.states.set(record.id, {
          ...state,
          place: state.place ?? record.place,
          createdBy: state.createdBy ?? record.createdBy,
        });
      s.snapshotAt.set(record.id, { version: snap?.version ?? 0, written: performance.now() });
    }
    return s;
  }

  onFacts(listener: (facts: StoredFact[]) => void) {
    this.listeners.push(listener);
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

  factsAfter(seq: number, limit: number, maxBytes?: number): Promise<StoredFact[]> {
    return this.store.factsAfter(seq, limit, maxBytes);
  }
  head(): Promise<number> {
    return this.store.head();
  }

  /** a page of an incident's log, the newest facts before `beforeVersion` (see Store.factsBefore) */
  factsBefore(incidentId: string, beforeVersion: number, limit: number, maxBytes: number) {
    return this.store.factsBefore(incidentId, beforeVersion, limit, maxBytes);
  }

  /** A unit's tasks across the incidents it may see, newest first. */
  tasksOf(viewer: Viewer) {
    return this.all()
      .filter((s) => canSeeIncident(viewer, s.planId))
      .flatMap((s) => {
        const plan = planById(s.planId);
        return plan
          ? Object.values(s.tasks)
              .filter((t) => t.unitId === viewer.unitId)
              .map((t) => ({
                ...taskView(plan, s, t),
                incidentTitle: s.title,
                incidentStatus: s.status,
                incidentDrill: s.drill,
                // the level in force now, so a unit sees what changed since its task was assigned
                incidentLevel: s.level,
                incidentLevelName: s.level ? (plan.levels.find((l) => l.id === s.level)?.name ?? null) : null,
                planId: s.planId,
              }))
          : [];
      })
      .sort((a, b) => b.assignedAt - a.assignedAt);
  }

  execute(req: CommandRequest): Promise<CommandReply> {
    return new Promise((resolve) => {
      this.queue.push({ req, resolve });
      // wait for the rest of this turn of the event loop: every command read from the sockets in it joins
      // one batch, and so one transaction and one fsync (group commit)
      if (!this.draining) {
        this.draining = true;
        setImmediate(() => void this.drain());
      }
    });
  }

  /** Asks the engine to tick every incident that could have a clock to fire; one tick per incident at a time. */
  tickAll(): void {
    const now = this.clock();
    for (const s of this.states.values()) {
      const quiet = this.quiet.get(s.id);
      if (quiet && quiet.version === s.version && now < quiet.until) continue;
      if (this.ticking.has(s.id) || !this.mayTick(s)) continue;
      this.ticking.add(s.id);
      void this.execute({
        actor: { id: 'scheduler', role: 'admin', unitId: null },
        name: 'tick',
        target: { incidentId: s.id },
        command: { type: 'tick' },
        payload: null,
      }).finally(() => this.ticking.delete(s.id));
    }
  }

  private mayTick(s: IncidentState): boolean {
    // an incident being graded runs its report clocks too (daily ones included)
    if (s.status !== 'terminated') return true;
    const now = this.clock();
    return Object.values(s.tasks).some(
      (t) => t.dueAt !== null && t.dueAt <= now && t.overdueAt === undefined && isOpen(t),
    );
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

  /** Resolves once every queued command has been committed and answered. */
  async idle(): Promise<void> {
    while (this.draining || this.queue.length > 0) await new Promise((r) => setTimeout(r, 5));
  }

  private fold(plan: Plan, state: IncidentState | null, event: IncidentEvent): IncidentState {
    return apply(
      state,
      event,
      plan.levels.map((l) => l.id),
    );
  }

  private async drain(): Promise<void> {
    try {
      while (this.queue.length > 0) {
        const batch = this.queue.splice(0, BATCH_MAX);
        try {
          await this.runBatch(batch);
        } catch (err) {
          // a fault outside any one command (a listener, a snapshot): the batch is answered, the process goes on;
          // resolving an already answered promise again does nothing
          console.error('command batch failed:', err instanceof Error ? err.message : err);
          this.unavailable(batch);
        }
      }
    } finally {
      this.draining = false;
    }
  }

  private async runBatch(batch: Queued[]): Promise<void> {
    const working = new Map<string, IncidentState>();
    const newRecords: IncidentRecord[] = [];
    const seen = new Map<string, { fingerprint: string; reply: CommandReply }>();
    const items: CommitItem[] = [];
    const replies: (CommandReply | null)[] = [];
    const now = this.clock();
    let stored: Awaited<ReturnType<typeof this.priorReplies>>;
    try {
      stored = await this.priorReplies(batch);
    } catch (err) {
      console.error('reading stored answers failed', err);
      return this.unavailable(batch);
    }
    for (const { req } of batch) {
      let admitted: { item: CommitItem; reply: CommandReply };
      try {
        admitted = this.admitOne(req, now, { stored, seen, working, newRecords });
      } catch (err) {
        // only a payload no transport should have let through, or an engine fault, gets here: it answers
        // alone (admitOne changes the batch's state only once a decision is whole), and the batch goes on
        admitted = { item: { events: [] }, reply: this.failedAlone(req, err) };
      }
      items.push(admitted.item);
      replies.push(admitted.reply);
    }
    let facts: StoredFact[][];
    try {
      facts = await this.store.commit(
        items.filter((i) => i.events.length > 0 || i.request || i.audit || i.incident),
      );
    } catch (err) {
      console.error('commit failed', err);
      return this.unavailable(batch);
    }
    for (const r of newRecords) this.records.set(r.id, r);
    for (const [id, s] of working) this.states.set(id, s);
    const all = facts.flat();
    if (all.length > 0)
      for (const l of this.listeners) {
        try {
          l(all);
        } catch (err) {
          console.error('broadcast failed:', err instanceof Error ? err.message : err);
        }
      }
    batch.forEach((q, i) => q.resolve(replies[i] ?? errorReply('CONFLICT', '未处理', 'Not handled')));
    void this.snapshot().catch((err) => console.error('snapshot failed', err));
  }

  /**
   * One command of a batch: the stored first answer to a repeated requestId, or the engine's decision, with
   * the answer to keep when it wrote something (a refusal or a no-op changed nothing, so a retry decided
   * afresh is as safe, and a flood of them leaves no rows behind).
   */
  private admitOne(
    req: CommandRequest,
    now: number,
    batch: {
      stored: Awaited<ReturnType<IncidentService['priorReplies']>>;
      seen: Map<string, { fingerprint: string; reply: CommandReply }>;
      working: Map<string, IncidentState>;
      newRecords: IncidentRecord[];
    },
  ): { item: CommitItem; reply: CommandReply } {
    const fingerprint = createHash('sha256')
      .update(JSON.stringify([req.name, req.target, req.payload]))
      .digest('hex');
    const key = req.requestId ? requestKey(req.actor.id, req.requestId) : null;
    const prior = key ? (batch.seen.get(key) ?? batch.stored.get(key)) : null;
    if (prior)
      return {
        item: { events: [] },
        reply:
          prior.fingerprint === fingerprint
            ? prior.reply
            : errorReply(
                'CONFLICT',
                '该 requestId 已用于另一条命令，请换一个',
                'This requestId was already used for a different command; use a new one',
              ),
      };
    const { item, reply } = this.decideOne(req, now, batch.working, batch.newRecords);
    if (req.requestId && key && item.events.length > 0) {
      item.request = {
        userId: req.actor.id,
        requestId: req.requestId,
        fingerprint,
        status: reply.status,
        body: reply.body,
      };
      batch.seen.set(key, { fingerprint, reply });
    }
    return { item, reply };
  }

  /** One command failed in a way the engine did not foresee: it alone is answered so; the batch goes on. */
  private failedAlone(req: CommandRequest, err: unknown): CommandReply {
    console.error(`command ${req.name} by ${req.actor.id} failed:`, err instanceof Error ? err.message : err);
    return errorReply(
      'INTERNAL',
      '无法处理该命令，未做任何更改',
      'The command could not be handled; nothing was changed',
    );
  }

  /** The store failed: nothing of the batch was written or applied; every command may be sent again. */
  private unavailable(batch: Queued[]): void {
    const failed = errorReply(
      'UNAVAILABLE',
      '保存失败，未做任何更改，请重试',
      'Saving failed; nothing was changed; try again',
    );
    for (const q of batch) q.resolve(failed);
  }

  /** The stored first answers to the batch's requestIds, by user and requestId: one lookup per batch. */
  private async priorReplies(batch: Queued[]) {
    const keys = batch.flatMap(({ req }) =>
      req.requestId ? [{ userId: req.actor.id, requestId: req.requestId }] : [],
    );
    const found = keys.length > 0 ? await this.store.findRequests(keys) : [];
    return new Map(
      found.map((r) => {
        const reply = (
          r.status < 400
            ? { ok: true, status: r.status, body: r.body }
            : { ok: false, status: r.status, body: r.body }
        ) as CommandReply;
        return [requestKey(r.userId, r.requestId), { fingerprint: r.fingerprint, reply }];
      }),
    );
  }

  private decideOne(
    req: CommandRequest,
    now: number,
    working: Map<string, IncidentState>,
    newRecords: IncidentRecord[],
  ): { item: CommitItem; reply: CommandReply } {
    const refused = (code: RefusalCode | ErrorCode, zh: string, en: string) => {
      const reply = errorReply(code, zh, en);
      return {
        reply,
        item: {
          events: [],
          audit: {
            at: now,
            userId: req.actor.id,
            role: req.actor.role,
            unitId: req.actor.unitId,
            command: req.name,
            target:
              'incidentId' in req.target
                ? req.target.incidentId
                : 'apiTaskId' in req.target
                  ? req.target.apiTaskId
                  : null,
            code,
            message: `${zh} / ${en}`,
          },
        } satisfies CommitItem,
      };
    };
    let incidentId: string;
    let record: IncidentRecord | undefined;
    let command = req.command;
    if ('newIncident' in req.target) {
      incidentId = `${dayKey(now).replaceAll('-', '')}-${randomBytes(3).toString('hex')}`;
      record = {
        id: incidentId,
        planId: req.target.newIncident.planId,
        place: req.target.newIncident.place,
        createdAt: now,
        createdBy: req.actor.id,
      };
      if (command.type === 'declare' || command.type === 'open') command = { ...command, incidentId };
    } else if ('incidentId' in req.target) {
      incidentId = req.target.incidentId;
    } else {
      const parsed = parseApiTaskId(req.target.apiTaskId);
      if (!parsed)
        return refused('NOT_FOUND', `没有任务 ${req.target.apiTaskId}`, `No task ${req.target.apiTaskId}`);
      incidentId = parsed.incidentId;
    }
    const state = working.get(incidentId) ?? this.states.get(incidentId) ?? null;
    const planId = record?.planId ?? state?.planId;
    const plan = planId ? planById(planId) : undefined;
    const hidden = this.hiddenFrom(req, state);
    if (hidden) return refused('NOT_FOUND', hidden.zh, hidden.en);
    if (!plan) {
      return record
        ? refused('INVALID', `没有预案“${record.planId}”`, `No plan "${record.planId}"`)
        : refused('NOT_FOUND', `没有事件 ${incidentId}`, `No incident ${incidentId}`);
    }
    const actor: Actor =
      req.name === 'tick'
        ? { userId: 'scheduler', role: 'system' }
        : {
            userId: req.actor.id,
            role: req.actor.role,
            ...(req.actor.unitId ? { unitId: req.actor.unitId } : {}),
          };
    const decision = decide(plan, state, command, {
      actor,
      now,
      ...(req.expectedVersion !== undefined ? { expectedVersion: req.expectedVersion } : {}),
    });
    if (!decision.ok)
      return refused(decision.refusal.code, decision.refusal.message.zh, decision.refusal.message.en);
    let next = state;
    const events = decision.events.map((event) => {
      next = this.fold(plan, next, event);
      return { version: next.version, event };
    });
    if (next) working.set(incidentId, next);
    if (record) newRecords.push(record);
    const item: CommitItem = { events, ...(record ? { incident: record } : {}) };
    if (!next) return { item, reply: errorReply('NOT_FOUND', '没有该事件', 'No such incident') };
    if (req.name === 'tick') {
      // nobody reads a tick's answer; a tick of the committed state that found nothing to do need not be
      // repeated until the time quietUntil names, unless the state changes first
      if (events.length === 0 && state === this.states.get(incidentId))
        this.quiet.set(incidentId, { version: next.version, until: quietUntil(next, now) });
      return { item, reply: TICKED };
    }
    return { item, reply: this.successReply(plan, next, record ?? this.records.get(incidentId), req) };
  }

  /**
   * What a unit may not see answers exactly as what does not exist: an incident of a plan it does not serve,
   * and a task that is not its own, are "not found", so no answer tells a unit what other units were given.
   */
  private hiddenFrom(req: CommandRequest, state: IncidentState | null): { zh: string; en: string } | null {
    if (isStaff(req.actor) || 'newIncident' in req.target) return null;
    if ('apiTaskId' in req.target) {
      const id = req.target.apiTaskId;
      return visibleTask(req.actor, state, parseApiTaskId(id)?.taskId)
        ? null
        : { zh: `没有任务 ${id}`, en: `No task ${id}` };
    }
    const id = req.target.incidentId;
    return state && canSeeIncident(req.actor, state.planId)
      ? null
      : { zh: `没有事件 ${id}`, en: `No incident ${id}` };
  }

  private successReply(
    plan: Plan,
    state: IncidentState,
    record: IncidentRecord | undefined,
    req: CommandRequest,
  ): CommandReply {
    if ('apiTaskId' in req.target) {
      const task = state.tasks[parseApiTaskId(req.target.apiTaskId)?.taskId ?? ''];
      return {
        ok: true,
        status: 200,
        body: {
          task: task ? taskAnswer(state, task) : null,
          incident: { id: state.id, version: state.version, status: state.status },
        },
      };
    }
    const status = 'newIncident' in req.target ? (state.pending ? 202 : 201) : state.pending ? 202 : 200;
    return { ok: true, status, body: { incident: incidentSummary(plan, state, req.actor) } };
  }
}
