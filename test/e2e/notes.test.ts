/**
 * A task's progress reports in real Chromium: the incident page's matrix shows each task's latest report and
 * how many it holds, and "全部进展（n）" opens the whole history, a page at a time; the unit's inbox shows the
 * latest report, and a report beyond the limit is refused with words the unit can act on.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { RunningServer } from '../../server/main.ts';
import { NOTES } from '../../shared/protocol/limits.ts';
import { boot, Client, rid } from '../integration/live.ts';
import { launch, loginAs, type Session, shot } from './browser.ts';

let server: RunningServer;
let browser: Browser;
const sessions: Session[] = [];
let incidentId: string;
let taskId: string;
const REPORTS = 25;
const nth = (i: number) => `第${i}次进展：已出动警力${i}人，疏导主干道车辆`;

beforeAll(async () => {
  server = await boot();
  browser = await launch();
  const duty = await Client.login(server.url, 'duty');
  const declared = await duty.post('/api/incidents', {
    planId: 'snow-ice',
    levelId: 'III',
    title: '进展报告 e2e',
    requestId: rid('e2e-notes'),
  });
  expect(declared.status).toBe(201);
  incidentId = declared.body.incident.id;
  taskId = `${incidentId}:on-duty@police`;
  const police = await Client.login(server.url, 'police');
  for (let i = 1; i <= REPORTS; i += 1) {
    const r = await police.post(`/api/tasks/${encodeURIComponent(taskId)}/report`, {
      requestId: rid('e2e-rep'),
      note: nth(i),
      done: false,
    });
    expect(r.status).toBe(200);
  }
}, 60_000);

afterAll(async () => {
  for (const s of sessions) await s.context.close().catch(() => null);
  await browser?.close();
  await server?.close();
  expect(sessions.flatMap((s) => s.errors)).toEqual([]);
});

it('the matrix shows the count and the latest report; the history opens and pages', async () => {
  const duty = await loginAs(browser, server.url, 'duty');
  sessions.push(duty);
  const { page } = duty;
  await page.goto(`${server.url}/incidents/${incidentId}`);
  await page.fill('input[name=unitFilter]', 'police');
  const chip = `li[data-task="${taskId}"]`;
  await page.waitForSelector(`${chip} .chip-note`);
  await expect(page.textContent(`${chip} .chip-note .note`)).resolves.toBe(nth(REPORTS));
  await expect(page.textContent(`${chip} .chip-note button`)).resolves.toBe(`全部进展（${REPORTS}）`);
  await shot(page, 'notes-1-matrix');

  await page.click(`${chip} .chip-note button`);
  await page.waitForSelector('.notes-dialog .notes-list li');
  expect(await page.$$eval('.notes-dialog .notes-list li p', (ps) => ps.map((p) => p.textContent))).toEqual(
    Array.from({ length: 20 }, (_, i) => nth(REPORTS - i)),
  );
  await expect(page.textContent('.notes-dialog')).resolves.toContain(`共 ${REPORTS} 条，已显示 20 条`);
  await shot(page, 'notes-2-history');
  await page.click('.notes-dialog button:has-text("加载更多")');
  await page.waitForFunction(
    (n) => document.querySelectorAll('.notes-dialog .notes-list li').length === n,
    REPORTS,
  );
  expect(await page.$('.notes-dialog button:has-text("加载更多")')).toBeNull();
  await expect(page.textContent('.notes-dialog .notes-list li:last-child p')).resolves.toBe(nth(1));
  await shot(page, 'notes-3-history-all');
  await page.keyboard.press('Escape');
  await page.waitForSelector('.notes-dialog', { state: 'detached' });

  // in English
  await page.click('.topbar button:has-text("English")');
  await expect(page.textContent(`${chip} .chip-note button`)).resolves.toBe(`All reports (${REPORTS})`);
}, 60_000);

it('the inbox shows the latest report; a report beyond the limit is refused in words', async () => {
  const police = await Client.login(server.url, 'police');
  for (let i = REPORTS + 1; i <= NOTES.perTask; i += 1) {
    const r = await police.post(`/api/tasks/${encodeURIComponent(taskId)}/report`, {
      requestId: rid('e2e-fill'),
      note: nth(i),
      done: false,
    });
    expect(r.status).toBe(200);
  }
  const unit = await loginAs(browser, server.url, 'police');
  sessions.push(unit);
  const { page } = unit;
  await page.waitForURL(/\/inbox$/);
  const row = `.task[data-task="${taskId}"]`;
  await page.waitForSelector(row);
  await expect(page.textContent(`${row} .note`)).resolves.toBe(nth(NOTES.perTask));
  await page.click(`${row} button:has-text("报告进展")`);
  await page.fill(`${row} .task-report input`, '再报一条');
  await page.click(`${row} .task-report button[type=submit]`);
  await page.waitForSelector(`${row} [role=alert]`);
  await expect(page.textContent(`${row} [role=alert]`)).resolves.toBe(
    `该任务的进展报告已达 ${NOTES.perTask} 条上限，请在完成报告中汇总`,
  );
  await shot(page, 'notes-4-inbox-refused');
  // the completion report still goes through
  await page.click(`${row} button:has-text("取消")`);
  await page.click(`${row} button:has-text("报告完成")`);
  await page.fill(`${row} .task-report input`, '已完成，情况汇总');
  await page.click(`${row} .task-report button[type=submit]`);
  // a done task leaves the list of open tasks
  await page.waitForSelector(row, { state: 'detached' });
  const check = await Client.login(server.url, 'duty');
  const latest = await check.get(`/api/tasks/${encodeURIComponent(taskId)}/notes?limit=1`);
  expect(latest.body).toMatchObject({ total: NOTES.perTask + 1, notes: [{ text: '已完成，情况汇总' }] });
}, 60_000);
