/**
 * The record tells what happened: how tasks and deadlines end (done on time or late, closed undone by
 * termination, stood down by a lower level), how the counts read, what runs from the first report, and that
 * every task reaches someone.
 */
import { describe, expect, it } from 'vitest';
import { upgradeState } from '../../shared/engine/apply.ts';
import { clocks, type ObligationStatus } from '../../shared/engine/clocks.ts';
import type { IncidentState, Task } from '../../shared/engine/incident.ts';
import { reaches, taskCounts } from '../../shared/engine/progress.ts';
import { atTimeOfDay } from '../../shared/engine/time.ts';
import { PLANS } from '../../shared/plans/index.ts';
import { incidentDetail } from '../../shared/views/incident.ts';
import { incidentReview } from '../../shared/views/review.ts';
import {
  commander,
  declareCmd,
  director,
  duty,
  HOUR,
  leader,
  MIN,
  plan,
  Run,
  scheduler,
  T0,
  unit,
} from './helpers.ts';

const refusal = (d: ReturnType<Run['try']>) => (d.ok ? 'ok' : d.refusal.code);

/** Snow Ⅲ declared at T0, snowfall ended at T0: the 12-hour clearance clock runs to T0 + 12 h. */
function snowWithClearance() {
  const run = new Run(plan('snow-ice'));
  run.do(declareCmd('snow-ice', 'III'), duty, T0);
  run.do({ type: 'recordMilestone', milestone: 'snowfallEnded', at: T0 }, duty, T0);
  const clearance = run.tasks().filter((t) => t.source.kind === 'clock' && t.dueAt === T0 + 12 * HOUR);
  expect(clearance.length).toBeGreaterThanOrEqual(2);
  return { run, clearance };
}

const obligation = (run: Run, taskId: string, now: number): ObligationStatus | undefined =>
  clocks(run.plan, run.s, now).obligations.find((o) => o.taskId === taskId)?.status;

const counts = (run: Run) => taskCounts(Object.values(run.s.tasks), (u) => reaches(run.plan, run.s, u));

describe('how a task and its deadline end', () => {
  it.each<[string, (run: Run, t: Task) => void, Task['status'], ObligationStatus]>([
    [
      'done before the deadline, then terminated: met',
      (run, t) =>
        run.do({ type: 'report', taskId: t.id, note: '已清扫', done: true }, unit(t.unitId), T0 + HOUR),
      'done',
      'met',
    ],
    [
      'done after the deadline: met late',
      (run, t) => {
        run.do({ type: 'tick' }, scheduler, T0 + 13 * HOUR);
        run.do({ type: 'report', taskId: t.id, note: '已清扫', done: true }, unit(t.unitId), T0 + 14 * HOUR);
      },
      'done',
      'metLate',
    ],
    [
      'acknowledged, never done, terminated before the deadline: closed undone, not met',
      (run, t) => run.do({ type: 'acknowledge', taskId: t.id }, unit(t.unitId), T0 + HOUR),
      'closed',
      'closedUndone',
    ],
    [
      'never acknowledged, terminated before the deadline: closed undone',
      () => undefined,
      'closed',
      'closedUndone',
    ],
    [
      'overdue and never done, then terminated: missed',
      (run) => run.do({ type: 'tick' }, scheduler, T0 + 13 * HOUR),
      'closed',
      'missed',
    ],
  ])('%s', (_name, act, status, deadline) => {
    const { run, clearance } = snowWithClearance();
    const task = clearance[0] as Task;
    act(run, task);
    const end = Math.max(T0 + 2 * HOUR, run.log.at(-1)?.at ?? T0);
    run.do({ type: 'terminate', reason: '降雪结束，道路畅通' }, duty, end);
    expect(run.s.tasks[task.id]?.status).toBe(status);
    expect(obligation(run, task.id, end + 48 * HOUR)).toBe(deadline);
    if (status === 'closed') expect(run.s.tasks[task.id]?.closedAt).toBe(end);
  });

  it('counts as every screen counts: closed and stood down are never done, a closed late task is missed', () => {
    const v = (status: Task['status'], extra: Partial<Task> = {}) =>
      ({ unitId: 'u', status, dueAt: null, ...extra }) as Task;
    expect(
      taskCounts(
        [
          v('done', { acknowledgedAt: 1, dueAt: 10, doneAt: 5 }),
          v('done', { acknowledgedAt: 1, dueAt: 10, doneAt: 15 }),
          v('closed', { acknowledgedAt: 1, dueAt: 10, closedAt: 5 }),
          v('closed', { dueAt: 10, closedAt: 20 }), // closed unacknowledged after its deadline: missed
          v('acknowledged', { acknowledgedAt: 1, overdueAt: 11, dueAt: 10 }),
          v('assigned', { unitId: 'role' }),
          v('stoodDown', { acknowledgedAt: 1, dueAt: 10, overdueAt: 11, closedAt: 12 }),
          v('moved'),
        ],
        (u) => u !== 'role',
      ),
    ).toEqual({
      tasks: 6,
      open: 2,
      acknowledged: 4,
      done: 2,
      doneLate: 1,
      closedUndone: 2,
      overdue: 1,
      missed: 2,
      unreached: 1,
      stoodDown: 1,
    });
  });

  it('a terminated response counts closed-undone work apart from acknowledged and done work', () => {
    const { run, clearance } = snowWithClearance();
    const [first, second] = clearance as [Task, Task];
    run.do({ type: 'acknowledge', taskId: first.id }, unit(first.unitId), T0 + MIN);
    run.do({ type: 'report', taskId: second.id, note: '已完成', done: true }, unit(second.unitId), T0 + MIN);
    run.do({ type: 'terminate', reason: '结束' }, duty, T0 + 10 * MIN);
    const c = counts(run);
    expect(c.acknowledged).toBe(2);
    expect(c.done).toBe(1);
    // what runs from the report (the weather bureau's daily forecast) stays owed; everything else is closed
    const reports = run.tasks().filter((t) => t.phase === 'report');
    expect(reports.length).toBeGreaterThan(0);
    expect(c.open).toBe(reports.filter((t) => t.status === 'assigned').length);
    expect(c.closedUndone).toBe(c.tasks - 1 - c.open);
    // nothing closed by termination is reported as met
    const statuses = clocks(run.plan, run.s, T0 + 20 * MIN).obligations.map((o) => o.status);
    expect(statuses.filter((s) => s === 'met')).toHaveLength(1);
    expect(statuses).toContain('closedUndone');
  });

  it('lowering the level stands down open work; a deadline it had already missed stays missed', () => {
    const run = new Run(plan('snow-ice'));
    run.do(declareCmd('snow-ice', 'II'), duty, T0);
    run.do({ type: 'recordMilestone', milestone: 'snowfallEnded', at: T0 }, duty, T0);
    const heavy = run.tasks().filter((t) => t.dueAt === T0 + 24 * HOUR);
    expect(heavy.length).toBeGreaterThan(0);
    run.do({ type: 'changeLevel', levelId: 'III', reason: '雪势减弱' }, duty, T0 + HOUR);
    for (const t of heavy) {
      expect(run.s.tasks[t.id]?.status).toBe('stoodDown');
      expect(run.s.tasks[t.id]?.closedAt).toBe(T0 + HOUR);
      // stood down before its deadline: no longer owed, so not listed as an obligation at all
      expect(obligation(run, t.id, T0 + 2 * HOUR)).toBeUndefined();
    }
    expect(counts(run).stoodDown).toBeGreaterThanOrEqual(heavy.length);

    const late = new Run(plan('snow-ice'));
    late.do(declareCmd('snow-ice', 'II'), duty, T0);
    late.do({ type: 'recordMilestone', milestone: 'snowfallEnded', at: T0 }, duty, T0);
    late.do({ type: 'tick' }, scheduler, T0 + 25 * HOUR);
    late.do({ type: 'changeLevel', levelId: 'III', reason: '雪势减弱' }, duty, T0 + 26 * HOUR);
    const missed = late.tasks('stoodDown').filter((t) => t.dueAt === T0 + 24 * HOUR);
    expect(missed.length).toBeGreaterThan(0);
    for (const t of missed) expect(obligation(late, t.id, T0 + 27 * HOUR)).toBe('missed');
  });

  it('a task closed by termination cannot be reported afterwards', () => {
    const { run, clearance } = snowWithClearance();
    run.do({ type: 'terminate', reason: '结束' }, duty, T0 + HOUR);
    const t = clearance[0] as Task;
    expect(
      refusal(
        run.try({ type: 'report', taskId: t.id, note: '补报', done: true }, unit(t.unitId), T0 + 2 * HOUR),
      ),
    ).toBe('PLAN_RULE');
  });
});

const openCmd = (planId = 'power-plant', extra: object = {}) =>
  ({ type: 'open', incidentId: 'inc-1', planId, title: '接报测试', occurredAt: T0, ...extra }) as never;

describe('an incident begins at the first report', () => {
  it('opening records the occurrence and the report, and no level', () => {
    const run = new Run(plan('power-plant'));
    run.do(openCmd('power-plant', { occurredAt: T0 - 5 * MIN, summary: '某电厂锅炉爆管' }), duty, T0);
    expect(run.s.status).toBe('open');
    expect(run.s.level).toBeNull();
    expect(run.s.summary).toBe('某电厂锅炉爆管');
    expect(run.s.milestones).toMatchObject({ occurred: T0 - 5 * MIN, reported: T0 });
    expect(run.s.assumedMilestones).toBeUndefined();
    expect(incidentReview(run.plan, run.s, run.log, T0).basics.occurredAt).toBe(T0 - 5 * MIN);
  });

  it('an occurrence nobody gave starts the clocks at the report but is recorded as not given', () => {
    const run = new Run(plan('power-plant'));
    run.do(openCmd('power-plant', { occurredAt: undefined }), duty, T0);
    // the 10-minute report still falls due: its clock runs from the report's time
    expect(run.s.milestones).toMatchObject({ occurred: T0, reported: T0 });
    expect(run.tasks().some((t) => t.dueAt === T0 + 10 * MIN)).toBe(true);
    // but the record does not present the report's time as the occurrence
    expect(run.s.assumedMilestones).toEqual(['occurred']);
    expect(run.log.find((e) => e.type === 'MilestoneRecorded' && e.milestone === 'occurred')).toMatchObject({
      assumed: true,
    });
    const review = incidentReview(run.plan, run.s, run.log, T0);
    expect(review.basics.occurredAt).toBeNull();
    expect(review.basics.reportedAt).toBe(T0);
    expect(
      incidentDetail(run.plan, run.s, { id: 'duty-1', role: 'duty', unitId: null }, T0).incident
        .assumedMilestones,
    ).toEqual(['occurred']);
  });

  it('the occurrence learnt later is recorded once, before the report, and moves no deadline', () => {
    const run = new Run(plan('power-plant'));
    run.do(openCmd('power-plant', { occurredAt: undefined }), duty, T0);
    const due = Object.fromEntries(run.tasks().map((t) => [t.id, t.dueAt]));
    const give = (at: number, actor = duty, now = T0 + 20 * MIN) =>
      run.try(
        { type: 'recordMilestone', incidentId: 'inc-1', milestone: 'occurred', at } as never,
        actor,
        now,
      );
    // after the report, or more than a week before it: refused, nothing written
    expect(refusal(give(T0 + MIN))).toBe('INVALID');
    expect(refusal(give(T0 - 8 * 24 * HOUR))).toBe('INVALID');
    expect(refusal(give(T0 - 15 * MIN, leader))).toBe('FORBIDDEN');
    expect(run.s.assumedMilestones).toEqual(['occurred']);
    // the page offers it to staff while the engine would take it, and to no unit
    const open = (viewer: { id: string; role: 'duty' | 'unit'; unitId: string | null }) =>
      incidentDetail(run.plan, run.s, viewer, T0 + 20 * MIN).incident.occurrenceOpen;
    expect(open({ id: 'duty-1', role: 'duty', unitId: null })).toBe(true);
    expect(open({ id: 'u-zichuan', role: 'unit', unitId: 'zichuan' })).toBe(false);
    expect(refusal(give(T0 - 15 * MIN))).toBe('ok');
    expect(open({ id: 'duty-1', role: 'duty', unitId: null })).toBe(false);
    // the record's time; the clocks keep the report's time they ran from
    expect(run.s.learntMilestones).toEqual({ occurred: T0 - 15 * MIN });
    expect(run.s.milestones.occurred).toBe(T0);
    expect(incidentReview(run.plan, run.s, run.log, T0 + 20 * MIN).basics.occurredAt).toBe(T0 - 15 * MIN);
    expect(
      incidentDetail(run.plan, run.s, { id: 'duty-1', role: 'duty', unitId: null }, T0).incident.occurredAt,
    ).toBe(T0 - 15 * MIN);
    // the deadlines the office worked to stay as assigned
    expect(Object.fromEntries(run.tasks().map((t) => [t.id, t.dueAt]))).toEqual(due);
    // and a task moved to a new holder of its role afterwards keeps them too
    const county = run.tasks().filter((t) => t.unitId === 'incident-county');
    expect(county.length).toBeGreaterThan(0);
    run.do(
      { type: 'bind', role: 'incident-county', to: { unitId: 'zichuan' } } as never,
      duty,
      T0 + 21 * MIN,
    );
    for (const t of county) {
      const moved = Object.values(run.s.tasks).find(
        (x) => x.unitId === 'zichuan' && x.id.startsWith(t.id.split('@')[0]!),
      );
      expect(moved?.dueAt, t.id).toBe(t.dueAt);
    }

    // given once: a second time is a conflict, as for a time given at the report
    expect(refusal(give(T0 - 10 * MIN))).toBe('CONFLICT');
  });

  it('an occurrence given at the report is not given again', () => {
    const run = new Run(plan('snow-ice'));
    run.do(openCmd('snow-ice', { occurredAt: T0 - 5 * MIN }), duty, T0);
    const d = run.try(
      { type: 'recordMilestone', incidentId: 'inc-1', milestone: 'occurred', at: T0 - 9 * MIN } as never,
      duty,
      T0 + MIN,
    );
    expect(refusal(d)).toBe('CONFLICT');
    expect(run.s.milestones.occurred).toBe(T0 - 5 * MIN);
  });

  it.each(Object.values(PLANS).map((p) => [p.id]))(
    '%s: the clocks that run before any level are tasks from the report, and only those',
    (planId) => {
      const p = plan(planId);
      const run = new Run(p);
      run.do(openCmd(planId, { occurredAt: T0 - 5 * MIN }), duty, T0);
      const expected = p.clocks.filter(
        (c) =>
          c.beforeLevel &&
          (c.start.kind === 'daily' ||
            (c.start.kind === 'after' && ['occurred', 'reported'].includes(c.start.milestone))),
      );
      const got = [...new Set(run.tasks().map((t) => (t.source.kind === 'clock' ? t.source.clockId : t.id)))];
      expect(got.sort()).toEqual(expected.map((c) => c.id).sort());
      for (const t of run.tasks()) {
        const c = expected.find((x) => t.source.kind === 'clock' && x.id === t.source.clockId);
        const start = c?.start;
        if (start?.kind === 'daily') {
          expect(t.dueAt).toBe(atTimeOfDay(T0, start.time));
          continue;
        }
        if (start?.kind !== 'after') throw new Error('not an after clock');
        const at = start.milestone === 'occurred' ? T0 - 5 * MIN : T0;
        const off = start.offset;
        const ms = (off.minutes ?? 0) * MIN + (off.hours ?? 0) * HOUR;
        expect(t.dueAt).toBe(at + ms);
      }
    },
  );

  it('power plant: the 10/30/50-minute reports run from the accident while the level waits for a signature', () => {
    const run = new Run(plan('power-plant'));
    run.do(declareCmd('power-plant', 'III', { occurredAt: T0 - 5 * MIN }), duty, T0);
    expect(run.s.status).toBe('proposed');
    const early = run.tasks().filter((t) => t.dueAt === T0 + 5 * MIN);
    expect(early.length).toBeGreaterThan(0);
    // overdue before the signature, and seen as such
    run.do({ type: 'tick' }, scheduler, T0 + 6 * MIN);
    expect(early.every((t) => run.s.tasks[t.id]?.overdueAt === T0 + 6 * MIN)).toBe(true);
    run.do({ type: 'approve' }, commander, T0 + 15 * MIN);
    expect(early.every((t) => run.s.tasks[t.id]?.assignedAt === T0)).toBe(true);
  });

  it('a proposal is withdrawn by whoever made it, and only by them', () => {
    const run = new Run(plan('power-plant'));
    run.do(declareCmd('power-plant', 'III'), duty, T0);
    expect(refusal(run.try({ type: 'withdraw' }, { ...duty, userId: 'duty-2' }, T0 + MIN))).toBe('FORBIDDEN');
    expect(refusal(run.try({ type: 'withdraw' }, commander, T0 + MIN))).toBe('FORBIDDEN');
    run.do({ type: 'withdraw', reason: '信息有误' }, duty, T0 + MIN);
    expect(run.s.status).toBe('open');
    expect(run.s.pending).toBeNull();
    expect(refusal(run.try({ type: 'withdraw' }, duty, T0 + 2 * MIN))).toBe('CONFLICT');
    // graded again: declared on the open incident, the same one
    run.do({ type: 'declare', incidentId: 'inc-1', levelId: 'IV' }, duty, T0 + 3 * MIN);
    expect(run.s.status).toBe('active');
    expect(run.s.level).toBe('IV');
  });

  it('a rejected first level leaves the incident open; an open incident is closed with a reason', () => {
    const run = new Run(plan('power-plant'));
    run.do(declareCmd('power-plant', 'III'), duty, T0);
    run.do({ type: 'reject', reason: '达不到较大事故' }, commander, T0 + MIN);
    expect(run.s.status).toBe('open');
    expect(refusal(run.try({ type: 'changeLevel', levelId: 'IV', reason: 'x' }, duty, T0 + 2 * MIN))).toBe(
      'PLAN_RULE',
    );
    expect(refusal(run.try({ type: 'terminate', reason: ' ' }, duty, T0 + 2 * MIN))).toBe('INVALID');
    run.do({ type: 'terminate', reason: '经核实不启动响应' }, duty, T0 + 2 * MIN);
    expect(run.s.status).toBe('terminated');
    // the accident's reports (4.2.2, 3.3) are owed whether or not a response starts: closing does not release them
    const open = run.tasks().filter((t) => t.status === 'assigned');
    expect(open.length).toBeGreaterThan(0);
    expect(open.every((t) => t.phase === 'report')).toBe(true);
  });

  it('a milestone already known at the report starts its clock at once; one the plan does not use is refused', () => {
    const run = new Run(plan('snow-ice'));
    run.do(openCmd('snow-ice', { milestones: { snowWarningIssued: T0 - 10 * MIN } }), duty, T0);
    const broadcast = run
      .tasks()
      .filter((t) => t.source.kind === 'clock' && t.source.clockId === 'operators-30min');
    expect(broadcast.length).toBe(3);
    expect(broadcast.every((t) => t.dueAt === T0 + 20 * MIN)).toBe(true);
    const other = new Run(plan('snow-ice'));
    expect(refusal(other.try(openCmd('snow-ice', { milestones: { townInformed: T0 } }), duty, T0))).toBe(
      'INVALID',
    );
    expect(
      refusal(other.try(openCmd('snow-ice', { milestones: { snowWarningIssued: T0 + MIN } }), duty, T0)),
    ).toBe('INVALID');
  });

  it('a milestone can be recorded while the incident is being graded', () => {
    const p = plan('heavy-pollution');
    const run = new Run(p);
    run.do(openCmd('heavy-pollution'), duty, T0);
    run.do({ type: 'recordMilestone', milestone: 'regionalWarningReceived', at: T0 }, duty, T0 + MIN);
    const regional = p.clocks.find(
      (c) => c.start.kind === 'after' && c.start.milestone === 'regionalWarningReceived',
    );
    expect(regional?.beforeLevel).toBe(true);
    expect(run.tasks().some((t) => t.source.kind === 'clock' && t.source.clockId === regional?.id)).toBe(
      true,
    );
  });
});

describe('every task reaches someone', () => {
  it('an unbound role reaches no one; binding it moves its open tasks and keeps the record', () => {
    const p = plan('power-plant');
    const run = new Run(p);
    run.do(openCmd(), duty, T0);
    const county = run.tasks().filter((t) => t.roleId === 'incident-county');
    expect(county.length).toBeGreaterThan(0);
    for (const t of county) {
      expect(t.unitId).toBe('incident-county');
      expect(reaches(p, run.s, t.unitId)).toBe(false);
    }
    expect(counts(run).unreached).toBeGreaterThanOrEqual(county.length);
    // staff cannot record for no one: bind first
    expect(refusal(run.try({ type: 'acknowledge', taskId: county[0]?.id ?? '' }, duty, T0))).toBe(
      'PLAN_RULE',
    );
    run.do({ type: 'bind', role: 'incident-county', to: { unitId: 'zichuan' } }, duty, T0 + MIN);
    for (const t of county) {
      const old = run.s.tasks[t.id];
      expect(old?.status).toBe('moved');
      const moved = run.s.tasks[old?.movedTo ?? ''];
      expect(moved?.unitId).toBe('zichuan');
      expect(moved?.roleId).toBe('incident-county');
      expect(moved?.dueAt).toBe(t.dueAt);
    }
    const first = run.s.tasks[run.s.tasks[county[0]?.id ?? '']?.movedTo ?? ''] as Task;
    run.do(
      { type: 'report', taskId: first.id, note: '已电话报告', done: false },
      unit('zichuan'),
      T0 + 2 * MIN,
    );
    // rebinding moves it again; what 淄川区 reported stays on its task
    run.do({ type: 'bind', role: 'incident-county', to: { unitId: 'boshan' } }, duty, T0 + 3 * MIN);
    expect(run.s.tasks[first.id]?.status).toBe('moved');
    expect(run.s.tasks[first.id]?.notes.map((n) => n.by)).toEqual(['u-zichuan']);
    expect(run.s.tasks[run.s.tasks[first.id]?.movedTo ?? '']?.unitId).toBe('boshan');
    expect(run.tasks().filter((t) => t.unitId === 'incident-county' && t.status !== 'moved')).toHaveLength(0);
  });

  it('a duty the role’s holder has done is not owed again by the next holder', () => {
    const run = new Run(plan('power-plant'));
    run.do(openCmd(), duty, T0);
    run.do({ type: 'bind', role: 'incident-county', to: { unitId: 'zichuan' } }, duty, T0);
    const tenMinutes = run.tasks().find((t) => t.unitId === 'zichuan' && t.dueAt === T0 + 10 * MIN);
    if (!tenMinutes) throw new Error('the county owes the 10-minute report');
    run.do(
      { type: 'report', taskId: tenMinutes.id, note: '已电话报告', done: true },
      unit('zichuan'),
      T0 + 5 * MIN,
    );
    run.do({ type: 'bind', role: 'incident-county', to: { unitId: 'boshan' } }, duty, T0 + 6 * MIN);
    const boshan = run.tasks().filter((t) => t.unitId === 'boshan');
    expect(boshan.length).toBeGreaterThan(0);
    expect(boshan.some((t) => t.source.kind === 'clock' && t.dueAt === T0 + 10 * MIN)).toBe(false);
    expect(run.s.tasks[tenMinutes.id]?.status).toBe('done');
  });

  it('an outside party is reached through staff, who record on its behalf; a unit may not', () => {
    const p = plan('power-plant');
    const run = new Run(p);
    run.do(openCmd(), duty, T0);
    const party = { kind: 'enterprise' as const, name: '某热电有限公司', phone: '0533-0000000' };
    expect(
      refusal(
        run.try({ type: 'bind', role: 'plant', to: { party: { ...party, kind: 'insurer' } } }, duty, T0),
      ),
    ).toBe('INVALID');
    run.do({ type: 'bind', role: 'plant', to: { party } }, duty, T0);
    const plantTask = run.tasks().find((t) => t.unitId === 'plant' && t.status === 'assigned');
    if (!plantTask) throw new Error('the plant owes the 24-hour report from the accident');
    expect(reaches(p, run.s, plantTask.unitId)).toBe(true);
    expect(refusal(run.try({ type: 'acknowledge', taskId: plantTask.id }, unit('zichuan'), T0 + MIN))).toBe(
      'FORBIDDEN',
    );
    const events = run.do({ type: 'acknowledge', taskId: plantTask.id }, duty, T0 + MIN);
    expect(events[0]).toMatchObject({ type: 'TaskAcknowledged', by: 'duty-1', onBehalfOf: '某热电有限公司' });
  });

  it.each(
    Object.values(PLANS).flatMap((p) =>
      p.units
        .filter((u) => u.kind === 'role')
        .map((u) => [p.id, u.id, u.bindsTo?.[0] ?? null, u.party ?? null] as const),
    ),
  )('%s: the role %s can be bound (to %s or a %s party)', (planId, role, unitId, partyKind) => {
    expect(unitId !== null || partyKind !== null).toBe(true);
    const run = new Run(plan(planId));
    run.do(openCmd(planId), duty, T0);
    if (unitId) run.do({ type: 'bind', role, to: { unitId } }, director, T0 + MIN);
    if (partyKind)
      run.do(
        { type: 'bind', role, to: { party: { kind: partyKind, name: '某单位', phone: '12345' } } },
        duty,
        T0 + 2 * MIN,
      );
    expect(reaches(run.plan, run.s, partyKind ? role : (unitId ?? role))).toBe(true);
    expect(refusal(run.try({ type: 'bind', role, to: { unitId: 'no-such-unit' } }, duty, T0 + 3 * MIN))).toBe(
      'INVALID',
    );
  });
});

describe('states saved before the record told the truth', () => {
  it('a snapshot without summary or parties, and a rejected first level, load as today’s shape', () => {
    const run = new Run(plan('power-plant'));
    run.do(declareCmd('power-plant', 'III'), duty, T0);
    const { summary: _s, parties: _p, ...rest } = run.s;
    const saved = { ...rest, status: 'rejected', pending: null } as unknown as IncidentState;
    const state = upgradeState(saved);
    expect(state.status).toBe('open');
    expect(state.summary).toBe('');
    expect(state.parties).toEqual({});
    // and the engine works on it: the role can be bound, the incident graded again
    run.state = state;
    run.do(
      { type: 'bind', role: 'plant', to: { party: { kind: 'enterprise', name: '某电厂', phone: '123' } } },
      duty,
      T0 + MIN,
    );
    run.do({ type: 'declare', incidentId: 'inc-1', levelId: 'IV' }, duty, T0 + 2 * MIN);
    expect(run.s.status).toBe('active');
  });
});
