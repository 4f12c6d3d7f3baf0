/**
 * GET /api/people: who each account is, so the record shows a person by name and post (职务), not by a
 * login id. Never a password, a hash or a session.
 */
import type { Role } from '../plans/schema.ts';

/** At most this many accounts in one answer (a real install has a few hundred); `truncated` says so. */
export const PEOPLE_MAX = 5_000;

export interface Person {
  /** the account id, which facts carry as `by` and `signedBy` */
  id: string;
  /** null when the account was created without one: shown as missing, never made up */
  name: string | null;
  post: string | null;
  role: Role;
  unitId: string | null;
}

export interface PeopleAnswer {
  people: Person[];
  /** more accounts exist than PEOPLE_MAX */
  truncated: boolean;
}
