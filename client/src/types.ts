/** The API's answers as the browser reads them (the server's views, see server/live/views.ts). */
import type { LevelChange, Pending, TaskStatus } from '../../shared/engine/incident.ts';
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
}

export interface IncidentSummary {
  id: string;
  planId: string;
  planTitle: Bilingual;
  title: string;
  drill: boolean;
  status: 'proposed' | 'active' | 'terminated' | 'rejected';
  level: string | null;
  levelName: Bilingual | null;
  levelColor: PlanSummary['levels'][number]['color'];
  highestLevel: string | null;
  pending: Pending | null;
  version: number;
  openedAt: number;
  declaredAt: number | null;
  place: Place | null;
  counts: {
    tasks: number;
    acknowledged: number;
    done: number;
    overdue: number;
    units: number;
    unitsAcknowledged: number;
  };
  nextDue: { taskId: string; title: Bilingual; clause: string; units: string[]; dueAt: number | null }[];
}

export interface TaskView {
  id: string;
  incidentId: string;
  unitId: string;
  unit: string;
  title: string;
  titleEn: string;
  clause: string;
  level: string;
  phase: 'response' | 'after';
  status: TaskStatus;
  dueAt: number | null;
  overdue: boolean;
  assignedAt: number;
  acknowledgedAt?: number;
  doneAt?: number;
  /** the latest few notes only, oldest first; the whole history is paged (NotesPage) */
  notes: Note[];
  /** how many notes the task holds in all */
  noteCount: number;
}

export interface Note {
  at: number;
  by: string;
  text: string;
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
  planId: string;
}

export interface IncidentDetail {
  incident: IncidentSummary & {
    readings: Record<string, number | boolean | number[]>;
    recommended: string | null;
    assignees: Record<string, string>;
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
}
