/**
 * One command decided: its target resolved to an incident, what the actor may not see answered as not found,
 * the engine's decision folded into the batch's working state, and the answer: a refusal with its audit
 * row, or the success reply. Nothing here writes; the pipeline commits what this returns.
 */
import { randomBytes } from 'node:crypto';
import { decide } from '../../shared/engine/decide.ts';
import type { Fresh } from '../../shared/engine/apply.ts';
import type { Actor, IncidentState, RefusalCode } from '../../shared/engine/incident.ts';
import { parseApiTaskId } from '../../shared/engine/taskId.ts';
import { dayKey } from '../../shared/engine/time.ts';
import { planById } from '../../shared/plans/index.ts';
import type { Plan } from '../../shared/plans/schema.ts';
import type { CommandReply, ErrorCode } from '../../shared/protocol/live.ts';
import { incidentSummary, taskAnswer } from '../../shared/views/incident.ts';
import type { CommitItem, IncidentRecord } from '../store/types.ts';
import type { IncidentMemory } from './memory.ts';
import { fold } from './memory.ts';
import { errorReply } from './replies.ts';
import { type CommandRequest, isSystem } from './request.ts';
import { canSeeIncident, isStaff, type Viewer, visibleTask } from './visibility.ts';

export interface Decided {
  item: CommitItem;
  reply: CommandReply;
}

/** What a batch has decided and not yet committed: its later commands are decided on it. */
export interface BatchWork {
  working: Map<string, IncidentState>;
  newRecords: IncidentRecord[];
  /** the task maps this batch made, which its folds may write into (shared/engine/apply.ts, Fresh) */
  fresh: Fresh;
}

/**
 * A fold or an answer failed after the batch's task maps were written: the working states the batch's
 * earlier commands left may hold part of this one, so the whole batch is answered UNAVAILABLE and nothing
 * of it is committed or applied (every command may be sent again with its requestId). Neither should ever
 * happen: apply throws only on an event before its incident, and the views are pure.
 */
export class TaintedBatch extends Error {}

export interface DecisionContext {
  memory: Pick<IncidentMemory, 'state'>;
  /** a tick of the committed state found nothing to do (ticking.ts keeps when to look again) */
  quietTick(incidentId: string, state: IncidentState, now: number): void;
}

/** Nobody reads a tick's answer. */
export const TICKED: CommandReply = { ok: true, status: 200, body: {} };

export function decideCommand(
  ctx: DecisionContext,
  req: CommandRequest,
  now: number,
  work: BatchWork,
): Decided {
  const refused = (code: RefusalCode | ErrorCode, zh: string, en: string) => refusal(req, now, code, zh, en);
  let incidentId: string;
  let record: IncidentRecord | undefined;
  let command = req.command;
  if ('newIncident' in req.target) {
    incidentId = `${dayKey(now).replaceAll('-', '')}-${randomBytes(3).toString('hex')}`;
    record = {
      id: incidentId,
      planId: req.target.newIncident.planId,
      place: req.target.newIncident.place,
      createdAt: now,
      createdBy: req.actor.id,
    };
    if (command.type === 'declare' || command.type === 'open') command = { ...command, incidentId };
  } else if ('incidentId' in req.target) {
    incidentId = req.target.incidentId;
  } else {
    const parsed = parseApiTaskId(req.target.apiTaskId);
    if (!parsed)
      return refused('NOT_FOUND', `没有任务 ${req.target.apiTaskId}`, `No task ${req.target.apiTaskId}`);
    incidentId = parsed.incidentId;
  }
  const committed = ctx.memory.state(incidentId);
  const state = work.working.get(incidentId) ?? committed ?? null;
  const planId = record?.planId ?? state?.planId;
  const plan = planId ? planById(planId) : undefined;
  const hidden = hiddenFrom(req, state);
  if (hidden) return refused('NOT_FOUND', hidden.zh, hidden.en);
  if (!plan) {
    return record
      ? refused('INVALID', `没有预案“${record.planId}”`, `No plan "${record.planId}"`)
      : refused('NOT_FOUND', `没有事件 ${incidentId}`, `No incident ${incidentId}`);
  }
  // the actor as the engine knows it: the system (the scheduler) by its own role, never by a name
  const actor: Actor = isSystem(req.actor)
    ? { userId: req.actor.id, role: 'system' }
    : {
        userId: req.actor.id,
        role: req.actor.role,
        ...(req.actor.unitId ? { unitId: req.actor.unitId } : {}),
      };
  const decision = decide(plan, state, command, {
    actor,
    now,
    ...(req.expectedVersion !== undefined ? { expectedVersion: req.expectedVersion } : {}),
  });
  if (!decision.ok)
    return refused(decision.refusal.code, decision.refusal.message.zh, decision.refusal.message.en);
  let next = state;
  let events: CommitItem['events'];
  let reply: CommandReply | null = null;
  const tick = command.type === 'tick';
  try {
    events = decision.events.map((event) => {
      next = fold(plan, next, event, work.fresh);
      return { version: next.version, event };
    });
    // the answer is made before the batch's working state is set (TaintedBatch says what a failure here does)
    if (next) reply = tick || isSystem(req.actor) ? TICKED : successReply(plan, next, req.actor, req);
  } catch (err) {
    throw new TaintedBatch(err instanceof Error ? err.message : String(err));
  }
  // no state and nothing decided: there is nothing to write either
  if (!next || !reply)
    return { item: { events: [] }, reply: errorReply('NOT_FOUND', '没有该事件', 'No such incident') };
  const item: CommitItem = { events, ...(record ? { incident: record } : {}) };
  work.working.set(incidentId, next);
  if (record) work.newRecords.push(record);
  // a tick of the committed state that found nothing to do need not be repeated until the time quietUntil
  // names, unless the state changes first
  if (tick && events.length === 0 && state === committed) ctx.quietTick(incidentId, next, now);
  return { item, reply };
}

/** A refusal: its answer, and its row in the audit trail (who tried what, and why it was refused). */
function refusal(
  req: CommandRequest,
  now: number,
  code: RefusalCode | ErrorCode,
  zh: string,
  en: string,
): Decided {
  return {
    reply: errorReply(code, zh, en),
    item: {
      events: [],
      audit: {
        at: now,
        userId: req.actor.id,
        role: req.actor.role,
        unitId: req.actor.unitId,
        command: req.name,
        target:
          'incidentId' in req.target
            ? req.target.incidentId
            : 'apiTaskId' in req.target
              ? req.target.apiTaskId
              : null,
        code,
        // the audit row is a record, not an answer: one line, Chinese first
        message: `${zh} / ${en}`,
      },
    },
  };
}

/**
 * What a unit may not see answers exactly as what does not exist: an incident of a plan it does not serve,
 * and a task that is not its own, are "not found", so no answer tells a unit what other units were given.
 */
function hiddenFrom(req: CommandRequest, state: IncidentState | null): { zh: string; en: string } | null {
  const actor = req.actor;
  if (isSystem(actor) || isStaff(actor) || 'newIncident' in req.target) return null;
  if ('apiTaskId' in req.target) {
    const id = req.target.apiTaskId;
    return visibleTask(actor, state, parseApiTaskId(id)?.taskId)
      ? null
      : { zh: `没有任务 ${id}`, en: `No task ${id}` };
  }
  const id = req.target.incidentId;
  return state && canSeeIncident(actor, state.planId)
    ? null
    : { zh: `没有事件 ${id}`, en: `No incident ${id}` };
}

function successReply(plan: Plan, state: IncidentState, viewer: Viewer, req: CommandRequest): CommandReply {
  if ('apiTaskId' in req.target) {
    const task = state.tasks[parseApiTaskId(req.target.apiTaskId)?.taskId ?? ''];
    return {
      ok: true,
      status: 200,
      body: {
        task: task ? taskAnswer(state, task) : null,
        incident: { id: state.id, version: state.version, status: state.status },
      },
    };
  }
  const status = 'newIncident' in req.target ? (state.pending ? 202 : 201) : state.pending ? 202 : 200;
  return { ok: true, status, body: { incident: incidentSummary(plan, state, viewer) } };
}
