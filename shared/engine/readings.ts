/**
 * Validates the readings a duty officer enters against the indicators a plan reads, and says what is
 * wrong in words an officer understands. Unknown keys are refused (a typo must not silently drop a reading).
 */
import type { IndicatorDef, Plan } from '../plans/schema.ts';
import { type Bilingual, say } from './text.ts';

export type ReadingValue = number | boolean | number[];
export type Readings = Record<string, ReadingValue>;

export type ParsedReadings = { ok: true; readings: Readings } | { ok: false; problems: Bilingual[] };

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

function checkNumber(def: IndicatorDef & { kind: 'number' | 'series' }, v: unknown, where: Bilingual) {
  if (typeof v !== 'number' || !Number.isFinite(v)) {
    return say(`${where.zh}应为数字`, `${where.en} must be a number`);
  }
  if (v < 0 && def.min >= 0)
    return say(`${where.zh}不能为负数（${v}）`, `${where.en} cannot be negative (${v})`);
  if (v < def.min || v > def.max) {
    return say(
      `${where.zh}应在 ${def.min}–${def.max}${def.unit.zh} 之间（收到 ${v}）`,
      `${where.en} must be between ${def.min} and ${def.max} ${def.unit.en} (got ${v})`,
    );
  }
  if (def.kind === 'number' && def.integer && !Number.isInteger(v)) {
    return say(`${where.zh}应为整数（收到 ${v}）`, `${where.en} must be a whole number (got ${v})`);
  }
  return null;
}

function checkOne(def: IndicatorDef, v: unknown): Bilingual | null {
  // the indicator named in words, as the plan labels it: its key is the API's business, not the officer's
  const where = say(`“${def.name.zh}”`, `“${def.name.en}”`);
  if (v === null || v === undefined) return say(`${where.zh}缺少数值`, `${where.en} has no value`);
  switch (def.kind) {
    case 'boolean':
      return typeof v === 'boolean'
        ? null
        : say(`${where.zh}应为 true 或 false`, `${where.en} must be true or false`);
    case 'number':
      return checkNumber(def, v, where);
    case 'series': {
      if (!Array.isArray(v) || v.length === 0) {
        return say(`${where.zh}应为按日排列的数值列表`, `${where.en} must be a list of daily values`);
      }
      if (v.length > def.maxItems) {
        return say(`${where.zh}最多 ${def.maxItems} 天`, `${where.en} covers at most ${def.maxItems} days`);
      }
      for (const [i, item] of v.entries()) {
        const problem = checkNumber(def, item, say(`${where.zh}第 ${i + 1} 天`, `${where.en} day ${i + 1}`));
        if (problem) return problem;
      }
      return null;
    }
  }
}

export function parseReadings(plan: Plan, input: unknown): ParsedReadings {
  if (!isObject(input)) {
    return {
      ok: false,
      problems: [
        say('读数应为一个对象，例如 {"deaths": 1}', 'Readings must be an object such as {"deaths": 1}'),
      ],
    };
  }
  const problems: Bilingual[] = [];
  const readings: Readings = {};
  for (const key of Object.keys(input)) {
    const def = plan.indicators.find((d) => d.key === key);
    if (!def) {
      // the caller typed a key, so the known ones are listed by key, each with its name in words
      const known = (lang: 'zh' | 'en') =>
        plan.indicators
          .map((d) => (lang === 'zh' ? `${d.key}（${d.name.zh}）` : `${d.key} (${d.name.en})`))
          .join(lang === 'zh' ? '、' : '; ');
      problems.push(
        say(
          `本预案没有指标“${key}”。可用的指标：${known('zh')}`,
          `This plan has no indicator “${key}”. Its indicators: ${known('en')}`,
        ),
      );
      continue;
    }
    const problem = checkOne(def, input[key]);
    if (problem) problems.push(problem);
    else readings[key] = input[key] as ReadingValue;
  }
  if (problems.length === 0 && Object.keys(readings).length === 0) {
    problems.push(
      say(
        `缺少读数：至少需要一项指标（${plan.indicators.map((d) => d.name.zh).join('、')}）`,
        `No readings: give at least one of ${plan.indicators.map((d) => d.name.en).join('; ')}`,
      ),
    );
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, readings };
}
