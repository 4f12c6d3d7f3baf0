/**
 * The duty directory: every real unit of the four plans, the contacts the plans give, the contacts and map
 * positions an administrator adds. Nothing is invented: a county's position defaults to the centre of its
 * basemap polygon and says it is approximate; every other position is missing until an admin sets it.
 */
import { PLANS } from '../shared/plans/index.ts';
import type { DirectoryBody, DirectoryUnit } from '../shared/protocol/directory.ts';
import { countyCentre } from './map/basemap.ts';
import type { DirectoryEntry, Store } from './store/types.ts';

/** What the plans themselves say of a unit, before an administrator's additions. */
type PlanUnit = Omit<DirectoryUnit, 'contacts' | 'position' | 'updatedBy' | 'updatedAt'>;

/** The plans' own view of each real unit, built once: roles are not bodies and are left out. */
function planUnits(): Map<string, PlanUnit> {
  const out = new Map<string, PlanUnit>();
  for (const plan of PLANS) {
    for (const u of plan.units) {
      if (u.kind === 'role') continue;
      const entry = out.get(u.id) ?? {
        unitId: u.id,
        name: u.name,
        en: u.en,
        kind: u.kind,
        plans: [],
        planContacts: [],
      };
      entry.plans.push({ planId: plan.id, name: u.name });
      for (const c of u.contacts) {
        entry.planContacts.push({
          planId: plan.id,
          label: c.label,
          ...(c.phone ? { phone: c.phone } : {}),
          ...(c.person ? { person: c.person } : {}),
          ...(c.post ? { post: c.post } : {}),
          asOf: c.asOf,
          clause: c.clause,
        });
      }
      out.set(u.id, entry);
    }
  }
  return out;
}

export class Directory {
  private readonly units = planUnits();

  constructor(private readonly store: Store) {}

  has(unitId: string): boolean {
    return this.units.has(unitId);
  }

  async list(): Promise<DirectoryUnit[]> {
    const entries = new Map((await this.store.directory()).map((e) => [e.unitId, e]));
    return [...this.units.values()].map((u) => this.view(u.unitId, entries.get(u.unitId)));
  }

  async save(unitId: string, body: DirectoryBody, userId: string, now: number): Promise<DirectoryUnit> {
    const entry: DirectoryEntry = { unitId, ...body, updatedBy: userId, updatedAt: now };
    await this.store.saveDirectoryEntry(entry);
    return this.view(unitId, entry);
  }

  private view(unitId: string, entry: DirectoryEntry | undefined): DirectoryUnit {
    const base = this.units.get(unitId);
    if (!base) throw new Error(`unknown unit ${unitId}`);
    const centre = base.kind === 'county' ? countyCentre(base.name) : null;
    const position = entry?.position
      ? { ...entry.position, approximate: false, source: 'admin' as const }
      : centre
        ? { ...centre, approximate: true, source: 'basemap' as const }
        : null;
    return {
      ...base,
      contacts: entry?.contacts ?? [],
      position,
      updatedBy: entry?.updatedBy ?? null,
      updatedAt: entry?.updatedAt ?? null,
    };
  }
}
