/**
 * kill -9 of the server process at a random moment of an acknowledgement storm, ten times. After each
 * restart: every acknowledgement the server confirmed is on disk, none is recorded twice, a retry with the
 * same requestId gets the first answer, and SQLite's integrity check passes. A clock that fell due while
 * the process was dead fires within a second of the restart.
 */
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DB_FILE } from '../../server/store/sqlite.ts';
import { Client, rid, tempDir } from '../integration/live.ts';
import { type ServerProcess, startProcess } from './process.ts';

const dir = tempDir();
const ROUNDS = 10;
let server: ServerProcess;
let port: number;
const clients = new Map<string, Client>();

/** Logs in once; sessions are on disk, so the cookies outlive every kill. */
async function as(username: string): Promise<Client> {
  let c = clients.get(username);
  if (!c) {
    c = await Client.login(server.url, username);
    clients.set(username, c);
  }
  return c;
}

function integrity(): string {
  const db = new Database(join(dir, DB_FILE), { readonly: true });
  try {
    return String(db.pragma('integrity_check', { simple: true }));
  } finally {
    db.close();
  }
}

beforeAll(async () => {
  server = await startProcess(dir, 0, { HOST: '127.0.0.1' });
  port = server.port;
}, 60_000);
afterAll(async () => {
  await server?.stop();
});

interface Attempt {
  taskId: string;
  unit: string;
  requestId: string;
  /** the body of the 200 answer, when the server confirmed before it died */
  confirmed?: unknown;
}

/** Every unit acknowledges its tasks one after another, all units at once, until the process dies. */
async function storm(tasks: { id: string; unitId: string }[]): Promise<Attempt[]> {
  const byUnit = new Map<string, string[]>();
  for (const t of tasks) byUnit.set(t.unitId, [...(byUnit.get(t.unitId) ?? []), t.id]);
  const attempts: Attempt[] = [];
  await Promise.all(
    [...byUnit].map(async ([unit, ids]) => {
      const c = await as(unit);
      for (const taskId of ids) {
        const a: Attempt = { taskId, unit, requestId: rid('ack') };
        attempts.push(a);
        try {
          const res = await fetch(`${c.base}/api/tasks/${encodeURIComponent(taskId)}/acknowledge`, {
            method: 'POST',
            headers: { cookie: c.cookie, 'content-type': 'application/json' },
            body: JSON.stringify({ requestId: a.requestId }),
            signal: AbortSignal.timeout(5000),
          });
          if (res.status === 200) a.confirmed = await res.json();
        } catch {
          return; // the process is gone: this unit stops
        }
      }
    }),
  );
  return attempts;
}

describe('kill -9 during an acknowledgement storm', () => {
  it(`loses no confirmed acknowledgement and records none twice, ${ROUNDS} times`, async () => {
    let confirmedTotal = 0;
    let attemptedTotal = 0;
    for (let round = 0; round < ROUNDS; round += 1) {
      const duty = await as('duty');
      const declared = await duty.post('/api/incidents', {
        planId: 'snow-ice',
        levelId: 'I',
        title: `kill ${round}`,
        drill: true,
        requestId: rid('declare'),
      });
      expect(declared.status).toBe(201);
      const id = declared.body.incident.id as string;
      const tasks = (await duty.get(`/api/incidents/${id}`)).body.tasks as { id: string; unitId: string }[];
      for (const t of tasks) await as(t.unitId);

      const running = storm(tasks);
      await new Promise((r) => setTimeout(r, 30 + Math.random() * 250));
      await server.kill9();
      const attempts = await running;
      const confirmed = attempts.filter((a) => a.confirmed !== undefined);
      confirmedTotal += confirmed.length;
      attemptedTotal += attempts.length;
      expect(integrity()).toBe('ok');

      server = await startProcess(dir, port, { HOST: '127.0.0.1' });
      const after = (await duty.get(`/api/incidents/${id}`)).body.tasks as { id: string; status: string }[];
      const status = new Map(after.map((t) => [t.id, t.status]));
      for (const a of confirmed) expect(status.get(a.taskId), a.taskId).toBe('acknowledged');

      // a retry with the same key gets the first answer; what was never confirmed is taken now
      for (const a of attempts) {
        const retry = await (
          await as(a.unit)
        ).post(`/api/tasks/${encodeURIComponent(a.taskId)}/acknowledge`, {
          requestId: a.requestId,
        });
        expect(retry.status).toBe(200);
        // the first answer carried its facts; the kept answer a retry gets is the rest of it, word for word
        if (a.confirmed !== undefined)
          expect(retry.body).toEqual({ ...(a.confirmed as object), facts: undefined });
      }
      const facts = await duty.allFacts(id);
      const acks = facts.flatMap((f) => (f.event.type === 'TaskAcknowledged' ? [f.event.taskId] : []));
      expect(new Set(acks).size).toBe(acks.length);
      expect(acks.length).toBe(new Set(attempts.map((a) => a.taskId.split(':')[1])).size);
      const versions = facts.map((f) => f.version);
      expect(versions).toEqual(versions.map((_, i) => i + 1));
    }
    console.log(
      `kill -9 × ${ROUNDS}: ${confirmedTotal} confirmed of ${attemptedTotal} attempted acknowledgements, all on disk`,
    );
    expect(confirmedTotal).toBeGreaterThan(0);
  }, 240_000);

  it('a clock due while the process was dead fires within a second of the restart', async () => {
    const commander = await as('commander');
    await as('zichuan');
    const declared = await commander.post('/api/incidents', {
      planId: 'power-plant',
      levelId: 'III',
      title: '电厂事故 kill',
      assignees: { 'incident-county': 'zichuan' },
      occurredAt: Date.now() - 10 * 60_000 + 1000, // the 10-minute report (4.2.2) falls due in 1 s
      requestId: rid('declare'),
    });
    expect(declared.status).toBe(201);
    const id = declared.body.incident.id as string;
    await server.kill9();
    await new Promise((r) => setTimeout(r, 2000));
    const restarted = Date.now();
    server = await startProcess(dir, port, { HOST: '127.0.0.1' });
    const ready = Date.now();
    let overdueAt: number | undefined;
    while (overdueAt === undefined && Date.now() - ready < 5000) {
      const facts = await commander.allFacts(id);
      overdueAt = facts.find(
        (f) => f.event.type === 'TaskOverdue' && f.event.taskId === 'phone-city-10min@zichuan',
      )?.event.at;
      if (overdueAt === undefined) await new Promise((r) => setTimeout(r, 100));
    }
    expect(overdueAt).toBeDefined();
    expect(overdueAt! - ready).toBeLessThanOrEqual(1000);
    expect(overdueAt!).toBeGreaterThan(restarted);
  }, 60_000);
});
