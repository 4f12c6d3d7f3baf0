/**
 * The bounds on logging in (issue 11: no single account and no anonymous client can stop or degrade the
 * console). Each is sized well above what a real shift needs, and well below what would hurt the others.
 */
import { availableParallelism } from 'node:os';

export const LOGIN_LIMITS = {
  /**
   * Login attempts one client address may make in `addressWindowMs`, whatever the usernames. Every attempt
   * is counted when it arrives (so a concurrent flood is counted, not only the answers already given) and
   * refunded when it succeeds, so only failures and attempts still in flight use it up. A whole shift
   * changing behind one NAT address is 20–40 people logging in once, with a few typing errors: 60 is
   * never reached by them, and caps a flooder at 60 password hashes a minute per address.
   */
  perAddress: 60,
  addressWindowMs: 60_000,
  /**
   * Password hashes (scrypt, ~50 ms of one core and 16 MB each) running at once. scrypt runs on libuv's
   * pool of 4 threads, which also serves files (the page shell) and DNS: two leave it half free, and on a
   * two-core machine one so the event loop keeps a core. A hash at a time is still 20 logins a second.
   */
  concurrentHashes: Math.max(1, Math.min(2, availableParallelism() - 1)),
  /**
   * Logins waiting for a hash. Above one address's whole budget (60), so one address alone cannot make
   * others wait for nothing; at ~50 ms a hash the last in line waits about 3 s. Beyond it: 503 busy.
   */
  hashQueue: 64,
  /**
   * Live sessions per account: a login beyond it ends that account's oldest session. Enough for one person
   * on a desk, a laptop, a phone and a wall screen several times over; shared demo accounts reach it.
   */
  sessionsPerUser: 10,
  /**
   * Successful logins of one account a minute, from any address (a person logs in a few times a day; a
   * shared demo account in a class of 50 logs in once per trainee, spread over minutes)
   */
  successesPerAccount: 30,
  /** in demo mode a training room shares one account per role: a class of 50 does not push itself out */
  demoSessionsPerUser: 50,
} as const;
