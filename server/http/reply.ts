/** A command's or the gate's reply as an HTTP answer; a rate-limited one says when to try again (Retry-After). */
import type { Response } from 'express';
import type { CommandReply } from '../../shared/protocol/live.ts';

export function sendReply(res: Response, reply: CommandReply): void {
  const retry = reply.ok
    ? undefined
    : (reply.body.error.details as { retryAfterSeconds?: number } | undefined)?.retryAfterSeconds;
  if (retry !== undefined) res.setHeader('Retry-After', String(retry));
  res.status(reply.status).json(reply.body);
}
