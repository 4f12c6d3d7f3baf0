import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { clocks } from '../../shared/engine/clocks.ts';
import { quietUntil } from '../../shared/engine/reconcile.ts';
import { addOffset } from '../../shared/engine/deadlines.ts';
import { holidaysKnown } from '../../shared/engine/workdays.ts';
import { nextYearly } from '../../shared/engine/time.ts';
import {
  commander,
  declareCmd,
  director,
  duty,
  HOUR,
  MIN,
  plan,
  Run,
  scheduler,
  T0,
  unit,
} from './helpers.ts';

/** An instant given as Shanghai wall-clock time. */
const sh = (y: number, mo: number, d: number, h = 0, mi = 0, s = 0, ms = 0) =>
  Date.UTC(y, mo - 1, d, h - 8, mi, s, ms);

describe('power-plant reporting clocks run from the accident', () => {
  const run = new Run(plan('power-plant'));
  run.do(
    declareCmd('power-plant', 'IV', {
      occurredAt: T0 - 4 * MIN,
      assignees: { 'incident-county': 'zichuan' },
    }),
    duty,
    T0,
  );
  const phone = run.s.tasks['phone-city-10min@zichuan'];

  it('is due 10, 30 and 50 minutes and 24 hours after the accident', () => {
    expect(phone?.dueAt).toBe(T0 + 6 * MIN);
    expect(run.s.tasks['phone-province-30min@city-development']?.dueAt).toBe(T0 + 26 * MIN);
    expect(run.s.tasks['written-50min@zichuan']?.dueAt).toBe(T0 + 46 * MIN);
    expect(run.s.tasks['written-accident-24h@plant']?.dueAt).toBe(T0 - 4 * MIN + 24 * HOUR);
  });

  it('is pending, then due soon, then overdue', () => {
    const status = (now: number) =>
      clocks(run.plan, run.s, now).obligations.find((o) => o.taskId === phone?.id)?.status;
    expect(status(T0)).toBe('pending');
    expect(status(T0 + 4 * MIN)).toBe('dueSoon');
    expect(status(T0 + 7 * MIN)).toBe('overdue');
  });

  it('a tick marks overdue once, and a verification clock waits for its request', () => {
    const first = run.do({ type: 'tick' }, scheduler, T0 + 7 * MIN);
    expect(
      first.filter((e) => e.type === 'TaskOverdue').map((e) => (e.type === 'TaskOverdue' ? e.taskId : '')),
    ).toEqual(['phone-city-10min@zichuan', 'phone-city-10min@city-development']);
    expect(run.do({ type: 'tick' }, scheduler, T0 + 8 * MIN)).toEqual([]);
    expect(clocks(run.plan, run.s, T0).waiting.map((w) => w.clockId)).toEqual([
      'verify-phone-15min',
      'verify-written-40min',
    ]);
    run.do(
      { type: 'recordMilestone', milestone: 'verificationRequested', at: T0 + 9 * MIN },
      duty,
      T0 + 10 * MIN,
    );
    expect(run.s.tasks['verify-phone-15min@city-development']?.dueAt).toBe(T0 + 24 * MIN);
  });

  it('a unit meets its clock by reporting done in time', () => {
    run.do(
      {
        type: 'report',
        taskId: 'phone-province-30min@zichuan',
        note: '已电话报告省政府总值班室',
        done: true,
      },
      unit('zichuan'),
      T0 + 20 * MIN,
    );
    const o = clocks(run.plan, run.s, T0 + 40 * MIN).obligations.find(
      (x) => x.taskId === 'phone-province-30min@zichuan',
    );
    expect(o?.status).toBe('met');
  });

  it.each([
    [{ type: 'recordMilestone', milestone: 'declared', at: T0 } as const, 'INVALID'],
    [{ type: 'recordMilestone', milestone: 'snowfallEnded', at: T0 } as const, 'INVALID'],
    [{ type: 'recordMilestone', milestone: 'verificationRequested', at: T0 } as const, 'CONFLICT'],
    [
      { type: 'recordMilestone', milestone: 'writtenVerificationRequested', at: T0 + 5 * HOUR } as const,
      'INVALID',
    ],
    [{ type: 'tick' } as const, 'FORBIDDEN'],
  ])('refuses %j with %s', (command, code) => {
    const d = run.try(command, duty, T0 + HOUR);
    expect(d.ok ? 'ok' : d.refusal.code).toBe(code);
  });
});

describe('snow clearance deadlines follow the level when snowfall ends', () => {
  it('moderate snow: 12 h; raised to heavy snow: 24 h, and the 12 h clock is stood down', () => {
    const run = new Run(plan('snow-ice'));
    run.do(declareCmd('snow-ice', 'III'), duty, T0);
    expect(run.s.tasks['clear-moderate-12h@sanitation']).toBeUndefined();
    run.do({ type: 'recordMilestone', milestone: 'snowfallEnded', at: T0 + 3 * HOUR }, duty, T0 + 4 * HOUR);
    expect(run.s.tasks['clear-moderate-12h@sanitation']?.dueAt).toBe(T0 + 15 * HOUR);
    run.do({ type: 'changeLevel', levelId: 'II', reason: '积雪加深' }, duty, T0 + 5 * HOUR);
    expect(run.s.tasks['clear-moderate-12h@sanitation']?.status).toBe('stoodDown');
    expect(run.s.tasks['clear-heavy-24h@sanitation']?.dueAt).toBe(T0 + 27 * HOUR);
    // the operators' 30 minutes run from the weather bureau's warning (5), not from the declaration
    expect(run.s.tasks['operators-30min@mobile']).toBeUndefined();
    run.do(
      { type: 'recordMilestone', milestone: 'snowWarningIssued', at: T0 + 5 * HOUR },
      duty,
      T0 + 6 * HOUR,
    );
    expect(run.s.tasks['operators-30min@mobile']?.dueAt).toBe(T0 + 5 * HOUR + 30 * MIN);
  });
});

describe('heavy-pollution daily 16:00 reports and the 3-working-day summary', () => {
  it('declared at 10:00 the first report is due 16:00 that day; a tick opens the next day’s', () => {
    const run = new Run(plan('heavy-pollution'));
    run.do(declareCmd('heavy-pollution', 'blue'), director, sh(2026, 11, 23, 10));
    expect(run.s.tasks['progress-16@city-police@2026-11-23']?.dueAt).toBe(sh(2026, 11, 23, 16));
    expect(run.s.tasks['progress-16@city-police@2026-11-24']).toBeUndefined();
    run.do({ type: 'tick' }, scheduler, sh(2026, 11, 24, 0, 5));
    expect(run.s.tasks['progress-16@city-police@2026-11-24']?.dueAt).toBe(sh(2026, 11, 24, 16));
    expect(run.s.tasks['progress-16@city-police@2026-11-23']?.overdueAt).toBe(sh(2026, 11, 24, 0, 5));
    expect(run.s.tasks['newspaper-next-morning@zibo-daily']?.dueAt).toBe(sh(2026, 11, 24, 12));
  });

  it('declared at 17:00 the first report is due the next day', () => {
    const run = new Run(plan('heavy-pollution'));
    run.do(declareCmd('heavy-pollution', 'blue'), director, sh(2026, 11, 23, 17));
    expect(Object.keys(run.s.tasks).filter((id) => id.startsWith('progress-16@city-police'))).toEqual([]);
    run.do({ type: 'tick' }, scheduler, sh(2026, 11, 24, 1));
    expect(run.s.tasks['progress-16@city-police@2026-11-24']).toBeDefined();
  });

  it('a yellow response ended on a Friday owes its summary by the end of Wednesday', () => {
    const run = new Run(plan('heavy-pollution'));
    run.do(declareCmd('heavy-pollution', 'yellow'), director, sh(2026, 11, 25, 9));
    run.do({ type: 'changeLevel', levelId: 'blue', reason: '好转' }, director, sh(2026, 11, 26, 9));
    run.do({ type: 'terminate', reason: '空气质量好转' }, duty, sh(2026, 11, 27, 10));
    expect(run.s.tasks['summary-3-working-days@environment']?.dueAt).toBe(sh(2026, 12, 2, 23, 59, 59, 999));
  });

  it('a blue-only response owes no summary', () => {
    const run = new Run(plan('heavy-pollution'));
    run.do(declareCmd('heavy-pollution', 'blue'), director, sh(2026, 11, 25, 9));
    run.do({ type: 'terminate', reason: '自动解除' }, duty, sh(2026, 11, 26, 9));
    expect(Object.keys(run.s.tasks).some((id) => id.startsWith('summary-3-working-days'))).toBe(false);
  });

  it('red needs the commander to lift; a blue warning lapses without a signature', () => {
    const run = new Run(plan('heavy-pollution'));
    run.do(declareCmd('heavy-pollution', 'red'), commander, T0);
    run.do({ type: 'terminate', reason: '好转' }, director, T0 + HOUR);
    expect(run.s.pending?.kind).toBe('terminate');
  });
});

describe('rural-water investigation reports', () => {
  it('a district response owes three reports a month after termination, from each tier’s lead', () => {
    const run = new Run(plan('rural-water'));
    run.do(
      declareCmd('rural-water', 'district', {
        assignees: { 'incident-town': 'baita', 'incident-supplier': 'guorun' },
      }),
      commander,
      sh(2026, 1, 20, 8),
    );
    run.do({ type: 'terminate', reason: '恢复供水' }, commander, sh(2026, 1, 31, 9));
    expect(run.s.tasks['investigation-district@water']?.dueAt).toBe(sh(2026, 2, 28, 9));
    expect(run.s.tasks['investigation-town@baita']).toBeDefined();
    expect(run.s.tasks['investigation-village@guorun']).toBeDefined();
    // the supplier's 1-hour report runs from the outage (3.3(1)): termination does not release it
    expect(run.s.tasks['supplier-report-1h@guorun']?.status).toBe('assigned');
    expect(run.s.tasks['supplier-report-1h@guorun']?.phase).toBe('report');
  });
});

describe('time arithmetic in Asia/Shanghai', () => {
  it.each([
    [sh(2026, 11, 27, 10), { workingDays: 3 }, sh(2026, 12, 2, 23, 59, 59, 999)],
    [sh(2026, 11, 28, 10), { workingDays: 1 }, sh(2026, 11, 30, 23, 59, 59, 999)],
    // 国务院办公厅关于2026年部分节假日安排的通知: 国庆节 10月1日至7日放假，10月10日（星期六）上班
    [sh(2026, 9, 30, 10), { workingDays: 3 }, sh(2026, 10, 10, 23, 59, 59, 999)],
    // 春节 2月15日至23日放假调休，2月14日（星期六）上班
    [sh(2026, 2, 12, 18), { workingDays: 3 }, sh(2026, 2, 24, 23, 59, 59, 999)],
    [sh(2026, 1, 31, 9), { months: 1 }, sh(2026, 2, 28, 9)],
    [sh(2026, 11, 23, 23, 50), { minutes: 30 }, sh(2026, 11, 24, 0, 20)],
  ])('%s + %j = %s', (from, offset, due) => {
    expect(addOffset(from, offset)).toBe(due);
  });

  it('gives the same working-day deadlines on a server in any time zone', () => {
    const from = sh(2026, 9, 30, 10);
    const code = `import('./shared/engine/deadlines.ts').then((m) => console.log(m.addOffset(${from}, { workingDays: 3 })))`;
    for (const TZ of ['UTC', 'Asia/Shanghai', 'America/Los_Angeles', 'Pacific/Kiritimati']) {
      const run = spawnSync(process.execPath, ['--import', 'tsx', '-e', code], {
        env: { ...process.env, TZ },
        encoding: 'utf8',
        timeout: 60_000,
      });
      expect(run.stderr, TZ).toBe('');
      expect(Number(run.stdout.trim()), TZ).toBe(sh(2026, 10, 10, 23, 59, 59, 999));
    }
  }, 120_000);

  it('knows which years’ holidays it holds, and counts any other year Monday to Friday', () => {
    expect(holidaysKnown(2026)).toBe(true);
    expect(holidaysKnown(2003)).toBe(false);
    // 1 October 2003, a Wednesday: no data, so three weekdays on, not the Golden Week
    expect(addOffset(sh(2003, 10, 1, 10), { workingDays: 3 })).toBe(sh(2003, 10, 6, 23, 59, 59, 999));
  });

  it('the next 1 December stockpile deadline rolls to next year once passed', () => {
    expect(nextYearly(12, 1, sh(2026, 11, 23))).toBe(sh(2026, 12, 1, 23, 59, 59, 999));
    expect(nextYearly(12, 1, sh(2026, 12, 2))).toBe(sh(2027, 12, 1, 23, 59, 59, 999));
  });
});

describe('quietUntil: when the scheduler may skip ticking an unchanged incident', () => {
  const PLANS = ['snow-ice', 'rural-water', 'power-plant', 'heavy-pollution'] as const;

  /** The plan's lowest level declared (and signed where the plan asks) by whoever may. */
  function declared(planId: string, at: number): Run {
    const p = plan(planId);
    const cmd = declareCmd(planId, p.levels[0]!.id);
    const declarer = [duty, director, commander].find((a) => new Run(p).try(cmd, a, at).ok)!;
    const run = new Run(p);
    run.do(cmd, declarer, at);
    if (run.s.status !== 'active') run.do({ type: 'approve' }, commander, at);
    expect(run.s.status).toBe('active');
    return run;
  }

  it.each(PLANS)('%s: no tick before it finds anything, over three days', (planId) => {
    const p = plan(planId);
    const at = sh(2026, 11, 23, 10);
    const run = declared(planId, at);
    let t = at;
    let woke = 0;
    while (t < at + 3 * 24 * HOUR) {
      run.do({ type: 'tick' }, scheduler, t);
      const quiet = quietUntil(run.s, t);
      expect(quiet).toBeGreaterThan(t);
      const probe = new Run(p);
      probe.state = run.s;
      for (const instant of [t + 1, Math.floor((t + quiet) / 2), quiet - 1])
        expect(probe.try({ type: 'tick' }, scheduler, instant)).toEqual({ ok: true, events: [] });
      if (probe.do({ type: 'tick' }, scheduler, quiet).length > 0) woke += 1;
      t = quiet;
    }
    // it does wake for something: a deadline passing or a new day's reports
    expect(woke).toBeGreaterThan(0);
  });

  it('power plant: quiet until just after the first report deadline, which the next tick marks overdue', () => {
    const at = sh(2026, 11, 23, 10);
    const run = declared('power-plant', at);
    const due = Math.min(
      ...Object.values(run.s.tasks)
        .map((t) => t.dueAt)
        .filter((d): d is number => d !== null),
    );
    expect(due).toBeLessThan(sh(2026, 11, 24));
    expect(quietUntil(run.s, at)).toBe(due + 1);
    expect(run.do({ type: 'tick' }, scheduler, due + 1).some((e) => e.type === 'TaskOverdue')).toBe(true);
  });

  it('heavy pollution: after today’s 16:00 reports are overdue, quiet until midnight, when tomorrow’s open', () => {
    const run = new Run(plan('heavy-pollution'));
    run.do(declareCmd('heavy-pollution', 'blue'), director, sh(2026, 11, 23, 10));
    run.do({ type: 'tick' }, scheduler, sh(2026, 11, 23, 16, 1));
    const quiet = quietUntil(run.s, sh(2026, 11, 23, 16, 1));
    expect(quiet).toBeLessThanOrEqual(sh(2026, 11, 24));
    const late = run.do({ type: 'tick' }, scheduler, sh(2026, 11, 24));
    expect(late.some((e) => e.type === 'TasksAssigned')).toBe(true);
  });
});
