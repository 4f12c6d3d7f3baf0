/**
 * POST /api/session logs in (sets the cookie), GET says who is logged in, DELETE logs out.
 *
 * A login is checked in this order, each step cheaper than the next and none keeping what it refuses:
 * the body (zod, so no limiter ever holds an unchecked or oversized username), then the attempts of the
 * client address whatever the usernames, then the failures of that address and username, then one
 * password hash through a bounded gate (Sessions). Every refusal is Chinese first, then English.
 */
import { apiPath } from '../../shared/protocol/contract.ts';
import { type Response, Router } from 'express';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import { LOGIN_LIMITS } from '../auth/limits.ts';
import { overLimit, retryAfterSeconds } from '../live/gate.ts';
import type { Sessions } from '../auth/sessions.ts';
import { SESSION_COOKIE } from '../auth/sessions.ts';
import { LoginBody } from '../../shared/protocol/live.ts';
import { clientKey } from './address.ts';
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
  loginSuccesses?: number;
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

function tooMany(res: Response, over: RateLimiterRes) {
  res.setHeader('Retry-After', String(retryAfterSeconds(over)));
  sendError(res, 'RATE_LIMITED', '登录尝试过多，请稍后再试', 'Too many login attempts; try again later');
}

export function sessionRoutes(o: SessionRouteOptions): Router {
  const r = Router();
  // memory use is one small counter per address (and per address and username) seen in the window
  const perAddress = new RateLimiterMemory({
    keyPrefix: 'login-address',
    points: LOGIN_LIMITS.perAddress,
    duration: LOGIN_LIMITS.addressWindowMs / 1000,
  });
  const failures = new RateLimiterMemory({
    keyPrefix: 'login-failures',
    points: o.loginAttempts,
    duration: o.loginWindowMs / 1000,
  });

  // successful logins of one account, from anywhere: each is a password hash and a durable session row,
  // and a success is refunded above, so without this one account could log in from many addresses forever
  const successes = new RateLimiterMemory({
    keyPrefix: 'login-successes',
    points: o.loginSuccesses ?? LOGIN_LIMITS.successesPerAccount,
    duration: LOGIN_LIMITS.addressWindowMs / 1000,
  });

  r.post(apiPath('login'), async (req, res) => {
    const body = parseBody(LoginBody, req.body);
    const address = clientKey(req);
    const addressOver = await overLimit(perAddress, address);
    if (addressOver) return tooMany(res, addressOver);
    const userKey = `${address}|${body.username}`;
    const userOver = await overLimit(failures, userKey);
    if (userOver) return tooMany(res, userOver);
    const done = await successes.get(body.username);
    if (done && done.consumedPoints >= (o.loginSuccesses ?? LOGIN_LIMITS.successesPerAccount)) {
      await Promise.all([perAddress.reward(address), failures.reward(userKey)]);
      return tooMany(res, done);
    }

    const login = await o.sessions.login(body.username, body.password, o.now(), {
      from: address,
      wanted: () => !req.socket.destroyed,
    });
    if (!login.ok) {
      // busy or gone: no password was checked, so it is no failure of this username (the address keeps
      // the attempt, which is what stops a flood from retrying its way past the gate)
      if (login.why !== 'refused') await failures.reward(userKey);
      if (login.why === 'busy') {
        res.setHeader('Retry-After', '1');
        return sendError(
          res,
          'UNAVAILABLE',
          '系统繁忙，请稍后再试',
          'The console is busy; try again shortly',
        );
      }
      if (login.why === 'gone') return void res.end();
      throw new HttpError('UNAUTHENTICATED', '用户名或密码不正确', 'Wrong username or password');
    }
    // a success refunds its attempt: a shift logging in behind one address uses up nothing
    await Promise.all([
      perAddress.reward(address),
      failures.reward(userKey),
      successes.penalty(body.username),
    ]);
    res.cookie(SESSION_COOKIE, login.token, {
      httpOnly: true,
      sameSite: 'strict',
      secure: req.secure,
      path: '/',
      expires: new Date(login.user.expiresAt),
    });
    res.json({ user: who(login.user), demo: o.demo });
  });
  r.get(apiPath('session'), (req, res) => {
    res.json({ user: req.user ? who(req.user) : null, demo: o.demo });
  });
  r.delete(apiPath('logout'), async (req, res) => {
    const user = requireUser(req);
    await o.sessions.logout(user);
    res.clearCookie(SESSION_COOKIE, { path: '/', httpOnly: true, sameSite: 'strict', secure: req.secure });
    res.json({ user: null });
  });
  return r;
}
