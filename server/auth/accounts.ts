/**
 * Accounts: the demo seed (one account per role and per member unit, password "demo") and the first
 * administrator of a production install. Unit accounts are named by the unit's id; role units that the
 * plans bind per incident ("事故发生地镇（街道）") are not bodies of their own and get no account.
 * An account carries the name and post (职务) the record shows. Nothing is made up: a demo account is
 * called by its role or unit, marked as a demo account; an account created without a name has none.
 */
import { PLANS } from '../../shared/plans/index.ts';
import type { Role } from '../../shared/plans/schema.ts';
import type { PersonRecord, Store, UserRecord } from '../store/types.ts';
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

/** the words that mark a demo account's name or post */
export const DEMO_MARK = '（演示账号）';
const STAFF_WORDS: Record<Exclude<Role, 'unit'>, string> = {
  admin: '管理员',
  duty: '值班员',
  director: '办公室主任',
  commander: '总指挥',
  leader: '领导',
};
let unitNames: Map<string, string> | null = null;

/**
 * What a demo account is called: a staff account by its role in words, a unit account by the unit's own
 * name in the plans with the post 联络员, each marked as a demo account. Never a person's name.
 */
export function demoProfile(account: { role: Role; unitId: string | null }): {
  name: string;
  post: string;
} | null {
  if (account.role !== 'unit') {
    const post = STAFF_WORDS[account.role];
    return { name: `${post}${DEMO_MARK}`, post };
  }
  unitNames ??= new Map(memberUnits().map((u) => [u.id, u.name]));
  const name = account.unitId ? unitNames.get(account.unitId) : undefined;
  return name ? { name, post: `联络员${DEMO_MARK}` } : null;
}

/**
 * An account's name and post as the record shows them. A demo account made before names were stored is
 * called what the seed calls it now; any other account without a name keeps null ("missing").
 */
export function personOf(p: PersonRecord): PersonRecord {
  if (p.mode !== 'demo' || (p.name !== null && p.post !== null)) return p;
  const demo = demoProfile(p);
  return demo ? { ...p, name: p.name ?? demo.name, post: p.post ?? demo.post } : p;
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
      ...demoProfile({ role, unitId: null }),
    })),
    ...memberUnits().map((u) => ({
      id: u.id,
      username: u.id,
      passwordHash,
      role: 'unit' as const,
      unitId: u.id,
      createdAt: now,
      mode: 'demo' as const,
      name: u.name,
      post: `联络员${DEMO_MARK}`,
    })),
  ];
  await store.createUsers(users);
  return users.length;
}

export type AccountProblem = { zh: string; en: string };

/** the longest name or post, in characters */
export const PERSON_TEXT_MAX = 40;

/** A name or post as given: trimmed, empty is "not given"; control and invisible format characters refused. */
function personText(
  value: string | null | undefined,
  what: [string, string],
): { text: string | null } | AccountProblem {
  const text = (value ?? '').trim();
  if (/[\p{Cc}\p{Cf}]/u.test(text))
    return { zh: `${what[0]}含有控制字符`, en: `The ${what[1]} holds control characters` };
  if ([...text].length > PERSON_TEXT_MAX)
    return {
      zh: `${what[0]}最多 ${PERSON_TEXT_MAX} 个字`,
      en: `The ${what[1]} is at most ${PERSON_TEXT_MAX} characters`,
    };
  return { text: text || null };
}

/**
 * Creates an account; refuses the demo password outside demo mode, and weak or duplicate ones. `name` and
 * `post` (职务) are what the record shows for the account's person; left out, the record says they are missing.
 */
export async function createAccount(
  store: Store,
  input: {
    username: string;
    password: string;
    role: Role;
    unitId?: string | null;
    name?: string | null;
    post?: string | null;
  },
  opts: { demo: boolean; now: number },
): Promise<AccountProblem | null> {
  if (!/^[a-z0-9][a-z0-9._-]{1,63}$/.test(input.username))
    return {
      zh: '用户名应为 2–64 位小写字母、数字或 . _ -',
      en: 'Usernames are 2–64 lower-case letters, digits or . _ -',
    };
  const name = personText(input.name, ['姓名', 'name']);
  if (!('text' in name)) return name;
  const post = personText(input.post, ['职务', 'post']);
  if (!('text' in post)) return post;
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
      name: name.text,
      post: post.text,
    },
  ]);
  return null;
}
