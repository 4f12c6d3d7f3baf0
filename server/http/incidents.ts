/** Incident and task routes: thin. Validate, map to a command, let the service decide, answer its reply. */
import { type Response, Router } from 'express';
import { z } from 'zod';
import { planById } from '../../shared/plans/index.ts';
import { EVENTS_PAGE } from '../../shared/protocol/limits.ts';
import { apiPath, CONTRACT, type EngineCommand, pathParams } from '../../shared/protocol/contract.ts';
import { COMMAND_BODIES, SocketCommand } from '../../shared/protocol/live.ts';
import { isSettled } from '../../shared/views/incident.ts';
import { toRequest } from '../live/commands.ts';
import type { Gate } from '../live/gate.ts';
import type { IncidentService } from '../live/incidents.ts';
import { incidentDetail, incidentSummary, previewChange } from '../../shared/views/incident.ts';
import { canSeeIncident, factFor, isStaff, stateFor, type Viewer } from '../live/visibility.ts';
import { requireUser } from './auth.ts';
import { HttpError } from './errors.ts';
import { sendReply } from './reply.ts';
import { parseBody, pathParam } from './validate.ts';

const count = z
  .string()
  .regex(/^\d{1,15}$/, 'digits only')
  .transform(Number);
/** the query of a log page; not strict, so a cache-buster does no harm */
const EventsQuery = z.object({
  before: count.pipe(z.number().min(1)).optional(),
  limit: count.pipe(z.number().min(1).max(EVENTS_PAGE.max)).optional().default(EVENTS_PAGE.default),
});

export function incidentRoutes(service: IncidentService, gate: Gate, now: () => number): Router {
  const r = Router();

  const run = async (viewer: Viewer, cmd: SocketCommand, res: Response) => {
    const req = toRequest(viewer, cmd);
    if ('invalid' in req) throw new HttpError('INVALID', req.invalid[0], req.invalid[1]);
    sendReply(res, (await gate.command(viewer.id)) ?? (await service.execute(req)));
  };

  /** The incident if this viewer may see it; a unit asking about another plan's incident gets 404. */
  const visible = (viewer: Viewer, id: string) => {
    const state = id ? service.state(id) : undefined;
    const plan = state ? planById(state.planId) : undefined;
    if (!state || !plan || !canSeeIncident(viewer, plan.id))
      throw new HttpError('NOT_FOUND', `没有事件 ${id}`, `No incident ${id}`);
    return { state, plan };
  };

  /**
   * The bootstrap: the states of every incident that can still change, as this viewer may hold them, and the
   * sequence they reflect (the pipeline applies a commit to memory and advances it together); the settled
   * ones as summaries. A client folds the facts after `seq` into these states and asks for nothing more.
   */
  r.get(apiPath('incidents'), (req, res) => {
    const viewer = requireUser(req);
    const seq = service.appliedSeq();
    const states = [];
    const settled = [];
    for (const s of service.all().sort((a, b) => b.openedAt - a.openedAt)) {
      const plan = planById(s.planId);
      if (!plan || !canSeeIncident(viewer, s.planId)) continue;
      // a unit keeps its ended tasks in its inbox (its own cut is small); staff hold settled incidents
      // as summaries and load one's state when its page opens
      if (isSettled(s) && isStaff(viewer)) settled.push(incidentSummary(plan, s, viewer));
      else states.push(stateFor(viewer, s));
    }
    res.json({ seq, states, settled });
  });
  r.get(apiPath('incidentState'), (req, res) => {
    const viewer = requireUser(req);
    const { state } = visible(viewer, pathParam(req, 'incidentId'));
    res.json({ state: stateFor(viewer, state) });
  });
  r.get(apiPath('incident'), (req, res) => {
    const viewer = requireUser(req);
    const { state, plan } = visible(viewer, pathParam(req, 'incidentId'));
    res.json(incidentDetail(plan, state, viewer, now()));
  });
  /** What a change would add and stand down, and whose signature it needs, before the officer confirms. */
  r.get(apiPath('preview'), (req, res) => {
    const viewer = requireUser(req);
    const { state, plan } = visible(viewer, pathParam(req, 'incidentId'));
    const levelId = typeof req.query.levelId === 'string' ? req.query.levelId : null;
    if (levelId !== null && !plan.levels.some((l) => l.id === levelId))
      throw new HttpError('NOT_FOUND', `预案没有级别“${levelId}”`, `The plan has no level "${levelId}"`);
    res.json(previewChange(plan, state, levelId, now()));
  });
  /**
   * The incident's log a page at a time, newest page first: the facts before version `before` (default: all),
   * at most `limit` (EVENTS_PAGE) and about 512 KB of them, cut down to what the viewer may see. `more` says
   * older facts remain; ask again with `before` set to `from`, the oldest version this page covers.
   */
  r.get(apiPath('events'), async (req, res) => {
    const viewer = requireUser(req);
    const { state, plan } = visible(viewer, pathParam(req, 'incidentId'));
    const { before, limit } = parseBody(EventsQuery, req.query);
    const page = await service.factsBefore(state.id, before ?? state.version + 1, limit, EVENTS_PAGE.bytes);
    // a unit's cut of a page is small, but the whole page was read and parsed: charge what was read
    const from = page.facts[0]?.version ?? 1;
    const facts = page.facts.flatMap((f) => factFor(viewer, plan.id, f) ?? []);
    if (!isStaff(viewer)) await gate.charge(viewer.id, page.bytes);
    res.json({ incidentId: state.id, version: state.version, facts, from, more: from > 1 });
  });

  // every command the engine decides, at its contract path: the body is checked on its own (its errors name
  // its fields), then joined to the path's target in the socket's shape, so both transports run one mapping
  for (const name of Object.keys(COMMAND_BODIES) as EngineCommand[]) {
    const route = CONTRACT[name];
    r.post(apiPath(name), (req, res) => {
      const body = parseBody(COMMAND_BODIES[name] as z.ZodType<object>, req.body ?? {});
      const target = Object.fromEntries(pathParams(route.path).map((p) => [p, pathParam(req, p)]));
      return run(requireUser(req), parseBody(SocketCommand, { ...body, ...target, type: name }), res);
    });
  }

  r.get(apiPath('tasks'), (req, res) => {
    const viewer = requireUser(req);
    if (viewer.role !== 'unit')
      throw new HttpError('FORBIDDEN', '任务收件箱仅供成员单位使用', 'The task inbox is for member units');
    const tasks = service.tasksOf(viewer);
    res.json({ tasks });
  });
  return r;
}
