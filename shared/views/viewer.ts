/** Who is looking: staff roles see every incident and task; a unit sees its own tasks. */
import type { Role } from '../plans/schema.ts';

export interface Viewer {
  id: string;
  role: Role;
  unitId: string | null;
}

export const isStaff = (v: Pick<Viewer, 'role'>) => v.role !== 'unit';
