/**
 * npm run bench [-- --quick]: the project against a baseline measured in the same run on this machine.
 * Every figure that counts is a ratio to its baseline; absolute times are printed for context only.
 * Servers and the load generator run in their own processes; traffic goes to 127.0.0.1 only.
 */
import { type ChildProcess, execFileSync, fork } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const quick = process.argv.includes('--quick');
/** `--only=live,acks,cold,screen` runs some parts only (for finding what limits one figure); results are not kept as latest */
const only = process.argv
  .find((a) => a.startsWith('--only='))
  ?.slice('--only='.length)
  .split(',');
const runs = (part: 'live' | 'acks' | 'cold' | 'screen') => !only || only.includes(part);
const CFG = quick
  ? { clients: 200, declarations: 10, ackClients: 100, ackSeconds: 5, events: 50_000 }
  : { clients: 2000, declarations: 50, ackClients: 500, ackSeconds: 30, events: 1_000_000 };
const now = () => performance.timeOrigin + performance.now();
/** Progress on stderr, so a long run shows where it is. */
const step = (what: string) => process.stderr.write(`  … ${what}\n`);
const tmp = () => mkdtempSync(join(tmpdir(), 'epc-bench-'));

// ── processes ────────────────────────────────────────────────────────────────────────────────────────

interface Child {
  proc: ChildProcess;
  port: number;
  call<T = Record<string, unknown>>(msg: Record<string, unknown>): Promise<T>;
  stop(): Promise<void>;
}

let seq = 0;
function spawnChild(script: string, env: Record<string, string> = {}): Promise<Child> {
  const proc = fork(script, [], {
    // BENCH_PROFILE=dir writes a CPU profile of every child process there, for finding what limits a figure
    execArgv: [
      '--expose-gc',
      '--import',
      'tsx',
      ...(process.env.BENCH_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE}`] : []),
    ],
    env: { ...process.env, ...env },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const waiting = new Map<number, (m: { result?: unknown; error?: string; type?: string }) => void>();
  let onType: ((m: Record<string, unknown>) => void) | null = null;
  proc.on('message', (m: { id?: number; type?: string }) => {
    if (m.id !== undefined) waiting.get(m.id)?.(m);
    else onType?.(m as Record<string, unknown>);
  });
  return new Promise((resolve, reject) => {
    proc.once('exit', (code) => reject(new Error(`${script} exited ${code}`)));
    onType = (m) => {
      if (m.type !== 'ready') return;
      resolve({
        proc,
        port: Number(m.port ?? 0),
        call<T>(msg: Record<string, unknown>) {
          if (msg.type === 'memory' || msg.type === 'head') {
            return new Promise<T>((res) => {
              onType = (r) => r.type === msg.type && res(r as T);
              proc.send(msg);
            });
          }
          const id = (seq += 1);
          return new Promise<T>((res, rej) => {
            waiting.set(id, (r) => (r.error ? rej(new Error(r.error)) : res(r.result as T)));
            proc.send({ ...msg, id });
          });
        },
        async stop() {
          proc.removeAllListeners('exit'); // the start-up failure handler, not needed any more
          const gone = new Promise((r) => proc.once('exit', r));
          proc.send({ type: 'stop' });
          setTimeout(() => proc.kill('SIGKILL'), 15_000).unref();
          await gone;
        },
      });
    };
  });
}

const projectServer = (dataDir: string, port = 0) =>
  spawnChild('bench/servers/project.ts', { DATA_DIR: dataDir, PORT: String(port) });
const bareServer = (port = 0) => spawnChild('bench/servers/bare.ts', { PORT: String(port) });
const loadgen = () => spawnChild('bench/loadgen.ts');

async function login(url: string, username: string): Promise<string> {
  const res = await fetch(`${url}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: 'demo' }),
  });
  if (res.status !== 200) throw new Error(`login ${username}: ${res.status}`);
  return (res.headers.get('set-cookie') ?? '').split(';')[0]!;
}

async function post(url: string, path: string, cookie: string, body: unknown) {
  const res = await fetch(`${url}${path}`, {
    method: 'POST',
    headers: { cookie, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return (await res.json()) as { incident: { id: string } };
}

// ── statistics and the report ────────────────────────────────────────────────────────────────────────

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? NaN;
};
const median = (xs: number[]) => pct(xs, 50);

interface Row {
  what: string;
  unit: string;
  project: { median: number; p99: number };
  baseline: { median: number; p99: number };
  ratio: number;
  goal: string;
  met: boolean;
  note?: string;
}
const rows: Row[] = [];

// ── 1. fan-out, 3. memory, 4. reconnect storm: one setup each side, 2,000 authenticated clients ─────

async function snowUnits(url: string, cookie: string): Promise<string[]> {
  const res = await fetch(`${url}/api/plans/snow-ice/levels/I/tasks`, { headers: { cookie } });
  const tasks = (await res.json()) as { unitIds: string[] }[];
  return [...new Set(tasks.flatMap((t) => t.unitIds))];
}

async function projectSide() {
  const dir = tmp();
  step('project: server, logins, clients');
  let server = await projectServer(dir);
  const url = () => `http://127.0.0.1:${server.port}`;
  const duty = await login(url(), 'duty');
  const units = await snowUnits(url(), duty);
  const cookies = await Promise.all(units.map((u) => login(url(), u)));
  const gen = await loadgen();
  const idle = (await server.call<{ heapUsed: number }>({ type: 'memory' })).heapUsed;
  await gen.call({
    type: 'connect',
    url: url(),
    specs: Array.from({ length: CFG.clients }, (_, i) => ({ cookie: cookies[i % cookies.length] })),
  });
  await new Promise((r) => setTimeout(r, 1000));
  const loaded = (await server.call<{ heapUsed: number }>({ type: 'memory' })).heapUsed;

  step('project: fan-out');
  const declare = () =>
    post(url(), '/api/incidents', duty, {
      planId: 'snow-ice',
      levelId: 'I',
      title: 'bench',
      drill: true,
      requestId: `bench-${now()}-${Math.random()}`,
    });
  const latencies: number[] = [];
  let bytes = 0;
  let packets: unknown[][] = [];
  for (let i = -2; i < CFG.declarations; i += 1) {
    const t0 = now();
    const { incident } = await declare();
    const r = await gen.call<{ last: number; bytes: number; packets: unknown[][] }>({
      type: 'fanout',
      incidentId: incident.id,
      expected: CFG.clients,
      packets: units.length, // client i is unit i % units: the first ones hold one packet of each unit
    });
    if (i >= 0) latencies.push(r.last - t0); // two warm-up declarations first
    bytes = r.bytes;
    packets = r.packets;
  }

  step('project: reconnect storm');
  // the reconnect storm: restart with every client connected, one declaration before they are back
  await gen.call({ type: 'arm' });
  const port = server.port;
  await server.stop();
  server = await projectServer(dir, port);
  const since = now();
  await declare();
  const head = (await server.call<{ head: number }>({ type: 'head' })).head;
  const storm = await gen.call<{ times: number[] }>({
    type: 'awaitSync',
    target: head,
    since,
    timeoutMs: 120_000,
  });
  await gen.call({ type: 'close' });
  await gen.stop();
  await server.stop();
  return {
    latencies,
    bytes,
    packets,
    perClient: (loaded - idle) / CFG.clients,
    units: units.length,
    storm: storm.times,
  };
}

async function baselineSide(units: number, packets: unknown[][]) {
  step('baseline: server and clients');
  let server = await bareServer();
  const url = () => `http://127.0.0.1:${server.port}`;
  const gen = await loadgen();
  const idle = (await server.call<{ heapUsed: number }>({ type: 'memory' })).heapUsed;
  await gen.call({
    type: 'connect',
    url: url(),
    specs: Array.from({ length: CFG.clients }, (_, i) => ({ room: i % units })),
  });
  await new Promise((r) => setTimeout(r, 1000));
  const loaded = (await server.call<{ heapUsed: number }>({ type: 'memory' })).heapUsed;
  const latencies: number[] = [];
  for (let i = -2; i < CFG.declarations; i += 1) {
    const marker = `m${i}-${now()}`;
    const t0 = now();
    await post(url(), '/emit', '', { packets, marker });
    const r = await gen.call<{ last: number }>({ type: 'fanout', incidentId: marker, expected: CFG.clients });
    if (i >= 0) latencies.push(r.last - t0);
  }
  await gen.call({ type: 'arm' });
  const port = server.port;
  await server.stop();
  server = await bareServer(port);
  const since = now();
  const storm = await gen.call<{ times: number[] }>({
    type: 'awaitSync',
    target: 0,
    since,
    timeoutMs: 120_000,
  });
  await gen.call({ type: 'close' });
  await gen.stop();
  await server.stop();
  return { latencies, perClient: (loaded - idle) / CFG.clients, storm: storm.times };
}

// ── 2. durable acknowledgements ─────────────────────────────────────────────────────────────────────

async function ackProject() {
  step('project: acknowledgements');
  const server = await projectServer(tmp());
  const url = `http://127.0.0.1:${server.port}`;
  const duty = await login(url, 'duty');
  const byUnit = new Map<string, string[]>();
  for (let i = 0; i < 20; i += 1) {
    const { incident } = await post(url, '/api/incidents', duty, {
      planId: 'snow-ice',
      levelId: 'I',
      title: 'acks',
      drill: true,
      requestId: `ackdecl-${i}-${now()}`,
    });
    const detail = (await (
      await fetch(`${url}/api/incidents/${incident.id}`, { headers: { cookie: duty } })
    ).json()) as {
      tasks: { id: string; unitId: string }[];
    };
    for (const t of detail.tasks) byUnit.set(t.unitId, [...(byUnit.get(t.unitId) ?? []), t.id]);
  }
  const units = [...byUnit.keys()];
  const cookies = new Map(await Promise.all(units.map(async (u) => [u, await login(url, u)] as const)));
  const specs = Array.from({ length: CFG.ackClients }, (_, i) => ({
    cookie: cookies.get(units[i % units.length]!)!,
  }));
  // each client takes its own share of its unit's tasks: acknowledgements first, then progress reports
  const tasks = specs.map((_, i) => {
    const unit = units[i % units.length]!;
    const sharers = Math.ceil((CFG.ackClients - (i % units.length)) / units.length);
    return byUnit.get(unit)!.filter((_, k) => k % sharers === Math.floor(i / units.length));
  });
  const gen = await loadgen();
  await gen.call({ type: 'connect', url, specs });
  const t = now();
  const r = await gen.call<{ latencies: number[]; errors: number }>({
    type: 'storm',
    durationMs: CFG.ackSeconds * 1000,
    tasks,
  });
  const seconds = (now() - t) / 1000;
  await gen.call({ type: 'close' });
  await gen.stop();
  await server.stop();
  return { ...r, perSecond: r.latencies.length / seconds };
}

async function ackBaseline() {
  step('baseline: ack echo');
  const server = await bareServer();
  const gen = await loadgen();
  await gen.call({
    type: 'connect',
    url: `http://127.0.0.1:${server.port}`,
    specs: Array.from({ length: CFG.ackClients }, () => ({})),
  });
  const t = now();
  const r = await gen.call<{ latencies: number[]; errors: number }>({
    type: 'storm',
    durationMs: CFG.ackSeconds * 1000,
    tasks: null,
  });
  const seconds = (now() - t) / 1000;
  await gen.call({ type: 'close' });
  await gen.stop();
  await server.stop();
  return { ...r, perSecond: r.latencies.length / seconds };
}

// ── 5. cold start ───────────────────────────────────────────────────────────────────────────────────

function tsx(script: string, ...args: string[]): Record<string, number> {
  const out = execFileSync(process.execPath, ['--import', 'tsx', script, ...args], {
    encoding: 'utf8',
    maxBuffer: 1 << 24,
  });
  return JSON.parse(out.trim().split('\n').at(-1)!);
}

function coldStart() {
  step('cold start: seeding and starting');
  const empty = tmp();
  tsx('bench/cold-start.ts', empty); // the first start seeds the demo accounts: not measured
  const full = tmp();
  const seeded = tsx('bench/seed.ts', full, String(CFG.events));
  tsx('bench/cold-start.ts', full); // the first start after seeding writes no new snapshot; warm the page cache alike
  const times = (dir: string) => [1, 2, 3, 4, 5].map(() => tsx('bench/cold-start.ts', dir).ms!);
  return { empty: times(empty), full: times(full), events: seeded.events!, seedSeconds: seeded.seconds! };
}

// ── 6. first screen ─────────────────────────────────────────────────────────────────────────────────

function firstScreenBytes(distDir: string): number {
  const html = readFileSync(join(distDir, 'index.html'), 'utf8');
  const files = [...html.matchAll(/(?:src|href)="\/?(assets\/[^"]+\.js)"/g)].map((m) => m[1]!);
  return files.reduce((sum, f) => sum + gzipSync(readFileSync(join(distDir, f)), { level: 9 }).length, 0);
}

function emptyReactPage(): number {
  // inside the project, so that it resolves the same React from node_modules
  const dir = join('node_modules', '.cache', 'bench-empty-react-page');
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    join(dir, 'index.html'),
    '<!doctype html><div id="root"></div><script type="module" src="/main.js"></script>',
  );
  writeFileSync(
    join(dir, 'main.js'),
    "import { createElement } from 'react';\nimport { createRoot } from 'react-dom/client';\ncreateRoot(document.getElementById('root')).render(createElement('div'));\n",
  );
  execFileSync(
    process.execPath,
    [
      'node_modules/vite/bin/vite.js',
      'build',
      dir,
      '--outDir',
      'dist',
      '--emptyOutDir',
      '--logLevel',
      'error',
    ],
    {
      stdio: 'inherit',
    },
  );
  return firstScreenBytes(join(dir, 'dist'));
}

// ── main ────────────────────────────────────────────────────────────────────────────────────────────

const started = now();
console.log(`bench ${quick ? '(quick) ' : ''}— ${JSON.stringify(CFG)}`);

if (runs('live')) {
  const project = await projectSide();
  const base = await baselineSide(project.units, project.packets);
  const fan = { p: project.latencies, b: base.latencies };
  rows.push({
    what: `fan-out: declaration to the last of ${CFG.clients} clients (${Math.round(project.bytes)} B packet per unit)`,
    unit: 'ms',
    project: { median: median(fan.p), p99: pct(fan.p, 99) },
    baseline: { median: median(fan.b), p99: pct(fan.b, 99) },
    ratio: pct(fan.p, 99) / pct(fan.b, 99),
    goal: 'p99 ≤ 1.5 × baseline and ≤ baseline + 50 ms',
    met: pct(fan.p, 99) <= 1.5 * pct(fan.b, 99) && pct(fan.p, 99) <= pct(fan.b, 99) + 50,
  });
  rows.push({
    what: `memory: heap per idle authenticated client (${CFG.clients})`,
    unit: 'KB',
    project: { median: project.perClient / 1024, p99: NaN },
    baseline: { median: base.perClient / 1024, p99: NaN },
    ratio: project.perClient / base.perClient,
    goal: '≤ 1.5 × baseline',
    met: project.perClient <= 1.5 * base.perClient,
  });
  rows.push({
    what: `reconnect storm: restart with ${CFG.clients} clients, resynced to the server's sequence`,
    unit: 'ms',
    project: { median: median(project.storm), p99: pct(project.storm, 99) },
    baseline: { median: median(base.storm), p99: pct(base.storm, 99) },
    ratio: pct(project.storm, 99) / pct(base.storm, 99),
    goal: 'every client resynced, p99 ≤ 10 s',
    met: project.storm.length === CFG.clients && pct(project.storm, 99) <= 10_000,
  });
}

if (runs('acks')) {
  const ackP = await ackProject();
  const ackB = await ackBaseline();
  rows.push({
    what: `durable acknowledgements: ${CFG.ackClients} clients for ${CFG.ackSeconds} s (confirm latency)`,
    unit: 'ms',
    project: { median: median(ackP.latencies), p99: pct(ackP.latencies, 99) },
    baseline: { median: median(ackB.latencies), p99: pct(ackB.latencies, 99) },
    ratio: pct(ackP.latencies, 99) / pct(ackB.latencies, 99),
    goal: 'p99 confirm ≤ 100 ms',
    met: pct(ackP.latencies, 99) <= 100,
  });
  rows.push({
    what: 'durable acknowledgements: throughput',
    unit: '/s',
    project: { median: ackP.perSecond, p99: NaN },
    baseline: { median: ackB.perSecond, p99: NaN },
    ratio: ackP.perSecond / ackB.perSecond,
    goal: '≥ 5,000 acks/s',
    met: ackP.perSecond >= 5000 && ackP.errors === 0,
    note: `${ackP.errors} errors`,
  });
}

if (runs('cold')) {
  const cold = coldStart();
  rows.push({
    what: `cold start with ${cold.events.toLocaleString('en')} events on disk`,
    unit: 'ms',
    project: { median: median(cold.full), p99: Math.max(...cold.full) },
    baseline: { median: median(cold.empty), p99: Math.max(...cold.empty) },
    ratio: median(cold.full) / median(cold.empty),
    goal: '≤ 1 s and ≤ 3 × the empty start',
    met: median(cold.full) <= 1000 && median(cold.full) <= 3 * median(cold.empty),
    note: `seeded in ${cold.seedSeconds.toFixed(0)} s`,
  });
}

if (runs('screen')) {
  execFileSync('npm', ['run', '-s', 'build'], { stdio: 'inherit' });
  const screen = firstScreenBytes('dist/client');
  const emptyPage = emptyReactPage();
  rows.push({
    what: 'first screen: gzipped JavaScript',
    unit: 'KB',
    project: { median: screen / 1024, p99: NaN },
    baseline: { median: emptyPage / 1024, p99: NaN },
    ratio: screen / emptyPage,
    goal: '≤ 170 KB',
    met: screen <= 170 * 1024,
  });
}

const f = (x: number) => (Number.isNaN(x) ? '—' : x >= 100 ? x.toFixed(0) : x.toFixed(1));
console.log(
  '\n| what | unit | project median | project p99 | baseline median | baseline p99 | ratio | goal | met |',
);
console.log('|---|---|---|---|---|---|---|---|---|');
for (const r of rows)
  console.log(
    `| ${r.what}${r.note ? ` (${r.note})` : ''} | ${r.unit} | ${f(r.project.median)} | ${f(r.project.p99)} | ${f(r.baseline.median)} | ${f(r.baseline.p99)} | ${r.ratio.toFixed(2)} | ${r.goal} | ${r.met ? 'yes' : 'NO'} |`,
  );
console.log(`\n${((now() - started) / 1000).toFixed(0)} s`);
mkdirSync('bench/results', { recursive: true });
const result = {
  at: new Date().toISOString(),
  quick,
  only: only ?? null,
  config: CFG,
  node: process.version,
  rows,
};
const kind = only ? `only-${only.join('+')}` : quick ? 'quick' : 'full';
const name = `bench/results/${kind}-${result.at.replace(/[:.]/g, '-')}.json`;
writeFileSync(name, `${JSON.stringify(result, null, 2)}\n`);
if (!only)
  writeFileSync(`bench/results/latest${quick ? '-quick' : ''}.json`, `${JSON.stringify(result, null, 2)}\n`);
console.log(`written to ${name}`);
