/**
 * What a browser is told to protect: security headers on every answer, the session cookie's flags (Secure
 * once the console is served over TLS, here through a TLS-ending proxy on loopback), a rate-limited login.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../server/main.ts';
import { boot } from '../integration/live.ts';

let plain: RunningServer;
let proxied: RunningServer;

beforeAll(async () => {
  plain = await boot(undefined, { loginAttempts: 3 });
  proxied = await boot(undefined, { trustProxy: 'loopback' });
});
afterAll(async () => {
  await plain.close();
  await proxied.close();
});

const login = (base: string, headers: Record<string, string> = {}, password = 'demo') =>
  fetch(`${base}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ username: 'duty', password }),
  });

describe('security', () => {
  it('sets the security headers on pages and API answers alike', async () => {
    for (const path of ['/', '/api/health', '/api/plans', '/api/nothing']) {
      const res = await fetch(`${plain.url}${path}`);
      expect(res.headers.get('x-content-type-options'), path).toBe('nosniff');
      expect(res.headers.get('x-frame-options'), path).toBe('DENY');
      expect(res.headers.get('referrer-policy'), path).toBe('same-origin');
      expect(res.headers.get('x-powered-by'), path).toBeNull();
    }
  });

  it('marks the session cookie HttpOnly and SameSite=Strict, and Secure when served over TLS', async () => {
    const overHttp = (await login(plain.url)).headers.get('set-cookie') ?? '';
    expect(overHttp).toMatch(/HttpOnly/i);
    expect(overHttp).toMatch(/SameSite=Strict/i);
    expect(overHttp).not.toMatch(/;\s*Secure/i);
    // TLS ends at a reverse proxy on loopback, which says so; the server trusts only that proxy
    const overTls =
      (await login(proxied.url, { 'x-forwarded-proto': 'https' })).headers.get('set-cookie') ?? '';
    expect(overTls).toMatch(/;\s*Secure/i);
    expect(overTls).toMatch(/HttpOnly/i);
    // without trust, the same header from anyone does not make the cookie Secure (it cannot be spoofed in)
    const spoofed =
      (await login(plain.url, { 'x-forwarded-proto': 'https' })).headers.get('set-cookie') ?? '';
    expect(spoofed).not.toMatch(/;\s*Secure/i);
  });

  it('rate-limits failed logins and says so in both languages', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 5; i += 1) statuses.push((await login(plain.url, {}, `wrong-${i}`)).status);
    expect(statuses).toEqual([401, 401, 401, 429, 429]);
    const body = (await (await login(plain.url, {}, 'wrong')).json()) as {
      error: { message: { zh: string; en: string } };
    };
    expect(body.error.message.zh).toMatch(/[\u4e00-\u9fff]/);
    expect(body.error.message.en).toMatch(/[A-Za-z]/);
  });
});
