/**
 * An error answer, the same over REST and the socket: `{ error: { code, message: { zh, en }, details? } }`.
 * The two languages travel apart, so no client has to split a joined string (a message that itself
 * contained " / " was cut).
 */
import { type CommandReply, ERROR_STATUS, type ErrorCode } from '../../shared/protocol/live.ts';

export const errorReply = (code: ErrorCode, zh: string, en: string, details?: unknown): CommandReply => ({
  ok: false,
  status: ERROR_STATUS[code],
  body: { error: { code, message: { zh, en }, ...(details === undefined ? {} : { details }) } },
});
