/**
 * The load generator, in its own process: thousands of socket.io-client connections to one server (the
 * project's or the bare baseline), driven over IPC by bench/run.ts. It keeps each connection's position
 * with the project's own resync rule (LiveFeed) and timestamps what it receives with the wall clock, which
 * every process on the machine shares.
 */
import { io, type Socket } from 'socket.io-client';
import { LiveFeed } from '../shared/protocol/feed.ts';
import type { Fact, SyncReply } from '../shared/protocol/live.ts';

const now = () => performance.timeOrigin + performance.now();

interface Conn {
  socket: Socket;
  feed: LiveFeed;
  /** [time, position] from the moment the orchestrator arms the recorder */
  log: [number, number][];
  connects: number[];
  seen: Set<string>;
  /** the packet being applied, and the last one that brought a declaration's tasks */
  packet: Fact[];
  declared: Fact[];
}

let conns: Conn[] = [];
let armed = false;
const fanout = new Map<string, { count: number; first: number; last: number; bytes: number[] }>();

function open(url: string, cookie: string | undefined, room: number | undefined): Promise<Conn> {
  return new Promise((resolve, reject) => {
    const socket = io(url, {
      transports: ['websocket'],
      ...(cookie ? { extraHeaders: { cookie } } : {}),
      ...(room !== undefined ? { query: { room: String(room) } } : {}),
      reconnectionDelay: 1000,
      reconnectionDelayMax: 5000,
    });
    const c: Conn = {
      socket,
      feed: new LiveFeed(0, () => {}),
      log: [],
      connects: [],
      seen: new Set(),
      packet: [],
      declared: [],
    };
    c.feed = new LiveFeed(0, (f: Fact) => onFact(c, f));
    const record = () => {
      if (armed) c.log.push([now(), c.feed.position]);
    };
    socket.on('facts', (facts: Fact[]) => {
      c.packet = facts;
      c.feed.receive(facts);
      record();
    });
    let first = true;
    socket.on('connect', async () => {
      if (armed) c.connects.push(now());
      let more = true;
      while (more && socket.connected) {
        const after = c.feed.beginSync();
        try {
          const reply = (await socket.timeout(30_000).emitWithAck('sync', { after })) as SyncReply;
          more = c.feed.endSync(reply);
        } catch {
          c.feed.abortSync();
          return;
        }
      }
      record();
      if (first) {
        first = false;
        resolve(c);
      }
    });
    socket.on('connect_error', (e) => {
      if (first) reject(e);
    });
  });
}

function onFact(c: Conn, f: Fact) {
  const e = f.event;
  if (e.type !== 'TasksAssigned' || c.seen.has(e.incidentId)) return;
  c.seen.add(e.incidentId);
  c.declared = c.packet;
  const t = now();
  const rec = fanout.get(e.incidentId) ?? { count: 0, first: t, last: t, bytes: [] };
  rec.count += 1;
  rec.last = t;
  if (rec.bytes.length < 50) rec.bytes.push(JSON.stringify(c.packet).length);
  fanout.set(e.incidentId, rec);
}

const until = async (ok: () => boolean, timeoutMs: number) => {
  const end = Date.now() + timeoutMs;
  while (!ok()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 5));
  }
};

type Msg =
  | { id: number; type: 'connect'; url: string; specs: { cookie?: string; room?: number }[] }
  | { id: number; type: 'fanout'; incidentId: string; expected: number; packets?: number }
  | { id: number; type: 'storm'; durationMs: number; tasks: string[][] | null }
  | { id: number; type: 'arm' }
  | { id: number; type: 'awaitSync'; target: number; since: number; timeoutMs: number }
  | { id: number; type: 'close' }
  | { type: 'stop' };

async function handle(m: Msg): Promise<unknown> {
  switch (m.type) {
    case 'connect': {
      const t = now();
      for (let i = 0; i < m.specs.length; i += 100)
        conns.push(
          ...(await Promise.all(m.specs.slice(i, i + 100).map((s) => open(m.url, s.cookie, s.room)))),
        );
      return { ms: now() - t, connected: conns.length };
    }
    case 'fanout': {
      await until(() => (fanout.get(m.incidentId)?.count ?? 0) >= m.expected, 60_000);
      const r = fanout.get(m.incidentId)!;
      return {
        first: r.first,
        last: r.last,
        bytes: r.bytes.reduce((a, b) => a + b, 0) / r.bytes.length,
        // the packets the first `packets` connections received, for the baseline to send the same
        packets: conns.slice(0, m.packets ?? 0).map((c) => c.declared),
      };
    }
    case 'storm': {
      const latencies: number[] = [];
      let errors = 0;
      const end = now() + m.durationMs;
      await Promise.all(
        conns.map(async (c, i) => {
          const own = m.tasks?.[i] ?? [];
          let k = 0;
          while (now() < end) {
            const taskId = own.length > 0 ? own[k % own.length]! : '';
            const requestId = `b${i}-${k}-${Math.random().toString(36).slice(2)}`;
            const cmd =
              own.length === 0
                ? { type: 'acknowledge', requestId }
                : k < own.length
                  ? { type: 'acknowledge', taskId, requestId }
                  : { type: 'report', taskId, requestId, note: '进展', done: false };
            k += 1;
            const t = now();
            try {
              const reply = (await c.socket.timeout(10_000).emitWithAck('command', cmd)) as {
                status: number;
              };
              if (reply.status === 200) latencies.push(now() - t);
              else errors += 1;
            } catch {
              errors += 1;
            }
          }
        }),
      );
      return { latencies, errors };
    }
    case 'arm':
      armed = true;
      for (const c of conns) {
        c.log = [];
        c.connects = [];
      }
      return {};
    case 'awaitSync': {
      const reached = (c: Conn) =>
        m.target > 0
          ? c.log.find(([t, p]) => t >= m.since && p >= m.target)?.[0]
          : c.connects.find((t) => t >= m.since);
      await until(() => conns.every((c) => reached(c) !== undefined), m.timeoutMs);
      return { times: conns.map((c) => reached(c)! - m.since) };
    }
    case 'close':
      for (const c of conns) c.socket.close();
      conns = [];
      return {};
  }
}

process.on('message', (m: Msg) => {
  if (m.type === 'stop') process.exit(0); // cleanly, so that a CPU profile is written
  handle(m).then(
    (result) => process.send?.({ id: m.id, result }),
    (e: unknown) => process.send?.({ id: m.id, error: String(e) }),
  );
});
process.send?.({ type: 'ready' });
