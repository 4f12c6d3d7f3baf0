/**
 * The 台账, history and statistics pages in real Chromium against a real server: two incidents made through
 * the API (two plans, one a drill, one a month and more earlier and terminated), tasks acknowledged and
 * reported by the units; then the pages are read and compared with what the API answers for the same
 * filters, filters are changed through the page and land in the address, a unit reads only its own ledger,
 * and Chart.js is fetched by the statistics page and by no other.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../server/main.ts';
import type { LedgerPage } from '../../shared/protocol/contract.ts';
import type { HistoryPage } from '../../shared/views/history.ts';
import { LIVE_REFRESH_MS } from '../../shared/protocol/limits.ts';
import { LEDGER_STATUS_WORDS } from '../../shared/views/ledger.ts';
import { planById } from '../../shared/plans/index.ts';
import type { Statistics } from '../../shared/views/statistics.ts';
import { boot, Client, rid, tempDir } from '../integration/live.ts';
import { launch, type Session, shot, SHOTS, watchCsp } from './browser.ts';

const DAY = 24 * 3600_000;
const MIN = 60_000;
/** the server's clock runs this far from the real one: the first incident happens 40 days ago */
let offset = -40 * DAY;
let server: RunningServer;
let browser: Browser;
const sessions: (Session & { requests: string[] })[] = [];

const shanghaiDay = (ms: number) => new Date(ms + 8 * 3600_000).toISOString().slice(0, 10);
const shanghaiTime = (ms: number) => new Date(ms + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');

interface Made {
  id: string;
  title: string;
  planId: string;
  openedAt: number;
}
let real: Made;
let drill: Made;
/** the unit that acted on both incidents, and signs in as itself */
let unit: string;
let duty: Client;

/** The built Chart.js chunk: the one file of the build holding its code (its own error message). */
function chartChunk(): string {
  const dir = join(process.cwd(), 'dist', 'client', 'assets');
  const found = readdirSync(dir).filter(
    (f) => f.endsWith('.js') && readFileSync(join(dir, f), 'utf8').includes('Canvas is already in use'),
  );
  expect(found).toHaveLength(1);
  return found[0]!;
}

/** Signs in like test/e2e/browser.ts's loginAs, recording every request of the context from the start. */
async function signIn(username: string, viewport = { width: 1440, height: 900 }) {
  const context = await browser.newContext({ viewport, locale: 'zh-CN' });
  const errors: string[] = [];
  const requests: string[] = [];
  await watchCsp(context, errors, username);
  context.on('request', (r) => requests.push(new URL(r.url()).pathname));
  const page = await context.newPage();
  page.on('pageerror', (e) => errors.push(`${username}: ${e.message}`));
  await page.goto(`${server.url}/`);
  await page.fill('input[name=username]', username);
  await page.fill('input[name=password]', 'demo');
  await page.click('button[type=submit]');
  await page.waitForSelector('.topbar');
  await page.waitForSelector('.conn-live');
  const session = { context, page, errors, requests };
  sessions.push(session);
  return session;
}

/**
 * Client-side navigation as a person moves between pages: the top bar's 记录 entry (which opens on the
 * page each role reads most), then the tab of the page wanted.
 */
async function nav(page: Page, path: string) {
  await page.click('.topbar nav a:is([href="/history"], [href="/ledger"], [href="/statistics"])');
  await page.waitForSelector('.record-tabs');
  await page.click(`.record-tabs a[href="${path}"]`);
  await page.waitForURL((u) => u.pathname === path);
  // the one entry of the top bar stays lit on each of the three pages, and the tab says which
  await expect(page.textContent('.topbar nav a.active')).resolves.toMatch(/^(记录|Records)$/);
  await page.waitForSelector(`.record-tabs a.active[href="${path}"]`);
  await expect(page.locator('.record-tabs a.active').count()).resolves.toBe(1);
}

/** The page's "共 N 条" once the rows asked for have arrived. */
async function totalShown(page: Page): Promise<number> {
  await page.waitForSelector('.after-page[aria-busy=false] .pager-total');
  return Number(await page.getAttribute('.pager-total', 'data-total'));
}

async function waitTotal(page: Page, total: number) {
  await page.waitForFunction(
    (n) =>
      document.querySelector('.after-page')?.getAttribute('aria-busy') === 'false' &&
      document.querySelector('.pager-total')?.getAttribute('data-total') === String(n),
    total,
  );
}

/** The history page once it shows, settled, exactly these incidents in this order. */
async function waitItems(page: Page, ids: string[]) {
  await page.waitForFunction(
    (want) =>
      document.querySelector('.after-page')?.getAttribute('aria-busy') === 'false' &&
      JSON.stringify(
        [...document.querySelectorAll('.history-item')].map((e) => e.getAttribute('data-incident')),
      ) === JSON.stringify(want),
    ids,
  );
}

async function open(api: Client, planId: string, levelId: string, title: string, isDrill: boolean) {
  const opened = await api.post('/api/incidents', {
    planId,
    levelId,
    title,
    summary: `${title}：接报，情况正在核实`,
    drill: isDrill,
    reason: '测试：按预案直接启动',
    requestId: rid('e2e-after'),
  });
  expect(opened.status).toBe(201);
  const incident = opened.body.incident as { id: string; openedAt: number };
  const detail = await api.get<{ tasks: { id: string; unitId: string; reached: boolean }[] }>(
    `/api/incidents/${incident.id}`,
  );
  return { made: { id: incident.id, title, planId, openedAt: incident.openedAt }, tasks: detail.body.tasks };
}

beforeAll(async () => {
  server = await boot(tempDir(), { now: () => Date.now() + offset, sessionTtlMs: 90 * DAY });
  browser = await launch();
  duty = await Client.login(server.url, 'duty');

  // forty days ago: a real snow-and-ice response; two units act, one of them hours late, and it is
  // terminated with work undone
  const a = await open(duty, 'snow-ice', 'III', '北山路段道路结冰 e2e', false);
  real = a.made;
  // the unit that acts and then reads its own ledger: one both plans name (the police when it can be)
  const pollution = new Set(planById('rural-water')!.units.map((u) => u.id));
  const candidates = [...new Set(a.tasks.filter((t) => t.reached).map((t) => t.unitId))].filter((u) =>
    pollution.has(u),
  );
  expect(candidates.length).toBeGreaterThan(0);
  unit = candidates.includes('police') ? 'police' : candidates[0]!;
  const version = async (id: string) =>
    (await duty.get<{ incident: { version: number } }>(`/api/incidents/${id}`)).body.incident.version;

  const acting = await Client.login(server.url, unit);
  offset += 5 * MIN;
  const mine = a.tasks.filter((t) => t.unitId === unit);
  for (const t of mine)
    expect((await acting.post(`/api/tasks/${t.id}/acknowledge`, { requestId: rid('ack') })).status).toBe(200);
  offset += 5 * MIN;
  expect(
    (
      await acting.post(`/api/tasks/${mine[0]!.id}/report`, {
        note: '已到岗',
        done: true,
        requestId: rid('rep'),
      })
    ).status,
  ).toBe(200);
  const other = a.tasks.find((t) => t.reached && t.unitId !== unit)!;
  const late = await Client.login(server.url, other.unitId);
  offset += 3 * 3600_000;
  expect((await late.post(`/api/tasks/${other.id}/acknowledge`, { requestId: rid('ack') })).status).toBe(200);
  offset += 60 * MIN;
  // the scheduler may mark a deadline overdue between reading the version and sending: read it again
  const end = async () =>
    duty.post(`/api/incidents/${real.id}/terminate`, {
      reason: '道路畅通，终止响应',
      expectedVersion: await version(real.id),
      requestId: rid('e2e-after'),
    });
  let ended = await end();
  for (let i = 0; i < 5 && ended.status === 409; i++) ended = await end();
  expect(ended.status).toBe(200);

  // today: a rural-water drill, still running; the same unit acknowledges its tasks. Two hours ago, or
  // less just after midnight: "today" is Shanghai's, whatever hour the tests run
  const sinceMidnight = (Date.now() + 8 * 3600_000) % DAY;
  const back = Math.min(2 * 3600_000, Math.floor(sinceMidnight / 2));
  offset = -back;
  const commander = await Client.login(server.url, 'commander');
  const d = await open(commander, 'rural-water', 'district', '山头街道供水管网爆管应急演练 e2e', true);
  drill = d.made;
  offset = -Math.floor(back / 2);
  for (const t of d.tasks.filter((x) => x.unitId === unit).slice(0, 2))
    expect((await acting.post(`/api/tasks/${t.id}/acknowledge`, { requestId: rid('ack') })).status).toBe(200);
  offset = 0;
}, 120_000);

afterAll(async () => {
  for (const s of sessions) await s.context.close().catch(() => null);
  await browser?.close();
  await server?.close();
  expect(sessions.flatMap((s) => s.errors)).toEqual([]);
});

describe('台账 for the duty officer', () => {
  let s: Awaited<ReturnType<typeof signIn>>;
  beforeAll(async () => {
    s = await signIn('duty');
  }, 60_000);

  it('shows the rows the API gives for the same filters, cell by cell', async () => {
    const { page } = s;
    await nav(page, '/ledger');
    const api = (await duty.get<LedgerPage>('/api/ledger?limit=500')).body;
    expect(api.total).toBeGreaterThan(10);
    expect(await totalShown(page)).toBe(api.total);
    await expect(page.textContent('.pager-total')).resolves.toBe(`共 ${api.total} 条`);
    await expect(page.textContent('#ledger-title')).resolves.toBe('台账');
    const rows = page.locator('table.ledger-table tbody tr');
    await expect(rows.count()).resolves.toBe(Math.min(100, api.total));
    // the headings are the file's columns
    await expect(page.locator('table.ledger-table thead th').allTextContents()).resolves.toEqual([
      '序号',
      '时间',
      '事件',
      '责任单位',
      '措施（条款）',
      '落实情况',
      '完成时间',
      '责任人',
      '备注',
    ]);
    for (const i of [0, 1, Math.min(99, api.total - 1)]) {
      const r = api.rows[i]!;
      const cells = await rows.nth(i).locator('td').allTextContents();
      expect(cells[0]).toBe(String(r.no));
      expect(cells[1]).toBe(shanghaiTime(r.at));
      expect(cells[2]).toContain(r.incident);
      expect(cells[3]).toBe(r.unit);
      expect(cells[4]).toBe(r.clause ? `${r.measure}（${r.clause}）` : r.measure);
      expect(cells[5]).toBe(LEDGER_STATUS_WORDS[r.status].zh);
      expect(cells[6]).toBe(r.doneAt === null ? '' : shanghaiTime(r.doneAt));
    }
    // the drill's rows say so; the real incident's do not
    const drillRow = api.rows.findIndex((r) => r.drill);
    expect(drillRow).toBeGreaterThanOrEqual(0);
    if (drillRow < 100) await expect(rows.nth(drillRow).locator('.tag.drill').count()).resolves.toBe(1);
    // the outcome's colour: green only for work done, never for work closed undone
    const done = page.locator('tr[data-status=done] .outcome').first();
    await expect(done.getAttribute('class')).resolves.toContain('outcome-ok');
    const closed = page.locator('tr[data-status=closedUndone] .outcome');
    if ((await closed.count()) > 0)
      await expect(closed.first().getAttribute('class')).resolves.toContain('outcome-bad');
    const colours = await page.$$eval('tr[data-status] .outcome', (els) =>
      els.map((e) => ({
        status: e.closest('tr')!.getAttribute('data-status'),
        bg: getComputedStyle(e).backgroundColor,
      })),
    );
    const green = colours.find((c) => c.status === 'done')!.bg;
    expect(colours.filter((c) => c.bg === green).every((c) => c.status === 'done')).toBe(true);
    // a second page when there is one
    if (api.total > 100) {
      await page.click('.pager button:has-text("下一页")');
      await page.waitForURL(/page=2/);
      await page.waitForFunction(
        () => document.querySelector('table.ledger-table tbody td')?.textContent === '101',
      );
      await expect(rows.count()).resolves.toBe(Math.min(100, api.total - 100));
      await page.goBack();
      await page.waitForURL((u) => !u.search.includes('page='));
    }
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: join(SHOTS, 'after-ledger-duty-1440.png') });
    // the terminated incident's rows: done, late, closed undone
    await page.locator('tr[data-status=done]').first().scrollIntoViewIfNeeded();
    await page.evaluate(() => window.scrollBy(0, 200));
    await page.screenshot({ path: join(SHOTS, 'after-ledger-duty-1440-ended.png') });
    await shot(page, 'after-ledger-duty-1440-full');
    await page.click('.topbar button:has-text("English")');
    await page.waitForSelector('text=Responsible unit');
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: join(SHOTS, 'after-ledger-duty-1440-en.png') });
    await page.click('.topbar button:has-text("中文")');
  }, 60_000);

  it('narrows by plan through the page, puts the filter in the address, and the exports carry it', async () => {
    const { page } = s;
    await page.goto(`${server.url}/ledger`);
    const all = await totalShown(page);
    const snow = (await duty.get<LedgerPage>('/api/ledger?planId=snow-ice&limit=1')).body.total;
    expect(snow).toBeGreaterThan(0);
    expect(snow).toBeLessThan(all);
    await page.selectOption('select[name=planId]', 'snow-ice');
    await page.waitForURL(/[?&]planId=snow-ice/);
    await waitTotal(page, snow);
    // the level list is the plan's own, and a level narrows again
    const iii = planById('snow-ice')!.levels.find((l) => l.id === 'III')!.name.zh;
    await expect(page.locator('select[name=levelId] option').allTextContents()).resolves.toContain(iii);
    await page.selectOption('select[name=levelId]', 'III');
    await page.waitForURL(/levelId=III/);
    const level = (await duty.get<LedgerPage>('/api/ledger?planId=snow-ice&levelId=III&limit=1')).body.total;
    // the only snow incident reached Ⅲ, so the count is the one before: wait for the page to have rendered
    // the new filter (the router re-renders after the address changes), then for its answer
    await page.waitForSelector('a[data-export=xlsx][href*="levelId=III"]');
    await waitTotal(page, level);
    // the files hold the same filters and the reader's language
    const xlsx = await page.getAttribute('a[data-export=xlsx]', 'href');
    const csv = await page.getAttribute('a[data-export=csv]', 'href');
    expect(xlsx).toBe('/api/ledger.xlsx?planId=snow-ice&levelId=III&lang=zh');
    expect(csv).toBe('/api/ledger.csv?planId=snow-ice&levelId=III&lang=zh');
    await expect(page.getAttribute('a[data-export=csv]', 'download')).resolves.toBe('');
    // the CSV link downloads that very answer: a heading and a line per row
    const file = await page.request.get(`${server.url}${csv}`);
    expect(file.status()).toBe(200);
    const lines = (await file.text())
      .replace(/^\uFEFF/, '')
      .trim()
      .split(/\r?\n/);
    expect(lines).toHaveLength(level + 1);

    // a bookmarked view opens as it was left
    const bookmarked = page.url();
    await page.goto(`${server.url}/dashboard`);
    await page.goto(bookmarked);
    await waitTotal(page, level);
    await expect(page.inputValue('select[name=planId]')).resolves.toBe('snow-ice');
    await expect(page.inputValue('select[name=levelId]')).resolves.toBe('III');

    // dates: today only is the drill
    const today = shanghaiDay(Date.now());
    await page.click('button:has-text("清除筛选")');
    await page.waitForURL((u) => u.search === '');
    await page.fill('input[name=from]', today);
    await page.waitForURL(new RegExp(`from=${today}`));
    const fromToday = (await duty.get<LedgerPage>(`/api/ledger?from=${today}&limit=500`)).body;
    expect(fromToday.total).toBeGreaterThan(0);
    expect(fromToday.rows.every((r) => r.incidentId === drill.id)).toBe(true);
    await waitTotal(page, fromToday.total);
    // 真实 only: nothing today
    await page.click('input[name=drill][value=false]');
    await page.waitForURL(/drill=false/);
    await waitTotal(page, 0);
    await expect(page.textContent('.empty')).resolves.toBe('没有符合条件的记录');
    await expect(page.getAttribute('a[data-export=xlsx]', 'href')).resolves.toBe(
      `/api/ledger.xlsx?from=${today}&drill=false&lang=zh`,
    );
    // in English the headings and the exports follow
    await page.click('.topbar button:has-text("English")');
    await expect(page.getAttribute('a[data-export=xlsx]', 'href')).resolves.toBe(
      `/api/ledger.xlsx?from=${today}&drill=false&lang=en`,
    );
    await expect(page.textContent('.pager-total')).resolves.toBe('0 rows');
    await page.click('.topbar button:has-text("中文")');
  }, 60_000);

  it('opened from an incident, shows it as a chip that can be removed', async () => {
    const { page } = s;
    await page.goto(`${server.url}/ledger?incidentId=${real.id}`);
    const api = (await duty.get<LedgerPage>(`/api/ledger?incidentId=${real.id}&limit=500`)).body;
    expect(await totalShown(page)).toBe(api.total);
    await expect(page.textContent('[data-chip=incident]')).resolves.toContain(`事件：${real.title}`);
    const incidents = await page.$$eval('table.ledger-table tbody tr td:nth-child(3) a', (as) =>
      as.map((a) => a.getAttribute('href')),
    );
    expect(new Set(incidents)).toEqual(new Set([`/incidents/${real.id}`]));
    await expect(page.getAttribute('a[data-export=csv]', 'href')).resolves.toBe(
      `/api/ledger.csv?incidentId=${real.id}&lang=zh`,
    );
    await page.click('[data-chip=incident] button');
    await page.waitForURL((u) => !u.search.includes('incidentId'));
    // the new answer comes after the address changes: wait for it, not for the page the chip was on
    await expect.poll(() => totalShown(page), { timeout: 10_000 }).toBeGreaterThan(api.total);
    // by unit: the select offers the units, and narrows to one
    await page.selectOption('select[name=unitId]', unit);
    await page.waitForURL(new RegExp(`unitId=${unit}`));
    const ofUnit = (await duty.get<LedgerPage>(`/api/ledger?unitId=${unit}&limit=500`)).body;
    await waitTotal(page, ofUnit.total);
  }, 60_000);
});

describe('台账 follows the record', () => {
  it('shows a unit acknowledging, without a reload, while the page is open', async () => {
    const s = await signIn('duty');
    const { page } = s;
    await page.goto(`${server.url}/ledger?incidentId=${drill.id}`);
    const before = (await duty.get<LedgerPage>(`/api/ledger?incidentId=${drill.id}&limit=500`)).body;
    await waitTotal(page, before.total);
    // a task of the running drill still waiting for its unit, as the page shows it
    const waiting = before.rows.find((r) => r.status === 'assigned' && r.reached)!;
    expect(waiting).toBeDefined();
    const row = page.locator(`tr[data-task="${waiting.taskId}"]`);
    await expect(row.getAttribute('data-status')).resolves.toBe('assigned');
    const requests = () => s.requests.filter((r) => r === '/api/ledger').length;
    const asked = requests();

    const owner = await Client.login(server.url, waiting.unitId);
    expect(
      (await owner.post(`/api/tasks/${waiting.taskId}/acknowledge`, { requestId: rid('ack') })).status,
    ).toBe(200);
    // the live link brings the fact; the page asks its question again within the refresh pace
    await page.waitForSelector(`tr[data-task="${waiting.taskId}"][data-status=acknowledged]`, {
      timeout: LIVE_REFRESH_MS + 10_000,
    });
    await expect(row.locator('.col-status').textContent()).resolves.toContain(
      LEDGER_STATUS_WORDS.acknowledged.zh,
    );
    // asked again, but at the refresh pace, not once a fact (the scheduler may add one of its own meanwhile)
    expect(requests()).toBeGreaterThan(asked);
    expect(requests()).toBeLessThanOrEqual(asked + 2);
  }, 60_000);
});

describe('历史事件', () => {
  it('finds an incident by a word of its title and not the other; filters by real or drill', async () => {
    const { page } = await signIn('duty');
    await nav(page, '/history');
    const all = (await duty.get<HistoryPage>('/api/history')).body;
    expect(await totalShown(page)).toBe(all.total);
    // newest first
    const ids = await page.$$eval('.history-item', (els) => els.map((e) => e.getAttribute('data-incident')));
    expect(ids).toEqual(all.items.map((i) => i.id));
    expect(ids[0]).toBe(drill.id);

    await page.fill('input[name=text]', '结冰');
    await page.press('input[name=text]', 'Enter');
    await page.waitForURL(/text=/);
    const found = (await duty.get<HistoryPage>(`/api/history?text=${encodeURIComponent('结冰')}`)).body;
    expect(found.items.map((i) => i.id)).toEqual([real.id]);
    await waitItems(page, [real.id]);
    expect(await totalShown(page)).toBe(1);
    const item = page.locator(`.history-item[data-incident="${real.id}"]`);
    await expect(item.locator('h2 a').getAttribute('href')).resolves.toBe(`/incidents/${real.id}`);
    await expect(item.textContent()).resolves.toContain('博山区扫雪除冰应急预案');
    await expect(item.textContent()).resolves.toContain('已终止');
    await expect(item.locator('.badge').textContent()).resolves.toBe(
      planById('snow-ice')!.levels.find((l) => l.id === 'III')!.name.zh,
    );
    await expect(
      item.locator('.history-links a').evaluateAll((as) => as.map((a) => a.getAttribute('href'))),
    ).resolves.toEqual([`/incidents/${real.id}/review`, `/ledger?incidentId=${real.id}`]);
    await expect(item.locator('[data-count=closedUndone]').count()).resolves.toBe(1);
    await shot(page, 'after-history-search');

    // words of the other incident find it and not this one
    await page.fill('input[name=text]', '爆管');
    await page.press('input[name=text]', 'Enter');
    await page.waitForURL(/text=%E7%88%86/);
    const other = (await duty.get<HistoryPage>(`/api/history?text=${encodeURIComponent('爆管')}`)).body;
    expect(other.items.map((i) => i.id)).toContain(drill.id);
    expect(other.items.map((i) => i.id)).not.toContain(real.id);
    // the same count as the answer before (one each): wait for these very incidents, not a total
    await waitItems(
      page,
      other.items.map((i) => i.id),
    );

    // drills only, no words: the drill
    await page.fill('input[name=text]', '');
    await page.press('input[name=text]', 'Enter');
    await page.click('input[name=drill][value=true]');
    await page.waitForURL(/drill=true/);
    const drills = (await duty.get<HistoryPage>('/api/history?drill=true')).body;
    expect(drills.items.map((i) => i.id)).toEqual([drill.id]);
    await waitItems(page, [drill.id]);
    await expect(page.locator('.history-item .tag.drill').count()).resolves.toBe(1);
    // the ledger link of the terminated incident opens its rows
    await page.goto(`${server.url}/history?text=${encodeURIComponent('结冰')}`);
    await page.click(`.history-item[data-incident="${real.id}"] .history-links a:has-text("台账")`);
    await page.waitForURL(new RegExp(`/ledger\\?incidentId=${real.id}`));
    await page.waitForSelector('[data-chip=incident]');
  }, 60_000);
});

describe('统计', () => {
  it('loads Chart.js on this page only, draws the charts and shows the API’s numbers', async () => {
    const chunk = chartChunk();
    const s = await signIn('leader');
    const { page, requests } = s;
    // a leader's 记录 opens on the statistics: the history and the ledger are reached by their address
    await expect(page.getAttribute('.topbar nav a:has-text("记录")', 'href')).resolves.toBe('/statistics');
    await page.goto(`${server.url}/history`);
    await page.waitForSelector('.after-page[aria-busy=false]');
    await page.click('.record-tabs a[href="/ledger"]');
    await page.waitForSelector('.after-page[aria-busy=false] table.ledger-table');
    // the dashboard, the history and the ledger fetched their code, and none of it was Chart.js
    expect(requests.some((r) => /\/assets\/Ledger-.*\.js$/.test(r))).toBe(true);
    expect(requests.filter((r) => r.endsWith(chunk))).toEqual([]);

    const before = requests.length;
    await nav(page, '/statistics');
    await page.waitForSelector('canvas[data-chart=byPlan]');
    // fetched when the statistics page opened (a module preload and the import may both show)
    expect(requests.slice(before).filter((r) => r.endsWith(chunk)).length).toBeGreaterThan(0);
    const fetched = requests.filter((r) => r.endsWith(chunk)).length;
    const stats = (
      await (await Client.login(server.url, 'leader')).get<Statistics>('/api/statistics?drill=false')
    ).body;
    // real responses by default: the snow-and-ice one only
    expect(stats.incidents).toBe(1);
    await page.waitForSelector('.statistics[aria-busy=false]');
    await expect(page.isChecked('input[name=drill][value=false]')).resolves.toBe(true);
    await expect(page.textContent('[data-figure=incidents] dd')).resolves.toBe(String(stats.incidents));
    await expect(page.textContent('[data-figure=units] dd')).resolves.toBe(String(stats.units.length));
    // each chart is drawn (the canvas has ink) and its table holds the numbers
    for (const name of ['byPlan', 'byMonth', 'byLevel-snow-ice']) {
      const ink = await page.$eval(`canvas[data-chart="${name}"]`, (c) => {
        const canvas = c as HTMLCanvasElement;
        const data = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
        let n = 0;
        for (let i = 3; i < data.length; i += 4) if (data[i]! > 0) n++;
        return n;
      });
      expect(ink, name).toBeGreaterThan(500);
    }
    const table = async (name: string) =>
      page.$$eval(`table[data-table="${name}"] tbody tr`, (trs) =>
        trs.map((tr) => [...tr.children].map((c) => c.textContent)),
      );
    await expect(table('byPlan')).resolves.toEqual(stats.byPlan.map((p) => [p.title.zh, String(p.count)]));
    const level = stats.byLevel.find((l) => l.planId === 'snow-ice')!;
    expect((await table('byLevel-snow-ice')).find((r) => r[0] === level.name?.zh)?.[1]).toBe(
      String(level.count),
    );
    const months = await table('byMonth');
    expect(months.reduce((n, r) => n + Number(r[1]), 0)).toBe(stats.incidents);
    // every unit's row: its share of deadlines with the counts, or 无 when it had none
    for (const u of stats.units) {
      const row = page.locator(`table.unit-stats tr[data-unit="${u.unitId}"]`);
      const share = (await row.locator('td[data-share]').textContent()) ?? '';
      if (u.deadlines === 0) expect(share).toBe('无');
      else {
        expect(share).toContain(
          `按时 ${u.met} / 逾期 ${u.metLate} / 超时未完成 ${u.missed}，共 ${u.deadlines}`,
        );
        expect(share).not.toBe('无');
      }
      await expect(row.locator('td[data-ack]').getAttribute('data-ack')).resolves.toBe(
        u.medianAckMs === null ? '' : String(u.medianAckMs),
      );
    }
    expect(stats.units.some((u) => u.medianAckMs !== null)).toBe(true);
    await shot(page, 'after-statistics-leader-1440');

    // sorted by the median time to acknowledge, fastest first, the units without one last; the order is
    // in the address
    await page.click('button[data-sort=ack]');
    await page.waitForURL(/sort=ack/);
    const order = () =>
      page.$$eval('table.unit-stats tbody tr', (trs) => trs.map((t) => t.getAttribute('data-unit')));
    const expected = [...stats.units]
      .sort(
        (a, b) =>
          (a.medianAckMs ?? Infinity) - (b.medianAckMs ?? Infinity) || a.unitId.localeCompare(b.unitId),
      )
      .map((u) => u.unitId);
    await expect.poll(order).toEqual(expected);
    await expect(page.getAttribute('th:has(button[data-sort=ack])', 'aria-sort')).resolves.toBe('ascending');
    // again: slowest first, the units without one still last
    await page.click('button[data-sort=ack]');
    await page.waitForURL(/sort=ack-desc/);
    const timed = stats.units.filter((u) => u.medianAckMs !== null).length;
    await expect
      .poll(async () => (await order()).slice(0, timed))
      .toEqual(expected.slice(0, timed).reverse());
    await expect(page.getAttribute('th:has(button[data-sort=ack])', 'aria-sort')).resolves.toBe('descending');

    // all, drills too: both plans
    await page.click('input[name=drill][value=all]');
    await page.waitForURL(/drill=all/);
    const everything = (await (await Client.login(server.url, 'leader')).get<Statistics>('/api/statistics'))
      .body;
    expect(everything.incidents).toBe(2);
    await page.waitForFunction(
      (n) => document.querySelector('[data-figure=incidents] dd')?.textContent === String(n),
      everything.incidents,
    );
    await page.waitForSelector('canvas[data-chart="byLevel-rural-water"]');
    // two months on the axis: forty days ago and today
    expect(new Set(everything.byMonth.map((m) => m.month)).size).toBe(
      shanghaiDay(real.openedAt).slice(0, 7) === shanghaiDay(drill.openedAt).slice(0, 7) ? 1 : 2,
    );
    await page.click('.topbar button:has-text("English")');
    await page.waitForSelector('text=Deadlines met on time');
    await shot(page, 'after-statistics-leader-en');
    await page.click('.topbar button:has-text("中文")');
    // Chart.js was fetched for this page, not again when its filters changed
    expect(requests.filter((r) => r.endsWith(chunk))).toHaveLength(fetched);
  }, 90_000);
});

describe('a unit’s own ledger', () => {
  it('reads only its own rows under 本单位台账, with no unit to choose, and scrolls on a phone', async () => {
    const s = await signIn(unit, { width: 390, height: 844 });
    const { page } = s;
    await page.goto(`${server.url}/ledger`);
    const api = (await (await Client.login(server.url, unit)).get<LedgerPage>('/api/ledger?limit=500')).body;
    // asking for another unit changes nothing: a unit gets its own rows
    const all = (await duty.get<LedgerPage>('/api/ledger?limit=500')).body;
    expect(api.total).toBeLessThan(all.total);
    expect(api.rows.every((r) => r.unitId === unit)).toBe(true);
    expect(await totalShown(page)).toBe(api.total);
    await expect(page.textContent('#ledger-title')).resolves.toContain('本单位台账');
    await expect(page.locator('select[name=unitId]').count()).resolves.toBe(0);
    const units = await page.$$eval('table.ledger-table tbody td.col-unit', (tds) =>
      tds.map((t) => t.textContent),
    );
    expect(units.length).toBe(Math.min(100, api.total));
    expect(new Set(units)).toEqual(new Set([api.rows[0]!.unit]));
    // the unit's own export: no unit in the link (the server answers with its own rows)
    await expect(page.getAttribute('a[data-export=xlsx]', 'href')).resolves.toBe('/api/ledger.xlsx?lang=zh');
    // a phone: nothing wider than the screen, and the page scrolls to its end
    const size = await page.evaluate(() => ({
      width: document.documentElement.scrollWidth,
      height: document.documentElement.scrollHeight,
      screen: window.innerHeight,
    }));
    expect(size.width).toBeLessThanOrEqual(390);
    expect(size.height).toBeGreaterThan(size.screen);
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    await expect(page.evaluate(() => window.scrollY)).resolves.toBeGreaterThan(0);
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: join(SHOTS, 'after-ledger-unit-390.png') });
    await shot(page, 'after-ledger-unit-390-full');
    // statistics are not a unit's: no link, and the page says so
    await expect(page.locator('.topbar nav a[href="/statistics"]').count()).resolves.toBe(0);
    await page.goto(`${server.url}/statistics`);
    await expect(page.textContent('[role=alert]')).resolves.toContain('统计仅供领导和指挥部人员查看');
    // and Chart.js never came
    expect(s.requests.filter((r) => r.endsWith(chartChunk()))).toEqual([]);
  }, 60_000);
});

describe('the top bar with the three new pages', () => {
  it.each(['commander', 'duty', 'leader'])(
    'fits one line at 1440 px for %s, in Chinese and in English',
    async (who) => {
      const { page } = await signIn(who);
      const oneLine = () =>
        page.$$eval('.topbar > *:not(.spacer), .topbar nav a', (els) => {
          const visible = els.filter((e) => (e as HTMLElement).offsetParent !== null);
          const middles = visible.map((e) => {
            const r = e.getBoundingClientRect();
            return Math.round(r.top + r.height / 2);
          });
          return {
            spread: Math.max(...middles) - Math.min(...middles),
            bar: document.querySelector('.topbar')!.getBoundingClientRect().height,
          };
        });
      await nav(page, '/ledger');
      const zh = await oneLine();
      expect(zh.spread).toBeLessThanOrEqual(4);
      expect(zh.bar).toBeLessThan(70);
      await page.click('.topbar button:has-text("English")');
      await page.waitForSelector('.topbar nav a:has-text("Records")');
      const en = await oneLine();
      expect(en.spread).toBeLessThanOrEqual(4);
      expect(en.bar).toBeLessThan(70);
      if (who === 'commander') {
        await page.screenshot({
          path: join(SHOTS, 'after-topbar-commander-1440-en.png'),
          clip: { x: 0, y: 0, width: 1440, height: 120 },
        });
      }
      await page.click('.topbar button:has-text("中文")');
      if (who === 'commander')
        await page.screenshot({
          path: join(SHOTS, 'after-topbar-commander-1440-zh.png'),
          clip: { x: 0, y: 0, width: 1440, height: 120 },
        });
    },
    60_000,
  );
});
