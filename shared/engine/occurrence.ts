/**
 * When the time of occurrence may still be filled in afterwards (补记事发时间): the engine refuses by these
 * rules and the incident page offers the control by the same ones, so a button is never shown only to be
 * refused.
 */
import type { IncidentState, RefusalCode } from './incident.ts';

/**
 * How long before the report a milestone may lie: a warning issued the evening before, an occurrence learnt
 * afterwards. The engine refuses earlier times and the 补记 field offers none.
 */
export const MILESTONE_LEAD_MS = 7 * 24 * 3_600_000;

/** how long after its end an incident's occurrence may still be filled in */
export const OCCURRENCE_AFTER_END_MS = 30 * 24 * 3_600_000;

/** Why the occurrence cannot be filled in now, in words; null while it can. */
export function occurrenceClosed(
  state: IncidentState,
  now: number,
): { code: RefusalCode; zh: string; en: string } | null {
  if (!state.assumedMilestones?.includes('occurred') || state.learntMilestones?.occurred !== undefined)
    return { code: 'CONFLICT', zh: '事发时间已记录', en: 'The time of occurrence is already recorded' };
  // an incident ended with no 总结评估 to sign is not reopened for ever: a month after its end at most
  if (state.status === 'terminated' && now - (state.milestones.terminated ?? now) > OCCURRENCE_AFTER_END_MS)
    return {
      code: 'PLAN_RULE',
      zh: '事件已结束超过 30 天，记录不再更改',
      en: 'The incident ended more than 30 days ago: the record no longer changes',
    };
  if (state.review?.signedAt != null)
    return {
      code: 'PLAN_RULE',
      zh: '总结评估已签发，记录不再更改',
      en: 'The review is signed: the record no longer changes',
    };
  return null;
}
