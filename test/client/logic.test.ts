/**
 * The browser's pieces with logic, tested without a browser: countdowns, unit progress and status, the
 * tier table, the offline queue, the timeline's words and the readings form.
 */
import { describe, expect, it } from 'vitest';
import { nextDeadlines, unitProgress } from '../../shared/engine/progress.ts';
import { PLANS, planById } from '../../shared/plans/index.ts';
import { countdown, elapsed } from '../../client/src/logic/countdown.ts';
import { describeFact } from '../../client/src/logic/facts.ts';
import { enqueue, flush, loadQueue, type QueuedCommand, saveQueue } from '../../client/src/logic/outbox.ts';
import { addedPerLevel, tierTable } from '../../client/src/logic/tierTable.ts';
import { formatDateTime, formatTime, shanghaiLocalToIso } from '../../client/src/logic/time.ts';
import {
  changeNotices,
  compareUrgency,
  endedTasks,
  type InboxItem,
  NOTICE_MS,
  openGroups,
  toAcknowledge,
  urgency,
} from '../../client/src/logic/inbox.ts';
import { unitStatus } from '../../client/src/logic/unitStatus.ts';
import { readingsFrom } from '../../client/src/pages/Declare.tsx';
import type { PlanSummary } from '../../shared/protocol/contract.ts';

const MIN = 60_000;

describe('countdown', () => {
  const now = Date.UTC(2026, 10, 24, 12, 0, 0);
  it('says what is left, in minutes and seconds only in the last ten minutes', () => {
    expect(countdown(now + 90 * MIN, now, 'zh')).toEqual({
      overdue: false,
      text: '剩余 1小时30分',
      urgent: false,
    });
    expect(countdown(now + 25 * MIN, now, 'zh')).toMatchObject({ text: '剩余 25分钟', urgent: true });
    expect(countdown(now + 9 * MIN + 5000, now, 'en').text).toBe('9 min 05 s left');
    expect(countdown(now + 3 * 86400_000 + 2 * 3600_000, now, 'zh').text).toBe('剩余 3天2小时');
  });
  it('says how far past due, and is urgent once overdue', () => {
    expect(countdown(now - 61_000, now, 'zh')).toEqual({
      overdue: true,
      text: '已超时 1分01秒',
      urgent: true,
    });
    expect(countdown(now - 2 * 3600_000, now, 'en')).toMatchObject({
      overdue: true,
      text: 'overdue by 2 h 00 min',
    });
  });
  it('measures time since a declaration', () => {
    expect(elapsed(now - 192 * MIN, now, 'zh')).toBe('3小时12分');
    expect(elapsed(now + MIN, now, 'en')).toBe('under a minute');
    expect(elapsed(now - 59_000, now, 'zh')).toBe('不到1分钟');
    expect(elapsed(now - MIN, now, 'zh')).toBe('1分钟');
  });
});

describe('Shanghai time', () => {
  it('formats in Asia/Shanghai whatever the machine’s zone', () => {
    const t = Date.UTC(2026, 10, 24, 21, 15); // 05:15 the next day in Shanghai
    expect(formatTime(t, 'zh')).toBe('05:15');
    expect(formatDateTime(t, 'zh')).toMatch(/11.25.*05:15/);
    expect(Date.parse(shanghaiLocalToIso('2026-11-25T05:15'))).toBe(t);
  });
});

describe('unit progress and status', () => {
  const task = (unitId: string, status: string, acknowledgedAt?: number) =>
    ({ unitId, status, ...(acknowledgedAt !== undefined ? { acknowledgedAt } : {}) }) as never;
  it('counts a unit acknowledged only when every live task of it is', () => {
    expect(
      unitProgress([
        task('a', 'acknowledged', 1),
        task('a', 'assigned'),
        task('b', 'done', 2),
        task('c', 'stoodDown'),
        task('d', 'inProgress', 3),
      ]),
    ).toEqual({ units: 3, acknowledged: 2 });
    expect(unitProgress([])).toEqual({ units: 0, acknowledged: 0 });
  });
  it('lists the open deadlines soonest first', () => {
    const ts: { id: string; status: 'assigned' | 'done' | 'acknowledged'; dueAt: number | null }[] = [
      { id: 'x', status: 'assigned', dueAt: 30 },
      { id: 'y', status: 'done', dueAt: 10 },
      { id: 'z', status: 'acknowledged', dueAt: 20 },
      { id: 'w', status: 'assigned', dueAt: null },
    ];
    expect(nextDeadlines(ts, 2).map((t) => t.id)).toEqual(['z', 'x']);
  });
  it('colours a unit by its worst open task', () => {
    const t = (status: string, overdue = false) => ({ status, overdue }) as never;
    expect(unitStatus([])).toBe('none');
    expect(unitStatus([t('stoodDown')])).toBe('none');
    expect(unitStatus([t('done'), t('acknowledged', true)])).toBe('overdue');
    expect(unitStatus([t('done', true), t('acknowledged')])).toBe('acknowledged'); // late but done is not overdue
    expect(unitStatus([t('acknowledged'), t('assigned')])).toBe('assigned');
    // closed undone by termination is not done: the row must not turn green
    expect(unitStatus([t('done'), t('closed')])).toBe('closed');
    expect(unitStatus([t('done'), t('stoodDown'), t('moved')])).toBe('done');
    expect(unitStatus([t('moved')])).toBe('none');
  });
  it('says a unit is reached by no one when an open task of it has no holder yet', () => {
    const t = (status: string, reached: boolean, overdue = false) => ({ status, overdue, reached }) as never;
    expect(unitStatus([t('assigned', false)])).toBe('unreached');
    expect(unitStatus([t('assigned', false, true)])).toBe('overdue');
    expect(unitStatus([t('closed', false)])).toBe('closed');
    expect(unitStatus([t('acknowledged', true)])).toBe('acknowledged');
  });
});

describe('inbox order', () => {
  const now = Date.UTC(2026, 10, 24, 4, 0);
  const H = 3600_000;
  const item = (id: string, over: Partial<InboxItem> = {}): InboxItem => ({
    id,
    incidentId: 'snow',
    incidentTitle: '降雪',
    incidentStatus: 'active',
    incidentDrill: false,
    incidentLevel: 'III',
    incidentLevelName: { zh: 'Ⅲ级', en: 'Level III' },
    status: 'acknowledged',
    overdue: false,
    dueAt: null,
    assignedAt: now - H,
    ...over,
  });
  // [what, task, urgency]
  const table: [string, InboxItem, number][] = [
    ['flagged overdue', item('a', { overdue: true, dueAt: now - H }), 0],
    ['deadline passed, flag not yet in', item('b', { dueAt: now - 1000, status: 'assigned' }), 0],
    ['deadline ahead', item('c', { dueAt: now + H }), 1],
    ['deadline ahead, unacknowledged', item('d', { dueAt: now + 2 * H, status: 'assigned' }), 1],
    ['no deadline, unacknowledged', item('e', { status: 'assigned' }), 2],
    ['no deadline, in progress', item('f', { status: 'inProgress' }), 3],
    ['no deadline, acknowledged', item('g'), 3],
    ['done', item('h', { status: 'done', doneAt: now - 10 }), 4],
    ['closed undone (overdue)', item('i', { status: 'closed', overdue: true, dueAt: now - H }), 4],
    ['stood down', item('j', { status: 'stoodDown', dueAt: now + H }), 4],
    ['moved', item('k', { status: 'moved' }), 4],
  ];
  it.each(table.map(([what, task, rank]) => ({ what, task, rank })))(
    '$what → rank $rank',
    ({ task, rank }) => {
      expect(urgency(task, now)).toBe(rank);
    },
  );
  it('puts overdue first (longest overdue first), then the nearest deadline, then unacknowledged', () => {
    const tasks = [
      item('no-due-acked', { assignedAt: now - 10 }),
      item('no-due-new', { status: 'assigned', assignedAt: now - 5 * H }),
      item('due-2h', { dueAt: now + 2 * H }),
      item('overdue-1h', { overdue: true, dueAt: now - H }),
      item('due-1h-new', { dueAt: now + H, status: 'assigned' }),
      item('due-1h-acked', { dueAt: now + H }),
      item('overdue-3h', { overdue: true, dueAt: now - 3 * H }),
      item('no-due-new-later', { status: 'assigned', assignedAt: now - H }),
      item('done', { status: 'done', dueAt: now - 4 * H }),
    ];
    expect([...tasks].sort((a, b) => compareUrgency(a, b, now)).map((t) => t.id)).toEqual([
      'overdue-3h',
      'overdue-1h',
      'due-1h-new', // same deadline: the unacknowledged one first
      'due-1h-acked',
      'due-2h',
      'no-due-new-later', // newest first
      'no-due-new',
      'no-due-acked',
      'done',
    ]);
  });
  it('groups open tasks by incident, the group with the most urgent task first; ended ones apart', () => {
    const tasks = [
      item('s1', { dueAt: now + 5 * H }),
      item('p1', { incidentId: 'pollution', incidentTitle: '污染', incidentDrill: true, dueAt: now + H }),
      item('s2', { overdue: false, status: 'assigned' }),
      item('p2', { incidentId: 'pollution', incidentTitle: '污染', incidentDrill: true, status: 'done' }),
      item('s3', { status: 'closed', closedAt: now - 2 * H }),
      item('s4', { status: 'done', doneAt: now - H / 2 }),
    ];
    const groups = openGroups(tasks, now);
    expect(groups.map((g) => [g.incidentId, g.drill, g.tasks.map((t) => t.id)])).toEqual([
      ['pollution', true, ['p1']],
      ['snow', false, ['s1', 's2']],
    ]);
    expect(groups[1]!.levelName).toEqual({ zh: 'Ⅲ级', en: 'Level III' });
    // latest ended first; p2 has no end time of its own, so its assignment counts
    expect(endedTasks(tasks).map((t) => t.id)).toEqual(['s4', 'p2', 's3']);
  });
  it('tells a unit what was closed, stood down or moved: one notice per incident, kind and moment', () => {
    const closedAt = now - H;
    const tasks = [
      item('a', { status: 'closed', closedAt }),
      item('b', { status: 'closed', closedAt }),
      item('c', { status: 'stoodDown', closedAt: now - 2 * H }),
      item('d', { status: 'moved', closedAt: now - 3 * H, incidentId: 'water', incidentTitle: '供水' }),
      item('e', { status: 'done', doneAt: now - H }),
      item('f', { status: 'closed', closedAt: now - NOTICE_MS - 1 }), // long ago: no longer a notice
      item('g', { status: 'assigned' }),
    ];
    expect(
      changeNotices(tasks, now).map((n) => [n.incidentId, n.kind, n.at, n.tasks.map((t) => t.id)]),
    ).toEqual([
      ['snow', 'closed', closedAt, ['a', 'b']],
      ['snow', 'stoodDown', now - 2 * H, ['c']],
      ['water', 'moved', now - 3 * H, ['d']],
    ]);
    expect(changeNotices([], now)).toEqual([]);
  });
  it('acknowledges all: only tasks still to acknowledge and not already queued', () => {
    const tasks = [
      item('a', { status: 'assigned' }),
      item('b', { status: 'assigned' }),
      item('c', { status: 'acknowledged' }),
      item('d', { status: 'closed' }),
    ];
    expect(toAcknowledge(tasks, new Set(['b'])).map((t) => t.id)).toEqual(['a']);
  });
});

describe('tier table', () => {
  it('snow: each action is added at its own level and carried above it (cumulative tiers)', () => {
    const plan = planById('snow-ice')!;
    const rows = tierTable(plan);
    const onDuty = rows.find((r) => r.action.id === 'on-duty')!;
    expect(plan.levels.map((l) => l.id)).toEqual(['III', 'II', 'I']);
    expect(onDuty.cells).toEqual(['adds', 'carried', 'carried']);
    for (const r of rows) {
      const first = plan.levels.findIndex((l) => l.id === r.action.level);
      expect(r.cells.slice(0, first).every((c) => c === 'none')).toBe(true);
      expect(r.cells[first]).toBe('adds');
    }
    expect(addedPerLevel(rows, 3).reduce((a, b) => a + b, 0)).toBe(rows.length);
  });
  it('heavy pollution: a measure restated more strictly is shown superseded, not carried', () => {
    const plan = planById('heavy-pollution')!;
    const rows = tierTable(plan);
    const stricter = plan.actions.filter((a) => a.supersedes.length > 0);
    expect(stricter.length).toBeGreaterThan(0);
    for (const a of stricter) {
      const at = plan.levels.findIndex((l) => l.id === a.level);
      for (const old of a.supersedes)
        expect(rows.find((r) => r.action.id === old)!.cells[at]).toBe('superseded');
    }
  });
  it('has one row per response action for every plan', () => {
    for (const plan of PLANS)
      expect(tierTable(plan).length).toBe(plan.actions.filter((a) => a.phase === 'response').length);
  });
});

describe('offline queue', () => {
  const cmd = (taskId: string, kind: 'acknowledge' | 'report' = 'acknowledge', n = 0): QueuedCommand => ({
    requestId: `req-${taskId}-${kind}-${n}`,
    taskId,
    kind,
    queuedAt: n,
  });

  it('keeps one acknowledgement per task but every report', () => {
    let q = enqueue([], cmd('a'));
    q = enqueue(q, cmd('a', 'acknowledge', 1));
    q = enqueue(q, cmd('a', 'report', 2));
    q = enqueue(q, cmd('a', 'report', 3));
    expect(q.map((c) => `${c.taskId}:${c.kind}`)).toEqual(['a:acknowledge', 'a:report', 'a:report']);
  });

  it('sends in order and stops at the first that gets no answer, keeping it and the rest', async () => {
    const sent: string[] = [];
    const result = await flush([cmd('a'), cmd('b'), cmd('c'), cmd('d')], async (c) => {
      sent.push(c.taskId);
      if (c.taskId === 'b') return { kind: 'refused', message: '任务已关闭 / closed' };
      if (c.taskId === 'c') return { kind: 'offline' };
      return { kind: 'ok' };
    });
    expect(sent).toEqual(['a', 'b', 'c']);
    expect(result.sent.map((c) => c.taskId)).toEqual(['a']);
    expect(result.refused).toEqual([
      { command: expect.objectContaining({ taskId: 'b' }), message: '任务已关闭 / closed' },
    ]);
    expect(result.remaining.map((c) => c.taskId)).toEqual(['c', 'd']);
  });

  it('keeps a command the server paced (429) and everything after it, and says when to try again', async () => {
    const sent: string[] = [];
    const result = await flush([cmd('a'), cmd('b'), cmd('c')], async (c) => {
      sent.push(c.taskId);
      return c.taskId === 'b' ? { kind: 'later', retryAfterMs: 42_000 } : { kind: 'ok' };
    });
    expect(sent).toEqual(['a', 'b']);
    expect(result.sent.map((c) => c.taskId)).toEqual(['a']);
    expect(result.refused).toEqual([]);
    expect(result.remaining.map((c) => c.taskId)).toEqual(['b', 'c']);
    expect(result.retryAfterMs).toBe(42_000);
  });

  it('survives a reload through storage, per user, and ignores what is not a queue', () => {
    const store = new Map<string, string>();
    const storage = {
      getItem: (k: string) => store.get(k) ?? null,
      setItem: (k: string, v: string) => void store.set(k, v),
      removeItem: (k: string) => void store.delete(k),
    };
    saveQueue(storage, 'u1', [cmd('a'), cmd('b', 'report')]);
    expect(loadQueue(storage, 'u1').map((c) => c.taskId)).toEqual(['a', 'b']);
    expect(loadQueue(storage, 'u2')).toEqual([]);
    saveQueue(storage, 'u1', []);
    expect(store.size).toBe(0);
    store.set('epc-outbox:u3', '{not json');
    expect(loadQueue(storage, 'u3')).toEqual([]);
    store.set('epc-outbox:u4', JSON.stringify([{ taskId: 1 }, cmd('ok')]));
    expect(loadQueue(storage, 'u4').map((c) => c.taskId)).toEqual(['ok']);
    // a queue saved when the acknowledgement was called 'ack' is sent under its one name now
    store.set('epc-outbox:u5', JSON.stringify([{ ...cmd('old'), kind: 'ack' }]));
    expect(loadQueue(storage, 'u5').map((c) => c.kind)).toEqual(['acknowledge']);
  });
});

describe('timeline words', () => {
  const snow = planById('snow-ice')!;
  const summary = {
    levels: snow.levels.map((l) => ({ id: l.id, name: l.name })),
    units: snow.units.map((u) => ({ id: u.id, name: u.name, en: u.en })),
  } as unknown as PlanSummary;
  it('names levels and units as the plan does', () => {
    const base = { incidentId: 'i', at: 0 };
    expect(
      describeFact(
        { ...base, type: 'LevelSet', levelId: 'II', by: 'duty', signedBy: null, reason: '' },
        summary,
        'zh',
      ),
    ).toMatch(/Ⅱ级.*生效（duty）/);
    expect(
      describeFact(
        { ...base, type: 'TaskAcknowledged', taskId: 'on-duty@chishang', by: 'chishang' },
        summary,
        'zh',
      ),
    ).toBe('池上镇 确认收到「on-duty」'); // without the plan's titles, the task's own id (test/client/facts.test.ts)
    expect(
      describeFact(
        { ...base, type: 'TaskAcknowledged', taskId: 'on-duty@chishang', by: 'chishang' },
        summary,
        'en',
      ),
    ).toBe('Chishang Town acknowledged “on-duty”');
  });

  it('gives a milestone its own time, and says an occurrence nobody gave is not given', () => {
    const at = Date.UTC(2026, 10, 30, 22, 21); // 06:21 on 1 December in Beijing
    const base = { incidentId: 'i', at, type: 'MilestoneRecorded', milestone: 'occurred' } as const;
    const given = describeFact({ ...base, time: Date.UTC(2026, 10, 30, 21, 10) }, summary, 'zh');
    expect(given).toMatch(/^记录节点：事故发生 .*05:10$/);
    // recorded as it happened: the line's own time says it
    expect(describeFact({ ...base, milestone: 'reported', time: at }, summary, 'zh')).toBe('记录节点：接报');
    const assumed = describeFact({ ...base, time: at, assumed: true }, summary, 'zh');
    expect(assumed).toMatch(/^事故发生时间未填写：相关时限自接报 .*06:21 起算$/);
    expect(describeFact({ ...base, time: at - 70 * 60_000, learnt: true }, summary, 'zh')).toMatch(
      /^补记事故发生时间：.*05:11（时限仍按原起算时间）$/,
    );
    expect(describeFact({ ...base, time: at, assumed: true }, summary, 'en')).toMatch(
      /^Occurred: time not given; its deadlines run from the report at .*06:21$/,
    );
  });
});

describe('readings form', () => {
  it('reads numbers, yes/no and day series (Chinese or Latin commas), and leaves blanks out', () => {
    const plan = planById('heavy-pollution')!;
    expect(readingsFrom(plan, { aqiForecast: '210，305, 320  180' })).toEqual({
      aqiForecast: [210, 305, 320, 180],
    });
    expect(readingsFrom(plan, { aqiForecast: '  ' })).toEqual({});
    const snow = planById('snow-ice')!;
    expect(readingsFrom(snow, { snowfall12hMm: '4.5', temperatureC: '-3' })).toEqual({
      snowfall12hMm: 4.5,
      temperatureC: -3,
    });
  });
});
