/**
 * The whole loop of each plan against a real server: declare, sign where the plan demands it, raise,
 * acknowledge from the unit clients over their sockets, lower, terminate; a leader watches live.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memberUnits } from '../../server/auth/accounts.ts';
import type { RunningServer } from '../../server/main.ts';
import { unitsOfPlan } from '../../server/live/visibility.ts';
import { boot, Client, type LiveClient, rid, until } from './live.ts';

let server: RunningServer;
const staff: Record<string, Client> = {};
let leaderLive: LiveClient;

beforeAll(async () => {
  server = await boot();
  for (const role of ['duty', 'director', 'commander', 'leader'])
    staff[role] = await Client.login(server.url, role);
  leaderLive = await staff.leader!.live();
});
afterAll(async () => {
  leaderLive.close();
  await server.close();
});

type Role = 'duty' | 'director' | 'commander';
type Step =
  | { as: Role; do: 'declare'; level: string; status: number; assignees?: Record<string, string> }
  | { as: Role; do: 'level'; level: string; status: number }
  | { as: Role; do: 'approve' | 'terminate'; status: number }
  | { do: 'ack' };

const LOOPS: { plan: string; steps: Step[] }[] = [
  {
    plan: 'snow-ice',
    steps: [
      { as: 'duty', do: 'declare', level: 'III', status: 201 },
      { as: 'duty', do: 'level', level: 'II', status: 200 },
      { do: 'ack' },
      { as: 'duty', do: 'level', level: 'III', status: 200 },
      { as: 'duty', do: 'terminate', status: 200 },
    ],
  },
  {
    plan: 'rural-water',
    steps: [
      {
        as: 'duty',
        do: 'declare',
        level: 'town',
        // a town starts its own response (3.2(2), 按村、镇、区级逐级启动): no district signature
        status: 201,
        assignees: { 'incident-town': 'chishang', 'incident-supplier': 'jinyuan' },
      },
      { as: 'duty', do: 'level', level: 'district', status: 202 },
      { as: 'commander', do: 'approve', status: 200 },
      { do: 'ack' },
      { as: 'commander', do: 'level', level: 'town', status: 200 },
      // ending any tier is announced by the commander or a deputy (3.3(3))
      { as: 'duty', do: 'terminate', status: 202 },
      { as: 'commander', do: 'approve', status: 200 },
    ],
  },
  {
    plan: 'power-plant',
    steps: [
      { as: 'duty', do: 'declare', level: 'III', status: 202, assignees: { 'incident-county': 'zichuan' } },
      { as: 'commander', do: 'approve', status: 200 },
      { as: 'commander', do: 'level', level: 'II', status: 200 },
      { do: 'ack' },
      { as: 'commander', do: 'level', level: 'III', status: 200 },
      { as: 'duty', do: 'terminate', status: 202 },
      { as: 'commander', do: 'approve', status: 200 },
    ],
  },
  {
    plan: 'heavy-pollution',
    steps: [
      { as: 'duty', do: 'declare', level: 'orange', status: 202 },
      { as: 'director', do: 'approve', status: 200 },
      { as: 'duty', do: 'level', level: 'red', status: 202 },
      { as: 'director', do: 'approve', status: 403 },
      { as: 'commander', do: 'approve', status: 200 },
      { do: 'ack' },
      { as: 'duty', do: 'level', level: 'orange', status: 202 },
      { as: 'commander', do: 'approve', status: 200 },
      { as: 'duty', do: 'terminate', status: 202 },
      { as: 'director', do: 'approve', status: 200 },
    ],
  },
];

const accounts = new Set(memberUnits().map((u) => u.id));

describe.each(LOOPS)('$plan: the whole response over REST and sockets', ({ plan, steps }) => {
  it('declares, signs, raises, is acknowledged by every unit, lowers and ends', async () => {
    const unitIds = [...unitsOfPlan(plan)].filter((u) => accounts.has(u));
    const units = await Promise.all(unitIds.map(async (u) => (await Client.login(server.url, u)).live()));
    const outsider = await (
      await Client.login(server.url, plan.startsWith('snow') ? 'city-police' : 'sanitation')
    ).live();
    let id = '';
    let version = 0;
    for (const step of steps) {
      if (step.do === 'ack') {
        const detail = await staff.duty!.get(`/api/incidents/${id}`);
        const owed = new Set(
          (detail.body.tasks as { id: string; unitId: string; status: string }[])
            .filter((t) => t.status === 'assigned' && accounts.has(t.unitId))
            .map((t) => t.id),
        );
        expect(owed.size).toBeGreaterThan(5);
        // every unit client learns its tasks from its socket alone, and acknowledges them there
        await until(
          () => new Set(units.flatMap((u) => u.tasks()).filter((t) => owed.has(t))).size === owed.size,
          'units received their tasks',
        );
        for (const u of units) {
          for (const taskId of new Set(u.tasks().filter((t) => owed.has(t)))) {
            const reply = await u.command({ type: 'acknowledge', taskId, requestId: rid('ack') });
            expect(reply.status, `${u.client.username} acknowledges ${taskId}`).toBe(200);
          }
        }
        const after = await staff.duty!.get(`/api/incidents/${id}`);
        const counts = after.body.incident.counts;
        const still = (after.body.tasks as { id: string; status: string }[])
          .filter((t) => owed.has(t.id) && t.status === 'assigned')
          .map((t) => t.id);
        expect(still).toEqual([]);
        expect(counts.acknowledged).toBeGreaterThanOrEqual(owed.size);
        version = after.body.incident.version;
        continue;
      }
      const who = staff[step.as]!;
      let res;
      if (step.do === 'declare') {
        res = await who.post('/api/incidents', {
          planId: plan,
          levelId: step.level,
          title: `${plan} 演练`,
          drill: true,
          ...(step.assignees ? { assignees: step.assignees } : {}),
          requestId: rid('declare'),
        });
        id = res.body.incident?.id;
      } else if (step.do === 'level') {
        res = await who.post(`/api/incidents/${id}/changeLevel`, {
          levelId: step.level,
          expectedVersion: version,
          reason: '研判调整',
          requestId: rid('level'),
        });
      } else if (step.do === 'approve') {
        res = await who.post(`/api/incidents/${id}/approve`, { requestId: rid('approve') });
      } else {
        res = await who.post(`/api/incidents/${id}/terminate`, {
          expectedVersion: version,
          reason: '险情解除',
          requestId: rid('end'),
        });
      }
      expect(
        res.status,
        `${step.as} ${step.do} ${'level' in step ? step.level : ''}: ${JSON.stringify(res.body)}`,
      ).toBe(step.status);
      if (res.status < 300) version = res.body.incident.version;
    }
    const final = await staff.leader!.get(`/api/incidents/${id}`);
    expect(final.body.incident.status).toBe('terminated');
    const tasks = final.body.tasks as { id: string; status: string; phase: string }[];
    expect(
      tasks.some((t) => t.status === 'stoodDown'),
      'lowering stood tasks down',
    ).toBe(true);
    expect(
      tasks
        .filter((t) => t.phase === 'response')
        .every((t) => ['closed', 'stoodDown', 'done'].includes(t.status)),
    ).toBe(true);

    // a response task of a terminated incident cannot be acknowledged, and the answer says why
    const closed = units
      .flatMap((u) => u.tasks().map((t) => [u, t] as const))
      .find(([, t]) => tasks.find((x) => x.id === t)?.status === 'closed');
    expect(closed).toBeDefined();
    const late = await closed![0].client.post(`/api/tasks/${encodeURIComponent(closed![1])}/acknowledge`, {
      requestId: rid('late'),
    });
    expect(late.status).toBe(409);
    expect(late.body.error.message.zh).toContain('终止');

    // the leader saw the whole log live, in order, each fact once; nothing assigned twice
    const seqs = (await staff.leader!.allFacts(id)).map((f) => f.seq);
    await until(() => leaderLive.feed.position >= seqs.at(-1)!, 'leader caught up');
    const seen = leaderLive.facts.filter((f) => f.event.incidentId === id);
    expect(seen.map((f) => f.seq)).toEqual(seqs);
    expect(seen.map((f) => f.version)).toEqual(seen.map((_, i) => i + 1));
    // a task comes back after being stood down, but is never assigned while it is live
    const live = new Set<string>();
    for (const f of seen) {
      if (f.event.type === 'TasksStoodDown') for (const t of f.event.taskIds) live.delete(t);
      if (f.event.type !== 'TasksAssigned') continue;
      for (const t of f.event.tasks) {
        expect(live.has(t.id), `${t.id} assigned twice`).toBe(false);
        live.add(t.id);
      }
    }
    // a unit of another plan saw nothing of it; a unit of this plan saw only its own tasks
    expect(outsider.facts.filter((f) => f.event.incidentId === id)).toEqual([]);
    for (const u of units) {
      const own = u.client.username;
      for (const f of u.facts)
        if (f.event.type === 'TasksAssigned') expect(f.event.tasks.every((t) => t.unitId === own)).toBe(true);
    }
    for (const u of [...units, outsider]) u.close();
  });
});
