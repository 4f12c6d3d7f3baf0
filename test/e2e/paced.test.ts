/**
 * A unit over its command rate in real Chromium: the server answers 429 with Retry-After, and the inbox keeps
 * the action in its queue, says it will be sent by itself, and sends it when the pacing allows — nothing a
 * unit typed is dropped. The server runs with a small allowance in a short window (2 commands in 10 s) so the
 * wait is seconds, not a minute; the path is the same as with the real limits.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { RunningServer } from '../../server/main.ts';
import { boot, Client, rid, tempDir } from '../integration/live.ts';
import { launch, loginAs, type Session, shot } from './browser.ts';

let server: RunningServer;
let browser: Browser;
const sessions: Session[] = [];
let taskId: string;

beforeAll(async () => {
  // the window opens at the first command and the third must land inside it: ten seconds leave room for
  // seven browser actions on a loaded machine (four did not)
  server = await boot(tempDir(), { limits: { rate: { commands: 2, windowSeconds: 10 } } });
  browser = await launch();
  const duty = await Client.login(server.url, 'duty');
  const declared = await duty.post('/api/incidents', {
    planId: 'snow-ice',
    levelId: 'III',
    title: '限速下的离线队列',
    requestId: rid('paced'),
  });
  expect(declared.status).toBe(201);
  taskId = `${declared.body.incident.id}:on-duty@police`;
}, 60_000);

afterAll(async () => {
  for (const s of sessions) await s.context.close().catch(() => null);
  await browser?.close();
  await server?.close();
  expect(sessions.flatMap((s) => s.errors)).toEqual([]);
});

it('a paced action is queued, announced and sent by itself; nothing is lost', async () => {
  const unit = await loginAs(browser, server.url, 'police');
  sessions.push(unit);
  const { page } = unit;
  await page.waitForURL(/\/inbox$/);
  const row = `.task[data-task="${taskId}"]`;
  await page.waitForSelector(row);
  const report = async (text: string) => {
    await page.click(`${row} button:has-text("报告进展")`);
    await page.fill(`${row} .task-report input`, text);
    await page.click(`${row} .task-report button[type=submit]`);
  };
  await page.click(`${row} button:has-text("确认收到")`); // the 1st command of the window
  await report('第一次进展：已上路巡查'); // the 2nd
  await report('第二次进展：青石关路段已疏通'); // the 3rd: paced
  await page.waitForSelector('p[role=status]:has-text("操作过于频繁")');
  const notice = await page.textContent('p[role=status]:has-text("操作过于频繁")');
  expect(notice).toMatch(/^操作过于频繁：1 条操作已排队，约 \d+ 秒后自动发送，不会丢失$/);
  await shot(page, 'paced-1-queued');
  // sent once the window allows, without a click
  await page.waitForSelector('p[role=status]:has-text("已补发 1 条离线操作")', { timeout: 30_000 });
  await shot(page, 'paced-2-sent');
  const duty = await Client.login(server.url, 'duty');
  const notes = await duty.get(`/api/tasks/${encodeURIComponent(taskId)}/notes`);
  expect(notes.body.notes.map((n: { text: string }) => n.text)).toEqual([
    '第二次进展：青石关路段已疏通',
    '第一次进展：已上路巡查',
  ]);
  expect(
    await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('epc-outbox'))),
  ).toEqual([]);
}, 60_000);
