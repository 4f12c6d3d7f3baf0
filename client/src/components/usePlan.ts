/**
 * The full text of a plan (levels, criteria, actions, units, clocks): the live client loads every plan at
 * start; before that (or for a plan it did not load) it is fetched once per plan and kept.
 */
import { useEffect, useState } from 'react';
import type { Plan } from '../../../shared/plans/schema.ts';
import { call } from '../live/page.ts';
import { useConsole } from '../store/index.ts';

const cache = new Map<string, Promise<Plan>>();

export function fetchPlan(planId: string): Promise<Plan> {
  let p = cache.get(planId);
  if (!p) {
    p = call('plan', { planId });
    p.catch(() => cache.delete(planId));
    cache.set(planId, p);
  }
  return p;
}

export function usePlan(planId: string | undefined): Plan | null {
  const held = useConsole((s) => (planId ? s.fullPlans[planId] : undefined));
  const [plan, setPlan] = useState<Plan | null>(null);
  useEffect(() => {
    setPlan(null);
    if (!planId || held) return;
    let live = true;
    fetchPlan(planId)
      .then((p) => live && setPlan(p))
      .catch(() => null);
    return () => {
      live = false;
    };
  }, [planId, held]);
  return held ?? plan;
}
