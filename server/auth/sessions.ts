/**
 * Sessions: a random token in an HttpOnly, SameSite=Strict cookie; the store keeps only its SHA-256, so a
 * leaked database holds no usable session. The same session authenticates the socket. Ending a session
 * (logout, expiry, or replacement by the same account's newer logins) is announced through `onEnd` so the
 * socket layer can close that session's sockets.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Role } from '../../shared/plans/schema.ts';
import type { SessionRecord, Store, UserRecord } from '../store/types.ts';
import { DEMO_PASSWORD } from './accounts.ts';
import { FairQueue } from './fair-queue.ts';
import { LOGIN_LIMITS } from './limits.ts';
import { UNMATCHABLE_HASH, verifyPassword } from './passwords.ts';

export const SESSION_COOKIE = 'sid';

export interface SessionUser {
  id: string;
  username: string;
  role: Role;
  unitId: string | null;
  /** the SHA-256 of the session token: names the session without revealing it */
  sessionId: string;
  expiresAt: number;
}

/** why a session ended: `replaced` when the account's newer logins pushed it past the per-account bound */
export type SessionEnd = 'logout' | 'expired' | 'replaced';

/**
 * `refused` is every failed check alike (unknown user, wrong password, the demo password or a demo-made
 * account in production), so the caller cannot tell them apart either; `busy` when too many hashes wait;
 * `gone` when the requester left while waiting and no hash was run.
 */
export type LoginResult =
  { ok: true; token: string; user: SessionUser } | { ok: false; why: 'refused' | 'busy' | 'gone' };

const sessionUser = (user: UserRecord, session: SessionRecord): SessionUser => ({
  id: user.id,
  username: user.username,
  role: user.role,
  unitId: user.unitId,
  sessionId: session.tokenHash,
  expiresAt: session.expiresAt,
});

const digest = (token: string) => createHash('sha256').update(token).digest('hex');

export class Sessions {
  /** the password hashes in flight: bounded, so a flood of logins cannot take the pool the files need */
  readonly hashes: FairQueue;
  private readonly perUser: number;

  constructor(
    private readonly store: Store,
    private readonly opts: {
      ttlMs: number;
      demo: boolean;
      onEnd: (sessionId: string, why: SessionEnd) => void;
      /** live sessions per account (LOGIN_LIMITS: sessionsPerUser, or demoSessionsPerUser in demo mode) */
      sessionsPerUser?: number;
      hashGate?: FairQueue;
    },
  ) {
    this.hashes = opts.hashGate ?? new FairQueue(LOGIN_LIMITS.concurrentHashes, LOGIN_LIMITS.hashQueue);
    this.perUser =
      opts.sessionsPerUser ?? (opts.demo ? LOGIN_LIMITS.demoSessionsPerUser : LOGIN_LIMITS.sessionsPerUser);
  }

  /**
   * A token for a good username and password. Every refusal costs one scrypt, the same as a success: the
   * unknown user is checked against a hash no password matches, and the mode checks come after the hash.
   * `from` (the client address) is the hash gate's queue; `wanted` is asked once a slot is free, so a
   * requester that has gone costs nothing more.
   */
  async login(
    username: string,
    password: string,
    now: number,
    o: { from?: string; wanted?: () => boolean } = {},
  ): Promise<LoginResult> {
    const checked = await this.hashes.run(
      async () => {
        const user = await this.store.findUser(username);
        const ok = await verifyPassword(password, user?.passwordHash ?? UNMATCHABLE_HASH);
        return ok ? user : null;
      },
      { key: o.from, wanted: o.wanted },
    );
    if (!checked.ran) return { ok: false, why: checked.why };
    const user = checked.value;
    // production refuses the public demo password and anything demo mode made, whatever its password now
    const demoOnly = !this.opts.demo && (password === DEMO_PASSWORD || user?.mode === 'demo');
    if (!user || demoOnly) return { ok: false, why: 'refused' };
    const token = randomBytes(32).toString('base64url');
    const session: SessionRecord = {
      tokenHash: digest(token),
      userId: user.id,
      createdAt: now,
      expiresAt: now + this.opts.ttlMs,
      mode: this.opts.demo ? 'demo' : 'production',
    };
    const ended = await this.store.createSession(session, this.perUser);
    for (const sessionId of ended) this.opts.onEnd(sessionId, 'replaced');
    return { ok: true, token, user: sessionUser(user, session) };
  }

  async resolve(token: string | undefined, now: number): Promise<SessionUser | null> {
    if (!token || token.length > 100) return null;
    const found = await this.store.findSession(digest(token));
    if (!found || found.session.expiresAt <= now) return null;
    // a session (or an account) made in demo mode is no key to a production console on the same store
    if (!this.opts.demo && (found.session.mode === 'demo' || found.user.mode === 'demo')) return null;
    return sessionUser(found.user, found.session);
  }

  async logout(user: SessionUser): Promise<void> {
    await this.store.deleteSession(user.sessionId);
    this.opts.onEnd(user.sessionId, 'logout');
  }

  /** Ends every expired session; run often enough that a socket outlives its session by under a second. */
  async sweep(now: number): Promise<void> {
    for (const sessionId of await this.store.deleteExpiredSessions(now))
      this.opts.onEnd(sessionId, 'expired');
  }
}
