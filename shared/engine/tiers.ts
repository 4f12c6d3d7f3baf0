/**
 * Cumulative tiers: a level carries every action of the tiers below it ("在……基础上"), except actions a
 * higher tier restates more strictly (`supersedes`) and actions the plan limits to lower tiers (`upTo`).
 */
import type { Action, ActionCondition, Clock, Milestone, Plan } from '../plans/schema.ts';
import type { Readings } from './readings.ts';
import { inSeason } from './season.ts';

/** What the conditions of actions are judged against. Without a value a condition is "unknown". */
export interface Circumstances {
  readings?: Readings;
  /** the instant whose Shanghai calendar date decides seasonal actions */
  date?: number;
}

export type Applies = 'yes' | 'no' | 'unknown';

/**
 * A plan's units, actions and clocks by id, its roles and its level order, indexed once per plan: the server
 * folds and views, and every client recomputes views for each fact it folds; a linear search per task made a
 * summary cost O(tasks × items).
 */
export interface PlanIndex {
  units: ReadonlyMap<string, Plan['units'][number]>;
  actions: ReadonlyMap<string, Action>;
  clocks: ReadonlyMap<string, Clock>;
  /** the units the plan names by role (bound per incident) */
  roles: ReadonlySet<string>;
  /** the level ids, lowest first: all `apply` needs of the plan */
  levelOrder: readonly string[];
}
const indexes = new WeakMap<Plan, PlanIndex>();
export function planIndex(plan: Plan): PlanIndex {
  let index = indexes.get(plan);
  if (!index) {
    index = {
      units: new Map(plan.units.map((u) => [u.id, u])),
      actions: new Map(plan.actions.map((a) => [a.id, a])),
      clocks: new Map(plan.clocks.map((c) => [c.id, c])),
      roles: new Set(plan.units.filter((u) => u.kind === 'role').map((u) => u.id)),
      levelOrder: plan.levels.map((l) => l.id),
    };
    indexes.set(plan, index);
  }
  return index;
}

/** A unit's (or role's) name as the plan gives it, in either language; its id when the plan has none. */
export function unitName(plan: Plan, unitId: string, lang: 'zh' | 'en' = 'zh'): string {
  const unit = planIndex(plan).units.get(unitId);
  return (lang === 'zh' ? unit?.name : unit?.en) ?? unitId;
}

export function levelIndex(plan: Plan, levelId: string): number {
  return plan.levels.findIndex((l) => l.id === levelId);
}

export function levelById(plan: Plan, levelId: string) {
  return plan.levels.find((l) => l.id === levelId);
}

/** Does an item introduced at `level` (and carried up to `upTo`) belong to the tier `levelId`? */
export function inTier(
  plan: Plan,
  item: { level: string; upTo?: string | undefined },
  levelId: string,
): boolean {
  const at = levelIndex(plan, levelId);
  const top = item.upTo === undefined ? plan.levels.length - 1 : levelIndex(plan, item.upTo);
  return levelIndex(plan, item.level) <= at && at <= top;
}

export function conditionApplies(c: ActionCondition | undefined, when: Circumstances): Applies {
  if (!c) return 'yes';
  if (c.kind === 'season') {
    if (when.date === undefined) return 'unknown';
    return inSeason(when.date, c.from, c.to) ? 'yes' : 'no';
  }
  const t = when.readings?.temperatureC;
  if (typeof t !== 'number') return 'unknown';
  return (c.gte === undefined || t >= c.gte) && (c.lt === undefined || t < c.lt) ? 'yes' : 'no';
}

/** The actions in force at a level, in plan order. `phase` picks response actions or post-termination ones. */
export function actionsForLevel(
  plan: Plan,
  levelId: string,
  when: Circumstances = {},
  phase: Action['phase'] = 'response',
): Action[] {
  const inLevel = plan.actions.filter(
    (a) => a.phase === phase && inTier(plan, a, levelId) && conditionApplies(a.condition, when) !== 'no',
  );
  const superseded = new Set(inLevel.flatMap((a) => a.supersedes));
  return inLevel.filter((a) => !superseded.has(a.id));
}

export function clocksForLevel(plan: Plan, levelId: string): Clock[] {
  return plan.clocks.filter((c) => inTier(plan, c, levelId));
}

export interface LevelDiff {
  added: Action[];
  stoodDown: Action[];
  kept: Action[];
}

/** What changes when the level moves from `from` (null: nothing in force) to `to`. */
export function levelDiff(plan: Plan, from: string | null, to: string, when: Circumstances = {}): LevelDiff {
  const before = from === null ? [] : actionsForLevel(plan, from, when);
  const after = actionsForLevel(plan, to, when);
  const beforeIds = new Set(before.map((a) => a.id));
  const afterIds = new Set(after.map((a) => a.id));
  return {
    added: after.filter((a) => !beforeIds.has(a.id)),
    stoodDown: before.filter((a) => !afterIds.has(a.id)),
    kept: after.filter((a) => beforeIds.has(a.id)),
  };
}

/** Every unit an action reaches: its own units, then its working group's lead and member units. */
export function actionUnits(plan: Plan, action: Action): string[] {
  const group = action.group ? plan.groups.find((g) => g.id === action.group) : undefined;
  return [...new Set([...(group?.lead ?? []), ...(group?.members ?? []), ...action.units])];
}

/** Levels that starting `levelId` starts as well (linked tiers), the level itself first. */
export function levelsStarted(plan: Plan, levelId: string): string[] {
  const linked = plan.links.filter((l) => l.from === levelId).flatMap((l) => l.starts);
  return [levelId, ...linked.filter((l) => l !== levelId)];
}

/** Milestones the engine records itself; the others are recorded by the duty officer. */
export const ENGINE_MILESTONES: readonly Milestone[] = ['occurred', 'reported', 'declared', 'terminated'];

/** The milestone that starts a one-off clock; null for daily and yearly clocks. */
export function milestoneOf(clock: Clock): Milestone | null {
  return clock.start.kind === 'after' || clock.start.kind === 'nextDayBy' ? clock.start.milestone : null;
}
