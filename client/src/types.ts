/** The API's answers as the browser reads them (the server's views, see server/live/views.ts). */
import type { LevelChange, Party, Pending, TaskStatus } from '../../shared/engine/incident.ts';
import type { TaskCounts } from '../../shared/engine/progress.ts';
import type { PartyKind } from '../../shared/plans/schema.ts';
import type { Place } from '../../shared/protocol/live.ts';

export type Bilingual = { zh: string; en: string };
export type Lang = 'zh' | 'en';
export type Role = 'admin' | 'duty' | 'director' | 'commander' | 'unit' | 'leader';

export interface User {
  id: string;
  username: string;
  role: Role;
  unitId: string | null;
}

export interface PlanSummary {
  id: string;
  title: Bilingual;
  docNumber: string;
  issuer: string;
  issuedOn: string;
  levels: {
    id: string;
    name: Bilingual;
    color: 'blue' | 'yellow' | 'orange' | 'red' | null;
    signer: 'director' | 'commander' | null;
    liftSigner: 'director' | 'commander' | null;
  }[];
  units: { id: string; name: string; en: string; kind: string }[];
  /** the title of every action and clock by id; a task id's first '@'-part is one of these */
  taskTitles: Record<string, Bilingual>;
}

export interface IncidentSummary {
  id: string;
  planId: string;
  planTitle: Bilingual;
  title: string;
  drill: boolean;
  status: 'open' | 'proposed' | 'active' | 'terminated';
  level: string | null;
  levelName: Bilingual | null;
  levelColor: PlanSummary['levels'][number]['color'];
  highestLevel: string | null;
  pending: Pending | null;
  version: number;
  openedAt: number;
  declaredAt: number | null;
  place: Place | null;
  /** the engine's taskCounts (shared/engine/progress.ts), plus units */
  counts: TaskCounts & { units: number; unitsAcknowledged: number };
  nextDue: { taskId: string; title: Bilingual; clause: string; units: string[]; dueAt: number | null }[];
}

export interface TaskView {
  id: string;
  incidentId: string;
  unitId: string;
  unit: string;
  /** the unit's English name from the plan data */
  unitEn: string;
  title: string;
  titleEn: string;
  clause: string;
  level: string;
  phase: 'response' | 'after' | 'report';
  status: TaskStatus;
  dueAt: number | null;
  overdue: boolean;
  /** done after its deadline */
  late: boolean;
  assignedAt: number;
  acknowledgedAt?: number;
  doneAt?: number;
  /** when it was closed, stood down or moved undone */
  closedAt?: number;
  /** the role the plan names, when the task is owed through one */
  roleId?: string;
  /** false: its role is bound to no one yet (无人接收) */
  reached: boolean;
  movedTo?: string;
  /** the measure's whole text from its clause */
  detail?: string;
  /** the latest few notes only, oldest first; the whole history is paged (NotesPage) */
  notes: Note[];
  /** how many notes the task holds in all */
  noteCount: number;
}

export interface Note {
  at: number;
  by: string;
  text: string;
  /** recorded by staff for an outside party */
  onBehalfOf?: string;
}

/** GET /api/tasks/:taskId/notes: a page of a task's notes, newest first, `offset` counted from the newest. */
export interface NotesPage {
  notes: Note[];
  total: number;
  offset: number;
}

export interface InboxTask extends TaskView {
  incidentTitle: string;
  incidentStatus: IncidentSummary['status'];
  incidentDrill: boolean;
  incidentLevel: string | null;
  incidentLevelName: Bilingual | null;
  planId: string;
}

export interface IncidentDetail {
  incident: IncidentSummary & {
    summary: string;
    readings: Record<string, number | boolean | number[]>;
    recommended: string | null;
    assignees: Record<string, string>;
    parties: Record<string, Party>;
    roles: RoleView[];
    milestones: Record<string, number>;
    history: LevelChange[];
    createdBy: string | null;
  };
  tasks: TaskView[];
  clocks: {
    obligations: {
      taskId: string;
      clockId: string | null;
      unitId: string;
      dueAt: number;
      status: string;
      remainingMs: number;
    }[];
    waiting: { clockId: string; waitingFor: string }[];
  };
}

/** A role the plan names and who holds it for this incident (server/live/views.ts roleViews). */
export interface RoleView {
  id: string;
  name: string;
  en: string;
  bindsTo: { id: string; name: string }[];
  party?: PartyKind;
  holder: { unitId: string; name: string } | { party: Party } | null;
  openTasks: number;
}

export interface ActionBrief {
  id: string;
  level: string;
  unit: string | string[];
  unitIds: string[];
  title: string;
  titleEn: string;
  clause: string;
  detail: string;
  phase: 'response' | 'after';
  condition?: { text: string; clause: string; applies: 'yes' | 'no' | 'unknown' };
}

export interface Preview {
  levelId: string | null;
  signer: 'director' | 'commander' | null;
  added: ActionBrief[];
  stoodDown: ActionBrief[];
  /** termination only: the clocks that start when the response ends */
  owedAfter?: { id: string; title: string; titleEn: string; clause: string }[];
  /** a level only: roles its new measures or clocks name that no one holds yet (their tasks reach no one) */
  unbound?: { id: string; name: string; en: string }[];
  /** termination only: open response tasks it would close undone */
  closesUndone?: { tasks: number; overdue: number };
  /** termination only: reports owed from the occurrence, which termination does not release */
  staysOwed?: { title: Bilingual; clause: string; unit: string; dueAt: number | null; overdue: boolean }[];
}
