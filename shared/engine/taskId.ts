/**
 * The one grammar of task ids, built and read only here.
 * - Within an incident a task is `source@unit[@day]`: the action or clock it comes from, the unit (or role)
 *   that owes it, and for a daily clock the day (YYYY-MM-DD) it is owed for.
 * - Across incidents (the API, the socket, the browser) it is `incidentId:taskId`.
 * Incident ids hold no ':', sources and units no '@' or ':' (plan ids are `[a-z0-9-]`).
 */
export interface TaskIdParts {
  source: string;
  unitId: string;
  day?: string;
}

export function taskId(parts: TaskIdParts): string {
  return [parts.source, parts.unitId, ...(parts.day ? [parts.day] : [])].join('@');
}

export function parseTaskId(id: string): TaskIdParts {
  const [source = '', unitId = '', day] = id.split('@');
  return { source, unitId, ...(day ? { day } : {}) };
}

/** The unit (or role) a task is owed by, from its id alone: visibility needs no state. */
export const taskOwner = (id: string) => parseTaskId(id).unitId;

export const apiTaskId = (incidentId: string, id: string) => `${incidentId}:${id}`;

export function parseApiTaskId(id: string): { incidentId: string; taskId: string } | null {
  const at = id.indexOf(':');
  return at > 0 && at < id.length - 1 ? { incidentId: id.slice(0, at), taskId: id.slice(at + 1) } : null;
}
