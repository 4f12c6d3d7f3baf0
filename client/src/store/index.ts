/**
 * One zustand store built from slices. The live client writes into it from outside React
 * (live/client.ts, live/fold.ts): the incidents' states it folds from the facts, and what the screens read
 * of them (the summaries and a unit's inbox, computed with the server's own view functions). Components only
 * read it and call the actions it offers. `createConsoleStore` makes more than one, for clients run in Node.
 */
import { useStore } from 'zustand';
import { createStore, type StateCreator } from 'zustand/vanilla';
import type { IncidentState } from '../../../shared/engine/incident.ts';
import type { Lang } from '../../../shared/engine/text.ts';
import type { Plan } from '../../../shared/plans/schema.ts';
import type { IncidentSummary, InboxTask, PlanSummary, User } from '../../../shared/protocol/contract.ts';
import type { DirectoryUnit } from '../../../shared/protocol/directory.ts';
import type { Fact } from '../../../shared/protocol/live.ts';
import type { QueuedCommand } from '../logic/outbox.ts';

export interface PrefsSlice {
  lang: Lang;
  toggleLang: () => void;
}

export interface SessionSlice {
  /** undefined while the first GET /api/session is under way */
  user: User | null | undefined;
  demo: boolean;
  /** why the last session ended while the page was open, shown on the login page */
  ended: 'logout' | 'expired' | 'replaced' | null;
  setSession: (user: User | null, demo: boolean, ended?: SessionSlice['ended']) => void;
}

export type ConnectionStatus = 'connecting' | 'live' | 'reconnecting' | 'offline';
export interface ConnectionSlice {
  connection: { status: ConnectionStatus; since: number | null };
  setConnection: (status: ConnectionStatus, at: number) => void;
}

/** Facts kept per incident for the timelines: the newest last. */
export const TIMELINE_MAX = 200;

export interface LiveSlice {
  plans: PlanSummary[];
  /** the whole plans, which the views of a state need (loaded at start) */
  fullPlans: Record<string, Plan>;
  /** the incidents this client follows, folded from the facts (a unit's: its own tasks only) */
  states: Record<string, IncidentState>;
  /** every incident's summary: computed from its state, or as the server gave it for a settled one */
  incidents: Record<string, IncidentSummary>;
  timelines: Record<string, Fact[]>;
  /** what the live client folded (live/fold.ts): states, the summaries and the inbox computed from them */
  setLive: (
    next: Partial<Pick<ConsoleState, 'plans' | 'fullPlans' | 'states' | 'incidents' | 'inbox' | 'timelines'>>,
  ) => void;
  setTimeline: (incidentId: string, facts: Fact[]) => void;
}

export interface InboxSlice {
  inbox: InboxTask[];
  setInbox: (tasks: InboxTask[]) => void;
}

/** What sending the queue came to, as words of the catalog (put in the user's language when shown). */
export interface OutboxNotice {
  key: 'queuedPaced' | 'refusedQueued' | 'sentAfterReconnect';
  vars: Record<string, string | number>;
  at: number;
}

export interface OutboxSlice {
  outbox: QueuedCommand[];
  /** the latest outcome of sending the queue, shown once */
  outboxNotice: OutboxNotice | null;
  setOutbox: (queue: QueuedCommand[], notice?: OutboxNotice | null) => void;
}

export interface DirectorySlice {
  /** null until first loaded */
  directory: DirectoryUnit[] | null;
  setDirectory: (units: DirectoryUnit[]) => void;
  setDirectoryUnit: (unit: DirectoryUnit) => void;
}

export type ConsoleState = PrefsSlice &
  SessionSlice &
  ConnectionSlice &
  LiveSlice &
  InboxSlice &
  OutboxSlice &
  DirectorySlice;
type Slice<T> = StateCreator<ConsoleState, [], [], T>;

const LANG_KEY = 'epc-lang';
const storedLang = (): Lang => {
  try {
    return globalThis.localStorage?.getItem(LANG_KEY) === 'en' ? 'en' : 'zh';
  } catch {
    return 'zh';
  }
};

const prefsSlice: Slice<PrefsSlice> = (set) => ({
  lang: storedLang(),
  toggleLang: () =>
    set((s) => {
      const lang = s.lang === 'zh' ? 'en' : 'zh';
      globalThis.localStorage?.setItem(LANG_KEY, lang);
      return { lang };
    }),
});

const sessionSlice: Slice<SessionSlice> = (set) => ({
  user: undefined,
  demo: false,
  ended: null,
  setSession: (user, demo, ended = null) => set({ user, demo, ended }),
});

const connectionSlice: Slice<ConnectionSlice> = (set) => ({
  connection: { status: 'connecting', since: null },
  setConnection: (status, at) =>
    set((s) => (s.connection.status === status ? {} : { connection: { status, since: at } })),
});

const liveSlice: Slice<LiveSlice> = (set) => ({
  plans: [],
  fullPlans: {},
  states: {},
  incidents: {},
  timelines: {},
  setLive: (next) => set(next),
  setTimeline: (incidentId, facts) =>
    set((s) => {
      // facts that arrived live while the history was loading are kept: merge by sequence
      const merged = new Map([...facts, ...(s.timelines[incidentId] ?? [])].map((f) => [f.seq, f]));
      const sorted = [...merged.values()].sort((a, b) => a.seq - b.seq).slice(-TIMELINE_MAX);
      return { timelines: { ...s.timelines, [incidentId]: sorted } };
    }),
});

const inboxSlice: Slice<InboxSlice> = (set) => ({
  inbox: [],
  setInbox: (inbox) => set({ inbox }),
});

const outboxSlice: Slice<OutboxSlice> = (set) => ({
  outbox: [],
  outboxNotice: null,
  setOutbox: (outbox, notice) => set(notice === undefined ? { outbox } : { outbox, outboxNotice: notice }),
});

const directorySlice: Slice<DirectorySlice> = (set) => ({
  directory: null,
  setDirectory: (directory) => set({ directory }),
  setDirectoryUnit: (unit) =>
    set((s) => ({ directory: (s.directory ?? []).map((u) => (u.unitId === unit.unitId ? unit : u)) })),
});

export function createConsoleStore() {
  return createStore<ConsoleState>()((...a) => ({
    ...prefsSlice(...a),
    ...sessionSlice(...a),
    ...connectionSlice(...a),
    ...liveSlice(...a),
    ...inboxSlice(...a),
    ...outboxSlice(...a),
    ...directorySlice(...a),
  }));
}
export type ConsoleStore = ReturnType<typeof createConsoleStore>;

/** The page's store. */
export const consoleStore = createConsoleStore();

/** The page's store as a hook (`useConsole((s) => s.incidents)`), with the store's own methods on it. */
export const useConsole = Object.assign(
  <T>(selector: (s: ConsoleState) => T): T => useStore(consoleStore, selector),
  consoleStore,
);
