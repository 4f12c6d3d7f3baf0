/**
 * A plan's tiers as a table: one row per action, one column per level, lowest first, so an officer can
 * check the console against the paper. Built with the engine's own tier rules, not a second copy of them.
 */
import { actionsForLevel, inTier } from '../../../shared/engine/tiers.ts';
import type { Action, Plan } from '../../../shared/plans/schema.ts';

/** adds: the level introduces the action; carried: a lower tier's action still in force; superseded: a
 * higher tier restates it more strictly; none: not part of the level. */
export type TierCell = 'adds' | 'carried' | 'superseded' | 'none';

export interface TierRow {
  action: Action;
  cells: TierCell[];
}

export function tierTable(plan: Plan, phase: Action['phase'] = 'response'): TierRow[] {
  const inForce = plan.levels.map((l) => new Set(actionsForLevel(plan, l.id, {}, phase).map((a) => a.id)));
  return plan.actions
    .filter((a) => a.phase === phase)
    .map((action) => ({
      action,
      cells: plan.levels.map((level, i): TierCell => {
        if (inForce[i]!.has(action.id)) return action.level === level.id ? 'adds' : 'carried';
        return inTier(plan, action, level.id) ? 'superseded' : 'none';
      }),
    }));
}

/** How many actions each level adds, for the column headers. */
export function addedPerLevel(rows: readonly TierRow[], levels: number): number[] {
  return Array.from({ length: levels }, (_, i) => rows.filter((r) => r.cells[i] === 'adds').length);
}
