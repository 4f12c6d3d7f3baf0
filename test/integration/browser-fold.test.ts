/**
 * The browser's live module, run in Node against a real server: it bootstraps states at a sequence, folds
 * every fact with the engine's own apply, and shows exactly what the server would answer — without a single
 * request in answer to a fact.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Headless, headless } from '../../client/src/live/headless.ts';
import { parseApiTaskId } from '../../shared/engine/taskId.ts';
import { NOTES } from '../../shared/protocol/limits.ts';
import { incidentDetail } from '../../shared/views/incident.ts';
import { planById } from '../../shared/plans/index.ts';
import type { RunningServer } from '../../server/main.ts';
import { boot, Client, rid, until } from './live.ts';

let server: RunningServer;
let duty: Headless;
let leader: Headless;
let sanitation: Headless;
let police: Client;
const clients: Headless[] = [];

beforeAll(async () => {
  server = await boot();
  duty = await headless(server.url, 'duty');
  leader = await headless(server.url, 'leader');
  sanitation = await headless(server.url, 'sanitation');
  clients.push(duty, leader, sanitation);
  police = await Client.login(server.url, 'police');
});
afterAll(async () => {
  for (const c of clients) c.close();
  await server.close();
});

/** Requests a client sent, all told. */
const sent = (c: Headless) => [...c.requests.values()].reduce((a, b) => a + b, 0);
/** The client's summary against the server's, for the same viewer. */
async function sameSummary(c: Headless, as: Client, id: string) {
  const server = (await as.get(`/api/incidents/${id}`)).body;
  expect(c.store.getState().incidents[id]).toEqual(server.incident && stripDetail(server.incident));
}
/** The detail's incident without what only the detail adds: the summary's fields. */
function stripDetail(incident: Record<string, unknown>) {
  const {
    summary: _s,
    readings: _r,
    recommended: _c,
    assignees: _a,
    parties: _p,
    roles: _o,
    milestones: _m,
    assumedMilestones: _u,
    occurredAt: _t,
    occurrenceOpen: _q,
    history: _h,
    createdBy: _b,
    ...summary
  } = incident;
  return summary;
}

describe('the browser folds facts', () => {
  let id = '';

  it('applies a command’s answer at once: the new incident is in the officer’s store when the call returns', async () => {
    const before = sent(duty);
    const answer = await duty.live.command('open', {
      planId: 'snow-ice',
      levelId: 'III',
      title: '折叠测试',
      drill: true,
      requestId: rid('open'),
    });
    id = answer.incident.id;
    expect(answer.facts?.length).toBeGreaterThan(3);
    // folded from the answer, before any fact came over the socket
    expect(duty.store.getState().states[id]?.version).toBe(answer.incident.version);
    expect(duty.store.getState().incidents[id]?.counts.tasks).toBe(answer.incident.counts.tasks);
    expect(sent(duty) - before).toBe(1);
  });

  it('shows every staff and unit client what the server answers, computed from folded facts', async () => {
    await until(() => leader.store.getState().incidents[id] !== undefined, 'the leader sees the incident');
    await until(
      () => sanitation.store.getState().inbox.some((t) => t.incidentId === id),
      'the unit has its tasks',
    );
    const leaderAs = await Client.login(server.url, 'leader');
    const sanitationAs = await Client.login(server.url, 'sanitation');
    await sameSummary(leader, leaderAs, id);
    await sameSummary(sanitation, sanitationAs, id);
    const inbox = (await sanitationAs.get('/api/tasks')).body.tasks;
    expect(sanitation.store.getState().inbox).toEqual(inbox);
  });

  it('answers no fact with a request, however many arrive', async () => {
    const before = clients.map(sent);
    const mine = sanitation.store.getState().inbox.filter((t) => t.incidentId === id);
    // the unit acknowledges and reports through its own live client; the police unit through the API
    for (const t of mine.slice(0, 3))
      await sanitation.live.taskCommand({
        requestId: rid('ack'),
        taskId: t.id,
        kind: 'acknowledge',
        queuedAt: Date.now(),
      });
    const t0 = mine[0]!;
    for (let i = 0; i < NOTES.inView + 3; i += 1)
      await sanitation.live.taskCommand({
        requestId: rid('rep'),
        taskId: t0.id,
        kind: 'report',
        note: `第${i + 1}次进展`,
        done: false,
        queuedAt: Date.now(),
      });
    const policeTasks = (await police.get(`/api/incidents/${id}`)).body.tasks as { id: string }[];
    for (const t of policeTasks.slice(0, 2))
      expect(
        (await police.post(`/api/tasks/${encodeURIComponent(t.id)}/acknowledge`, { requestId: rid('p') }))
          .status,
      ).toBe(200);
    await until(
      () => leader.store.getState().incidents[id]?.counts.acknowledged === 5,
      'the leader sees five acknowledgements',
    );
    // the unit's own commands were requests; nobody's view asked for anything when the facts came
    expect(sent(leader) - before[1]!).toBe(0);
    expect(sent(duty) - before[0]!).toBe(0);
    expect(sent(sanitation) - before[2]!).toBe(3 + NOTES.inView + 3);
    // the folded copy keeps only the latest notes, and knows how many there are
    const leaderAs = await Client.login(server.url, 'leader');
    const serverDetail = (await leaderAs.get(`/api/incidents/${id}`)).body;
    const state = leader.store.getState().states[id]!;
    const mineView = incidentDetail(planById('snow-ice')!, state, leader.user, Date.now());
    const task = mineView.tasks.find((t) => t.id === t0.id)!;
    expect(task.noteCount).toBe(NOTES.inView + 3);
    expect(task.notes.map((n) => n.text)).toEqual(
      Array.from({ length: NOTES.inView }, (_, i) => `第${i + 4}次进展`),
    );
    expect(mineView.tasks).toEqual(serverDetail.tasks);
    await sameSummary(leader, leaderAs, id);
  });

  it('folds what it missed while disconnected, by syncing from its position', async () => {
    const before = sent(leader);
    leader.live.link!.io.engine.close();
    await until(() => leader.store.getState().connection.status !== 'live', 'the leader lost its link');
    const answer = await duty.live.command('changeLevel', {
      incidentId: id,
      levelId: 'II',
      reason: '雪情加重',
      expectedVersion: duty.store.getState().states[id]!.version,
      requestId: rid('up'),
    });
    await until(
      () => leader.store.getState().incidents[id]?.version === answer.incident.version,
      'the leader caught up',
    );
    const leaderAs = await Client.login(server.url, 'leader');
    await sameSummary(leader, leaderAs, id);
    // resyncing is a socket message, not a request
    expect(sent(leader) - before).toBe(0);
  });

  it('sends what was queued during a short outage the socket outlived, once the network is back', async () => {
    // the browser said offline (or a request failed) while the socket never missed a ping
    sanitation.live.lost();
    const task = sanitation.store
      .getState()
      .inbox.find((t) => t.incidentId === id && t.acknowledgedAt === undefined && t.status === 'assigned')!;
    const queued = await sanitation.live.taskCommand({
      requestId: rid('q'),
      taskId: task.id,
      kind: 'acknowledge',
      queuedAt: Date.now(),
    });
    expect(queued).toBe('queued');
    expect(sanitation.store.getState().outbox).toHaveLength(1);
    sanitation.live.regained();
    await until(() => sanitation.store.getState().outbox.length === 0, 'the queue was sent');
    await until(
      () =>
        leader.store.getState().states[id]?.tasks[parseApiTaskId(task.id)!.taskId]?.acknowledgedAt !==
        undefined,
      'the leader sees the queued acknowledgement',
    );
    expect(sanitation.store.getState().outboxNotice?.key).toBe('sentAfterReconnect');
  });
});
