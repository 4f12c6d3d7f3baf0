/**
 * assess(plan, readings): the highest level whose criteria match, and why. A reading that fits several
 * levels gets the highest. Criteria of one level are alternatives ("凡符合下列情形之一").
 */
import type { Criterion, Plan, Predicate } from '../plans/schema.ts';
import type { Readings, ReadingValue } from './readings.ts';

export interface Reason {
  level: string;
  criterion: string;
  text: string;
  textEn: string;
  clause: string;
  /** the measured value, where the criterion reads one indicator */
  value?: ReadingValue;
  values: Readings;
}

export interface Assessment {
  level: string | null;
  reasons: Reason[];
  /** indicators the plan reads that were not given, so the officer knows what was not considered */
  notGiven: string[];
}

/**
 * 四(四) 预警调整: "当预测发生前后两次重污染过程,且间隔时间不足以完全清除前一次的污染过程,未达到解除预警条件时,
 * 应按一次重污染过程从严启动预警". The lifting condition (四(四) 预警解除) is air "改善到轻度污染及以下级别,且预测
 * 将持续 36 小时以上": AQI ≤ 150 (轻度污染 is 101–150) for 36 hours or more. On a daily series one such day
 * is 24 h and never parts two episodes; 2 or more consecutive days (48 h) do. A day at 151–200 (中度污染)
 * does not meet the condition at all, so it never parts them either.
 */
export const LIFT_AQI_AT_MOST = 150;
export const LIFT_HOURS = 36;
const LIFT_DAYS = Math.ceil(LIFT_HOURS / 24);

/**
 * The pollution processes of a daily series: the stretches left when every gap that meets the lifting
 * condition (LIFT_DAYS or more consecutive days at AQI ≤ 150) is cut out. Each keeps its own days, the
 * short gaps inside it included.
 */
export function pollutionProcesses(series: readonly number[]): number[][] {
  const processes: number[][] = [];
  let current: number[] = [];
  let clean: number[] = [];
  const close = () => {
    if (current.length > 0) processes.push(current);
    current = [];
  };
  for (const v of series) {
    if (v <= LIFT_AQI_AT_MOST) {
      clean.push(v);
      continue;
    }
    if (clean.length >= LIFT_DAYS) close();
    else if (current.length > 0) current.push(...clean);
    clean = [];
    current.push(v);
  }
  close();
  return processes;
}

/** "AQI > N 持续 M 天" within one process: the days of the process strictly above N (从严, 四(四)). */
export function daysAbove(process: readonly number[], above: number): number {
  return process.filter((v) => v > above).length;
}

function indicatorsOf(p: Predicate): string[] {
  if ('all' in p) return p.all.flatMap(indicatorsOf);
  if ('any' in p) return p.any.flatMap(indicatorsOf);
  return [p.indicator];
}

/**
 * True only when the readings show the predicate holds; a missing reading never matches. A predicate over a
 * forecast series must hold within one pollution process (四(四)): every condition of a level is judged
 * on the same process, and any process that meets them all will do.
 */
export function holds(p: Predicate, r: Readings): boolean {
  const series = [...new Set(indicatorsOf(p))].filter((k) => Array.isArray(r[k]));
  let views: Readings[] = [r];
  for (const key of series) {
    const processes = pollutionProcesses(r[key] as number[]);
    const parts = processes.length > 0 ? processes : [[]];
    views = views.flatMap((view) => parts.map((part) => ({ ...view, [key]: part })));
  }
  return views.some((view) => holdsIn(p, view));
}

function holdsIn(p: Predicate, r: Readings): boolean {
  if ('all' in p) return p.all.every((q) => holdsIn(q, r));
  if ('any' in p) return p.any.some((q) => holdsIn(q, r));
  const v = r[p.indicator];
  if (v === undefined) return false;
  if ('is' in p) return v === p.is;
  if ('runAbove' in p) return Array.isArray(v) && daysAbove(v, p.runAbove) >= p.days;
  if ('anyAtLeast' in p) return Array.isArray(v) && v.some((x) => x >= p.anyAtLeast);
  if (typeof v !== 'number') return false;
  return (
    (p.gte === undefined || v >= p.gte) &&
    (p.lt === undefined || v < p.lt) &&
    (p.gt === undefined || v > p.gt) &&
    (p.lte === undefined || v <= p.lte)
  );
}

function reasonFor(level: string, c: Criterion, r: Readings): Reason {
  const keys = [...new Set(indicatorsOf(c.when))];
  const values: Readings = {};
  for (const k of keys) {
    const v = r[k];
    if (v !== undefined) values[k] = v;
  }
  const single = keys.length === 1 && keys[0] !== undefined ? r[keys[0]] : undefined;
  return {
    level,
    criterion: c.id,
    text: c.text.zh,
    textEn: c.text.en,
    clause: c.clause,
    ...(single !== undefined ? { value: single } : {}),
    values,
  };
}

export function assess(plan: Plan, readings: Readings): Assessment {
  const notGiven = plan.indicators.map((d) => d.key).filter((k) => readings[k] === undefined);
  for (const level of [...plan.levels].reverse()) {
    const matched = level.criteria.filter((c) => holds(c.when, readings));
    if (matched.length > 0) {
      return { level: level.id, reasons: matched.map((c) => reasonFor(level.id, c, readings)), notGiven };
    }
  }
  return { level: null, reasons: [], notGiven };
}
