/**
 * Staff watchers for the benchmark, in their own process, driven over IPC by bench/run.ts. Two kinds:
 * - `browsers`: the browser's real live module (client/src/live/client.ts with its store and the shared view
 *   functions, through client/src/live/headless.ts), each signed in with its own session;
 * - `sockets`: bare socket.io clients with the same sessions, which only receive the facts (the fan-out
 *   baseline of the same facts in the same run).
 * For every acknowledgement each records when it was shown (browsers: once the fold and the summaries it
 * touched are computed; sockets: when the packet arrived), by the wall clock every process shares.
 */
import { io, type Socket } from 'socket.io-client';
import { type Headless, headless, signIn } from '../client/src/live/headless.ts';
import { apiTaskId, parseApiTaskId } from '../shared/engine/taskId.ts';
import type { Fact } from '../shared/protocol/live.ts';

const now = () => performance.timeOrigin + performance.now();
const send = (m: unknown) => process.send?.(m);

let browsers: Headless[] = [];
let sockets: Socket[] = [];
/**
 * Per watcher (by index), per acknowledged task ("incidentId:taskId"): when it was shown, and for a browser
 * how long its own fold and views of that packet took (the time its handler ran, not the wait for the others).
 */
let shownAt: Record<string, number>[] = [];
let foldMs: Record<string, number>[] = [];
let bytes = 0;

const ackKeys = (facts: Fact[]) =>
  facts.flatMap((f) =>
    f.event.type === 'TaskAcknowledged' ? [apiTaskId(f.event.incidentId, f.event.taskId)] : [],
  );

async function startBrowsers(url: string, usernames: string[]) {
  for (const u of usernames) {
    const h = await headless(url, u);
    const i = browsers.push(h) - 1;
    shownAt[i] = {};
    foldMs[i] = {};
    // the live client's own listener, timed: it folds the packet and computes the summaries it touched
    const link = h.live.link!;
    for (const own of link.listeners('facts')) {
      link.off('facts', own);
      link.on('facts', (facts: Fact[]) => {
        const t0 = now();
        own(facts);
        const t1 = now();
        for (const key of ackKeys(facts)) {
          const { incidentId, taskId } = parseApiTaskId(key)!;
          // recorded only once the store shows it
          if (h.store.getState().states[incidentId]?.tasks[taskId]?.acknowledgedAt === undefined) continue;
          shownAt[i]![key] = t1;
          foldMs[i]![key] = t1 - t0;
        }
      });
    }
  }
}

async function startSockets(url: string, usernames: string[]) {
  for (const u of usernames) {
    const { cookie } = await signIn(url, u);
    const s = io(url, { transports: ['websocket'], extraHeaders: { cookie } });
    const i = sockets.push(s) - 1;
    shownAt[i] = {};
    s.on('facts', (facts: Fact[]) => {
      const t = now();
      for (const key of ackKeys(facts)) shownAt[i]![key] = t;
    });
    await new Promise<void>((r) => s.once('connect', () => r()));
  }
}

process.on('message', async (m: { id: number; type: string; [k: string]: unknown }) => {
  try {
    let result: unknown = null;
    if (m.type === 'browsers') await startBrowsers(m.url as string, m.usernames as string[]);
    else if (m.type === 'sockets') await startSockets(m.url as string, m.usernames as string[]);
    else if (m.type === 'arm') {
      shownAt = shownAt.map(() => ({}));
      foldMs = foldMs.map(() => ({}));
      bytes = browsers.reduce((n, b) => n + b.received.bytes, 0);
      for (const b of browsers) b.requests.clear();
    } else if (m.type === 'count') {
      // how many of these acknowledgements every watcher has shown
      const keys = m.keys as string[];
      result = keys.filter((k) => shownAt.every((w) => w[k] !== undefined)).length;
    } else if (m.type === 'report') {
      const requests = browsers.reduce((n, b) => n + [...b.requests.values()].reduce((x, y) => x + y, 0), 0);
      result = {
        shownAt,
        foldMs,
        requests,
        bytes: browsers.reduce((n, b) => n + b.received.bytes, 0) - bytes,
      };
    } else if (m.type === 'stop') {
      for (const b of browsers) b.close();
      for (const s of sockets) s.close();
      browsers = [];
      sockets = [];
      setTimeout(() => process.exit(0), 50);
    }
    send({ id: m.id, result });
  } catch (err) {
    send({ id: m.id, error: err instanceof Error ? err.message : String(err) });
  }
});
send({ type: 'ready', port: 0 });
