/**
 * npm run admin -- create <username> [--role admin|duty|director|commander|leader|unit] [--unit <unitId>]
 *   [--name <姓名>] [--post <职务>]
 * Reads the password from the first line of stdin (so it never shows in `ps`), creates the account in the
 * store under DATA_DIR, and exits 0; a refusal is one Chinese / English line on stderr and exit status 2.
 * The name and post are what the timeline shows for the account; without --name it shows the username
 * and says the name is missing.
 */
import { resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { ROLES, type Role } from '../../shared/plans/schema.ts';
import { createAccount } from '../auth/accounts.ts';
import { openSqliteStore } from '../store/sqlite.ts';

function fail(zh: string, en: string): never {
  console.error(`${zh} / ${en}`);
  process.exit(2);
}

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: {
    role: { type: 'string', default: 'admin' },
    unit: { type: 'string' },
    name: { type: 'string' },
    post: { type: 'string' },
  },
});
const [verb, username] = positionals;
if (verb !== 'create' || !username)
  fail(
    '用法：npm run admin -- create <用户名> [--role 角色] [--unit 单位] [--name 姓名] [--post 职务]，密码从标准输入读取',
    'Usage: npm run admin -- create <username> [--role role] [--unit unitId] [--name name] [--post post]; the password is read from stdin',
  );
if (!(ROLES as readonly string[]).includes(values.role))
  fail(`没有角色“${values.role}”`, `No role "${values.role}" (one of ${ROLES.join(', ')})`);

const lines = createInterface({ input: process.stdin });
const password = await new Promise<string>((done) => {
  lines.once('line', (l) => done(l.trim()));
  lines.once('close', () => done(''));
});
lines.close();
if (!password) fail('请在标准输入提供密码', 'Give the password on stdin');

const dataDir = resolve(process.env.DATA_DIR ?? './data');
const store = openSqliteStore(dataDir);
const demo = process.env.NODE_ENV !== 'production' && (await store.getMeta('mode')) === 'demo';
const problem = await createAccount(
  store,
  {
    username,
    password,
    role: values.role as Role,
    unitId: values.unit ?? null,
    name: values.name ?? null,
    post: values.post ?? null,
  },
  { demo, now: Date.now() },
);
await store.close();
if (problem) fail(problem.zh, problem.en);
console.log(
  JSON.stringify({
    created: username,
    role: values.role,
    name: values.name?.trim() || null,
    post: values.post?.trim() || null,
    dataDir,
  }),
);
