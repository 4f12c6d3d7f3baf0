/**
 * Real Chromium (Debian's /usr/bin/chromium) driven by playwright-core, against a real server with the
 * built client. Screenshots go to test-artifacts/screenshots/ for a person to look at.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const SHOTS = join(process.cwd(), 'test-artifacts', 'screenshots');

export async function launch(): Promise<Browser> {
  if (!existsSync(CHROMIUM))
    throw new Error(`Chromium is not at ${CHROMIUM}: run "apt-get install -y chromium" (the CI script does)`);
  if (!existsSync(join(process.cwd(), 'dist', 'client', 'index.html')))
    throw new Error('The client is not built: run "npm run build" (npm test does)');
  mkdirSync(SHOTS, { recursive: true });
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

export interface Session {
  context: BrowserContext;
  page: Page;
  /** errors the page logged or threw; a test asserts there are none */
  errors: string[];
}

/**
 * Every Content-Security-Policy violation in any page of the context, pushed to `errors`: the page's own
 * `securitypolicyviolation` events (an init script runs before the page's scripts, and is not itself subject
 * to the policy) and Chromium's console lines ("Refused to … because it violates the following Content
 * Security Policy directive"), so a blocked script, style, image or socket cannot pass unnoticed.
 */
export async function watchCsp(context: BrowserContext, errors: string[], who: string): Promise<void> {
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      console.error(
        `Content Security Policy violation: ${e.effectiveDirective} blocked ${e.blockedURI || '(inline)'} at ${e.sourceFile}:${e.lineNumber}`,
      );
    });
  });
  context.on('console', (m) => {
    if (m.text().includes('Content Security Policy'))
      errors.push(`${who}: ${m.page()?.url() ?? ''} ${m.text()}`);
  });
}

export async function loginAs(browser: Browser, base: string, username: string): Promise<Session> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, locale: 'zh-CN' });
  const errors: string[] = [];
  await watchCsp(context, errors, username);
  const page = await context.newPage();
  page.on('pageerror', (e) => errors.push(`${username}: ${e.message}`));
  await page.goto(`${base}/`);
  await page.fill('input[name=username]', username);
  await page.fill('input[name=password]', 'demo');
  await page.click('button[type=submit]');
  await page.waitForSelector('.topbar');
  await page.waitForSelector('.conn-live');
  return { context, page, errors };
}

export async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
}
