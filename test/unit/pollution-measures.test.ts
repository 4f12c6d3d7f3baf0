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
  // 四(三) "各区县、市直有关部门(单位)": the counties, the city departments and the two city-owned media
  const NOTIFIED_OUTSIDE = ['city-mobile', 'city-unicom', 'city-telecom', 'cable', 'power'];
  const NOTIFIED_INSIDE = [
    'city-police',
    'environment',
    'city-weather',
    'supervision',
    'inspection',
    'emergency-office',
    'zibo-daily',
    'broadcasting',
    'zhangdian',
    'wenchanghu',
  ];

  it('the 16:00 report is owed by the counties and the city units, not the outside companies (四(三))', () => {
    const owed = p.clocks.find((c) => c.id === 'progress-16')?.owedBy ?? [];
    for (const company of NOTIFIED_OUTSIDE) expect(owed).not.toContain(company);
    for (const unit of NOTIFIED_INSIDE) expect(owed).toContain(unit);
  });

  it('the same sentence’s “立即启动相应专项预案” goes to the same units, as a 四(三) task of its own', () => {
    const start = p.actions.find((a) => a.id === 'start-special-plans');
    const owed = p.clocks.find((c) => c.id === 'progress-16')?.owedBy ?? [];
    expect(start?.clause).toBe('四(三)');
    expect([...(start?.units ?? [])].sort()).toEqual([...owed].sort());
    expect(compact(clauseText(text, '四(三)') ?? '')).toContain(compact(start?.detail ?? '-'));
    const duties = p.actions.find((a) => a.id === 'member-duties');
    expect(duties?.clause).toBe('五(二)');
    expect(compact(clauseText(text, '五(二)') ?? '')).toContain(compact(duties?.detail ?? '-'));
    expect(duties?.detail).not.toContain('专项预案');
  });

  it('the next-morning newspaper clock is the fallback, with its 12:00 recorded as a reading', () => {
    const clock = p.clocks.find((c) => c.id === 'newspaper-next-morning');
    expect(clock?.start).toEqual({ kind: 'nextDayBy', milestone: 'declared', time: '12:00' });
    expect(clock?.title.zh).toContain('补发');
    expect(clock?.note?.zh).toContain('12:00');
    expect(p.readings.some((r) => r.clause === '四(六)6' && r.reading.zh.includes('12:00'))).toBe(true);
  });

  it('the regional 4-hour clock runs before any level and at every level (四(五))', () => {
    const clock = p.clocks.find((c) => c.id === 'regional-4h');
    expect(clock?.beforeLevel).toBe(true);
    for (const l of LEVELS) expect(clocksForLevel(p, l).map((c) => c.id)).toContain('regional-4h');
  });
});

describe('四(六): each warning-broadcast task carries its item whole', () => {
  const items = (clauseText(text, '四(六)') ?? '')
    .split(/\n(?=\d\. )/)
    .slice(1)
    .map((x) => compact(x.replace(/^\d\. /, '')));
  it.each([1, 2, 3, 4, 5, 6, 7, 8])('broadcast-%i', (n) => {
    const a = p.actions.find((x) => x.id === `broadcast-${n}`);
    expect(items).toHaveLength(8);
    expect(compact(a?.detail ?? '')).toBe(items[n - 1]);
  });
  it('item 5 goes to the operators, and to every department’s and county’s official accounts', () => {
    const units = p.actions.find((x) => x.id === 'broadcast-5')?.units ?? [];
    for (const u of [
      'city-mobile',
      'city-unicom',
      'city-telecom',
      'city-weather',
      'environment',
      'zhangdian',
    ])
      expect(units).toContain(u);
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
  it('every annex-2 person is attached once, with the post exactly as the table gives it', () => {
    const attached = p.units.flatMap((u) =>
      u.contacts.filter((c) => c.clause === '附件2').map((c) => ({ unit: u.id, ...c })),
    );
    expect(attached).toHaveLength(41);
    expect(new Set(attached.map((c) => c.person)).size).toBe(41);
    const table = compact(clauseText(text, '附件2') ?? '');
    const at = (person: string) => attached.find((c) => c.person === person);
    // 于洪德's post wraps onto the next row of the two-column table: "市公安局党委" … "副书记,副局长"
    for (const c of attached.filter((x) => x.person !== '于洪德'))
      expect(table, c.person).toContain(compact(`${c.person ?? ''}${c.post ?? ''}`));
    expect(table).toContain('于洪德市公安局党委');
    expect(at('于洪德')?.post).toBe('市公安局党委副书记,副局长');
    expect(at('于海田')).toMatchObject({
      unit: 'hq-office',
      post: '市委副书记,市长',
      label: expect.stringContaining('指挥长'),
    });
    expect(at('杨洪涛')).toMatchObject({
      unit: 'hq-office',
      post: '市委常委,副市长',
      label: expect.stringContaining('副指挥长'),
    });
    expect(at('刘荣喜')).toMatchObject({
      unit: 'hq-office',
      post: '副市长,市文昌湖旅游度假区工委书记',
      label: expect.stringContaining('办公室主任'),
    });
    expect(at('董云波')).toMatchObject({ unit: 'hq-office', post: '市政府秘书长' });
    expect(at('翟国梁')).toMatchObject({ unit: 'hq-office', post: '市政府办公厅副主任' });
    expect(at('申延军')).toMatchObject({ unit: 'city-police', post: '副市长,市公安局局长' });
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
