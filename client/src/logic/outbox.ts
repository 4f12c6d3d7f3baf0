/**
 * The offline queue of a unit's task commands. An acknowledgement or report made while the console cannot
 * reach the server is kept (in localStorage, per user) with its requestId and sent when the connection
 * comes back. The requestId makes a resend safe: the server answers a repeated one with its first answer.
 */

export interface QueuedCommand {
  requestId: string;
  taskId: string;
  /** the command's name in the contract */
  kind: 'acknowledge' | 'report';
  note?: string;
  done?: boolean;
  queuedAt: number;
}

/**
 * What sending one command came to: accepted, refused for good (with the reason), not sent (offline), or
 * not sent yet because the server paces this account (`later`: send it again after `retryAfterMs`). Only a
 * refusal for good drops a command; pacing never does.
 */
export type SendOutcome =
  | { kind: 'ok' }
  | { kind: 'refused'; message: string }
  | { kind: 'offline' }
  | { kind: 'later'; retryAfterMs: number };

export interface FlushResult {
  remaining: QueuedCommand[];
  sent: QueuedCommand[];
  refused: { command: QueuedCommand; message: string }[];
  /** set when the server paced the account: flush again after this long */
  retryAfterMs?: number;
}

/** Adds a command; a second acknowledgement of the same task adds nothing (the first will do). */
export function enqueue(queue: readonly QueuedCommand[], cmd: QueuedCommand): QueuedCommand[] {
  if (cmd.kind === 'acknowledge' && queue.some((q) => q.kind === 'acknowledge' && q.taskId === cmd.taskId))
    return [...queue];
  return [...queue, cmd];
}

/**
 * Sends the queue in order, one command at a time (a report must not overtake the acknowledgement before
 * it). Stops at the first command that could not be sent and keeps it and everything after it.
 */
export async function flush(
  queue: readonly QueuedCommand[],
  send: (cmd: QueuedCommand) => Promise<SendOutcome>,
): Promise<FlushResult> {
  const result: FlushResult = { remaining: [], sent: [], refused: [] };
  for (let i = 0; i < queue.length; i += 1) {
    const cmd = queue[i]!;
    const outcome = await send(cmd);
    if (outcome.kind === 'offline' || outcome.kind === 'later') {
      result.remaining = queue.slice(i);
      if (outcome.kind === 'later') result.retryAfterMs = outcome.retryAfterMs;
      break;
    }
    if (outcome.kind === 'ok') result.sent.push(cmd);
    else result.refused.push({ command: cmd, message: outcome.message });
  }
  return result;
}

const key = (userId: string) => `epc-outbox:${userId}`;

export function loadQueue(storage: Pick<Storage, 'getItem'>, userId: string): QueuedCommand[] {
  try {
    const parsed: unknown = JSON.parse(storage.getItem(key(userId)) ?? '[]');
    return Array.isArray(parsed)
      ? parsed
          .filter(
            (q): q is QueuedCommand =>
              typeof q === 'object' &&
              q !== null &&
              typeof q.requestId === 'string' &&
              typeof q.taskId === 'string',
          )
          // a queue saved before the commands had one name each said 'ack'
          .map((q) => ((q.kind as string) === 'ack' ? { ...q, kind: 'acknowledge' as const } : q))
      : [];
  } catch {
    return [];
  }
}

export function saveQueue(
  storage: Pick<Storage, 'setItem' | 'removeItem'>,
  userId: string,
  queue: readonly QueuedCommand[],
) {
  if (queue.length === 0) storage.removeItem(key(userId));
  else storage.setItem(key(userId), JSON.stringify(queue));
}
