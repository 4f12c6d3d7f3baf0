/**
 * A command sent again with the same requestId (a retry after a lost answer, a copy over another transport)
 * gets its first answer again and is not decided twice. The answer is kept, with a digest of what was asked,
 * in the same transaction as the command's facts, so it exists exactly when they do.
 */
import { createHash } from 'node:crypto';
import type { CommandReply } from '../../shared/protocol/live.ts';
import type { CommitItem, Store } from '../store/types.ts';
import { errorReply } from './replies.ts';
import type { CommandRequest } from './request.ts';

interface Prior {
  fingerprint: string;
  reply: CommandReply;
}

/** A new command's requestId and digest, to keep its answer under once it is decided. */
export interface Ticket {
  key: string;
  userId: string;
  requestId: string;
  fingerprint: string;
}

const requestKey = (userId: string, requestId: string) => `${userId}\u0000${requestId}`;

/** The first answers a batch's requestIds already have, and those given earlier in the batch. */
/**
 * The names commands had before the contract gave each one name (issue 13): a stored first answer (kept 24 h)
 * was fingerprinted under them, so a retry sent across the upgrade must hash to the same print, not be told
 * its requestId was used for another command.
 */
const FINGERPRINT_NAME: Readonly<Record<string, string>> = {
  open: 'declare',
  declare: 'declareLevel',
  recordMilestone: 'milestone',
  acknowledge: 'ack',
};

export class BatchAnswers {
  private readonly seen = new Map<string, Prior>();

  private constructor(private readonly stored: Map<string, Prior>) {}

  /** The stored first answers to the batch's requestIds, by user and requestId: one lookup per batch. */
  static async read(store: Store, requests: readonly CommandRequest[]): Promise<BatchAnswers> {
    const keys = requests.flatMap((req) =>
      req.requestId ? [{ userId: req.actor.id, requestId: req.requestId }] : [],
    );
    const found = keys.length > 0 ? await store.findRequests(keys) : [];
    return new BatchAnswers(
      new Map(
        found.map((r) => {
          const reply = (
            r.status < 400
              ? { ok: true, status: r.status, body: r.body }
              : { ok: false, status: r.status, body: r.body }
          ) as CommandReply;
          return [requestKey(r.userId, r.requestId), { fingerprint: r.fingerprint, reply }];
        }),
      ),
    );
  }

  /**
   * The first answer to a repeated requestId (stored, or given earlier in this batch), or a conflict when
   * the requestId was used for another command; otherwise the ticket to keep this command's answer under
   * (null without a requestId).
   */
  check(req: CommandRequest): { reply: CommandReply } | { ticket: Ticket | null } {
    if (!req.requestId) return { ticket: null };
    const key = requestKey(req.actor.id, req.requestId);
    const fingerprint = createHash('sha256')
      .update(JSON.stringify([FINGERPRINT_NAME[req.name] ?? req.name, req.target, req.payload]))
      .digest('hex');
    const prior = this.seen.get(key) ?? this.stored.get(key);
    if (!prior) return { ticket: { key, userId: req.actor.id, requestId: req.requestId, fingerprint } };
    return {
      reply:
        prior.fingerprint === fingerprint
          ? prior.reply
          : errorReply(
              'CONFLICT',
              '该 requestId 已用于另一条命令，请换一个',
              'This requestId was already used for a different command; use a new one',
            ),
    };
  }

  /**
   * Keeps the answer of a command that wrote something, with its writes. A refusal or a no-op changed
   * nothing, so a retry decided afresh is as safe, and a flood of them leaves no rows behind.
   */
  keep(ticket: Ticket | null, item: CommitItem, reply: CommandReply): void {
    if (!ticket || item.events.length === 0) return;
    const { key, userId, requestId, fingerprint } = ticket;
    item.request = { userId, requestId, fingerprint, status: reply.status, body: reply.body };
    this.seen.set(key, { fingerprint, reply });
  }
}
