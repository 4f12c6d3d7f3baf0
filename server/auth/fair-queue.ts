/**
 * A semaphore with a bounded queue, for work that would otherwise occupy a shared pool without limit (the
 * password hash on libuv's threads). A task past the queue is refused at once rather than left to wait,
 * and a waiting task whose requester has gone is skipped instead of run for no one.
 *
 * Waiters queue per key (the client address) and are served round-robin across keys, so one address with
 * sixty logins waiting delays another address's login by one hash, not sixty. The order depends only on
 * who is waiting, never on the username or the password, so it reveals nothing about accounts.
 */
export type FairQueueResult<T> = { ran: true; value: T } | { ran: false; why: 'busy' | 'gone' };

export class FairQueue {
  private running = 0;
  private waiting = 0;
  /** one line per key; a Map keeps insertion order, and a served key moves to the back */
  private readonly lines = new Map<string, (() => void)[]>();
  /** the most tasks ever running at once: what a test checks the bound against */
  peak = 0;

  constructor(
    readonly concurrency: number,
    readonly queueLength: number,
  ) {}

  get inFlight(): number {
    return this.running;
  }
  get queued(): number {
    return this.waiting;
  }

  async run<T>(
    task: () => Promise<T>,
    o: { key?: string | undefined; wanted?: (() => boolean) | undefined } = {},
  ): Promise<FairQueueResult<T>> {
    if (this.running < this.concurrency) this.running += 1;
    else if (this.waiting >= this.queueLength) return { ran: false, why: 'busy' };
    // a released slot is handed straight to the next waiter (`running` stays counted), so no newcomer
    // can slip in between and the bound holds exactly
    else await this.wait(o.key ?? '');
    this.peak = Math.max(this.peak, this.running);
    try {
      if (o.wanted && !o.wanted()) return { ran: false, why: 'gone' };
      return { ran: true, value: await task() };
    } finally {
      this.release();
    }
  }

  private wait(key: string): Promise<void> {
    this.waiting += 1;
    return new Promise((resolve) => {
      const line = this.lines.get(key);
      if (line) line.push(resolve);
      else this.lines.set(key, [resolve]);
    });
  }

  private release(): void {
    const first = this.lines.entries().next();
    if (first.done) {
      this.running -= 1;
      return;
    }
    const [key, line] = first.value;
    const next = line.shift()!;
    this.lines.delete(key);
    if (line.length > 0) this.lines.set(key, line); // to the back: the other keys go first
    this.waiting -= 1;
    next();
  }
}
