/** The full text of a plan (levels, criteria, actions, units, clocks), fetched once per plan and kept. */
import { useEffect, useState } from 'react';
import type { Plan } from '../../../shared/plans/schema.ts';
import { api } from '../api.ts';

const cache = new Map<string, Promise<Plan>>();

export function fetchPlan(planId: string): Promise<Plan> {
  let p = cache.get(planId);
  if (!p) {
    p = api.get<Plan>(`/api/plans/${encodeURIComponent(planId)}`);
    p.catch(() => cache.delete(planId));
    cache.set(planId, p);
  }
  return p;
}

export function usePlan(planId: string | undefined): Plan | null {
  const [plan, setPlan] = useState<Plan | null>(null);
  useEffect(() => {
    setPlan(null);
    if (!planId) return;
    let live = true;
    fetchPlan(planId)
      .then((p) => live && setPlan(p))
      .catch(() => null);
    return () => {
      live = false;
    };
  }, [planId]);
  return plan;
}
