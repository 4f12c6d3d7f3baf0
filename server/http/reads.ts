/**
 * API reads are paced like commands: every one costs the main thread, and a loop of them is a denial of
 * service. An account pays a point a request and a point more for every 32 KB it is sent (an expensive
 * answer costs what it costs); a client without an account pays per address. HEAD runs the same handler
 * as GET, so it is counted the same.
 */
import type { RequestHandler } from 'express';
import type { Gate } from '../live/gate.ts';
import { clientKey } from './address.ts';
import { sendReply } from './reply.ts';

export function pacedReads(gate: Gate): RequestHandler {
  return async (req, res, next) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    const user = req.user;
    const limited = await gate.read(user ? { userId: user.id } : { address: clientKey(req) });
    if (limited) return sendReply(res, limited);
    if (user)
      res.once('finish', () => {
        const bytes = Number(res.getHeader('content-length') ?? 0);
        void gate.charge(user.id, bytes).catch(() => {});
      });
    next();
  };
}
