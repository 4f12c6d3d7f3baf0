/**
 * A reload without the server, in real Chromium: the service worker (client/public/sw.js) answers with the
 * app shell it cached, and the console says it is offline, in Chinese and English, instead of the browser's
 * error page or a login form that cannot log in; it comes back by itself when the browser's `online` event
 * fires, and with the retry button once the server is up again. Screenshots in test-artifacts/screenshots/.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../server/main.ts';
import { launch, shot, watchCsp } from '../e2e/browser.ts';
import { boot, tempDir } from '../integration/live.ts';

const dir = tempDir();
let server: RunningServer;
let browser: Browser;
const ZH = '离线：无法连接服务器，恢复网络后自动重试';
const EN = 'Offline: cannot reach the server; retrying when the network returns';

beforeAll(async () => {
  server = await boot(dir);
  browser = await launch();
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** A fresh browser profile that has loaded the console once, with its worker in control of the page. */
async function visited(): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await browser.newContext({ viewport: { width: 1000, height: 700 }, locale: 'zh-CN' });
  const errors: string[] = [];
  await watchCsp(context, errors, 'offline');
  const page = await context.newPage();
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${server.url}/`);
  await page.waitForSelector('input[name=username]');
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 15_000 });
  return { context, page, errors };
}

const cachedPaths = (page: Page) =>
  page.evaluate(async () => {
    const paths: string[] = [];
    for (const name of await caches.keys())
      for (const r of await (await caches.open(name)).keys()) paths.push(new URL(r.url).pathname);
    return paths.sort();
  });

describe('the app shell offline', () => {
  it('the worker caches this build’s shell, and nothing of the API', async () => {
    const { context, page, errors } = await visited();
    const paths = await cachedPaths(page);
    const html = await (await fetch(`${server.url}/`)).text();
    const loaded = [...html.matchAll(/(?:src|href)="(\/[^"]+)"/g)].map((m) => m[1]!);
    for (const path of [...loaded, '/index.html']) expect(paths, path).toContain(path);
    expect(paths.filter((p) => /^\/(api|socket\.io)\//.test(p))).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  }, 60_000);

  it('a reload with the network off says so; the browser’s online event brings the login back', async () => {
    const { context, page, errors } = await visited();
    await context.setOffline(true);
    await page.reload();
    await page.getByText(ZH).waitFor();
    await expect(page.textContent('body')).resolves.toContain(EN);
    expect(await page.$('input[name=username]')).toBeNull();
    await shot(page, 'offline-01-reload-without-network');
    await context.setOffline(false); // fires `online`: the console asks again at once
    await page.waitForSelector('input[name=username]', { timeout: 10_000 });
    expect(await page.getByText(ZH).count()).toBe(0);
    expect(errors).toEqual([]);
    await context.close();
  }, 60_000);

  it('a reload while the server is down: the shell from the cache, then the login once it is back', async () => {
    const { context, page, errors } = await visited();
    const port = server.port;
    await server.close();
    try {
      // nothing answers on the port: what the page shows can only come from the worker's cache
      await page.reload();
      await page.getByText(ZH).waitFor();
      await expect(page.textContent('h1')).resolves.toBe('应急预案指挥调度台');
      await shot(page, 'offline-02-reload-server-down');
    } finally {
      server = await boot(dir, { port });
    }
    await page.click('button:has-text("立即重试")');
    await page.waitForSelector('input[name=username]', { timeout: 10_000 });
    expect(errors.filter((e) => !/ERR_CONNECTION_REFUSED|Failed to load resource/.test(e))).toEqual([]);
    await context.close();
  }, 60_000);
});
