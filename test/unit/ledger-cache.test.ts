/**
 * The ledger's rows and the statistics' unit counts are made once per incident state: asking again costs
 * only the filtering, and a new fact (a new state) is counted at once.
 */
import { describe, expect, it } from 'vitest';
import { incidentLedger, ledger } from '../../shared/views/ledger.ts';
import { statistics } from '../../shared/views/statistics.ts';
import { commander, declareCmd, duty, HOUR, MIN, plan, Run, T0, unit } from './helpers.ts';

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

  it('names who reported on this assignment only: a task assigned again keeps older notes that are not about it', () => {
    // which tasks of Ⅱ a step down to Ⅲ stands down, found on a scratch run
    const scratch = new Run(plan('snow-ice'));
    scratch.do(declareCmd('snow-ice', 'II'), commander, T0);
    scratch.do({ type: 'changeLevel', levelId: 'III', reason: '雪势减弱' }, duty, T0 + HOUR);
    const retired = Object.values(scratch.s.tasks).find(
      (t) => t.status === 'stoodDown' && !t.unitId.startsWith('incident'),
    )!;
    expect(retired).toBeDefined();
    // the same response, the unit reporting on that task while it was owed
    const run = new Run(plan('snow-ice'));
    run.do(declareCmd('snow-ice', 'II'), commander, T0);
    run.do(
      { type: 'report', taskId: retired.id, note: '第一轮出动', done: false },
      unit(retired.unitId),
      T0 + MIN,
    );
    run.do({ type: 'changeLevel', levelId: 'III', reason: '雪势减弱' }, duty, T0 + HOUR);
    run.do({ type: 'changeLevel', levelId: 'II', reason: '雪势再起' }, duty, T0 + 2 * HOUR);
    const again = run.s.tasks[retired.id]!;
    expect(again.status).toBe('assigned');
    expect(again.notes.map((n) => n.text)).toEqual(['第一轮出动']);
    // no report in this round: no one named, no note shown, whatever an earlier round held
    const row = () => incidentLedger(run.plan, run.s).find((r) => r.taskId.endsWith(retired.id))!;
    expect(row()).toMatchObject({ status: 'assigned', by: null, remark: '' });
    run.do(
      { type: 'report', taskId: retired.id, note: '再次出动', done: false },
      unit(retired.unitId),
      T0 + 3 * HOUR,
    );
    expect(row()).toMatchObject({ by: `u-${retired.unitId}`, remark: '再次出动' });
  });
});
