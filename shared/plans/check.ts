/**
 * Cross-reference checks a schema cannot express: every id a plan refers to exists, ids are unique, and
 * criteria read only the plan's own indicators. Returns the problems in words; empty means sound.
 */
import type { Plan, Predicate } from './schema.ts';

function duplicates(ids: string[]): string[] {
  return [...new Set(ids.filter((id, i) => ids.indexOf(id) !== i))];
}

function predicateIndicators(p: Predicate): string[] {
  if ('all' in p) return p.all.flatMap(predicateIndicators);
  if ('any' in p) return p.any.flatMap(predicateIndicators);
  return [p.indicator];
}

/**
 * A table a plan file keeps by unit id and spreads over its units as it builds them (the pollution plan's
 * annex-2 names). A record filed under a key that names no unit attaches to nothing and vanishes without a
 * word, so the plan file declares the table here and checkPlan holds every key to a unit that carries the
 * records: `counts` is how many records the table files under each key, and the unit must carry at least
 * that many contacts citing `clause`.
 */
export interface KeyedTable {
  planId: string;
  /** what the table holds, for the message */
  what: string;
  clause: string;
  counts: Readonly<Record<string, number>>;
}

const keyedTables = new Map<string, KeyedTable>();

/** Called by a plan file for each keyed table it spreads over its units; declaring again replaces. */
export function declareKeyedTable(table: KeyedTable): void {
  keyedTables.set(`${table.planId}:${table.what}`, table);
}

export function keyedTablesOf(planId: string): KeyedTable[] {
  return [...keyedTables.values()].filter((t) => t.planId === planId);
}

/** Row counts of a table of records by key, for `declareKeyedTable`. */
export function countsOf(table: Readonly<Record<string, readonly unknown[]>>): Record<string, number> {
  return Object.fromEntries(Object.entries(table).map(([k, rows]) => [k, rows.length]));
}

export function checkPlan(plan: Plan, tables: readonly KeyedTable[] = keyedTablesOf(plan.id)): string[] {
  const problems: string[] = [];
  const levels = new Set(plan.levels.map((l) => l.id));
  const units = new Set(plan.units.map((u) => u.id));
  const groups = new Set(plan.groups.map((g) => g.id));
  const actions = new Set(plan.actions.map((a) => a.id));
  const indicators = new Set(plan.indicators.map((i) => i.key));
  const where = (kind: string, id: string) => `${plan.id}: ${kind} ${id}`;

  for (const [kind, ids] of Object.entries({
    level: plan.levels.map((l) => l.id),
    unit: plan.units.map((u) => u.id),
    action: plan.actions.map((a) => a.id),
    clock: plan.clocks.map((c) => c.id),
    criterion: plan.levels.flatMap((l) => l.criteria.map((c) => c.id)),
  })) {
    for (const d of duplicates(ids)) problems.push(`${plan.id}: ${kind} id "${d}" is used twice`);
  }
  for (const level of plan.levels) {
    for (const c of level.criteria) {
      for (const key of predicateIndicators(c.when)) {
        if (!indicators.has(key))
          problems.push(`${where('criterion', c.id)} reads unknown indicator "${key}"`);
      }
    }
  }
  for (const u of plan.units) {
    // a role no member unit and no outside party can fill would send its tasks to no one
    if (u.kind === 'role' && !u.bindsTo?.length && !u.party)
      problems.push(`${where('unit', u.id)} is a role that nothing can be bound to`);
    if (u.kind !== 'role' && (u.bindsTo || u.party))
      problems.push(`${where('unit', u.id)} is not a role but can be bound`);
    for (const b of u.bindsTo ?? [])
      if (!units.has(b)) problems.push(`${where('unit', u.id)} binds to unknown unit "${b}"`);
  }
  for (const g of plan.groups) {
    for (const u of [...g.lead, ...g.members])
      if (!units.has(u)) problems.push(`${where('group', g.id)} names unknown unit "${u}"`);
  }
  // the engine owes each item once per unit: an item naming both a role and a unit the role may be bound to
  // would owe it twice when they coincide
  const roles = plan.units.filter((u) => u.kind === 'role');
  const owed = [
    ...plan.actions.map((a) => {
      const group = plan.groups.find((g) => g.id === a.group);
      return {
        what: `action ${a.id}`,
        units: [...a.units, ...(group?.lead ?? []), ...(group?.members ?? [])],
      };
    }),
    ...plan.clocks.map((c) => ({ what: `clock ${c.id}`, units: c.owedBy })),
  ];
  for (const item of owed)
    for (const r of roles)
      if (item.units.includes(r.id) && (r.bindsTo ?? []).some((b) => item.units.includes(b)))
        problems.push(`${plan.id}: ${item.what} names the role "${r.id}" and a unit it may be bound to`);
  for (const a of plan.actions) {
    if (!levels.has(a.level)) problems.push(`${where('action', a.id)} has unknown level "${a.level}"`);
    if (a.upTo !== undefined && !levels.has(a.upTo))
      problems.push(`${where('action', a.id)} has unknown upTo "${a.upTo}"`);
    if (a.units.length === 0 && !a.group) problems.push(`${where('action', a.id)} has no responsible unit`);
    if (a.group && !groups.has(a.group))
      problems.push(`${where('action', a.id)} names unknown group "${a.group}"`);
    for (const u of a.units)
      if (!units.has(u)) problems.push(`${where('action', a.id)} names unknown unit "${u}"`);
    for (const s of a.supersedes)
      if (!actions.has(s)) problems.push(`${where('action', a.id)} supersedes unknown action "${s}"`);
  }
  for (const c of plan.clocks) {
    if (!levels.has(c.level)) problems.push(`${where('clock', c.id)} has unknown level "${c.level}"`);
    if (c.upTo !== undefined && !levels.has(c.upTo))
      problems.push(`${where('clock', c.id)} has unknown upTo "${c.upTo}"`);
    for (const u of c.owedBy)
      if (!units.has(u)) problems.push(`${where('clock', c.id)} is owed by unknown unit "${u}"`);
  }
  for (const t of tables) {
    for (const [key, n] of Object.entries(t.counts)) {
      const unit = plan.units.find((u) => u.id === key);
      if (!unit) {
        problems.push(`${plan.id}: ${t.what} "${key}" names no unit; its ${n} record(s) attach to nothing`);
        continue;
      }
      const carried = unit.contacts.filter((c) => c.clause === t.clause).length;
      if (carried < n)
        problems.push(
          `${where('unit', key)} carries ${carried} of the ${n} ${t.what} record(s) filed under it`,
        );
    }
  }
  for (const l of plan.links) {
    for (const id of [l.from, ...l.starts])
      if (!levels.has(id)) problems.push(`${plan.id}: link names unknown level "${id}"`);
  }
  return problems;
}
