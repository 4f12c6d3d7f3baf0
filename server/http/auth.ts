/**
 * Request guards: who is asking (the session cookie), that a state-changing request cannot come from
 * another site (SameSite=Strict cookie, JSON only, same Origin), and the demo label on every answer.
 */
import { parse as parseCookie } from 'cookie';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { SESSION_COOKIE, type SessionUser, type Sessions } from '../auth/sessions.ts';
import { HttpError } from './errors.ts';

declare module 'express-serve-static-core' {
  interface Request {
    user?: SessionUser;
  }
}

export const sessionToken = (cookieHeader: string | undefined) =>
  cookieHeader ? parseCookie(cookieHeader)[SESSION_COOKIE] : undefined;

export function loadUser(sessions: Sessions, now: () => number): RequestHandler {
  return async (req, _res, next) => {
    const user = await sessions.resolve(sessionToken(req.headers.cookie), now());
    if (user) req.user = user;
    next();
  };
}

export function requireUser(req: Request): SessionUser {
  if (!req.user) throw new HttpError('UNAUTHENTICATED', '请先登录', 'Please log in');
  return req.user;
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * A cross-site form can neither send JSON nor carry a SameSite=Strict cookie; a cross-site script is stopped
 * by CORS at the preflight a JSON body needs. Refusing other content types and foreign Origins closes the rest.
 */
export function sameSiteOnly(req: Request, _res: Response, next: NextFunction) {
  if (!UNSAFE.has(req.method)) return next();
  const origin = req.headers.origin;
  if (origin && origin !== 'null') {
    if (URL.parse(origin)?.host !== req.headers.host)
      return next(
        new HttpError('FORBIDDEN', '不接受来自其他网站的请求', 'Requests from other sites are refused'),
      );
  }
  const hasBody =
    Number(req.headers['content-length'] ?? 0) > 0 || req.headers['transfer-encoding'] !== undefined;
  if (hasBody && !req.is('application/json'))
    return next(
      new HttpError(
        'INVALID',
        '请求体须为 JSON（Content-Type: application/json）',
        'The body must be JSON (Content-Type: application/json)',
      ),
    );
  next();
}

/** In demo mode every answer says so: a header on all, and `demo: true` in every JSON object. */
export function demoLabel(demo: boolean): RequestHandler {
  return (_req, res, next) => {
    if (!demo) return next();
    res.setHeader('X-Console-Mode', 'demo');
    const json = res.json.bind(res);
    res.json = (body: unknown) =>
      json(body && typeof body === 'object' && !Array.isArray(body) ? { demo: true, ...body } : body);
    next();
  };
}
