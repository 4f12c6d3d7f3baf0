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
import { openSqliteStore } from './store/sqlite.ts';
import type { Store } from './store/types.ts';

export interface ServerOptions {
  port: number;
  dataDir: string;
  production: boolean;
  sessionTtlMs?: number;
  loginAttempts?: number;
  loginWindowMs?: number;
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
}

export interface RunningServer {
  url: string;
  port: number;
  demo: boolean;
  store: Store;
  service: IncidentService;
  sockets: LiveSockets;
  close(): Promise<void>;
}

const now = () => Date.now();

/** Demo mode: the default when nothing is configured. Production seeds nothing and refuses "demo". */
async function accountsMode(store: Store, production: boolean): Promise<boolean> {
  if (production) return false;
  if ((await store.countUsers()) === 0) {
    await seedDemo(store, now());
    await store.setMeta('mode', 'demo');
  }
  return (await store.getMeta('mode')) === 'demo';
}

export async function startServer(o: ServerOptions): Promise<RunningServer> {
  const store = openSqliteStore(o.dataDir);
  const demo = await accountsMode(store, o.production);
  const service = await IncidentService.open(store, now);
  // sessions end sockets, and sockets need sessions: the hook is set once both exist
  let endSockets: LiveSockets['endSession'] = () => {};
  const sessions = new Sessions(store, {
    ttlMs: o.sessionTtlMs ?? 12 * 3600_000,
    demo,
    onEnd: (sessionId, why) => endSockets(sessionId, why),
  });
  const app = createApp({
    service,
    sessions,
    directory: new Directory(store),
    map: { tileUrl: o.tileUrl ?? null, tileAttribution: o.tileAttribution ?? null },
    demo,
    now,
    ...(o.trustProxy ? { trustProxy: o.trustProxy } : {}),
    loginAttempts: o.loginAttempts ?? 10,
    loginWindowMs: o.loginWindowMs ?? 60_000,
  });
  const http = createServer(app);
  const sockets = attachSockets(http, { sessions, service, now });
  endSockets = sockets.endSession;
  await new Promise<void>((resolve) => http.listen(o.port, o.host ?? '0.0.0.0', resolve));
  const stopScheduler = startScheduler({ service, sessions, now, everyMs: o.tickMs ?? 250 });
  const port = (http.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    demo,
    store,
    service,
    sockets,
    async close() {
      stopScheduler();
      await sockets.io.close();
      await service.idle();
      await service.snapshot(true);
      await store.close();
    },
  };
}
