/**
 * The plan CLI for plan authors and integrators:
 *   plan assess <planId> '<readings JSON>'   → {"level", "reasons"}
 *   plan tasks <planId> <levelId>            → the tasks of that level (cumulative)
 *   plan clocks <planId> <levelId>           → the deadlines of that level
 *   plan validate                            → checks every plan file and every clause citation
 * Bad input exits with status 2 and one line on stderr; stdout carries only JSON.
 */
import { assess } from '../../shared/engine/assess.ts';
import { describeClock, describeTasks } from '../../shared/engine/describe.ts';
import { parseReadings } from '../../shared/engine/readings.ts';
import { clocksForLevel, levelById } from '../../shared/engine/tiers.ts';
import { checkCitations, citationsOf } from '../../shared/plans/citations.ts';
import { PLANS, planById } from '../../shared/plans/index.ts';
import type { Plan } from '../../shared/plans/schema.ts';
import { sourceText } from '../plans/sources.ts';

class UsageError extends Error {}

const USAGE =
  "用法 / usage: plan assess <planId> '<JSON>' | plan tasks <planId> <levelId> | plan clocks <planId> <levelId> | plan validate";

function fail(zh: string, en: string): never {
  throw new UsageError(`错误：${zh} / Error: ${en}`);
}

function planArg(id: string | undefined): Plan {
  if (!id) fail(`缺少预案编号（可用：${PLANS.map((p) => p.id).join(', ')}）`, 'missing plan id');
  const plan = planById(id);
  if (!plan) fail(`没有预案“${id}”（可用：${PLANS.map((p) => p.id).join(', ')}）`, `unknown plan "${id}"`);
  return plan;
}

function levelArg(plan: Plan, id: string | undefined): string {
  const known = plan.levels.map((l) => l.id).join(', ');
  if (!id) fail(`缺少级别（可用：${known}）`, `missing level (known: ${known})`);
  if (!levelById(plan, id))
    fail(
      `预案 ${plan.id} 没有级别“${id}”（可用：${known}）`,
      `plan ${plan.id} has no level "${id}" (known: ${known})`,
    );
  return id;
}

function readingsArg(plan: Plan, json: string | undefined) {
  if (json === undefined) fail('缺少读数 JSON，例如 \'{"deaths": 1}\'', 'missing readings JSON');
  let input: unknown;
  try {
    input = JSON.parse(json);
  } catch {
    fail(`读数不是合法的 JSON：${json}`, `readings are not valid JSON: ${json}`);
  }
  const parsed = parseReadings(plan, input);
  if (!parsed.ok)
    fail(parsed.problems.map((p) => p.zh).join('；'), parsed.problems.map((p) => p.en).join('; '));
  return parsed.readings;
}

function validate(): { output: unknown; ok: boolean } {
  const report = PLANS.map((plan) => ({
    plan: plan.id,
    docNumber: plan.docNumber,
    levels: plan.levels.length,
    units: plan.units.length,
    actions: plan.actions.length,
    clocks: plan.clocks.length,
    citations: citationsOf(plan).length,
    problems: checkCitations(plan, sourceText(plan)),
  }));
  return {
    output: { ok: report.every((r) => r.problems.length === 0), plans: report },
    ok: report.every((r) => r.problems.length === 0),
  };
}

export function run(args: string[]): { output: unknown; ok: boolean } {
  const [command, planId, third] = args;
  switch (command) {
    case 'assess': {
      const plan = planArg(planId);
      const { level, reasons } = assess(plan, readingsArg(plan, third));
      return { output: { level, reasons }, ok: true };
    }
    case 'tasks': {
      const plan = planArg(planId);
      return { output: describeTasks(plan, levelArg(plan, third)), ok: true };
    }
    case 'clocks': {
      const plan = planArg(planId);
      return {
        output: clocksForLevel(plan, levelArg(plan, third)).map((c) => describeClock(plan, c)),
        ok: true,
      };
    }
    case 'validate':
      return validate();
    default:
      fail(
        command ? `未知命令“${command}”。${USAGE}` : USAGE,
        command ? `unknown command "${command}"` : 'no command',
      );
  }
}

try {
  const { output, ok } = run(process.argv.slice(2));
  process.stdout.write(`${JSON.stringify(output, null, 2)}\n`);
  process.exitCode = ok ? 0 : 1;
} catch (e) {
  if (!(e instanceof UsageError)) throw e;
  process.stderr.write(`${e.message}\n`);
  process.exitCode = 2;
}
