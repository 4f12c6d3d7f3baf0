/** The incident as the engine sees it: commands in, events (facts) out, state as a fold of events. */
import type { Milestone, PartyKind, PlanId, Role, Signer } from '../plans/schema.ts';
import type { Readings } from './readings.ts';
import type { Bilingual } from './text.ts';

export interface Actor {
  userId: string;
  /** `system` is the scheduler: it may only tick */
  role: Role | 'system';
  unitId?: string;
}

/**
 * An outside party bound to a role the plan names (a village, the plant, an expert, an insurer). It has no
 * account: staff record what it reports, on its behalf. `code` is the official division code of a village.
 */
export interface Party {
  kind: PartyKind;
  name: string;
  phone: string;
  code?: string;
}

/** Who a role is bound to: a member unit (it acts itself) or an outside party (staff act for it). */
export type Binding = { unitId: string } | { party: Party };

/** Where an incident is: a point, a member unit's seat, or a named area. */
export type Place =
  | { kind: 'point'; lat: number; lng: number; label?: string | undefined }
  | { kind: 'unit'; unitId: string }
  | { kind: 'area'; name: string };

/** What the duty officer knows at the first report (接报). */
export interface Opening {
  incidentId: string;
  planId: PlanId;
  title: string;
  drill?: boolean;
  /** what is known at the first report, in the officer's words */
  summary?: string;
  readings?: Readings;
  /** binds a role the plan names ("事故发生地区县政府") to the real unit for this incident */
  assignees?: Record<string, string>;
  occurredAt?: number;
  /** other milestones already known at the report (气象局发布雪情预警 at 06:10), by the plan's clocks */
  milestones?: Partial<Record<Milestone, number>>;
  place?: Place;
}

/**
 * The sections of the 总结评估 the office writes itself (《生产安全事故应急处置评估暂行办法》: 经验教训, 工作建议):
 * the rest of the report is computed from the log (shared/views/review.ts).
 */
export const REVIEW_SECTIONS = ['lessons', 'problems', 'suggestions'] as const;
export type ReviewSection = (typeof REVIEW_SECTIONS)[number];

/** A section as last written: the log keeps every earlier version. `edits` counts the versions written. */
export interface ReviewText {
  text: string;
  by: string;
  at: number;
  edits: number;
}

/** The office's part of the 总结评估 and its sign-off; once signed it no longer changes. */
export interface Review {
  sections: Partial<Record<ReviewSection, ReviewText>>;
  signedBy: string | null;
  signedAt: number | null;
}

/**
 * A written report (or any file) attached to a task's report: stored whole beside the log, in the same
 * transaction as the fact that names it; the fact carries what identifies it, never the bytes.
 */
export interface Attachment {
  fileId: string;
  name: string;
  type: string;
  size: number;
  sha256: string;
}

export type Command =
  /** 接报: the incident exists from the first report; obligations that run from it start now */
  | ({ type: 'open' } & Opening)
  /**
   * Puts a level in force or proposes it for signature. On an incident that does not exist yet it opens it
   * first (report and declaration in one step); on an open incident (graded, nothing in force) it declares.
   */
  | ({
      type: 'declare';
      incidentId: string;
      levelId: string;
      /** required when the chosen level differs from the one the readings recommend */
      reason?: string;
      readings?: Readings;
    } & Partial<Opening>)
  | { type: 'approve'; reason?: string }
  | { type: 'reject'; reason: string }
  /** 撤回: whoever proposed something takes it back before it is signed */
  | { type: 'withdraw'; reason?: string }
  /** binds (or rebinds) a role the plan names; open tasks move to the new holder */
  | { type: 'bind'; role: string; to: Binding }
  | { type: 'changeLevel'; levelId: string; reason: string }
  | { type: 'terminate'; reason: string }
  | { type: 'acknowledge'; taskId: string }
  | { type: 'report'; taskId: string; note: string; done: boolean; attachment?: Attachment }
  /** 总结评估: the office writes (or rewrites) one of its sections once the response has ended */
  | { type: 'writeReview'; section: ReviewSection; text: string }
  /** the director or commander signs the 总结评估 off; it is final after that */
  | { type: 'signReview' }
  | { type: 'recordMilestone'; milestone: Milestone; at: number }
  | { type: 'tick' };

export type CommandType = Command['type'];

export type TaskSource =
  { kind: 'action'; actionId: string } | { kind: 'clock'; clockId: string; day?: string };

export interface TaskSpec {
  id: string;
  source: TaskSource;
  /** who owes the task: a member unit, or a role the plan names while it is unbound or held by a party */
  unitId: string;
  /** the role the plan names, when the task is owed through one ("事故发生地区县政府" → 淄川区) */
  roleId?: string;
  /** the tier that introduced the action or clock */
  level: string;
  /**
   * `response`: owed while the response runs, closed undone when it ends; `after`: owed once it ends;
   * `report`: owed from the report whatever becomes of the response (事发后10分钟…, 24小时内书面报告) —
   * neither termination nor a level change closes it.
   */
  phase: 'response' | 'after' | 'report';
  dueAt: number | null;
}

/**
 * Open: assigned, acknowledged, inProgress. Ended: `done` (on time or late, by doneAt against dueAt);
 * `closed` undone because the response was terminated; `stoodDown` undone because a lower level no longer
 * carries it; `moved` because its role was bound to another holder, who got a new task for it.
 */
export type TaskStatus =
  'assigned' | 'acknowledged' | 'inProgress' | 'done' | 'stoodDown' | 'closed' | 'moved';

const OPEN_STATUSES: ReadonlySet<string> = new Set<TaskStatus>(['assigned', 'acknowledged', 'inProgress']);
/** A task still owed: assigned, acknowledged or in progress (not done, stood down or closed). */
export const isOpen = (t: { status: string }) => OPEN_STATUSES.has(t.status);

export interface Task extends TaskSpec {
  status: TaskStatus;
  assignedAt: number;
  acknowledgedAt?: number;
  doneAt?: number;
  overdueAt?: number;
  /** when it was closed, stood down or moved without being done */
  closedAt?: number;
  /** the task that took over, when the role moved to another holder */
  movedTo?: string;
  /**
   * The outside party that held the task's role while the task was owed: stamped when it is assigned or its
   * role is bound, and kept once it is done or closed, so the record names who did the work (or owed it)
   * even after the role is bound to someone else. Absent for a member unit's task and for a role never bound.
   */
  party?: Party;
  notes: { at: number; by: string; text: string; onBehalfOf?: string; attachment?: Attachment }[];
  /**
   * How many notes the task holds when `notes` keeps only the latest (a client's copy of the state,
   * shared/views/fold.ts); absent, `notes` is whole.
   */
  noteCount?: number;
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

/**
 * `open`: reported (接报) and being graded, no level in force, nothing proposed; `proposed`: a first level
 * waits for its signature; `active`: a level is in force; `terminated`: the response ended, or the incident
 * was closed without one.
 */
export type IncidentStatus = 'open' | 'proposed' | 'active' | 'terminated';

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
  /** who opened it and where it is (logs before these were in the event: from the incident's record) */
  createdBy: string | null;
  place: Place | null;
  summary: string;
  readings: Readings;
  recommended: string | null;
  /** roles bound to member units */
  assignees: Record<string, string>;
  /** roles bound to outside parties */
  parties: Record<string, Party>;
  milestones: Partial<Record<Milestone, number>>;
  /** milestones whose time nobody gave: the clocks run from the report's time, the record says 未填写 */
  assumedMilestones?: Milestone[];
  /** the true time of an assumed milestone, learnt afterwards: what the record says, not the clocks' start */
  learntMilestones?: Partial<Record<Milestone, number>>;
  tasks: Record<string, Task>;
  history: LevelChange[];
  /** the office's 总结评估 sections and sign-off; absent until a section is written */
  review?: Review;
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
      summary?: string;
      place?: Place;
      by?: string;
    }
  | { type: 'ReadingsAssessed'; readings: Readings; recommended: string | null }
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
  | { type: 'ProposalWithdrawn'; by: string; reason: string }
  | { type: 'RoleBound'; role: string; to: Binding; by: string }
  | { type: 'TasksMoved'; moves: { from: string; to: TaskSpec }[] }
  | { type: 'LevelSet'; levelId: string; by: string; signedBy: string | null; reason: string }
  | { type: 'Terminated'; by: string; signedBy: string | null; reason: string }
  | {
      type: 'MilestoneRecorded';
      milestone: Milestone;
      time: number;
      /**
       * Not given: the time is the report's, so the clocks that run from this milestone can start, but the
       * record must not present it as known (事发时间 not given at the report).
       */
      assumed?: true;
      /**
       * Given afterwards for an assumed milestone (补记事发时间): the record's time. The clocks keep the
       * start they ran from, so nothing assigned from it, then or later, moves.
       */
      learnt?: true;
    }
  | { type: 'TasksAssigned'; tasks: TaskSpec[] }
  | { type: 'TasksStoodDown'; taskIds: string[] }
  | { type: 'TaskAcknowledged'; taskId: string; by: string; onBehalfOf?: string }
  | {
      type: 'TaskReported';
      taskId: string;
      by: string;
      note: string;
      done: boolean;
      onBehalfOf?: string;
      attachment?: Attachment;
    }
  | { type: 'ReviewWritten'; section: ReviewSection; text: string; by: string }
  | { type: 'ReviewSigned'; by: string }
  | { type: 'TaskOverdue'; taskId: string };

export type IncidentEvent = EventBody & { incidentId: string; at: number };
export type EventType = IncidentEvent['type'];

export type RefusalCode = 'FORBIDDEN' | 'CONFLICT' | 'INVALID' | 'NOT_FOUND' | 'PLAN_RULE';
export interface Refusal {
  code: RefusalCode;
  message: Bilingual;
}

export type Decision = { ok: true; events: IncidentEvent[] } | { ok: false; refusal: Refusal };
