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

/** The longest run of consecutive values strictly above a threshold. */
export function longestRunAbove(series: readonly number[], above: number): number {
  let best = 0;
  let run = 0;
  for (const v of series) {
    run = v > above ? run + 1 : 0;
    best = Math.max(best, run);
  }
  return best;
}

function indicatorsOf(p: Predicate): string[] {
  if ('all' in p) return p.all.flatMap(indicatorsOf);
  if ('any' in p) return p.any.flatMap(indicatorsOf);
  return [p.indicator];
}

/** True only when the readings show the predicate holds; a missing reading never matches. */
export function holds(p: Predicate, r: Readings): boolean {
  if ('all' in p) return p.all.every((q) => holds(q, r));
  if ('any' in p) return p.any.some((q) => holds(q, r));
  const v = r[p.indicator];
  if (v === undefined) return false;
  if ('is' in p) return v === p.is;
  if ('runAbove' in p) return Array.isArray(v) && longestRunAbove(v, p.runAbove) >= p.days;
  if ('anyAtLeast' in p) return Array.isArray(v) && v.some((x) => x >= p.anyAtLeast);
  if (typeof v !== 'number') return false;
  return (
    (p.gte === undefined || v >= p.gte) &&
    (p.gt === undefined || v > p.gt) &&
    (p.lt === undefined || v < p.lt) &&
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
