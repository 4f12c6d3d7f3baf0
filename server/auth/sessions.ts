/**
 * Sessions: a random token in an HttpOnly, SameSite=Strict cookie; the store keeps only its SHA-256, so a
 * leaked database holds no usable session. The same session authenticates the socket. Ending a session
 * (logout or expiry) is announced through `onEnd` so the socket layer can close that session's sockets.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Role } from '../../shared/plans/schema.ts';
import type { SessionRecord, Store, UserRecord } from '../store/types.ts';
import { DEMO_PASSWORD } from './accounts.ts';
import { verifyPassword } from './passwords.ts';

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

export type SessionEnd = 'logout' | 'expired';

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
  constructor(
    private readonly store: Store,
    private readonly opts: {
      ttlMs: number;
      demo: boolean;
      onEnd: (sessionId: string, why: SessionEnd) => void;
    },
  ) {}

  /** A token for a good username and password; null otherwise (the caller says which, not this). */
  async login(
    username: string,
    password: string,
    now: number,
  ): Promise<{ token: string; user: SessionUser } | null> {
    const user = await this.store.findUser(username);
    // hash even for an unknown user, so the answer takes as long either way
    const ok = await verifyPassword(password, user?.passwordHash ?? 'scrypt$16384$8$1$AAAA$AAAA');
    if (!user || !ok) return null;
    if (!this.opts.demo && password === DEMO_PASSWORD) return null;
    const token = randomBytes(32).toString('base64url');
    const session = {
      tokenHash: digest(token),
      userId: user.id,
      createdAt: now,
      expiresAt: now + this.opts.ttlMs,
    };
    await this.store.createSession(session);
    return { token, user: sessionUser(user, session) };
  }

  async resolve(token: string | undefined, now: number): Promise<SessionUser | null> {
    if (!token || token.length > 100) return null;
    const found = await this.store.findSession(digest(token));
    if (!found || found.session.expiresAt <= now) return null;
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
