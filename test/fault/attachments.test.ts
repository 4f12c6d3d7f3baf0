/**
 * Attached reports under faults: a file and the fact that names it are one write. kill -9 in the middle of
 * an upload storm leaves no file without its fact and no fact without its file, loses nothing confirmed, and
 * a retry with the same requestId stores nothing twice; a commit that fails part-way keeps neither; uploads
 * racing each other cannot pass the daily quota together; an upload cut off mid-body, or streamed past the
 * limit without a length, stores nothing and holds nothing.
 */
import { createHash, randomBytes } from 'node:crypto';
import { request } from 'node:http';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toAttachRequest, toRequest } from '../../server/live/commands.ts';
import { IncidentService } from '../../server/live/incidents.ts';
import type { Viewer } from '../../server/live/visibility.ts';
import type { RunningServer } from '../../server/main.ts';
import { DB_FILE, openSqliteStore } from '../../server/store/sqlite.ts';
import type { FileRecord } from '../../server/store/types.ts';
import { boot, Client, rid, tempDir } from '../integration/live.ts';
import { type ServerProcess, startProcess } from './process.ts';

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');
/** `%PDF-` first and `%%EOF` last, as a PDF must be to be accepted; random bytes between */
const pdf = (size: number) =>
  Buffer.concat([Buffer.from('%PDF-1.7\n'), randomBytes(size - 15), Buffer.from('%%EOF\n')]);

interface Upload {
  status: number;
  body: Record<string, any>;
}

async function upload(
  c: Client,
  taskId: string,
  data: Buffer,
  name: string,
  requestId = rid('att'),
  signal?: AbortSignal,
): Promise<Upload> {
  const query = new URLSearchParams({ name, requestId });
  const res = await fetch(`${c.base}/api/tasks/${encodeURIComponent(taskId)}/attachments?${query}`, {
    method: 'POST',
    headers: { cookie: c.cookie, 'content-type': 'application/pdf', 'x-console-upload': '1' },
    body: new Uint8Array(data),
    ...(signal ? { signal } : {}),
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : {} };
}

/** An upload whose last byte waits for `go`: two of them end at one moment. */
function heldBack(c: Client, taskId: string, data: Buffer, name: string, go: Promise<void>): Promise<Upload> {
  const url = new URL(
    `${c.base}/api/tasks/${encodeURIComponent(taskId)}/attachments?name=${encodeURIComponent(name)}&requestId=${rid('held')}`,
  );
  return new Promise((resolve, reject) => {
    const req = request(url, {
      method: 'POST',
      headers: {
        cookie: c.cookie,
        'content-type': 'application/pdf',
        'x-console-upload': '1',
        'content-length': String(data.length),
      },
    });
    req.on('error', reject);
    req.on('response', (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (d: string) => (text += d));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text ? JSON.parse(text) : {} }));
    });
    req.write(data.subarray(0, data.length - 1));
    void go.then(() => req.end(data.subarray(data.length - 1)));
  });
}

/** Every file row and every fact's attachment, read from the SQLite file itself. */
function onDisk(dir: string) {
  const db = new Database(join(dir, DB_FILE), { readonly: true });
  try {
    const files = db.prepare('SELECT id, incident_id, task_id, size, sha256, data FROM files').all() as {
      id: string;
      incident_id: string;
      task_id: string;
      size: number;
      sha256: string;
      data: Buffer;
    }[];
    const named = (
      db
        .prepare(
          `SELECT incident_id, body ->> '$.taskId' AS task_id, body -> '$.attachment' AS attachment
           FROM events WHERE type = 'TaskReported' AND body -> '$.attachment' IS NOT NULL`,
        )
        .all() as { incident_id: string; task_id: string; attachment: string }[]
    ).map((r) => ({ ...r, attachment: JSON.parse(r.attachment) as { fileId: string; sha256: string } }));
    return { files, named, integrity: String(db.pragma('integrity_check', { simple: true })) };
  } finally {
    db.close();
  }
}

/** Each file has exactly its fact, and each fact exactly its file, with the same bytes' digest. */
function expectPaired(dir: string) {
  const { files, named, integrity } = onDisk(dir);
  expect(integrity).toBe('ok');
  const byId = new Map(files.map((f) => [f.id, f]));
  expect(named.map((n) => n.attachment.fileId).sort()).toEqual([...byId.keys()].sort());
  for (const n of named) {
    const f = byId.get(n.attachment.fileId)!;
    expect([f.incident_id, f.task_id]).toEqual([n.incident_id, n.task_id]);
    expect(f.sha256).toBe(n.attachment.sha256);
    expect(sha256(f.data)).toBe(f.sha256);
    expect(f.data.length).toBe(f.size);
  }
  return files.length;
}

describe('kill -9 during an upload storm', () => {
  const dir = tempDir();
  const ROUNDS = 3;
  let server: ServerProcess;
  let port: number;
  const clients = new Map<string, Client>();
  const as = async (username: string) => {
    let c = clients.get(username);
    if (!c) {
      c = await Client.login(server.url, username);
      clients.set(username, c);
    }
    return c;
  };

  beforeAll(async () => {
    server = await startProcess(dir, 0, { HOST: '127.0.0.1' });
    port = server.port;
  }, 60_000);
  afterAll(async () => {
    await server?.stop();
  });

  interface Attempt {
    unit: string;
    taskId: string;
    requestId: string;
    data: Buffer;
    /** the answer's status, when one came before the process died */
    status?: number;
    confirmed?: Record<string, any>;
  }

  it(`leaves no file without its fact, none twice, and loses none confirmed, ${ROUNDS} times`, async () => {
    let confirmedTotal = 0;
    let attemptedTotal = 0;
    for (let round = 0; round < ROUNDS; round += 1) {
      const duty = await as('duty');
      const declared = await duty.post('/api/incidents', {
        planId: 'snow-ice',
        levelId: 'II',
        title: `附件 kill ${round}`,
        drill: true,
        requestId: rid('declare'),
      });
      expect(declared.status).toBe(201);
      const id = declared.body.incident.id as string;
      const tasks = (await duty.get(`/api/incidents/${id}`)).body.tasks as { id: string; unitId: string }[];
      const units = [...new Set(tasks.map((t) => t.unitId))].slice(0, 12);
      for (const u of units) await as(u);

      // every unit uploads a 200–400 KB report to each of its tasks, one after another, all units at once
      const attempts: Attempt[] = [];
      const storm = Promise.all(
        units.map(async (unit) => {
          const c = await as(unit);
          for (const t of tasks.filter((x) => x.unitId === unit)) {
            const a: Attempt = {
              unit,
              taskId: t.id,
              requestId: rid('up'),
              data: pdf(200_000 + Math.floor(Math.random() * 200_000)),
            };
            attempts.push(a);
            try {
              const res = await upload(
                c,
                a.taskId,
                a.data,
                '书面报告.pdf',
                a.requestId,
                AbortSignal.timeout(5000),
              );
              a.status = res.status;
              if (res.status === 200) a.confirmed = res.body;
            } catch {
              return; // the process is gone: this unit stops
            }
          }
        }),
      );
      await new Promise((r) => setTimeout(r, 40 + Math.random() * 300));
      await server.kill9();
      await storm;
      // every answer that came was a success: the storm itself asks nothing the server refuses
      expect(attempts.flatMap((a) => (a.status !== undefined && a.status !== 200 ? [a.status] : []))).toEqual(
        [],
      );
      const confirmed = attempts.filter((a) => a.confirmed);
      confirmedTotal += confirmed.length;
      attemptedTotal += attempts.length;
      const stored = expectPaired(dir);
      expect(stored).toBeGreaterThanOrEqual(confirmedTotal);

      server = await startProcess(dir, port, { HOST: '127.0.0.1' });
      // what was confirmed is there, byte for byte
      for (const a of confirmed) {
        const fileId = a.confirmed!.task.lastNote.attachment.fileId as string;
        const res = await fetch(`${server.url}/api/attachments/${fileId}`, {
          headers: { cookie: (await as(a.unit)).cookie },
        });
        expect(res.status).toBe(200);
        expect(Buffer.from(await res.arrayBuffer()).equals(a.data)).toBe(true);
      }
      // a retry with the same requestId gets the first answer; what never committed is stored now, once
      for (const a of attempts) {
        const retry = await upload(await as(a.unit), a.taskId, a.data, '书面报告.pdf', a.requestId);
        expect(retry.status).toBe(200);
        if (a.confirmed) expect(retry.body).toEqual({ ...a.confirmed, facts: undefined });
      }
      const facts = await duty.allFacts(id);
      const reported = facts.flatMap((f) =>
        f.event.type === 'TaskReported' && f.event.attachment ? [f.event.taskId] : [],
      );
      expect(reported.sort()).toEqual(attempts.map((a) => a.taskId.split(':')[1]).sort());
      expectPaired(dir);
    }
    console.log(
      `kill -9 × ${ROUNDS} during uploads: ${confirmedTotal} confirmed of ${attemptedTotal} attempted, every file with its fact`,
    );
    expect(confirmedTotal).toBeGreaterThan(0);
  }, 240_000);
});

describe('a commit that fails part-way keeps neither the file nor the fact', () => {
  const file = (id: string, incidentId: string, taskId: string): FileRecord => {
    const data = pdf(1000);
    return {
      id,
      incidentId,
      taskId,
      name: 'a.pdf',
      type: 'application/pdf',
      size: data.length,
      sha256: sha256(data),
      data,
      by: 'police',
      at: Date.now(),
    };
  };

  it('in the store: a file that cannot be written takes its facts with it, and a fact its file', async () => {
    const store = openSqliteStore(tempDir());
    const event = (version: number) => ({
      version,
      event: {
        type: 'MilestoneRecorded' as const,
        milestone: 'snowfallEnded' as const,
        time: 1,
        incidentId: 'inc',
        at: 1,
      },
    });
    await store.commit([{ events: [event(1)], files: [file('file-one-aaaa', 'inc', 't@u')] }]);
    const head = await store.head();
    // the file's id is taken: the insert fails after the event's, and the event goes too
    await expect(
      store.commit([{ events: [event(2)], files: [file('file-one-aaaa', 'inc', 't@u')] }]),
    ).rejects.toThrow();
    expect(await store.head()).toBe(head);
    expect((await store.factsOf('inc')).map((f) => f.version)).toEqual([1]);
    // the version is taken: the event fails and its file is not written
    await expect(
      store.commit([{ events: [event(1)], files: [file('file-two-bbbb', 'inc', 't@u')] }]),
    ).rejects.toThrow();
    expect(await store.file('file-two-bbbb')).toBeNull();
    expect((await store.file('file-one-aaaa'))?.size).toBe(1000);
    await store.close();
  });

  it('in the pipeline: 503, nothing applied; the same request sent again stores one file', async () => {
    const real = openSqliteStore(tempDir());
    let failing = false;
    const service = await IncidentService.open(
      {
        ...real,
        commit: (batch) => (failing ? Promise.reject(new Error('disk I/O error')) : real.commit(batch)),
      },
      () => Date.now(),
    );
    const duty: Viewer = { id: 'duty', role: 'duty', unitId: null };
    const police: Viewer = { id: 'police', role: 'unit', unitId: 'police' };
    const opened = toRequest(duty, {
      type: 'open',
      planId: 'snow-ice',
      levelId: 'III',
      title: '附件故障',
      requestId: rid(),
    });
    if ('invalid' in opened) throw new Error('invalid');
    const declared = await service.execute(opened);
    const id = (declared.body as { incident: { id: string } }).incident.id;
    const taskId = `${id}:on-duty@police`;
    const f = file(`pipe-${randomBytes(8).toString('hex')}`, id, 'on-duty@police');
    const req = toAttachRequest(police, {
      taskId,
      note: '附件：a.pdf',
      done: false,
      requestId: rid('att'),
      attachment: { fileId: f.id, name: f.name, type: f.type, size: f.size, sha256: f.sha256 },
    });
    const before = service.state(id);
    failing = true;
    const refused = await service.execute(req, [f]);
    failing = false;
    expect(refused.status).toBe(503);
    expect(service.state(id)).toBe(before);
    expect(await real.file(f.id)).toBeNull();

    const stored = await service.execute(req, [f]);
    expect(stored.status).toBe(200);
    // a retry with another file id (a new upload of the same bytes) gets the first answer, stores nothing
    const again = await service.execute(req, [{ ...f, id: `${f.id}-again` }]);
    expect(again.status).toBe(200);
    expect(await real.file(`${f.id}-again`)).toBeNull();
    expect((await real.file(f.id))?.sha256).toBe(f.sha256);
    // a refused command stores no file: the engine refuses a unit's report on a task it does not hold
    const other = toAttachRequest(police, {
      taskId: `${id}:on-duty@sanitation`,
      note: 'x',
      done: false,
      requestId: rid('att'),
      attachment: { fileId: 'refused-file', name: f.name, type: f.type, size: f.size, sha256: f.sha256 },
    });
    expect((await service.execute(other, [{ ...f, id: 'refused-file' }])).status).toBe(404);
    expect(await real.file('refused-file')).toBeNull();
    const facts = (await real.factsOf(id)).filter((x) => x.event.type === 'TaskReported');
    expect(facts).toHaveLength(1);
    await real.close();
  });
});

describe('uploads under stress on a live server', () => {
  const QUOTA = 500 * 1024;
  const MAX = 150_000;
  let dir: string;
  let server: RunningServer;
  let duty: Client;
  let incidentId: string;

  beforeAll(async () => {
    dir = tempDir();
    server = await boot(dir, { limits: { attachments: { bytesPerAccountPerDay: QUOTA, maxBytes: MAX } } });
    duty = await Client.login(server.url, 'duty');
    const declared = await duty.post('/api/incidents', {
      planId: 'snow-ice',
      levelId: 'I',
      title: '附件压力',
      requestId: rid('decl'),
    });
    incidentId = declared.body.incident.id;
  });
  afterAll(async () => {
    await server.close();
  });

  const tasksOf = async (unit: string) =>
    ((await duty.get(`/api/incidents/${incidentId}`)).body.tasks as { id: string; unitId: string }[])
      .filter((t) => t.unitId === unit)
      .map((t) => t.id);

  it('uploads racing each other cannot pass the daily quota together', async () => {
    const police = await Client.login(server.url, 'police');
    const tasks = await tasksOf('police');
    expect(tasks.length).toBeGreaterThanOrEqual(3);
    const SIZE = 140_000;
    // 140 KB stored; then two at once: each fits beside what is stored, not both of them (quota 500 KB)
    expect((await upload(police, tasks[0]!, pdf(SIZE), 'first.pdf')).status).toBe(200);
    expect((await upload(police, tasks[0]!, pdf(SIZE), 'second.pdf')).status).toBe(200);
    // their bodies end at the same moment, so both are read before either is committed
    let release = () => {};
    const together = new Promise<void>((r) => (release = r));
    const racing = [
      heldBack(police, tasks[1]!, pdf(SIZE), 'a.pdf', together),
      heldBack(police, tasks[2]!, pdf(SIZE), 'b.pdf', together),
    ];
    await new Promise((r) => setTimeout(r, 150));
    release();
    const pair = await Promise.all(racing);
    expect(pair.map((a) => a.status).sort()).toEqual([200, 429]);
    expect(pair.find((a) => a.status === 429)!.body.error.message.en).toContain('500 KB');
    // and a crowd of them: the account never holds more than its quota
    const crowd = await Promise.all(
      Array.from({ length: 10 }, (_, i) => upload(police, tasks[i % tasks.length]!, pdf(30_000), `${i}.pdf`)),
    );
    for (const a of crowd) expect([200, 429]).toContain(a.status);
    const used = onDisk(dir)
      .files.filter((f) => f.task_id.endsWith('@police'))
      .reduce((s, f) => s + f.size, 0);
    expect(used).toBeLessThanOrEqual(QUOTA);
    expect(used).toBeGreaterThan(QUOTA - 30_000);
    expectPaired(dir);
  });

  it('uploads refused for who sends them are answered before their bodies, and hold no upload slot', async () => {
    const leader = await Client.login(server.url, 'leader');
    const [task] = await tasksOf('police');
    const before = onDisk(dir).files.length;
    // three bodies that never end, more than an account may upload at once: each refused by its headers
    const open: ReturnType<typeof request>[] = [];
    const answers = await Promise.all(
      Array.from(
        { length: 3 },
        (_, i) =>
          new Promise<{ status: number; body: string }>((resolve) => {
            const req = request(
              new URL(
                `${server.url}/api/tasks/${encodeURIComponent(task!)}/attachments?name=${i}.pdf&requestId=${rid('lead')}`,
              ),
              {
                method: 'POST',
                headers: {
                  cookie: leader.cookie,
                  'content-type': 'application/pdf',
                  'x-console-upload': '1',
                  'content-length': String(MAX),
                },
              },
            );
            open.push(req);
            const timer = setTimeout(() => resolve({ status: 0, body: '' }), 3000);
            req.on('error', () => {});
            req.on('response', (res) => {
              let body = '';
              res.setEncoding('utf8');
              res.on('data', (d: string) => (body += d));
              res.on('end', () => {
                clearTimeout(timer);
                resolve({ status: res.statusCode ?? 0, body });
              });
            });
            req.write(Buffer.concat([Buffer.from('%PDF-1.7\n'), randomBytes(10_000)]));
          }),
      ),
    );
    for (const req of open) req.destroy();
    expect(answers.map((a) => a.status)).toEqual([403, 403, 403]);
    for (const a of answers)
      expect(a.body).toContain('Only the unit that owes this task may attach its report');
    expect(onDisk(dir).files.length).toBe(before);
  });

  it('an upload cut off mid-body stores nothing and holds nothing afterwards', async () => {
    const fire = await Client.login(server.url, 'fire');
    const [task] = await tasksOf('fire');
    const before = onDisk(dir).files.length;
    const url = new URL(
      `${server.url}/api/tasks/${encodeURIComponent(task!)}/attachments?name=a.pdf&requestId=${rid('cut')}`,
    );
    // three uploads cut off, more than the account may hold at once: none may stay held
    for (let i = 0; i < 3; i += 1)
      await new Promise<void>((resolve) => {
        const req = request(url, {
          method: 'POST',
          headers: {
            cookie: fire.cookie,
            'content-type': 'application/pdf',
            'x-console-upload': '1',
            'content-length': String(100_000),
          },
        });
        req.on('error', () => resolve());
        req.on('response', () => resolve());
        req.write(Buffer.concat([Buffer.from('%PDF-1.7\n'), randomBytes(20_000)]));
        setTimeout(() => {
          req.destroy();
          resolve();
        }, 200);
      });
    await new Promise((r) => setTimeout(r, 200));
    expect(onDisk(dir).files.length).toBe(before);
    const whole = await upload(fire, task!, pdf(50_000), '完整.pdf');
    expect(whole.status).toBe(200);
    expect(onDisk(dir).files.length).toBe(before + 1);
  });

  it('a body streamed past the limit without a length is refused 413, and nothing is stored', async () => {
    const sanitation = await Client.login(server.url, 'sanitation');
    const [task] = await tasksOf('sanitation');
    const before = onDisk(dir).files.length;
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent === 0) controller.enqueue(new TextEncoder().encode('%PDF-1.7\n'));
        if (sent > MAX * 3) return controller.close();
        sent += 16_384;
        controller.enqueue(randomBytes(16_384));
      },
    });
    const res = await fetch(
      `${server.url}/api/tasks/${encodeURIComponent(task!)}/attachments?name=a.pdf&requestId=${rid('chunk')}`,
      {
        method: 'POST',
        headers: { cookie: sanitation.cookie, 'content-type': 'application/pdf', 'x-console-upload': '1' },
        body: stream,
        duplex: 'half',
      } as RequestInit,
    );
    expect(res.status).toBe(413);
    const body = (await res.json()) as { error: { code: string; message: { zh: string } } };
    expect(body.error.code).toBe('TOO_LARGE');
    expect(body.error.message.zh).toContain('147 KB');
    expect(onDisk(dir).files.length).toBe(before);
  });
});
