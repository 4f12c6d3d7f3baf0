import { describe, expect, it } from 'vitest';
import { actionsForLevel, levelDiff, levelsStarted } from '../../shared/engine/tiers.ts';
import { plan } from './helpers.ts';

const ids = (xs: { id: string }[]) => xs.map((x) => x.id);
const WINTER_DAY = Date.UTC(2026, 11, 10, 2); // 10 Dec, Shanghai
const SUMMER_DAY = Date.UTC(2026, 6, 10, 2); // 10 Jul

describe('cumulative tiers', () => {
  it('snow II carries every action of III, and I every action of II', () => {
    const p = plan('snow-ice');
    const iii = ids(actionsForLevel(p, 'III'));
    const ii = ids(actionsForLevel(p, 'II'));
    const i = ids(actionsForLevel(p, 'I'));
    expect(ii).toEqual(expect.arrayContaining(iii));
    expect(i).toEqual(expect.arrayContaining(ii));
    expect(ii.length).toBeGreaterThan(iii.length);
  });

  it.each([
    ['snow-ice', 'III', 'II', ['heads-to-hq', 'coordinate-forces'], []],
    ['snow-ice', 'II', 'I', ['all-resources', 'assault-forces', 'fire-major'], []],
    [
      'snow-ice',
      'I',
      'III',
      [],
      ['heads-to-hq', 'coordinate-forces', 'all-resources', 'assault-forces', 'fire-major'],
    ],
    ['power-plant', 'IV', 'III', ['members-to-scene', 'onsite-hq'], ['county-escalate']],
    ['power-plant', 'II', 'I', [], []],
    [
      'heavy-pollution',
      'yellow',
      'orange',
      ['o-health', 'o-industry', 'o-gasifier'],
      ['y-health', 'y-ceramics', 'y-pvc', 'y-glass', 'y-roads', 'y-machinery', 'y-gate'],
    ],
    ['heavy-pollution', 'orange', 'red', ['r-health', 'r-solvents'], ['o-health', 'o-mobile']],
  ])('%s %s → %s adds %j and stands down %j', (planId, from, to, added, stoodDown) => {
    const diff = levelDiff(plan(planId), from, to, { date: SUMMER_DAY });
    for (const a of added) expect(ids(diff.added)).toContain(a);
    expect(ids(diff.stoodDown).sort()).toEqual(expect.arrayContaining([...stoodDown].sort()));
    if (stoodDown.length === 0) expect(diff.stoodDown).toEqual([]);
    if (added.length === 0) expect(diff.added).toEqual([]);
  });

  it('a higher pollution response replaces the lower one’s restated measure, never both', () => {
    const red = ids(actionsForLevel(plan('heavy-pollution'), 'red', { date: SUMMER_DAY }));
    // PVC gloves −20% (III) → −50% (II) → stop (I): only the strictest stands
    expect(red).toContain('r-industry');
    expect(red).not.toContain('o-pvc');
    expect(red).not.toContain('y-pvc');
    // repeated word for word, or not restated: the lower task stays in force
    for (const kept of [
      'b-industry',
      'y-industry',
      'o-industry',
      'y-dust',
      'y-spoil',
      'o-gasifier',
      'o-gate',
    ])
      expect(red).toContain(kept);
    // level I repeats level II's advocacy word for word, so level II's task stands
    expect(red).toContain('o-advocacy');
  });

  it('nothing appears twice in a level', () => {
    for (const p of ['snow-ice', 'rural-water', 'power-plant', 'heavy-pollution'].map(plan)) {
      for (const l of p.levels) {
        const list = ids(actionsForLevel(p, l.id));
        expect(new Set(list).size).toBe(list.length);
      }
    }
  });
});

describe('linked plans', () => {
  it('starting the district rural-water response starts the town and village responses', () => {
    const p = plan('rural-water');
    expect(levelsStarted(p, 'district')).toEqual(['district', 'town', 'village']);
    expect(levelsStarted(p, 'town')).toEqual(['town']);
    const district = ids(actionsForLevel(p, 'district'));
    expect(district).toEqual(expect.arrayContaining(['village-lead', 'town-lead', 'district-lead']));
  });
});

describe('conditions that change actions', () => {
  it('the snow temperature bands pick the pre-snow and in-snow measures', () => {
    const p = plan('snow-ice');
    const mild = ids(actionsForLevel(p, 'III', { readings: { temperatureC: 1 } }));
    const cold = ids(actionsForLevel(p, 'III', { readings: { temperatureC: -3 } }));
    const unknown = ids(actionsForLevel(p, 'III'));
    expect(mild).toContain('pre-snow-mild');
    expect(mild).not.toContain('pre-snow-cold');
    expect(cold).toContain('in-snow-cold');
    expect(cold).not.toContain('in-snow-mild');
    expect(unknown).toEqual(expect.arrayContaining(['pre-snow-mild', 'pre-snow-cold']));
  });

  it('0 ℃ belongs to the “0℃左右及以上” band', () => {
    const zero = ids(actionsForLevel(plan('snow-ice'), 'III', { readings: { temperatureC: 0 } }));
    expect(zero).toContain('pre-snow-mild');
    expect(zero).not.toContain('pre-snow-cold');
  });

  it.each([
    [Date.UTC(2026, 10, 14, 15, 59), false], // 14 Nov 23:59 Shanghai
    [Date.UTC(2026, 10, 14, 16, 0), true], // 15 Nov 00:00 Shanghai
    [Date.UTC(2027, 2, 15, 15, 59), true], // 15 Mar 23:59 Shanghai
    [Date.UTC(2027, 2, 15, 16, 0), false], // 16 Mar 00:00 Shanghai
    [WINTER_DAY, true],
    [SUMMER_DAY, false],
  ])('the pollution winter measures apply at %s: %s', (date, inSeason) => {
    const blue = ids(actionsForLevel(plan('heavy-pollution'), 'blue', { date }));
    expect(blue.includes('w-steel')).toBe(inSeason);
  });

  it.each([
    [Date.UTC(2026, 8, 30, 15, 59), false, false], // 30 Sep 23:59 Shanghai
    [Date.UTC(2026, 8, 30, 16, 0), true, false], // 1 Oct 00:00 Shanghai
    [Date.UTC(2026, 10, 10, 2), true, false], // 10 Nov
    [WINTER_DAY, true, true],
    [Date.UTC(2027, 2, 20, 2), true, false], // 20 Mar
    [Date.UTC(2027, 2, 31, 15, 59), true, false], // 31 Mar 23:59 Shanghai
    [Date.UTC(2027, 2, 31, 16, 0), false, false], // 1 Apr 00:00 Shanghai
    [SUMMER_DAY, false, false],
  ])('the coking rule keeps its own window (五(五)1(1), 1 Oct – 31 Mar) at %s: %s', (date, coking, steel) => {
    const blue = ids(actionsForLevel(plan('heavy-pollution'), 'blue', { date }));
    expect(blue.includes('w-coking')).toBe(coking);
    expect(blue.includes('w-steel')).toBe(steel);
  });
});
