/**
 * A task's notes over the real server: the views carry the latest three and the count; the whole history
 * is paged from GET /api/tasks/:taskId/notes, newest first; a unit reads only its own tasks' notes, and a
 * task it may not see gets exactly the answer of a task that does not exist; a bad query is refused in words;
 * beyond the limit a report is refused with 409 and the completion report is still accepted once.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../server/main.ts';
import { unitsOfPlan } from '../../server/live/visibility.ts';
import { PLANS } from '../../shared/plans/index.ts';
import { NOTES } from '../../shared/protocol/limits.ts';
import { boot, Client, rid } from './live.ts';

let server: RunningServer;
let duty: Client;
let police: Client;
let incidentId: string;
let taskId: string;
const REPORTS = 45;

const notesPath = (id: string, query = '') => `/api/tasks/${encodeURIComponent(id)}/notes${query}`;
const texts = (notes: { text: string }[]) => notes.map((n) => n.text);
const nth = (i: number) => `第${i}次进展：已出动铲雪车${i}台`;

beforeAll(async () => {
  server = await boot();
  duty = await Client.login(server.url, 'duty');
  police = await Client.login(server.url, 'police');
  const declared = await duty.post('/api/incidents', {
    planId: 'snow-ice',
    levelId: 'III',
    title: '进展分页',
    requestId: rid('decl'),
  });
  expect(declared.status).toBe(201);
  incidentId = declared.body.incident.id;
  taskId = `${incidentId}:on-duty@police`;
  for (let i = 1; i <= REPORTS; i += 1) {
    const r = await police.post(`/api/tasks/${encodeURIComponent(taskId)}/report`, {
      requestId: rid('rep'),
      note: nth(i),
      done: false,
    });
    expect(r.status).toBe(200);
    expect(r.body.task).toMatchObject({ noteCount: i, lastNote: { text: nth(i) } });
  }
});
afterAll(async () => {
  await server.close();
});

describe('the views carry the latest notes and the count', () => {
  it('the incident view and the inbox: the last three, oldest first, and noteCount', async () => {
    for (const [who, path] of [
      [duty, `/api/incidents/${incidentId}`],
      [police, `/api/incidents/${incidentId}`],
      [police, '/api/tasks'],
    ] as const) {
      const res = await who.get(path);
      expect(res.status).toBe(200);
      const task = (res.body.tasks as { id: string; notes: { text: string }[]; noteCount: number }[]).find(
        (t) => t.id === taskId,
      )!;
      expect(task.noteCount).toBe(REPORTS);
      expect(texts(task.notes)).toEqual([nth(REPORTS - 2), nth(REPORTS - 1), nth(REPORTS)]);
    }
  });
});

describe('GET /api/tasks/:taskId/notes', () => {
  it('pages newest first: 20 by default, then on, and an empty page past the end', async () => {
    const first = await police.get(notesPath(taskId));
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ total: REPORTS, offset: 0 });
    expect(texts(first.body.notes)).toEqual(
      Array.from({ length: NOTES.pageDefault }, (_, i) => nth(REPORTS - i)),
    );
    expect(first.body.notes[0]).toMatchObject({ by: expect.any(String), at: expect.any(Number) });
    const held: string[] = [];
    for (let offset = 0; offset < REPORTS; offset += 10) {
      const page = await police.get(notesPath(taskId, `?offset=${offset}&limit=10`));
      expect(page.body.offset).toBe(offset);
      held.push(...texts(page.body.notes));
    }
    expect(held).toEqual(Array.from({ length: REPORTS }, (_, i) => nth(REPORTS - i)));
    const last = await police.get(notesPath(taskId, `?offset=40&limit=${NOTES.pageMax}`));
    expect(texts(last.body.notes)).toEqual([nth(5), nth(4), nth(3), nth(2), nth(1)]);
    const past = await police.get(notesPath(taskId, '?offset=1000'));
    expect(past.body).toMatchObject({ notes: [], total: REPORTS, offset: 1000 });
  });

  it('staff read any task; a query parameter the route does not read is ignored', async () => {
    const res = await duty.get(notesPath(taskId, '?limit=2&_=123'));
    expect(res.status).toBe(200);
    expect(texts(res.body.notes)).toEqual([nth(REPORTS), nth(REPORTS - 1)]);
  });

  it('another unit, a unit of another plan and a made-up id get the same 404, word for word', async () => {
    const sameplan = [...unitsOfPlan('snow-ice')].find((u) => u !== 'police')!;
    const otherPlan = PLANS.flatMap((p) => [...unitsOfPlan(p.id)]).find(
      (u) => !unitsOfPlan('snow-ice').has(u),
    )!;
    const answers: string[] = [];
    const ask = async (who: Client, id: string) => {
      const res = await who.get(notesPath(id));
      expect(res.status, `${who.username} ${id}`).toBe(404);
      expect(res.body.error.message).toEqual({ zh: `没有任务 ${id}`, en: `No task ${id}` });
      // the id the request named is the only difference
      answers.push(JSON.stringify(res.body).replaceAll(id, '<id>'));
    };
    for (const unit of [sameplan, otherPlan]) await ask(await Client.login(server.url, unit), taskId);
    await ask(police, `${incidentId}:on-duty@nobody`);
    await ask(police, `${incidentId}:made-up`);
    await ask(police, 'no-such-incident:on-duty@police');
    await ask(police, 'no-colon-at-all');
    expect(new Set(answers).size).toBe(1);
  });

  it.each([
    ['?limit=51', 'limit'],
    ['?limit=0', 'limit'],
    ['?limit=abc', 'limit'],
    ['?offset=-1', 'offset'],
    ['?offset=1.5', 'offset'],
    ['?limit=1&limit=2', 'limit'],
  ])('%s is refused with 400 in words naming %s', async (query, field) => {
    const res = await police.get(notesPath(taskId, query));
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('INVALID');
    expect(res.body.error.message.zh).toMatch(new RegExp(`^请求内容有误：${field}`));
    expect(res.body.error.message.en).toMatch(new RegExp(`^Invalid request: ${field}`));
  });

  it('asks for a login first', async () => {
    const anonymous = new Client(server.url, '', 'anonymous');
    expect((await anonymous.get(notesPath(taskId))).status).toBe(401);
  });
});

describe('the limit over the wire', () => {
  it(`report ${NOTES.perTask + 1} is refused with 409 and words; the completion report is accepted once`, async () => {
    const report = (note: string, done: boolean) =>
      police.post(`/api/tasks/${encodeURIComponent(taskId)}/report`, { requestId: rid('fill'), note, done });
    for (let i = REPORTS + 1; i <= NOTES.perTask; i += 1)
      expect((await report(nth(i), false)).status).toBe(200);
    const refused = await report('还有一条', false);
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toEqual({
      zh: `该任务的进展报告已达 ${NOTES.perTask} 条上限，请在完成报告中汇总`,
      en: `This task already holds ${NOTES.perTask} progress reports, the most it keeps; summarise the rest in the completion report`,
    });
    const done = await report('已完成，情况汇总如下', true);
    expect(done.status).toBe(200);
    expect(done.body.task).toMatchObject({ status: 'done', noteCount: NOTES.perTask + 1 });
    expect((await report('再补充', true)).status).toBe(409);
    const page = await duty.get(notesPath(taskId, '?limit=1'));
    expect(page.body).toMatchObject({ total: NOTES.perTask + 1, notes: [{ text: '已完成，情况汇总如下' }] });
  });
});
