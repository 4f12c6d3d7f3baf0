/**
 * Authority and abuse against a real server: every command × every role over REST and the socket,
 * idempotent retries, two officers at once, and malformed input that must change nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../server/main.ts';
import { CONTRACT, fillPath } from '../../shared/protocol/contract.ts';
import type { CommandReply, SocketCommand } from '../../shared/protocol/live.ts';
import { boot, Client, type LiveClient, rid } from './live.ts';

let server: RunningServer;
const as: Record<string, Client> = {};
const live: Record<string, LiveClient> = {};
const ROLES = ['admin', 'duty', 'director', 'commander', 'leader', 'city-police', 'city-health'] as const;

/** every refusal on the record: repeats within the hour share a row and count there */
const refusalsOnRecord = async () =>
  (await server.store.audit(100_000)).reduce((n, a) => n + (a.count ?? 1), 0);

beforeAll(async () => {
  server = await boot();
  for (const r of ROLES) {
    as[r] = await Client.login(server.url, r);
    live[r] = await as[r].live();
  }
});
afterAll(async () => {
  for (const l of Object.values(live)) l.close();
  await server.close();
});

/** An orange heavy-pollution warning in force (signed by the director), or one waiting for the director. */
async function incident(pending = false) {
  const res = await as[pending ? 'duty' : 'director']!.post('/api/incidents', {
    planId: 'heavy-pollution',
    levelId: 'orange',
    title: '重污染橙色预警',
    requestId: rid('setup'),
  });
  expect(res.status).toBe(pending ? 202 : 201);
  return res.body.incident as { id: string; version: number };
}

async function policeTask(id: string) {
  const detail = await as['city-police']!.get(`/api/incidents/${id}`);
  return (detail.body.tasks as { id: string; unitId: string }[])[0]!.id;
}

type Cell = {
  command: string;
  make: () => Promise<Omit<SocketCommand, 'requestId'>>;
  expect: Record<(typeof ROLES)[number], number>;
};
const staffOnly = (duty: number, signer: number) => ({
  admin: 403,
  duty,
  director: signer,
  commander: signer,
  leader: 403,
  'city-police': 403,
  'city-health': 403,
});
/** only the unit that owns the task may act on it; to another unit the task does not exist */
const ownerOnly = {
  admin: 403,
  duty: 403,
  director: 403,
  commander: 403,
  leader: 403,
  'city-police': 200,
  'city-health': 404,
};
const CELLS: Cell[] = [
  {
    command: 'open',
    make: async () => ({ type: 'open', planId: 'heavy-pollution', levelId: 'orange', title: '矩阵' }),
    expect: staffOnly(202, 201),
  },
  {
    command: 'changeLevel',
    make: async () => {
      const i = await incident();
      return {
        type: 'changeLevel',
        incidentId: i.id,
        levelId: 'yellow',
        expectedVersion: i.version,
        reason: '好转',
      };
    },
    expect: staffOnly(202, 200),
  },
  {
    command: 'approve',
    make: async () => ({ type: 'approve', incidentId: (await incident(true)).id }),
    expect: staffOnly(403, 200),
  },
  {
    command: 'reject',
    make: async () => ({ type: 'reject', incidentId: (await incident(true)).id, reason: '数据不足' }),
    expect: staffOnly(403, 200),
  },
  {
    command: 'terminate',
    make: async () => {
      const i = await incident();
      return { type: 'terminate', incidentId: i.id, expectedVersion: i.version, reason: '解除' };
    },
    expect: staffOnly(202, 200),
  },
  {
    command: 'acknowledge',
    make: async () => ({ type: 'acknowledge', taskId: await policeTask((await incident()).id) }),
    expect: ownerOnly,
  },
  {
    command: 'report',
    make: async () => ({
      type: 'report',
      taskId: await policeTask((await incident()).id),
      note: '已部署',
      done: false,
    }),
    expect: ownerOnly,
  },
];

/** The command at its contract path (shared/protocol/contract.ts), the target in the path. */
const REST = (c: Client, cmd: SocketCommand) => {
  const { type, ...input } = cmd;
  const { path, rest } = fillPath(CONTRACT[type].path, input);
  return c.post(path, rest);
};
describe.each(['rest', 'socket'] as const)('authorization matrix over %s', (transport) => {
  for (const cell of CELLS) {
    it.each(ROLES)(`${cell.command} by %s`, async (role) => {
      const cmd = { ...(await cell.make()), requestId: rid(cell.command) } as SocketCommand;
      const head = await server.service.head();
      const audited = await refusalsOnRecord();
      const status =
        transport === 'rest'
          ? (await REST(as[role]!, cmd)).status
          : ((await live[role]!.command(cmd)) as CommandReply).status;
      expect(status).toBe(cell.expect[role]);
      if (status >= 400) {
        // a refused command writes no fact, broadcasts nothing, and is on the record
        expect(await server.service.head()).toBe(head);
        expect(await refusalsOnRecord()).toBe(audited + 1);
        const [last] = await server.store.audit(1);
        expect(last).toMatchObject({
          userId: role,
          command: cell.command,
          code: status === 404 ? 'NOT_FOUND' : 'FORBIDDEN',
        });
      }
    });
  }
});

describe('retries and races', () => {
  it('a retried declaration gets the first answer and opens one incident', async () => {
    const body = { planId: 'snow-ice', levelId: 'III', title: '重试', requestId: rid('retry') };
    const answers = await Promise.all([1, 2, 3].map(() => as.duty!.post('/api/incidents', body)));
    expect(answers.map((a) => a.status)).toEqual([201, 201, 201]);
    expect(new Set(answers.map((a) => a.body.incident.id)).size).toBe(1);
    const again = await as.duty!.post('/api/incidents', { ...body, title: '另一件事' });
    expect(again.status).toBe(409);
    expect(again.body.error.message.en).toContain('requestId');
  });

  it('the same acknowledgement four times is one record with the same answer', async () => {
    const i = await incident();
    const taskId = await policeTask(i.id);
    const requestId = rid('ack4');
    const head = await server.service.head();
    const replies = await Promise.all(
      [1, 2, 3, 4].map(() => live['city-police']!.command({ type: 'acknowledge', taskId, requestId })),
    );
    expect(replies.map((r) => r.status)).toEqual([200, 200, 200, 200]);
    // the one that was decided carries its facts; a copy answered with the kept answer carries none
    const answer = (r: { body: object }) => JSON.stringify({ ...r.body, facts: undefined });
    expect(new Set(replies.map(answer)).size).toBe(1);
    expect(replies.filter((r) => 'facts' in r.body)).toHaveLength(1);
    const facts = await server.service.factsAfter(head, 100);
    expect(facts.filter((f) => f.event.type === 'TaskAcknowledged')).toHaveLength(1);
  });

  it('two officers changing the same incident at once: one wins, the other gets 409', async () => {
    const i = await incident();
    const [a, b] = await Promise.all(
      (['director', 'commander'] as const).map((who) =>
        as[who]!.post(`/api/incidents/${i.id}/changeLevel`, {
          levelId: who === 'director' ? 'yellow' : 'red',
          expectedVersion: i.version,
          reason: '调整',
          requestId: rid(who),
        }),
      ),
    );
    expect([a!.status, b!.status].sort()).toEqual([200, 409]);
    const lost = a!.status === 409 ? a! : b!;
    expect(lost.body.error.message.zh).toContain('版本');
    const versions = (await as.leader!.allFacts(i.id)).map((f) => f.version);
    expect(versions).toEqual(versions.map((_: number, k: number) => k + 1));
  });

  it('a unit acting on another unit’s task is told it does not exist, word for word, and the attempt is recorded', async () => {
    const taskId = await policeTask((await incident()).id);
    const madeUp = taskId.replace(/@[^@]+$/, '@no-such-unit');
    const steal = await as['city-health']!.post(`/api/tasks/${encodeURIComponent(taskId)}/acknowledge`, {
      requestId: rid('steal'),
    });
    const [last] = await server.store.audit(1);
    expect(last).toMatchObject({
      userId: 'city-health',
      command: 'acknowledge',
      target: taskId,
      code: 'NOT_FOUND',
    });
    const none = await as['city-health']!.post(`/api/tasks/${encodeURIComponent(madeUp)}/acknowledge`, {
      requestId: rid('none'),
    });
    expect(steal.status).toBe(404);
    expect(none.status).toBe(404);
    expect(steal.body.error.code).toBe(none.body.error.code);
    for (const lang of ['zh', 'en'] as const)
      expect(steal.body.error.message[lang].replaceAll(taskId, 'X')).toBe(
        none.body.error.message[lang].replaceAll(madeUp, 'X'),
      );
  });
});

describe('bad input changes nothing and says what was wrong', () => {
  const BAD: [string, unknown][] = [
    ['unknown field', { planId: 'snow-ice', levelId: 'III', title: 't', requestId: 'abcdefgh', admin: true }],
    ['wrong type', { planId: 'snow-ice', levelId: 3, title: 't', requestId: 'abcdefgh' }],
    ['missing requestId', { planId: 'snow-ice', levelId: 'III', title: 't' }],
    ['oversize title', { planId: 'snow-ice', levelId: 'III', title: 'x'.repeat(500), requestId: 'abcdefgh' }],
    [
      '__proto__',
      JSON.parse(
        '{"__proto__": {"role": "admin"}, "planId": "snow-ice", "levelId": "III", "title": "t", "requestId": "abcdefgh"}',
      ),
    ],
    [
      'deep nesting',
      {
        planId: 'snow-ice',
        levelId: 'III',
        title: 't',
        requestId: 'abcdefgh',
        indicators: { a: JSON.parse('['.repeat(200) + ']'.repeat(200)) },
      },
    ],
    ['not an object', [1, 2, 3]],
  ];
  it.each(BAD)('REST: %s → 400 in Chinese and English, no fact written', async (_what, body) => {
    const head = await server.service.head();
    const res = await as.duty!.post('/api/incidents', body);
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('INVALID');
    expect(res.body.error.message.zh).toMatch(/[\u4e00-\u9fff]/);
    expect(res.body.error.message.en).toMatch(/[A-Za-z]/);
    expect(await server.service.head()).toBe(head);
  });
  it.each(BAD)('socket: %s → 400, no fact written', async (_what, body) => {
    const head = await server.service.head();
    const reply = await live.duty!.command({ type: 'open', ...(body as object) } as SocketCommand);
    expect(reply.status).toBe(400);
    expect(await server.service.head()).toBe(head);
  });
  it('an oversize body, a non-JSON body and a foreign Origin are refused', async () => {
    const big = await as.duty!.post('/api/incidents', { title: 'x'.repeat(100_000) });
    expect(big.status).toBe(400);
    const form = await fetch(`${server.url}/api/incidents`, {
      method: 'POST',
      headers: { cookie: as.duty!.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      body: 'planId=snow-ice',
    });
    expect(form.status).toBe(400);
    const foreign = await fetch(`${server.url}/api/incidents`, {
      method: 'POST',
      headers: { cookie: as.duty!.cookie, origin: 'http://evil.example', 'content-type': 'application/json' },
      body: '{}',
    });
    expect(foreign.status).toBe(403);
  });
  it('unknown socket events and malformed sync requests do not hurt the connection', async () => {
    const s = live.leader!;
    (s.socket as unknown as { emit: (...a: unknown[]) => void }).emit('nonsense', { a: 1 });
    const bad = (await s.socket.timeout(5000).emitWithAck('sync', { after: -1 } as never)) as CommandReply;
    expect(bad.status).toBe(400);
    const good = await s.socket.timeout(5000).emitWithAck('sync', { after: 0 });
    expect('facts' in good).toBe(true);
  });
  it('without a session nothing is served', async () => {
    const res = await fetch(`${server.url}/api/incidents`);
    expect(res.status).toBe(401);
    expect(((await res.json()) as { error: { message: { zh: string } } }).error.message.zh).toContain(
      '请先登录',
    );
  });
});
