/**
 * Logins under abuse, against the real server: floods of bogus logins (random usernames, so a limit keyed
 * on the username never counts them) from one address and from twenty, while a real officer logs in from
 * another address and the page shell loads; 60 KB usernames that must not stay in memory; bodies and paths
 * that must be a 400, not a 500 with a stack; the bound on live sessions per account. Loopback only (the
 * whole 127.0.0.0/8 is loopback on Linux, so each "address" is a real, distinct client address); every
 * count is bounded and every time is a generous bound on "still answers", not a speed goal.
 */
import { randomBytes } from 'node:crypto';
import http from 'node:http';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import Database from 'better-sqlite3';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { seedDemo } from '../../server/auth/accounts.ts';
import { FairQueue } from '../../server/auth/fair-queue.ts';
import { LOGIN_LIMITS } from '../../server/auth/limits.ts';
import { Sessions } from '../../server/auth/sessions.ts';
import type { RunningServer } from '../../server/main.ts';
import { addressKey } from '../../server/http/address.ts';
import { DB_FILE, openSqliteStore } from '../../server/store/sqlite.ts';
import { CONNECTIONS } from '../../shared/protocol/limits.ts';
import { boot, Client, tempDir, until } from '../integration/live.ts';
import { type ServerProcess, startProcess } from './process.ts';

interface Reply {
  status: number;
  text: string;
  ms: number;
}

/** One request on its own connection, from the given loopback address. */
function call(
  base: string,
  o: { path: string; method?: string; body?: string; from?: string; cookie?: string },
): Promise<Reply> {
  const url = new URL(base);
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: url.hostname,
        port: url.port,
        path: o.path,
        method: o.method ?? (o.body === undefined ? 'GET' : 'POST'),
        agent: false,
        ...(o.from ? { localAddress: o.from } : {}),
        headers: {
          ...(o.body === undefined
            ? {}
            : { 'content-type': 'application/json', 'content-length': Buffer.byteLength(o.body) }),
          ...(o.cookie ? { cookie: o.cookie } : {}),
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            text: Buffer.concat(chunks).toString(),
            ms: performance.now() - started,
          }),
        );
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(o.body);
  });
}

const login = (base: string, username: string, password: string, from?: string) =>
  call(base, {
    path: '/api/session',
    body: JSON.stringify({ username, password }),
    ...(from ? { from } : {}),
  });
const bogus = (base: string, from: string) =>
  login(base, `flood-${randomBytes(6).toString('hex')}`, randomBytes(8).toString('hex'), from);

const tally = (replies: Reply[]) => {
  const by: Record<number, number> = {};
  for (const r of replies) by[r.status] = (by[r.status] ?? 0) + 1;
  return by;
};
const ms = (n: number) => `${Math.round(n)} ms`;

describe('a flood of bogus logins, the server in its own process', () => {
  let server: ServerProcess;
  beforeAll(async () => {
    server = await startProcess(tempDir(), 0, { HOST: '127.0.0.1' });
  }, 60_000);
  afterAll(async () => {
    await server?.stop();
  });

  it('one address with a new username each time is cut at its budget; a real login and the page still answer', async () => {
    const base = server.url;
    // before: what a login and the page shell take on an idle server
    const idleLogin = await login(base, 'duty', 'demo', '127.0.0.2');
    const idlePage = await call(base, { path: '/', from: '127.0.0.3' });
    expect([idleLogin.status, idlePage.status]).toEqual([200, 200]);

    // 600 bogus logins a wave, as many at once as one address may hold connections (server/http/connections.ts
    // closes the rest at the door, which would spare the login route the test is about)
    const inFlight = Math.min(200, CONNECTIONS.perAddress - 16);
    const flood: Reply[] = [];
    const wave = async () => {
      let left = 600;
      const worker = async () => {
        while (left-- > 0) flood.push(await bogus(base, '127.0.0.1'));
      };
      await Promise.all(Array.from({ length: inFlight }, worker));
    };
    // the real officer and the page, from other addresses, while the first wave is in flight
    const first = wave();
    await new Promise((r) => setTimeout(r, 150));
    const [real, page] = await Promise.all([
      login(base, 'duty', 'demo', '127.0.0.2'),
      call(base, { path: '/', from: '127.0.0.3' }),
    ]);
    await first;
    for (let i = 0; i < 3; i += 1) await wave(); // and more waves within the same minute
    const counts = tally(flood);
    console.log(
      `one-address flood: ${flood.length} bogus logins, ${inFlight} at a time → ${JSON.stringify(counts)}; ` +
        `real login ${ms(real.ms)} (idle ${ms(idleLogin.ms)}), GET / ${ms(page.ms)} (idle ${ms(idlePage.ms)})`,
    );

    expect(real.status).toBe(200);
    expect(real.ms).toBeLessThan(15_000);
    expect(page.status).toBe(200);
    expect(page.ms).toBeLessThan(10_000);
    // every bogus login answered; only the address's budget of them was ever hashed (answered 401)
    expect(flood).toHaveLength(2400);
    expect(Object.keys(counts).sort()).toEqual(['401', '429']);
    expect(counts[401]).toBeLessThanOrEqual(LOGIN_LIMITS.perAddress);
    const refusal = JSON.parse(flood.find((r) => r.status === 429)!.text);
    expect(refusal.error.code).toBe('RATE_LIMITED');
    expect(refusal.error.message.zh).toMatch(/^[\u4e00-\u9fff]/);
    expect(refusal.error.message.en).toMatch(/^[A-Za-z]/);
  }, 180_000);

  it('twenty addresses at once: the hashes wait in a bounded queue, the surplus is told busy, the console answers', async () => {
    const base = server.url;
    // 1,600 at once: 80 from each address, under its connection cap
    const addresses = Array.from({ length: 20 }, (_, i) => `127.0.1.${i + 1}`);
    const flood = Promise.all(
      addresses.flatMap((from) => Array.from({ length: 80 }, () => bogus(base, from))),
    );
    await new Promise((r) => setTimeout(r, 150));
    // a person told "busy" tries again after the Retry-After second; how long until they are in
    const started = performance.now();
    let tries = 0;
    let real: Reply;
    do {
      if (tries > 0) await new Promise((r) => setTimeout(r, 1000));
      tries += 1;
      real = await login(base, 'leader', 'demo', '127.0.0.4');
    } while (real.status === 503 && performance.now() - started < 60_000);
    const loggedIn = performance.now() - started;
    const page = await call(base, { path: '/', from: '127.0.0.5' });
    const replies = await flood;
    const counts = tally(replies);
    console.log(
      `twenty-address flood: ${replies.length} bogus logins → ${JSON.stringify(counts)}; real login in ` +
        `${ms(loggedIn)} after ${tries} tr${tries === 1 ? 'y' : 'ies'}; GET / ${ms(page.ms)}`,
    );
    expect(real.status).toBe(200);
    expect(loggedIn).toBeLessThan(30_000);
    expect(page.status).toBe(200);
    expect(page.ms).toBeLessThan(10_000);
    expect(Object.keys(counts).every((s) => ['401', '429', '503'].includes(s))).toBe(true);
    expect(counts[503]).toBeGreaterThan(0); // the queue is bounded: the rest were refused, not queued
    expect(counts[401]!).toBeLessThanOrEqual(addresses.length * LOGIN_LIMITS.perAddress);
    const busy = JSON.parse(replies.find((r) => r.status === 503)!.text);
    expect(busy.error).toEqual({
      code: 'UNAVAILABLE',
      message: { zh: '系统繁忙，请稍后再试', en: 'The console is busy; try again shortly' },
    });
  }, 180_000);
});

describe('the hash gate', () => {
  it('runs at most its bound of password hashes, queues a bounded number fairly, refuses the rest at once', async () => {
    const store = openSqliteStore(tempDir());
    await seedDemo(store, Date.now());
    const sessions = new Sessions(store, { ttlMs: 60_000, demo: true, onEnd: () => {} });
    const results = await Promise.all(
      Array.from({ length: 200 }, (_, i) => sessions.login(`nobody-${i}`, 'wrong', Date.now())),
    );
    const { concurrentHashes, hashQueue } = LOGIN_LIMITS;
    expect(sessions.hashes.peak).toBe(concurrentHashes);
    const why = results.map((r) => (r.ok ? 'in' : r.why));
    expect(why.filter((w) => w === 'refused')).toHaveLength(concurrentHashes + hashQueue);
    expect(why.filter((w) => w === 'busy')).toHaveLength(200 - concurrentHashes - hashQueue);
    // a login whose requester has gone by the time a slot is free costs no hash
    const gate = new FairQueue(1, 4);
    let ran = 0;
    const task = async () => {
      ran += 1;
      await new Promise((r) => setTimeout(r, 20));
    };
    const outcomes = await Promise.all([
      gate.run(task),
      gate.run(task, { wanted: () => false }),
      gate.run(task),
    ]);
    expect(outcomes.map((o) => (o.ran ? 'ran' : o.why))).toEqual(['ran', 'gone', 'ran']);
    expect(ran).toBe(2);
    // one address with many waiting does not hold up another: the queue is served round-robin by address
    const order: string[] = [];
    const fair = new FairQueue(1, 16);
    const as = (who: string) => async () => {
      order.push(who);
      await new Promise((r) => setTimeout(r, 5));
    };
    await Promise.all([
      ...['a1', 'a2', 'a3', 'a4', 'a5'].map((w) => fair.run(as(w), { key: 'a' })),
      fair.run(as('b1'), { key: 'b' }),
    ]);
    expect(order).toEqual(['a1', 'a2', 'b1', 'a3', 'a4', 'a5']);
    await store.close();
  }, 60_000);
});

describe('the address a login counts against', () => {
  it('is the IPv4 address, and an IPv6 client’s /64 (which it could otherwise walk through)', () => {
    const key = addressKey;
    expect(key('203.0.113.9')).toBe('203.0.113.9');
    expect(key('::ffff:203.0.113.9')).toBe('203.0.113.9');
    expect(key('2001:db8:1:2:aaaa:bbbb:cccc:dddd')).toBe('2001:db8:1:2::/64');
    expect(key('2001:DB8:0001:0002::7')).toBe('2001:db8:1:2::/64');
  });
});

describe('in process', () => {
  let server: RunningServer;
  const dir = tempDir();
  beforeAll(async () => {
    // the production bound on sessions, though the accounts are demo ones (demo mode allows a class more)
    server = await boot(dir, { sessionsPerUser: LOGIN_LIMITS.sessionsPerUser });
  });
  afterAll(async () => {
    await server?.close();
  });
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('60 KB usernames are answered 400 and nothing of them stays in memory', async () => {
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    const body = JSON.stringify({ username: 'x'.repeat(60_000), password: 'whatever' });
    const send = async (count: number) => {
      const statuses: number[] = [];
      for (let sent = 0; sent < count; sent += 50)
        statuses.push(
          ...(await Promise.all(
            Array.from(
              { length: 50 },
              async () => (await call(server.url, { path: '/api/session', body })).status,
            ),
          )),
        );
      return statuses;
    };
    await send(200); // warm up
    gc();
    const before = process.memoryUsage().heapUsed;
    const statuses = await send(2000);
    gc();
    const grown = process.memoryUsage().heapUsed - before;
    console.log(
      `2,000 logins with 60 KB usernames (${((2000 * body.length) / 1048576).toFixed(0)} MB sent): ` +
        `heap ${(grown / 1048576).toFixed(1)} MB after GC`,
    );
    expect(new Set(statuses)).toEqual(new Set([400]));
    expect(grown).toBeLessThan(16 * 1048576);
    // none of them counted against the address: a wrong password is still a plain 401
    expect((await login(server.url, 'duty', 'wrong')).status).toBe(401);
  }, 120_000);

  it('a body or a path that is bad input is a 400 in words and at most one log line, not a 500', async () => {
    const lines: string[] = [];
    for (const level of ['log', 'warn', 'error'] as const)
      vi.spyOn(console, level).mockImplementation((...args: unknown[]) => {
        lines.push(args.map(String).join(' '));
      });
    const cases: [string, { path: string; body?: string; method?: string }, RegExp][] = [
      [
        'a username that is an object',
        { path: '/api/session', body: '{"username":{"toString":1}}' },
        /username/,
      ],
      ['a malformed percent-encoding', { path: '/api/incidents/%E0%A4%A' }, /percent-encoding/],
      [
        'the same on a command route',
        { path: '/api/incidents/%E0%A4%A/approve', body: '{}' },
        /percent-encoding/,
      ],
      ['a body that is not JSON', { path: '/api/session', body: '{"username": "duty", ' }, /not valid JSON/],
    ];
    for (const [what, req, words] of cases) {
      lines.length = 0;
      const res = await call(server.url, req);
      const body = JSON.parse(res.text);
      expect(res.status, what).toBe(400);
      expect(body.error.code, what).toBe('INVALID');
      expect(body.error.message.zh, what).toMatch(/^[\u4e00-\u9fff]/);
      expect(body.error.message.en, what).toMatch(words);
      expect(lines.length, `${what}: ${lines.join(' | ')}`).toBeLessThanOrEqual(1);
      expect(lines.join('\n'), what).not.toMatch(/\n|\bat .+:\d+:\d+/); // one line, no stack
    }
  });

  it('an account keeps at most its bound of live sessions: the oldest is ended, its socket told and closed', async () => {
    const oldest = await Client.login(server.url, 'commander');
    const live = await oldest.live();
    const told: string[] = [];
    live.socket.on('session:end', (why) => told.push(why.reason));
    const newer: Client[] = [];
    for (let i = 0; i < LOGIN_LIMITS.sessionsPerUser; i += 1)
      newer.push(await Client.login(server.url, 'commander'));
    await until(() => !live.socket.connected, 'the oldest session’s socket closed', 5000);
    expect(told).toEqual(['replaced']);
    expect((await oldest.get('/api/session')).body.user).toBeNull();
    expect((await oldest.get('/api/incidents')).status).toBe(401);
    for (const c of newer) expect((await c.get('/api/session')).body.user?.username).toBe('commander');
    const db = new Database(join(dir, DB_FILE), { readonly: true });
    const count = () =>
      (db.prepare("SELECT COUNT(*) AS n FROM sessions WHERE user_id = 'commander'").get() as { n: number }).n;
    expect(count()).toBe(LOGIN_LIMITS.sessionsPerUser);
    // one more: the next oldest goes, the count stays
    await Client.login(server.url, 'commander');
    expect((await newer[0]!.get('/api/session')).body.user).toBeNull();
    expect((await newer[1]!.get('/api/session')).body.user?.username).toBe('commander');
    expect(count()).toBe(LOGIN_LIMITS.sessionsPerUser);
    db.close();
    live.close();
  });
});
