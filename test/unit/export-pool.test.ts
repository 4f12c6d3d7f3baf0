/**
 * Files render in a worker thread: the main thread keeps answering while a 20,000-row workbook is built,
 * each account has one file in flight, the queue is bounded, and a job past its time limit ends its worker
 * without stopping the next job.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { ExportPool } from '../../server/exports/pool.ts';
import type { LedgerRow } from '../../shared/views/ledger.ts';

const T = Date.parse('2026-01-15T09:00:00+08:00');
const rows = (n: number): LedgerRow[] =>
  Array.from({ length: n }, (_, i) => ({
    no: i + 1,
    incidentId: `inc-${i % 50}`,
    incident: `第 ${i % 50} 次降雪`,
    planId: 'snow-ice',
    drill: false,
    taskId: `inc:on-duty@u${i}`,
    at: T + i * 1000,
    unitId: `u${i % 30}`,
    unit: `单位 ${i % 30}`,
    unitEn: `Unit ${i % 30}`,
    measure: '带班领导到岗，24小时值班',
    measureEn: 'Leaders on duty',
    clause: '5.1',
    level: 'Ⅲ级',
    dueAt: null,
    status: i % 3 ? 'done' : 'closedUndone',
    doneAt: i % 3 ? T + i * 1000 + 60_000 : null,
    closedAt: i % 3 ? null : T + 3_600_000,
    by: i % 3 ? `u${i % 30}` : null,
    onBehalfOf: null,
    remark: '已出动人员 12 人、车辆 3 台，主要路段已清理。',
    reached: true,
    attachments: [],
  }));

let pool: ExportPool;
afterEach(async () => {
  await pool?.close();
});

describe('the export worker', () => {
  it('renders a 20,000-row workbook while the main thread keeps running', async () => {
    pool = new ExportPool();
    let ticks = 0;
    let done = false;
    const spin = () => {
      ticks += 1;
      if (!done) setImmediate(spin);
    };
    setImmediate(spin);
    const file = await pool.run('duty', true, { kind: 'xlsx', rows: rows(20_000), names: [], lang: 'zh' });
    done = true;
    expect(file.subarray(0, 2).toString()).toBe('PK');
    // the main thread turned its loop many times while the worker built the file
    expect(ticks).toBeGreaterThan(100);
    // seconds of CPU in a worker (6 s seen beside another run on 2 cores): the default 20 s is too close
  }, 60_000);

  it('keeps one file in flight per account and a bounded queue', async () => {
    pool = new ExportPool({ maxQueued: 1, timeoutMs: 60_000 });
    const first = pool.run('a', true, { kind: 'csv', rows: rows(5_000), names: [], lang: 'zh' });
    await expect(
      pool.run('a', true, { kind: 'csv', rows: rows(1), names: [], lang: 'zh' }),
    ).rejects.toMatchObject({
      code: 'RATE_LIMITED',
    });
    const second = pool.run('b', true, { kind: 'csv', rows: rows(1), names: [], lang: 'zh' });
    await expect(
      pool.run('c', true, { kind: 'csv', rows: rows(1), names: [], lang: 'zh' }),
    ).rejects.toMatchObject({
      code: 'UNAVAILABLE',
    });
    const csv = (await first).toString('utf8');
    expect(csv.startsWith('\uFEFF序号,')).toBe(true);
    expect(csv.trimEnd().split('\r\n').length).toBe(5_001);
    expect((await second).toString('utf8')).toContain('单位 0');
    // once a's file is done, a may ask again
    await expect(
      pool.run('a', true, { kind: 'csv', rows: rows(1), names: [], lang: 'zh' }),
    ).resolves.toBeInstanceOf(Buffer);
  });

  it('keeps half the queue for staff: member units exporting their ledgers never lock the office out', async () => {
    pool = new ExportPool({ maxQueued: 4, timeoutMs: 60_000 });
    const first = pool.run('duty', true, { kind: 'csv', rows: rows(20_000), names: [], lang: 'zh' });
    const units = ['u1', 'u2'].map((u) =>
      pool.run(u, false, { kind: 'csv', rows: rows(1), names: [], lang: 'zh' }),
    );
    await expect(
      pool.run('u3', false, { kind: 'csv', rows: rows(1), names: [], lang: 'zh' }),
    ).rejects.toMatchObject({
      code: 'UNAVAILABLE',
    });
    const director = pool.run('director', true, { kind: 'csv', rows: rows(1), names: [], lang: 'zh' });
    await expect(Promise.all([first, ...units, director])).resolves.toHaveLength(4);
  }, 60_000);

  it('abandons a job past its time limit and renders the next one in a new worker', async () => {
    pool = new ExportPool({ maxQueued: 4, timeoutMs: 5 });
    await expect(
      pool.run('a', true, { kind: 'xlsx', rows: rows(20_000), names: [], lang: 'zh' }),
    ).rejects.toMatchObject({
      code: 'UNAVAILABLE',
    });
    pool.limits.timeoutMs = 60_000;
    expect(
      (await pool.run('a', true, { kind: 'csv', rows: rows(2), names: [], lang: 'en' })).toString(),
    ).toContain('No.');
  });
});
