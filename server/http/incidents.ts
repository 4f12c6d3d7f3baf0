/** Incident and task routes: thin. Validate, map to a command, let the service decide, answer its reply. */
import { type Response, Router } from 'express';
import { z } from 'zod';
import { planById } from '../../shared/plans/index.ts';
import { EVENTS_PAGE } from '../../shared/protocol/limits.ts';
import {
  AckBody,
  ApproveBody,
  BindBody,
  ChangeLevelBody,
  DeclareBody,
  DeclareLevelBody,
  MilestoneBody,
  RejectBody,
  ReportBody,
  SocketCommand,
  TerminateBody,
  WithdrawBody,
} from '../../shared/protocol/live.ts';
import { toRequest } from '../live/commands.ts';
import type { Gate } from '../live/gate.ts';
import type { IncidentService } from '../live/incidents.ts';
import { incidentDetail, incidentSummary, previewChange } from '../../shared/views/incident.ts';
import { canSeeIncident, factFor, isStaff, type Viewer } from '../live/visibility.ts';
import { requireUser } from './auth.ts';
import { HttpError } from './errors.ts';
import { sendReply } from './reply.ts';
import { parseBody } from './validate.ts';

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
  const visible = (viewer: Viewer, id: string | undefined) => {
    const state = id ? service.state(id) : undefined;
    const plan = state ? planById(state.planId) : undefined;
    if (!state || !plan || !canSeeIncident(viewer, plan.id))
      throw new HttpError('NOT_FOUND', `没有事件 ${id}`, `No incident ${id}`);
    return { state, plan };
  };

  r.get('/incidents', async (req, res) => {
    const viewer = requireUser(req);
    // the position the list reflects: a client syncs facts after it
    const seq = await service.head();
    const incidents = service
      .all()
      .filter((s) => canSeeIncident(viewer, s.planId))
      .sort((a, b) => b.openedAt - a.openedAt)
      .flatMap((s) => {
        const plan = planById(s.planId);
        return plan ? [incidentSummary(plan, s, viewer)] : [];
      });
    res.json({ incidents, seq });
  });
  r.post('/incidents', (req, res) =>
    run(requireUser(req), { type: 'declare', ...parseBody(DeclareBody, req.body) }, res),
  );
  r.get('/incidents/:id', (req, res) => {
    const viewer = requireUser(req);
    const { state, plan } = visible(viewer, req.params.id);
    res.json(incidentDetail(plan, state, viewer, now()));
  });
  /** What a change would add and stand down, and whose signature it needs, before the officer confirms. */
  r.get('/incidents/:id/preview', (req, res) => {
    const viewer = requireUser(req);
    const { state, plan } = visible(viewer, req.params.id);
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
  r.get('/incidents/:id/events', async (req, res) => {
    const viewer = requireUser(req);
    const { state, plan } = visible(viewer, req.params.id);
    const { before, limit } = parseBody(EventsQuery, req.query);
    const page = await service.factsBefore(state.id, before ?? state.version + 1, limit, EVENTS_PAGE.bytes);
    // a unit's cut of a page is small, but the whole page was read and parsed: charge what was read
    const from = page.facts[0]?.version ?? 1;
    const facts = page.facts.flatMap((f) => factFor(viewer, plan.id, f) ?? []);
    if (!isStaff(viewer)) await gate.charge(viewer.id, page.bytes);
    res.json({ incidentId: state.id, version: state.version, facts, from, more: from > 1 });
  });

  // the REST body is checked on its own (its errors name its fields), then joined to its target as the socket shape
  const incidentCommand = (
    path: string,
    type:
      'changeLevel' | 'approve' | 'reject' | 'terminate' | 'milestone' | 'declareLevel' | 'withdraw' | 'bind',
    schema: z.ZodType<object>,
  ) =>
    r.post(`/incidents/:id/${path}`, (req, res) => {
      const body = parseBody(schema, req.body ?? {});
      return run(
        requireUser(req),
        parseBody(SocketCommand, { ...body, type, incidentId: req.params.id }),
        res,
      );
    });
  incidentCommand('level', 'changeLevel', ChangeLevelBody);
  incidentCommand('approve', 'approve', ApproveBody);
  incidentCommand('reject', 'reject', RejectBody);
  incidentCommand('terminate', 'terminate', TerminateBody);
  incidentCommand('milestones', 'milestone', MilestoneBody);
  incidentCommand('declare', 'declareLevel', DeclareLevelBody);
  incidentCommand('withdraw', 'withdraw', WithdrawBody);
  incidentCommand('bind', 'bind', BindBody);

  r.get('/tasks', (req, res) => {
    const viewer = requireUser(req);
    if (viewer.role !== 'unit')
      throw new HttpError('FORBIDDEN', '任务收件箱仅供成员单位使用', 'The task inbox is for member units');
    const tasks = service.tasksOf(viewer);
    res.json({ tasks });
  });
  r.post('/tasks/:taskId/ack', (req, res) =>
    run(
      requireUser(req),
      { type: 'ack', taskId: req.params.taskId, ...parseBody(AckBody, req.body ?? {}) },
      res,
    ),
  );
  r.post('/tasks/:taskId/report', (req, res) =>
    run(
      requireUser(req),
      { type: 'report', taskId: req.params.taskId, ...parseBody(ReportBody, req.body ?? {}) },
      res,
    ),
  );
  return r;
}
