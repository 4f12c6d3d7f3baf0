/**
 * What every answer tells the browser and which host names are answered at all (server/http/headers.ts),
 * and text that cannot carry control or bidi characters into the record (shared/protocol/text.ts): against
 * the real server over real HTTP, real socket.io handshakes and the server as its own process for the
 * environment variable.
 */
import { request } from 'node:http';
import { hostname, networkInterfaces } from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentSecurityPolicy, hostCheck, hostName, tileSource } from '../../server/http/headers.ts';
import type { RunningServer } from '../../server/main.ts';
import { boot, Client, rid, tempDir } from '../integration/live.ts';
import { startProcess } from './process.ts';

let plain: RunningServer;
let proxied: RunningServer;
/** ALLOWED_HOSTS given (127.0.0.1 among them, so the helpers' fetch still reaches it), and a tile server */
let named: RunningServer;
const TILES =
  'https://t{s}.tianditu.gov.cn/vec_w/wmts?layer=vec&tilematrix={z}&tilerow={y}&tilecol={x}&tk=KEY';

beforeAll(async () => {
  plain = await boot();
  proxied = await boot(undefined, { trustProxy: 'loopback' });
  named = await boot(undefined, { allowedHosts: ['Console.Example.gov.cn', '127.0.0.1'], tileUrl: TILES });
});
afterAll(async () => {
  await plain.close();
  await proxied.close();
  await named.close();
});

interface Raw {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** One HTTP request with a Host of our choosing (fetch always sends the URL's own). */
function raw(
  server: { port: number },
  path: string,
  headers: Record<string, string>,
  method = 'GET',
  body?: string,
): Promise<Raw> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: server.port, path, method, headers }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (d: string) => (text += d));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text }));
    });
    // a WebSocket upgrade the server accepts ends here, at 101
    req.on('upgrade', (res, socket) => {
      socket.destroy();
      resolve({ status: res.statusCode ?? 0, headers: res.headers, body: '' });
    });
    req.on('error', reject);
    req.end(body);
  });
}

/**
 * The engine.io handshake socket.io opens with, over long polling and as a WebSocket upgrade; with a session
 * cookie, since the server opens no engine.io session for anyone without one.
 */
const polling = (server: { port: number }, host: string, cookie = '') =>
  raw(server, '/socket.io/?EIO=4&transport=polling', { host, ...(cookie ? { cookie } : {}) });
const upgrade = (server: { port: number }, host: string, cookie = '') =>
  raw(server, '/socket.io/?EIO=4&transport=websocket', {
    host,
    ...(cookie ? { cookie } : {}),
    connection: 'Upgrade',
    upgrade: 'websocket',
    'sec-websocket-version': '13',
    'sec-websocket-key': 'dGhlIHNhbXBsZSBub25jZQ==',
  });
/** engine.io answers a refused upgrade with 400 and the word "Forbidden" (its code for allowRequest's no) */
const refusedUpgrade = async (server: { port: number }, host: string) => {
  const res = await upgrade(server, host);
  return res.status === 400 && res.body === 'Forbidden';
};

const FOREIGN = ['evil.example', 'evil.example:3000', 'localhost.evil.example', '127.0.0.1.nip.io'];

describe('Content-Security-Policy', () => {
  const expected = [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data: blob:",
    "connect-src 'self'",
    "font-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
    "form-action 'self'",
  ].join('; ');

  it('is the same strict policy on pages, assets and API answers, errors included', async () => {
    const page = await fetch(`${plain.url}/`);
    expect(page.status, 'the client is built (npm run build)').toBe(200);
    const html = await page.text();
    const asset = /src="(\/assets\/[^"]+\.js)"/.exec(html)?.[1];
    expect(asset).toBeTruthy();
    for (const path of ['/', '/dashboard', asset!, '/api/health', '/api/plans', '/api/incidents', '/api/x']) {
      const res = await fetch(`${plain.url}${path}`);
      expect(res.headers.get('content-security-policy'), path).toBe(expected);
    }
    expect(expected).not.toMatch(/unsafe-(inline|eval)/);
  });

  it('is one the built page satisfies: no inline script, no inline style, nothing from elsewhere', async () => {
    const html = await (await fetch(`${plain.url}/`)).text();
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/i); // every script has a src
    expect(html).not.toMatch(/<style|\sstyle=|\son[a-z]+=/i);
    for (const [, url] of html.matchAll(/(?:src|href)="([^"]+)"/g)) expect(url).toMatch(/^\/(?!\/)/);
    // the real proof, every screen in Chromium with a violation collector, is test/e2e/console.test.ts
  });

  it('names the tile server’s origin in img-src, with its {s} subdomain as a wildcard, and nothing else', async () => {
    const csp = (await fetch(`${named.url}/api/health`)).headers.get('content-security-policy');
    expect(csp).toContain("img-src 'self' data: blob: https://*.tianditu.gov.cn;");
    expect(csp).not.toContain('KEY'); // the key stays in the template, not in every answer's header
    expect(tileSource('http://10.0.0.5:8080/tiles/{z}/{x}/{y}.png')).toBe('http://10.0.0.5:8080');
    expect(tileSource('https://{s}.tile.example.org/{z}/{x}/{y}.png')).toBe('https://*.tile.example.org');
    expect(tileSource('//{s}.tiles.example/{z}/{x}/{y}.png')).toBe('*.tiles.example'); // the page's scheme
    expect(tileSource('/tiles/{z}/{x}/{y}.png')).toBeNull(); // same origin: 'self' covers it
    expect(tileSource('javascript:alert(1)')).toBeNull();
    expect(tileSource("https://a.example; script-src 'unsafe-inline'/{z}")).toBeNull();
    expect(tileSource('https://{s}/{z}')).toBeNull(); // "https://*" would allow every host
    expect(contentSecurityPolicy(null)).toBe(expected);
  });
});

describe('HSTS', () => {
  it('is sent only when a trusted proxy says the request came over TLS', async () => {
    const hsts = async (base: string, headers: Record<string, string> = {}) =>
      (await fetch(`${base}/api/health`, { headers })).headers.get('strict-transport-security');
    expect(await hsts(plain.url)).toBeNull();
    // an untrusted client's "https" is not believed: HSTS over plain HTTP would pin a console without TLS
    expect(await hsts(plain.url, { 'x-forwarded-proto': 'https' })).toBeNull();
    expect(await hsts(proxied.url)).toBeNull();
    expect(await hsts(proxied.url, { 'x-forwarded-proto': 'http' })).toBeNull();
    expect(await hsts(proxied.url, { 'x-forwarded-proto': 'https' })).toBe('max-age=31536000');
    const page = await fetch(`${proxied.url}/`, { headers: { 'x-forwarded-proto': 'https' } });
    expect(page.headers.get('strict-transport-security')).toBe('max-age=31536000');
  });
});

describe('Cache-Control: no-store on the API', () => {
  it('is on every API answer: success, 400, 401, 403, 404, wrong case, foreign host', async () => {
    const duty = await Client.login(plain.url, 'duty');
    const json = { 'content-type': 'application/json' };
    const answers: [string, Response][] = [
      ['health', await fetch(`${plain.url}/api/health`)],
      ['plans', await fetch(`${plain.url}/api/plans`)],
      ['upper case', await fetch(`${plain.url}/API/plans`)],
      ['401', await fetch(`${plain.url}/api/incidents`)],
      ['404', await fetch(`${plain.url}/api/nothing`)],
      ['login 400', await fetch(`${plain.url}/api/session`, { method: 'POST', headers: json, body: '{' })],
      [
        'login 401',
        await fetch(`${plain.url}/api/session`, {
          method: 'POST',
          headers: json,
          body: JSON.stringify({ username: 'duty', password: 'wrong' }),
        }),
      ],
      [
        'declare 400',
        await fetch(`${plain.url}/api/incidents`, {
          method: 'POST',
          headers: { ...json, cookie: duty.cookie },
          body: JSON.stringify({ planId: 'snow-ice' }),
        }),
      ],
      ['incidents 200', await fetch(`${plain.url}/api/incidents`, { headers: { cookie: duty.cookie } })],
    ];
    expect(answers.map(([what, r]) => [what, r.status])).toEqual([
      ['health', 200],
      ['plans', 200],
      ['upper case', 200],
      ['401', 401],
      ['404', 404],
      ['login 400', 400],
      ['login 401', 401],
      ['declare 400', 400],
      ['incidents 200', 200],
    ]);
    for (const [what, r] of answers) expect(r.headers.get('cache-control'), what).toBe('no-store');
    const refused = await raw(plain, '/api/plans', { host: 'evil.example' });
    expect(refused.status).toBe(403);
    expect(refused.headers['cache-control']).toBe('no-store');
  });
});

describe('allowed hosts (DNS rebinding)', () => {
  it('refuses a foreign Host over REST with the error shape, before a session or a body is looked at', async () => {
    for (const host of FOREIGN) {
      for (const path of ['/', '/api/health', '/api/plans']) {
        const res = await raw(plain, path, { host });
        expect(res.status, `${host} ${path}`).toBe(403);
        const body = JSON.parse(res.body) as { error: { code: string; message: { zh: string; en: string } } };
        expect(body.error.code).toBe('FORBIDDEN');
        expect(body.error.message.zh).toMatch(/^主机名不被允许/);
        expect(body.error.message.en).toMatch(/^Host not allowed/);
        expect(res.headers['content-security-policy']).toBeTruthy();
      }
    }
    // a right password under a foreign name opens no session
    const login = await raw(
      plain,
      '/api/session',
      { host: 'evil.example', 'content-type': 'application/json' },
      'POST',
      JSON.stringify({ username: 'duty', password: 'demo' }),
    );
    expect(login.status).toBe(403);
    expect(login.headers['set-cookie']).toBeUndefined();
  });

  it('answers loopback, this machine’s name and its addresses, with any port, by default', async () => {
    const addresses = Object.values(networkInterfaces())
      .flat()
      .flatMap((a) => (a ? [a.family === 'IPv6' ? `[${a.address}]` : a.address] : []));
    const hosts = [
      `127.0.0.1:${plain.port}`,
      `localhost:${plain.port}`,
      'LOCALHOST',
      'localhost.',
      `[::1]:${plain.port}`,
      hostname(),
      ...addresses.map((a) => `${a}:${plain.port}`),
    ];
    for (const host of hosts) expect((await raw(plain, '/api/health', { host })).status, host).toBe(200);
  });

  it('refuses a foreign Host at the socket.io handshake, polling and WebSocket, and lets its own through', async () => {
    for (const host of FOREIGN) {
      expect((await polling(plain, host)).status, host).toBe(403);
      expect(await refusedUpgrade(plain, host), host).toBe(true);
    }
    const { cookie } = await Client.login(plain.url, 'leader');
    for (const host of [`127.0.0.1:${plain.port}`, `localhost:${plain.port}`, `[::1]:${plain.port}`]) {
      expect((await polling(plain, host, cookie)).status, host).toBe(200);
      expect((await upgrade(plain, host, cookie)).status, host).toBe(101);
      // and without a session, no engine.io session either
      expect((await polling(plain, host)).status, host).toBe(403);
      const anonymous = await upgrade(plain, host);
      expect(anonymous.status, host).toBe(400);
      expect(anonymous.body, host).toMatch(/UNAUTHENTICATED/);
    }
    // and a real client, logged in, connects and syncs as before
    const live = await (await Client.login(plain.url, 'leader')).live();
    live.close();
  });

  it('with ALLOWED_HOSTS answers exactly those names (any case, any port) over REST and socket.io', async () => {
    const { cookie } = await Client.login(named.url, 'leader');
    for (const host of ['console.example.gov.cn', 'CONSOLE.example.gov.cn:8443', `127.0.0.1:${named.port}`]) {
      expect((await raw(named, '/api/health', { host })).status, host).toBe(200);
      expect((await polling(named, host, cookie)).status, host).toBe(200);
    }
    // the list replaces the defaults: localhost is not on it
    for (const host of [`localhost:${named.port}`, 'evil.example', 'example.gov.cn']) {
      expect((await raw(named, '/api/health', { host })).status, host).toBe(403);
      expect((await polling(named, host)).status, host).toBe(403);
      expect(await refusedUpgrade(named, host), host).toBe(true);
    }
    const live = await (await Client.login(named.url, 'leader')).live();
    live.close();
  });

  it('reads ALLOWED_HOSTS from the environment (server/index.ts)', async () => {
    const proc = await startProcess(tempDir(), 0, {
      HOST: '127.0.0.1',
      ALLOWED_HOSTS: ' console.example.gov.cn , 10.9.8.7:443 ',
    });
    try {
      expect((await raw(proc, '/api/health', { host: 'console.example.gov.cn' })).status).toBe(200);
      expect((await raw(proc, '/api/health', { host: '10.9.8.7' })).status).toBe(200);
      expect((await raw(proc, '/api/health', { host: `localhost:${proc.port}` })).status).toBe(403);
      expect((await polling(proc, 'evil.example')).status).toBe(403);
    } finally {
      await proc.stop();
    }
  }, 60_000);

  it('reads a Host header the way browsers send it', () => {
    expect(hostName('Example.ORG:8080')).toBe('example.org');
    expect(hostName('[::1]:3000')).toBe('::1');
    expect(hostName('[fe80::1]')).toBe('fe80::1');
    expect(hostName('example.org.')).toBe('example.org');
    const check = hostCheck(['a.example', '[::1]', '10.0.0.1:80']);
    expect([check('a.example:1'), check('[::1]:2'), check('10.0.0.1'), check(undefined), check('')]).toEqual([
      true,
      true,
      true,
      false,
      false,
    ]);
    expect(hostCheck()(undefined)).toBe(false); // HTTP/1.0 without a Host: nothing to vouch for it
  });
});

describe('text without control or bidi characters', () => {
  const NASTY =
    '\u202E\u2066\u2067\u2068\u2069\u202A\u202B\u202C\u202D\u200E\u200F\u061C\u0007\u0000\u001B\u007F\u0085\u009B';

  it('stores a declaration’s title and place, a reason and a progress note stripped, over REST and socket', async () => {
    const duty = await Client.login(plain.url, 'duty');
    const police = await Client.login(plain.url, 'police');
    const declared = await duty.post('/api/incidents', {
      planId: 'snow-ice',
      levelId: 'III',
      title: `${NASTY} 博山\u202E区降雪\u2066测试\u2069\u0007\n第二行\t尾 ${NASTY}`,
      place: { kind: 'area', name: `池上\u202E镇\u0007` },
      requestId: rid('title'),
    });
    expect(declared.status).toBe(201);
    const id = declared.body.incident.id as string;
    const detail = await duty.get(`/api/incidents/${id}`);
    // one line: the line break and the tab became spaces, the rest is gone
    expect(detail.body.incident.title).toBe('博山区降雪测试 第二行 尾');
    expect(detail.body.incident.place).toEqual({ kind: 'area', name: '池上镇' });

    const tasks = (await police.get(`/api/incidents/${id}`)).body.tasks as { id: string }[];
    const [t1, t2] = [tasks[0]!.id, tasks[1]!.id];
    const viaRest = await police.post(`/api/tasks/${encodeURIComponent(t1)}/report`, {
      requestId: rid('note'),
      note: `第一行\u202E已到岗\u0007\r\n第二行\t缩进\u2066${NASTY}`,
      done: false,
    });
    expect(viaRest.status).toBe(200);
    const live = await police.live();
    const viaSocket = await live.command({
      type: 'report',
      taskId: t2,
      requestId: rid('note'),
      note: `\u2067socket\u2069\u001B[31m red\u2028next`,
      done: false,
    });
    live.close();
    expect(viaSocket.status).toBe(200);
    const after = (await police.get(`/api/incidents/${id}`)).body.tasks as {
      id: string;
      notes: { text: string }[];
    }[];
    // multi-line: \r\n and U+2028 became \n, the tab stayed
    expect(after.find((t) => t.id === t1)!.notes.map((n) => n.text)).toEqual(['第一行已到岗\n第二行\t缩进']);
    expect(after.find((t) => t.id === t2)!.notes.map((n) => n.text)).toEqual(['socket[31m red\nnext']);

    const level = await duty.post(`/api/incidents/${id}/changeLevel`, {
      levelId: 'II',
      expectedVersion: (await duty.get(`/api/incidents/${id}`)).body.incident.version,
      reason: `雪\u202E势\u0007加大\n需提级`,
      requestId: rid('reason'),
    });
    expect(level.status).toBe(200);
    const history = (await duty.get(`/api/incidents/${id}`)).body.incident.history as { reason?: string }[];
    expect(history.at(-1)!.reason).toBe('雪势加大\n需提级');
  });

  it('refuses a title, a note or a reason of nothing but such characters with 400, writing nothing', async () => {
    const duty = await Client.login(plain.url, 'duty');
    const head = await plain.service.head();
    const empty = `  ${NASTY}\n\t\r ${NASTY}  `;
    const refused = await duty.post('/api/incidents', {
      planId: 'snow-ice',
      levelId: 'III',
      title: empty,
      requestId: rid('empty'),
    });
    expect(refused.status).toBe(400);
    expect(refused.body.error.code).toBe('INVALID');
    expect(refused.body.error.details.map((d: { path: string[] }) => d.path.join('.'))).toEqual(['title']);

    const ok = await duty.post('/api/incidents', {
      planId: 'snow-ice',
      levelId: 'III',
      title: '空白测试',
      requestId: rid('ok'),
    });
    const id = ok.body.incident.id as string;
    const police = await Client.login(plain.url, 'police');
    const task = ((await police.get(`/api/incidents/${id}`)).body.tasks as { id: string }[])[0]!.id;
    const headBefore = await plain.service.head();
    expect(headBefore).toBeGreaterThan(head);
    const note = await police.post(`/api/tasks/${encodeURIComponent(task)}/report`, {
      requestId: rid('empty'),
      note: empty,
      done: true,
    });
    expect(note.status).toBe(400);
    const live = await police.live();
    const overSocket = await live.command({
      type: 'report',
      taskId: task,
      requestId: rid('e'),
      note: empty,
      done: true,
    });
    live.close();
    expect(overSocket.status).toBe(400);
    const terminate = await duty.post(`/api/incidents/${id}/terminate`, {
      expectedVersion: ok.body.incident.version,
      reason: empty,
      requestId: rid('empty'),
    });
    expect(terminate.status).toBe(400);
    expect(await plain.service.head()).toBe(headBefore);
  });

  it('cleans the duty directory’s labels and names, and refuses one that is nothing but such characters', async () => {
    const admin = await Client.login(plain.url, 'admin');
    const unit = 'sanitation';
    const saved = await admin.request('PUT', `/api/directory/${unit}`, {
      contacts: [{ label: `值班\u202E室\n夜间`, person: `张\u2066三\u0007`, phone: '0533-1234567' }],
      position: null,
    });
    expect(saved.status).toBe(200);
    const units = (await admin.get('/api/directory')).body.units as {
      unitId: string;
      contacts: { label: string; person?: string }[];
    }[];
    expect(units.find((u) => u.unitId === unit)!.contacts).toEqual([
      { label: '值班室 夜间', person: '张三', phone: '0533-1234567' },
    ]);
    const refused = await admin.request('PUT', `/api/directory/${unit}`, {
      contacts: [{ label: NASTY }],
      position: null,
    });
    expect(refused.status).toBe(400);
  });
});
