/**
 * The client's side of the resync rule, shared by the browser and the tests: apply each fact once, in
 * sequence order. Live facts that arrive while a sync is under way wait until the sync's answer is applied;
 * anything at or below the position already applied is a duplicate and is dropped.
 */
import type { Fact, SyncReply } from './live.ts';

export class LiveFeed {
  private syncing = 0;
  /** a sync answered a page with `more`: the next beginSync continues it rather than starting another */
  private paging = false;
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

  /** Call before asking the server for `sync {after: position}`, for the first page and for each next one. */
  beginSync(): number {
    if (this.paging) this.paging = false;
    else this.syncing += 1;
    return this.position;
  }

  /**
   * Apply the server's answer; returns true when more pages follow. What was held back is applied only after
   * the last page: a held fact is newer than the pages still to come, and applying it first would move the
   * position past them.
   */
  endSync(reply: SyncReply): boolean {
    for (const f of reply.facts) this.take(f);
    this.position = Math.max(this.position, reply.upTo);
    if (reply.more) {
      this.paging = true;
      return true;
    }
    this.syncing = Math.max(0, this.syncing - 1);
    if (this.syncing === 0) {
      const held = this.held.sort((a, b) => a.seq - b.seq);
      this.held = [];
      for (const f of held) this.take(f);
    }
    return false;
  }

  /** Sync failed (disconnected mid-way): drop what was held; the next connect syncs again and brings it. */
  abortSync(): void {
    this.paging = false;
    this.syncing = Math.max(0, this.syncing - 1);
    if (this.syncing === 0) this.held = [];
  }

  private take(fact: Fact): void {
    if (fact.seq <= this.position) return;
    this.position = fact.seq;
    this.applyFact(fact);
  }
}
