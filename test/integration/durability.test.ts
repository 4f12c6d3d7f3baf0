/**
 * What survives: a restart in the middle of a response (every client resyncs, nothing confirmed is lost),
 * clocks that fire within a second and after a restart, sessions that end their sockets, production mode.
 */
import { describe, expect, it } from 'vitest';
import { createAccount, memberUnits } from '../../server/auth/accounts.ts';
import { unitsOfPlan } from '../../server/live/visibility.ts';
import { boot, Client, type LiveClient, rid, tempDir, until } from './live.ts';

const accounts = new Set(memberUnits().map((u) => u.id));
const snowUnits = [...unitsOfPlan('snow-ice')].filter((u) => accounts.has(u));

describe('a restart in the middle of a response', () => {
  it('loses no confirmed acknowledgement and every client resyncs to the server’s sequence', async () => {
    const dir = tempDir();
    let server = await boot(dir);
    const duty = await Client.login(server.url, 'duty');
    const leader = await (await Client.login(server.url, 'leader')).live();
    const units = await Promise.all(snowUnits.map(async (u) => (await Client.login(server.url, u)).live()));
    const declared = await duty.post('/api/incidents', {
      planId: 'snow-ice',
      levelId: 'II',
      title: '暴雪',
      requestId: rid(),
    });
    expect(declared.status).toBe(201);
    const id = declared.body.incident.id as string;
    await until(() => units.every((u) => u.tasks().length > 0), 'every unit has its tasks');
    // half the units acknowledge before the restart; each confirmation comes after the commit
    const confirmed: string[] = [];
    for (const u of units.slice(0, units.length / 2)) {
      for (const t of u.tasks())
        if ((await u.command({ type: 'acknowledge', taskId: t, requestId: rid() })).status === 200)
          confirmed.push(t);
    }
    const port = server.port;
    await server.close();
    server = await boot(dir, { port });
    // the sockets reconnect by themselves, with the cookies of sessions that were kept on disk
    await until(
      () => units.every((u) => u.socket.connected) && leader.socket.connected,
      'clients reconnected',
    );
    // a fact made after the restart reaches everyone, and the other half acknowledges
    const raised = await duty.post(`/api/incidents/${id}/changeLevel`, {
      levelId: 'I',
      expectedVersion: (await duty.get(`/api/incidents/${id}`)).body.incident.version,
      reason: '雪情加重',
      requestId: rid(),
    });
    expect(raised.status).toBe(200);
    for (const u of units.slice(units.length / 2)) {
      for (const t of u.tasks())
        if ((await u.command({ type: 'acknowledge', taskId: t, requestId: rid() })).status === 200)
          confirmed.push(t);
    }
    const head = await server.service.head();
    await until(() => leader.feed.position === head, 'the leader is at the server’s sequence');
    const detail = await duty.get(`/api/incidents/${id}`);
    const status = new Map(
      (detail.body.tasks as { id: string; status: string }[]).map((t) => [t.id, t.status]),
    );
    for (const t of confirmed) expect(['acknowledged', 'stoodDown']).toContain(status.get(t));
    // each fact applied once, in order, by every client
    for (const c of [leader, ...units]) {
      const seqs = c.facts.map((f) => f.seq);
      expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
      expect(new Set(seqs).size).toBe(seqs.length);
    }
    expect(leader.facts.map((f) => f.seq)).toEqual(
      (await server.service.factsAfter(0, 10_000)).map((f) => f.seq),
    );
    expect(await server.store.integrity()).toBe('ok');
    for (const c of [leader, ...units]) c.close();
    await server.close();
  });
});

describe('clocks', () => {
  it('fire within a second of their due time, and after a restart from what is on disk', async () => {
    const dir = tempDir();
    let server = await boot(dir);
    const commander = await Client.login(server.url, 'commander');
    const zichuan = await (await Client.login(server.url, 'zichuan')).live();
    // an accident 10 minutes ago less 2 s: the 10-minute phone report falls due in 2 s (4.2.2)
    const declare = (lead: number) =>
      commander.post('/api/incidents', {
        planId: 'power-plant',
        levelId: 'III',
        title: '电厂事故',
        assignees: { 'incident-county': 'zichuan' },
        occurredAt: Date.now() - 10 * 60_000 + lead,
        requestId: rid(),
      });
    const first = await declare(2000);
    expect(first.status).toBe(201);
    const overdue = (id: string) =>
      zichuan.facts.find(
        (f) =>
          f.event.type === 'TaskOverdue' &&
          f.event.incidentId === id &&
          f.event.taskId === 'phone-city-10min@zichuan',
      );
    await until(() => overdue(first.body.incident.id) !== undefined, 'the 10-minute clock fired', 5000);
    const task = (await commander.get(`/api/incidents/${first.body.incident.id}`)).body.tasks.find(
      (t: { id: string }) => t.id.endsWith(':phone-city-10min@zichuan'),
    );
    const late = overdue(first.body.incident.id)!.event.at - task.dueAt;
    expect(late).toBeGreaterThanOrEqual(0);
    expect(late).toBeLessThanOrEqual(1000);

    // due while the server is down: fired by the first tick after the restart
    const second = await declare(1500);
    const port = server.port;
    await server.close();
    await new Promise((r) => setTimeout(r, 2000));
    const restartedAt = Date.now();
    server = await boot(dir, { port });
    await until(
      () => overdue(second.body.incident.id) !== undefined,
      'the clock fired after the restart',
      5000,
    );
    expect(overdue(second.body.incident.id)!.event.at - restartedAt).toBeLessThanOrEqual(1500);
    zichuan.close();
    await server.close();
  });
});

describe('sessions', () => {
  it('logout ends the session and disconnects its sockets; the cookie is HttpOnly and SameSite', async () => {
    const server = await boot();
    const login = await fetch(`${server.url}/api/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'sanitation', password: 'demo' }),
    });
    expect(login.headers.get('set-cookie')).toMatch(/HttpOnly/i);
    expect(login.headers.get('set-cookie')).toMatch(/SameSite=Strict/i);
    const unit = await Client.login(server.url, 'sanitation');
    const other = await (await Client.login(server.url, 'sanitation')).live();
    const a = await unit.live();
    const b = await unit.live();
    expect((await unit.request('DELETE', '/api/session')).status).toBe(200);
    // the disconnect crosses the loopback to the client: a second is tight on a loaded machine
    await until(() => !a.socket.connected && !b.socket.connected, 'the session’s sockets closed', 5000);
    expect(other.socket.connected).toBe(true);
    expect((await unit.get('/api/incidents')).status).toBe(401);
    for (const c of [a, b, other]) c.close();
    await server.close();
  });

  it('an expired session disconnects its socket within a second', async () => {
    // the session must outlive the login's answer and the socket's handshake and first sync, or live() never
    // connects: 1.5 s was tight on a loaded machine; the wait keeps its 1.1 s beyond the expiry
    const TTL = 3000;
    const server = await boot(tempDir(), { sessionTtlMs: TTL });
    const live = await (await Client.login(server.url, 'leader')).live();
    await until(() => !live.socket.connected, 'the expired session’s socket closed', TTL + 1100);
    live.close();
    await server.close();
  });

  it('login attempts are rate limited', async () => {
    const server = await boot(tempDir(), { loginAttempts: 3 });
    const attempt = () =>
      fetch(`${server.url}/api/session`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'duty', password: 'wrong' }),
      });
    expect([(await attempt()).status, (await attempt()).status, (await attempt()).status]).toEqual([
      401, 401, 401,
    ]);
    const limited = await attempt();
    expect(limited.status).toBe(429);
    await server.close();
  });
});

describe('modes', () => {
  it('production seeds nothing, refuses the demo password and says nothing of a demo', async () => {
    const dir = tempDir();
    const server = await boot(dir, { production: true });
    expect(await server.store.countUsers()).toBe(0);
    const refused = await createAccount(
      server.store,
      { username: 'chief', password: 'demo', role: 'admin' },
      { demo: false, now: Date.now() },
    );
    expect(refused?.zh).toContain('演示密码');
    expect(
      await createAccount(
        server.store,
        { username: 'chief', password: 'a-long-passphrase', role: 'admin' },
        { demo: false, now: Date.now() },
      ),
    ).toBeNull();
    const chief = await Client.login(server.url, 'chief', 'a-long-passphrase');
    const res = await fetch(`${server.url}/api/session`, { headers: { cookie: chief.cookie } });
    expect(res.headers.get('x-console-mode')).toBeNull();
    expect(await res.json()).toMatchObject({ demo: false, user: { username: 'chief', role: 'admin' } });
    await server.close();
  });

  it('demo mode seeds one account per role and per member unit, and labels every answer', async () => {
    const server = await boot();
    expect(await server.store.countUsers()).toBe(5 + accounts.size);
    const unit = await Client.login(server.url, 'chishang');
    const who = await unit.get('/api/session');
    expect(who.body).toMatchObject({ demo: true, user: { role: 'unit', unitId: 'chishang' } });
    await server.close();
  });
});

describe('fan-out', () => {
  it('a declaration reaches 200 connected unit clients', async () => {
    const server = await boot();
    const duty = await Client.login(server.url, 'duty');
    const logins = await Promise.all(snowUnits.map((u) => Client.login(server.url, u)));
    const clients: LiveClient[] = [];
    for (let i = 0; clients.length < 200; i++) clients.push(await logins[i % logins.length]!.live());
    const start = performance.now();
    const res = await duty.post('/api/incidents', {
      planId: 'snow-ice',
      levelId: 'I',
      title: '特大暴雪',
      requestId: rid(),
    });
    expect(res.status).toBe(201);
    await until(() => clients.every((c) => c.tasks().length > 0), 'all 200 clients have their tasks');
    const ms = performance.now() - start;
    console.log(
      `fan-out: declaration → last of ${clients.length} unit clients has its tasks: ${ms.toFixed(0)} ms`,
    );
    for (const c of clients)
      expect(
        c.facts
          .flatMap((f) => (f.event.type === 'TasksAssigned' ? f.event.tasks : []))
          .every((t) => t.unitId === c.client.username),
      ).toBe(true);
    for (const c of clients) c.close();
    await server.close();
    // two hundred sockets connected one by one: 5 s beside another run on 2 cores, too near the default 20 s
  }, 60_000);
});
