/**
 * The record over a real server: an incident opened at the first report runs its clocks before any level;
 * roles are bound to member units or official villages; a proposal is withdrawn; terminating with undone work
 * is counted as undone, never as done or acknowledged.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cutDivisions } from '../../server/cli/divisions.ts';
import { divisions } from '../../server/divisions.ts';
import type { RunningServer } from '../../server/main.ts';
import { boot, Client, rid, tempDir } from './live.ts';

const dir = tempDir();
let server: RunningServer;
let duty: Client;
let commander: Client;

beforeAll(async () => {
  server = await boot(dir);
  duty = await Client.login(server.url, 'duty');
  commander = await Client.login(server.url, 'commander');
});
afterAll(async () => {
  await server.close();
});

interface Detail {
  incident: {
    id: string;
    status: string;
    version: number;
    level: string | null;
    summary: string;
    counts: Record<string, number>;
    roles: { id: string; holder: unknown; openTasks: number }[];
  };
  tasks: { id: string; unitId: string; status: string; reached: boolean; roleId?: string }[];
  clocks: { obligations: { taskId: string; status: string }[] };
}

const detail = async (id: string) => (await duty.get<Detail>(`/api/incidents/${id}`)).body;

describe('the first report (接报)', () => {
  it('opens an incident without a level; its clocks run and its unbound roles show as reaching no one', async () => {
    const opened = await duty.post('/api/incidents', {
      planId: 'power-plant',
      title: '某电厂锅炉爆管',
      summary: '14:05 接电厂电话，一台锅炉爆管，暂无人员伤亡报告',
      occurredAt: Date.now() - 5 * 60_000,
      requestId: rid('open'),
    });
    expect(opened.status).toBe(201);
    const id = (opened.body as { incident: { id: string } }).incident.id;
    const d = await detail(id);
    expect(d.incident.status).toBe('open');
    expect(d.incident.level).toBeNull();
    expect(d.incident.summary).toContain('锅炉爆管');
    expect(d.clocks.obligations.length).toBeGreaterThan(0);
    expect(d.incident.counts.unreached).toBeGreaterThan(0);
    expect(d.tasks.filter((t) => !t.reached).every((t) => t.unitId === t.roleId)).toBe(true);
    const county = d.incident.roles.find((r) => r.id === 'incident-county');
    expect(county?.holder).toBeNull();
    expect(county?.openTasks).toBeGreaterThan(0);

    // bound later on the incident page: the tasks move to the county, which now sees them
    const bound = await duty.post(`/api/incidents/${id}/bind`, {
      role: 'incident-county',
      to: { unitId: 'zichuan' },
      requestId: rid('bind'),
    });
    expect(bound.status).toBe(200);
    const zichuan = await Client.login(server.url, 'zichuan');
    const inbox = await zichuan.get<{ tasks: { incidentId: string; status: string }[] }>('/api/tasks');
    expect(inbox.body.tasks.filter((t) => t.incidentId === id).length).toBe(county?.openTasks);
    // the binding itself is staff business; each unit sees only the moves of its own tasks
    type Events = {
      facts: { event: { type: string; moves?: { from: string; to: { unitId: string } }[] } }[];
    };
    const seen = (await zichuan.get<Events>(`/api/incidents/${id}/events`)).body.facts.map((f) => f.event);
    expect(seen.some((e) => e.type === 'RoleBound')).toBe(false);
    const moves = seen.flatMap((e) => e.moves ?? []);
    expect(moves.length).toBe(county?.openTasks);
    expect(moves.every((m) => m.to.unitId === 'zichuan')).toBe(true);
    const other = await Client.login(server.url, 'city-development');
    const theirs = (await other.get<Events>(`/api/incidents/${id}/events`)).body.facts.map((f) => f.event);
    expect(theirs.some((e) => e.type === 'RoleBound' || e.type === 'TasksMoved')).toBe(false);

    // proposed, then withdrawn by the proposer; the commander cannot withdraw what the duty officer proposed
    const proposed = await duty.post(`/api/incidents/${id}/declare`, { levelId: 'III', requestId: rid('d') });
    expect(proposed.status).toBe(202);
    expect((await commander.post(`/api/incidents/${id}/withdraw`, { requestId: rid('w') })).status).toBe(403);
    expect((await duty.post(`/api/incidents/${id}/withdraw`, { requestId: rid('w') })).status).toBe(200);
    expect((await detail(id)).incident.status).toBe('open');
  });

  it('binds the village of a rural-water incident from the official list only', async () => {
    const opened = await duty.post('/api/incidents', {
      planId: 'rural-water',
      title: '某村停水',
      requestId: rid('open'),
    });
    const id = (opened.body as { incident: { id: string } }).incident.id;
    const village = divisions().villages.find((v) => v.town === '370304112');
    if (!village) throw new Error('池上镇 has villages');
    const refused = await duty.post(`/api/incidents/${id}/bind`, {
      role: 'village',
      to: { party: { kind: 'village', name: '不存在村', phone: '123', code: '370304999999' } },
      requestId: rid('bind'),
    });
    expect(refused.status).toBe(400);
    expect(JSON.stringify(refused.body)).toContain('村（居）委会');
    const ok = await duty.post(`/api/incidents/${id}/bind`, {
      role: 'village',
      // a full-width phone as a Chinese input method types it
      to: { party: { kind: 'village', name: 'x', phone: '０５３３－１２３４５６７', code: village.code } },
      requestId: rid('bind'),
    });
    expect(ok.status).toBe(200);
    const parties = (
      await duty.get<{ incident: { parties: Record<string, unknown> } }>(`/api/incidents/${id}`)
    ).body.incident.parties;
    expect(parties.village).toEqual({
      kind: 'village',
      name: village.name,
      phone: '0533-1234567',
      code: village.code,
    });
  });

  it('the committed village list is the maintained package’s, cut to 博山区', () => {
    const cut = cutDivisions();
    expect(divisions()).toEqual(cut);
    expect(cut.towns.map((t) => t.name)).toContain('池上镇');
    expect(cut.villages).toHaveLength(296);
  });
});

describe('terminating with undone work', () => {
  it('counts what was done, what was acknowledged and what was closed undone, apart', async () => {
    const declared = await duty.post('/api/incidents', {
      planId: 'snow-ice',
      levelId: 'III',
      title: '终止测试',
      requestId: rid('snow'),
    });
    const id = (declared.body as { incident: { id: string } }).incident.id;
    const weather = await Client.login(server.url, 'weather');
    const mine = (
      await weather.get<{ tasks: { id: string; incidentId: string }[] }>('/api/tasks')
    ).body.tasks.filter((t) => t.incidentId === id);
    expect(mine.length).toBeGreaterThan(1);
    const [first, second] = mine as unknown as [{ id: string }, { id: string }];
    expect((await weather.post(`/api/tasks/${first.id}/acknowledge`, { requestId: rid('a') })).status).toBe(
      200,
    );
    expect(
      (
        await weather.post(`/api/tasks/${second.id}/report`, {
          note: '已发布',
          done: true,
          requestId: rid('r'),
        })
      ).status,
    ).toBe(200);
    const before = await detail(id);
    const preview = (await duty.get<{ closesUndone: { tasks: number } }>(`/api/incidents/${id}/preview`))
      .body;
    // the open response tasks; what runs from the report stays owed and is listed apart
    const reportsBefore = before.tasks.filter(
      (t) => (t as { phase?: string }).phase === 'report' && t.status === 'assigned',
    ).length;
    expect(preview.closesUndone.tasks).toBe((before.incident.counts.open ?? 0) - reportsBefore);
    const ended = await duty.post(`/api/incidents/${id}/terminate`, {
      reason: '降雪停止',
      expectedVersion: before.incident.version,
      requestId: rid('t'),
    });
    expect(ended.status).toBe(200);
    const after = await detail(id);
    const c = after.incident.counts as Record<
      'tasks' | 'acknowledged' | 'done' | 'closedUndone' | 'open',
      number
    >;
    expect(c.acknowledged).toBe(2);
    expect(c.done).toBe(1);
    // only what runs from the report (the daily forecast) stays owed; the rest is closed undone
    const reports = after.tasks.filter((t) => (t as { phase?: string }).phase === 'report');
    expect(c.open).toBe(reports.length);
    expect(c.closedUndone).toBe(c.tasks - 1 - c.open);
    expect(after.tasks.filter((t) => t.status === 'closed')).toHaveLength(c.closedUndone);
    expect(after.clocks.obligations.filter((o) => o.status === 'met').length).toBeLessThanOrEqual(1);
  });
});
