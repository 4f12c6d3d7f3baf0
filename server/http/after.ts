/**
 * After the response (issue 14): the 总结评估报告 of an incident as JSON and .docx, the 台账 as JSON, .xlsx and
 * CSV, the searchable history and the leaders' statistics. Thin: parse the query, pick the incidents the
 * viewer may see, hand them to the shared views (shared/views/*), and render files in server/exports.
 */
import { type Request, type Response, Router } from 'express';
import { z } from 'zod';
import { dayKey } from '../../shared/engine/time.ts';
import { planById } from '../../shared/plans/index.ts';
import { apiPath } from '../../shared/protocol/contract.ts';
import { PEOPLE_MAX } from '../../shared/protocol/people.ts';
import { history } from '../../shared/views/history.ts';
import { ledgerSelection, type LedgerQuery, numbered } from '../../shared/views/ledger.ts';
import { reviewOf } from '../../shared/views/review.ts';
import { statistics } from '../../shared/views/statistics.ts';
import { personOf } from '../auth/accounts.ts';
import type { ExportPool } from '../exports/pool.ts';
import type { Gate } from '../live/gate.ts';
import type { IncidentService } from '../live/incidents.ts';
import { canSeeIncident, isStaff, type Viewer } from '../live/visibility.ts';
import type { Store } from '../store/types.ts';
import { requireUser } from './auth.ts';
import { HttpError } from './errors.ts';
import { parseBody, pathParam } from './validate.ts';

/** Rows one exported ledger may hold; a wider question is refused with the advice to narrow it. */
export const LEDGER_MAX = 20_000;
/**
 * What a read that scans the record costs, besides its answer's bytes: the rows a ledger question went through
 * and the incidents statistics counted, in read points (RATE.reads), so that a small answer to a large
 * question (`limit=0`) is paced by the work it took, not by its size.
 */
const SCAN = { rowsPerPoint: 100, incidentsPerPoint: 20 } as const;
const POINT_BYTES = 32 * 1024;
/** reports kept computed, the oldest forgotten first */
const REVIEWS_KEPT = 16;

/** Rows of one JSON page of the ledger, and incidents of one page of the history. */
const PAGE = { max: 500, default: 100 } as const;

/** a calendar day that exists (2026-02-30 does not), yyyy-MM-dd */
const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 2026-01-31 / dates are yyyy-MM-dd')
  .refine((d) => {
    const t = Date.parse(`${d}T00:00:00Z`);
    return Number.isFinite(t) && new Date(t).toISOString().slice(0, 10) === d;
  }, '没有这一天 / no such day')
  .refine((d) => d >= '2000-01-01' && d <= '2100-12-31', '日期应在 2000–2100 年之间 / between 2000 and 2100');
/** `_`: a cache-buster a client may add; anything else unknown is refused, not silently ignored */
const cacheBuster = { _: z.string().max(32).optional() };
/** from ≤ to, in words */
const ordered = <T extends { from?: string | undefined; to?: string | undefined }>(q: T) =>
  q.from === undefined || q.to === undefined || q.from <= q.to;
const ORDER_MESSAGE = '起始日期晚于截止日期 / the start date is after the end date';
const id = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/);
const count = (max: number, fallback: number) =>
  z
    .string()
    .regex(/^\d{1,6}$/)
    .transform(Number)
    .pipe(z.number().int().min(0).max(max))
    .optional()
    .default(fallback);
const Filters = {
  planId: id.optional(),
  levelId: id.optional(),
  from: day.optional(),
  to: day.optional(),
  drill: z.enum(['true', 'false']).optional(),
};
const LedgerParams = z
  .strictObject({
    ...Filters,
    ...cacheBuster,
    incidentId: id.optional(),
    unitId: id.optional(),
    lang: z.enum(['zh', 'en']).optional(),
    offset: count(1_000_000, 0),
    limit: count(PAGE.max, PAGE.default),
  })
  .refine(ordered, ORDER_MESSAGE);
const HistoryParams = z
  .strictObject({
    ...Filters,
    ...cacheBuster,
    text: z.string().max(100).optional(),
    status: z.enum(['open', 'proposed', 'active', 'terminated']).optional(),
    offset: count(1_000_000, 0),
    limit: count(PAGE.max, 20),
  })
  .refine(ordered, ORDER_MESSAGE);
const StatisticsParams = z.strictObject({ ...Filters, ...cacheBuster }).refine(ordered, ORDER_MESSAGE);

const drillOf = (d: 'true' | 'false' | undefined) => (d === undefined ? undefined : d === 'true');

/**
 * "姓名（职务）" as the record names each person, by account id; an account without a name shows its login
 * name. A list, not a function: it crosses to the export worker.
 */
async function namesOf(store: Store, lang: 'zh' | 'en'): Promise<[string, string][]> {
  return (await store.people(PEOPLE_MAX)).map((row) => {
    const p = personOf(row);
    const label =
      p.name && p.post && !p.name.includes(p.post)
        ? lang === 'zh'
          ? `${p.name}（${p.post}）`
          : `${p.name} (${p.post})`
        : (p.name ?? p.username);
    return [p.id, label];
  });
}

/**
 * An attachment-style download: the name in ASCII and in UTF-8 (RFC 6266), never sniffed as anything else.
 * `filename*` is RFC 8187's ext-value: `encodeURIComponent` leaves `'()*!` as they are, and its attr-char
 * allows none of `'()*` (a `'` is what splits the value from its charset), so all five are percent-encoded.
 */
export function sendFile(res: Response, body: Buffer | string, type: string, name: string) {
  const ascii = name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  const utf8 = encodeURIComponent(name).replace(
    /['()*!]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  res.setHeader('content-type', type);
  res.setHeader('content-disposition', `attachment; filename="${ascii}"; filename*=UTF-8''${utf8}`);
  res.setHeader('x-content-type-options', 'nosniff');
  res.send(body);
}

/** 20260130: a file name's Shanghai day */
const stamp = (ms: number) => dayKey(ms).replaceAll('-', '');

export function afterRoutes(
  service: IncidentService,
  store: Store,
  now: () => number,
  files: ExportPool,
  gate: Gate,
): Router {
  const r = Router();

  const reviews = new Map<string, ReturnType<typeof reviewOf>>();
  /** The review is the office's business: staff only; a unit of the plan is told so, anyone else 404. */
  const reviewed = async (req: Request) => {
    const viewer = requireUser(req);
    const incidentId = pathParam(req, 'incidentId');
    const state = service.state(incidentId);
    const plan = state ? planById(state.planId) : undefined;
    if (!state || !plan || !canSeeIncident(viewer, plan.id))
      throw new HttpError('NOT_FOUND', `没有事件 ${incidentId}`, `No incident ${incidentId}`);
    // a unit that has the incident in its inbox is told why, not that it does not exist
    if (!isStaff(viewer))
      throw new HttpError(
        'FORBIDDEN',
        '总结评估报告是应急办公室的文件，成员单位不能查看；本单位的落实情况见“台账”',
        'The review is the office’s document; a member unit sees its own part in the ledger',
      );
    // the report of a version, judged at a minute: a page reloading it (or the office downloading it again)
    // does not read the whole log and compute it anew each time
    const key = `${state.id}@${state.version}@${Math.floor(now() / 60_000)}`;
    const kept = reviews.get(key);
    if (kept) return kept;
    const review = reviewOf(plan, state, await service.eventsOf(state.id), now());
    reviews.set(key, review);
    if (reviews.size > REVIEWS_KEPT) reviews.delete(reviews.keys().next().value!);
    return review;
  };

  r.get(apiPath('review'), async (req, res) => {
    res.json(await reviewed(req));
  });
  r.get(apiPath('reviewDocx'), async (req, res) => {
    const lang = req.query.lang === 'en' ? 'en' : 'zh';
    const review = await reviewed(req);
    const names = await namesOf(store, lang);
    const viewer = requireUser(req);
    const file = await files.run(viewer.id, isStaff(viewer), { kind: 'docx', review, names, lang });
    const name = `${review.basics.title}-${lang === 'zh' ? '总结评估报告' : 'review'}-${stamp(review.generatedAt)}.docx`;
    sendFile(res, file, 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', name);
  });

  /**
   * The ledger's rows for this viewer: staff choose any unit; a unit gets its own rows of the incidents of
   * the plans it serves, whatever unit it asks for.
   */
  const rowsFor = async (viewer: Viewer, q: z.infer<typeof LedgerParams>) => {
    const query: LedgerQuery = {
      incidentId: q.incidentId,
      planId: q.planId,
      levelId: q.levelId,
      from: q.from,
      to: q.to,
      unitId: isStaff(viewer) ? q.unitId : (viewer.unitId ?? '-'),
      drill: drillOf(q.drill),
    };
    const states = service.all().filter((s) => canSeeIncident(viewer, s.planId));
    const rows = ledgerSelection(planById, states, query);
    await gate.charge(viewer.id, Math.floor((rows.scanned ?? rows.length) / SCAN.rowsPerPoint) * POINT_BYTES);
    return rows;
  };

  r.get(apiPath('ledger'), async (req, res) => {
    const viewer = requireUser(req);
    const q = parseBody(LedgerParams, req.query);
    const rows = await rowsFor(viewer, q);
    res.json({
      rows: numbered(rows.slice(q.offset, q.offset + q.limit), q.offset),
      total: rows.length,
      offset: q.offset,
    });
  });

  const exported = async (req: Request) => {
    const viewer = requireUser(req);
    const q = parseBody(LedgerParams, req.query);
    // one file in flight per account: said before any row is gathered
    files.refuseIfBusy(viewer.id);
    const rows = numbered(await rowsFor(viewer, q));
    if (rows.length > LEDGER_MAX)
      throw new HttpError(
        'INVALID',
        `台账共 ${rows.length} 行，超过单次导出上限 ${LEDGER_MAX} 行，请缩小日期或预案范围后分批导出`,
        `The ledger has ${rows.length} rows, more than the ${LEDGER_MAX} one file holds; narrow the dates or plans and export in parts`,
      );
    const lang = q.lang ?? 'zh';
    return {
      userId: viewer.id,
      staff: isStaff(viewer),
      rows,
      lang,
      names: await namesOf(store, lang),
      name: `${lang === 'zh' ? '台账' : 'ledger'}-${stamp(now())}`,
    };
  };
  r.get(apiPath('ledgerXlsx'), async (req, res) => {
    const { userId, staff, rows, lang, names, name } = await exported(req);
    const file = await files.run(userId, staff, { kind: 'xlsx', rows, names, lang });
    sendFile(res, file, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', `${name}.xlsx`);
  });
  r.get(apiPath('ledgerCsv'), async (req, res) => {
    const { userId, staff, rows, lang, names, name } = await exported(req);
    const file = await files.run(userId, staff, { kind: 'csv', rows, names, lang });
    sendFile(res, file, 'text/csv; charset=utf-8', `${name}.csv`);
  });

  r.get(apiPath('history'), async (req, res) => {
    const viewer = requireUser(req);
    const q = parseBody(HistoryParams, req.query);
    const states = service.all().filter((s) => canSeeIncident(viewer, s.planId));
    await gate.charge(viewer.id, Math.floor(states.length / SCAN.incidentsPerPoint) * POINT_BYTES);
    res.json(history(planById, states, { ...q, drill: drillOf(q.drill) }, viewer));
  });

  r.get(apiPath('statistics'), async (req, res) => {
    const viewer = requireUser(req);
    if (!isStaff(viewer))
      throw new HttpError(
        'FORBIDDEN',
        '统计仅供领导和指挥部人员查看',
        'Statistics are for leaders and staff',
      );
    const q = parseBody(StatisticsParams, req.query);
    const states = service.all();
    await gate.charge(viewer.id, Math.floor(states.length / SCAN.incidentsPerPoint) * POINT_BYTES);
    res.json(statistics(planById, states, { ...q, drill: drillOf(q.drill) }, now()));
  });
  return r;
}
