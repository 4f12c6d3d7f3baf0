/**
 * The 总结评估报告 as the office reads and prints it, in real Chromium against a real server: a snow response
 * at level III (tasks for every member unit and town) run through the API over fifteen hours of the
 * server's clock — an operator broadcasts the warning on time, one late, one never; the roads of one town
 * are cleared late, the rest are closed undone by the termination — then the office's three parts and the
 * director's sign-off. The page must list every unit, and its print (a PDF, A4) must hold every unit's name
 * and the report's headings and nothing of the console's frame. The office's editor, the sign-off button's
 * reason and a unit's refusal are checked on a second response.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { MESSAGES as MAIN } from '../../client/src/i18n.ts';
import { RECORD_WORDS } from '../../client/src/words/records.ts';
import type { RunningServer } from '../../server/main.ts';
import type { IncidentReview } from '../../shared/views/review.ts';
import { obligationWord, REVIEW_HEADINGS } from '../../shared/views/reviewWords.ts';
import { boot, Client, rid, tempDir } from '../integration/live.ts';

const MESSAGES = { ...MAIN, ...RECORD_WORDS };
import { launch, loginAs, type Session, SHOTS } from './browser.ts';

const MIN = 60_000;
const HOUR = 60 * MIN;
const ARTIFACTS = join(process.cwd(), 'test-artifacts');

/** The server's clock runs `offset` behind (or ahead of) the real one; the test moves it forward. */
let offset = -15 * HOUR;
const now = () => Date.now() + offset;
let server: RunningServer;
let browser: Browser;
const sessions: Session[] = [];

beforeAll(async () => {
  server = await boot(tempDir(), { now, sessionTtlMs: 7 * 24 * HOUR });
  browser = await launch();
}, 60_000);

afterAll(async () => {
  for (const s of sessions) await s.context.close().catch(() => null);
  await browser?.close();
  await server?.close();
  expect(sessions.flatMap((s) => s.errors)).toEqual([]);
});

/** The scheduler (every 250 ms) marks what fell overdue when the clock was moved. */
const settle = () => new Promise((r) => setTimeout(r, 600));

type Detail = {
  incident: { id: string; version: number };
  tasks: { id: string; unitId: string; status: string }[];
};

async function detailOf(api: Client, id: string): Promise<Detail> {
  const d = await api.get<Detail>(`/api/incidents/${id}`);
  expect(d.status).toBe(200);
  return d.body;
}

const path = (taskId: string) => `/api/tasks/${encodeURIComponent(taskId)}`;

async function ack(unit: Client, taskId: string) {
  expect((await unit.post(`${path(taskId)}/acknowledge`, { requestId: rid('ack') })).status).toBe(200);
}
async function report(unit: Client, taskId: string, note: string, done: boolean) {
  expect((await unit.post(`${path(taskId)}/report`, { note, done, requestId: rid('rep') })).status).toBe(200);
}

/** Opens a level III snow response now (server time) with the weather warning issued 20 minutes before. */
async function declare(duty: Client, title: string): Promise<string> {
  const opened = await duty.post('/api/incidents', {
    planId: 'snow-ice',
    levelId: 'III',
    title,
    summary: '区气象局发布降雪黄色预警：预计今夜至明晨全区中雪，局部大雪，山区道路结冰。',
    indicators: { snowfall12hMm: 2.4, snowDepthCm: 4 },
    milestones: { snowWarningIssued: now() - 20 * MIN },
    requestId: rid('open'),
  });
  expect(opened.status).toBe(201);
  return (opened.body as { incident: { id: string } }).incident.id;
}

async function terminate(duty: Client, id: string) {
  // the scheduler may mark a deadline overdue between reading the version and sending: read it again
  const end = async () =>
    duty.post(`/api/incidents/${id}/terminate`, {
      reason: '降雪停止，主次干道已恢复通行',
      expectedVersion: (await detailOf(duty, id)).incident.version,
      requestId: rid('end'),
    });
  let ended = await end();
  for (let i = 0; i < 5 && ended.status === 409; i++) ended = await end();
  expect(ended.status).toBe(200);
}

/** All the text of a PDF, page by page, with pdf.js (the text Chromium wrote, as a reader would copy it). */
async function pdfText(data: Uint8Array): Promise<{ pages: string[]; sizes: [number, number][] }> {
  const doc = await getDocument({ data, useSystemFonts: true, disableFontFace: true }).promise;
  const pages: string[] = [];
  const sizes: [number, number][] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const page = await doc.getPage(i);
    const { width, height } = page.getViewport({ scale: 1 });
    sizes.push([width, height]);
    const content = await page.getTextContent();
    pages.push(content.items.map((item) => ('str' in item ? item.str : '')).join(''));
  }
  await doc.destroy();
  return { pages, sizes };
}

/** Chinese extraction may put spaces between glyphs: compare without any whitespace. */
const squeeze = (s: string) => s.replace(/\s+/g, '');

it('the report lists every unit on screen and prints on A4 with every unit and none of the console', async () => {
  const duty = await Client.login(server.url, 'duty');
  const id = await declare(duty, '博山区2026年首场中雪应对');
  const tasks = (await detailOf(duty, id)).tasks;
  const of = (unitId: string, source: string) => {
    const task = tasks.find((t) => t.unitId === unitId && t.id.includes(`:${source}@`));
    expect(task, `${source}@${unitId}`).toBeDefined();
    return task!.id;
  };
  const allOf = (unitId: string) => tasks.filter((t) => t.unitId === unitId).map((t) => t.id);

  // five minutes in: China Mobile broadcasts the warning (due 30 minutes after its issue: on time); the
  // police, the sanitation centre, the emergency bureau and two towns acknowledge everything they hold
  offset += 5 * MIN;
  const mobile = await Client.login(server.url, 'mobile');
  await ack(mobile, of('mobile', 'operators-30min'));
  await report(mobile, of('mobile', 'operators-30min'), '已通过短信平台向全区用户播发雪情预警', true);
  const early = ['police', 'sanitation', 'emergency', 'chishang', 'chengdong', 'housing', 'transport'];
  const units = new Map<string, Client>();
  for (const u of early) {
    const c = await Client.login(server.url, u);
    units.set(u, c);
    for (const t of allOf(u)) await ack(c, t);
  }
  await report(units.get('police')!, of('police', 'on-duty'), '分局领导带班，24小时值守，已到岗', true);
  await report(units.get('emergency')!, of('emergency', 'on-duty'), '值班人员已到岗', false);

  // twenty-five minutes in: China Unicom broadcasts, fifteen minutes late; China Telecom never does
  offset += 20 * MIN;
  await settle();
  const unicom = await Client.login(server.url, 'unicom');
  await report(unicom, of('unicom', 'operators-30min'), '已播发（短信平台故障，延误）', true);

  // an hour in, the snow stops: the towns and professional forces owe the urban roads clear within 12 h
  offset += 35 * MIN;
  const recorded = await duty.post(`/api/incidents/${id}/recordMilestone`, {
    milestone: 'snowfallEnded',
    at: now(),
    requestId: rid('ms'),
  });
  expect(recorded.status).toBe(200);
  const after = (await detailOf(duty, id)).tasks;
  const clearing = (u: string) =>
    after.find((t) => t.unitId === u && t.id.includes(':clear-moderate-12h@'))!.id;
  // the sanitation centre clears its roads in 10 hours; 池上镇 only after the deadline
  offset += 10 * HOUR;
  await report(
    units.get('sanitation')!,
    clearing('sanitation'),
    '城区主次干道积雪已清除，撒布融雪剂 12 吨',
    true,
  );
  offset += 2 * HOUR + 30 * MIN;
  await settle();
  await report(
    units.get('chishang')!,
    clearing('chishang'),
    '镇驻地道路及坡道清雪完毕（山区道路较远，延误）',
    true,
  );

  // the response ends; the office writes its three parts the next morning and the director signs them off
  offset += 10 * MIN;
  await terminate(duty, id);
  offset += 20 * MIN;
  const parts = {
    lessons:
      '一、预警发布后各成员单位响应迅速，主要道路未发生长时间拥堵。\n二、移动公司按时播发预警，覆盖全区用户。',
    problems: '一、电信公司未在30分钟内播发预警，联通公司逾期播发。\n二、池上镇山区道路清雪逾期。',
    suggestions: '一、督促三家运营商完善预警播发值守机制。\n二、为山区镇配足除雪机械，提前预置融雪物资。',
  };
  for (const [section, text] of Object.entries(parts))
    expect(
      (await duty.post(`/api/incidents/${id}/review`, { section, text, requestId: rid('rv') })).status,
    ).toBe(200);
  offset += 10 * MIN;
  const director = await Client.login(server.url, 'director');
  expect((await director.post(`/api/incidents/${id}/review/sign`, { requestId: rid('sign') })).status).toBe(
    200,
  );
  // back to the real time for the browser
  offset = 0;

  const answer = await duty.get<IncidentReview>(`/api/incidents/${id}/review`);
  expect(answer.status).toBe(200);
  const review = answer.body;
  expect(review.units.length).toBeGreaterThanOrEqual(15);
  expect(review.office.signedBy).toBe('director');
  const unitNames = review.units.map((u) => u.unit);
  expect(review.obligations.map((o) => o.status)).toEqual(expect.arrayContaining(['met', 'metLate']));

  // ── on screen, as the duty officer, at 1440 px ──
  const session = await loginAs(browser, server.url, 'duty');
  sessions.push(session);
  const { page } = session;
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto(`${server.url}/incidents/${id}`);
  // the ended incident leads to its report and its ledger
  await page.waitForSelector(`a[href="/incidents/${id}/review"]`);
  // no occurrence was given, and the signed review closes the record: said, and not offered to fill in
  await expect(page.textContent('.report-times')).resolves.toMatch(/^事发 未填写/);
  await expect(page.locator('[data-give=occurred]').count()).resolves.toBe(0);
  await expect(page.locator(`a[href="/ledger?incidentId=${id}"]`).count()).resolves.toBe(1);
  await page.click(`a[href="/incidents/${id}/review"]`);
  await page.waitForSelector('.review .rv-units tbody tr');
  await expect(page.locator('.rv-units tbody tr').count()).resolves.toBe(review.units.length);
  const rowNames = await page.locator('.rv-units tbody tr th').allTextContents();
  for (const name of unitNames)
    expect(
      rowNames.some((r) => r.startsWith(name)),
      name,
    ).toBe(true);
  await expect(page.textContent('.rv-title')).resolves.toBe('博山区2026年首场中雪应对应急处置总结评估报告');
  // no place was given: said so, not invented
  await expect(page.textContent('.rv-kv')).resolves.toMatch(/事发地点\s*未填写/);
  // nor an occurrence time: the report's time, from which the clocks ran, is not passed off as it
  await expect(page.textContent('.rv-kv')).resolves.toMatch(/事发时间\s*未填写/);
  // reports: on time, late, and never done — the last past its deadline, never 按时
  await expect(page.textContent('[data-obligation=met]')).resolves.toContain('按时完成');
  await expect(page.textContent('[data-obligation=metLate]')).resolves.toContain('逾期完成');
  const telecomStatus = review.obligations.find((o) => o.unit === '博山电信公司')?.status;
  expect(['missed', 'overdue']).toContain(telecomStatus);
  const telecom = page.locator('.rv-obligations tr', { hasText: '博山电信公司' });
  await expect(telecom.textContent()).resolves.toContain(obligationWord(telecomStatus!, 'zh'));
  await expect(telecom.textContent()).resolves.toMatch(/超时/);
  await expect(telecom.textContent()).resolves.not.toContain('按时');
  // the problems the record shows: the silent units in one sentence; the operator that never broadcast
  await expect(page.locator('.rv-problem-list li').count()).resolves.toBe(review.problems.length);
  await expect(page.textContent('.rv-problem-list')).resolves.toMatch(
    /博山电信公司未在时限（[^）]+）内完成“/,
  );
  await expect(page.textContent('.rv-problem-list')).resolves.toMatch(/池上镇逾期完成“/);
  // signed off: the office's text, its writer, the signature; no editor and no sign button any more
  await expect(page.textContent('[data-section=lessons]')).resolves.toContain('移动公司按时播发预警');
  await expect(page.textContent('[data-section=lessons] .rv-meta')).resolves.toContain('撰写：值班员');
  await expect(page.textContent('.rv-sign')).resolves.toContain('签发人：办公室主任');
  await expect(page.locator('.rv-editor').count()).resolves.toBe(0);
  await expect(page.locator('.rv-sign button').count()).resolves.toBe(0);
  await page.screenshot({ path: join(SHOTS, 'review-screen-1440.png'), fullPage: true });
  await page.screenshot({ path: join(SHOTS, 'review-screen-1440-top.png') });

  // ── on a phone: the page never wider than the screen; the tables scroll sideways inside it ──
  await page.setViewportSize({ width: 390, height: 844 });
  await page.waitForFunction(() => document.documentElement.scrollWidth <= 390);
  const unitTable = await page.$eval('.rv-units', (t) => {
    const wrap = t.parentElement!;
    return { table: t.scrollWidth, wrap: wrap.clientWidth, scrolls: getComputedStyle(wrap).overflowX };
  });
  expect(unitTable.table).toBeGreaterThan(unitTable.wrap);
  expect(unitTable.scrolls).toBe('auto');
  await page.screenshot({ path: join(SHOTS, 'review-phone-390.png') });
  await page.screenshot({ path: join(SHOTS, 'review-phone-390-full.png'), fullPage: true });

  // ── printed ──
  const navLinks = await page.locator('.topbar nav a').allTextContents();
  const sheetText = (await page.textContent('.rv-sheet')) ?? '';
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('.topbar').isVisible()).resolves.toBe(false);
  await expect(page.locator('.demo-banner').isVisible()).resolves.toBe(false);
  await expect(page.locator('.rv-toolbar').isVisible()).resolves.toBe(false);
  await expect(page.locator('.rv-units').isVisible()).resolves.toBe(true);
  // the whole unit table, unclipped: its box as tall as its rows
  const clipped = await page.$eval('.rv-units', (t) => t.parentElement!.clientHeight < t.scrollHeight - 1);
  expect(clipped).toBe(false);
  await page.screenshot({ path: join(SHOTS, 'review-print.png'), fullPage: true });
  const pdf = await page.pdf({ format: 'A4', printBackground: false });
  mkdirSync(ARTIFACTS, { recursive: true });
  writeFileSync(join(ARTIFACTS, 'review.pdf'), pdf);
  await page.emulateMedia({ media: 'screen' });

  const { pages, sizes } = await pdfText(new Uint8Array(pdf));
  expect(pages.length).toBeGreaterThan(1);
  // A4 portrait, 210 × 297 mm: 595.3 × 841.9 points (Chromium rounds the page to whole CSS pixels)
  for (const [w, h] of sizes) {
    expect(Math.abs(w - 595.3)).toBeLessThan(2);
    expect(Math.abs(h - 841.9)).toBeLessThan(2);
  }
  const text = squeeze(pages.join('\n'));
  const missing = unitNames.filter((name) => !text.includes(squeeze(name)));
  expect(missing).toEqual([]);
  // the 黑体 headings, whole: 一、基本情况 … 八、改进建议
  for (const word of ['基本情况', '预警与响应', '措施落实', '信息报送', '存在问题', '经验', '改进建议'])
    expect(text, word).toContain(word);
  for (const heading of Object.values(REVIEW_HEADINGS)) expect(text).toContain(squeeze(heading.zh));
  expect(text).toContain(squeeze('二、池上镇山区道路清雪逾期。'));
  expect(text).toContain('签发人：办公室主任');
  // nothing of the console's frame: the navigation's links (as the bar shows them to this user; a word the
  // report itself uses, such as 记录 or 预案, cannot tell), the console's name, the demo banner, the buttons
  const own = squeeze(sheetText);
  const links = navLinks.map(squeeze).filter((word) => !own.includes(word));
  expect(links).toEqual(expect.arrayContaining([MESSAGES.navDashboard.zh, MESSAGES.navMap.zh]));
  expect(links.length).toBeGreaterThanOrEqual(5);
  const frame = [
    ...links,
    MESSAGES.brand.zh,
    MESSAGES.logout.zh,
    MESSAGES.connLive.zh,
    '演示模式',
    MESSAGES.rv_print.zh,
    squeeze(MESSAGES.rv_docx.zh),
    MESSAGES.rv_back.zh,
    MESSAGES.rv_ledger.zh,
  ];
  expect(frame.filter((word) => text.includes(squeeze(word)))).toEqual([]);

  // ── in English, with the top bar's language button: the same report, every heading and unit in English ──
  await page.click('.topbar button:has-text("English")');
  await expect(
    page.waitForSelector('text=博山区2026年首场中雪应对 — emergency response review'),
  ).resolves.toBeTruthy();
  const headings = await page.locator('.review h2').allTextContents();
  expect(headings.slice(0, 8)).toEqual(Object.values(REVIEW_HEADINGS).map((h) => h.en));
  const englishRows = await page.locator('.rv-units tbody tr th').allTextContents();
  expect(englishRows).toEqual(review.units.map((u) => u.unitEn));
  await expect(page.textContent('.rv-kv')).resolves.toMatch(/Place\s*not given/);
  await page.screenshot({ path: join(SHOTS, 'review-screen-1440-en.png') });
  console.log(
    `review.pdf: ${pages.length} pages, ${unitNames.length - missing.length} of ${unitNames.length} units found`,
  );
}, 180_000);

it('the office writes a part on the page; the sign-off waits for all three; a unit is told the report is not for it', async () => {
  offset = 0;
  const duty = await Client.login(server.url, 'duty');
  const id = await declare(duty, '博山区降雪应对（编辑）');
  await terminate(duty, id);

  const officer = await loginAs(browser, server.url, 'duty');
  sessions.push(officer);
  await officer.page.goto(`${server.url}/incidents/${id}/review`);
  await officer.page.waitForSelector('[data-section=lessons] textarea');
  await expect(officer.page.textContent('[data-section=lessons]')).resolves.toContain('尚未填写');
  await officer.page.fill('[data-section=lessons] textarea', '各单位接到预警后迅速到岗。');
  await expect(officer.page.textContent('[data-section=lessons] .rv-editor')).resolves.toContain(
    '有未保存的修改',
  );
  await officer.page.click('[data-section=lessons] button[type=submit]');
  await officer.page.waitForSelector('[data-section=lessons] .rv-meta');
  await expect(officer.page.textContent('[data-section=lessons] .rv-meta')).resolves.toContain(
    '撰写：值班员',
  );
  const saved = await duty.get<IncidentReview>(`/api/incidents/${id}/review`);
  expect(saved.body.office.sections.lessons?.text).toBe('各单位接到预警后迅速到岗。');
  // a duty officer writes but does not sign
  await expect(officer.page.locator('.rv-sign button').count()).resolves.toBe(0);

  const director = await loginAs(browser, server.url, 'director');
  sessions.push(director);
  await director.page.goto(`${server.url}/incidents/${id}/review`);
  await director.page.waitForSelector('.rv-sign button[name=sign]');
  await expect(director.page.locator('.rv-sign button[name=sign]').isDisabled()).resolves.toBe(true);
  await expect(director.page.textContent('.rv-sign')).resolves.toContain('须先填写：问题、改进建议');
  // the office's parts and the sign-off as the director finds them: one written, two to write
  await director.page.locator('[data-section=lessons]').scrollIntoViewIfNeeded();
  await director.page.evaluate(() =>
    window.scrollTo(
      0,
      document.querySelector('[data-section=lessons]')!.getBoundingClientRect().top + scrollY - 60,
    ),
  );
  await director.page.screenshot({ path: join(SHOTS, 'review-editing.png') });
  await director.page.evaluate(() => document.querySelector('.rv-sign')!.scrollIntoView({ block: 'end' }));
  await director.page.screenshot({ path: join(SHOTS, 'review-sign-waits.png') });

  const unit = await loginAs(browser, server.url, 'police');
  sessions.push(unit);
  await unit.page.goto(`${server.url}/incidents/${id}/review`);
  await unit.page.waitForSelector('.review-message');
  await expect(unit.page.textContent('.review-message')).resolves.toContain('成员单位不能查看');
  await expect(unit.page.locator('.review').count()).resolves.toBe(0);
}, 120_000);
