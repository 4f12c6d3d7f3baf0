/**
 * npm run bench [-- --quick]: the project against a baseline measured in the same run on this machine.
 * Every figure that counts is a ratio to its baseline; absolute times are printed for context only.
 * Servers and the load generator run in their own processes; traffic goes to 127.0.0.1 only.
 */
import { type ChildProcess, execFileSync, fork } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const quick = process.argv.includes('--quick');
/** `--only=live,acks,staff,cold,screen,exports` runs some parts only (for finding what limits one figure); results are not kept as latest */
const only = process.argv
  .find((a) => a.startsWith('--only='))
  ?.slice('--only='.length)
  .split(',');
const runs = (part: 'live' | 'acks' | 'staff' | 'cold' | 'screen' | 'exports') =>
  !only || only.includes(part);
const CFG = quick
  ? {
      clients: 200,
      declarations: 10,
      ackClients: 100,
      ackSeconds: 5,
      events: 50_000,
      staff: 50,
      staffSeconds: 5,
    }
  : {
      clients: 2000,
      declarations: 50,
      ackClients: 500,
      ackSeconds: 30,
      events: 1_000_000,
      staff: 200,
      // 200 live modules share one process here: each acknowledgement costs 200 folds, so the storm is short
      staffSeconds: 5,
    };
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
function spawnChild(script: string, env: Record<string, string> = {}, argv: string[] = []): Promise<Child> {
  const proc = fork(script, [], {
    // BENCH_PROFILE=dir writes a CPU profile of every child process there, for finding what limits a figure
    execArgv: [
      '--expose-gc',
      '--import',
      'tsx',
      ...argv,
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

/** Twenty snow-ice incidents at level I (drills); their task ids by the unit that owes them. */
async function twentyIncidents(url: string, duty: string, title: string): Promise<Map<string, string[]>> {
  const byUnit = new Map<string, string[]>();
  for (let i = 0; i < 20; i += 1) {
    const { incident } = await post(url, '/api/incidents', duty, {
      planId: 'snow-ice',
      levelId: 'I',
      title: `${title} ${i}`,
      drill: true,
      requestId: `${title}-${i}-${Math.round(now())}`,
    });
    const detail = (await (
      await fetch(`${url}/api/incidents/${incident.id}`, { headers: { cookie: duty } })
    ).json()) as { tasks: { id: string; unitId: string }[] };
    for (const t of detail.tasks) byUnit.set(t.unitId, [...(byUnit.get(t.unitId) ?? []), t.id]);
  }
  return byUnit;
}

// ── 2. durable acknowledgements ─────────────────────────────────────────────────────────────────────

async function ackProject() {
  step('project: acknowledgements');
  const server = await projectServer(tmp());
  const url = `http://127.0.0.1:${server.port}`;
  const duty = await login(url, 'duty');
  const byUnit = await twentyIncidents(url, duty, 'acks');
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

// ── 7. staff browsers: the browser's live module watching 20 incidents through an acknowledgement storm ──

// a browser has a heap of its own; here one heap holds every watcher's states, so its young generation is
// made large enough that one client's short-lived copies die young instead of forcing the others' full GCs
const staffChild = () => spawnChild('bench/staff.ts', {}, ['--max-semi-space-size=64']);
const STAFF_ACCOUNTS = ['duty', 'leader', 'director', 'commander', 'admin'];
/** acknowledgements in flight at once during the storm */
const STORM_IN_FLIGHT = 4;

async function staffBrowsers() {
  step(`staff browsers: ${CFG.staff} live modules and ${CFG.staff} bare sockets`);
  const server = await projectServer(tmp());
  const url = `http://127.0.0.1:${server.port}`;
  const duty = await login(url, 'duty');
  const byUnit = await twentyIncidents(url, duty, 'watched');
  const names = Array.from({ length: CFG.staff }, (_, i) => STAFF_ACCOUNTS[i % STAFF_ACCOUNTS.length]!);
  const browsers = await staffChild();
  const sockets = await staffChild();
  await browsers.call({ type: 'browsers', url, usernames: names });
  await sockets.call({ type: 'sockets', url, usernames: names });
  await new Promise((r) => setTimeout(r, 1000));
  await browsers.call({ type: 'arm' });
  await sockets.call({ type: 'arm' });

  step('staff browsers: the acknowledgement storm');
  const cookies = new Map(
    await Promise.all([...byUnit.keys()].map(async (u) => [u, await login(url, u)] as const)),
  );
  const queue = [...byUnit].flatMap(([unit, ids]) => ids.map((id) => ({ unit, id })));
  const confirmed = new Map<string, number>();
  let factBytes = 0;
  let refused = 0;
  let stormSeq = 0;
  const until = now() + CFG.staffSeconds * 1000;
  await Promise.all(
    Array.from({ length: STORM_IN_FLIGHT }, async () => {
      while (now() < until && queue.length > 0) {
        const { unit, id } = queue.splice(Math.floor(Math.random() * queue.length), 1)[0]!;
        const res = await fetch(`${url}/api/tasks/${encodeURIComponent(id)}/acknowledge`, {
          method: 'POST',
          headers: { cookie: cookies.get(unit)!, 'content-type': 'application/json' },
          body: JSON.stringify({ requestId: `storm-${(stormSeq += 1)}-${Math.round(now())}` }),
        });
        const answer = (await res.json()) as { facts?: unknown[] };
        if (res.status !== 200) {
          refused += 1;
          if (refused === 1) step(`storm: a refusal ${res.status} ${JSON.stringify(answer).slice(0, 200)}`);
          continue;
        }
        confirmed.set(id, now());
        // the fact as staff receive it: the acknowledgement alone (the answer's fact is the unit's cut, the same)
        factBytes = Math.max(factBytes, Buffer.byteLength(JSON.stringify(answer.facts?.[0] ?? {})));
      }
    }),
  );
  // wait until every watcher shows every confirmed acknowledgement (or three minutes have passed: the live
  // modules fold one after another here, where each browser would fold on its own)
  const keys = [...confirmed.keys()];
  const settle = now() + 180_000;
  while (now() < settle) {
    const [nb, ns] = await Promise.all([
      browsers.call<number>({ type: 'count', keys }),
      sockets.call<number>({ type: 'count', keys }),
    ]);
    if (nb === keys.length && ns === keys.length) break;
    await new Promise((r) => setTimeout(r, 250));
  }
  type Report = {
    shownAt: Record<string, number>[];
    foldMs: Record<string, number>[];
    requests: number;
    bytes: number;
  };
  const b = await browsers.call<Report>({ type: 'report' });
  const s = await sockets.call<Report>({ type: 'report' });
  await browsers.stop();
  await sockets.stop();
  await server.stop();
  // a watcher that never showed it makes the figure infinite, and the goal unmet
  const last = (per: (i: number, key: string) => number | undefined) =>
    keys.map((key) => {
      let worst = -Infinity;
      for (let i = 0; i < CFG.staff; i += 1) worst = Math.max(worst, per(i, key) ?? Infinity);
      return worst - confirmed.get(key)!;
    });
  return {
    acks: keys.length,
    refused,
    socket: last((i, k) => s.shownAt[i]?.[k]),
    // all the live modules share this machine's two cores in one process, each waiting for the others;
    // a browser runs on its own: its view shows the fact when the fact reaches it (the bare socket of the
    // same index measures that) plus the time its own fold and views took (measured in the live module)
    browser: last((i, k) => {
      const arrived = s.shownAt[i]?.[k];
      const fold = b.foldMs[i]?.[k];
      return arrived === undefined || fold === undefined ? undefined : arrived + fold;
    }),
    serialised: last((i, k) => b.shownAt[i]?.[k]),
    foldMs: b.foldMs.flatMap((w) => Object.values(w)),
    requests: b.requests,
    bytesPerAckPerClient: b.bytes / Math.max(1, keys.length) / CFG.staff,
    factBytes,
  };
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

/** The compressed bytes the first screen's scripts are served as: what the server sends for each encoding. */
interface Served {
  br: number;
  gzip: number;
}

/**
 * The scripts dist/…/index.html loads (its entry and the chunks it preloads), each counted as the server
 * sends it (server/http/static.ts): its precompressed sibling, `x.js.br` or `x.js.gz`, or the file itself
 * where the build kept none (a file too small to gain). The e2e test measures the whole page as Chromium
 * transfers it, headers, HTML, CSS and icon included.
 */
function firstScreenBytes(distDir: string): Served {
  const html = readFileSync(join(distDir, 'index.html'), 'utf8');
  const files = [...html.matchAll(/(?:src|href)="\/?(assets\/[^"]+\.js)"/g)].map((m) => join(distDir, m[1]!));
  const served = (f: string, suffix: string) =>
    readFileSync(existsSync(`${f}${suffix}`) ? `${f}${suffix}` : f).length;
  return {
    br: files.reduce((sum, f) => sum + served(f, '.br'), 0),
    gzip: files.reduce((sum, f) => sum + served(f, '.gz'), 0),
  };
}

/** The baseline's build has no precompression: its siblings are written here as the project's build writes them. */
function precompress(distDir: string): void {
  const html = readFileSync(join(distDir, 'index.html'), 'utf8');
  for (const [, file] of html.matchAll(/(?:src|href)="\/?(assets\/[^"]+\.js)"/g)) {
    const path = join(distDir, file!);
    const body = readFileSync(path);
    const br = brotliCompressSync(body, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
        [constants.BROTLI_PARAM_SIZE_HINT]: body.length,
      },
    });
    const gz = gzipSync(body, { level: 9 });
    if (br.length < body.length) writeFileSync(`${path}.br`, br);
    if (gz.length < body.length) writeFileSync(`${path}.gz`, gz);
  }
}

function emptyReactPage(): Served {
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
  precompress(join(dir, 'dist'));
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

if (runs('staff')) {
  const st = await staffBrowsers();
  rows.push({
    what: `staff browsers: ${CFG.staff} live modules watching 20 incidents, ${st.acks} acknowledgements (confirmed → the last view showing it)`,
    unit: 'ms',
    project: { median: median(st.browser), p99: pct(st.browser, 99) },
    baseline: { median: median(st.socket), p99: pct(st.socket, 99) },
    ratio: pct(st.browser, 99) / pct(st.socket, 99),
    goal: '≤ 1.5 × the bare socket fan-out of the same facts',
    met: pct(st.browser, 99) <= 1.5 * pct(st.socket, 99),
    note:
      `each live module's own fold + views: median ${median(st.foldMs).toFixed(2)} ms, p99 ${pct(st.foldMs, 99).toFixed(2)} ms; ` +
      `all ${CFG.staff} folding one after another in one process on this machine: p99 ${pct(st.serialised, 99).toFixed(0)} ms; ` +
      `${st.refused} acknowledgements refused`,
  });
  rows.push({
    what: 'staff browsers: requests per acknowledgement (all clients)',
    unit: 'requests',
    project: { median: st.requests / Math.max(1, st.acks), p99: NaN },
    baseline: { median: 0, p99: NaN },
    ratio: st.requests,
    goal: '0',
    met: st.requests === 0,
  });
  rows.push({
    what: 'staff browsers: bytes received per acknowledgement per client, against the fact’s own size',
    unit: 'bytes',
    project: { median: st.bytesPerAckPerClient, p99: NaN },
    baseline: { median: st.factBytes, p99: NaN },
    ratio: st.bytesPerAckPerClient / st.factBytes,
    goal: '≤ 2 × the fact',
    met: st.bytesPerAckPerClient <= 2 * st.factBytes,
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
    what: "first screen as served, brotli (Chromium's choice): the JavaScript index.html loads",
    unit: 'KB',
    project: { median: screen.br / 1024, p99: NaN },
    baseline: { median: emptyPage.br / 1024, p99: NaN },
    ratio: screen.br / emptyPage.br,
    goal: '≤ 120 KB',
    met: screen.br <= 120 * 1024,
  });
  rows.push({
    what: 'first screen as served, gzip (clients without brotli): the same files',
    unit: 'KB',
    project: { median: screen.gzip / 1024, p99: NaN },
    baseline: { median: emptyPage.gzip / 1024, p99: NaN },
    ratio: screen.gzip / emptyPage.gzip,
    goal: '≤ 170 KB',
    met: screen.gzip <= 170 * 1024,
  });
}

if (runs('exports')) {
  const { exportsBench } = await import('./exports.ts');
  const x = await exportsBench(quick ? 3 : 7);
  const base = { median: median(x.baseline), p99: Math.max(...x.baseline) };
  const size = `${x.tasks} tasks, ${x.notes.toLocaleString('en')} notes`;
  for (const [what, times, note] of [
    ['总结评估 report computed from the log (JSON)', x.review, ''],
    ['the same report as .docx', x.docx, `${(x.docxBytes / 1024).toFixed(0)} KB`],
    ['台账 rows', x.ledger, `${x.rows} rows`],
    ['台账 as .xlsx', x.xlsx, `${(x.xlsxBytes / 1024).toFixed(0)} KB`],
    ['台账 as CSV (UTF-8 with BOM)', x.csv, `${(x.csvBytes / 1024).toFixed(0)} KB`],
  ] as const) {
    rows.push({
      what: `exports: ${what}, one incident of ${size} (baseline: its state as JSON)`,
      unit: 'ms',
      project: { median: median([...times]), p99: Math.max(...times) },
      baseline: base,
      ratio: median([...times]) / base.median,
      goal: '≤ 2 s',
      met: Math.max(...times) <= 2000,
      ...(note ? { note } : {}),
    });
  }
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
