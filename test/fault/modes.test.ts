/**
 * Demo and production on the same store, and a store the server cannot write. A data directory used in demo
 * mode and then started in production keeps its demo accounts and sessions on disk: production must refuse
 * every one of them, with the same answer, after the same work, as a wrong password. A store that cannot be
 * written must stop the server at start, with one line that says why, rather than let it announce itself
 * ready and then fail every command.
 */
import { type SpawnOptions, spawn, spawnSync } from 'node:child_process';
import { chmodSync, chownSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { io } from 'socket.io-client';
import { describe, expect, it, vi } from 'vitest';
import { createAccount } from '../../server/auth/accounts.ts';
import { verifyPassword } from '../../server/auth/passwords.ts';
import { DB_FILE } from '../../server/store/sqlite.ts';
import { boot, Client, tempDir } from '../integration/live.ts';

// every password check the server makes, counted (the real function still runs)
vi.mock('../../server/auth/passwords.ts', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../server/auth/passwords.ts')>();
  return { ...real, verifyPassword: vi.fn(real.verifyPassword) };
});
const checks = vi.mocked(verifyPassword);

const post = async (base: string, username: string, password: string) => {
  const started = performance.now();
  const res = await fetch(`${base}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  return { status: res.status, body: await res.json(), ms: performance.now() - started };
};

/** Whether a socket with this cookie is let in (true) or refused at the handshake (false). */
const socketAdmitted = (base: string, cookie: string) =>
  new Promise<boolean>((resolve) => {
    const s = io(base, { extraHeaders: { cookie }, transports: ['websocket'], reconnection: false });
    s.on('connect', () => (s.close(), resolve(true)));
    s.on('connect_error', () => (s.close(), resolve(false)));
  });

describe('production after demo on the same data directory', () => {
  it('refuses demo sessions and demo accounts; every refusal is the same answer after one password hash', async () => {
    const dir = tempDir();
    const demo = await boot(dir);
    const demoDuty = await Client.login(demo.url, 'duty');
    // an account made in demo mode with a password that is not "demo"
    expect(
      await createAccount(
        demo.store,
        { username: 'trainee', password: 'trainee-passphrase', role: 'duty' },
        { demo: true, now: Date.now() },
      ),
    ).toBeNull();
    expect(await socketAdmitted(demo.url, demoDuty.cookie)).toBe(true);
    await demo.close();

    const prod = await boot(dir, { production: true });
    // the demo session's cookie opens nothing: not the API, not the socket
    demoDuty.base = prod.url;
    expect((await demoDuty.get('/api/session')).body.user).toBeNull();
    expect((await demoDuty.get('/api/incidents')).status).toBe(401);
    expect(await socketAdmitted(prod.url, demoDuty.cookie)).toBe(false);
    // a production account works, so what follows is refusal by mode and not a broken server
    expect(
      await createAccount(
        prod.store,
        { username: 'chief', password: 'a-long-passphrase', role: 'admin' },
        { demo: false, now: Date.now() },
      ),
    ).toBeNull();
    const chief = await Client.login(prod.url, 'chief', 'a-long-passphrase');
    expect((await chief.get('/api/session')).body.user.username).toBe('chief');
    expect(await socketAdmitted(prod.url, chief.cookie)).toBe(true);

    const failures = {
      'unknown user': ['nobody-here', 'a-long-passphrase'],
      'wrong password': ['chief', 'not-the-passphrase'],
      'demo password in production': ['duty', 'demo'],
      'account made in demo mode': ['trainee', 'trainee-passphrase'],
    } as const;
    const answers: Record<string, { status: number; body: unknown }> = {};
    const times: Record<string, number[]> = {};
    for (const [what, [username, password]] of Object.entries(failures)) {
      for (let i = 0; i < 3; i += 1) {
        checks.mockClear();
        const { status, body, ms } = await post(prod.url, username, password);
        answers[what] = { status, body };
        (times[what] ??= []).push(ms);
        // the same work: one scrypt check, with the same cost parameters as a real account's hash
        expect(checks, what).toHaveBeenCalledTimes(1);
        expect(checks.mock.calls[0]![1].split('$').slice(0, 4), what).toEqual(['scrypt', '16384', '8', '1']);
      }
    }
    console.log(
      'production refusals, ms per attempt: ' +
        Object.entries(times)
          .map(([what, ms]) => `${what} ${ms.map((m) => Math.round(m)).join('/')}`)
          .join('; '),
    );
    const first = answers['unknown user']!;
    expect(first).toEqual({
      status: 401,
      body: {
        error: {
          code: 'UNAUTHENTICATED',
          message: { zh: '用户名或密码不正确', en: 'Wrong username or password' },
        },
      },
    });
    for (const [what, answer] of Object.entries(answers)) expect(answer, what).toEqual(first);
    await prod.close();
  }, 60_000);
});

/** Runs the server as its own process (as `npm start` does after the build) and waits for it to exit. */
function runServer(dataDir: string, as: Pick<SpawnOptions, 'uid' | 'gid'>, wrap: string[] = []) {
  const argv = [...wrap, process.execPath, '--import', 'tsx', 'server/index.ts'];
  const child = spawn(argv[0]!, argv.slice(1), {
    cwd: process.cwd(),
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, NODE_ENV: 'development' },
    stdio: ['ignore', 'pipe', 'pipe'],
    ...as,
  });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (d) => {
    stdout += String(d);
    if (/ready on/.test(stdout)) child.kill('SIGTERM'); // it started: that is all this test needs to know
  });
  child.stderr!.on('data', (d) => (stderr += String(d)));
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
    const timer = setTimeout(() => child.kill('SIGTERM'), 30_000);
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

const NOBODY = 65534;

/**
 * How to run the server so that it may not write a file its user does not own. A non-root user is held by
 * the modes alone. Root is not (it may write anything), so the server runs as `nobody` when nobody can read
 * the project; where it cannot (a checkout under /root, say), as root without the two capabilities that let
 * root ignore file modes (setpriv): the same permission check any other user gets.
 */
function unprivileged(): { as: Pick<SpawnOptions, 'uid' | 'gid'>; wrap: string[]; who: string } {
  if (process.getuid?.() !== 0) return { as: {}, wrap: [], who: 'this (non-root) user' };
  const canRead = spawnSync(
    process.execPath,
    [
      '-e',
      "for (const f of ['server/index.ts', 'node_modules/tsx/package.json', 'node_modules/better-sqlite3/package.json']) require('fs').accessSync(f, require('fs').constants.R_OK)",
    ],
    { cwd: process.cwd(), uid: NOBODY, gid: NOBODY },
  );
  if (canRead.status === 0) return { as: { uid: NOBODY, gid: NOBODY }, wrap: [], who: 'nobody' };
  const caps = '-dac_override,-dac_read_search';
  const setpriv = spawnSync('setpriv', ['--version']);
  if (setpriv.status !== 0)
    throw new Error(
      'running as root, nobody cannot read the project and setpriv is missing: cannot make a store unwritable',
    );
  return {
    as: {},
    wrap: ['setpriv', `--inh-caps=${caps}`, `--bounding-set=${caps}`, '--'],
    who: 'root without CAP_DAC_OVERRIDE',
  };
}

describe('a store the server cannot write', () => {
  it('stops the start with one line that says why and a non-zero exit, before any ready line', async () => {
    const run = unprivileged();
    // two stores made by a server that ran normally (root-owned when the tests run as root), then closed
    const [lockedDir, readOnlyFile] = [tempDir(), tempDir()];
    for (const dir of [lockedDir, readOnlyFile]) await (await boot(dir)).close();
    // 1: the file and its directory read-only (SQLite cannot even create its WAL beside the file)
    chmodSync(join(lockedDir, DB_FILE), 0o444);
    chmodSync(lockedDir, 0o555);
    // 2: only the file read-only, its directory the server's own: it opens, reads and finds its migrations
    // applied without complaint, and only a write fails (what the server used to start on, ready line and all)
    chmodSync(join(readOnlyFile, DB_FILE), 0o444);
    if (run.as.uid !== undefined) chownSync(readOnlyFile, run.as.uid, run.as.gid!);
    for (const [what, dir] of [
      ['read-only directory and file', lockedDir],
      ['read-only file', readOnlyFile],
    ] as const) {
      const { code, stdout, stderr } = await runServer(dir, run.as, run.wrap);
      console.log(`${what}, as ${run.who}: exit ${code}; ${stderr.trim()}`);
      expect(stdout, what).not.toMatch(/ready on/);
      expect(code, what).not.toBe(0);
      expect(code, what).not.toBeNull();
      const lines = stderr.trim().split('\n');
      expect(lines, what).toHaveLength(1);
      expect(lines[0], what).toMatch(/^数据存储不可写，服务未启动：.* \/ The store cannot be written/);
      expect(lines[0], what).toContain(join(dir, DB_FILE));
      expect(lines[0], what).toMatch(/SQLITE_READONLY/);
    }
    // the same directory, made writable again, starts: the refusal was about the store and nothing else
    // (SQLite gave the WAL files it made beside the file the file's own read-only mode)
    for (const f of readdirSync(readOnlyFile)) {
      chmodSync(join(readOnlyFile, f), 0o644);
      if (run.as.uid !== undefined) chownSync(join(readOnlyFile, f), run.as.uid, run.as.gid!);
    }
    const started = await runServer(readOnlyFile, run.as, run.wrap);
    expect(started.stdout).toMatch(/ready on/);
    chmodSync(lockedDir, 0o755);
  }, 120_000);
});
