/**
 * The live link: loads what the user may see over REST, then follows the server's facts over socket.io.
 * On every (re)connection it resyncs from the last sequence applied (LiveFeed), refreshes what the facts
 * touched, and sends the offline queue. Everything it learns goes into the store; React only reads it.
 */
import { io, type Socket } from 'socket.io-client';
import { LiveFeed } from '../../../shared/protocol/feed.ts';
import type {
  ClientToServer,
  CommandReply,
  Fact,
  ServerToClient,
  SyncReply,
} from '../../../shared/protocol/live.ts';
import { api, ApiError, errorText } from '../api.ts';
import { translate } from '../i18n.ts';
import {
  enqueue,
  flush,
  loadQueue,
  type QueuedCommand,
  saveQueue,
  type SendOutcome,
} from '../logic/outbox.ts';
import { useConsole } from '../store/index.ts';
import type { IncidentDetail, IncidentSummary, InboxTask, PlanSummary, User } from '../types.ts';
import { announceNewTasks } from './notify.ts';

let socket: Socket<ServerToClient, ClientToServer> | null = null;
let feed: LiveFeed | null = null;
let user: User | null = null;
const refreshTimers = new Map<string, ReturnType<typeof setTimeout>>();
let inboxTimer: ReturnType<typeof setTimeout> | null = null;
let offlineTimer: ReturnType<typeof setTimeout> | null = null;
let flushing = false;
/** StrictMode and quick re-logins start twice: only the latest start may open a socket. */
let generation = 0;

const store = () => useConsole.getState();

/** After this long without a connection, "reconnecting" becomes "offline since hh:mm". */
const OFFLINE_AFTER_MS = 4000;

async function refreshList(): Promise<number> {
  const { incidents, seq } = await api.get<{ incidents: IncidentSummary[]; seq: number }>('/api/incidents');
  store().setIncidents(incidents);
  for (const i of incidents) {
    if (i.status !== 'terminated' && !store().timelines[i.id]) void loadTimeline(i.id);
  }
  return seq;
}

export async function loadTimeline(incidentId: string): Promise<void> {
  try {
    const { facts } = await api.get<{ facts: Fact[] }>(
      `/api/incidents/${encodeURIComponent(incidentId)}/events`,
    );
    store().setTimeline(incidentId, facts);
  } catch {
    // the card shows what arrives live; the incident page loads the history again
  }
}

export async function refreshDetail(incidentId: string): Promise<IncidentDetail | null> {
  try {
    const detail = await api.get<IncidentDetail>(`/api/incidents/${encodeURIComponent(incidentId)}`);
    store().setDetail(detail);
    return detail;
  } catch {
    return null;
  }
}

async function refreshInbox(): Promise<void> {
  if (user?.role !== 'unit') return;
  try {
    const { tasks } = await api.get<{ tasks: InboxTask[] }>('/api/tasks');
    store().setInbox(tasks.sort((a, b) => b.assignedAt - a.assignedAt));
  } catch {
    // kept as it was; the next fact or reconnection refreshes it
  }
}

/** Many facts of one incident arrive together (a declaration): one refresh after the burst. */
function scheduleRefresh(incidentId: string) {
  if (refreshTimers.has(incidentId)) return;
  refreshTimers.set(
    incidentId,
    setTimeout(() => {
      refreshTimers.delete(incidentId);
      void refreshDetail(incidentId);
    }, 100),
  );
}

function scheduleInbox() {
  if (inboxTimer) return;
  inboxTimer = setTimeout(() => {
    inboxTimer = null;
    void refreshInbox();
  }, 100);
}

function onFact(fact: Fact) {
  store().addFact(fact);
  scheduleRefresh(fact.event.incidentId);
  if (user?.role === 'unit') {
    scheduleInbox();
    if (fact.event.type === 'TasksAssigned' && fact.event.tasks.length > 0)
      announceNewTasks(fact.event.tasks.length);
  }
}

/** One sync page; the server paces pages per account, so a RATE_LIMITED answer is waited out and asked again. */
async function syncPage(s: Socket<ServerToClient, ClientToServer>, after: number): Promise<SyncReply> {
  for (;;) {
    const reply = (await s.timeout(15_000).emitWithAck('sync', { after })) as SyncReply | CommandReply;
    if ('facts' in reply && Array.isArray(reply.facts)) return reply;
    const error = 'body' in reply && !reply.ok ? reply.body.error : null;
    if (error?.code !== 'RATE_LIMITED' || !s.connected) throw new Error('sync refused');
    const seconds = (error.details as { retryAfterSeconds?: number } | undefined)?.retryAfterSeconds ?? 1;
    await new Promise((r) => setTimeout(r, seconds * 1000));
  }
}

async function resync(s: Socket<ServerToClient, ClientToServer>) {
  let more = true;
  while (more && s.connected && feed) {
    const after = feed.beginSync();
    try {
      more = feed.endSync(await syncPage(s, after));
    } catch {
      feed?.abortSync();
      return;
    }
  }
  if (!s.connected) return;
  if (offlineTimer) clearTimeout(offlineTimer);
  store().setConnection('live', Date.now());
  // what changed while away came in the sync as facts, and each fact refreshes what it touched
  await flushOutbox();
}

export async function startLive(u: User): Promise<void> {
  stopLive();
  const gen = ++generation;
  user = u;
  store().setOutbox(loadQueue(localStorage, u.id));
  const [plans, seq] = await Promise.all([
    api.get<PlanSummary[]>('/api/plans'),
    refreshList().catch(() => 0),
    refreshInbox(),
  ]);
  if (gen !== generation) return;
  store().setPlans(plans);
  feed = new LiveFeed(seq, onFact);
  const s: Socket<ServerToClient, ClientToServer> = io({
    transports: ['websocket'],
    reconnectionDelay: 500,
    reconnectionDelayMax: 5000,
  });
  socket = s;
  s.on('facts', (f) => feed?.receive(f));
  s.on('connect', () => void resync(s));
  s.on('disconnect', () => {
    const since = Date.now();
    store().setConnection('reconnecting', since);
    if (offlineTimer) clearTimeout(offlineTimer);
    offlineTimer = setTimeout(() => {
      if (store().connection.status === 'reconnecting') store().setConnection('offline', since);
    }, OFFLINE_AFTER_MS);
  });
  s.on('session:end', ({ reason }) => {
    stopLive();
    store().setSession(null, store().demo, reason);
  });
}

export function stopLive(): void {
  socket?.close();
  socket = null;
  feed = null;
  user = null;
  for (const t of refreshTimers.values()) clearTimeout(t);
  refreshTimers.clear();
  if (offlineTimer) clearTimeout(offlineTimer);
  if (flushTimer) clearTimeout(flushTimer);
  flushTimer = null;
}

// ── task commands and the offline queue ─────────────────────────────────────────────────────────────

async function sendTaskCommand(cmd: QueuedCommand): Promise<SendOutcome> {
  const path = `/api/tasks/${encodeURIComponent(cmd.taskId)}/${cmd.kind}`;
  const body =
    cmd.kind === 'ack'
      ? { requestId: cmd.requestId }
      : { requestId: cmd.requestId, note: cmd.note ?? '', done: cmd.done ?? false };
  try {
    await api.post(path, body);
    return { kind: 'ok' };
  } catch (e) {
    // no answer, a restarting server or a lost session: keep it for the next connection
    if (e instanceof ApiError && (e.offline || e.status === 401 || e.status >= 500))
      return { kind: 'offline' };
    // the server paces this account: keep it and send it again when the server says
    if (e instanceof ApiError && e.status === 429)
      return { kind: 'later', retryAfterMs: e.retryAfterMs ?? 5000 };
    return { kind: 'refused', message: errorText(e, store().lang) };
  }
}

function persist(queue: QueuedCommand[], notice?: string | null) {
  if (user) saveQueue(localStorage, user.id, queue);
  store().setOutbox(queue, notice);
}

/**
 * Acknowledge or report a task. Offline, or when the request gets no answer, the command is queued and
 * "queued" is returned; a refusal by the server is thrown with its message.
 */
export async function taskCommand(cmd: QueuedCommand): Promise<'sent' | 'queued'> {
  if (store().connection.status !== 'live' || store().outbox.length > 0) {
    persist(enqueue(store().outbox, cmd));
    if (store().connection.status === 'live') void flushOutbox();
    return 'queued';
  }
  const outcome = await sendTaskCommand(cmd);
  if (outcome.kind === 'offline' || outcome.kind === 'later') {
    persist(
      enqueue(store().outbox, cmd),
      outcome.kind === 'later' ? pacedNotice(1, outcome.retryAfterMs) : undefined,
    );
    if (outcome.kind === 'later') flushLater(outcome.retryAfterMs);
    return 'queued';
  }
  if (outcome.kind === 'refused') throw new Error(outcome.message);
  scheduleInbox();
  return 'sent';
}

const pacedNotice = (n: number, ms: number) =>
  translate(store().lang, 'queuedPaced', { n, s: Math.ceil(ms / 1000) });

let flushTimer: ReturnType<typeof setTimeout> | null = null;
/** Sends the queue again once the server's pacing allows (one timer, however many commands waited). */
function flushLater(ms: number) {
  if (flushTimer) clearTimeout(flushTimer);
  flushTimer = setTimeout(() => {
    flushTimer = null;
    void flushOutbox();
  }, ms + 250);
}

export async function flushOutbox(): Promise<void> {
  if (flushing || store().outbox.length === 0) return;
  flushing = true;
  try {
    const lang = store().lang;
    const result = await flush(store().outbox, sendTaskCommand);
    // commands queued while the flush ran are kept behind what is left
    const added = store().outbox.filter(
      (q) => ![...result.sent, ...result.refused.map((r) => r.command), ...result.remaining].includes(q),
    );
    const left = [...result.remaining, ...added];
    const notice = result.refused[0]
      ? translate(lang, 'refusedQueued', { message: result.refused[0].message })
      : result.retryAfterMs !== undefined
        ? pacedNotice(left.length, result.retryAfterMs)
        : result.sent.length > 0
          ? translate(lang, 'sentAfterReconnect', { n: result.sent.length })
          : null;
    persist(left, notice);
    if (result.retryAfterMs !== undefined) flushLater(result.retryAfterMs);
    scheduleInbox();
  } finally {
    flushing = false;
  }
}
