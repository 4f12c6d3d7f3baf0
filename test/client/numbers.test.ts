/**
 * Readings as a duty officer types them with a Chinese input method: full-width digits and signs, the
 * ideographic full stop, 零下, 万, units after the number. A unit that contradicts the indicator's is refused
 * with a message in both languages; nothing typed is ever taken for "missing".
 */
import { describe, expect, it } from 'vitest';
import { planById } from '../../shared/plans/index.ts';
import type { IndicatorDef } from '../../shared/plans/schema.ts';
import { normalise, readField, readNumber, readQuantity, unitKind } from '../../client/src/logic/numbers.ts';

const indicator = (planId: string, key: string): IndicatorDef => {
  const def = planById(planId)?.indicators.find((d) => d.key === key);
  if (!def) throw new Error(`${planId} has no indicator ${key}`);
  return def;
};
const CJK = /[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]/;

describe('readNumber', () => {
  it.each([
    ['12', 12],
    ['１２', 12],
    ['－3', -3],
    ['−3', -3],
    ['–3', -3],
    ['-3', -3],
    ['＋5', 5],
    ['+5', 5],
    ['１２．５', 12.5],
    ['12。5', 12.5],
    ['.5', 0.5],
    ['12.', 12],
    ['  ７ ', 7],
    ['0', 0],
    ['-0', 0],
    ['零下3', -3],
    ['负 3', -3],
    ['1,000', 1000],
    ['1，000', 1000],
    ['12,345.5', 12345.5],
    ['1.2万', 12000],
    ['1.1万人', 11000],
    ['12mm', 12],
    ['12 毫米', 12],
    ['１２ｍｍ', 12],
    ['12㎜', 12],
    ['12 MM', 12],
    ['35 μg/m³', 35],
    ['35 µg/m³', 35],
    ['150ug/m3', 150],
    ['3天', 3],
    ['2 h', 2],
    ['72小时', 72],
    ['－3℃', -3],
    ['-3 °C', -3],
    ['零下3度', -3],
    ['5人', 5],
    ['200 AQI', 200],
    ['15%', 15],
    ['１２　ｃｍ', 12],
  ])('%j reads as %d', (text, value) => {
    expect(readNumber(text)).toBe(value);
  });

  it.each([
    [''],
    ['   '],
    ['abc'],
    ['-'],
    ['－'],
    ['.'],
    ['12abc'],
    ['12 左右'],
    ['约12'],
    ['12-15'],
    ['3,5'],
    ['1e3'],
    ['--3'],
    ['12 mm mm'],
  ])('%j is no number', (text) => {
    expect(readNumber(text)).toBeNull();
  });
});

describe('readQuantity keeps what was typed after the number', () => {
  it.each([
    ['12', { value: 12, unit: null }],
    ['１２ｍｍ', { value: 12, unit: 'mm' }],
    ['12 毫米', { value: 12, unit: '毫米' }],
    ['－3℃', { value: -3, unit: '°C' }],
    ['35 μg/m³', { value: 35, unit: 'μg/m3' }],
    ['12abc', { value: 12, unit: 'abc' }],
  ])('%j → %j', (text, q) => {
    expect(readQuantity(text)).toEqual(q);
  });
  it('says null when the text does not start with a number', () => {
    expect(readQuantity('mm12')).toBeNull();
  });
});

describe('normalise and unitKind', () => {
  it.each([
    ['１２．５', '12.5'],
    ['－３', '-3'],
    ['12。5', '12.5'],
    ['句号。', '句号。'],
    ['  a \u3000 b  ', 'a b'],
  ])('normalise(%j) = %j', (text, out) => {
    expect(normalise(text)).toBe(out);
  });
  it.each([
    ['mm', 'mm'],
    ['毫米', 'mm'],
    ['ｍｍ', 'mm'],
    ['厘米', 'cm'],
    ['℃', 'celsius'],
    ['度', 'celsius'],
    ['小时', 'hour'],
    ['h', 'hour'],
    ['天', 'day'],
    ['人', 'people'],
    ['people', 'people'],
    ['AQI', 'aqi'],
    ['μg/m³', 'concentration'],
    ['ug/m3', 'concentration'],
    ['左右', null],
    ['', null],
  ])('unitKind(%j) = %j', (text, kind) => {
    expect(unitKind(text)).toBe(kind);
  });
});

describe('readField: one field of the declare form, for its indicator', () => {
  const snow24 = indicator('snow-ice', 'snowfall24hMm');
  const depth = indicator('snow-ice', 'snowDepthCm');
  const temp = indicator('snow-ice', 'temperatureC');
  const outage = indicator('rural-water', 'outageHours');
  const population = indicator('rural-water', 'affectedPopulation');
  const spans = indicator('rural-water', 'spansTowns');
  const deaths = indicator('power-plant', 'deaths');
  const aqi = indicator('heavy-pollution', 'aqiForecast');

  it.each([
    [snow24, '１２', 12],
    [snow24, '12mm', 12],
    [snow24, '12 毫米', 12],
    [snow24, '１２．５ｍｍ', 12.5],
    [depth, '12 cm', 12],
    [depth, '１２厘米', 12],
    [temp, '－3', -3],
    [temp, '－3℃', -3],
    [temp, '零下5度', -5],
    [outage, '2 h', 2],
    [outage, '72小时', 72],
    [population, '1.2万人', 12000],
    [population, '3,000 people', 3000],
    [deaths, '３人', 3],
    [spans, 'true', true],
    [spans, 'false', false],
    [aqi, '210，305, 320  180', [210, 305, 320, 180]],
    [aqi, '２１０、３０５；３２０', [210, 305, 320]],
    [aqi, '210 AQI, 305 AQI', [210, 305]],
    [aqi, '210 305 AQI', [210, 305]],
  ])('%s: %j is read as %j', (def, text, value) => {
    expect(readField(def, text)).toEqual({ given: true, value });
  });

  it.each([[''], ['  '], ['　']])('%j is not given (left out, not refused)', (text) => {
    expect(readField(snow24, text)).toEqual({ given: false });
  });

  // a unit that contradicts the indicator's: refused, never converted, never dropped
  it.each([
    [snow24, '1 cm', '24小时降雪量（融化后水量）”以毫米计', 'is read in mm, not in “cm”'],
    [depth, '12 毫米', '积雪深度”以厘米计', '“Snow depth” is read in cm, not in “毫米”'],
    [temp, '20°F', '以℃计', 'is read in °C'],
    [outage, '3天', '以小时计，不能按“天”填写', 'is read in h, not in “天”'],
    [outage, '30 min', '以小时计', 'is read in h'],
    [population, '300户', '以人计', 'is read in people, not in “户”'],
    [aqi, '35 μg/m³', '以AQI计', 'day 1 is read in AQI, not in “μg/m3”'],
    [aqi, '210, 150ug/m3', '第 2 天', 'day 2 is read in AQI'],
  ])('%s: %j is refused for its unit', (def, text, zh, en) => {
    const r = readField(def, text);
    expect(r).toMatchObject({ given: true, problem: {} });
    const problem = 'problem' in r ? r.problem : null;
    expect(problem?.zh).toContain(zh);
    expect(problem?.en).toContain(en);
  });

  it.each([
    [snow24, 'abc', '“abc”不是数字', '“abc” is not a number; give the value in mm'],
    [snow24, '12 左右', '不是数字', 'is not a number'],
    [temp, '－', '不是数字', 'is not a number'],
    [aqi, '210, abc', '第 2 天', 'day 2: “abc” is not a number'],
    [spans, 'yes', '应选“是”或“否”', 'choose yes or no'],
  ])('%s: %j is refused as no number', (def, text, zh, en) => {
    const r = readField(def, text);
    const problem = 'problem' in r ? r.problem : null;
    expect(problem?.zh).toContain(zh);
    expect(problem?.en).toContain(en);
  });

  it('names the indicator in words in both languages, never by its key, and writes English in English', () => {
    const cases: [IndicatorDef, string][] = [
      [snow24, 'abc'],
      [depth, '12 毫米'],
      [outage, '3d'],
      [aqi, '1, x'],
      [spans, 'maybe'],
    ];
    for (const [def, text] of cases) {
      const r = readField(def, text);
      if (!('problem' in r)) throw new Error(`${def.key} ${text} was accepted`);
      expect(r.problem.zh).toContain(def.name.zh);
      expect(r.problem.en).toContain(def.name.en);
      expect(`${r.problem.zh} ${r.problem.en}`).not.toContain(def.key);
      // what the officer typed is quoted as typed; everything else in English is English
      expect(r.problem.en.replace(/“[^”]*”/g, '')).not.toMatch(CJK);
    }
  });
});
