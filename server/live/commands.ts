/** One mapping from a validated command (REST or socket) to what the incident service executes. */
import type { Command } from '../../shared/engine/incident.ts';
import { isPlanId } from '../../shared/plans/index.ts';
import type { SocketCommand } from '../../shared/protocol/live.ts';
import type { CommandRequest } from './incidents.ts';
import type { Viewer } from './visibility.ts';

export function toRequest(actor: Viewer, cmd: SocketCommand): CommandRequest | { invalid: [string, string] } {
  const { requestId } = cmd;
  const base = { actor, requestId, name: cmd.type };
  switch (cmd.type) {
    case 'declare': {
      const { type: _t, requestId: _r, ...payload } = cmd;
      if (!isPlanId(cmd.planId)) return { invalid: [`没有预案“${cmd.planId}”`, `No plan "${cmd.planId}"`] };
      const command: Command = {
        type: 'declare',
        incidentId: '',
        planId: cmd.planId,
        levelId: cmd.levelId,
        title: cmd.title,
        ...(cmd.drill !== undefined ? { drill: cmd.drill } : {}),
        ...(cmd.reason !== undefined ? { reason: cmd.reason } : {}),
        ...(cmd.indicators !== undefined ? { readings: cmd.indicators as Record<string, never> } : {}),
        ...(cmd.assignees !== undefined ? { assignees: cmd.assignees } : {}),
        ...(cmd.occurredAt !== undefined ? { occurredAt: cmd.occurredAt } : {}),
      };
      return {
        ...base,
        target: { newIncident: { planId: cmd.planId, place: cmd.place ?? null } },
        command,
        payload,
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
    case 'milestone':
      return {
        ...base,
        target: { incidentId: cmd.incidentId },
        command: { type: 'recordMilestone', milestone: cmd.milestone, at: cmd.at },
        ...(cmd.expectedVersion !== undefined ? { expectedVersion: cmd.expectedVersion } : {}),
        payload: [cmd.milestone, cmd.at, cmd.expectedVersion],
      };
    case 'ack':
    case 'report': {
      const parsed = cmd.taskId.split(':');
      const taskId = parsed.slice(1).join(':');
      const command: Command =
        cmd.type === 'ack'
          ? { type: 'acknowledge', taskId }
          : { type: 'report', taskId, note: cmd.note, done: cmd.done };
      return {
        ...base,
        target: { apiTaskId: cmd.taskId },
        command,
        payload: cmd.type === 'ack' ? null : [cmd.note, cmd.done],
      };
    }
  }
}
