/**
 * Every citation a plan makes, and a check that each one is really in the plan's text: the clause exists,
 * and the quoted words (or a unit's copied duty) stand inside that clause.
 */
import { locateClause } from './clauses.ts';
import type { Plan } from './schema.ts';

export interface CitationRef {
  /** what cites, for the message: "action on-duty", "level III criterion iii-12h" */
  where: string;
  clause: string;
  /** words that must stand inside the clause */
  words: string;
}

export function citationsOf(plan: Plan): CitationRef[] {
  const refs: CitationRef[] = [];
  const add = (where: string, c: { clause: string; quote: string }) =>
    refs.push({ where, clause: c.clause, words: c.quote });
  add('scope', plan.scope);
  add('tiering', plan.tiering);
  if (plan.boundaryRule) add('boundary rule', plan.boundaryRule);
  for (const level of plan.levels) {
    add(`level ${level.id}`, level);
    add(`level ${level.id} declare`, level.declare);
    add(`level ${level.id} lift`, level.lift);
    for (const c of level.criteria) add(`level ${level.id} criterion ${c.id}`, c);
    for (const t of level.targets) add(`level ${level.id} target`, t);
  }
  for (const u of plan.units) {
    if (u.duty) refs.push({ where: `unit ${u.id} duty`, clause: u.duty.clause, words: u.duty.text });
    for (const c of u.contacts) add(`unit ${u.id} contact ${c.person ?? c.phone ?? c.label}`, c);
  }
  for (const g of plan.groups) add(`group ${g.id}`, g);
  for (const a of plan.actions) {
    add(`action ${a.id}`, a);
    if (a.condition) add(`action ${a.id} condition`, a.condition);
  }
  for (const c of plan.clocks) add(`clock ${c.id}`, c);
  for (const l of plan.links) add(`link from ${l.from}`, l);
  for (const r of plan.readings) add(`reading at ${r.clause}`, r);
  return refs;
}

/** Problems in words; an empty list means every citation was found in `sourceText`. */
export function checkCitations(plan: Plan, sourceText: string): string[] {
  const problems: string[] = [];
  for (const ref of citationsOf(plan)) {
    if (!locateClause(sourceText, ref.clause)) {
      problems.push(
        `${plan.id}: ${ref.where} cites clause "${ref.clause}", which is not in ${plan.docNumber}`,
      );
    } else if (!locateClause(sourceText, ref.clause, ref.words)) {
      problems.push(`${plan.id}: ${ref.where}: "${ref.words.slice(0, 40)}" is not in clause ${ref.clause}`);
    }
  }
  return problems;
}
