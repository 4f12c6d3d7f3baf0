/**
 * Starts the console: store → migrations → accounts (demo seed when empty) → incidents from disk → HTTP,
 * sockets and the scheduler on one port. Returns a handle the tests and `server/index.ts` share.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { seedDemo } from './auth/accounts.ts';
import { Sessions } from './auth/sessions.ts';
import { createApp } from './app.ts';
import { Directory } from './directory.ts';
import { IncidentService } from './live/incidents.ts';
import { startScheduler } from './live/scheduler.ts';
import { attachSockets, type LiveSockets } from './live/socket.ts';
import { ExportPool } from './exports/pool.ts';
import { openSqliteStore } from './store/sqlite.ts';
import { boundConnections } from './http/connections.ts';
import { bindHostCheck, hostCheck } from './http/headers.ts';
import { Gate, type RateLimits } from './live/gate.ts';
import { CONNECTIONS, RATE } from '../shared/protocol/limits.ts';
import type { Store } from './store/types.ts';
import type { AttachmentLimits } from './http/attachments.ts';

export interface ServerOptions {
  port: number;
  dataDir: string;
  production: boolean;
  sessionTtlMs?: number;
  /** live sessions per account; LOGIN_LIMITS by mode when absent */
  sessionsPerUser?: number;
  loginAttempts?: number;
  loginWindowMs?: number;
  /** successful logins of one account a minute (the benchmarks sign in hundreds of watchers) */
  loginSuccesses?: number;
  /** how often the scheduler looks for due clocks; under a second so that each fires within one */
  tickMs?: number;
  host?: string;
  /** a tile server for the map (intranet or 天地图 with a key); without one the offline basemap is used */
  tileUrl?: string;
  tileAttribution?: string;
  /**
   * Express's `trust proxy`: set it ("loopback", an address) when TLS ends at a reverse proxy, so that
   * `X-Forwarded-Proto: https` marks the session cookie Secure
   */
  trustProxy?: string;
  /**
   * the Host names the console answers to, against DNS rebinding (ALLOWED_HOSTS); without it loopback,
   * this machine's name and its interfaces' addresses. A port in an entry is ignored.
   */
  allowedHosts?: string[];
  /**
   * The clock every decision, deadline and session reads. Only tests set it, to run a response at known
   * times (an acknowledgement on time, one late); time itself cannot be made to pass here.
   */
  now?: () => number;
  /** the bounds of shared/protocol/limits.ts, raised by the benchmarks (which measure the pipeline, not them) */
  limits?: {
    rate?: Partial<RateLimits>;
    connections?: Partial<typeof CONNECTIONS>;
    /** ATTACHMENTS' file size, daily quota and text length (the tests lower the quota) */
    attachments?: Partial<AttachmentLimits>;
  };
}

/** A start-up failure with a name: index.ts prints its message alone, on one line. */
export class StartError extends Error {}

export interface RunningServer {
  url: string;
  port: number;
  demo: boolean;
  store: Store;
  service: IncidentService;
  sockets: LiveSockets;
  /** TCP connections open now (the tests watch the caps with it) */
  openConnections(): number;
  close(): Promise<void>;
}

/** Demo mode: the default when nothing is configured. Production seeds nothing and refuses "demo". */
async function accountsMode(store: Store, production: boolean, now: () => number): Promise<boolean> {
  if (production) return false;
  if ((await store.countUsers()) === 0) {
    await seedDemo(store, now());
    await store.setMeta('mode', 'demo');
  }
  return (await store.getMeta('mode')) === 'demo';
}

export async function startServer(o: ServerOptions): Promise<RunningServer> {
  const store = openSqliteStore(o.dataDir);
  const now = o.now ?? (() => Date.now());
  const demo = await accountsMode(store, o.production, now);
  const service = await IncidentService.open(store, now);
  // sessions end sockets, and sockets need sessions: the hook is set once both exist
  let endSockets: LiveSockets['endSession'] = () => {};
  const sessions = new Sessions(store, {
    ttlMs: o.sessionTtlMs ?? 12 * 3600_000,
    demo,
    onEnd: (sessionId, why) => endSockets(sessionId, why),
    ...(o.sessionsPerUser ? { sessionsPerUser: o.sessionsPerUser } : {}),
  });
  const gate = new Gate({ ...RATE, ...o.limits?.rate });
  const connections = { ...CONNECTIONS, ...o.limits?.connections };
  const hosts = hostCheck(o.allowedHosts);
  const files = new ExportPool();
  const app = createApp({
    files,
    hosts,
    service,
    gate,
    sessions,
    directory: new Directory(store),
    store,
    map: { tileUrl: o.tileUrl ?? null, tileAttribution: o.tileAttribution ?? null },
    demo,
    now,
    ...(o.trustProxy ? { trustProxy: o.trustProxy } : {}),
    loginAttempts: o.loginAttempts ?? 10,
    loginWindowMs: o.loginWindowMs ?? 60_000,
    ...(o.loginSuccesses ? { loginSuccesses: o.loginSuccesses } : {}),
    ...(o.limits?.attachments ? { attachments: o.limits.attachments } : {}),
  });
  // connectionsCheckingInterval: how often Node looks for requests past their header and request timeouts
  const http = createServer({ connectionsCheckingInterval: 1000 }, app);
  bindHostCheck(http, hosts); // socket.io's handshake checks the same names (server/live/socket.ts)
  const tcp = boundConnections(http, connections, !o.trustProxy);
  const sockets = attachSockets(http, { sessions, service, gate, now, limits: connections });
  endSockets = sockets.endSession;
  await new Promise<void>((resolve, reject) => {
    // a port in use is an error to name, not an uncaught exception
    http.once('error', reject);
    http.listen(o.port, o.host ?? '0.0.0.0', () => {
      http.off('error', reject);
      resolve();
    });
  }).catch(async (err: unknown) => {
    await store.close();
    throw (err as { code?: string }).code === 'EADDRINUSE'
      ? new StartError(`端口 ${o.port} 已被占用 / Port ${o.port} is already in use`)
      : err;
  });
  const stopScheduler = startScheduler({ service, sessions, store, now, everyMs: o.tickMs ?? 250 });
  const port = (http.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    demo,
    store,
    service,
    sockets,
    openConnections: tcp.open,
    async close() {
      stopScheduler();
      await files.close();
      await sockets.io.close();
      await service.idle();
      await service.snapshot(true);
      await store.close();
    },
  };
}
