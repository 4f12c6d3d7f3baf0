/**
 * The duty directory, the basemap and the change preview over a real server: what an administrator sets
 * survives a restart, nobody else may set it, bad input is refused in words, and nothing is invented.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../server/main.ts';
import type { DirectoryUnit } from '../../shared/protocol/directory.ts';
import { boot, Client, rid, summariesOf, tempDir } from './live.ts';

const DUTY = { id: 'duty', role: 'duty', unitId: null } as const;

const dir = tempDir();
let server: RunningServer;
let admin: Client;
let duty: Client;

beforeAll(async () => {
  server = await boot(dir);
  admin = await Client.login(server.url, 'admin');
  duty = await Client.login(server.url, 'duty');
});
afterAll(async () => {
  await server.close();
});

const unitOf = async (c: Client, id: string) =>
  (await c.get<{ units: DirectoryUnit[] }>('/api/directory')).body.units.find((u) => u.unitId === id);

describe('directory', () => {
  it('lists every real unit once, with the plans’ own contacts and no invented positions', async () => {
    const { status, body } = await duty.get<{ units: DirectoryUnit[] }>('/api/directory');
    expect(status).toBe(200);
    const ids = body.units.map((u) => u.unitId);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).not.toContain('incident-town'); // a role, not a body
    const chishang = body.units.find((u) => u.unitId === 'chishang')!;
    expect(chishang.plans.map((p) => p.planId).sort()).toEqual(['rural-water', 'snow-ice']);
    expect(chishang.planContacts).toEqual([
      expect.objectContaining({ phone: '0533-4880007', clause: '附件1' }),
    ]);
    expect(chishang.position).toBeNull(); // the basemap has no towns
    const boshan = body.units.find((u) => u.unitId === 'boshan')!;
    expect(boshan.position).toMatchObject({ approximate: true, source: 'basemap' });
    expect(boshan.position!.lat).toBeGreaterThan(36.3);
    expect(boshan.position!.lat).toBeLessThan(36.7);
    expect(body.units.find((u) => u.unitId === 'hitech')!.position).toBeNull(); // no polygon of its own
  });

  it('lets only an administrator set contacts and a position, and keeps them across a restart', async () => {
    const body = {
      contacts: [{ label: '夜间值班', phone: '0533-1234567' }],
      position: { lat: 36.45, lng: 117.9 },
    };
    const refused = await duty.request('PUT', '/api/directory/chishang', body);
    expect(refused.status).toBe(403);
    expect(refused.body.error.message.zh).toMatch(/管理员/);
    expect((await unitOf(duty, 'chishang'))!.contacts).toEqual([]);

    const saved = await admin.request<DirectoryUnit>('PUT', '/api/directory/chishang', body);
    expect(saved.status).toBe(200);
    expect(saved.body.position).toEqual({ lat: 36.45, lng: 117.9, approximate: false, source: 'admin' });

    await server.close();
    server = await boot(dir);
    admin = await Client.login(server.url, 'admin');
    duty = await Client.login(server.url, 'duty');
    const after = (await unitOf(admin, 'chishang'))!;
    expect(after.contacts).toEqual(body.contacts);
    expect(after.position).toMatchObject({ lat: 36.45, approximate: false });
    expect(after.updatedBy).toBeTruthy();
  });

  it('refuses bad input in words and changes nothing', async () => {
    const before = await unitOf(admin, 'badou');
    for (const bad of [
      { contacts: [{ label: '值班', phone: 'call me' }], position: null },
      { contacts: [], position: { lat: 0, lng: 0 } },
      { contacts: [], position: null, extra: 1 },
      { contacts: 'none', position: null },
    ]) {
      const r = await admin.request('PUT', '/api/directory/badou', bad);
      expect(r.status).toBe(400);
      expect(r.body.error.message.zh).toMatch(/[\u4e00-\u9fff]/);
      expect(r.body.error.message.en).toMatch(/[a-z]/);
    }
    expect(await unitOf(admin, 'badou')).toEqual(before);
    expect(
      (await admin.request('PUT', '/api/directory/nowhere', { contacts: [], position: null })).status,
    ).toBe(404);
  });
});

describe('map', () => {
  it('serves the Zibo basemap from the package, with Boshan among its polygons', async () => {
    const res = await fetch(`${server.url}/api/map/basemap`);
    expect(res.status).toBe(200);
    const map = (await res.json()) as { features: { properties: { name: string } }[] };
    const names = map.features.map((f) => f.properties.name);
    expect(names).toContain('博山区');
    expect(names.length).toBeGreaterThanOrEqual(8);
    const config = await (await fetch(`${server.url}/api/map/config`)).json();
    expect(config.tileUrl).toBeNull(); // nothing reaches for the internet unless configured
  });
});

describe('change preview', () => {
  it('shows what a raise adds, what a lowering stands down, and who must sign', async () => {
    const declared = await duty.post('/api/incidents', {
      planId: 'heavy-pollution',
      levelId: 'blue',
      title: '预览测试',
      indicators: { aqiForecast: [210, 150] },
      requestId: rid('preview'),
    });
    expect(declared.status).toBe(202); // blue waits for the office director's signature
    const id = declared.body.incident.id as string;
    const director = await Client.login(server.url, 'director');
    expect((await director.post(`/api/incidents/${id}/approve`, { requestId: rid('sign') })).status).toBe(
      200,
    );
    const up = await duty.get(`/api/incidents/${id}/preview?levelId=red`);
    expect(up.status).toBe(200);
    expect(up.body.signer).toBe('commander');
    expect(up.body.added.length).toBeGreaterThan(0);
    expect(up.body.stoodDown.every((a: { level: string }) => a.level === 'blue')).toBe(true);
    const unknown = await duty.get(`/api/incidents/${id}/preview?levelId=purple`);
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.message.zh).toMatch(/级别.*purple/);
    expect(unknown.body.error.message.en).toMatch(/level/);
    const end = await duty.get(`/api/incidents/${id}/preview`);
    expect(end.body.levelId).toBeNull();
    expect(end.body.stoodDown.length).toBeGreaterThan(0);
    const list = await duty.get('/api/incidents');
    expect(list.body.seq).toBeGreaterThan(0);
    const card = summariesOf(list.body, DUTY).find((i) => i.id === id)!;
    expect(card.counts.units).toBeGreaterThan(0);
    expect(card.counts.unitsAcknowledged).toBe(0);
  });
});

describe('incident cards', () => {
  it('put units owing the same item by the same time on one deadline line', async () => {
    const declared = await duty.post('/api/incidents', {
      planId: 'snow-ice',
      levelId: 'III',
      title: '卡片测试',
      requestId: rid('card'),
    });
    expect(declared.status).toBe(201);
    // the operators' 30-minute broadcast runs from the weather warning (5), recorded here
    const recorded = await duty.post(`/api/incidents/${declared.body.incident.id}/recordMilestone`, {
      milestone: 'snowWarningIssued',
      at: Date.now() - 1000,
      requestId: rid('warning'),
    });
    expect(recorded.status).toBe(200);
    const again = await duty.get('/api/incidents');
    const card = summariesOf(again.body, DUTY).find((i) => i.id === declared.body.incident.id)!;
    expect(card.nextDue.length).toBeGreaterThan(0);
    expect(card.nextDue.length).toBeLessThanOrEqual(3);
    const broadcast = card.nextDue.find((d: { clause: string }) => d.clause === '5');
    expect(broadcast.clause).toBe('5'); // 运营商30分钟内播发预警
    expect(broadcast.units.sort()).toEqual(['博山电信公司', '博山移动公司', '博山联通公司'].sort());
    const dues = card.nextDue.map((d: { dueAt: number }) => d.dueAt);
    expect([...dues].sort((a, b) => a - b)).toEqual(dues);
  });
});
