/**
 * The pollution plan's measure lists, checked phrase by phrase against its text: every measure sentence of
 * 五(五) is in force at its level and above, unless a higher level restates it more strictly (五(五)3–5 "在…级
 * 响应基础上应当至少采取以下措施"). The sentences come from the source text, not from the encoding.
 */
import { describe, expect, it } from 'vitest';
import { sourceText } from '../../server/plans/sources.ts';
import { actionsForLevel, clocksForLevel } from '../../shared/engine/tiers.ts';
import { checkPlan, keyedTablesOf } from '../../shared/plans/check.ts';
import { clauseText, compact } from '../../shared/plans/clauses.ts';
import type { Plan } from '../../shared/plans/schema.ts';
import { plan } from './helpers.ts';

const p = plan('heavy-pollution');
const text = sourceText(p);
const WINTER_DAY = Date.UTC(2026, 11, 10, 2); // 10 Dec, Shanghai
const SUMMER_DAY = Date.UTC(2026, 6, 10, 2); // 10 Jul

const LEVELS = ['blue', 'yellow', 'orange', 'red'] as const;
type LevelId = (typeof LEVELS)[number];
const SECTION: Record<LevelId, string> = {
  blue: '五(五)2',
  yellow: '五(五)3',
  orange: '五(五)4',
  red: '五(五)5',
};
const STANDING = '五(五)1';

/**
 * A higher level's stricter restatement of a lower measure, as read from the text: a sentence holding the
 * words on the left is replaced from the level on the right on. Everything else must stay in force.
 */
const RESTATED: [words: string, from: LevelId][] = [
  ['提示儿童、老年人和易感人群减少户外活动', 'yellow'],
  ['倡导公众选择乘坐公共交通工具出行', 'yellow'],
  ['提醒儿童、老年人和患病等易感人群停止户外活动', 'orange'],
  ['自觉调整生产周期,减少工业和扬尘污染的排放', 'orange'],
  ['陶瓷、耐火、钙业等行业(电炉除外)限产50%', 'orange'],
  ['PVC手套行业限产20%', 'orange'],
  ['玻璃行业限产或限排10%', 'orange'],
  ['道路保洁适当增加洒水降尘作业', 'orange'],
  ['建成区内禁止使用冒黑烟高排放工程机械', 'orange'],
  ['每日进出厂区的重型车辆减少50%以上', 'orange'],
  ['建议中小学及幼儿园可采取弹性教学', 'red'],
  ['PVC手套行业限产50%', 'red'],
  ['玻璃行业限产或限排20%', 'red'],
  ['本市及本市企业使用的重型柴油货运车辆', 'red'],
];

/** Sentences of a measure text: split at "。", at circled items and their labels, and at "主要包括:". */
function sentences(body: string): string[] {
  return compact(body)
    .replace(/[①-⑳][^:。;,]{0,12}措施:/g, '|')
    .replace(/主要包括:/g, '|')
    .replace(/[①-⑳]/g, '|')
    .split(/[|。]/)
    .map((s) => s.replace(/[;,:]+$/, ''))
    .filter((s) => s.length > 0);
}

/**
 * The measure sentences of a clause of 五(五): from its item (1) on, without the headings ("(1)健康防护措施")
 * and, unless `titles`, without the standing items' titles ("(1)钢铁焦化铸造行业。").
 */
function measureSentences(clause: string, titles = false): string[] {
  const lines = (clauseText(text, clause) ?? '').split('\n').map((l) => l.trim());
  const first = lines.findIndex((l) => /^\(1\)/.test(l));
  expect(first).toBeGreaterThanOrEqual(0);
  const body = lines
    .slice(first)
    .filter((l) => !/^\(\d\)[^。,;:]*措施$/.test(l))
    .map((l) => (titles ? l.replace(/^\(\d\)/, '') : l.replace(/^\(\d\)[^。,;:]{1,12}。/, '')))
    .join('');
  return sentences(body);
}

const restatedFrom = (s: string) => RESTATED.find(([words]) => s.includes(compact(words)))?.[1];
const details = (levelId: LevelId, date: number) =>
  actionsForLevel(p, levelId, { date }).map((a) => compact(a.detail));
const rank = (l: LevelId) => LEVELS.indexOf(l);

describe('the source gives the sentences the test reads', () => {
  it.each(LEVELS)('%s has measure sentences', (l) => {
    expect(measureSentences(SECTION[l]).length).toBeGreaterThan(3);
  });
  it('the restatements name real sentences', () => {
    const all = LEVELS.flatMap((l) => measureSentences(SECTION[l]));
    for (const [words] of RESTATED) expect(all.some((s) => s.includes(compact(words)))).toBe(true);
  });
});

describe.each(LEVELS)('every measure of %s is in force at its level and above', (from) => {
  const rows = measureSentences(SECTION[from]).flatMap((s) =>
    LEVELS.filter((at) => rank(at) >= rank(from)).map((at) => [s, at] as const),
  );
  it.each(rows)('%s — at %s', (s, at) => {
    const restated = restatedFrom(s);
    const gone = restated !== undefined && rank(at) >= rank(restated);
    for (const date of [SUMMER_DAY, WINTER_DAY])
      expect(details(at, date).some((d) => d.includes(s))).toBe(!gone);
  });
});

describe('the winter measures (五(五)1) stand beneath every level in the heating season only', () => {
  const rows = measureSentences(STANDING).flatMap((s) => LEVELS.map((at) => [s, at] as const));
  it.each(rows)('%s — at %s', (s, at) => {
    expect(details(at, WINTER_DAY).some((d) => d.includes(s))).toBe(true);
    expect(details(at, SUMMER_DAY).some((d) => d.includes(s))).toBe(false);
  });
});

describe('a task’s text is whole sentences of its clause', () => {
  const measures = p.actions.filter((a) => a.clause.startsWith('五(五)'));
  it.each(measures.map((a) => [a.id, a] as const))('%s', (_id, a) => {
    const section = a.clause.slice(0, '五(五)1'.length);
    const whole = measureSentences(section, true);
    for (const s of sentences(a.detail)) expect(whole).toContain(s);
    expect(compact(a.detail)).toContain(compact(a.quote));
  });
  it('a superseded task is restated at the level of the task that supersedes it', () => {
    for (const a of p.actions)
      for (const old of a.supersedes) {
        const lower = p.actions.find((x) => x.id === old);
        expect(lower && rank(lower.level as LevelId) < rank(a.level as LevelId)).toBe(true);
        const restated = sentences(lower?.detail ?? '').filter((s) => restatedFrom(s) !== undefined);
        expect(restated.length).toBeGreaterThan(0);
        expect(restated.every((s) => restatedFrom(s) === a.level)).toBe(true);
      }
  });
});

describe('who owes the pollution clocks', () => {
  it('the 16:00 report is owed by the counties and the city departments, not the companies (四(三))', () => {
    const owed = p.clocks.find((c) => c.id === 'progress-16')?.owedBy ?? [];
    for (const company of [
      'city-mobile',
      'city-unicom',
      'city-telecom',
      'zibo-daily',
      'broadcasting',
      'cable',
      'power',
    ])
      expect(owed).not.toContain(company);
    for (const unit of ['city-police', 'environment', 'city-weather', 'zhangdian', 'wenchanghu'])
      expect(owed).toContain(unit);
  });
  it('the regional 4-hour clock runs before any level and at every level (四(五))', () => {
    const clock = p.clocks.find((c) => c.id === 'regional-4h');
    expect(clock?.beforeLevel).toBe(true);
    for (const l of LEVELS) expect(clocksForLevel(p, l).map((c) => c.id)).toContain('regional-4h');
  });
});

describe('checkPlan refuses a named record that attaches to nothing', () => {
  const [names] = keyedTablesOf('heavy-pollution');
  it('the annex-2 names are declared and all attached', () => {
    expect(names?.clause).toBe('附件2');
    expect(checkPlan(p)).toEqual([]);
    const attached = p.units.flatMap((u) => u.contacts.filter((c) => c.clause === '附件2'));
    const filed = Object.values(names?.counts ?? {}).reduce((a, b) => a + b, 0);
    expect(attached).toHaveLength(filed);
    for (const person of ['申延军', '傅斌', '臧传花', '李华杰'])
      expect(attached.map((c) => c.person)).toContain(person);
  });
  it('a key that names no unit', () => {
    if (!names) throw new Error('no annex-2 table declared');
    const bad = { ...names, counts: { ...names.counts, police: 2 } };
    expect(checkPlan(p, [bad])).toEqual([expect.stringContaining('"police" names no unit')]);
  });
  it('a plan copy whose unit id no longer matches the key', () => {
    const copy: Plan = structuredClone(p);
    const weather = copy.units.find((u) => u.id === 'city-weather');
    if (!weather) throw new Error('no city-weather');
    weather.id = 'weather';
    expect(checkPlan(copy)).toContain(
      'heavy-pollution: 附件2 names "city-weather" names no unit; its 1 record(s) attach to nothing',
    );
  });
  it('a unit that lost the names filed under it', () => {
    const copy: Plan = structuredClone(p);
    const police = copy.units.find((u) => u.id === 'city-police');
    if (!police) throw new Error('no city-police');
    police.contacts = [];
    expect(checkPlan(copy)).toEqual([expect.stringContaining('carries 0 of the 2')]);
  });
});
