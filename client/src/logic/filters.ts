/**
 * The filters of the 台账, history and statistics pages as the address bar carries them, so a filtered view
 * can be bookmarked and sent to a colleague: read from the query string (anything malformed is dropped, never
 * sent on to the server), written back with only what differs from the page's defaults, and turned into the
 * API's input and the export links. Also the small sums the statistics page shows beside the server's
 * figures (months without responses, durations in words, shares, the unit table's order). Pure.
 */
import type { Lang } from '../../../shared/engine/text.ts';

export type DrillChoice = 'true' | 'false' | 'all';
export type StatusChoice = 'open' | 'proposed' | 'active' | 'terminated';
export type UnitSort = 'ack' | 'ack-desc' | 'met' | 'met-desc';

export interface Filters {
  incidentId?: string;
  planId?: string;
  /** the highest level the incident reached (only with a plan: level ids repeat across plans) */
  levelId?: string;
  unitId?: string;
  /** Shanghai calendar days, yyyy-MM-dd, both ends included */
  from?: string;
  to?: string;
  /** real responses only ('false'), drills only ('true') or both ('all'); absent means the page's default */
  drill?: DrillChoice;
  /** words in the title, the first report or the place */
  text?: string;
  status?: StatusChoice;
  /** the statistics page's unit table */
  sort?: UnitSort;
  /** from 1 */
  page: number;
}
export type Field = Exclude<keyof Filters, 'page'>;

/** What one page reads from its address: its fields, its default for real or drill, its page size. */
export interface FilterSpec {
  fields: readonly Field[];
  drillDefault: DrillChoice;
  /** rows or incidents a page; 0 for a page that is not paged */
  pageSize: number;
}

export const LEDGER_FILTERS: FilterSpec = {
  fields: ['incidentId', 'planId', 'levelId', 'unitId', 'from', 'to', 'drill'],
  drillDefault: 'all',
  pageSize: 100,
};
export const HISTORY_FILTERS: FilterSpec = {
  fields: ['text', 'planId', 'levelId', 'from', 'to', 'status', 'drill'],
  drillDefault: 'all',
  pageSize: 20,
};
/** the leaders' figures count real responses unless drills are asked for */
export const STATISTICS_FILTERS: FilterSpec = {
  fields: ['planId', 'from', 'to', 'drill', 'sort'],
  drillDefault: 'false',
  pageSize: 0,
};

/** as the server's ids (server/http/after.ts) */
const ID = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;
const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
export const TEXT_MAX = 100;
const STATUSES: readonly string[] = ['open', 'proposed', 'active', 'terminated'];
const SORTS: readonly string[] = ['ack', 'ack-desc', 'met', 'met-desc'];
const DRILLS: readonly string[] = ['true', 'false', 'all'];

/** A real calendar day written yyyy-MM-dd ("2026-02-30" is not one). */
export function isDay(s: string): boolean {
  const m = DAY.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

function valid(field: Field, raw: string): string | undefined {
  const v = field === 'text' ? raw.trim().slice(0, TEXT_MAX) : raw.trim();
  if (v === '') return undefined;
  switch (field) {
    case 'incidentId':
    case 'planId':
    case 'levelId':
    case 'unitId':
      return ID.test(v) ? v : undefined;
    case 'from':
    case 'to':
      return isDay(v) ? v : undefined;
    case 'drill':
      return DRILLS.includes(v) ? v : undefined;
    case 'status':
      return STATUSES.includes(v) ? v : undefined;
    case 'sort':
      return SORTS.includes(v) ? v : undefined;
    case 'text':
      return v;
  }
}

/** The page's filters from its query string; what is malformed or not this page's is left out. */
export function readFilters(spec: FilterSpec, search: URLSearchParams | string): Filters {
  const params = typeof search === 'string' ? new URLSearchParams(search) : search;
  const f: Filters = { page: 1 };
  for (const field of spec.fields) {
    const raw = params.get(field);
    const v = raw === null ? undefined : valid(field, raw);
    if (v !== undefined) (f as unknown as Record<string, string>)[field] = v;
  }
  // a level names a level of one plan
  if (f.levelId !== undefined && f.planId === undefined) delete f.levelId;
  if (f.drill === spec.drillDefault) delete f.drill;
  const page = Number(params.get('page'));
  if (spec.pageSize > 0 && Number.isInteger(page) && page > 1 && page <= 100_000) f.page = page;
  return f;
}

/** The query string for these filters: the page's fields in a fixed order, defaults left out. */
export function writeFilters(spec: FilterSpec, f: Filters): URLSearchParams {
  const params = new URLSearchParams();
  for (const field of spec.fields) {
    const v = f[field];
    if (v === undefined || v === '') continue;
    if (field === 'drill' && v === spec.drillDefault) continue;
    params.set(field, v);
  }
  if (spec.pageSize > 0 && f.page > 1) params.set('page', String(f.page));
  return params;
}

/**
 * One filter changed: back to the first page; a new plan drops the level (the old plan's) and the unit when
 * the new plan does not task it (`unitsOf` gives a plan's unit ids).
 */
export function changeFilter(
  f: Filters,
  field: Field,
  value: string | undefined,
  unitsOf?: (planId: string) => readonly string[],
): Filters {
  const next: Filters = { ...f, page: 1 };
  if (value === undefined || value === '') delete next[field];
  else (next as unknown as Record<string, string>)[field] = value;
  if (field === 'planId' && next.planId !== f.planId) {
    delete next.levelId;
    if (next.unitId !== undefined && next.planId !== undefined && unitsOf) {
      if (!unitsOf(next.planId).includes(next.unitId)) delete next.unitId;
    }
  }
  return next;
}

/** Every filter cleared, but for the ones named (the sort order, say). */
export function clearFilters(f: Filters, keep: readonly Field[] = []): Filters {
  const next: Filters = { page: 1 };
  for (const k of keep) if (f[k] !== undefined) (next as unknown as Record<string, string>)[k] = f[k];
  return next;
}

/** Does any filter narrow the answer (beyond the page's defaults)? */
export const isFiltered = (spec: FilterSpec, f: Filters) =>
  spec.fields.some((k) => k !== 'sort' && f[k] !== undefined);

/** The real-or-drill choice in force: the one in the address, or the page's default. */
export const drillOf = (spec: FilterSpec, f: Filters): DrillChoice => f.drill ?? spec.drillDefault;

/** The start after the end: nothing can match, and the page says why. */
export const datesReversed = (f: Filters) => f.from !== undefined && f.to !== undefined && f.from > f.to;

/**
 * The API's input for these filters (every value a string, as the query string carries it): the page's
 * fields but the sort, `drill` only when it narrows, and the page as offset and limit.
 */
export function apiParams(spec: FilterSpec, f: Filters): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  for (const field of spec.fields) {
    if (field === 'sort') continue;
    const v = field === 'drill' ? drillOf(spec, f) : f[field];
    if (v === undefined || v === '' || v === 'all') continue;
    out[field] = v;
  }
  if (spec.pageSize > 0) {
    out.offset = (f.page - 1) * spec.pageSize;
    out.limit = spec.pageSize;
  }
  return out;
}

/** A download of the whole filtered answer (every page) in the reader's language: a plain link. */
export function downloadHref(path: string, spec: FilterSpec, f: Filters, lang: Lang): string {
  const { offset: _o, limit: _l, ...rest } = apiParams(spec, f);
  const params = new URLSearchParams(Object.entries(rest).map(([k, v]) => [k, String(v)]));
  params.set('lang', lang);
  return `${path}?${params.toString()}`;
}

/**
 * "2026-01-15 09:05": a time of the record as the 台账 and its files write it, in Shanghai time whatever the
 * browser's zone (China keeps UTC+8 all year).
 */
export const shanghaiDateTime = (ms: number) =>
  new Date(ms + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');

/** Pages for `total` rows; at least one, so "page 1 of 1" reads right when nothing matches. */
export const pageCount = (total: number, size: number) => Math.max(1, Math.ceil(total / size));

/** The 1-based numbers of the first and last row shown on a page (0 and 0 when there is none). */
export function shownRange(page: number, size: number, total: number): { first: number; last: number } {
  const first = (page - 1) * size + 1;
  if (total === 0 || first > total) return { first: 0, last: 0 };
  return { first, last: Math.min(total, page * size) };
}

// ── what the statistics page adds to the server's figures ─────────────────────────────────────────────────

/** Every month from the first to the last with a response, the ones without any as 0: a time axis that
 * does not hide quiet months. */
export function monthSeries(byMonth: readonly { month: string; count: number }[]) {
  if (byMonth.length === 0) return [];
  const counts = new Map(byMonth.map((m) => [m.month, m.count]));
  const sorted = [...counts.keys()].sort();
  const [fy, fm] = sorted[0]!.split('-').map(Number) as [number, number];
  const [ly, lm] = sorted.at(-1)!.split('-').map(Number) as [number, number];
  const out: { month: string; count: number }[] = [];
  const last = ly * 12 + lm - 1;
  // bounded: the latest ten years of months at most, whatever the data says
  for (let i = Math.max(fy * 12 + fm - 1, last - 119); i <= last; i++) {
    const key = `${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`;
    out.push({ month: key, count: counts.get(key) ?? 0 });
  }
  return out;
}

/** "2026-01" as a reader names the month: "2026年1月" / "Jan 2026". */
export function monthLabel(month: string, lang: Lang): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  if (lang === 'zh') return `${y}年${m}月`;
  const names = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  return `${names[m - 1] ?? m} ${y}`;
}

/**
 * A duration in words, to the minute once it is a minute or more: "不足1分钟", "12分钟", "2小时5分钟",
 * "1天3小时" / "under a minute", "12 minutes", "2 hours 5 minutes", "1 day 3 hours".
 */
export function durationWords(ms: number, lang: Lang): string {
  const minutes = Math.floor(Math.max(0, ms) / 60_000);
  const en = (n: number, one: string) => `${n} ${one}${n === 1 ? '' : 's'}`;
  if (minutes < 1) return lang === 'zh' ? '不足1分钟' : 'under a minute';
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const mins = minutes % 60;
  if (lang === 'zh') {
    if (days > 0) return `${days}天${hours > 0 ? `${hours}小时` : ''}`;
    if (hours > 0) return `${hours}小时${mins > 0 ? `${mins}分钟` : ''}`;
    return `${mins}分钟`;
  }
  if (days > 0) return hours > 0 ? `${en(days, 'day')} ${en(hours, 'hour')}` : en(days, 'day');
  if (hours > 0) return mins > 0 ? `${en(hours, 'hour')} ${en(mins, 'minute')}` : en(hours, 'hour');
  return en(mins, 'minute');
}

/** A share as a whole percentage; a share that is not 1 never rounds up to "100%", nor a non-zero one to "0%". */
export function percent(share: number): string {
  let p = Math.round(share * 100);
  if (p === 100 && share < 1) p = 99;
  if (p === 0 && share > 0) p = 1;
  return `${p}%`;
}

interface SortableUnit {
  unitId: string;
  medianAckMs: number | null;
  metShare: number | null;
}

/**
 * The unit table in the order asked for: by median time to acknowledge (fastest first, or slowest) or by
 * the share of deadlines met (best first, or worst). A unit with no value for the key comes last either way.
 */
export function sortUnits<U extends SortableUnit>(units: readonly U[], sort: UnitSort | undefined): U[] {
  if (!sort) return [...units];
  const desc = sort.endsWith('-desc');
  const key = (u: U) => (sort.startsWith('ack') ? u.medianAckMs : u.metShare);
  // met: best first by default; ack: fastest first by default
  const sign = sort.startsWith('met') ? (desc ? 1 : -1) : desc ? -1 : 1;
  return [...units].sort((a, b) => {
    const ka = key(a);
    const kb = key(b);
    if (ka === null || kb === null)
      return ka === kb ? a.unitId.localeCompare(b.unitId) : ka === null ? 1 : -1;
    return (ka - kb) * sign || a.unitId.localeCompare(b.unitId);
  });
}

interface LevelCount {
  planId: string;
  levelId: string | null;
  count: number;
}
interface PlanLevels {
  id: string;
  levels: readonly { id: string; name: { zh: string; en: string }; color: string | null }[];
}

/**
 * The bars of "by level", grouped per plan: every plan with a response, each of its levels from the lowest
 * to the highest (0 where none reached it), and "no level" last when an incident was closed without one.
 */
export function levelBars(byLevel: readonly LevelCount[], plans: readonly PlanLevels[]) {
  const planIds = [...new Set(byLevel.map((l) => l.planId))];
  const count = (planId: string, levelId: string | null) =>
    byLevel.find((l) => l.planId === planId && l.levelId === levelId)?.count ?? 0;
  return planIds.flatMap((planId) => {
    const plan = plans.find((p) => p.id === planId);
    const levels = (plan?.levels ?? []).map((l) => ({
      planId,
      levelId: l.id as string | null,
      name: l.name as { zh: string; en: string } | null,
      color: l.color,
      count: count(planId, l.id),
    }));
    // a level the plan no longer names still counts
    const known = new Set(levels.map((l) => l.levelId));
    const other = byLevel
      .filter((l) => l.planId === planId && !known.has(l.levelId))
      .map((l) => ({
        planId,
        levelId: l.levelId,
        name: l.levelId === null ? null : { zh: l.levelId, en: l.levelId },
        color: null,
        count: l.count,
      }))
      .sort((a, b) => Number(a.levelId === null) - Number(b.levelId === null));
    return [...levels, ...other];
  });
}
