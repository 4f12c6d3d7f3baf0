/**
 * A task's whole progress history, a page at a time, newest first. The task views carry only the latest
 * notes (NOTES.inView) so that no view grows with the number of reports; this route is where the rest is read.
 */
import { apiPath } from '../../shared/protocol/contract.ts';
import { Router } from 'express';
import { z } from 'zod';
import { NOTES } from '../../shared/protocol/limits.ts';
import type { IncidentService } from '../live/incidents.ts';
import { parseApiTaskId } from '../../shared/views/incident.ts';
import { type Viewer, visibleTask } from '../live/visibility.ts';
import { requireUser } from './auth.ts';
import { HttpError } from './errors.ts';
import { parseBody, pathParam } from './validate.ts';

/** A count from the query string: digits only ("1e3", "-1", "" and a repeated key are refused in words). */
const count = z
  .string()
  .regex(/^\d{1,9}$/, 'digits only, a whole number from 0')
  .transform(Number);

/**
 * The query as a page: not strict, because a query string often carries what the route does not read (a
 * cache-buster); only what it reads is checked.
 */
export const NotesQuery = z.object({
  offset: count.optional().default(0),
  limit: count.pipe(z.number().min(1).max(NOTES.pageMax)).optional().default(NOTES.pageDefault),
});

/**
 * The task if this viewer may read it. Staff read every task; a unit only its own, of a plan it serves. A
 * task it may not read and one that does not exist get the same answer, so the route tells nobody which
 * tasks other units hold.
 */
function readableTask(service: Pick<IncidentService, 'state'>, viewer: Viewer, apiTaskId: string) {
  const ref = parseApiTaskId(apiTaskId);
  const task = visibleTask(viewer, ref ? service.state(ref.incidentId) : undefined, ref?.taskId);
  if (!task) throw new HttpError('NOT_FOUND', `没有任务 ${apiTaskId}`, `No task ${apiTaskId}`);
  return task;
}

export function noteRoutes(service: Pick<IncidentService, 'state'>): Router {
  const r = Router();
  r.get(apiPath('notes'), (req, res) => {
    const viewer = requireUser(req);
    const { offset, limit } = parseBody(NotesQuery, req.query);
    const { notes } = readableTask(service, viewer, pathParam(req, 'taskId'));
    // offset counts from the newest note: the first page is always the latest (a report arriving between
    // two pages shifts the next one by a note; the client drops what it already holds)
    const end = Math.max(0, notes.length - offset);
    const page = notes.slice(Math.max(0, end - limit), end).reverse();
    res.json({ notes: page, total: notes.length, offset });
  });
  return r;
}
