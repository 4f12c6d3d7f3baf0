/**
 * A state saved before tasks recorded when they were closed: brought to today's shape, its closed tasks were
 * closed when the response ended, so the draft review judges their deadlines as the ledger and the signed
 * review (which replay the log) do.
 */
import { describe, expect, it } from 'vitest';
import { replay, upgradeState } from '../../shared/engine/apply.ts';
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

  it('reads an occurrence recorded at the report’s very instant, before `assumed` existed, as not given', () => {
    const run = new Run(plan('snow-ice'));
    run.do(declareCmd('snow-ice', 'III'), commander, T0);
    expect(run.s.assumedMilestones).toEqual(['occurred']);
    // the log as written before: the same facts without the flag
    const legacy = run.log.map((e) => {
      if (e.type !== 'MilestoneRecorded') return e;
      const { assumed: _a, ...rest } = e;
      return rest;
    });
    expect(
      replay(
        legacy,
        run.plan.levels.map((l) => l.id),
      )?.assumedMilestones,
    ).toEqual(['occurred']);
    // and a snapshot saved before: brought to today's shape
    const saved = structuredClone(run.s) as IncidentState;
    delete saved.assumedMilestones;
    expect(upgradeState(saved).assumedMilestones).toEqual(['occurred']);
    // a time given at the report is not touched
    const given = new Run(plan('snow-ice'));
    given.do(declareCmd('snow-ice', 'III', { occurredAt: T0 - HOUR }), commander, T0);
    expect(upgradeState(structuredClone(given.s)).assumedMilestones).toBeUndefined();
  });
});
