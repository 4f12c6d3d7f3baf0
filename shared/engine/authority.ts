/** Who may do what, read from the plan's levels. */
import type { Plan, Signer } from '../plans/schema.ts';
import type { Actor } from './incident.ts';
import { levelById, levelIndex } from './tiers.ts';

/** Roles that run a response: they may propose, declare, change and terminate levels. */
export const OPERATING_ROLES = ['duty', 'director', 'commander'] as const;

export const canOperate = (actor: Actor) => (OPERATING_ROLES as readonly string[]).includes(actor.role);

/**
 * Can this role sign where the plan asks for `signer`? The commander (总指挥/指挥长) heads the body whose
 * office the director runs, so a commander may sign what the office director may sign.
 */
export function canSign(role: Actor['role'], signer: Signer): boolean {
  if (signer === null) return true;
  return role === signer || (signer === 'director' && role === 'commander');
}

const weight = (s: Signer) => (s === 'commander' ? 2 : s === 'director' ? 1 : 0);
const stricter = (a: Signer, b: Signer): Signer => (weight(a) >= weight(b) ? a : b);

/**
 * The signature a move from `from` to `to` needs. Raising needs the signer of the new level. Lowering lifts
 * the current level and issues the lower one, so it needs the stricter of the two ("预警等级的调整同预警发布的
 * 主体及程序保持一致").
 */
export function signerForChange(plan: Plan, from: string | null, to: string): Signer {
  const target = levelById(plan, to);
  if (!target) return null;
  if (from === null || levelIndex(plan, to) > levelIndex(plan, from)) return target.declare.signer;
  return stricter(levelById(plan, from)?.lift.signer ?? null, target.declare.signer);
}

export function signerToLift(plan: Plan, levelId: string): Signer {
  return levelById(plan, levelId)?.lift.signer ?? null;
}
