/**
 * History: every incident the viewer may see, newest first, searched by words (title, report, place) and
 * filtered as the ledger is (plan, level reached, dates, real or drill), a page at a time.
 */
import type { IncidentState } from '../engine/incident.ts';
import type { Plan } from '../plans/schema.ts';
import { incidentSummary } from './incident.ts';
import { incidentMatches, type LedgerQuery } from './ledger.ts';
import { placeText } from './review.ts';
import type { Viewer } from './viewer.ts';

export interface HistoryQuery extends Omit<LedgerQuery, 'incidentId' | 'unitId'> {
  /** words to find in the title, the first report or the place */
  text?: string | undefined;
  status?: IncidentState['status'] | undefined;
  offset: number;
  limit: number;
}

export function history(
  planOf: (planId: string) => Plan | undefined,
  states: Iterable<IncidentState>,
  q: HistoryQuery,
  viewer: Viewer,
) {
  const words = (q.text ?? '').toLowerCase().split(/\s+/).filter(Boolean);
  const found: { plan: Plan; state: IncidentState }[] = [];
  for (const state of states) {
    const plan = planOf(state.planId);
    if (!plan || !incidentMatches(state, q)) continue;
    if (q.status !== undefined && state.status !== q.status) continue;
    if (words.length > 0) {
      const hay = [state.title, state.summary, placeText(plan, state.place) ?? '', plan.title.zh, state.id]
        .join(' ')
        .toLowerCase();
      if (!words.every((w) => hay.includes(w))) continue;
    }
    found.push({ plan, state });
  }
  found.sort((a, b) => b.state.openedAt - a.state.openedAt || a.state.id.localeCompare(b.state.id));
  return {
    total: found.length,
    offset: q.offset,
    items: found
      .slice(q.offset, q.offset + q.limit)
      .map(({ plan, state }) => incidentSummary(plan, state, viewer)),
  };
}
export type HistoryPage = ReturnType<typeof history>;
