import { describe, expect, it } from 'vitest';
import { assess, daysAbove, pollutionProcesses } from '../../shared/engine/assess.ts';
import { parseReadings } from '../../shared/engine/readings.ts';
import { planById } from '../../shared/plans/index.ts';
import type { Plan } from '../../shared/plans/schema.ts';

const plan = (id: string): Plan => {
  const p = planById(id);
  if (!p) throw new Error(id);
  return p;
};

/** [readings, expected level] rows: just below, at and just above every boundary. */
type Row = [Record<string, unknown>, string | null];

function table(planId: string, rows: Row[]) {
  it.each(rows)(`${planId} %j → %s`, (readings, expected) => {
    const parsed = parseReadings(plan(planId), readings);
    expect(parsed.ok).toBe(true);
    if (parsed.ok) expect(assess(plan(planId), parsed.readings).level).toBe(expected);
  });
}

describe('snow-ice boundaries (以上含本数，以下不含本数)', () => {
  table('snow-ice', [
    [{ snowfall12hMm: 0.9 }, null],
    [{ snowfall12hMm: 1 }, 'III'],
    [{ snowfall12hMm: 2.9 }, 'III'],
    [{ snowfall12hMm: 3 }, 'II'],
    [{ snowfall12hMm: 5.9 }, 'II'],
    [{ snowfall12hMm: 6 }, 'I'],
    [{ snowfall12hMm: 6.1 }, 'I'],
    [{ snowfall24hMm: 2.4 }, null],
    [{ snowfall24hMm: 2.5 }, 'III'],
    [{ snowfall24hMm: 4.9 }, 'III'],
    [{ snowfall24hMm: 5 }, 'II'],
    [{ snowfall24hMm: 9.9 }, 'II'],
    [{ snowfall24hMm: 10 }, 'I'],
    [{ snowDepthCm: 2.9 }, null],
    [{ snowDepthCm: 3 }, 'III'],
    [{ snowDepthCm: 4.9 }, 'III'],
    [{ snowDepthCm: 5 }, 'II'],
    [{ snowDepthCm: 7.9 }, 'II'],
    [{ snowDepthCm: 8 }, 'I'],
    [{ temperatureC: -3 }, null],
    [{ snowfall12hMm: 1, snowDepthCm: 8 }, 'I'],
  ]);
});

describe('rural-water boundaries', () => {
  table('rural-water', [
    [{ outageHours: 23.9 }, null],
    [{ outageHours: 24 }, 'town'],
    [{ outageHours: 47.9 }, 'town'],
    [{ outageHours: 48 }, 'district'],
    [{ severeShortageHours: 23.9 }, null],
    [{ severeShortageHours: 24 }, 'village'],
    [{ severeShortageHours: 47.9 }, 'village'],
    [{ severeShortageHours: 48 }, 'town'],
    [{ severeShortageHours: 71.9 }, 'town'],
    [{ severeShortageHours: 72 }, 'district'],
    [{ affectedPopulation: 999, alternativeSourceWithin2km: false }, null],
    [{ affectedPopulation: 1000, alternativeSourceWithin2km: false }, 'village'],
    [{ affectedPopulation: 1000, alternativeSourceWithin2km: true }, null],
    [{ affectedPopulation: 1000 }, null],
    [{ affectedPopulation: 2999, alternativeSourceWithin2km: false }, 'village'],
    [{ affectedPopulation: 3000 }, 'town'],
    [{ affectedPopulation: 4999 }, 'town'],
    [{ affectedPopulation: 5000 }, 'district'],
    [{ affectedPopulation: 999, spansVillages: true }, null],
    [{ affectedPopulation: 1000, spansVillages: true }, 'town'],
    [{ affectedPopulation: 1999, spansTowns: true }, 'town'],
    [{ affectedPopulation: 2000, spansTowns: true }, 'district'],
    [{ affectedPopulation: 2000, spansVillages: true }, 'town'],
    [{ deaths: 0 }, null],
    [{ deaths: 1 }, 'town'],
    [{ deaths: 2 }, 'town'],
    [{ deaths: 3 }, 'district'],
    [{ poisoned: 0 }, null],
    [{ poisoned: 1 }, 'village'],
    [{ poisoned: 29 }, 'village'],
    [{ poisoned: 30 }, 'town'],
    [{ poisoned: 49 }, 'town'],
    [{ poisoned: 50 }, 'district'],
    [{ disasterOutagePopulation: 2999 }, null],
    [{ disasterOutagePopulation: 3000 }, 'town'],
    [{ disasterOutagePopulation: 4999 }, 'town'],
    [{ disasterOutagePopulation: 5000 }, 'district'],
    [{ wholeVillageOutage: true }, 'village'],
    [{ wholeVillageOutage: false }, null],
  ]);
});

describe('power-plant boundaries', () => {
  table('power-plant', [
    [{ deaths: 0 }, 'IV'],
    [{ deaths: 2 }, 'IV'],
    [{ deaths: 3 }, 'III'],
    [{ deaths: 9 }, 'III'],
    [{ deaths: 10 }, 'II'],
    [{ deaths: 29 }, 'II'],
    [{ deaths: 30 }, 'I'],
    [{ injured: 9 }, 'IV'],
    [{ injured: 10 }, 'III'],
    [{ injured: 49 }, 'III'],
    [{ injured: 50 }, 'II'],
    [{ injured: 99 }, 'II'],
    [{ injured: 100 }, 'I'],
    [{ severeSocialImpact: true }, 'I'],
    [{ severeSocialImpact: false }, null],
    [{ deaths: 1, injured: 60 }, 'II'],
  ]);
});

describe('heavy-pollution boundaries (AQI thresholds are strict; 500 is reached at 500)', () => {
  table('heavy-pollution', [
    [{ aqiForecast: [200] }, null],
    [{ aqiForecast: [201] }, 'blue'],
    [{ aqiForecast: [201, 200] }, 'blue'],
    [{ aqiForecast: [201, 201] }, 'yellow'],
    [{ aqiForecast: [150, 201, 201] }, 'yellow'],
    [{ aqiForecast: [201, 201, 201] }, 'yellow'],
    [{ aqiForecast: [300, 201, 201] }, 'yellow'],
    [{ aqiForecast: [301, 201, 201] }, 'orange'],
    [{ aqiForecast: [301, 301, 201] }, 'orange'],
    [{ aqiForecast: [201, 201, 201, 201, 301, 300] }, 'orange'],
    [{ aqiForecast: [201, 201, 301, 301] }, 'red'],
    [{ aqiForecast: [201, 201, 150, 301, 301] }, 'red'],
    [{ aqiForecast: [499] }, 'blue'],
    [{ aqiForecast: [500] }, 'red'],
  ]);
});

describe('heavy-pollution processes (四(四): close episodes are one process; a gap meeting the lifting condition parts them)', () => {
  table('heavy-pollution', [
    // one day at AQI ≤ 150 is 24 h, short of the 36 h the lifting condition asks: one process
    [{ aqiForecast: [201, 100, 201] }, 'yellow'],
    [{ aqiForecast: [201, 201, 100, 301, 301] }, 'red'],
    [{ aqiForecast: [201, 201, 100, 201, 301] }, 'orange'],
    // moderate days (151–200) never meet the lifting condition, however many
    [{ aqiForecast: [201, 151, 151, 201] }, 'yellow'],
    [{ aqiForecast: [201, 200, 180, 170, 201] }, 'yellow'],
    // a day below 300 inside one process does not end the count of days above 300 (从严)
    [{ aqiForecast: [201, 301, 250, 301] }, 'red'],
    // two or more days at AQI ≤ 150 (48 h ≥ 36 h): separate processes, each graded on its own
    [{ aqiForecast: [201, 150, 150, 201] }, 'blue'],
    [{ aqiForecast: [201, 100, 100, 201] }, 'blue'],
    [{ aqiForecast: [201, 201, 201, 100, 100, 301] }, 'yellow'],
    [{ aqiForecast: [201, 201, 201, 201, 100, 100, 301, 301] }, 'yellow'],
    [{ aqiForecast: [201, 201, 201, 201, 100, 100, 100, 301, 301, 301] }, 'orange'],
    [{ aqiForecast: [201, 100, 100, 500] }, 'red'],
    [{ aqiForecast: [150, 150, 201, 201] }, 'yellow'],
    [{ aqiForecast: [180, 180] }, null],
  ]);

  it.each([
    [[], []],
    [[100, 100], []],
    [[201], [[201]]],
    [[201, 100, 201], [[201, 100, 201]]],
    [[201, 151, 151, 201], [[201, 151, 151, 201]]],
    [
      [201, 150, 150, 201],
      [[201], [201]],
    ],
    [[100, 201, 201, 120], [[201, 201]]],
    [
      [201, 100, 100, 100, 180, 100, 201],
      [[201], [180, 100, 201]],
    ],
  ])('pollutionProcesses(%j) → %j', (series, processes) => {
    expect(pollutionProcesses(series)).toEqual(processes);
  });

  it('counts the days of a process strictly above the threshold', () => {
    expect(daysAbove([201, 201, 150, 201, 201, 201], 200)).toBe(5);
    expect(daysAbove([200, 200], 200)).toBe(0);
  });
});

describe('assess explains itself', () => {
  it('gives the criterion, clause and measured value of every reason', () => {
    const result = assess(plan('snow-ice'), { snowfall24hMm: 12, snowDepthCm: 9 });
    expect(result.level).toBe('I');
    expect(result.reasons.map((r) => [r.criterion, r.clause, r.value])).toEqual([
      ['i-24h', '3', 12],
      ['i-depth', '3', 9],
    ]);
    expect(result.notGiven).toEqual(['snowfall12hMm', 'temperatureC']);
  });

  it('shows the whole series for a pollution reason', () => {
    const result = assess(plan('heavy-pollution'), { aqiForecast: [320, 330, 250, 240] });
    expect(result.level).toBe('red');
    expect(result.reasons[0]?.values.aqiForecast).toEqual([320, 330, 250, 240]);
  });
});

describe('readings are validated with clear words', () => {
  const problem = (planId: string, input: unknown) => {
    const r = parseReadings(plan(planId), input);
    return r.ok ? null : r.problems.map((p) => `${p.zh} | ${p.en}`).join('\n');
  };
  it.each([
    ['snow-ice', { snowDepthCm: -1 }, '不能为负数'],
    ['snow-ice', { snowDepht: 3 }, '没有指标'],
    ['snow-ice', {}, '至少需要一项'],
    ['snow-ice', { snowDepthCm: null }, '缺少数值'],
    ['snow-ice', { snowDepthCm: '3' }, '应为数字'],
    ['snow-ice', { snowDepthCm: 301 }, '之间'],
    ['power-plant', { deaths: 1.5 }, '应为整数'],
    ['power-plant', { severeSocialImpact: 'yes' }, 'true 或 false'],
    ['heavy-pollution', { aqiForecast: [] }, '数值列表'],
    ['heavy-pollution', { aqiForecast: [250, 501] }, '第 2 天'],
    ['heavy-pollution', { aqiForecast: new Array(11).fill(250) }, '最多 10 天'],
    ['rural-water', [1, 2], '应为一个对象'],
    ['rural-water', 'outage', '应为一个对象'],
  ])('%s %j is refused: %s', (planId, input, words) => {
    expect(problem(planId, input)).toContain(words);
  });

  it.each([
    [
      'snow-ice',
      { snowfall24hMm: 301 },
      '“24小时降雪量（融化后水量）”应在',
      '“24-hour snowfall (melted water)” must be',
    ],
    ['snow-ice', { snowDepthCm: '3' }, '“积雪深度”应为数字', '“Snow depth” must be a number'],
    [
      'power-plant',
      { deaths: 1.5 },
      '“死亡人数（含可能）”应为整数',
      '“Deaths (actual or likely)” must be a whole',
    ],
    ['heavy-pollution', { aqiForecast: [250, 501] }, '第 2 天', 'day 2'],
    ['snow-ice', {}, '12小时降雪量（融化后水量）', '12-hour snowfall (melted water)'],
  ])('%s %j names the indicator in words, never by its key', (planId, input, zh, en) => {
    const r = parseReadings(plan(planId), input);
    if (r.ok) throw new Error('accepted');
    const text = r.problems.map((p) => `${p.zh} | ${p.en}`).join('\n');
    expect(text).toContain(zh);
    expect(text).toContain(en);
    for (const d of plan(planId).indicators) expect(text).not.toContain(d.key);
  });

  it('an unknown key is answered with the known keys, each with its name in words', () => {
    const r = parseReadings(plan('snow-ice'), { snowDepht: 3 });
    if (r.ok) throw new Error('accepted');
    expect(r.problems[0]!.en).toContain('snowDepthCm (Snow depth)');
    expect(r.problems[0]!.zh).toContain('snowDepthCm（积雪深度）');
  });

  it('accepts good readings unchanged', () => {
    expect(parseReadings(plan('rural-water'), { outageHours: 30, spansTowns: true })).toEqual({
      ok: true,
      readings: { outageHours: 30, spansTowns: true },
    });
  });
});
