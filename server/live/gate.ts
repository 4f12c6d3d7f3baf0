/**
 * The pace of what one account may ask, whatever the transport (RATE): commands that passed validation
 * (accepted or refused, since a refusal costs a decision and an audit row too), socket messages, handshakes,
 * sync pages and API reads (weighted by bytes), and reads per address without an account. rate-limiter-flexible
 * keeps one small counter per key that expires with its window, so the gate's own memory is bounded by the
 * accounts and addresses active in the last minute.
 */
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import { RATE } from '../../shared/protocol/limits.ts';
import type { CommandReply } from '../../shared/protocol/live.ts';
import { errorReply } from './replies.ts';

export type RateLimits = typeof RATE;

export class Gate {
  private readonly commands: RateLimiterMemory;
  private readonly syncs: RateLimiterMemory;
  private readonly reads: RateLimiterMemory;
  private readonly anonymousReads: RateLimiterMemory;
  private readonly messages: RateLimiterMemory;
  private readonly handshakes: RateLimiterMemory;

  constructor(limits: RateLimits = RATE) {
    const duration = limits.windowSeconds;
    this.commands = new RateLimiterMemory({ points: limits.commands, duration });
    this.syncs = new RateLimiterMemory({ points: limits.syncPages, duration });
    this.reads = new RateLimiterMemory({ points: limits.reads, duration });
    this.anonymousReads = new RateLimiterMemory({ points: limits.anonymousReads, duration });
    this.messages = new RateLimiterMemory({ points: limits.socketMessages, duration });
    this.handshakes = new RateLimiterMemory({ points: limits.handshakes, duration });
  }

  /** null when the account may go on; otherwise the 429 to answer */
  command(userId: string): Promise<CommandReply | null> {
    return take(this.commands, userId, ['操作过于频繁', 'Too many commands']);
  }

  syncPage(userId: string): Promise<CommandReply | null> {
    return take(this.syncs, userId, ['同步请求过于频繁', 'Too many sync requests']);
  }

  /** an API read by an account, or by an address without one */
  read(who: { userId: string } | { address: string }): Promise<CommandReply | null> {
    return 'userId' in who
      ? take(this.reads, who.userId, ['查询过于频繁', 'Too many requests'])
      : take(this.anonymousReads, who.address, ['请求过于频繁', 'Too many requests']);
  }

  /** what a read's answer cost beyond its first point: one more for every 32 KB sent */
  async charge(userId: string, bytes: number): Promise<void> {
    const points = Math.floor(bytes / (32 * 1024));
    if (points > 0) await this.reads.penalty(userId, points);
  }

  /** any socket message, counted before it is parsed, so a flood of invalid ones is paced too */
  socketMessage(userId: string): Promise<CommandReply | null> {
    return take(this.messages, userId, ['消息过于频繁', 'Too many messages']);
  }

  /** a socket.io handshake: true when the account may open another connection now */
  async handshake(userId: string): Promise<boolean> {
    return (await overLimit(this.handshakes, userId)) === null;
  }
}

/** Counts one request against `key`: null when it may go on, the limiter's state when it is over. */
export async function overLimit(limiter: RateLimiterMemory, key: string): Promise<RateLimiterRes | null> {
  try {
    await limiter.consume(key);
    return null;
  } catch (res) {
    if (res instanceof RateLimiterRes) return res;
    throw res;
  }
}

/** Whole seconds until the limit lets `key` through again, at least one (for Retry-After). */
export const retryAfterSeconds = (over: RateLimiterRes) => Math.max(1, Math.ceil(over.msBeforeNext / 1000));

async function take(
  limiter: RateLimiterMemory,
  key: string,
  [zh, en]: [string, string],
): Promise<CommandReply | null> {
  const over = await overLimit(limiter, key);
  if (!over) return null;
  const seconds = retryAfterSeconds(over);
  return errorReply('RATE_LIMITED', `${zh}，请 ${seconds} 秒后再试`, `${en}; try again in ${seconds} s`, {
    retryAfterSeconds: seconds,
  });
}
