/**
 * The record names who held a task while it was owed: binding a role to another party later, or binding a
 * role only after its tasks were closed, changes neither who did the work nor whether a task reached anyone.
 */
import { describe, expect, it } from 'vitest';
import { incidentLedger } from '../../shared/views/ledger.ts';
import { incidentReview } from '../../shared/views/review.ts';
import { statistics } from '../../shared/views/statistics.ts';
import { commander, declareCmd, duty, HOUR, MIN, plan, Run, T0 } from './helpers.ts';

const party = (name: string) => ({ kind: 'enterprise' as const, name, phone: '0533-0000000' });

describe('who held a task, as the record has it', () => {
  it('keeps the party that did the work when the role is bound to another one afterwards', () => {
    const run = new Run(plan('power-plant'));
    run.do(declareCmd('power-plant', 'IV'), commander, T0);
    run.do({ type: 'bind', role: 'plant', to: { party: party('甲电厂') } }, duty, T0 + MIN);
    const task = Object.values(run.s.tasks).find((t) => t.unitId === 'plant' && t.dueAt !== null)!;
    expect(task).toBeDefined();
    run.do({ type: 'report', taskId: task.id, note: '已报送书面报告', done: true }, duty, T0 + 2 * MIN);
    run.do({ type: 'bind', role: 'plant', to: { party: party('乙电厂') } }, duty, T0 + 3 * MIN);
    const row = incidentLedger(run.plan, run.s).find((r) => r.taskId.endsWith(task.id))!;
    expect(row.unit).toBe('事故发生单位：甲电厂');
    expect(row.onBehalfOf).toBe('甲电厂');
    expect(row.reached).toBe(true);
    // an open task of the role is now the new party's
    const open = incidentLedger(run.plan, run.s).filter((r) => r.unitId === 'plant' && r.doneAt === null);
    expect(open.length).toBeGreaterThan(0);
    expect(open.every((r) => r.unit === '事故发生单位：乙电厂')).toBe(true);
    const review = incidentReview(run.plan, run.s, run.log, T0 + 4 * MIN);
    expect(review.obligations.find((o) => o.taskId.endsWith(task.id))?.unit).toBe('事故发生单位：甲电厂');
    // the role's row names both parties that held it
    const row2 = review.units.find((u) => u.unitId === 'plant')!.unit;
    expect(row2.startsWith('事故发生单位：')).toBe(true);
    expect(row2.split('：')[1]!.split('、').sort()).toEqual(['乙电厂', '甲电厂'].sort());
  });

  it('keeps a task closed while its role was bound to no one as reaching no one, whoever is bound later', () => {
    const run = new Run(plan('power-plant'));
    run.do(declareCmd('power-plant', 'IV'), commander, T0);
    run.do({ type: 'terminate', reason: '处置完毕' }, commander, T0 + HOUR);
    const closed = Object.values(run.s.tasks).filter((t) => t.unitId === 'plant' && t.status === 'closed');
    expect(closed.length).toBeGreaterThan(0);
    const before = incidentReview(run.plan, run.s, run.log, T0 + 2 * HOUR);
    const unreachedBefore = before.problems.find(
      (p) => p.kind === 'unreached' && p.unit.startsWith('事故发生单位'),
    );
    expect(unreachedBefore).toBeDefined();
    // what the plan owes after the response still lets staff bind the role
    const bound = run.try(
      { type: 'bind', role: 'plant', to: { party: party('甲电厂') } },
      duty,
      T0 + 2 * HOUR,
    );
    expect(bound.ok).toBe(true);
    {
      const rows = incidentLedger(run.plan, run.s).filter((r) => closed.some((t) => r.taskId.endsWith(t.id)));
      expect(rows.every((r) => !r.reached && r.unit === '事故发生单位')).toBe(true);
      const after = incidentReview(run.plan, run.s, run.log, T0 + 3 * HOUR);
      expect(after.problems.some((p) => p.kind === 'unreached' && p.unit.startsWith('事故发生单位'))).toBe(
        true,
      );
      const stats = statistics(() => run.plan, [run.s], {}, T0 + 3 * HOUR);
      expect(stats.units.find((u) => u.unitId === 'plant')?.unreached).toBeGreaterThanOrEqual(closed.length);
    }
  });
});
