/** One error shape for every route: { error: { code, message: { zh, en }, details? } }. */
import type { NextFunction, Request, Response } from 'express';
import type { ErrorBody, ErrorCode } from '../../shared/protocol/plans.ts';
import { ERROR_STATUS } from '../../shared/protocol/live.ts';

export class HttpError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly zh: string,
    readonly en: string,
    readonly details?: unknown,
  ) {
    // the Error's own message is for logs; the answer carries the two languages apart
    super(`${zh} / ${en}`);
  }
}

export function sendError(res: Response, code: ErrorCode, zh: string, en: string, details?: unknown) {
  const body: ErrorBody = {
    error: { code, message: { zh, en }, ...(details === undefined ? {} : { details }) },
  };
  res.status(ERROR_STATUS[code]).json(body);
}

/** The 4xx status Express, its body parser or its router put on an error that is the request's fault. */
function clientFault(err: unknown): number | null {
  if (!err || typeof err !== 'object') return null;
  const e = err as { status?: unknown; statusCode?: unknown };
  const status = typeof e.status === 'number' ? e.status : e.statusCode;
  return typeof status === 'number' && status >= 400 && status < 500 ? status : null;
}

/** What was wrong with the request, in words; never the request's own bytes. */
function badInputMessage(err: { type?: unknown; name?: unknown }): [zh: string, en: string] {
  switch (err.type) {
    case 'entity.parse.failed':
      return ['请求体不是合法的 JSON', 'The body is not valid JSON'];
    case 'entity.too.large':
      return ['请求体过大', 'The body is too large'];
    case 'encoding.unsupported':
    case 'charset.unsupported':
      return ['请求体的编码不受支持', 'The body’s encoding is not supported'];
    case 'request.aborted':
    case 'request.size.invalid':
      return ['请求体不完整', 'The body is incomplete'];
  }
  if (err.name === 'URIError') return ['请求地址含有无效的编码', 'The address has invalid percent-encoding'];
  return ['请求有误', 'Bad request'];
}

/**
 * Bad input from anyone, logged in or not, is logged as one line (no stack: nothing inside failed), and at
 * most LOG_PER_MINUTE of them a minute, so a flood of garbage cannot fill the disk with its own log; the
 * next line says how many were left out.
 */
const LOG_PER_MINUTE = 20;
let logWindow = 0;
let logged = 0;
let skipped = 0;
// the path is the client's: cut it short and keep it to printable ASCII, so it cannot forge log lines
const printable = (s: string, max: number) => s.slice(0, max).replace(/[^\x20-\x7e]/g, '?');

function logBadInput(req: Request, status: number, err: { type?: unknown; name?: unknown }) {
  const now = Date.now();
  if (now - logWindow >= 60_000) {
    logWindow = now;
    logged = 0;
  }
  if (logged >= LOG_PER_MINUTE) {
    skipped += 1;
    return;
  }
  logged += 1;
  const kind = typeof err.type === 'string' ? err.type : String(err.name ?? 'Error');
  const more = skipped > 0 ? ` (+${skipped} not logged before this)` : '';
  skipped = 0;
  console.warn(
    `bad request ${status} ${printable(req.method, 10)} ${printable(req.originalUrl, 200)}: ${printable(kind, 40)}${more}`,
  );
}

/**
 * Express error handler: known errors keep their code; what Express itself raises for bad input (a body
 * that is not JSON, a malformed percent-encoding in the path, anything with a 4xx status) is 400 INVALID
 * with one log line; only a genuine fault inside is a 500, logged with its stack.
 */
export function errorHandler(err: unknown, req: Request, res: Response, next: NextFunction) {
  // an answer already on its way cannot be replaced; Express's own handler closes the connection
  if (res.headersSent) return next(err);
  if (err instanceof HttpError) return sendError(res, err.code, err.zh, err.en, err.details);
  const status = clientFault(err);
  if (status !== null) {
    const e = err as { type?: unknown; name?: unknown };
    logBadInput(req, status, e);
    return sendError(res, 'INVALID', ...badInputMessage(e));
  }
  console.error(err);
  sendError(res, 'INTERNAL', '服务器内部错误', 'Internal error');
}
