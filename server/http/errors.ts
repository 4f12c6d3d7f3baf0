/** One error shape for every route: { error: { code, message, details? } }, message Chinese first. */
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
    super(`${zh} / ${en}`);
  }
}

export function sendError(res: Response, code: ErrorCode, message: string, details?: unknown) {
  const body: ErrorBody = { error: { code, message, ...(details === undefined ? {} : { details }) } };
  res.status(ERROR_STATUS[code]).json(body);
}

/** Express error handler: known errors keep their code; a body that is not JSON is INVALID; the rest 500. */
export function errorHandler(err: unknown, _req: Request, res: Response, _next: NextFunction) {
  if (err instanceof HttpError) return sendError(res, err.code, err.message, err.details);
  const e = err as { type?: string; status?: number };
  if (e.type === 'entity.parse.failed')
    return sendError(res, 'INVALID', '请求体不是合法的 JSON / The body is not valid JSON');
  if (e.type === 'entity.too.large') return sendError(res, 'INVALID', '请求体过大 / The body is too large');
  console.error(err);
  res.status(500).json({ error: { code: 'INTERNAL', message: '服务器内部错误 / Internal error' } });
}
