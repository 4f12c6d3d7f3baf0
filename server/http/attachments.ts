/**
 * Attached reports (issue 14): a unit fulfils a task that asks for a written report (24小时内书面报告,
 * 调查报告…) by attaching the report's file, or the text it typed (kept as a .txt file).
 *
 * - `POST /api/tasks/:taskId/attachments?name=…&done=true|false&note=…&requestId=…`, the file's bytes as
 *   the body, its type as the Content-Type. Before a byte of the body is read, the engine decides the report
 *   without its file: who may not attach to the task, or a task that takes no more files, is refused then.
 *   The type must be one ATTACHMENTS.types accepts, the name's extension must agree with it (and no
 *   program's extension hide before it), and the bytes must be what the type says (a PDF, PNG or JPEG by how
 *   it starts and ends, a Word or Excel document by its zip's entries, an OLE2 file by its signature, UTF-8
 *   text): a renamed program is refused. Then the engine's `report` command runs with the attachment, and
 *   the file is committed in the same transaction as the fact that names it (live/pipeline.ts): a refusal
 *   stores nothing, a retry with the same requestId stores nothing more, and a crash leaves neither without
 *   the other.
 * - `GET /api/attachments/:fileId`: the file as it was attached, to staff and to the unit that owes the task;
 *   to anyone else it does not exist. Always a download (Content-Disposition: attachment), never sniffed,
 *   sandboxed.
 *
 * The router is mounted before the app's JSON parser and its JSON-only check (http/auth.ts `sameSiteOnly`),
 * since a file is not JSON; it makes its own same-site check instead: a foreign Origin is refused and the
 * upload must carry the `X-Console-Upload` header, which no cross-site form can send and which a cross-site
 * script can send only after a CORS preflight this server never grants. The session is read per route
 * (`loadUser`), and downloads are paced like every read (`pacedReads`).
 */
import { createHash, randomBytes } from 'node:crypto';
import express, { type Request, type Response, Router } from 'express';
import { z } from 'zod';
import { decide } from '../../shared/engine/decide.ts';
import type { Attachment, IncidentState } from '../../shared/engine/incident.ts';
import { parseApiTaskId } from '../../shared/engine/taskId.ts';
import { formatShanghai } from '../../shared/engine/time.ts';
import { apiPath } from '../../shared/protocol/contract.ts';
import { ATTACHMENTS } from '../../shared/protocol/limits.ts';
import { type ErrorCode, RequestId } from '../../shared/protocol/live.ts';
import { planById } from '../../shared/plans/index.ts';
import type { Sessions } from '../auth/sessions.ts';
import { toAttachRequest } from '../live/commands.ts';
import type { Gate } from '../live/gate.ts';
import type { IncidentService } from '../live/incidents.ts';
import { type CommandRequest, isSystem } from '../live/request.ts';
import { isStaff, visibleTask } from '../live/visibility.ts';
import type { Store } from '../store/types.ts';
import { cleanText } from '../../shared/protocol/text.ts';
import { sendFile } from './after.ts';
import { ACCEPTED, contentProblem, extensionsOf, fileName, NAME_MAX, typeOf } from './fileCheck.ts';
import { loadUser, requireUser } from './auth.ts';
import { HttpError, sendError } from './errors.ts';
import { pacedReads } from './reads.ts';
import { sendReply } from './reply.ts';
import { parseBody, pathParam } from './validate.ts';

/** The bounds a server may be started with (ServerOptions.limits.attachments); ATTACHMENTS otherwise. */
export type AttachmentLimits = Pick<
  typeof ATTACHMENTS,
  'maxBytes' | 'bytesPerAccountPerDay' | 'maxTextChars'
>;

/** The header an upload must carry: a cross-site form cannot send it, a cross-site script not unasked. */
export const UPLOAD_HEADER = 'x-console-upload';

/** The longest note an upload carries: it travels in the address, which Node bounds at 16 KB in all. */
export const ATTACH_NOTE_MAX = 1_000;
/**
 * Uploads read into memory at once, per account and in all: 8 MiB each, so the server holds at most
 * 16 × 8 MiB of bodies however many clients upload.
 */
export const UPLOADS_AT_ONCE = { perAccount: 2, total: 16 } as const;

const DAY_MS = 24 * 3600_000;

/** "8 MB", "350 KB", "120 字节 / bytes": sizes in words, Chinese first. */
export function sizeWords(bytes: number): { zh: string; en: string } {
  const mb = bytes / (1024 * 1024);
  if (mb >= 1) {
    const n = `${Number(mb.toFixed(1))} MB`;
    return { zh: n, en: n };
  }
  if (bytes >= 1024) {
    const n = `${Math.ceil(bytes / 1024)} KB`;
    return { zh: n, en: n };
  }
  return { zh: `${bytes} 字节`, en: `${bytes} ${bytes === 1 ? 'byte' : 'bytes'}` };
}

/** The body grew past the limit while it was read (no Content-Length said so in advance). */
class TooLarge extends Error {}

const AttachQuery = z.strictObject({
  name: z.string().max(NAME_MAX * 4),
  note: z
    .string()
    .max(ATTACH_NOTE_MAX * 4)
    .optional(),
  done: z.enum(['true', 'false']).optional(),
  requestId: RequestId,
});

// ── the daily quota ─────────────────────────────────────────────────────────────────────────────────────

/** Bodies being read or committed now: by account (their bytes count against its quota) and in all. */
class InFlight {
  private readonly byAccount = new Map<string, { count: number; bytes: number }>();
  private total = 0;

  busy(userId: string): boolean {
    return (
      this.total >= UPLOADS_AT_ONCE.total ||
      (this.byAccount.get(userId)?.count ?? 0) >= UPLOADS_AT_ONCE.perAccount
    );
  }
  bytes(userId: string): number {
    return this.byAccount.get(userId)?.bytes ?? 0;
  }
  /** holds `bytes` for the account until the returned function is called (once) */
  hold(userId: string, bytes: number): { resize(bytes: number): void; release(): void } {
    const entry = this.byAccount.get(userId) ?? { count: 0, bytes: 0 };
    entry.count += 1;
    entry.bytes += bytes;
    this.byAccount.set(userId, entry);
    this.total += 1;
    let held = bytes;
    let released = false;
    return {
      resize: (next) => {
        entry.bytes += next - held;
        held = next;
      },
      release: () => {
        if (released) return;
        released = true;
        entry.count -= 1;
        entry.bytes -= held;
        this.total -= 1;
        if (entry.count === 0) this.byAccount.delete(userId);
      },
    };
  }
}

// ── the routes ──────────────────────────────────────────────────────────────────────────────────────────

export interface AttachmentDeps {
  service: IncidentService;
  gate: Gate;
  sessions: Sessions;
  store: Store;
  now: () => number;
  /** ATTACHMENTS' byte and text bounds, lowered by a test (ServerOptions.limits.attachments) */
  attachments?: Partial<AttachmentLimits>;
}

export function attachmentRoutes(deps: AttachmentDeps): Router {
  const { service, gate, store, now } = deps;
  const limits: AttachmentLimits = {
    maxBytes: ATTACHMENTS.maxBytes,
    bytesPerAccountPerDay: ATTACHMENTS.bytesPerAccountPerDay,
    maxTextChars: ATTACHMENTS.maxTextChars,
    ...deps.attachments,
  };
  const inFlight = new InFlight();
  const r = Router();
  const session = loadUser(deps.sessions, now);

  const tooLarge = (size: number | null): [string, string, unknown] => {
    const max = sizeWords(limits.maxBytes);
    const has = size === null ? null : sizeWords(size);
    return [
      `文件过大：单个附件不能超过 ${max.zh}${has ? `（本文件 ${has.zh}）` : ''}，请压缩或分成几份上传`,
      `The file is too large: an attachment may be at most ${max.en}${has ? ` (this one is ${has.en})` : ''}; compress it or upload it in parts`,
      { maxBytes: limits.maxBytes, ...(size === null ? {} : { size }) },
    ];
  };

  /**
   * The account's quota: what it stored in the last 24 hours and what it is uploading now, with `size`
   * more. Over it, the answer says when enough of it frees up (the oldest uploads leave the window first).
   */
  const overQuota = async (userId: string, size: number, requestId: string, ownHeld: number) => {
    const t = now();
    const stored = await store.uploadsSince(userId, t - DAY_MS);
    const used = stored.reduce((sum, u) => sum + u.size, 0) + inFlight.bytes(userId) - ownHeld;
    if (used + size <= limits.bytesPerAccountPerDay) return null;
    // a retry of an upload already stored gets its first answer, whatever the quota says now
    const prior = await store.findRequests([{ userId, requestId }]);
    if (prior.length > 0) return null;
    let freed = 0;
    let freesAt: number | null = null;
    for (const u of stored) {
      freed += u.size;
      if (used - freed + size <= limits.bytesPerAccountPerDay) {
        freesAt = u.at + DAY_MS;
        break;
      }
    }
    const quota = sizeWords(limits.bytesPerAccountPerDay);
    const usedWords = sizeWords(used);
    if (freesAt === null || size > limits.bytesPerAccountPerDay)
      // uploads under way hold the rest: it frees up as soon as they end
      freesAt = size > limits.bytesPerAccountPerDay ? null : t + 60_000;
    const retryAfterSeconds = freesAt === null ? null : Math.max(1, Math.ceil((freesAt - t) / 1000));
    const when = freesAt === null ? null : formatShanghai(freesAt);
    return {
      retryAfterSeconds,
      zh:
        `每个账号 24 小时内最多上传 ${quota.zh}，本账号已用 ${usedWords.zh}` +
        (size > 0 ? `，本文件 ${sizeWords(size).zh}` : '') +
        (when ? `；${when}（北京时间）后可再上传` : '；本文件超过每日限额，请压缩或分成几份'),
      en:
        `An account may upload ${quota.en} in 24 hours; this one has used ${usedWords.en}` +
        (size > 0 ? ` and this file is ${sizeWords(size).en}` : '') +
        (when
          ? `; it can be uploaded after ${when} (Beijing time)`
          : '; the file is larger than the daily quota: compress it or split it'),
      details: {
        bytesPerAccountPerDay: limits.bytesPerAccountPerDay,
        used,
        ...(freesAt === null ? {} : { freesAt, retryAfterSeconds }),
      },
    };
  };

  /**
   * The engine's answer to this upload's report, before a byte of the body is read. The engine never reads a
   * file's bytes, so `decide` on the state as it is now already says who may attach (taskGuard in
   * shared/engine/decide.ts: the unit that owes the task, or duty, director and commander for a role an
   * outside party holds), whether the task still takes a report, and whether it holds ATTACHMENTS.perTask
   * files already, in the engine's own words, rather than after 8 MB are read; the pipeline decides again
   * once the file is there. A refusal goes on the audit record, as the pipeline's refusals do; a retry of an
   * upload already stored goes on, to get its first answer.
   */
  const refusalBeforeReading = async (
    request: CommandRequest,
    state: IncidentState,
  ): Promise<[ErrorCode, string, string] | null> => {
    const plan = planById(state.planId);
    const actor = request.actor;
    if (!plan || isSystem(actor)) return null;
    const decision = decide(plan, state, request.command, {
      actor: { userId: actor.id, role: actor.role, ...(actor.unitId ? { unitId: actor.unitId } : {}) },
      now: now(),
    });
    if (decision.ok) return null;
    if (
      request.requestId &&
      (await store.findRequests([{ userId: actor.id, requestId: request.requestId }])).length > 0
    )
      return null;
    const { code, message } = decision.refusal;
    const [zh, en] =
      code === 'FORBIDDEN'
        ? ['只有承担该任务的单位可以上传书面报告', 'Only the unit that owes this task may attach its report']
        : [message.zh, message.en];
    try {
      await store.commit([
        {
          events: [],
          audit: {
            at: now(),
            userId: actor.id,
            role: actor.role,
            unitId: actor.unitId,
            command: request.name,
            target: 'apiTaskId' in request.target ? request.target.apiTaskId : null,
            code,
            message: `${zh} / ${en}`,
          },
        },
      ]);
    } catch (err) {
      // the refusal stands without its audit row
      console.error('audit of an upload refused failed:', err instanceof Error ? err.message : err);
    }
    return [code, zh, en];
  };

  /** A foreign Origin, or an upload without the header only the console's own page sends, is refused. */
  const sameSite = (req: Request) => {
    const origin = req.headers.origin;
    if (origin && origin !== 'null' && URL.parse(origin)?.host !== req.headers.host)
      throw new HttpError('FORBIDDEN', '不接受来自其他网站的请求', 'Requests from other sites are refused');
    if (req.headers[UPLOAD_HEADER] === undefined)
      throw new HttpError(
        'FORBIDDEN',
        `上传须由本系统页面发出（缺少 ${UPLOAD_HEADER} 请求头）`,
        `Uploads must come from the console’s own page (the ${UPLOAD_HEADER} header is missing)`,
      );
  };

  const readBody = express.raw({ type: () => true, limit: limits.maxBytes });
  const read = (req: Request, res: Response) =>
    new Promise<Buffer>((resolve, reject) =>
      readBody(req, res, (err?: unknown) => {
        if (err) {
          const e = err as { type?: unknown };
          return reject(e.type === 'entity.too.large' ? new TooLarge() : err);
        }
        resolve(Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0));
      }),
    );

  r.post(apiPath('attach'), session, async (req: Request, res: Response) => {
    sameSite(req);
    const viewer = requireUser(req);
    const q = parseBody(AttachQuery, req.query);
    const apiTaskId = pathParam(req, 'taskId');
    const ref = parseApiTaskId(apiTaskId);
    // a task this account may not see (or none at all) is refused before a byte is read, as the engine
    // would refuse it after: the same words either way
    const state = ref ? service.state(ref.incidentId) : undefined;
    if (!ref || !state || !visibleTask(viewer, state, ref.taskId))
      throw new HttpError('NOT_FOUND', `没有任务 ${apiTaskId}`, `No task ${apiTaskId}`);

    const named = fileName(q.name);
    if ('problem' in named) throw new HttpError('INVALID', ...named.problem);
    const { name } = named;
    const type = typeOf(req.headers['content-type']);
    if (type === 'text/plain;unsupported-charset')
      throw new HttpError('INVALID', '文本须为 UTF-8 编码', 'The text must be UTF-8');
    const extensions = extensionsOf(type);
    if (extensions.length === 0)
      throw new HttpError(
        'INVALID',
        `不接受该类型的文件（${type || '未说明类型'}）；可上传：${ACCEPTED.join('、')}`,
        `Files of this type (${type || 'none given'}) are not accepted; accepted: ${ACCEPTED.join(', ')}`,
      );
    const ext = name.slice(name.lastIndexOf('.') + 1).toLowerCase();
    if (!extensions.includes(ext))
      throw new HttpError(
        'INVALID',
        `文件扩展名 .${ext} 与文件类型（.${extensions[0]}）不符`,
        `The extension .${ext} does not match the file’s type (.${extensions[0]})`,
      );
    const noteText = q.note === undefined ? '' : cleanText(q.note).trim();
    if (noteText.length > ATTACH_NOTE_MAX)
      throw new HttpError(
        'INVALID',
        `附件说明不能超过 ${ATTACH_NOTE_MAX} 字`,
        `The note with an attachment may be at most ${ATTACH_NOTE_MAX} characters`,
      );

    const declared =
      req.headers['content-length'] === undefined ? null : Number(req.headers['content-length']);
    if (declared !== null && declared > limits.maxBytes)
      return sendError(res, 'TOO_LARGE', ...tooLarge(declared));
    if (inFlight.busy(viewer.id))
      return sendReply(res, {
        ok: false,
        status: 429,
        body: {
          error: {
            code: 'RATE_LIMITED',
            message: {
              zh: '正在上传的文件过多，请稍候几秒再试',
              en: 'Too many uploads under way; try again in a few seconds',
            },
            details: { retryAfterSeconds: 5 },
          },
        },
      });
    // the slot and the bytes are held at once, before anything is awaited: parallel uploads cannot pass the
    // per-account and server-wide counts, or the quota, together (the body counts while read and committed)
    const held = declared ?? limits.maxBytes;
    const hold = inFlight.hold(viewer.id, held);
    try {
      const limited = await gate.command(viewer.id);
      if (limited) return sendReply(res, limited);
      const early = await refusalBeforeReading(
        toAttachRequest(viewer, {
          taskId: apiTaskId,
          note: noteText,
          done: q.done === 'true',
          requestId: q.requestId,
          // the engine never reads a file: a name and a type are all it may be told before the body is read
          attachment: { fileId: '', name, type, size: 0, sha256: '' },
        }),
        state,
      );
      if (early) return sendError(res, ...early);
      const over = await overQuota(viewer.id, declared ?? 0, q.requestId, held);
      if (over) return quotaReply(res, over);
      let data: Buffer;
      try {
        data = await read(req, res);
      } catch (e) {
        if (e instanceof TooLarge) return sendError(res, 'TOO_LARGE', ...tooLarge(null));
        throw e;
      }
      if (data.length === 0) throw new HttpError('INVALID', '文件为空', 'The file is empty');
      hold.resize(data.length);
      const after = await overQuota(viewer.id, data.length, q.requestId, data.length);
      if (after) return quotaReply(res, after);
      const bad = contentProblem(type, data, limits.maxTextChars);
      if (bad) throw new HttpError('INVALID', ...bad);

      const attachment: Attachment = {
        fileId: randomBytes(16).toString('base64url'),
        name,
        type,
        size: data.length,
        sha256: createHash('sha256').update(data).digest('hex'),
      };
      const request = toAttachRequest(viewer, {
        taskId: apiTaskId,
        // the file is the report: a note is only what the unit adds (the views name the file)
        note: noteText,
        done: q.done === 'true',
        requestId: q.requestId,
        attachment,
      });
      const reply = await service.execute(request, [
        {
          id: attachment.fileId,
          incidentId: ref.incidentId,
          taskId: ref.taskId,
          name,
          type,
          size: data.length,
          sha256: attachment.sha256,
          data,
          by: viewer.id,
          at: now(),
        },
      ]);
      sendReply(res, reply);
    } finally {
      hold.release();
    }
  });

  r.get(apiPath('attachment'), session, pacedReads(gate), async (req: Request, res: Response) => {
    const viewer = requireUser(req);
    const fileId = pathParam(req, 'fileId');
    const missing = new HttpError(
      'NOT_FOUND',
      `没有附件 ${fileId.slice(0, 64)}`,
      `No attachment ${fileId.slice(0, 64)}`,
    );
    if (!/^[A-Za-z0-9_-]{8,64}$/.test(fileId)) throw missing;
    const file = await service.file(fileId);
    // a unit may read the files of its own tasks; any other file answers as one that does not exist
    if (!file || (!isStaff(viewer) && !visibleTask(viewer, service.state(file.incidentId), file.taskId)))
      throw missing;
    res.setHeader('Content-Security-Policy', 'sandbox');
    res.setHeader('Repr-Digest', `sha-256=:${Buffer.from(file.sha256, 'hex').toString('base64')}:`);
    // only the accepted types are ever stored; whatever it were, it goes out as a download
    const type = file.type === 'text/plain' ? 'text/plain; charset=utf-8' : file.type;
    sendFile(res, file.data, type, file.name);
  });
  // the download's address with the id left out names no attachment, rather than no endpoint
  r.get(apiPath('attachment').replace(/\/:fileId$/, '/'), (_req: Request, res: Response) =>
    sendError(res, 'NOT_FOUND', '没有附件（未给出编号）', 'No attachment (no id given)'),
  );

  return r;
}

function quotaReply(
  res: Response,
  over: { retryAfterSeconds: number | null; zh: string; en: string; details: unknown },
) {
  if (over.retryAfterSeconds !== null) res.setHeader('Retry-After', String(over.retryAfterSeconds));
  sendError(res, 'RATE_LIMITED', over.zh, over.en, over.details);
}
