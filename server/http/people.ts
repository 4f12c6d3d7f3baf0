/**
 * GET /api/people: every account's name and post, for the record's "who". Any signed-in account may read
 * it (a unit reads who signed what). The API's read pace (reads.ts) charges it like every other GET.
 */
import { apiPath } from '../../shared/protocol/contract.ts';
import { Router } from 'express';
import { type PeopleAnswer, PEOPLE_MAX } from '../../shared/protocol/people.ts';
import { personOf } from '../auth/accounts.ts';
import type { Store } from '../store/types.ts';
import { requireUser } from './auth.ts';

export function peopleRoutes(store: Store): Router {
  const r = Router();
  r.get(apiPath('people'), async (req, res) => {
    requireUser(req);
    const rows = await store.people(PEOPLE_MAX + 1);
    const answer: PeopleAnswer = {
      people: rows.slice(0, PEOPLE_MAX).map((row) => {
        const p = personOf(row);
        return { id: p.id, name: p.name, post: p.post, role: p.role, unitId: p.unitId };
      }),
      truncated: rows.length > PEOPLE_MAX,
    };
    res.json(answer);
  });
  return r;
}
