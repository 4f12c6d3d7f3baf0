/**
 * A state saved before tasks recorded when they were closed: brought to today's shape, its closed tasks were
 * closed when the response ended, so the draft review judges their deadlines as the ledger and the signed
 * review (which replay the log) do.
 */
import { describe, expect, it } from 'vitest';
import { upgradeState } from '../../shared/engine/apply.ts';
import type { IncidentState } from '../../shared/engine/incident.ts';
import { commander, declareCmd, HOUR, plan, Run, T0 } from './helpers.ts';

describe('upgradeState', () => {
  it('gives tasks closed by a termination the time the response ended', () => {
    const run = new Run(plan('snow-ice'));
    run.do(declareCmd('snow-ice', 'III'), commander, T0);
    run.do({ type: 'terminate', reason: '雪停' }, commander, T0 + HOUR);
    const saved = structuredClone(run.s) as IncidentState;
    for (const t of Object.values(saved.tasks)) if (t.status === 'closed') delete t.closedAt;
    const closed = Object.values(upgradeState(saved).tasks).filter((t) => t.status === 'closed');
    expect(closed.length).toBeGreaterThan(0);
    expect(closed.every((t) => t.closedAt === T0 + HOUR)).toBe(true);
    // a state that has them keeps them, and is not copied
    expect(upgradeState(run.s).tasks).toBe(run.s.tasks);
  });
});
