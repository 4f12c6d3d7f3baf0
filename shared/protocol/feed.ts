/**
 * The client's side of the resync rule, shared by the browser and the tests: apply each fact once, in
 * sequence order. Live facts that arrive while a sync is under way wait until the sync's answer is applied;
 * anything at or below the position already applied is a duplicate and is dropped.
 */
import type { Fact, SyncReply } from './live.ts';

export class LiveFeed {
  private syncing = 0;
  private held: Fact[] = [];

  constructor(
    /** the last sequence applied; persist it to resume after a reload */
    public position: number,
    private readonly applyFact: (fact: Fact) => void,
  ) {}

  /** The facts the server pushed in one packet. */
  receive(facts: Fact[]): void {
    for (const fact of facts) {
      if (this.syncing > 0) this.held.push(fact);
      else this.take(fact);
    }
  }

  /** Call before asking the server for `sync {after: position}`. */
  beginSync(): number {
    this.syncing += 1;
    return this.position;
  }

  /** Apply the server's answer, then what was held back; returns true when more pages follow. */
  endSync(reply: SyncReply): boolean {
    for (const f of reply.facts) this.take(f);
    this.position = Math.max(this.position, reply.upTo);
    this.syncing = Math.max(0, this.syncing - 1);
    if (this.syncing === 0) {
      const held = this.held.sort((a, b) => a.seq - b.seq);
      this.held = [];
      for (const f of held) this.take(f);
    }
    return reply.more;
  }

  /** Sync failed (disconnected mid-way): release what was held; the next connect syncs again. */
  abortSync(): void {
    this.syncing = Math.max(0, this.syncing - 1);
    if (this.syncing === 0) this.held = [];
  }

  private take(fact: Fact): void {
    if (fact.seq <= this.position) return;
    this.position = fact.seq;
    this.applyFact(fact);
  }
}
