/**
 * Client network drops of 1 s and of 60 s while three declarations are made: every client, staff and
 * unit, ends at the server's sequence with each fact it may see applied once, in order — the ones it
 * missed while cut off included.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { factFor } from '../../server/live/visibility.ts';
import type { RunningServer } from '../../server/main.ts';
import { boot, Client, type LiveClient, rid, until } from '../integration/live.ts';
import { FlakyNetwork } from './proxy.ts';

let server: RunningServer;
let net: FlakyNetwork;
let duty: Client;
const watchers: LiveClient[] = [];
const USERS = ['leader', 'director', 'chishang', 'sanitation', 'jinyuan', 'city-police', 'zichuan', 'boshan'];

beforeAll(async () => {
  server = await boot();
  net = new FlakyNetwork(server.port);
  const behind = await net.start();
  duty = await Client.login(server.url, 'duty'); // the officer's own line stays up
  for (const u of USERS) watchers.push(await (await Client.login(behind, u)).live());
});
afterAll(async () => {
  for (const w of watchers) w.close();
  await net.close();
  await server.close();
});

const declare = (planId: string, levelId: string, extra: Record<string, unknown> = {}) =>
  duty.post('/api/incidents', {
    planId,
    levelId,
    title: `${planId} 断网`,
    drill: true,
    requestId: rid(),
    ...extra,
  });

describe('client network drops', () => {
  it('every client ends at the server’s sequence with each missed fact applied once, in order', async () => {
    const disconnects = watchers.map((w) => {
      let n = 0;
      w.socket.on('disconnect', () => (n += 1));
      return () => n;
    });
    // 1 s drop: the first declaration happens while the clients are cut off
    const short = net.drop(1000);
    expect((await declare('snow-ice', 'II')).status).toBe(201);
    await short;
    await until(() => watchers.every((w) => w.socket.connected), 'every client back after the short drop');

    // 60 s drop: the second declaration and a change of level happen while they are cut off
    const long = net.drop(60_000);
    await new Promise((r) => setTimeout(r, 500));
    const second = await declare('rural-water', 'town', {
      assignees: { 'incident-town': 'chishang', 'incident-supplier': 'jinyuan' },
    });
    expect([201, 202]).toContain(second.status);
    await long;

    // the third with the network back
    expect((await declare('power-plant', 'IV', { assignees: { 'incident-county': 'zichuan' } })).status).toBe(
      201,
    );

    const head = await server.service.head();
    const log = await server.service.factsAfter(0, 100_000);
    for (const w of watchers) {
      await until(() => w.feed.position === head, `${w.client.username} at the server's sequence`, 15_000);
      const seqs = w.facts.map((f) => f.seq);
      expect(seqs, w.client.username).toEqual([...seqs].sort((a, b) => a - b));
      expect(new Set(seqs).size, w.client.username).toBe(seqs.length);
      const viewer = { id: w.client.username, ...(await w.client.get('/api/session')).body.user };
      const visible = log.flatMap((f) => {
        const planId = server.service.state(f.incidentId)?.planId ?? '';
        const v = factFor({ id: viewer.id, role: viewer.role, unitId: viewer.unitId }, planId, f);
        return v ? [{ seq: v.seq, version: v.version, event: v.event }] : [];
      });
      expect(w.facts, w.client.username).toEqual(visible);
    }
    // each was cut off twice, so what it holds came through a resync
    for (const n of disconnects) expect(n()).toBeGreaterThanOrEqual(2);
    // the staff client saw all three incidents; a unit of one plan saw only that plan's
    const leader = watchers[0]!;
    expect(new Set(leader.facts.map((f) => f.event.incidentId)).size).toBe(3);
    const chishang = watchers[USERS.indexOf('chishang')]!;
    expect(new Set(chishang.facts.map((f) => f.event.incidentId)).size).toBe(2); // snow and rural water
  }, 120_000);
});
