/**
 * The live link of one signed-in user: it loads the plans and the bootstrap (states at a sequence), then
 * follows the server's facts over socket.io and folds each into the store with the engine's own `apply`.
 * No fact leads to a request: the summaries, the inbox, the matrix and the clocks are computed from the
 * folded states with the server's view functions. On every (re)connection it resyncs from the last sequence
 * applied (LiveFeed) and sends the offline queue. A command's answer is folded at once (`command`).
 *
 * Nothing here needs a page: the benchmark runs hundreds of these in Node against a real server.
 */
import type { ManagerOptions, Socket, SocketOptions } from 'socket.io-client';
import type { Answers, EngineCommand, Inputs, User } from '../../../shared/protocol/contract.ts';
import { LiveFeed } from '../../../shared/protocol/feed.ts';
import type {
  ClientToServer,
  CommandReply,
  Fact,
  ServerToClient,
  SyncReply,
} from '../../../shared/protocol/live.ts';
import {
  enqueue,
  flush,
  loadQueue,
  type QueuedCommand,
  saveQueue,
  type SendOutcome,
} from '../logic/outbox.ts';
import type { ConsoleStore, OutboxNotice } from '../store/index.ts';
import { ApiError, type Call, createCaller, errorText, type Transport } from './call.ts';
import { applyFacts, applyReply, bootstrap, loadState } from './fold.ts';

/** After this long without a connection, "reconnecting" becomes "offline since hh:mm". */
const OFFLINE_AFTER_MS = 4000;

type QueueStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

export interface LiveOptions {
  store: ConsoleStore;
  transport: Transport;
  /** where the offline queue is kept (localStorage in the page); none: the queue lives in memory only */
  storage?: QueueStorage | null;
  /** new tasks reached this unit (the page plays a tone and shows a notification) */
  onNewTasks?: (count: number) => void;
  /** socket.io options beyond the console's own (Node passes the cookie as a header) */
  socket?: Partial<ManagerOptions & SocketOptions>;
}

export class LiveClient {
  readonly call: Call;
  private socket: Socket<ServerToClient, ClientToServer> | null = null;
  private feed: LiveFeed | null = null;
  private user: User | null = null;
  /** facts the feed let through in this turn, folded together (one store update per packet) */
  private pending: Fact[] = [];
  private offlineTimer: ReturnType<typeof setTimeout> | null = null;
  private flushTimer: ReturnType<typeof setTimeout> | null = null;
  private flushing = false;
  /** StrictMode and quick re-logins start twice: only the latest start may open a socket */
  private generation = 0;
  /** incidents whose history was loaded (or is loading) in this session; the facts keep it after that */
  private readonly loadedTimelines = new Set<string>();

  constructor(private readonly opts: LiveOptions) {
    this.call = createCaller(opts.transport);
  }

  /** The socket.io connection, for measuring what it carries (null when stopped). */
  get link(): Socket<ServerToClient, ClientToServer> | null {
    return this.socket;
  }

  private get store() {
    return this.opts.store.getState();
  }

  async start(user: User): Promise<void> {
    this.stop();
    const gen = ++this.generation;
    this.user = user;
    if (this.opts.storage) this.store.setOutbox(loadQueue(this.opts.storage, user.id));
    const plans = await this.call('plans', {});
    const [full, boot] = await Promise.all([
      Promise.all(plans.map((p) => this.call('plan', { planId: p.id }))),
      this.call('incidents', {}),
    ]);
    if (gen !== this.generation) return;
    this.store.setLive({ plans, fullPlans: Object.fromEntries(full.map((p) => [p.id, p])) });
    bootstrap(this.opts.store, boot);
    // the dashboard's cards show each live incident's recent history (a unit's inbox shows none)
    if (user.role !== 'unit')
      for (const s of boot.states) if (s.status !== 'terminated') void this.loadTimeline(s.id);
    this.feed = new LiveFeed(boot.seq, (f) => this.pending.push(f));
    // socket.io loads with the live link, not with the login screen
    const { io } = await import('socket.io-client');
    if (gen !== this.generation) return;
    const s: Socket<ServerToClient, ClientToServer> = io(this.opts.transport.origin || undefined, {
      transports: ['websocket'],
      reconnectionDelay: 500,
      reconnectionDelayMax: 5000,
      ...this.opts.socket,
    });
    this.socket = s;
    s.on('facts', (facts) => {
      this.feed?.receive(facts);
      this.foldPending();
    });
    s.on('connect', () => {
      this.opts.transport.onOutcome?.(true);
      void this.resync(s);
    });
    // no answer at all (not a refusal by the server): the network is gone as far as this page can tell
    s.on('connect_error', (e) => {
      if ((e as { type?: string }).type === 'TransportError') this.opts.transport.onOutcome?.(false);
    });
    s.on('disconnect', () => this.lost());
    s.on('session:end', ({ reason }) => {
      this.stop();
      this.store.setSession(null, this.store.demo, reason);
    });
  }

  stop(): void {
    this.socket?.close();
    this.socket = null;
    this.feed = null;
    this.user = null;
    this.pending = [];
    this.loadedTimelines.clear();
    if (this.offlineTimer) clearTimeout(this.offlineTimer);
    if (this.flushTimer) clearTimeout(this.flushTimer);
    this.flushTimer = null;
  }

  /** The feed's facts of this turn, folded in one store update; a unit is told of tasks new to it. */
  private foldPending() {
    if (this.pending.length === 0) return;
    const facts = this.pending;
    this.pending = [];
    applyFacts(this.opts.store, facts);
    if (this.user?.role === 'unit') {
      const fresh = facts.reduce(
        (n, f) => n + (f.event.type === 'TasksAssigned' ? f.event.tasks.length : 0),
        0,
      );
      if (fresh > 0) this.opts.onNewTasks?.(fresh);
    }
  }

  /** Network gone: "reconnecting", then "offline since" (also called when the browser says it is offline). */
  lost(): void {
    const since = Date.now();
    if (this.store.connection.status === 'live' || this.store.connection.status === 'connecting')
      this.store.setConnection('reconnecting', since);
    if (this.offlineTimer) clearTimeout(this.offlineTimer);
    this.offlineTimer = setTimeout(() => {
      if (this.store.connection.status === 'reconnecting') this.store.setConnection('offline', since);
    }, OFFLINE_AFTER_MS);
  }

  /**
   * The network is back (the browser says so, or a request got an answer): reconnect at once rather than
   * after the backoff; a socket that never dropped means the link was live all along.
   */
  regained(): void {
    if (!this.socket) return;
    if (!this.socket.connected) this.socket.connect();
    else {
      // the socket outlived a short outage (its pings never missed): nothing to resync, but what was
      // queued meanwhile is sent now
      if (this.offlineTimer) clearTimeout(this.offlineTimer);
      this.store.setConnection('live', Date.now());
      void this.flushOutbox();
    }
  }

  /** One sync page; the server paces pages per account, so a RATE_LIMITED answer is waited out and asked again. */
  private async syncPage(s: Socket<ServerToClient, ClientToServer>, after: number): Promise<SyncReply> {
    for (;;) {
      const reply = (await s.timeout(15_000).emitWithAck('sync', { after })) as SyncReply | CommandReply;
      if ('facts' in reply && Array.isArray(reply.facts)) return reply;
      const error = 'body' in reply && !reply.ok ? reply.body.error : null;
      if (error?.code !== 'RATE_LIMITED' || !s.connected) throw new Error('sync refused');
      const seconds = (error.details as { retryAfterSeconds?: number } | undefined)?.retryAfterSeconds ?? 1;
      await new Promise((r) => setTimeout(r, seconds * 1000));
    }
  }

  private async resync(s: Socket<ServerToClient, ClientToServer>) {
    let more = true;
    while (more && s.connected && this.feed) {
      const feed = this.feed;
      const after = feed.beginSync();
      try {
        more = feed.endSync(await this.syncPage(s, after));
      } catch {
        feed.abortSync();
        return;
      } finally {
        this.foldPending();
      }
    }
    if (!s.connected) return;
    if (this.offlineTimer) clearTimeout(this.offlineTimer);
    this.store.setConnection('live', Date.now());
    await this.flushOutbox();
  }

  /** An incident's recent history for its timeline (loaded once per incident, then kept by the facts). */
  async loadTimeline(incidentId: string): Promise<void> {
    if (this.loadedTimelines.has(incidentId)) return;
    this.loadedTimelines.add(incidentId);
    try {
      const { facts } = await this.call('events', { incidentId });
      this.store.setTimeline(incidentId, facts);
    } catch {
      // the card shows what arrives live; the incident page asks again
      this.loadedTimelines.delete(incidentId);
    }
  }

  /** A settled incident's state, when its page is opened (the bootstrap gave its summary only). */
  async loadState(incidentId: string): Promise<'loaded' | 'missing' | 'failed'> {
    try {
      const { state } = await this.call('incidentState', { incidentId });
      loadState(this.opts.store, state);
      return 'loaded';
    } catch (e) {
      // no such incident, or none this user may see: the server answers both alike
      return e instanceof ApiError && e.status === 404 ? 'missing' : 'failed';
    }
  }

  /** An engine command: its answer's facts are folded at once, so the screen shows it before the feed does. */
  async command<N extends EngineCommand>(name: N, input: Inputs[N]): Promise<Answers[N]> {
    const answer = await this.call(name, input);
    applyReply(this.opts.store, answer.facts ?? []);
    return answer;
  }

  // ── task commands and the offline queue ───────────────────────────────────────────────────────────

  private async send(cmd: QueuedCommand): Promise<SendOutcome> {
    try {
      if (cmd.kind === 'acknowledge')
        await this.command('acknowledge', { taskId: cmd.taskId, requestId: cmd.requestId });
      else
        await this.command('report', {
          taskId: cmd.taskId,
          requestId: cmd.requestId,
          note: cmd.note ?? '',
          done: cmd.done ?? false,
        });
      return { kind: 'ok' };
    } catch (e) {
      // no answer, a restarting server or a lost session: keep it for the next connection
      if (e instanceof ApiError && (e.offline || e.status === 401 || e.status >= 500))
        return { kind: 'offline' };
      // the server paces this account: keep it and send it again when the server says
      if (e instanceof ApiError && e.status === 429)
        return { kind: 'later', retryAfterMs: e.retryAfterMs ?? 5000 };
      return { kind: 'refused', message: errorText(e, this.store.lang) };
    }
  }

  private persist(queue: QueuedCommand[], notice?: OutboxNotice | null) {
    if (this.user && this.opts.storage) saveQueue(this.opts.storage, this.user.id, queue);
    this.store.setOutbox(queue, notice);
  }

  /**
   * Acknowledge or report a task. Offline, or when the request gets no answer, the command is queued and
   * "queued" is returned; a refusal by the server is thrown with its message.
   */
  async taskCommand(cmd: QueuedCommand): Promise<'sent' | 'queued'> {
    const store = this.store;
    if (store.connection.status !== 'live' || store.outbox.length > 0) {
      this.persist(enqueue(store.outbox, cmd));
      if (store.connection.status === 'live') void this.flushOutbox();
      return 'queued';
    }
    const outcome = await this.send(cmd);
    if (outcome.kind === 'offline' || outcome.kind === 'later') {
      this.persist(
        enqueue(this.store.outbox, cmd),
        outcome.kind === 'later' ? this.pacedNotice(1, outcome.retryAfterMs) : undefined,
      );
      if (outcome.kind === 'later') this.flushLater(outcome.retryAfterMs);
      return 'queued';
    }
    if (outcome.kind === 'refused') throw new Error(outcome.message);
    return 'sent';
  }

  private pacedNotice(n: number, ms: number): OutboxNotice {
    return { key: 'queuedPaced', vars: { n, s: Math.ceil(ms / 1000) }, at: Date.now() };
  }

  /** Sends the queue again once the server's pacing allows (one timer, however many commands waited). */
  private flushLater(ms: number) {
    if (this.flushTimer) clearTimeout(this.flushTimer);
    this.flushTimer = setTimeout(() => {
      this.flushTimer = null;
      void this.flushOutbox();
    }, ms + 250);
  }

  async flushOutbox(): Promise<void> {
    if (this.flushing || this.store.outbox.length === 0) return;
    this.flushing = true;
    try {
      const result = await flush(this.store.outbox, (c) => this.send(c));
      // commands queued while the flush ran are kept behind what is left
      const handled = new Set([...result.sent, ...result.refused.map((r) => r.command), ...result.remaining]);
      const left = [...result.remaining, ...this.store.outbox.filter((q) => !handled.has(q))];
      const notice = result.refused[0]
        ? ({ key: 'refusedQueued', vars: { message: result.refused[0].message }, at: Date.now() } as const)
        : result.retryAfterMs !== undefined
          ? this.pacedNotice(left.length, result.retryAfterMs)
          : result.sent.length > 0
            ? ({ key: 'sentAfterReconnect', vars: { n: result.sent.length }, at: Date.now() } as const)
            : null;
      this.persist(left, notice);
      if (result.retryAfterMs !== undefined) this.flushLater(result.retryAfterMs);
    } finally {
      this.flushing = false;
    }
  }
}
