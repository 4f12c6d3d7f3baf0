/** A real server on port 0 over a real SQLite file, and real HTTP and socket.io clients, for the live tests. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { io, type Socket } from 'socket.io-client';
import { LiveFeed } from '../../shared/protocol/feed.ts';
import type {
  ClientToServer,
  CommandReply,
  Fact,
  ServerToClient,
  SocketCommand,
  SyncReply,
} from '../../shared/protocol/live.ts';
import { type RunningServer, type ServerOptions, startServer } from '../../server/main.ts';
import type { IncidentState } from '../../shared/engine/incident.ts';
import { planById } from '../../shared/plans/index.ts';
import { incidentSummary } from '../../shared/views/incident.ts';
import type { Viewer } from '../../shared/views/viewer.ts';

export const tempDir = () => mkdtempSync(join(tmpdir(), 'epc-'));

export function boot(dataDir = tempDir(), opts: Partial<ServerOptions> = {}): Promise<RunningServer> {
  return startServer({ port: 0, host: '127.0.0.1', dataDir, production: false, ...opts });
}

let counter = 0;
export const rid = (label = 'r') => `${label}-${process.pid}-${Date.now()}-${++counter}`;

export interface Answer<T = Record<string, unknown>> {
  status: number;
  body: T;
}

export class Client {
  constructor(
    public base: string,
    public cookie: string,
    public readonly username: string,
  ) {}

  static async login(base: string, username: string, password = 'demo'): Promise<Client> {
    const res = await fetch(`${base}/api/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password }),
    });
    if (res.status !== 200) throw new Error(`login ${username}: ${res.status} ${await res.text()}`);
    const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    return new Client(base, cookie, username);
  }

  async request<T = Record<string, any>>(method: string, path: string, body?: unknown): Promise<Answer<T>> {
    const res = await fetch(`${this.base}${path}`, {
      method,
      headers: { cookie: this.cookie, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
    });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : {} };
  }
  get<T = Record<string, any>>(path: string) {
    return this.request<T>('GET', path);
  }
  post<T = Record<string, any>>(path: string, body: unknown) {
    return this.request<T>('POST', path, body);
  }

  /** An incident's whole log as this user may see it, read a page at a time (newest page first). */
  async allFacts(incidentId: string): Promise<Fact[]> {
    const pages: Fact[][] = [];
    let before = '';
    for (;;) {
      const page = await this.get<{ facts: Fact[]; from: number; more: boolean }>(
        `/api/incidents/${incidentId}/events?limit=1000${before}`,
      );
      if (page.status !== 200) throw new Error(`events of ${incidentId}: ${page.status}`);
      pages.unshift(page.body.facts);
      if (!page.body.more) return pages.flat();
      before = `&before=${page.body.from}`;
    }
  }

  async live(position = 0): Promise<LiveClient> {
    const c = new LiveClient(this, position);
    await c.connected();
    return c;
  }
}

/** A socket.io client that keeps its own position and resyncs on every (re)connection. */
export class LiveClient {
  readonly facts: Fact[] = [];
  readonly socket: Socket<ServerToClient, ClientToServer>;
  readonly feed: LiveFeed;
  private synced = 0;

  constructor(
    public client: Client,
    position: number,
  ) {
    this.feed = new LiveFeed(position, (f) => this.facts.push(f));
    this.socket = io(client.base, {
      extraHeaders: { cookie: client.cookie },
      transports: ['websocket'],
      reconnectionDelay: 100,
      reconnectionDelayMax: 500,
    });
    this.socket.on('facts', (f) => this.feed.receive(f));
    this.socket.on('connect', () => void this.sync());
  }

  private async sync(): Promise<void> {
    let more = true;
    while (more && this.socket.connected) {
      const after = this.feed.beginSync();
      try {
        const reply = (await this.socket.timeout(10_000).emitWithAck('sync', { after })) as SyncReply;
        more = this.feed.endSync(reply);
      } catch {
        this.feed.abortSync();
        return;
      }
    }
    this.synced += 1;
  }

  async connected(): Promise<void> {
    const at = this.synced;
    await until(() => this.synced > at, `${this.client.username} connected and synced`);
  }

  command(cmd: SocketCommand): Promise<CommandReply> {
    return this.socket.timeout(10_000).emitWithAck('command', cmd);
  }

  tasks(): string[] {
    return this.facts.flatMap((f) =>
      f.event.type === 'TasksAssigned' ? f.event.tasks.map((t) => `${f.event.incidentId}:${t.id}`) : [],
    );
  }

  close() {
    this.socket.close();
  }
}

export async function until(ok: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
  const start = Date.now();
  while (!ok()) {
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for: ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

/**
 * The incidents' summaries a client shows after the bootstrap (GET /api/incidents): computed from the states
 * with the shared view function, as the browser computes them, and the settled ones as the server gave them.
 */
export function summariesOf(body: Record<string, unknown>, viewer: Viewer): Record<string, any>[] {
  const bootstrap = body as { states: IncidentState[]; settled: ReturnType<typeof incidentSummary>[] };
  return [
    ...bootstrap.states.map((s) => incidentSummary(planById(s.planId)!, s, viewer)),
    ...bootstrap.settled,
  ];
}
