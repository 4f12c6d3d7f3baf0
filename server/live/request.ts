/** A command as the transports (and the scheduler) hand it to the pipeline. */
import type { Command } from '../../shared/engine/incident.ts';
import type { Place } from '../../shared/protocol/live.ts';
import type { Viewer } from './visibility.ts';

/**
 * Who acts without an account: the scheduler, which may only tick (the engine refuses it anything else).
 * Its role is no user's role, so nothing a session carries can pose as it, and it is no administrator.
 */
export interface SystemActor {
  id: string;
  role: 'system';
  unitId: null;
}

/** A signed-in user, or the system. */
export type CommandActor = Viewer | SystemActor;

export const isSystem = (actor: CommandActor): actor is SystemActor => actor.role === 'system';

/** A command as the transports hand it over: already validated, with its target resolved to ids. */
export interface CommandRequest {
  actor: CommandActor;
  /** absent only for the scheduler's ticks */
  requestId?: string;
  /** the command's name and target, shown in the audit record */
  name: string;
  target:
    { incidentId: string } | { apiTaskId: string } | { newIncident: { planId: string; place: Place | null } };
  command: Command;
  expectedVersion?: number;
  /** what was asked, as JSON, so a reused requestId with other content is told apart */
  payload: unknown;
}
