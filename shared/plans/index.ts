/**
 * The four plans, parsed by the one schema and cross-checked when this module loads: a plan file with a
 * broken reference stops the program at start-up instead of sending a town the wrong orders.
 */
import { checkPlan } from './check.ts';
import { heavyPollution } from './heavy-pollution.ts';
import { powerPlant } from './power-plant.ts';
import { ruralWater } from './rural-water.ts';
import { Plan, type PlanId, type PlanInput } from './schema.ts';
import { snowIce } from './snow-ice.ts';

export const PLAN_INPUTS: readonly PlanInput[] = [snowIce, ruralWater, powerPlant, heavyPollution];

export function loadPlan(input: unknown): Plan {
  const plan = Plan.parse(input);
  const problems = checkPlan(plan);
  if (problems.length > 0) throw new Error(`plan ${plan.id} is inconsistent:\n${problems.join('\n')}`);
  return plan;
}

export const PLANS: readonly Plan[] = PLAN_INPUTS.map(loadPlan);

export function planById(id: string): Plan | undefined {
  return PLANS.find((p) => p.id === id);
}

export const isPlanId = (id: string): id is PlanId => PLANS.some((p) => p.id === id);
