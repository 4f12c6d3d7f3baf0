/**
 * Accounts: the demo seed (one account per role and per member unit, password "demo") and the first
 * administrator of a production install. Unit accounts are named by the unit's id; role units that the
 * plans bind per incident ("事故发生地镇（街道）") are not bodies of their own and get no account.
 */
import { PLANS } from '../../shared/plans/index.ts';
import type { Role } from '../../shared/plans/schema.ts';
import type { Store, UserRecord } from '../store/types.ts';
import { hashPassword } from './passwords.ts';

export const DEMO_PASSWORD = 'demo';
export const STAFF_ROLES: readonly Role[] = ['admin', 'duty', 'director', 'commander', 'leader'];

/** Every real member unit of the four plans, once, with the plans it serves. */
export function memberUnits(): { id: string; name: string; plans: string[] }[] {
  const units = new Map<string, { id: string; name: string; plans: string[] }>();
  for (const plan of PLANS) {
    for (const u of plan.units) {
      if (u.kind === 'role') continue;
      const known = units.get(u.id);
      if (known) known.plans.push(plan.id);
      else units.set(u.id, { id: u.id, name: u.name, plans: [plan.id] });
    }
  }
  return [...units.values()];
}

/**
 * Seeds the demo accounts in one transaction. The same hash serves all: they share one public password.
 * They are marked `demo`, so that production refuses them even if their password is changed.
 */
export async function seedDemo(store: Store, now: number): Promise<number> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const users: UserRecord[] = [
    ...STAFF_ROLES.map((role) => ({
      id: role,
      username: role,
      passwordHash,
      role,
      unitId: null,
      createdAt: now,
      mode: 'demo' as const,
    })),
    ...memberUnits().map((u) => ({
      id: u.id,
      username: u.id,
      passwordHash,
      role: 'unit' as const,
      unitId: u.id,
      createdAt: now,
      mode: 'demo' as const,
    })),
  ];
  await store.createUsers(users);
  return users.length;
}

export type AccountProblem = { zh: string; en: string };

/** Creates an account; refuses the demo password outside demo mode, and weak or duplicate ones. */
export async function createAccount(
  store: Store,
  input: { username: string; password: string; role: Role; unitId?: string | null },
  opts: { demo: boolean; now: number },
): Promise<AccountProblem | null> {
  if (!/^[a-z0-9][a-z0-9._-]{1,63}$/.test(input.username))
    return {
      zh: '用户名应为 2–64 位小写字母、数字或 . _ -',
      en: 'Usernames are 2–64 lower-case letters, digits or . _ -',
    };
  if (!opts.demo && input.password === DEMO_PASSWORD)
    return { zh: '生产模式不允许使用演示密码', en: 'The demo password is not allowed in production' };
  if (input.password.length < 10)
    return { zh: '密码至少 10 位', en: 'Passwords need at least 10 characters' };
  if (await store.findUser(input.username))
    return { zh: `用户名“${input.username}”已存在`, en: `The username "${input.username}" is taken` };
  const unitId = input.role === 'unit' ? (input.unitId ?? null) : null;
  if (input.role === 'unit' && !memberUnits().some((u) => u.id === unitId))
    return { zh: '单位账号须指定成员单位', en: 'A unit account needs a member unit' };
  await store.createUsers([
    {
      id: input.username,
      username: input.username,
      passwordHash: await hashPassword(input.password),
      role: input.role,
      unitId,
      createdAt: opts.now,
      // an account made in demo mode is refused once the same store runs in production
      mode: opts.demo ? 'demo' : 'production',
    },
  ]);
  return null;
}
