/** Plain descriptions of a level's tasks and clocks, for the CLI, the API and the plan browser. */
import type { Action, Clock, Plan } from '../plans/schema.ts';
import { actionsForLevel, actionUnits, type Circumstances, conditionApplies, unitName } from './tiers.ts';

const unitEn = (plan: Plan, id: string) => unitName(plan, id, 'en');

/** One name, or the list of names when several units share the item. */
function unitField(names: string[]): string | string[] {
  return names.length === 1 && names[0] !== undefined ? names[0] : names;
}

export function describeAction(plan: Plan, action: Action, when: Circumstances = {}) {
  const unitIds = actionUnits(plan, action);
  const group = plan.groups.find((g) => g.id === action.group);
  return {
    id: action.id,
    level: action.level,
    unit: unitField(unitIds.map((u) => unitName(plan, u))),
    unitEn: unitField(unitIds.map((u) => unitEn(plan, u))),
    unitIds,
    ...(group ? { group: group.name, groupLead: group.lead.map((u) => unitName(plan, u)) } : {}),
    title: action.title.zh,
    titleEn: action.title.en,
    clause: action.clause,
    detail: action.detail,
    phase: action.phase,
    ...(action.condition
      ? {
          condition: {
            text: action.condition.label.zh,
            clause: action.condition.clause,
            applies: conditionApplies(action.condition, when),
          },
        }
      : {}),
    ...(action.supersedes.length > 0 ? { supersedes: action.supersedes } : {}),
  };
}

/** The tasks of a level, cumulative over the lower tiers, in plan order; response then post-termination. */
export function describeTasks(plan: Plan, levelId: string, when: Circumstances = {}) {
  return [...actionsForLevel(plan, levelId, when), ...actionsForLevel(plan, levelId, when, 'after')].map(
    (a) => describeAction(plan, a, when),
  );
}

export function describeClock(plan: Plan, clock: Clock) {
  const s = clock.start;
  const starts =
    s.kind === 'daily'
      ? { kind: s.kind, time: s.time, zone: 'Asia/Shanghai' }
      : s.kind === 'yearly'
        ? { kind: s.kind, month: s.month, day: s.day }
        : s.kind === 'nextDayBy'
          ? { kind: s.kind, milestone: s.milestone, time: s.time, zone: 'Asia/Shanghai' }
          : { kind: s.kind, milestone: s.milestone, offset: s.offset };
  return {
    id: clock.id,
    level: clock.level,
    ...(clock.upTo ? { upTo: clock.upTo } : {}),
    title: clock.title.zh,
    titleEn: clock.title.en,
    clause: clock.clause,
    unit: unitField(clock.owedBy.map((u) => unitName(plan, u))),
    unitEn: unitField(clock.owedBy.map((u) => unitEn(plan, u))),
    unitIds: clock.owedBy,
    starts,
    ...(clock.note ? { note: clock.note.zh } : {}),
  };
}
