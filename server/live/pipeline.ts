/**
 * The command pipeline: a queue that decides each command with the pure engine and commits a whole batch in
 * one durable transaction (group commit). A reply and a broadcast happen only after the commit returns, so
 * nothing a client was told is ever lost, and a failed commit leaves memory as it was.
 */
import type { CommandReply, Fact } from '../../shared/protocol/live.ts';
import type { CommitItem, FileRecord, Store, StoredFact } from '../store/types.ts';
import { type BatchWork, type Decided, TaintedBatch } from './decision.ts';
import { freshRun } from '../../shared/engine/apply.ts';
import { BatchAnswers } from './idempotency.ts';
import type { IncidentMemory } from './memory.ts';
import { errorReply } from './replies.ts';
import { type CommandActor, type CommandRequest, isSystem } from './request.ts';
import { factFor } from './visibility.ts';

interface Queued {
  req: CommandRequest;
  /** files the command's facts name (an attached report): committed with them, or not at all */
  files?: FileRecord[];
  resolve: (r: CommandReply) => void;
}

const BATCH_MAX = 512;

/** What the store is given of a command: only what writes something. */
const writes = (item: CommitItem) =>
  item.events.length > 0 || !!item.request || !!item.audit || !!item.incident;

export class Pipeline {
  private queue: Queued[] = [];
  private draining = false;
  private listeners: ((facts: StoredFact[]) => void)[] = [];

  constructor(
    private readonly store: Store,
    private readonly memory: IncidentMemory,
    private readonly clock: () => number,
    private readonly decide: (req: CommandRequest, now: number, work: BatchWork) => Decided,
    /** the store's head when memory was loaded: the log up to it is what memory holds */
    private applied: number,
  ) {}

  onFacts(listener: (facts: StoredFact[]) => void) {
    this.listeners.push(listener);
  }

  /**
   * The sequence number of the last fact applied to memory. A bootstrap read (states and the sequence they
   * reflect) takes it rather than the store's head: a commit may be on disk before its batch is applied, and
   * a client that synced from the head would then never get facts its states lack.
   */
  appliedSeq(): number {
    return this.applied;
  }

  /**
   * Decides and commits a command. `files` are written in the same transaction as the facts, and only when
   * the command wrote some: a refusal, or the stored answer to a repeated requestId, stores no file.
   */
  execute(req: CommandRequest, files?: FileRecord[]): Promise<CommandReply> {
    return new Promise((resolve) => {
      this.queue.push({ req, resolve, ...(files && files.length > 0 ? { files } : {}) });
      // wait for the rest of this turn of the event loop: every command read from the sockets in it joins
      // one batch, and so one transaction and one fsync (group commit)
      if (!this.draining) {
        this.draining = true;
        setImmediate(() => void this.drain());
      }
    });
  }

  /** Resolves once every queued command has been committed and answered. */
  async idle(): Promise<void> {
    while (this.draining || this.queue.length > 0) await new Promise((r) => setTimeout(r, 5));
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
    const work: BatchWork = { working: new Map(), newRecords: [], fresh: freshRun() };
    const now = this.clock();
    let answers: BatchAnswers;
    try {
      answers = await BatchAnswers.read(
        this.store,
        batch.map((q) => q.req),
      );
    } catch (err) {
      console.error('reading stored answers failed', err);
      return this.unavailable(batch);
    }
    const decided = batch.map(({ req, files }): Decided => {
      try {
        const d = this.admit(req, now, answers, work);
        // the file goes with the fact that names it, never without it
        if (files && d.item.events.length > 0) d.item.files = files;
        return d;
      } catch (err) {
        if (err instanceof TaintedBatch) throw err; // the whole batch is answered UNAVAILABLE (decision.ts)
        // only a payload no transport should have let through, or an engine fault, gets here: it answers
        // alone (a decision changes the batch's state only once it is whole), and the batch goes on
        return { item: { events: [] }, reply: failedAlone(req, err) };
      }
    });
    // the store is given only the items that write something: `written[k]` is the batch index of its k-th
    const written = decided.flatMap((d, i) => (writes(d.item) ? [i] : []));
    let facts: StoredFact[][];
    try {
      facts = await this.store.commit(written.map((i) => decided[i]!.item));
    } catch (err) {
      console.error('commit failed', err);
      return this.unavailable(batch);
    }
    this.memory.applyCommitted(work.newRecords, work.working);
    const all = facts.flat();
    this.applied = Math.max(this.applied, all.at(-1)?.seq ?? 0);
    if (all.length > 0)
      for (const l of this.listeners) {
        try {
          l(all);
        } catch (err) {
          console.error('broadcast failed:', err instanceof Error ? err.message : err);
        }
      }
    const own = new Map(written.map((i, k) => [i, facts[k] ?? []]));
    batch.forEach((q, i) => q.resolve(this.withFacts(decided[i]!.reply, q.req.actor, own.get(i))));
    void this.memory.snapshot().catch((err) => console.error('snapshot failed', err));
  }

  /** The stored first answer to a repeated requestId, or the command decided, with its answer kept. */
  private admit(req: CommandRequest, now: number, answers: BatchAnswers, work: BatchWork): Decided {
    const seen = answers.check(req);
    if ('reply' in seen) return { item: { events: [] }, reply: seen.reply };
    const decided = this.decide(req, now, work);
    answers.keep(seen.ticket, decided.item, decided.reply);
    return decided;
  }

  /**
   * A successful command's answer with the facts it wrote, cut down to what its actor may see, so a client
   * applies them at once. Their sequence numbers exist only once the commit returns, so they are added here;
   * the answer kept for a retried requestId was stored before that and carries none (the client syncs).
   */
  private withFacts(
    reply: CommandReply,
    actor: CommandActor,
    stored: StoredFact[] | undefined,
  ): CommandReply {
    if (!reply.ok || !stored || stored.length === 0 || isSystem(actor)) return reply;
    try {
      const facts = stored.flatMap((f): Fact[] => {
        const planId = this.memory.state(f.incidentId)?.planId;
        const seen = planId
          ? factFor(actor, planId, { seq: f.seq, version: f.version, event: f.event })
          : null;
        return seen ? [seen] : [];
      });
      return { ...reply, body: { ...reply.body, facts } };
    } catch (err) {
      // the command is committed: its answer goes out without its facts rather than as a failure
      console.error('reply facts failed:', err instanceof Error ? err.message : err);
      return reply;
    }
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
}

/** One command failed in a way the engine did not foresee: it alone is answered so; the batch goes on. */
function failedAlone(req: CommandRequest, err: unknown): CommandReply {
  console.error(`command ${req.name} by ${req.actor.id} failed:`, err instanceof Error ? err.message : err);
  return errorReply(
    'INTERNAL',
    '无法处理该命令，未做任何更改',
    'The command could not be handled; nothing was changed',
  );
}
