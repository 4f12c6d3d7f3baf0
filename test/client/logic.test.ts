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
import { unitStatus } from '../../client/src/logic/unitStatus.ts';
import { readingsFrom } from '../../client/src/pages/Declare.tsx';
import type { PlanSummary } from '../../client/src/types.ts';

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
    expect(elapsed(now + MIN, now, 'en')).toBe('0 min');
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
    expect(unitStatus([t('done'), t('closed')])).toBe('done');
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
  const cmd = (taskId: string, kind: 'ack' | 'report' = 'ack', n = 0): QueuedCommand => ({
    requestId: `req-${taskId}-${kind}-${n}`,
    taskId,
    kind,
    queuedAt: n,
  });

  it('keeps one acknowledgement per task but every report', () => {
    let q = enqueue([], cmd('a'));
    q = enqueue(q, cmd('a', 'ack', 1));
    q = enqueue(q, cmd('a', 'report', 2));
    q = enqueue(q, cmd('a', 'report', 3));
    expect(q.map((c) => `${c.taskId}:${c.kind}`)).toEqual(['a:ack', 'a:report', 'a:report']);
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
      describeFact({ ...base, type: 'TaskAcknowledged', taskId: 'on-duty@chishang', by: 'u' }, summary, 'zh'),
    ).toBe('池上镇 确认收到任务');
    expect(
      describeFact({ ...base, type: 'TaskAcknowledged', taskId: 'on-duty@chishang', by: 'u' }, summary, 'en'),
    ).toBe('Chishang Town acknowledged a task');
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
