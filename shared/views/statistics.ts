/**
 * Statistics for leaders, counted over the record: responses by plan, by the highest level reached and by
 * month; per unit, how fast it acknowledged and what share of its deadlines it met. Every figure is a count
 * over incident states folded from the log, so a test can count the log and get the same numbers.
 */
import { clocks } from '../engine/clocks.ts';
import type { IncidentState } from '../engine/incident.ts';
import { isRetired, taskReached } from '../engine/progress.ts';
import { levelById, unitName } from '../engine/tiers.ts';
import { dayKey } from '../engine/time.ts';
import type { Plan } from '../plans/schema.ts';
import { incidentMatches, type LedgerQuery } from './ledger.ts';

export type StatisticsQuery = Pick<LedgerQuery, 'planId' | 'from' | 'to' | 'drill'>;

/** The middle value (the mean of the two middle ones for an even count); null for none. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

interface UnitTally {
  unitId: string;
  unit: string;
  unitEn: string;
  incidents: Set<string>;
  tasks: number;
  ackTimes: number[];
  deadlines: number;
  met: number;
  metLate: number;
  missed: number;
  unreached: number;
}

/** One unit's part in one incident. */
type UnitPart = Omit<UnitTally, 'incidents'>;

/**
 * One incident's units, counted once per state and minute: a state is replaced, never changed, when a fact
 * is applied, so a leader asking again (or for other dates) counts only what changed since. The minute is
 * there because an open deadline falls overdue with time alone.
 */
const parts = new WeakMap<IncidentState, { minute: number; units: UnitPart[] }>();

function unitParts(plan: Plan, s: IncidentState, now: number): UnitPart[] {
  const minute = Math.floor(now / 60_000);
  const cached = parts.get(s);
  if (cached?.minute === minute) return cached.units;
  const units = new Map<string, UnitPart>();
  const tally = (unitId: string) => {
    let u = units.get(unitId);
    if (!u) {
      u = {
        unitId,
        unit: unitName(plan, unitId),
        unitEn: unitName(plan, unitId, 'en'),
        tasks: 0,
        ackTimes: [],
        deadlines: 0,
        met: 0,
        metLate: 0,
        missed: 0,
        unreached: 0,
      };
      units.set(unitId, u);
    }
    return u;
  };
  for (const t of Object.values(s.tasks)) {
    if (isRetired(t)) continue;
    const u = tally(t.unitId);
    u.tasks += 1;
    if (!taskReached(plan, s, t)) u.unreached += 1;
    if (t.acknowledgedAt !== undefined) u.ackTimes.push(t.acknowledgedAt - t.assignedAt);
  }
  // a deadline counts once its outcome is known: met, met late, or passed undone (missed or overdue);
  // one closed by termination before it fell due was never tested and is left out
  for (const o of clocks(plan, s, minute * 60_000).obligations) {
    const u = tally(o.unitId);
    if (o.status === 'met') u.met += 1;
    else if (o.status === 'metLate') u.metLate += 1;
    else if (o.status === 'missed' || o.status === 'overdue') u.missed += 1;
    else continue;
    u.deadlines += 1;
  }
  const out = [...units.values()];
  parts.set(s, { minute, units: out });
  return out;
}

export function statistics(
  planOf: (planId: string) => Plan | undefined,
  states: Iterable<IncidentState>,
  q: StatisticsQuery,
  now: number,
) {
  const byPlan = new Map<string, { planId: string; title: { zh: string; en: string }; count: number }>();
  const byLevel = new Map<
    string,
    { planId: string; levelId: string | null; name: { zh: string; en: string } | null; count: number }
  >();
  const byMonth = new Map<string, number>();
  const units = new Map<string, UnitTally>();
  let incidents = 0;
  for (const s of states) {
    const plan = planOf(s.planId);
    if (!plan || !incidentMatches(s, q)) continue;
    incidents += 1;
    const p = byPlan.get(plan.id) ?? { planId: plan.id, title: plan.title, count: 0 };
    p.count += 1;
    byPlan.set(plan.id, p);
    const levelKey = `${plan.id}/${s.highestLevel ?? ''}`;
    const l = byLevel.get(levelKey) ?? {
      planId: plan.id,
      levelId: s.highestLevel,
      name: s.highestLevel ? (levelById(plan, s.highestLevel)?.name ?? null) : null,
      count: 0,
    };
    l.count += 1;
    byLevel.set(levelKey, l);
    const month = dayKey(s.openedAt).slice(0, 7);
    byMonth.set(month, (byMonth.get(month) ?? 0) + 1);
    for (const part of unitParts(plan, s, now)) {
      const u = units.get(part.unitId) ?? {
        ...part,
        ackTimes: [],
        incidents: new Set<string>(),
        tasks: 0,
        deadlines: 0,
        met: 0,
        metLate: 0,
        missed: 0,
        unreached: 0,
      };
      u.incidents.add(s.id);
      u.tasks += part.tasks;
      u.ackTimes.push(...part.ackTimes);
      u.deadlines += part.deadlines;
      u.met += part.met;
      u.metLate += part.metLate;
      u.missed += part.missed;
      u.unreached += part.unreached;
      units.set(part.unitId, u);
    }
  }
  return {
    query: q,
    incidents,
    byPlan: [...byPlan.values()].sort((a, b) => b.count - a.count || a.planId.localeCompare(b.planId)),
    byLevel: [...byLevel.values()].sort(
      (a, b) => a.planId.localeCompare(b.planId) || (a.levelId ?? '').localeCompare(b.levelId ?? ''),
    ),
    byMonth: [...byMonth.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([month, count]) => ({ month, count })),
    units: [...units.values()]
      .map((u) => ({
        unitId: u.unitId,
        unit: u.unit,
        unitEn: u.unitEn,
        incidents: u.incidents.size,
        tasks: u.tasks,
        acknowledged: u.ackTimes.length,
        medianAckMs: median(u.ackTimes),
        deadlines: u.deadlines,
        met: u.met,
        metLate: u.metLate,
        missed: u.missed,
        unreached: u.unreached,
        /** met on time ÷ deadlines whose outcome is known; null with none */
        metShare: u.deadlines > 0 ? u.met / u.deadlines : null,
      }))
      .sort((a, b) => b.tasks - a.tasks || a.unitId.localeCompare(b.unitId)),
  };
}
export type Statistics = ReturnType<typeof statistics>;
