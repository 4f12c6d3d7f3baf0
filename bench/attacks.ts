/**
 * Issue 11's eight attacks and the second attacker pass's four (9–12: ghost socket seats, a HEAD flood of a
 * long log, engine.io handshakes without a login, slow readers), measured against one checkout of the
 * console on this machine:
 *
 *   npx tsx bench/attacks.ts --root <checkout> [--label old] [--only 1,4b,5,10] [--commit 3fb92fa]
 *
 * Each scenario starts a fresh server process from that checkout (`node --import tsx server/index.ts`, its
 * own port and temporary data directory, loopback only), runs one attack for a bounded count and time, and
 * records what the issue's closing note asks for: the server's memory (VmRSS sampled from /proc every 250 ms,
 * and VmHWM), the store's growth (console.sqlite + -wal), the answer time of a staff request during the attack
 * (GET /api/incidents/:id as `director`, every ~250 ms, 10 s timeout, from a separate prober process so that
 * the attacker's own event loop does not slow the measurement), and whether the process survived. A dead
 * server is recorded and the run moves on. The attacker's traffic comes from 127.0.0.2 (and other loopback
 * addresses where an attack spreads), the measurements from 127.0.0.3–127.0.0.6 (12's slow readers also come
 * from 127.0.0.3, where no probe runs in that scenario); nothing leaves loopback. The socket.io clients send
 * the session cookie, as the server has required since 8b54614 for every engine.io handshake.
 *
 * A table goes to stdout, the figures to bench/results/attacks-<label>.json (with --only, the scenarios run
 * replace theirs in that file and the others are kept).
 */
import { type ChildProcess, execFileSync, fork, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import http from 'node:http';
import { connect, type Socket as TcpSocket } from 'node:net';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { io, type ManagerOptions, type Socket, type SocketOptions } from 'socket.io-client';

const SELF = fileURLToPath(import.meta.url);
const REPO = dirname(dirname(SELF));
const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
const step = (what: string) => process.stderr.write(`  … ${what}\n`);

/** what a measurement waits for an answer before it counts a timeout */
const TIMEOUT_MS = 10_000;
/** the notes flood stops early when the server's RSS passes this, so that the machine itself survives */
const RSS_CAP_KB = 6 * 1024 * 1024;
const ADDR = {
  attacker: '127.0.0.2',
  page: '127.0.0.3',
  login: '127.0.0.4',
  staff: '127.0.0.5',
  health: '127.0.0.6',
};

// ── HTTP ─────────────────────────────────────────────────────────────────────────────────────────────

interface Reply {
  status: number;
  ms: number;
  bytes: number;
  text: string;
  headers: http.IncomingHttpHeaders;
  /** a transport error or 'timeout'; null when an answer came */
  error: string | null;
}

interface Call {
  base: string;
  path: string;
  method?: string;
  body?: string;
  cookie?: string;
  from?: string;
  agent?: http.Agent | false;
  timeoutMs?: number;
  headers?: Record<string, string>;
  /** keep at most this many bytes of the body as text (the staff view may be hundreds of MB) */
  keepBytes?: number;
}

/** One request; never rejects: a failure is status 0 with its error code. */
function call(o: Call): Promise<Reply> {
  const url = new URL(o.base);
  const started = performance.now();
  const keep = o.keepBytes ?? 4 * 1024 * 1024;
  return new Promise((resolveReply) => {
    let done = false;
    const finish = (r: Omit<Reply, 'ms'>) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      resolveReply({ ...r, ms: performance.now() - started });
    };
    const failed = (error: string) => finish({ status: 0, bytes: 0, text: '', headers: {}, error });
    const req = http.request(
      {
        host: url.hostname,
        port: url.port,
        path: o.path,
        method: o.method ?? (o.body === undefined ? 'GET' : 'POST'),
        agent: o.agent ?? false,
        ...(o.from ? { localAddress: o.from } : {}),
        headers: {
          ...(o.body === undefined
            ? {}
            : { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(o.body)) }),
          ...(o.cookie ? { cookie: o.cookie } : {}),
          ...o.headers,
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        let bytes = 0;
        res.on('data', (c: Buffer) => {
          if (bytes < keep) chunks.push(c);
          bytes += c.length;
        });
        res.on('end', () =>
          finish({
            status: res.statusCode ?? 0,
            bytes,
            text: Buffer.concat(chunks).subarray(0, keep).toString(),
            headers: res.headers,
            error: null,
          }),
        );
        res.on('error', (e: NodeJS.ErrnoException) => failed(e.code ?? e.message));
      },
    );
    const timer = setTimeout(() => {
      failed('timeout');
      req.destroy();
    }, o.timeoutMs ?? TIMEOUT_MS);
    req.on('error', (e: NodeJS.ErrnoException) => failed(e.code ?? e.message));
    req.end(o.body);
  });
}

// the answers are JSON whose shape differs between the two checkouts: read loosely
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Loose = any;
const json = (r: Reply): Loose => {
  try {
    return JSON.parse(r.text);
  } catch {
    return {};
  }
};

let counter = 0;
const rid = (label = 'b') => `${label}-${process.pid}-${Date.now().toString(36)}-${++counter}`;

async function login(base: string, username: string, from = ADDR.staff): Promise<string> {
  const r = await call({
    base,
    path: '/api/session',
    body: JSON.stringify({ username, password: 'demo' }),
    from,
    timeoutMs: 60_000,
  });
  if (r.status !== 200) throw new Error(`login ${username}: ${r.status || r.error} ${r.text.slice(0, 200)}`);
  const set = r.headers['set-cookie'];
  return (Array.isArray(set) ? set[0] : (set ?? ''))!.split(';')[0]!;
}

const post = (base: string, cookie: string, path: string, body: unknown, from = ADDR.staff) =>
  call({ base, path, cookie, from, body: JSON.stringify(body), timeoutMs: 60_000 });
const get = (base: string, cookie: string, path: string, from = ADDR.staff) =>
  call({ base, path, cookie, from, timeoutMs: 60_000 });

async function declare(base: string, cookie: string, planId: string, levelId: string, title = 'x') {
  const r = await post(base, cookie, '/api/incidents', { planId, levelId, title, requestId: rid('d') });
  const incident = json(r).incident as { id: string; version: number } | undefined;
  if (!incident)
    throw new Error(`declare ${planId} ${levelId}: ${r.status || r.error} ${r.text.slice(0, 200)}`);
  return incident;
}

/** a body of `depth` nested arrays as raw JSON text: building it as an object would overflow this process */
const deepDeclaration = (depth: number, asCommand = false) =>
  `{${asCommand ? '"type":"declare",' : ''}"planId":"snow-ice","levelId":"III","title":"deep","requestId":"${rid('deep')}","indicators":{"snowfall24hMm":${'['.repeat(depth)}${']'.repeat(depth)}}}`;

/** an id of the same shape that no incident has: the last six characters turned within their class */
function ghostOf(id: string): string {
  const turn = (c: string) =>
    /[0-9]/.test(c)
      ? String((Number(c) + 5) % 10)
      : /[a-f]/.test(c)
        ? 'abcdef'[('abcdef'.indexOf(c) + 3) % 6]!
        : /[a-z]/.test(c)
          ? String.fromCharCode(((c.charCodeAt(0) - 97 + 13) % 26) + 97)
          : c;
  return id.slice(0, -6) + [...id.slice(-6)].map(turn).join('');
}

// ── socket.io ────────────────────────────────────────────────────────────────────────────────────────

async function openSocket(
  base: string,
  cookie: string,
  from?: string,
): Promise<{ socket: Socket; ok: boolean; message: string }> {
  const opts: Record<string, unknown> = {
    extraHeaders: { cookie },
    transports: ['websocket'],
    reconnection: false,
    forceNew: true,
    timeout: TIMEOUT_MS,
    ...(from ? { localAddress: from } : {}),
  };
  const socket = io(base, opts as Partial<ManagerOptions & SocketOptions>);
  return new Promise((res) => {
    socket.once('connect', () => res({ socket, ok: true, message: '' }));
    socket.once('connect_error', (e) => res({ socket, ok: false, message: e.message }));
  });
}

/** raw acknowledgements of this socket's engine: "3<id>[reply]" → id → reply */
function rawAcks(socket: Socket): Map<number, Loose> {
  const acks = new Map<number, Loose>();
  socket.io.engine.on('packet', (p: { type: string; data?: unknown }) => {
    const m = typeof p.data === 'string' ? /^3(\d+)(\[.*)$/s.exec(p.data) : null;
    if (!m) return;
    try {
      acks.set(Number(m[1]), (JSON.parse(m[2]!) as Loose[])[0]);
    } catch {
      acks.set(Number(m[1]), { status: 'unparsable' });
    }
  });
  return acks;
}

// ── the server process ───────────────────────────────────────────────────────────────────────────────

interface Proc {
  child: ChildProcess;
  pid: number;
  url: string;
  port: number;
  dataDir: string;
  readyMs: number;
  stdout: string[];
  stderr: string[];
  exit: { code: number | null; signal: string | null } | null;
  exited: Promise<void>;
}

function startServer(root: string, dataDir: string, env: Record<string, string> = {}): Promise<Proc> {
  const started = performance.now();
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/index.ts'], {
    cwd: root,
    env: {
      ...process.env,
      NODE_ENV: 'development',
      PORT: '0',
      DATA_DIR: dataDir,
      HOST: '127.0.0.1',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const p: Proc = {
    child,
    pid: child.pid!,
    url: '',
    port: 0,
    dataDir,
    readyMs: 0,
    stdout: [],
    stderr: [],
    exit: null,
    exited: new Promise((r) =>
      child.once('exit', (code, signal) => {
        p.exit = { code, signal };
        r();
      }),
    ),
  };
  const lines = (into: string[]) => {
    let rest = '';
    return (d: Buffer) => {
      const all = (rest + String(d)).split('\n');
      rest = all.pop()!;
      for (const l of all) if (into.length < 20_000) into.push(l);
    };
  };
  child.stderr!.on('data', lines(p.stderr));
  return new Promise((res, rej) => {
    const timer = setTimeout(
      () => rej(new Error(`server did not start in 120 s: ${p.stderr.join('\n')}`)),
      120_000,
    );
    const onOut = lines(p.stdout);
    let head = '';
    child.stdout!.on('data', (d: Buffer) => {
      onOut(d);
      if (head.length < 100_000) head += String(d);
      const m = /ready on http:\/\/localhost:(\d+)/.exec(head);
      if (!m || p.port) return;
      clearTimeout(timer);
      p.port = Number(m[1]);
      p.url = `http://127.0.0.1:${p.port}`;
      p.readyMs = performance.now() - started;
      res(p);
    });
    void p.exited.then(() => {
      clearTimeout(timer);
      if (!p.port)
        rej(new Error(`server exited ${JSON.stringify(p.exit)} before ready: ${p.stderr.join('\n')}`));
    });
  });
}

async function stopServer(p: Proc): Promise<void> {
  if (p.exit) return;
  p.child.kill('SIGTERM');
  const killed = await Promise.race([p.exited.then(() => false), sleep(5000).then(() => true)]);
  if (killed && !p.exit) {
    p.child.kill('SIGKILL');
    await p.exited;
  }
}

const procField = (pid: number, field: string): number | null => {
  try {
    const m = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) : null;
  } catch {
    return null;
  }
};
const rssKb = (pid: number) => procField(pid, 'VmRSS');
const fdCount = (pid: number): number | null => {
  try {
    return readdirSync(`/proc/${pid}/fd`).length;
  } catch {
    return null;
  }
};
const storeBytes = (dir: string) =>
  ['console.sqlite', 'console.sqlite-wal'].reduce((n, f) => {
    try {
      return n + statSync(join(dir, f)).size;
    } catch {
      return n;
    }
  }, 0);

/**
 * Which code a scenario ran: the checkout's commit and its changed files under server/ and shared/ (other
 * people may be editing a working tree during a run), or `--commit` for a checkout without .git (an archive).
 */
function codeVersion(root: string, given?: string): { commit: string | null; changed: string[] } {
  const git = (...args: string[]) =>
    execFileSync('git', ['-C', root, ...args], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
  if (!existsSync(join(root, '.git'))) return { commit: given ?? null, changed: [] };
  try {
    return {
      commit: git('rev-parse', '--short', 'HEAD'),
      changed: git('status', '--porcelain', '--', 'server', 'shared').split('\n').filter(Boolean),
    };
  } catch {
    return { commit: given ?? null, changed: [] };
  }
}

async function tableRows(dir: string): Promise<Record<string, number | null>> {
  const { default: Database } = await import('better-sqlite3');
  const out: Record<string, number | null> = {};
  let db: InstanceType<typeof Database> | null = null;
  try {
    db = new Database(join(dir, 'console.sqlite'), { readonly: true, fileMustExist: true });
    for (const t of ['requests', 'audit', 'events']) {
      try {
        out[t] = (db.prepare(`SELECT COUNT(*) AS n FROM ${t}`).get() as { n: number }).n;
      } catch {
        out[t] = null;
      }
    }
  } catch {
    // the file is not there or not readable: no counts
  } finally {
    db?.close();
  }
  return out;
}

// ── the prober: a separate process that times staff requests and samples the server ──────────────────

interface ProbeSpec {
  name: string;
  base: string;
  path: string;
  method?: string;
  body?: string;
  cookie?: string;
  from: string;
  intervalMs: number;
}
interface Sample {
  probe: string;
  phase: string;
  t: number;
  status: number;
  ms: number;
  bytes: number;
  error: string | null;
  /** the beginning of an answer that was a refusal */
  answer?: string;
}
interface ProcSample {
  phase: string;
  t: number;
  rssKb: number | null;
  fds: number | null;
}
type ProbeMsg =
  { type: 'start'; pid: number; probes: ProbeSpec[] } | { type: 'phase'; phase: string } | { type: 'stop' };

function prober(): void {
  let phase = 'idle';
  let running = true;
  const samples: Sample[] = [];
  const procs: ProcSample[] = [];
  const t0 = performance.now();
  let loops: Promise<void>[] = [];
  let timer: NodeJS.Timeout | undefined;
  process.on('message', (m: ProbeMsg) => {
    if (m.type === 'start') {
      const sample = () =>
        procs.push({ phase, t: performance.now() - t0, rssKb: rssKb(m.pid), fds: fdCount(m.pid) });
      sample();
      timer = setInterval(sample, 250);
      loops = m.probes.map(async (spec) => {
        const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
        while (running) {
          const started = performance.now();
          const at = phase;
          const r = await call({ ...spec, agent, keepBytes: 300 });
          samples.push({
            probe: spec.name,
            phase: at,
            t: started - t0,
            status: r.status,
            ms: r.ms,
            bytes: r.bytes,
            error: r.error,
            ...(r.status >= 400 ? { answer: r.text.slice(0, 200) } : {}),
          });
          for (let wait = spec.intervalMs - (performance.now() - started); wait > 0 && running; wait -= 50)
            await sleep(Math.min(50, wait));
        }
        agent.destroy();
      });
      process.send!({ type: 'started' });
    } else if (m.type === 'phase') {
      phase = m.phase;
    } else {
      running = false;
      clearInterval(timer);
      void Promise.all(loops).then(() =>
        process.send!({ type: 'result', samples, procs }, () => process.exit(0)),
      );
    }
  });
  process.send!({ type: 'ready' });
}

interface Probes {
  phase(p: string): void;
  stop(): Promise<{ samples: Sample[]; procs: ProcSample[] }>;
}

async function startProbes(pid: number, probes: ProbeSpec[]): Promise<Probes> {
  const child = fork(SELF, ['--probe'], {
    execArgv: ['--import', 'tsx'],
    cwd: REPO,
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const next = (type: string) =>
    new Promise<Loose>((res) => {
      const on = (m: Loose) => {
        if (m?.type !== type) return;
        child.off('message', on);
        res(m);
      };
      child.on('message', on);
    });
  await next('ready');
  child.send({ type: 'start', pid, probes } satisfies ProbeMsg);
  await next('started');
  return {
    phase: (phase) => child.send({ type: 'phase', phase } satisfies ProbeMsg),
    async stop() {
      const result = next('result');
      child.send({ type: 'stop' } satisfies ProbeMsg);
      return (await result) as { samples: Sample[]; procs: ProcSample[] };
    },
  };
}

// ── summaries ────────────────────────────────────────────────────────────────────────────────────────

const quantile = (sorted: number[], q: number) =>
  sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]! : null;
const round = (n: number | null | undefined) => (n === null || n === undefined ? null : Math.round(n));

interface TimeSummary {
  n: number;
  ok: number;
  failed: number;
  timeouts: number;
  statuses: Record<string, number>;
  medianMs: number | null;
  p90Ms: number | null;
  maxMs: number | null;
  maxBytes: number;
  refusals: string[];
}

function times(samples: Sample[], ok: (s: Sample) => boolean = (s) => s.status === 200): TimeSummary {
  // times of the requests that got an answer; a refused connection or a timeout counts as a failure only
  const ms = samples
    .filter((s) => s.error === null)
    .map((s) => s.ms)
    .sort((a, b) => a - b);
  const statuses: Record<string, number> = {};
  for (const s of samples) {
    const k = s.error ?? String(s.status);
    statuses[k] = (statuses[k] ?? 0) + 1;
  }
  return {
    n: samples.length,
    ok: samples.filter(ok).length,
    failed: samples.filter((s) => !ok(s)).length,
    timeouts: samples.filter((s) => s.error === 'timeout').length,
    statuses,
    medianMs: round(quantile(ms, 0.5)),
    p90Ms: round(quantile(ms, 0.9)),
    maxMs: round(ms.at(-1)),
    maxBytes: Math.max(0, ...samples.map((s) => s.bytes)),
    refusals: [...new Set(samples.flatMap((s) => (s.answer ? [`${s.status} ${s.answer}`] : [])))].slice(0, 3),
  };
}

const MB = (kb: number | null | undefined) =>
  kb === null || kb === undefined ? null : Math.round(kb / 1024);

// ── a scenario: a fresh server, the probes, one attack ───────────────────────────────────────────────

interface Ctx {
  root: string;
  label: string;
  commit?: string;
}
interface Setup {
  director: string;
  incidentId: string;
  [k: string]: unknown;
}
interface Attack {
  /** one line for the table */
  summary: string;
  [k: string]: unknown;
}
interface ScenarioOptions {
  /** more measurements beside the staff view and /api/health */
  probes?: (p: Proc) => ProbeSpec[];
  setup?: (p: Proc) => Promise<Setup>;
  env?: Record<string, string>;
  idleMs?: number;
  afterMs?: number;
  /** after the server was stopped (e.g. a restart on the same data) */
  post?: (p: Proc, s: Setup) => Promise<Record<string, unknown>>;
}

/** what every scenario starts from: a snow-ice level I incident declared by the commander, read by the director */
async function standardSetup(p: Proc): Promise<Setup> {
  const director = await login(p.url, 'director');
  const commander = await login(p.url, 'commander');
  const { id } = await declare(p.url, commander, 'snow-ice', 'I');
  return { director, commander, incidentId: id };
}

/**
 * a real login of `duty`, every second; since 8b54614 one account may log in successfully 30 times a minute,
 * so a scenario longer than ~30 s probes every 2.5 s instead (else the probe is refused by its own count)
 */
const loginProbe = (p: Proc, intervalMs = 1000): ProbeSpec => ({
  name: 'dutyLogin',
  base: p.url,
  path: '/api/session',
  method: 'POST',
  body: JSON.stringify({ username: 'duty', password: 'demo' }),
  from: ADDR.login,
  intervalMs,
});
const pageProbe = (p: Proc): ProbeSpec => ({
  name: 'page',
  base: p.url,
  path: '/',
  from: ADDR.page,
  intervalMs: 500,
});

async function scenario(
  ctx: Ctx,
  id: string,
  title: string,
  o: ScenarioOptions,
  attack: (p: Proc, s: Setup, mark: (phase: string) => void) => Promise<Attack>,
): Promise<Record<string, unknown>> {
  step(`${ctx.label} ${id}: ${title}`);
  const at = new Date().toISOString();
  const loadBefore = loadavg()[0]!;
  const code = codeVersion(ctx.root, ctx.commit);
  const dataDir = mkdtempSync(join(tmpdir(), `epc-attack-${id}-`));
  const p = await startServer(ctx.root, dataDir, o.env);
  let s: Setup | null = null;
  let probes: Probes | null = null;
  let result: Attack | null = null;
  let error: string | null = null;
  const rss: Record<string, number | null> = {};
  const store: Record<string, number> = {};
  let rows: Record<string, Record<string, number | null>> = {};
  let post: Record<string, unknown> | null = null;
  let hwmKb: number | null;
  let samples: Sample[] = [];
  let procs: ProcSample[] = [];
  try {
    s = await (o.setup ?? standardSetup)(p);
    probes = await startProbes(p.pid, [
      {
        name: 'staff',
        base: p.url,
        path: `/api/incidents/${s.incidentId}`,
        cookie: s.director,
        from: ADDR.staff,
        intervalMs: 250,
      },
      { name: 'health', base: p.url, path: '/api/health', from: ADDR.health, intervalMs: 500 },
      ...(o.probes?.(p) ?? []),
    ]);
    await sleep(o.idleMs ?? 2500);
    rss.before = rssKb(p.pid);
    store.before = storeBytes(dataDir);
    rows.before = await tableRows(dataDir);
    probes.phase('during');
    try {
      result = await attack(p, s, (phase) => probes!.phase(phase));
    } catch (e) {
      error = e instanceof Error ? (e.stack ?? e.message) : String(e);
      step(`${id}: ${error}`);
    }
    store.endOfAttack = storeBytes(dataDir);
    probes.phase('after');
    await sleep(o.afterMs ?? 3000);
  } catch (e) {
    error = e instanceof Error ? (e.stack ?? e.message) : String(e);
    step(`${id}: ${error}`);
  } finally {
    if (probes) ({ samples, procs } = await probes.stop());
    hwmKb = procField(p.pid, 'VmHWM');
    rss.end = rssKb(p.pid);
    store.final = storeBytes(dataDir);
    rows.after = await tableRows(dataDir);
  }
  const alive = p.exit === null;
  const health = await call({ base: p.url, path: '/api/health', from: ADDR.health, timeoutMs: 5000 });
  const stderrLines = p.stderr.length;
  await stopServer(p);
  if (o.post && s) {
    try {
      post = await o.post(p, s);
    } catch (e) {
      post = { error: e instanceof Error ? e.message : String(e) };
    }
  }
  if (!rows.before || Object.values(rows.before).every((v) => v === null)) rows = {};
  const phases = [...new Set(samples.map((x) => x.phase))];
  const byProbe = (name: string, ok?: (s: Sample) => boolean) =>
    Object.fromEntries(
      phases.map((ph) => [
        ph,
        times(
          samples.filter((x) => x.probe === name && x.phase === ph),
          ok,
        ),
      ]),
    );
  const peak = (ph?: string) => {
    const list = procs.filter((x) => !ph || x.phase === ph);
    return {
      rssMB: MB(Math.max(0, ...list.map((x) => x.rssKb ?? 0))),
      fds: Math.max(0, ...list.map((x) => x.fds ?? 0)),
    };
  };
  const probeNames = [...new Set(samples.map((x) => x.probe))];
  return {
    id,
    title,
    at,
    code,
    load: { before: loadBefore, after: loadavg()[0] },
    readyMs: round(p.readyMs),
    survived: alive,
    exit: p.exit,
    healthAtEnd: health.error ?? health.status,
    stderrLines,
    stderrTail: p.stderr.slice(-8),
    error,
    rssMB: {
      before: MB(rss.before),
      peakDuring: peak('during').rssMB,
      peak: peak().rssMB,
      hwm: MB(hwmKb),
      end: MB(rss.end),
    },
    fds: { idle: peak('idle').fds, peakDuring: peak('during').fds },
    storeBytes: { ...store, growth: (store.final ?? 0) - (store.before ?? 0) },
    rows,
    probes: Object.fromEntries(
      probeNames.map((n) => [
        n,
        byProbe(n, n === 'page' ? (x) => x.status === 200 || x.status === 404 : undefined),
      ]),
    ),
    attack: result,
    ...(post ? { post } : {}),
  };
}

// ── the attacks ──────────────────────────────────────────────────────────────────────────────────────

/** 1a: a declaration nested 6,000 arrays deep over REST, as the read-only leader */
const crashRest = (ctx: Ctx) =>
  scenario(ctx, '1a', 'crash: 6,000-deep declaration over REST (leader)', {}, async (p) => {
    const leader = await login(p.url, 'leader');
    const r = await call({
      base: p.url,
      path: '/api/incidents',
      body: deepDeclaration(6000),
      cookie: leader,
      from: ADDR.attacker,
    });
    await sleep(1000);
    const health = await call({ base: p.url, path: '/api/health', from: ADDR.health, timeoutMs: 5000 });
    const alive = p.exit === null;
    return {
      summary: `REST answer ${r.status || r.error} in ${round(r.ms)} ms; process ${alive ? 'alive' : `DEAD (${JSON.stringify(p.exit)})`}; health ${health.status || health.error}`,
      status: r.status,
      error: r.error,
      ms: round(r.ms),
      answer: r.text.slice(0, 300),
      aliveAfter: alive,
      healthAfter: health.status || health.error,
      crashLine: p.stderr.find((l) => /RangeError|Maximum call stack/.test(l)) ?? null,
    };
  });

/** 1b: the same as a raw socket.io command frame, in one write with a good command (and one from duty) */
const crashSocket = (ctx: Ctx) =>
  scenario(ctx, '1b', 'crash: 6,000-deep declaration as a raw socket.io frame (leader)', {}, async (p) => {
    const leader = await openSocket(p.url, await login(p.url, 'leader'), ADDR.attacker);
    const duty = await openSocket(p.url, await login(p.url, 'duty'), ADDR.attacker);
    if (!leader.ok || !duty.ok) throw new Error(`sockets: ${leader.message} ${duty.message}`);
    const acksLeader = rawAcks(leader.socket);
    const acksDuty = rawAcks(duty.socket);
    const good = (title: string) =>
      JSON.stringify({
        type: 'open',
        planId: 'snow-ice',
        levelId: 'III',
        title,
        drill: true,
        requestId: rid('ok'),
      });
    leader.socket.io.engine.send(`2900["command",${deepDeclaration(6000, true)}]`);
    leader.socket.io.engine.send(`2901["command",${good('same write, leader')}]`);
    duty.socket.io.engine.send(`2902["command",${good('same moment, duty')}]`);
    const until = Date.now() + 5000;
    while (Date.now() < until && !(acksLeader.has(900) && acksLeader.has(901) && acksDuty.has(902)))
      await sleep(20);
    const connected = leader.socket.connected;
    await sleep(1000);
    const health = await call({ base: p.url, path: '/api/health', from: ADDR.health, timeoutMs: 5000 });
    const alive = p.exit === null;
    leader.socket.close();
    duty.socket.close();
    const st = (a: Loose) => (a === undefined ? 'no answer' : (a?.status ?? JSON.stringify(a).slice(0, 80)));
    return {
      summary: `deep frame → ${st(acksLeader.get(900))}, good command in the same write → ${st(acksLeader.get(901))}, duty's at the same moment → ${st(acksDuty.get(902))}; process ${alive ? 'alive' : `DEAD (${JSON.stringify(p.exit)})`}; health ${health.status || health.error}`,
      deep: acksLeader.get(900) ?? null,
      sameWrite: st(acksLeader.get(901)),
      dutySameMoment: st(acksDuty.get(902)),
      socketStillConnected: connected,
      aliveAfter: alive,
      healthAfter: health.status || health.error,
      crashLine: p.stderr.find((l) => /RangeError|Maximum call stack/.test(l)) ?? null,
    };
  });

/** 2: a unit's progress reports of 2,000 characters on one of its tasks, ~50 concurrent, for 20 s */
const notesFlood = (ctx: Ctx) =>
  scenario(
    ctx,
    '2',
    'notes flood: sanitation reports 2,000-char notes, 50 concurrent, 20 s',
    {
      afterMs: 5000,
      async post(p, s) {
        // a restart on the same data: how long it takes, and what the view weighs for every staff member after
        const again = await startServer(ctx.root, p.dataDir);
        try {
          const director = await login(again.url, 'director');
          const views: { status: number; ms: number; bytes: number }[] = [];
          for (let i = 0; i < 3; i += 1) {
            const r = await call({
              base: again.url,
              path: `/api/incidents/${s.incidentId}`,
              cookie: director,
              from: ADDR.staff,
              keepBytes: 0,
              timeoutMs: 60_000,
            });
            views.push({ status: r.status || 0, ms: round(r.ms)!, bytes: r.bytes });
          }
          return {
            restart: {
              readyMs: round(again.readyMs),
              rssMB: MB(rssKb(again.pid)),
              hwmMB: MB(procField(again.pid, 'VmHWM')),
              storeBytes: storeBytes(p.dataDir),
              views,
            },
          };
        } finally {
          await stopServer(again);
        }
      },
    },
    async (p, s) => {
      const detail = json(await get(p.url, s.director, `/api/incidents/${s.incidentId}`));
      const tasks = (detail.tasks ?? []) as { id: string; unitId?: string }[];
      const task = tasks.find((t) => (t.unitId ?? t.id.split('@')[1]) === 'sanitation');
      if (!task) throw new Error('no sanitation task in the detail');
      const unit = await login(p.url, 'sanitation', ADDR.attacker);
      const agent = new http.Agent({ keepAlive: true, maxSockets: 50 });
      const path = `/api/tasks/${encodeURIComponent(task.id)}/report`;
      const statuses: Record<string, number> = {};
      let sent = 0;
      let stoppedBy = 'time';
      const started = performance.now();
      const end = started + 20_000;
      let rssPeak = 0;
      const guard = setInterval(() => {
        const kb = rssKb(p.pid) ?? 0;
        rssPeak = Math.max(rssPeak, kb);
        if (kb > RSS_CAP_KB) stoppedBy = `rss cap ${MB(RSS_CAP_KB)} MB`;
        if (p.exit) stoppedBy = 'server died';
      }, 250);
      const worker = async () => {
        while (performance.now() < end && sent < 100_000 && stoppedBy === 'time') {
          sent += 1;
          const r = await call({
            base: p.url,
            path,
            cookie: unit,
            from: ADDR.attacker,
            agent,
            keepBytes: 512,
            body: JSON.stringify({ note: `${sent}`.padEnd(2000, '雪'), done: false, requestId: rid('n') }),
          });
          const k = r.error ?? String(r.status);
          statuses[k] = (statuses[k] ?? 0) + 1;
        }
      };
      await Promise.all(Array.from({ length: 50 }, worker));
      const elapsed = (performance.now() - started) / 1000;
      clearInterval(guard);
      agent.destroy();
      return {
        summary: `${sent} sent in ${elapsed.toFixed(1)} s, ${statuses['200'] ?? 0} accepted; answers ${JSON.stringify(statuses)}; stopped by ${stoppedBy}`,
        taskId: task.id,
        sent,
        accepted: statuses['200'] ?? 0,
        statuses,
        seconds: Number(elapsed.toFixed(1)),
        stoppedBy,
        rssPeakMB: MB(rssPeak),
      };
    },
  );

/** 3: refused acknowledgements of made-up tasks over one unit socket, ~200 in flight, 10 s */
const refusedFlood = (ctx: Ctx) =>
  scenario(
    ctx,
    '3',
    'refused-command flood: sanitation acks made-up tasks, 200 in flight, 10 s',
    {},
    async (p) => {
      const unit = await openSocket(p.url, await login(p.url, 'sanitation', ADDR.attacker), ADDR.attacker);
      if (!unit.ok) throw new Error(`socket: ${unit.message}`);
      const statuses: Record<string, number> = {};
      let sent = 0;
      const end = performance.now() + 10_000;
      const worker = async () => {
        while (performance.now() < end && sent < 1_000_000 && p.exit === null && unit.socket.connected) {
          const n = (sent += 1);
          let k: string;
          try {
            const r = (await unit.socket.timeout(TIMEOUT_MS).emitWithAck('command', {
              type: 'acknowledge',
              taskId: `x:made-up-${n}@sanitation`,
              requestId: rid('f'),
            })) as Loose;
            k = String(r?.status);
          } catch {
            k = 'timeout';
          }
          statuses[k] = (statuses[k] ?? 0) + 1;
        }
      };
      await Promise.all(Array.from({ length: 200 }, worker));
      unit.socket.close();
      return { summary: `${sent} sent; answers ${JSON.stringify(statuses)}`, sent, statuses };
    },
  );

/** 4a: as many live sockets on one unit session as 15 s allow (at most 3,000) */
const fdSockets = (ctx: Ctx) =>
  scenario(
    ctx,
    '4a',
    'file descriptors: sockets on one sanitation session, ≤3,000 in 15 s',
    { probes: (p) => [loginProbe(p)] },
    async (p) => {
      const cookie = await login(p.url, 'sanitation', ADDR.attacker);
      const held: Socket[] = [];
      const refused: Record<string, number> = {};
      let attempted = 0;
      const end = performance.now() + 15_000;
      const worker = async () => {
        while (attempted < 3000 && performance.now() < end && p.exit === null) {
          attempted += 1;
          const r = await openSocket(p.url, cookie, ADDR.attacker);
          if (r.ok) held.push(r.socket);
          else {
            const k = r.message.slice(0, 100);
            refused[k] = (refused[k] ?? 0) + 1;
            r.socket.close();
          }
        }
      };
      await Promise.all(Array.from({ length: 50 }, worker));
      const openedBy = held.length;
      while (performance.now() < end) await sleep(100);
      const stillHeld = held.filter((s) => s.connected).length;
      for (const s of held) s.close();
      return {
        summary: `${attempted} attempted, ${openedBy} accepted, ${stillHeld} held at 15 s; refused: ${JSON.stringify(refused)}`,
        attempted,
        accepted: openedBy,
        heldAtEnd: stillHeld,
        refused,
      };
    },
  );

/** 4b/4c: half-sent requests (slowloris), held for 15 s */
async function slowloris(port: number, addresses: string[], perAddress: number, holdMs: number) {
  const sockets: TcpSocket[] = [];
  let connected = 0;
  let errors = 0;
  const closedAt: number[] = [];
  const started = performance.now();
  let ours = false;
  const open = (from: string) =>
    new Promise<void>((res) => {
      const s = connect({ host: '127.0.0.1', port, localAddress: from });
      sockets.push(s);
      s.on('error', () => {
        errors += 1;
        res();
      });
      s.on('close', () => {
        if (!ours) closedAt.push(performance.now() - started);
        res();
      });
      s.resume();
      s.on('connect', () => {
        connected += 1;
        s.write('GET /api/health HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ');
        res();
      });
      s.setTimeout(5000, () => res());
    });
  const all = addresses.flatMap((a) => Array.from({ length: perAddress }, () => a));
  for (let i = 0; i < all.length; i += 200) await Promise.all(all.slice(i, i + 200).map(open));
  const openedMs = performance.now() - started;
  await sleep(Math.max(0, 2000 - (performance.now() - started)));
  const heldAt2s = connected - closedAt.length;
  while (performance.now() - started < holdMs) await sleep(100);
  const heldAtEnd = connected - closedAt.length;
  ours = true;
  for (const s of sockets) s.destroy();
  closedAt.sort((a, b) => a - b);
  return {
    attempted: all.length,
    connected,
    errors,
    openedMs: round(openedMs),
    heldAt2s,
    heldAtEnd,
    closedByServer: closedAt.length,
    closedWithin1s: closedAt.filter((t) => t < openedMs + 1000).length,
    lastCloseMs: round(closedAt.at(-1)),
  };
}

const fdSlowloris = (ctx: Ctx, id: string, addresses: string[], perAddress: number) =>
  scenario(
    ctx,
    id,
    `file descriptors: ${addresses.length * perAddress} half-sent requests from ${addresses.length === 1 ? addresses[0] : `${addresses.length} addresses`}, held 15 s`,
    { probes: (p) => [loginProbe(p)] },
    async (p) => {
      const r = await slowloris(p.port, addresses, perAddress, 15_000);
      return {
        summary: `${r.connected}/${r.attempted} connected, ${r.heldAt2s} held at 2 s, ${r.heldAtEnd} at 15 s; ${r.closedByServer} closed by the server (last at ${r.lastCloseMs ?? '-'} ms)`,
        ...r,
      };
    },
  );

/** bogus logins in waves of `perWave` at once until `seconds` are over (at most `maxWaves` waves) */
async function loginWaves(
  base: string,
  addresses: string[],
  perWave: number,
  seconds: number,
  maxWaves: number,
  username: () => string,
) {
  const statuses: Record<string, number> = {};
  const end = performance.now() + seconds * 1000;
  let waves = 0;
  let sent = 0;
  const ms: number[] = [];
  while (performance.now() < end && waves < maxWaves) {
    waves += 1;
    const replies = await Promise.all(
      Array.from({ length: perWave }, (_, i) =>
        call({
          base,
          path: '/api/session',
          from: addresses[i % addresses.length]!,
          keepBytes: 256,
          timeoutMs: 60_000,
          body: JSON.stringify({ username: username(), password: randomBytes(8).toString('hex') }),
        }),
      ),
    );
    sent += replies.length;
    for (const r of replies) {
      const k = r.error ?? String(r.status);
      statuses[k] = (statuses[k] ?? 0) + 1;
      ms.push(r.ms);
    }
  }
  ms.sort((a, b) => a - b);
  return { waves, sent, statuses, medianMs: round(quantile(ms, 0.5)), maxMs: round(ms.at(-1)) };
}

const loginFlood = (ctx: Ctx, id: string, addresses: string[]) =>
  scenario(
    ctx,
    id,
    `login flood: waves of 600 bogus logins with random usernames from ${addresses.length === 1 ? addresses[0] : `${addresses.length} addresses`}, ~15 s`,
    { probes: (p) => [loginProbe(p), pageProbe(p)] },
    async (p) => {
      const r = await loginWaves(
        p.url,
        addresses,
        600,
        15,
        10,
        () => `flood-${randomBytes(6).toString('hex')}`,
      );
      return { summary: `${r.sent} sent in ${r.waves} waves; answers ${JSON.stringify(r.statuses)}`, ...r };
    },
  );

const longUsernames = (ctx: Ctx) =>
  scenario(
    ctx,
    '5c',
    'login flood: 1,000 logins (5 waves of 200) with random 60 KB usernames',
    { probes: (p) => [loginProbe(p), pageProbe(p)] },
    async (p) => {
      const before = rssKb(p.pid);
      const r = await loginWaves(p.url, [ADDR.attacker], 200, 60, 5, () =>
        randomBytes(30 * 1024).toString('hex'),
      );
      await sleep(2000);
      const after = rssKb(p.pid);
      return {
        summary: `${r.sent} sent; answers ${JSON.stringify(r.statuses)}; RSS ${MB(before)} → ${MB(after)} MB 2 s after`,
        ...r,
        rssBeforeMB: MB(before),
        rssAfterMB: MB(after),
      };
    },
  );

const SYNC_UNITS = [
  'sanitation',
  'chishang',
  'police',
  'fire',
  'weather',
  'housing',
  'transport',
  'health',
  'market',
  'culture-tourism',
];

/** 6: 40 snow-ice I incidents, then ten unit sockets asking for everything from 0, in a loop, for 10 s */
const syncFlood = (ctx: Ctx) =>
  scenario(
    ctx,
    '6',
    'sync amplification: 40 snow-ice I incidents, 10 unit sockets sync {after: 0} in a loop, 10 s',
    {
      async setup(p) {
        const director = await login(p.url, 'director');
        const commander = await login(p.url, 'commander');
        let last = '';
        for (let i = 0; i < 40; i += 1) last = (await declare(p.url, commander, 'snow-ice', 'I', `x${i}`)).id;
        return { director, incidentId: last };
      },
    },
    async (p) => {
      const sockets = await Promise.all(
        SYNC_UNITS.map(async (u) => openSocket(p.url, await login(p.url, u, ADDR.attacker), ADDR.attacker)),
      );
      if (sockets.some((s) => !s.ok)) throw new Error(`sockets: ${sockets.map((s) => s.message).join(' ')}`);
      const tally: Record<string, number> = {};
      let firstPage: { facts: number; bytes: number; more: unknown } | null = null;
      const end = performance.now() + 10_000;
      const loops = sockets.map(async ({ socket }) => {
        while (performance.now() < end && socket.connected && p.exit === null) {
          let k: string;
          try {
            const r = (await socket.timeout(TIMEOUT_MS).emitWithAck('sync', { after: 0 })) as Loose;
            if (Array.isArray(r?.facts)) {
              k = 'page';
              if (!firstPage)
                firstPage = { facts: r.facts.length, bytes: JSON.stringify(r).length, more: r.more };
            } else k = String(r?.status);
          } catch {
            k = 'timeout';
          }
          tally[k] = (tally[k] ?? 0) + 1;
          if (k !== 'page') await sleep(20);
        }
      });
      await Promise.all(loops);
      for (const s of sockets) s.socket.close();
      return {
        summary: `answers ${JSON.stringify(tally)}; a page ${firstPage ? `${(firstPage as { facts: number }).facts} facts, ${Math.round((firstPage as { bytes: number }).bytes / 1024)} KB` : '-'}`,
        tally,
        firstPage,
      };
    },
  );

/** 7: what a unit learns of an incident and a task it may not see, against made-up ids */
const probing = (ctx: Ctx) =>
  scenario(
    ctx,
    '7',
    'probing: sanitation on a heavy-pollution incident, city-health on a city-police task, vs made-up ids',
    {
      idleMs: 1000,
      afterMs: 500,
      async setup(p) {
        const director = await login(p.url, 'director');
        const incident = await declare(p.url, director, 'heavy-pollution', 'orange');
        return { director, incidentId: incident.id, version: incident.version };
      },
    },
    async (p, s) => {
      const id = s.incidentId;
      const ghost = ghostOf(id);
      const version = s.version as number;
      const sanitation = await login(p.url, 'sanitation', ADDR.attacker);
      const health = await login(p.url, 'city-health', ADDR.attacker);
      const police = await login(p.url, 'city-police', ADDR.attacker);
      const norm = (r: Reply, real: string, requestId: string) =>
        r.text
          .replaceAll(real, '<ID>')
          .replaceAll(requestId, '<RID>')
          .replace(/"demo":true,?/g, '');
      const compare = async (
        what: string,
        cookie: string,
        make: (target: string, requestId: string) => Call,
        realId: string,
        fakeId: string,
      ) => {
        const [ra, rb] = [rid('p'), rid('p')];
        const a = await call(make(realId, ra));
        const b = await call(make(fakeId, rb));
        const [na, nb] = [norm(a, realId, ra), norm(b, fakeId, rb)];
        return {
          what,
          real: a.status,
          madeUp: b.status,
          identical: a.status === b.status && na === nb,
          realBody: na.slice(0, 240),
          madeUpBody: nb.slice(0, 240),
        };
      };
      const req = (cookie: string, path: string, body?: unknown): Call => ({
        base: p.url,
        path,
        cookie,
        from: ADDR.attacker,
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      const results = [
        await compare('GET incident', sanitation, (t) => req(sanitation, `/api/incidents/${t}`), id, ghost),
        await compare(
          'POST terminate',
          sanitation,
          (t, r) =>
            req(sanitation, `/api/incidents/${t}/terminate`, {
              expectedVersion: version,
              reason: 'probe',
              requestId: r,
            }),
          id,
          ghost,
        ),
        await compare(
          'POST terminate, stale version',
          sanitation,
          (t, r) =>
            req(sanitation, `/api/incidents/${t}/terminate`, {
              expectedVersion: version + 7,
              reason: 'probe',
              requestId: r,
            }),
          id,
          ghost,
        ),
        await compare(
          'POST level',
          sanitation,
          (t, r) =>
            req(sanitation, `/api/incidents/${t}/changeLevel`, {
              levelId: 'red',
              expectedVersion: version,
              reason: 'probe',
              requestId: r,
            }),
          id,
          ghost,
        ),
        await compare(
          'POST approve',
          sanitation,
          (t, r) => req(sanitation, `/api/incidents/${t}/approve`, { requestId: r }),
          id,
          ghost,
        ),
      ];
      const policeTasks = (json(await get(p.url, police, `/api/incidents/${id}`, ADDR.attacker)).tasks ??
        []) as {
        id: string;
      }[];
      const theirs = policeTasks[0]?.id;
      if (theirs) {
        const madeUp = `${id}:no-such-action@city-police`;
        results.push(
          await compare(
            'ack another unit’s task',
            health,
            (t, r) => req(health, `/api/tasks/${encodeURIComponent(t)}/acknowledge`, { requestId: r }),
            theirs,
            madeUp,
          ),
          await compare(
            'report on another unit’s task',
            health,
            (t, r) =>
              req(health, `/api/tasks/${encodeURIComponent(t)}/report`, {
                note: 'probe',
                done: false,
                requestId: r,
              }),
            theirs,
            madeUp,
          ),
        );
      }
      // what the unit's own view and list say of the others' work
      const staff = json(await get(p.url, s.director, `/api/incidents/${id}`)).incident ?? {};
      const own = json(await get(p.url, health, `/api/incidents/${id}`, ADDR.attacker));
      const listed = (
        (json(await get(p.url, health, '/api/incidents', ADDR.attacker)).incidents ?? []) as Loose[]
      ).find((i) => i.id === id);
      const ownTasks = ((own.tasks ?? []) as Loose[]).length;
      const counts = {
        staffCountsTasks: staff.counts?.tasks ?? null,
        unitOwnTasks: ownTasks,
        unitDetailCountsTasks: own.incident?.counts?.tasks ?? null,
        unitListCountsTasks: listed?.counts?.tasks ?? null,
        unitListNextDueUnits: [...new Set(((listed?.nextDue ?? []) as Loose[]).flatMap((l) => l.units ?? []))]
          .length,
      };
      const differ = results.filter((r) => !r.identical);
      return {
        summary: `${results.length - differ.length}/${results.length} answers identical to a made-up id${differ.length ? `; differ: ${differ.map((d) => `${d.what} ${d.real} vs ${d.madeUp}`).join(', ')}` : ''}; unit's counts.tasks ${counts.unitDetailCountsTasks} (own ${ownTasks}, staff ${counts.staffCountsTasks})`,
        ghost,
        results,
        counts,
      };
    },
  );

/** 8: demo sessions in production, bad input, occurredAt, headers, Host, bidi characters */
async function smallerHoles(ctx: Ctx): Promise<Record<string, unknown>> {
  step(`${ctx.label} 8: smaller holes`);
  const at = new Date().toISOString();
  const out: Record<string, unknown> = {
    id: '8',
    title: 'smaller holes',
    at,
    code: codeVersion(ctx.root, ctx.commit),
    load: { before: loadavg()[0] },
  };
  const dir = mkdtempSync(join(tmpdir(), 'epc-attack-8-'));
  const p = await startServer(ctx.root, dir);
  const stderrAfter = async (r: Promise<Reply>) => {
    const n = p.stderr.length;
    const reply = await r;
    await sleep(500);
    return {
      status: reply.status || reply.error,
      stderrLines: p.stderr.length - n,
      body: reply.text.slice(0, 160),
    };
  };
  let cookie = '';
  try {
    cookie = await login(p.url, 'duty');
    out.badInput = {
      usernameObject: await stderrAfter(
        call({
          base: p.url,
          path: '/api/session',
          body: '{"username":{"toString":1},"password":"x"}',
          from: ADDR.attacker,
        }),
      ),
      badPercentPath: await stderrAfter(
        call({ base: p.url, path: '/api/incidents/%E0%A4%A', from: ADDR.attacker }),
      ),
    };
    const occurred = await post(p.url, cookie, '/api/incidents', {
      planId: 'snow-ice',
      levelId: 'III',
      title: 'year zero',
      occurredAt: '0000-01-01T00:00:00Z',
      requestId: rid('t'),
    });
    out.occurredAtYear0 = {
      status: occurred.status,
      accepted: occurred.status === 201 || occurred.status === 202,
    };
    const bidiTitle = 'abc\u202Edef\u0007';
    const bidi = await post(p.url, cookie, '/api/incidents', {
      planId: 'snow-ice',
      levelId: 'III',
      title: bidiTitle,
      requestId: rid('t'),
    });
    const bidiId = json(bidi).incident?.id as string | undefined;
    const stored = bidiId
      ? (json(await get(p.url, cookie, `/api/incidents/${bidiId}`)).incident?.title as string)
      : null;
    out.bidiTitle = {
      status: bidi.status,
      storedAsIs: stored === bidiTitle,
      storedCodepoints: stored ? [...stored].map((c) => c.codePointAt(0)!.toString(16)) : null,
    };
    const evil = { host: 'evil.example' };
    out.foreignHost = {
      health: (await call({ base: p.url, path: '/api/health', headers: evil, from: ADDR.attacker })).status,
      page: (await call({ base: p.url, path: '/', headers: evil, from: ADDR.attacker })).status,
      incidents: (
        await call({ base: p.url, path: '/api/incidents', cookie, headers: evil, from: ADDR.attacker })
      ).status,
      // with the session cookie: since 8b54614 a handshake without a login is refused whatever its Host, so
      // a cookieless 403 would say nothing about the Host check; the same handshake under the own Host is the control
      socketHandshake: (
        await call({
          base: p.url,
          path: '/socket.io/?EIO=4&transport=polling',
          cookie,
          headers: evil,
          from: ADDR.attacker,
        })
      ).status,
      socketHandshakeOwnHost: (
        await call({ base: p.url, path: '/socket.io/?EIO=4&transport=polling', cookie, from: ADDR.attacker })
      ).status,
    };
  } catch (e) {
    out.error = e instanceof Error ? e.message : String(e);
  }
  await stopServer(p);
  // the same data in production: does the demo session still work?
  try {
    const prod = await startServer(ctx.root, dir, { NODE_ENV: 'production' });
    try {
      const r = await call({ base: prod.url, path: '/api/session', cookie, from: ADDR.staff });
      const who = json(r).user;
      const list = await call({ base: prod.url, path: '/api/incidents', cookie, from: ADDR.staff });
      const relog = await call({
        base: prod.url,
        path: '/api/session',
        body: JSON.stringify({ username: 'duty', password: 'demo' }),
        from: ADDR.staff,
      });
      out.demoSessionInProduction = {
        started: true,
        getSession: `${r.status} ${who ? `user ${who.username}` : 'user null'}`,
        getIncidents: list.status,
        demoLogin: relog.status,
        demoSessionWorks: list.status === 200,
      };
    } finally {
      await stopServer(prod);
    }
  } catch (e) {
    out.demoSessionInProduction = {
      started: false,
      why: (e instanceof Error ? e.message : String(e)).slice(0, 300),
    };
  }
  // the headers, behind a trusted proxy that says it was TLS
  try {
    const tp = await startServer(ctx.root, mkdtempSync(join(tmpdir(), 'epc-attack-8h-')), {
      TRUST_PROXY: 'loopback',
    });
    try {
      const c = await login(tp.url, 'duty');
      const h = async (path: string, cookie?: string) => {
        const r = await call({
          base: tp.url,
          path,
          ...(cookie ? { cookie } : {}),
          from: ADDR.staff,
          headers: { 'x-forwarded-proto': 'https' },
        });
        return {
          status: r.status,
          csp: r.headers['content-security-policy'] ?? null,
          hsts: r.headers['strict-transport-security'] ?? null,
          cacheControl: r.headers['cache-control'] ?? null,
        };
      };
      out.headers = {
        page: await h('/'),
        health: await h('/api/health'),
        incidents: await h('/api/incidents', c),
      };
    } finally {
      await stopServer(tp);
    }
  } catch (e) {
    out.headers = { error: (e instanceof Error ? e.message : String(e)).slice(0, 300) };
  }
  const bad = out.badInput as Loose;
  const hd = out.headers as Loose;
  const demo = out.demoSessionInProduction as Loose;
  out.load = { ...(out.load as object), after: loadavg()[0] };
  out.attack = {
    summary: [
      `demo session in production: ${demo?.started ? (demo.demoSessionWorks ? 'WORKS' : `refused (${demo.getIncidents})`) : `server refused to start`}`,
      `{"username":{"toString":1}} → ${bad?.usernameObject?.status} (${bad?.usernameObject?.stderrLines} stderr lines)`,
      `%E0%A4%A → ${bad?.badPercentPath?.status} (${bad?.badPercentPath?.stderrLines} stderr lines)`,
      `year 0 → ${(out.occurredAtYear0 as Loose)?.status}`,
      `CSP ${hd?.page?.csp ? 'yes' : 'no'}, HSTS ${hd?.page?.hsts ? 'yes' : 'no'}, API no-store ${/no-store/.test(hd?.incidents?.cacheControl ?? '') ? 'yes' : 'no'}`,
      `Host evil.example → ${(out.foreignHost as Loose)?.incidents} (socket.io ${(out.foreignHost as Loose)?.socketHandshake}, own Host ${(out.foreignHost as Loose)?.socketHandshakeOwnHost})`,
      `U+202E title → ${(out.bidiTitle as Loose)?.status}, stored as-is: ${(out.bidiTitle as Loose)?.storedAsIs}`,
    ].join('; '),
  };
  return out;
}

// ── the second attacker pass (9–12) ─────────────────────────────────────────────────────────────────

/** the server's side of its TCP connections with `remote` (from /proc/net/tcp): states and bytes queued in
 * the kernel to send, and the client side's bytes received but not read */
function tcpWith(port: number, remote: string) {
  const hex = (ip: string) =>
    ip
      .split('.')
      .map((n) => Number(n).toString(16).padStart(2, '0'))
      .reverse()
      .join('')
      .toUpperCase();
  const server = `${hex('127.0.0.1')}:${port.toString(16).toUpperCase().padStart(4, '0')}`;
  const client = `${hex(remote)}:`;
  const names: Record<string, string> = {
    '01': 'established',
    '04': 'finWait1',
    '05': 'finWait2',
    '06': 'timeWait',
    '07': 'close',
    '08': 'closeWait',
    '09': 'lastAck',
    '0B': 'closing',
  };
  const states: Record<string, number> = {};
  let sendQueued = 0;
  let unread = 0;
  let lines: string[] = [];
  try {
    lines = readFileSync('/proc/net/tcp', 'utf8').split('\n').slice(1);
  } catch {
    // no /proc: no figures
  }
  for (const line of lines) {
    const f = line.trim().split(/\s+/);
    const [tx, rx] = (f[4] ?? '0:0').split(':').map((x) => parseInt(x, 16));
    if (f[1] === server && f[2]?.startsWith(client)) {
      const st = names[f[3]!] ?? f[3]!;
      states[st] = (states[st] ?? 0) + 1;
      sendQueued += tx ?? 0;
    } else if (f[1]?.startsWith(client) && f[2] === server) unread += rx ?? 0;
  }
  return {
    server: states,
    serverSendQueuedKB: Math.round(sendQueued / 1024),
    clientUnreadKB: Math.round(unread / 1024),
  };
}

/** a tally key for an engine.io answer: the status, and the reason's code when it was refused */
const engineAnswer = (r: Reply) => {
  if (r.error) return r.error;
  if (r.status === 200) return '200';
  const m = /^([A-Z_]+):/.exec(String(json(r).message ?? ''));
  return m ? `${r.status} ${m[1]}` : String(r.status);
};
const tally = (into: Record<string, number>, k: string) => (into[k] = (into[k] ?? 0) + 1);

/**
 * 9: ghost seats. A socket.io CONNECT and an engine.io close in one polling payload: the connection is gone
 * before the handshake middleware has looked the session up. Where the seat was taken and given back on the
 * socket's disconnect (which such a socket never has), every ghost kept a seat until units were locked out.
 */
const ghostSeats = (ctx: Ctx) =>
  scenario(
    ctx,
    '9',
    'ghost seats: sanitation polling handshakes each closed by "40\\x1e1" (CONNECT + close), 8 per session, new logins, ≤30 s',
    { probes: (p) => [loginProbe(p, 2500)] },
    async (p) => {
      const logins: Record<string, number> = {};
      const handshakes: Record<string, number> = {};
      const posts: Record<string, number> = {};
      let ghosts = 0;
      let sessions = 0;
      const started = performance.now();
      const end = started + 30_000;
      const engine = '/socket.io/?EIO=4&transport=polling';
      const worker = async () => {
        while (performance.now() < end && p.exit === null) {
          const r = await call({
            base: p.url,
            path: '/api/session',
            body: JSON.stringify({ username: 'sanitation', password: 'demo' }),
            from: ADDR.attacker,
          });
          tally(logins, r.error ?? String(r.status));
          if (r.status !== 200) {
            await sleep(250);
            continue;
          }
          sessions += 1;
          const set = r.headers['set-cookie'];
          const cookie = (Array.isArray(set) ? set[0] : (set ?? ''))!.split(';')[0]!;
          for (let i = 0; i < 8 && performance.now() < end; i += 1) {
            const h = await call({ base: p.url, path: engine, cookie, from: ADDR.attacker, keepBytes: 400 });
            tally(handshakes, engineAnswer(h));
            const sid = /"sid":"([^"]+)"/.exec(h.text)?.[1];
            if (!sid) continue;
            const g = await call({
              base: p.url,
              path: `${engine}&sid=${encodeURIComponent(sid)}`,
              cookie,
              from: ADDR.attacker,
              body: '40\x1e1',
              headers: { 'content-type': 'text/plain;charset=UTF-8' },
              keepBytes: 200,
            });
            tally(posts, g.error ?? `${g.status} ${g.text.slice(0, 20)}`);
            if (g.status === 200) ghosts += 1;
          }
        }
      };
      await Promise.all(Array.from({ length: 8 }, worker));
      const seconds = (performance.now() - started) / 1000;
      await sleep(2000);
      // who can still open a real socket: a unit that did nothing, staff, and the attacker's own account
      const check = async (username: string, from: string) => {
        try {
          const r = await openSocket(p.url, await login(p.url, username, from), from);
          r.socket.close();
          return r.ok ? 'connected' : `refused: ${r.message.slice(0, 120)}`;
        } catch (e) {
          const why = e instanceof Error ? e.message : String(e);
          return `login refused (${/^login \S+: (\S+)/.exec(why)?.[1] ?? why.slice(0, 120)})`;
        }
      };
      const chishang = await check('chishang', ADDR.login);
      const director = await check('director', ADDR.staff);
      const sanitation = await check('sanitation', ADDR.health);
      return {
        summary: `${seconds.toFixed(1)} s: ${sessions} sessions (logins ${JSON.stringify(logins)}), handshakes ${JSON.stringify(handshakes)}, ${ghosts} CONNECT+close posts answered 200; afterwards chishang ${chishang}; director ${director}; sanitation (the attacker's account) ${sanitation}`,
        seconds: Number(seconds.toFixed(1)),
        sessions,
        logins,
        handshakes,
        posts,
        ghosts,
        afterwards: { chishang, director, sanitation },
      };
    },
  );

/**
 * 10 and 12 start from a long log: besides the probe's incident, a snow-ice I incident on which every unit
 * acknowledged its tasks and reported (80 reports of 500 characters each, 8 units at a time), and then
 * sanitation reported 220 times 2,000 characters, so that the newest facts are its own. Every unit stays
 * inside the current limits (240 commands a minute, 50,000 note characters per task).
 */
async function longLogSetup(p: Proc): Promise<Setup> {
  const started = performance.now();
  const s = await standardSetup(p);
  const big = await declare(p.url, s.commander as string, 'snow-ice', 'I', 'a long log');
  const detail = json(await get(p.url, s.director, `/api/incidents/${big.id}`));
  const byUnit = new Map<string, string[]>();
  for (const t of (detail.tasks ?? []) as { id: string; unitId?: string }[]) {
    const u = t.unitId ?? t.id.split('@')[1]!;
    byUnit.set(u, [...(byUnit.get(u) ?? []), t.id]);
  }
  const statuses: Record<string, number> = {};
  const fill = async (unit: string, reports: number, chars: number) => {
    const tasks = byUnit.get(unit) ?? [];
    if (!tasks.length) return;
    const cookie = await login(p.url, unit, ADDR.attacker);
    const send = async (taskId: string, what: 'ack' | 'report', body: object) => {
      const r = await post(
        p.url,
        cookie,
        `/api/tasks/${encodeURIComponent(taskId)}/${what}`,
        { ...body, requestId: rid('L') },
        ADDR.attacker,
      );
      tally(statuses, `${what} ${r.status || r.error}`);
    };
    for (const t of tasks) await send(t, 'ack', {});
    for (let i = 0; i < reports; i += 1)
      await send(tasks[i % tasks.length]!, 'report', {
        note: `${unit} ${i} `.padEnd(chars, '雪'),
        done: false,
      });
  };
  const queue = [...byUnit.keys()].filter((u) => u !== 'sanitation');
  await Promise.all(
    Array.from({ length: 8 }, async () => {
      for (let u = queue.shift(); u; u = queue.shift()) await fill(u, 80, 500);
    }),
  );
  await fill('sanitation', 220, 2000);
  // the old server ignores `limit` and answers the whole log (MBs): keep all of it to read its version
  const after = json(
    await call({
      base: p.url,
      path: `/api/incidents/${big.id}/events?limit=1`,
      cookie: s.director,
      from: ADDR.staff,
      keepBytes: 256 * 1024 * 1024,
      timeoutMs: 60_000,
    }),
  );
  return {
    ...s,
    longLog: {
      incidentId: big.id,
      version: after.version ?? null,
      units: byUnit.size,
      commands: statuses,
      seconds: Number(((performance.now() - started) / 1000).toFixed(1)),
    },
  };
}

/** 10: HEAD of a long log, which the server builds in full and then does not send */
const headFlood = (ctx: Ctx) =>
  scenario(
    ctx,
    '10',
    'HEAD flood: sanitation HEAD /api/incidents/:id/events of a ~3,000-fact snow-ice I log, 32 connections, 20 s',
    { setup: longLogSetup },
    async (p, s) => {
      const log = s.longLog as { incidentId: string };
      const cookie = await login(p.url, 'sanitation', ADDR.attacker);
      const path = `/api/incidents/${log.incidentId}/events`;
      // what one GET of it is, before the flood
      const one = await call({ base: p.url, path, cookie, from: ADDR.attacker, keepBytes: 64 * 1024 * 1024 });
      const page = json(one);
      const first = {
        status: one.status,
        ms: round(one.ms),
        bytes: one.bytes,
        facts: Array.isArray(page.facts) ? page.facts.length : null,
        more: page.more ?? null,
      };
      const statuses: Record<string, number> = {};
      let sent = 0;
      let contentLength = 0;
      const ms: number[] = [];
      const agent = new http.Agent({ keepAlive: true, maxSockets: 32 });
      const end = performance.now() + 20_000;
      const worker = async () => {
        while (performance.now() < end && p.exit === null) {
          sent += 1;
          const r = await call({ base: p.url, path, method: 'HEAD', cookie, from: ADDR.attacker, agent });
          tally(statuses, r.error ?? String(r.status));
          if (r.status === 200) {
            contentLength = Math.max(contentLength, Number(r.headers['content-length'] ?? 0));
            ms.push(r.ms);
          }
        }
      };
      await Promise.all(Array.from({ length: 32 }, worker));
      agent.destroy();
      ms.sort((a, b) => a - b);
      return {
        summary: `log of ${(s.longLog as Loose).version} facts; one GET as sanitation: ${first.status}, ${Math.round(first.bytes / 1024)} KB, ${first.facts} facts, ${first.ms} ms; ${sent} HEADs in 20 s: answers ${JSON.stringify(statuses)}, a 200 said content-length ${Math.round(contentLength / 1024)} KB and took ${round(quantile(ms, 0.5)) ?? '-'} ms median`,
        longLog: s.longLog,
        oneGet: first,
        sent,
        statuses,
        contentLength,
        headMedianMs: round(quantile(ms, 0.5)),
        headMaxMs: round(ms.at(-1)),
      };
    },
  );

/** 11: engine.io handshakes without a login: each one that is answered 200 is a session the server keeps */
const anonymousHandshakes = (ctx: Ctx) =>
  scenario(
    ctx,
    '11',
    'unauthenticated engine.io handshakes: GET /socket.io/?EIO=4&transport=polling without a cookie, 48 keep-alive connections, 20 s',
    {},
    async (p) => {
      const before = rssKb(p.pid);
      const statuses: Record<string, number> = {};
      let sent = 0;
      let sessions = 0;
      const agent = new http.Agent({ keepAlive: true, maxSockets: 48 });
      const end = performance.now() + 20_000;
      const worker = async () => {
        while (performance.now() < end && p.exit === null) {
          sent += 1;
          const r = await call({
            base: p.url,
            path: '/socket.io/?EIO=4&transport=polling',
            from: ADDR.attacker,
            agent,
            keepBytes: 400,
          });
          tally(statuses, engineAnswer(r));
          if (r.status === 200 && r.text.startsWith('0{')) sessions += 1;
        }
      };
      await Promise.all(Array.from({ length: 48 }, worker));
      agent.destroy();
      const atEnd = rssKb(p.pid);
      return {
        summary: `${sent} sent; answers ${JSON.stringify(statuses)}; ${sessions} engine.io sessions opened; RSS ${MB(before)} → ${MB(atEnd)} MB at the end`,
        sent,
        statuses,
        sessions,
        rssBeforeMB: MB(before),
        rssAtEndMB: MB(atEnd),
      };
    },
  );

/**
 * 12: clients that ask for a large answer and never read it. Whatever the kernel does not take stays in the
 * server's memory for as long as the connection lives; only an idle timeout ends it. The reader is `leader`
 * (a read-only staff login: staff get the whole log, the largest answer any login gets) asking for the
 * longest page (`limit=1000`, which the old server ignores: it always answered the whole log).
 */
const slowReaders = (ctx: Ctx) =>
  scenario(
    ctx,
    '12',
    `slow readers: 200 connections from ${ADDR.page}, one GET /api/incidents/:id/events?limit=1000 of the long log each as leader, never read, 75 s`,
    { setup: longLogSetup },
    async (p, s) => {
      const log = s.longLog as { incidentId: string };
      const cookie = await login(p.url, 'leader', ADDR.attacker);
      const path = `/api/incidents/${log.incidentId}/events?limit=1000`;
      const one = await call({ base: p.url, path, cookie, from: ADDR.attacker, keepBytes: 0 });
      const from = ADDR.page;
      // the kernel's memory for all TCP buffers on this machine (pages of 4 KB), beside the server's RSS
      const kernelTcpMB = () => {
        try {
          const m = /^TCP:.* mem (\d+)/m.exec(readFileSync('/proc/net/sockstat', 'utf8'));
          return m ? Math.round((Number(m[1]) * 4) / 1024) : null;
        } catch {
          return null;
        }
      };
      const started = performance.now();
      const at = () => Math.round((performance.now() - started) / 100) / 10;
      const conns: { socket: TcpSocket; connected: boolean; error: string | null }[] = [];
      await Promise.all(
        Array.from(
          { length: 200 },
          () =>
            new Promise<void>((res) => {
              const socket = connect({ host: '127.0.0.1', port: p.port, localAddress: from });
              const c = { socket, connected: false, error: null as string | null };
              conns.push(c);
              socket.on('error', (e: NodeJS.ErrnoException) => {
                c.error = e.code ?? e.message;
                res();
              });
              socket.on('connect', () => {
                c.connected = true;
                socket.write(
                  `GET ${path} HTTP/1.1\r\nHost: 127.0.0.1:${p.port}\r\nCookie: ${cookie}\r\nConnection: keep-alive\r\n\r\n`,
                );
                socket.pause();
                res();
              });
            }),
        ),
      );
      const timeline: Record<string, unknown>[] = [];
      while (performance.now() - started < 75_000) {
        timeline.push({
          s: at(),
          rssMB: MB(rssKb(p.pid)),
          fds: fdCount(p.pid),
          kernelTcpMB: kernelTcpMB(),
          ...tcpWith(p.port, from),
        });
        await sleep(1000);
      }
      const last = {
        s: at(),
        rssMB: MB(rssKb(p.pid)),
        fds: fdCount(p.pid),
        kernelTcpMB: kernelTcpMB(),
        ...tcpWith(p.port, from),
      };
      timeline.push(last);
      // when the server let go of them: its established connections from that address, second by second
      const est = (x: Loose) => (x.server?.established ?? 0) as number;
      const most = Math.max(0, ...timeline.map(est));
      const firstDrop = timeline.find(
        (x, i) => i > 0 && est(x) < most && est(timeline[i - 1]!) === most,
      ) as Loose;
      const allGone = timeline.find((x) => most > 0 && est(x) === 0) as Loose;
      // now read: a complete answer, or one the server cut off
      const got = await Promise.all(
        conns.map(
          ({ socket }) =>
            new Promise<{ bytes: number; complete: boolean; status: string }>((res) => {
              let head = '';
              let bytes = 0;
              let want = Infinity;
              const done = () =>
                res({
                  bytes,
                  complete: bytes >= want,
                  status: /^HTTP\/1\.1 (\d+)/.exec(head)?.[1] ?? 'none',
                });
              const timer = setTimeout(done, 10_000);
              socket.on('data', (d: Buffer) => {
                bytes += d.length;
                if (want === Infinity && head.length < 8192) {
                  head += d.toString('latin1');
                  const end = head.indexOf('\r\n\r\n');
                  const cl = /content-length:\s*(\d+)/i.exec(head);
                  if (end >= 0 && cl) want = end + 4 + Number(cl[1]);
                }
                if (bytes >= want) {
                  clearTimeout(timer);
                  done();
                }
              });
              socket.on('close', () => {
                clearTimeout(timer);
                done();
              });
              socket.resume();
            }),
        ),
      );
      for (const c of conns) c.socket.destroy();
      const complete = got.filter((g) => g.complete).length;
      const statuses: Record<string, number> = {};
      for (const g of got) tally(statuses, g.status);
      const rssValues = timeline.map((x) => (x.rssMB as number | null) ?? 0);
      const pick = (sec: number) => timeline.find((x) => (x.s as number) >= sec) as Loose;
      return {
        summary: `${conns.filter((c) => c.connected).length}/200 connected; one answer ${Math.round(one.bytes / 1024)} KB (${one.status}); server RSS ${rssValues[0]} → peak ${Math.max(...rssValues)} MB, ${pick(55)?.rssMB} MB at 55 s, ${pick(65)?.rssMB} at 65 s, ${last.rssMB} at 75 s; server-side established ${most} → ${est(last)} at 75 s (first dropped at ${firstDrop?.s ?? '-'} s, all gone at ${allGone?.s ?? '-'} s); in the kernel at 30 s: ${pick(30)?.serverSendQueuedKB} KB queued by the server, ${pick(30)?.clientUnreadKB} KB unread; read at 75 s: ${complete} complete answers (${JSON.stringify(statuses)}), ${got.length - complete} cut off; kernel TCP memory ${timeline[0]!.kernelTcpMB} → ${Math.max(...timeline.map((x) => (x.kernelTcpMB as number | null) ?? 0))} MB`,
        oneAnswer: { status: one.status, bytes: one.bytes, ms: round(one.ms) },
        connected: conns.filter((c) => c.connected).length,
        errors: conns.filter((c) => c.error).map((c) => c.error),
        establishedMost: most,
        firstDropS: firstDrop?.s ?? null,
        allGoneS: allGone?.s ?? null,
        completeAnswers: complete,
        statuses,
        cutOff: got.length - complete,
        bytesRead: got
          .map((g) => g.bytes)
          .sort((a, b) => a - b)
          .filter((_, i, a) => i === 0 || i === a.length - 1 || i === a.length >> 1),
        timeline: timeline.filter((_, i) => i % 5 === 0 || i === timeline.length - 1),
        longLog: s.longLog,
      };
    },
  );

// ── the run ──────────────────────────────────────────────────────────────────────────────────────────

const SCENARIOS: [string, (ctx: Ctx) => Promise<Record<string, unknown>>][] = [
  ['1a', crashRest],
  ['1b', crashSocket],
  ['2', notesFlood],
  ['3', refusedFlood],
  ['4a', fdSockets],
  ['4b', (ctx) => fdSlowloris(ctx, '4b', [ADDR.attacker], 3000)],
  [
    '4c',
    (ctx) =>
      fdSlowloris(
        ctx,
        '4c',
        Array.from({ length: 12 }, (_, i) => `127.0.2.${i + 1}`),
        250,
      ),
  ],
  ['5a', (ctx) => loginFlood(ctx, '5a', [ADDR.attacker])],
  [
    '5b',
    (ctx) =>
      loginFlood(
        ctx,
        '5b',
        Array.from({ length: 20 }, (_, i) => `127.0.1.${i + 1}`),
      ),
  ],
  ['5c', longUsernames],
  ['6', syncFlood],
  ['7', probing],
  ['8', smallerHoles],
  ['9', ghostSeats],
  ['10', headFlood],
  ['11', anonymousHandshakes],
  ['12', slowReaders],
];

function table(rows: Record<string, unknown>[]): string {
  const lines = [
    '| # | survived | RSS MB before → peak | store growth | staff GET idle median | during median / max (failed/n) | after median | what happened |',
    '|---|---|---|---|---|---|---|---|',
  ];
  for (const r of rows as Loose[]) {
    const st = r.probes?.staff ?? {};
    const f = (x: TimeSummary | undefined) => (x && x.n ? `${x.medianMs}` : '-');
    const d = st.during as TimeSummary | undefined;
    lines.push(
      `| ${r.id} | ${r.survived === undefined ? '-' : r.survived ? 'yes' : 'NO'} | ${r.rssMB ? `${r.rssMB.before} → ${Math.max(r.rssMB.peak ?? 0, r.rssMB.hwm ?? 0)}` : '-'} | ${r.storeBytes ? `${(r.storeBytes.growth / 1024).toFixed(0)} KB` : '-'} | ${f(st.idle)} ms | ${d && d.n ? `${d.medianMs ?? '-'} / ${d.maxMs ?? '-'} ms (${d.failed}/${d.n})` : '-'} | ${f(st.after)} ms | ${r.attack?.summary ?? r.error ?? ''} |`,
    );
  }
  return lines.join('\n');
}

async function main() {
  const arg = (name: string) => {
    const i = process.argv.indexOf(`--${name}`);
    return i >= 0 ? process.argv[i + 1] : process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
  };
  const root = resolve(arg('root') ?? REPO);
  if (!existsSync(join(root, 'server/index.ts'))) throw new Error(`${root} holds no server/index.ts`);
  const label = arg('label') ?? (root === REPO ? 'new' : basename(root));
  const only = arg('only')?.split(',');
  const commit = arg('commit');
  const ctx: Ctx = { root, label, ...(commit ? { commit } : {}) };
  const rows: Record<string, unknown>[] = [];
  for (const [id, run] of SCENARIOS) {
    // "1" selects 1a and 1b, not 10–12
    if (only && !only.some((o) => id === o || (id.startsWith(o) && /^[a-z]$/.test(id.slice(o.length)))))
      continue;
    try {
      rows.push(await run(ctx));
    } catch (e) {
      rows.push({ id, error: e instanceof Error ? e.message : String(e) });
    }
    await sleep(1000);
  }
  console.log(
    `\n${label} (${root}), node ${process.version}, ${cpus().length} cores, load ${loadavg()[0]!.toFixed(2)}\n`,
  );
  console.log(table(rows));

  const dir = join(REPO, 'bench/results');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `attacks-${label}.json`);
  const previous = only && existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Loose) : null;
  const ids = new Set(rows.map((r) => r.id));
  const before = new Map(((previous?.scenarios ?? []) as Loose[]).map((r) => [r.id, r]));
  // a scenario run again keeps the figures of its earlier runs, so that noise can be told from a change
  for (const r of rows as Loose[]) {
    const prev = before.get(r.id);
    if (!prev) continue;
    r.earlierRuns = [
      ...(prev.earlierRuns ?? []),
      {
        at: prev.at,
        code: prev.code,
        load: prev.load,
        survived: prev.survived,
        rssMB: prev.rssMB,
        storeBytes: prev.storeBytes,
        probes: prev.probes ?? { staff: prev.staff },
        attack: prev.attack ?? { summary: prev.summary },
      },
    ];
  }
  const scenarios = [...((previous?.scenarios ?? []) as Loose[]).filter((r) => !ids.has(r.id)), ...rows].sort(
    (a, b) => SCENARIOS.findIndex(([i]) => i === a.id) - SCENARIOS.findIndex(([i]) => i === b.id),
  );
  const out = {
    label,
    root,
    code: codeVersion(root, commit),
    at: new Date().toISOString(),
    machine: { node: process.version, cores: cpus().length, memoryGB: Math.round(totalmem() / 2 ** 30) },
    scenarios,
  };
  const { format, resolveConfig } = await import('prettier');
  writeFileSync(file, await format(JSON.stringify(out), { ...(await resolveConfig(file)), parser: 'json' }));
  step(`written ${file}`);
}

if (process.argv.includes('--probe')) prober();
else
  main().then(
    () => process.exit(0),
    (e) => {
      console.error(e);
      process.exit(1);
    },
  );
