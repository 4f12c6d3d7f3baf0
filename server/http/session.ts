/** POST /api/session logs in (sets the cookie), GET says who is logged in, DELETE logs out. */
import { Router } from 'express';
import { rateLimit } from 'express-rate-limit';
import type { Sessions } from '../auth/sessions.ts';
import { SESSION_COOKIE } from '../auth/sessions.ts';
import { LoginBody } from '../../shared/protocol/live.ts';
import { HttpError, sendError } from './errors.ts';
import { requireUser } from './auth.ts';
import { parseBody } from './validate.ts';

export interface SessionRouteOptions {
  sessions: Sessions;
  demo: boolean;
  now: () => number;
  /** failed logins allowed per client address and username in `loginWindowMs` */
  loginAttempts: number;
  loginWindowMs: number;
}

const who = (u: {
  id: string;
  username: string;
  role: string;
  unitId: string | null;
  expiresAt: number;
}) => ({
  id: u.id,
  username: u.username,
  role: u.role,
  unitId: u.unitId,
  expiresAt: u.expiresAt,
});

export function sessionRoutes(o: SessionRouteOptions): Router {
  const r = Router();
  const limiter = rateLimit({
    windowMs: o.loginWindowMs,
    limit: o.loginAttempts,
    skipSuccessfulRequests: true,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    keyGenerator: (req) =>
      `${req.ip}|${String((req.body as { username?: unknown } | undefined)?.username ?? '')}`,
    validate: { keyGeneratorIpFallback: false },
    handler: (_req, res) =>
      sendError(res, 'RATE_LIMITED', '登录尝试过多，请稍后再试 / Too many login attempts; try again later'),
  });
  r.post('/', limiter, async (req, res) => {
    const body = parseBody(LoginBody, req.body);
    const login = await o.sessions.login(body.username, body.password, o.now());
    if (!login) throw new HttpError('UNAUTHENTICATED', '用户名或密码不正确', 'Wrong username or password');
    res.cookie(SESSION_COOKIE, login.token, {
      httpOnly: true,
      sameSite: 'strict',
      secure: req.secure,
      path: '/',
      expires: new Date(login.user.expiresAt),
    });
    res.json({ user: who(login.user), demo: o.demo });
  });
  r.get('/', (req, res) => {
    res.json({ user: req.user ? who(req.user) : null, demo: o.demo });
  });
  r.delete('/', async (req, res) => {
    const user = requireUser(req);
    await o.sessions.logout(user);
    res.clearCookie(SESSION_COOKIE, { path: '/', httpOnly: true, sameSite: 'strict', secure: req.secure });
    res.json({ user: null });
  });
  return r;
}
