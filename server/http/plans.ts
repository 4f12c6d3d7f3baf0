/** Plan routes: read the plans, their texts, a level's tasks and clocks, and assess readings. */
import { pathParam } from './validate.ts';
import { apiPath } from '../../shared/protocol/contract.ts';
import { Router } from 'express';
import { assess } from '../../shared/engine/assess.ts';
import { describeClock, describeTasks } from '../../shared/engine/describe.ts';
import { parseReadings } from '../../shared/engine/readings.ts';
import { clocksForLevel, levelById } from '../../shared/engine/tiers.ts';
import { PLANS, planById } from '../../shared/plans/index.ts';
import type { Plan } from '../../shared/plans/schema.ts';
import { AssessBody } from '../../shared/protocol/plans.ts';
import { sourceText } from '../plans/sources.ts';
import { HttpError } from './errors.ts';

function planParam(id: string | undefined): Plan {
  const plan = id ? planById(id) : undefined;
  if (!plan) throw new HttpError('NOT_FOUND', `没有预案“${id}”`, `No plan "${id}"`);
  return plan;
}

function levelParam(plan: Plan, id: string | undefined): string {
  if (!id || !levelById(plan, id))
    throw new HttpError('NOT_FOUND', `预案没有级别“${id}”`, `The plan has no level "${id}"`);
  return id;
}

export function planRoutes(): Router {
  const r = Router();
  r.get(apiPath('plans'), (_req, res) => {
    res.json(
      PLANS.map((p) => ({
        id: p.id,
        title: p.title,
        docNumber: p.docNumber,
        issuer: p.issuer,
        issuedOn: p.issuedOn,
        levels: p.levels.map((l) => ({
          id: l.id,
          name: l.name,
          color: l.color,
          signer: l.declare.signer,
          liftSigner: l.lift.signer,
        })),
        units: p.units.map((u) => ({ id: u.id, name: u.name, en: u.en, kind: u.kind })),
        // the title of every action and clock by id, so a task id ("action@unit[@day]") reads as its task
        taskTitles: Object.fromEntries(
          [...p.actions, ...p.clocks].map((x) => [x.id, { zh: x.title.zh, en: x.title.en }]),
        ),
      })),
    );
  });
  r.get(apiPath('plan'), (req, res) => {
    res.json(planParam(pathParam(req, 'planId')));
  });
  r.get(apiPath('planSource'), (req, res) => {
    res.type('text/plain; charset=utf-8').send(sourceText(planParam(pathParam(req, 'planId'))));
  });
  r.get(apiPath('levelTasks'), (req, res) => {
    const plan = planParam(pathParam(req, 'planId'));
    res.json(describeTasks(plan, levelParam(plan, pathParam(req, 'levelId'))));
  });
  r.get(apiPath('levelClocks'), (req, res) => {
    const plan = planParam(pathParam(req, 'planId'));
    res.json(
      clocksForLevel(plan, levelParam(plan, pathParam(req, 'levelId'))).map((c) => describeClock(plan, c)),
    );
  });
  r.post(apiPath('assess'), (req, res) => {
    const plan = planParam(pathParam(req, 'planId'));
    const body = AssessBody.safeParse(req.body);
    if (!body.success) {
      throw new HttpError(
        'INVALID',
        '请求体应为 {"indicators": {...}}',
        'The body must be {"indicators": {...}}',
        body.error.issues,
      );
    }
    const parsed = parseReadings(plan, body.data.indicators);
    if (!parsed.ok) {
      throw new HttpError(
        'INVALID',
        parsed.problems.map((p) => p.zh).join('；'),
        parsed.problems.map((p) => p.en).join('; '),
        parsed.problems,
      );
    }
    res.json(assess(plan, parsed.readings));
  });
  return r;
}
