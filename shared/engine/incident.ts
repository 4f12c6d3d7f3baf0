/** The incident as the engine sees it: commands in, events (facts) out, state as a fold of events. */
import type { Milestone, PlanId, Role, Signer } from '../plans/schema.ts';
import type { Readings } from './readings.ts';
import type { Bilingual } from './text.ts';

export interface Actor {
  userId: string;
  /** `system` is the scheduler: it may only tick */
  role: Role | 'system';
  unitId?: string;
}

export type Command =
  | {
      type: 'declare';
      incidentId: string;
      planId: PlanId;
      levelId: string;
      title: string;
      drill?: boolean;
      /** required when the chosen level differs from the one the readings recommend */
      reason?: string;
      readings?: Readings;
      /** binds a role the plan names ("事故发生地区县政府") to the real unit for this incident */
      assignees?: Record<string, string>;
      occurredAt?: number;
    }
  | { type: 'approve'; reason?: string }
  | { type: 'reject'; reason: string }
  | { type: 'changeLevel'; levelId: string; reason: string }
  | { type: 'terminate'; reason: string }
  | { type: 'acknowledge'; taskId: string }
  | { type: 'report'; taskId: string; note: string; done: boolean }
  | { type: 'recordMilestone'; milestone: Milestone; at: number }
  | { type: 'tick' };

export type CommandType = Command['type'];

export type TaskSource =
  { kind: 'action'; actionId: string } | { kind: 'clock'; clockId: string; day?: string };

export interface TaskSpec {
  id: string;
  source: TaskSource;
  unitId: string;
  /** the tier that introduced the action or clock */
  level: string;
  phase: 'response' | 'after';
  dueAt: number | null;
}

export type TaskStatus = 'assigned' | 'acknowledged' | 'inProgress' | 'done' | 'stoodDown' | 'closed';

const OPEN_STATUSES: ReadonlySet<string> = new Set<TaskStatus>(['assigned', 'acknowledged', 'inProgress']);
/** A task still owed: assigned, acknowledged or in progress (not done, stood down or closed). */
export const isOpen = (t: { status: string }) => OPEN_STATUSES.has(t.status);

export interface Task extends TaskSpec {
  status: TaskStatus;
  assignedAt: number;
  acknowledgedAt?: number;
  doneAt?: number;
  overdueAt?: number;
  notes: { at: number; by: string; text: string }[];
}

export interface Pending {
  kind: 'declare' | 'change' | 'terminate';
  levelId: string | null;
  signer: Exclude<Signer, null>;
  by: string;
  reason: string;
  at: number;
}

export interface LevelChange {
  at: number;
  from: string | null;
  to: string | null;
  by: string;
  signedBy: string | null;
  reason: string;
}

export type IncidentStatus = 'proposed' | 'active' | 'terminated' | 'rejected';

export interface IncidentState {
  id: string;
  planId: PlanId;
  title: string;
  drill: boolean;
  status: IncidentStatus;
  level: string | null;
  highestLevel: string | null;
  pending: Pending | null;
  version: number;
  openedAt: number;
  readings: Readings;
  recommended: string | null;
  assignees: Record<string, string>;
  milestones: Partial<Record<Milestone, number>>;
  tasks: Record<string, Task>;
  history: LevelChange[];
}

type EventBody =
  | {
      type: 'IncidentOpened';
      planId: PlanId;
      title: string;
      drill: boolean;
      readings: Readings;
      recommended: string | null;
      assignees: Record<string, string>;
    }
  | {
      type: 'LevelProposed';
      kind: 'declare' | 'change';
      levelId: string;
      signer: Exclude<Signer, null>;
      by: string;
      reason: string;
    }
  | { type: 'TerminationProposed'; signer: Exclude<Signer, null>; by: string; reason: string }
  | { type: 'ProposalRejected'; by: string; reason: string }
  | { type: 'LevelSet'; levelId: string; by: string; signedBy: string | null; reason: string }
  | { type: 'Terminated'; by: string; signedBy: string | null; reason: string }
  | { type: 'MilestoneRecorded'; milestone: Milestone; time: number }
  | { type: 'TasksAssigned'; tasks: TaskSpec[] }
  | { type: 'TasksStoodDown'; taskIds: string[] }
  | { type: 'TaskAcknowledged'; taskId: string; by: string }
  | { type: 'TaskReported'; taskId: string; by: string; note: string; done: boolean }
  | { type: 'TaskOverdue'; taskId: string };

export type IncidentEvent = EventBody & { incidentId: string; at: number };
export type EventType = IncidentEvent['type'];

export type RefusalCode = 'FORBIDDEN' | 'CONFLICT' | 'INVALID' | 'NOT_FOUND' | 'PLAN_RULE';
export interface Refusal {
  code: RefusalCode;
  message: Bilingual;
}

export type Decision = { ok: true; events: IncidentEvent[] } | { ok: false; refusal: Refusal };
