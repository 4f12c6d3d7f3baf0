/**
 * The ledger's rows and the statistics' unit counts are made once per incident state: asking again costs
 * only the filtering, and a new fact (a new state) is counted at once.
 */
import { describe, expect, it } from 'vitest';
import { incidentLedger, ledger } from '../../shared/views/ledger.ts';
import { statistics } from '../../shared/views/statistics.ts';
import { commander, declareCmd, MIN, plan, Run, T0, unit } from './helpers.ts';

describe('rows made once per state', () => {
  it('gives the same rows for the same state, and new ones once a fact is applied', () => {
    const run = new Run(plan('snow-ice'));
    run.do(declareCmd('snow-ice', 'III'), commander, T0);
    const first = incidentLedger(run.plan, run.s);
    expect(incidentLedger(run.plan, run.s)).toBe(first);
    const task = Object.values(run.s.tasks).find((t) => t.unitId === 'chishang')!;
    run.do({ type: 'acknowledge', taskId: task.id }, unit('chishang'), T0 + MIN);
    const after = incidentLedger(run.plan, run.s);
    expect(after).not.toBe(first);
    expect(after.find((r) => r.taskId.endsWith(task.id))).toMatchObject({ status: 'acknowledged', by: null });
    // a progress report: 责任人 is who reported it, beside the note in 备注, as for a report that completes it
    run.do(
      { type: 'report', taskId: task.id, note: '已出动人员20人', done: false },
      unit('chishang'),
      T0 + 2 * MIN,
    );
    expect(incidentLedger(run.plan, run.s).find((r) => r.taskId.endsWith(task.id))).toMatchObject({
      status: 'inProgress',
      by: 'u-chishang',
      remark: '已出动人员20人',
    });
    // a unit's rows are its own, cut from the same rows
    expect(incidentLedger(run.plan, run.s, 'chishang').every((r) => r.unitId === 'chishang')).toBe(true);
    expect(ledger(() => run.plan, [run.s], {}).map((r) => r.no)).toEqual(after.map((_, i) => i + 1));
    expect(after.find((r) => r.taskId.endsWith(task.id))?.status).toBe('acknowledged');
  });

  it('counts a unit’s acknowledgement in the statistics as soon as its state changes', () => {
    const run = new Run(plan('snow-ice'));
    run.do(declareCmd('snow-ice', 'III'), commander, T0);
    const before = statistics(() => run.plan, [run.s], {}, T0 + MIN);
    expect(before.units.find((u) => u.unitId === 'chishang')?.acknowledged).toBe(0);
    const task = Object.values(run.s.tasks).find((t) => t.unitId === 'chishang')!;
    run.do({ type: 'acknowledge', taskId: task.id }, unit('chishang'), T0 + 2 * MIN);
    const after = statistics(() => run.plan, [run.s], {}, T0 + 2 * MIN);
    expect(after.units.find((u) => u.unitId === 'chishang')).toMatchObject({
      acknowledged: 1,
      medianAckMs: 2 * MIN,
    });
  });
});
