/**
 * People on the record (issue 12): GET /api/people names every account by name and post (职务), to any
 * signed-in account and to no one else, without a secret; the demo seed names roles and units, never an
 * invented person; the admin CLI takes --name and --post, and an account made without a name has none.
 */
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../server/main.ts';
import { DB_FILE } from '../../server/store/sqlite.ts';
import type { PeopleAnswer } from '../../shared/protocol/people.ts';
import { boot, Client, tempDir } from './live.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const TSX = fileURLToPath(new URL('../../node_modules/.bin/tsx', import.meta.url));

/** Runs the admin CLI in its own process, the password on stdin, as an operator would. */
function admin(dataDir: string, password: string, ...args: string[]) {
  return new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
    const child = execFile(
      TSX,
      ['server/cli/admin.ts', ...args],
      { cwd: ROOT, env: { ...process.env, DATA_DIR: dataDir, NODE_ENV: 'production' } },
      (err, stdout, stderr) =>
        resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
    child.stdin!.end(`${password}\n`);
  });
}

const SECRET = /hash|password|scrypt|token|session/i;

describe('GET /api/people in demo mode', () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await boot();
  });
  afterAll(async () => {
    await server.close();
  });

  it('refuses a client without a session', async () => {
    const res = await fetch(`${server.url}/api/people`);
    expect(res.status).toBe(401);
    expect((await res.json()).error.code).toBe('UNAUTHENTICATED');
  });

  it('names staff by role and units by their plan name, marked as demo accounts, with no secret', async () => {
    const duty = await Client.login(server.url, 'duty');
    const { status, body } = await duty.get<PeopleAnswer>('/api/people');
    expect(status).toBe(200);
    expect(body.truncated).toBe(false);
    const byId = new Map(body.people.map((p) => [p.id, p]));
    expect(byId.get('duty')).toEqual({
      id: 'duty',
      name: '值班员（演示账号）',
      post: '值班员',
      role: 'duty',
      unitId: null,
    });
    expect(byId.get('director')).toMatchObject({ name: '办公室主任（演示账号）', post: '办公室主任' });
    expect(byId.get('police')).toEqual({
      id: 'police',
      name: '区公安分局',
      post: '联络员（演示账号）',
      role: 'unit',
      unitId: 'police',
    });
    // every account, each with exactly these fields: nothing else leaves the store
    expect(body.people.length).toBeGreaterThan(80);
    for (const p of body.people)
      expect(Object.keys(p).sort()).toEqual(['id', 'name', 'post', 'role', 'unitId']);
    expect(JSON.stringify(body.people)).not.toMatch(SECRET);
    for (const p of body.people) expect(p.name, p.id).toBeTruthy(); // every demo account has a name
  });

  it('answers a unit account too: it reads who signed what', async () => {
    const unit = await Client.login(server.url, 'police');
    const { status, body } = await unit.get<PeopleAnswer>('/api/people');
    expect(status).toBe(200);
    expect(body.people.find((p) => p.id === 'commander')).toMatchObject({ name: '总指挥（演示账号）' });
  });
});

describe('GET /api/people is paced like every read', () => {
  it('answers 429 once the account has spent its reads', async () => {
    const server = await boot(tempDir(), { limits: { rate: { reads: 5 } } });
    try {
      const duty = await Client.login(server.url, 'duty');
      const statuses: number[] = [];
      for (let i = 0; i < 8; i++) statuses.push((await duty.get('/api/people')).status);
      expect(statuses[0]).toBe(200);
      expect(statuses).toContain(429);
    } finally {
      await server.close();
    }
  }, 30_000);
});

describe('a demo store made before names were kept', () => {
  it('calls its demo accounts what the seed calls them now, and invents nothing for the others', async () => {
    const dir = tempDir();
    const first = await boot(dir);
    await first.close();
    // what a store migrated from before issue 12 holds: the columns, empty
    const db = new Database(join(dir, DB_FILE));
    db.exec("UPDATE users SET name = NULL, post = NULL WHERE id IN ('duty', 'police')");
    db.close();
    const server = await boot(dir);
    try {
      const duty = await Client.login(server.url, 'duty');
      const people = new Map((await duty.get<PeopleAnswer>('/api/people')).body.people.map((p) => [p.id, p]));
      expect(people.get('duty')).toMatchObject({ name: '值班员（演示账号）', post: '值班员' });
      expect(people.get('police')).toMatchObject({ name: '区公安分局', post: '联络员（演示账号）' });
    } finally {
      await server.close();
    }
  }, 30_000);
});

describe('admin CLI --name and --post', () => {
  const dir = tempDir();

  it('creates accounts with a name and post, or without one, and production shows what was given', async () => {
    const chief = await admin(
      dir,
      'a-long-passphrase',
      'create',
      'chief',
      '--name',
      '李明',
      '--post',
      '应急局值班室主任',
    );
    expect(chief.stderr).toBe('');
    expect(chief.code).toBe(0);
    expect(JSON.parse(chief.stdout)).toMatchObject({
      created: 'chief',
      name: '李明',
      post: '应急局值班室主任',
    });
    const zhang = await admin(dir, 'another-passphrase', 'create', 'zhang', '--role', 'duty');
    expect(zhang.code).toBe(0);
    expect(JSON.parse(zhang.stdout)).toMatchObject({ created: 'zhang', name: null, post: null });
    const unit = await admin(
      dir,
      'unit-passphrase-1',
      'create',
      'wx-liaison',
      '--role',
      'unit',
      '--unit',
      'police',
      '--post',
      '联络员',
    );
    expect(unit.code).toBe(0);

    const server = await boot(dir, { production: true });
    try {
      const c = await Client.login(server.url, 'zhang', 'another-passphrase');
      const { status, body } = await c.get<PeopleAnswer>('/api/people');
      expect(status).toBe(200);
      expect(body.people).toEqual([
        { id: 'chief', name: '李明', post: '应急局值班室主任', role: 'admin', unitId: null },
        { id: 'wx-liaison', name: null, post: '联络员', role: 'unit', unitId: 'police' },
        // no name given: none is made up; the client shows the username and says the name is missing
        { id: 'zhang', name: null, post: null, role: 'duty', unitId: null },
      ]);
    } finally {
      await server.close();
    }
  }, 60_000);

  it.each([
    [['--name', 'x'.repeat(41)], '姓名最多 40 个字'],
    [['--post', 'a\u202eb'], '职务含有控制字符'],
  ])(
    'refuses %j in one line with exit status 2',
    async (flags, words) => {
      const r = await admin(tempDir(), 'a-long-passphrase', 'create', 'someone', ...flags);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr).toContain(words);
    },
    30_000,
  );

  it('names the flags in its usage', async () => {
    const r = await admin(tempDir(), 'x', 'launch');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--name');
    expect(r.stderr).toContain('--post');
  }, 30_000);
});
