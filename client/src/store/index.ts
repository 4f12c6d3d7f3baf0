/**
 * One zustand store built from slices. The socket and the API write into it from outside React
 * (live/connection.ts); components only read it and call the actions it offers.
 */
import { create, type StateCreator } from 'zustand';
import type { DirectoryUnit } from '../../../shared/protocol/directory.ts';
import type { Fact } from '../../../shared/protocol/live.ts';
import type { QueuedCommand } from '../logic/outbox.ts';
import type { IncidentDetail, IncidentSummary, InboxTask, Lang, PlanSummary, User } from '../types.ts';

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
  incidents: Record<string, IncidentSummary>;
  details: Record<string, IncidentDetail>;
  timelines: Record<string, Fact[]>;
  setPlans: (plans: PlanSummary[]) => void;
  setIncidents: (list: IncidentSummary[]) => void;
  setDetail: (detail: IncidentDetail) => void;
  setTimeline: (incidentId: string, facts: Fact[]) => void;
  addFact: (fact: Fact) => void;
}

export interface InboxSlice {
  inbox: InboxTask[];
  setInbox: (tasks: InboxTask[]) => void;
}

export interface OutboxSlice {
  outbox: QueuedCommand[];
  /** the latest outcome of sending the queue, shown once */
  outboxNotice: string | null;
  setOutbox: (queue: QueuedCommand[], notice?: string | null) => void;
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
  incidents: {},
  details: {},
  timelines: {},
  setPlans: (plans) => set({ plans }),
  setIncidents: (list) => set({ incidents: Object.fromEntries(list.map((i) => [i.id, i])) }),
  setDetail: (detail) =>
    set((s) => ({
      details: { ...s.details, [detail.incident.id]: detail },
      incidents: { ...s.incidents, [detail.incident.id]: detail.incident },
    })),
  setTimeline: (incidentId, facts) =>
    set((s) => {
      // facts that arrived live while the history was loading are kept: merge by sequence
      const merged = new Map([...facts, ...(s.timelines[incidentId] ?? [])].map((f) => [f.seq, f]));
      const sorted = [...merged.values()].sort((a, b) => a.seq - b.seq).slice(-TIMELINE_MAX);
      return { timelines: { ...s.timelines, [incidentId]: sorted } };
    }),
  addFact: (fact) =>
    set((s) => {
      const id = fact.event.incidentId;
      const list = [...(s.timelines[id] ?? []), fact].slice(-TIMELINE_MAX);
      return { timelines: { ...s.timelines, [id]: list } };
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

export const useConsole = create<ConsoleState>()((...a) => ({
  ...prefsSlice(...a),
  ...sessionSlice(...a),
  ...connectionSlice(...a),
  ...liveSlice(...a),
  ...inboxSlice(...a),
  ...outboxSlice(...a),
  ...directorySlice(...a),
}));
