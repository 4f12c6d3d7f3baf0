/** One mapping from a validated command (REST or socket) to what the incident service executes. */
import type { Attachment, Binding, Command } from '../../shared/engine/incident.ts';
import { parseApiTaskId } from '../../shared/engine/taskId.ts';
import { isPlanId } from '../../shared/plans/index.ts';
import type { SocketCommand } from '../../shared/protocol/live.ts';
import { villageByCode } from '../divisions.ts';
import type { CommandRequest } from './incidents.ts';
import type { Viewer } from './visibility.ts';

/**
 * The binding as the engine takes it. A village must be one of 博山区's official 村（居）委会, by its code;
 * its name is taken from the list, so the record names it as the state does.
 */
function toBinding(
  to: Extract<SocketCommand, { type: 'bind' }>['to'],
): Binding | { invalid: [string, string] } {
  if ('unitId' in to) return { unitId: to.unitId };
  const { kind, name, phone, code } = to.party;
  if (kind === 'village') {
    const village = code ? villageByCode(code) : undefined;
    if (!village)
      return {
        invalid: [
          '请从博山区村（居）委会名单中选择村（社区）',
          'Choose the village from the official list of 博山区',
        ],
      };
    return { party: { kind, name: village.name, phone: phone.trim(), code: village.code } };
  }
  return { party: { kind, name: name.trim(), phone: phone.trim(), ...(code ? { code } : {}) } };
}

export function toRequest(actor: Viewer, cmd: SocketCommand): CommandRequest | { invalid: [string, string] } {
  const { requestId } = cmd;
  const base = { actor, requestId, name: cmd.type };
  switch (cmd.type) {
    case 'open': {
      const { type: _t, requestId: _r, ...payload } = cmd;
      if (!isPlanId(cmd.planId)) return { invalid: [`没有预案“${cmd.planId}”`, `No plan "${cmd.planId}"`] };
      const opening = {
        incidentId: '',
        planId: cmd.planId,
        title: cmd.title,
        ...(cmd.summary !== undefined ? { summary: cmd.summary } : {}),
        ...(cmd.drill !== undefined ? { drill: cmd.drill } : {}),
        ...(cmd.indicators !== undefined ? { readings: cmd.indicators as Record<string, never> } : {}),
        ...(cmd.assignees !== undefined ? { assignees: cmd.assignees } : {}),
        ...(cmd.occurredAt !== undefined ? { occurredAt: cmd.occurredAt } : {}),
        ...(cmd.milestones !== undefined ? { milestones: cmd.milestones } : {}),
        ...(cmd.place !== undefined ? { place: cmd.place } : {}),
      };
      // without a level the incident is only reported (接报); the level is declared once it is graded
      const command: Command =
        cmd.levelId === undefined
          ? { type: 'open', ...opening }
          : {
              type: 'declare',
              ...opening,
              levelId: cmd.levelId,
              ...(cmd.reason !== undefined ? { reason: cmd.reason } : {}),
            };
      return {
        ...base,
        target: { newIncident: { planId: cmd.planId, place: cmd.place ?? null } },
        command,
        payload,
      };
    }
    case 'declare':
      return {
        ...base,
        target: { incidentId: cmd.incidentId },
        command: {
          type: 'declare',
          incidentId: cmd.incidentId,
          levelId: cmd.levelId,
          ...(cmd.reason !== undefined ? { reason: cmd.reason } : {}),
          ...(cmd.indicators !== undefined ? { readings: cmd.indicators as Record<string, never> } : {}),
        },
        ...(cmd.expectedVersion !== undefined ? { expectedVersion: cmd.expectedVersion } : {}),
        payload: [cmd.levelId, cmd.reason, cmd.indicators, cmd.expectedVersion],
      };
    case 'withdraw':
      return {
        ...base,
        target: { incidentId: cmd.incidentId },
        command: { type: 'withdraw', ...(cmd.reason ? { reason: cmd.reason } : {}) },
        ...(cmd.expectedVersion !== undefined ? { expectedVersion: cmd.expectedVersion } : {}),
        payload: [cmd.reason, cmd.expectedVersion],
      };
    case 'bind': {
      const to = toBinding(cmd.to);
      if ('invalid' in to) return to;
      return {
        ...base,
        target: { incidentId: cmd.incidentId },
        command: { type: 'bind', role: cmd.role, to },
        ...(cmd.expectedVersion !== undefined ? { expectedVersion: cmd.expectedVersion } : {}),
        payload: [cmd.role, cmd.to, cmd.expectedVersion],
      };
    }
    case 'changeLevel':
      return {
        ...base,
        target: { incidentId: cmd.incidentId },
        command: { type: 'changeLevel', levelId: cmd.levelId, reason: cmd.reason },
        expectedVersion: cmd.expectedVersion,
        payload: [cmd.levelId, cmd.reason, cmd.expectedVersion],
      };
    case 'approve':
      return {
        ...base,
        target: { incidentId: cmd.incidentId },
        command: { type: 'approve', ...(cmd.reason ? { reason: cmd.reason } : {}) },
        ...(cmd.expectedVersion !== undefined ? { expectedVersion: cmd.expectedVersion } : {}),
        payload: [cmd.reason, cmd.expectedVersion],
      };
    case 'reject':
      return {
        ...base,
        target: { incidentId: cmd.incidentId },
        command: { type: 'reject', reason: cmd.reason },
        ...(cmd.expectedVersion !== undefined ? { expectedVersion: cmd.expectedVersion } : {}),
        payload: [cmd.reason, cmd.expectedVersion],
      };
    case 'terminate':
      return {
        ...base,
        target: { incidentId: cmd.incidentId },
        command: { type: 'terminate', reason: cmd.reason },
        expectedVersion: cmd.expectedVersion,
        payload: [cmd.reason, cmd.expectedVersion],
      };
    case 'recordMilestone':
      return {
        ...base,
        target: { incidentId: cmd.incidentId },
        command: { type: 'recordMilestone', milestone: cmd.milestone, at: cmd.at },
        ...(cmd.expectedVersion !== undefined ? { expectedVersion: cmd.expectedVersion } : {}),
        payload: [cmd.milestone, cmd.at, cmd.expectedVersion],
      };
    case 'writeReview':
      return {
        ...base,
        target: { incidentId: cmd.incidentId },
        command: { type: 'writeReview', section: cmd.section, text: cmd.text },
        payload: [cmd.section, cmd.text],
      };
    case 'signReview':
      return {
        ...base,
        target: { incidentId: cmd.incidentId },
        command: { type: 'signReview' },
        payload: null,
      };
    case 'acknowledge':
    case 'report': {
      const taskId = parseApiTaskId(cmd.taskId)?.taskId ?? '';
      const command: Command =
        cmd.type === 'acknowledge'
          ? { type: 'acknowledge', taskId }
          : { type: 'report', taskId, note: cmd.note, done: cmd.done };
      return {
        ...base,
        target: { apiTaskId: cmd.taskId },
        command,
        payload: cmd.type === 'acknowledge' ? null : [cmd.note, cmd.done],
      };
    }
  }
}

/**
 * An attached report (POST /api/tasks/:taskId/attachments) as the engine's `report` with its attachment. It
 * never comes over the socket (the bytes travel over HTTP only; the socket's `report` body is strict and
 * carries no attachment). What is asked is fingerprinted by the file's content and name, not by its new
 * random id, so a retry with the same requestId is recognised and stores nothing more.
 */
export function toAttachRequest(
  actor: Viewer,
  input: { taskId: string; note: string; done: boolean; requestId: string; attachment: Attachment },
): CommandRequest {
  const { fileId: _f, ...identity } = input.attachment;
  return {
    actor,
    requestId: input.requestId,
    name: 'attach',
    target: { apiTaskId: input.taskId },
    command: {
      type: 'report',
      taskId: parseApiTaskId(input.taskId)?.taskId ?? '',
      note: input.note,
      done: input.done,
      attachment: input.attachment,
    },
    payload: [input.note, input.done, identity],
  };
}
