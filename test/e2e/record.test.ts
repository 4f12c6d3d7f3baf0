/**
 * The record as a duty officer reads it in real Chromium: terminating with undone work shows that work as
 * 未完成, never as done; an incident recorded at the first report (接报) shows its running clocks and the
 * roles whose tasks reach no one until the officer binds them on the page.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { RunningServer } from '../../server/main.ts';
import { boot, Client, rid } from '../integration/live.ts';
import { launch, loginAs, type Session, shot } from './browser.ts';

let server: RunningServer;
let browser: Browser;
const sessions: Session[] = [];

beforeAll(async () => {
  server = await boot();
  browser = await launch();
}, 60_000);

afterAll(async () => {
  for (const s of sessions) await s.context.close().catch(() => null);
  await browser?.close();
  await server?.close();
  expect(sessions.flatMap((s) => s.errors)).toEqual([]);
});

it('terminating with undone work reads 未完成 on the incident page, never 已完成', async () => {
  const api = await Client.login(server.url, 'duty');
  const declared = await api.post('/api/incidents', {
    planId: 'snow-ice',
    levelId: 'III',
    title: '终止未完成 e2e',
    requestId: rid('e2e-term'),
  });
  expect(declared.status).toBe(201);
  const id: string = declared.body.incident.id;
  const police = await Client.login(server.url, 'police');
  const done = await police.post(`/api/tasks/${encodeURIComponent(`${id}:on-duty@police`)}/report`, {
    note: '已到岗',
    done: true,
    requestId: rid('e2e-done'),
  });
  expect(done.status).toBe(200);

  const duty = await loginAs(browser, server.url, 'duty');
  sessions.push(duty);
  const { page } = duty;
  await page.goto(`${server.url}/incidents/${id}`);
  await page.click('.actions-bar button.danger');
  // the preview says what termination closes undone before the officer confirms
  await page.waitForSelector('.dialog .preview .warning');
  await expect(page.textContent('.dialog .preview .warning')).resolves.toMatch(
    /将关闭 \d+ 项未完成的响应任务/,
  );
  await page.fill('.dialog textarea[name=reason]', '降雪停止，道路畅通');
  await page.click('.dialog button[type=submit]');
  await page.waitForSelector('text=已终止');
  await page.waitForFunction(() =>
    /终止时未完成 [1-9]/.test(document.querySelector('[data-counts]')?.textContent ?? ''),
  );
  const counts = (await page.textContent('[data-counts]')) ?? '';
  const count = (label: string) => Number(new RegExp(`${label} (\\d+)`).exec(counts)?.[1]);
  // all but the one done task and what runs from the report (the weather bureau's daily forecast)
  expect(count('终止时未完成')).toBe(count('任务') - 1 - count('待办'));
  expect(count('待办')).toBe(1);
  expect(counts).toMatch(/已完成 1/);

  // the weather bureau never acknowledged: its chips say not done, closed when the response ended
  await page.fill('input[name=unitFilter]', 'weather');
  const chip = page.locator('[data-unit=weather] li.chip').first();
  await expect(chip.locator('.chip-status').textContent()).resolves.toBe('未完成（响应终止）');
  // the one task done stays done; the police's other tasks were closed undone
  await page.fill('input[name=unitFilter]', 'police');
  const chips = await page.locator('[data-unit=police] li.chip .chip-status').allTextContents();
  expect(chips.filter((s) => s === '已完成')).toHaveLength(1);
  expect(chips.filter((s) => s === '未完成（响应终止）')).toHaveLength(chips.length - 1);
  await page.fill('input[name=unitFilter]', '');
  await shot(page, 'record-terminated-undone');
}, 60_000);

it('an incident recorded at the first report shows its clocks and who they reach, and the role is bound on the page', async () => {
  const duty = await loginAs(browser, server.url, 'duty');
  sessions.push(duty);
  const { page } = duty;
  await page.goto(`${server.url}/declare`);
  await page.selectOption('select[name=plan]', 'power-plant');
  await page.check('input[name=openOnly]');
  await page.fill('input[name=title]', '某电厂锅炉爆管 e2e');
  // required here: the 10/30/50-minute reports run from the accident (Beijing time, as the officer types it)
  const fiveMinutesAgo = new Intl.DateTimeFormat('sv-SE', {
    timeZone: 'Asia/Shanghai',
    dateStyle: 'short',
    timeStyle: 'short',
  })
    .format(Date.now() - 5 * 60_000)
    .replace(' ', 'T');
  await page.fill('input[name=occurredAt]', fiveMinutesAgo);
  await page.fill('textarea[name=summary]', '电厂值长来电：一台锅炉爆管，暂无伤亡');
  await page.click('button[type=submit]');
  await page.waitForSelector('#incident-title');
  await expect(page.textContent('.incident-head')).resolves.toContain('接报研判中');
  await expect(page.textContent('.incident-head')).resolves.toContain('锅炉爆管，暂无伤亡');
  // the 10/30/50-minute reports run already, and the county's reach no one
  await page.waitForSelector('[data-role=incident-county][data-bound=no]');
  const clocks = await page.locator('ul.clocks li').allTextContents();
  expect(clocks.some((c) => c.includes('10分钟') && c.includes('无人接收'))).toBe(true);
  await shot(page, 'record-first-report');

  await page.selectOption('[data-role=incident-county] select[name=unitId]', 'zichuan');
  await page.click('[data-role=incident-county] button[type=submit]');
  await page.waitForSelector('[data-role=incident-county][data-bound=yes]');
  await expect(page.textContent('[data-role=incident-county]')).resolves.toContain('淄川区');
  // only the level buttons and closing apply to an incident being graded
  await expect(page.locator('.actions-bar button').allTextContents()).resolves.toEqual([
    'Ⅳ级（一般）',
    'Ⅲ级（较大）',
    'Ⅱ级（重大）',
    'Ⅰ级（特别重大）',
    '结案（不启动响应）',
  ]);
  await shot(page, 'record-bound');
}, 60_000);

it('an occurrence the report did not give reads 未填写 and is filled in on the page when learnt', async () => {
  const api = await Client.login(server.url, 'duty');
  const declared = await api.post('/api/incidents', {
    planId: 'snow-ice',
    levelId: 'III',
    title: '事发时间补记 e2e',
    requestId: rid('e2e-occurred'),
  });
  expect(declared.status).toBe(201);
  const id: string = declared.body.incident.id;
  const reportedAt: number = declared.body.incident.openedAt;

  const duty = await loginAs(browser, server.url, 'duty');
  sessions.push(duty);
  const { page } = duty;
  await page.goto(`${server.url}/incidents/${id}`);
  await page.waitForSelector('.report-times');
  await expect(page.textContent('.report-times')).resolves.toMatch(/^事发 未填写 · 接报/);
  await expect(page.textContent('.timeline')).resolves.toMatch(/事故发生时间未填写：相关时限自接报 .+ 起算/);
  // after the report is refused by the engine, in words; the page keeps the form open to correct it
  const local = (ms: number) => new Date(ms + 8 * 3600_000).toISOString().slice(0, 16);
  await page.click('[data-give=occurred]');
  await page.fill('.give-occurred input[name=occurredAt]', local(reportedAt + 3 * 60_000));
  await page.evaluate(() =>
    document.querySelector<HTMLInputElement>('.give-occurred input')?.removeAttribute('max'),
  );
  await page.click('.give-occurred button[type=submit]');
  await page.waitForSelector('.give-occurred .error');
  await expect(page.textContent('.give-occurred .error')).resolves.toContain('事发时间应在接报之前');
  // twenty minutes before the report: recorded, shown, and the form is gone
  const occurred = reportedAt - 20 * 60_000;
  await page.fill('.give-occurred input[name=occurredAt]', local(occurred));
  await page.click('.give-occurred button[type=submit]');
  const hhmm = local(occurred).slice(11, 16);
  await page.waitForFunction(
    (t) =>
      (document.querySelector('.report-times')?.textContent ?? '').startsWith(`事发 `) &&
      (document.querySelector('.report-times')?.textContent ?? '').includes(t) &&
      !document.querySelector('[data-give=occurred]'),
    hhmm,
  );
  await shot(page, 'record-occurred-given');
  // on a phone, in English, the level's long name wraps and the page stays the screen's width
  await page.setViewportSize({ width: 390, height: 844 });
  await page.click('.topbar button:has-text("English")');
  await page.waitForSelector('.report-times:has-text("reported")');
  await page.waitForFunction(() => document.documentElement.scrollWidth <= 390);
  await page.click('.topbar button:has-text("中文")');
  await page.setViewportSize({ width: 1400, height: 900 });
  const detail = (await api.get(`/api/incidents/${id}`)).body;
  // the record's time; the clocks keep the report's time they ran from
  expect(detail.incident.occurredAt).toBe(Math.floor(occurred / 60_000) * 60_000);
  expect(detail.incident.milestones.occurred).toBe(reportedAt);
  await expect(page.textContent('.timeline')).resolves.toMatch(/补记事故发生时间：.+（时限仍按原起算时间）/);
}, 60_000);
