/**
 * The declare form's decisions: a recommendation is shown only for the readings as typed now (never left
 * over under a problem), and the chosen level follows the readings until the officer picks one, after which
 * it stays theirs and a reason is asked for when it differs.
 */
import { describe, expect, it } from 'vitest';
import { planById } from '../../shared/plans/index.ts';
import {
  canSubmit,
  type DeclareFields,
  declareView,
  FOLLOW,
  type LevelChoice,
  missingFields,
  pickLevel,
  readForm,
  readingsFrom,
} from '../../client/src/logic/declareForm.ts';

const snow = planById('snow-ice')!;
const water = planById('rural-water')!;
const pollution = planById('heavy-pollution')!;

describe('readForm: the readings as typed, with each field’s problem', () => {
  it.each([
    [
      'full-width digits and a unit',
      { snowfall12hMm: '１２．５ｍｍ', temperatureC: '－3℃' },
      { snowfall12hMm: 12.5, temperatureC: -3 },
    ],
    ['blanks are left out', { snowfall12hMm: ' ', snowDepthCm: '' }, {}],
    ['a number typed with a unit', { snowfall24hMm: '12 毫米' }, { snowfall24hMm: 12 }],
  ])('snow: %s', (_what, raw, readings) => {
    expect(readForm(snow, raw)).toEqual({ readings, problems: [] });
  });

  it.each([
    ['another unit', { snowDepthCm: '12 毫米' }, 'snowDepthCm', '以厘米计'],
    ['no number', { snowfall12hMm: 'abc' }, 'snowfall12hMm', '不是数字'],
    ['out of range (the engine’s check)', { snowDepthCm: '３０１' }, 'snowDepthCm', '应在 0–300厘米 之间'],
    ['below zero', { snowfall24hMm: '－1' }, 'snowfall24hMm', '不能为负数'],
  ])('snow: %s is a problem of its field, and the reading is not sent', (_what, raw, key, words) => {
    const r = readForm(snow, raw);
    expect(r.readings).toEqual({});
    expect(r.problems.map((p) => p.key)).toEqual([key]);
    expect(r.problems[0]!.problem.zh).toContain(words);
  });

  it('a count must be whole, and the message names the indicator in words, not its key', () => {
    const r = readForm(water, { affectedPopulation: '1.5人' });
    expect(r.problems).toHaveLength(1);
    const { zh, en } = r.problems[0]!.problem;
    expect(zh).toContain('应为整数');
    expect(`${zh} ${en}`).not.toContain('affectedPopulation');
    expect(en).toContain(water.indicators.find((d) => d.key === 'affectedPopulation')!.name.en);
  });

  it('reads yes/no and day series, and keeps readingsFrom for the API', () => {
    expect(readingsFrom(water, { spansTowns: 'true', outageHours: '７２小时' })).toEqual({
      spansTowns: true,
      outageHours: 72,
    });
    expect(readingsFrom(pollution, { aqiForecast: '２１０，３０５、320 180' })).toEqual({
      aqiForecast: [210, 305, 320, 180],
    });
  });
});

describe('declareView: recommendation and chosen level', () => {
  type Row = [
    what: string,
    raw: Record<string, string>,
    choice: LevelChoice,
    expected: {
      recommended: string | null;
      levelId: string;
      differs: boolean;
      problems: number;
      assessed: boolean;
    },
  ];
  it.each<Row>([
    [
      'nothing typed',
      {},
      FOLLOW,
      { recommended: null, levelId: '', differs: false, problems: 0, assessed: false },
    ],
    [
      '4 mm in 12 h: II, followed',
      { snowfall12hMm: '４' },
      FOLLOW,
      { recommended: 'II', levelId: 'II', differs: false, problems: 0, assessed: true },
    ],
    [
      'corrected to 1 mm: III, followed',
      { snowfall12hMm: '1' },
      FOLLOW,
      { recommended: 'III', levelId: 'III', differs: false, problems: 0, assessed: true },
    ],
    [
      '12 mm in 24 h: I, followed',
      { snowfall24hMm: '12mm' },
      FOLLOW,
      { recommended: 'I', levelId: 'I', differs: false, problems: 0, assessed: true },
    ],
    [
      'meets no level: nothing chosen',
      { snowfall12hMm: '0.1' },
      FOLLOW,
      { recommended: null, levelId: '', differs: false, problems: 0, assessed: true },
    ],
    [
      'a problem: no recommendation is left over',
      { snowfall12hMm: '4', snowDepthCm: '12 毫米' },
      FOLLOW,
      { recommended: null, levelId: '', differs: false, problems: 1, assessed: false },
    ],
    [
      'out of range: no recommendation either',
      { snowfall12hMm: '4', snowDepthCm: '999' },
      FOLLOW,
      { recommended: null, levelId: '', differs: false, problems: 1, assessed: false },
    ],
    [
      'the officer picked I: it stays, and differs from II',
      { snowfall12hMm: '4' },
      pickLevel('I'),
      { recommended: 'II', levelId: 'I', differs: true, problems: 0, assessed: true },
    ],
    [
      'the officer picked II, the readings say II',
      { snowfall12hMm: '4' },
      pickLevel('II'),
      { recommended: 'II', levelId: 'II', differs: false, problems: 0, assessed: true },
    ],
    [
      'the officer’s II stays when the readings say III',
      { snowfall12hMm: '1' },
      pickLevel('II'),
      { recommended: 'III', levelId: 'II', differs: true, problems: 0, assessed: true },
    ],
    [
      'the officer’s level where the readings meet none',
      { snowfall12hMm: '0.1' },
      pickLevel('III'),
      { recommended: null, levelId: 'III', differs: true, problems: 0, assessed: true },
    ],
    [
      'the officer’s level with no readings',
      {},
      pickLevel('III'),
      { recommended: null, levelId: 'III', differs: false, problems: 0, assessed: false },
    ],
    [
      'the officer’s level under a problem',
      { snowfall12hMm: 'x' },
      pickLevel('I'),
      { recommended: null, levelId: 'I', differs: false, problems: 1, assessed: false },
    ],
  ])('%s', (_what, raw, choice, expected) => {
    const v = declareView(snow, raw, choice);
    expect({
      recommended: v.recommended,
      levelId: v.levelId,
      differs: v.differs,
      problems: v.problems.length,
      assessed: v.assessment !== null,
    }).toEqual(expected);
    expect(v.byOfficer).toBe(choice.byOfficer);
  });

  it('follows the readings as they are corrected, then stays with the officer’s pick, and follows again when asked', () => {
    let choice: LevelChoice = FOLLOW;
    const steps: [Record<string, string>, LevelChoice | null, string, string | null][] = [
      // raw readings, what the officer does (null: nothing), the chosen level, the recommendation
      [{ snowfall12hMm: '４' }, null, 'II', 'II'],
      [{ snowfall12hMm: '４', snowDepthCm: '1 2' }, null, '', null], // a typo: nothing recommended, nothing chosen
      [{ snowfall12hMm: '４', snowDepthCm: '12' }, null, 'I', 'I'],
      [{ snowfall12hMm: '４', snowDepthCm: '' }, null, 'II', 'II'],
      [{ snowfall12hMm: '４' }, pickLevel('I'), 'I', 'II'],
      [{ snowfall12hMm: '1' }, null, 'I', 'III'],
      [{ snowfall12hMm: '1x' }, null, 'I', null],
      [{ snowfall12hMm: '1' }, FOLLOW, 'III', 'III'],
      [{ snowfall12hMm: '12', temperatureC: '－3' }, null, 'I', 'I'],
    ];
    for (const [raw, action, levelId, recommended] of steps) {
      if (action) choice = action;
      const v = declareView(snow, raw, choice);
      expect({ raw, levelId: v.levelId, recommended: v.recommended }).toEqual({ raw, levelId, recommended });
      // whatever is shown as recommended is the assessment of exactly these readings
      expect(v.assessment?.level ?? null).toBe(v.recommended);
    }
  });

  it('assesses a day series typed full-width', () => {
    const v = declareView(pollution, { aqiForecast: '２１０，３０５，３２０，１８０' }, FOLLOW);
    expect(v.recommended).toBe('orange');
    expect(v.levelId).toBe('orange');
  });
});

describe('canSubmit', () => {
  const fields: DeclareFields = {
    openOnly: false,
    title: '博山区降雪',
    reason: '',
    occurredRequired: false,
    occurred: '',
  };
  type Row = [
    what: string,
    raw: Record<string, string>,
    choice: LevelChoice,
    f: Partial<DeclareFields>,
    ok: boolean,
  ];
  it.each<Row>([
    ['the recommended level, followed', { snowfall12hMm: '4' }, FOLLOW, {}, true],
    ['no title', { snowfall12hMm: '4' }, FOLLOW, { title: '  ' }, false],
    ['no level', { snowfall12hMm: '0.1' }, FOLLOW, {}, false],
    ['another level without a reason', { snowfall12hMm: '4' }, pickLevel('I'), {}, false],
    ['another level with a reason', { snowfall12hMm: '4' }, pickLevel('I'), { reason: '路面结冰严重' }, true],
    ['a reading it cannot read', { snowfall12hMm: '4', snowDepthCm: '12 毫米' }, pickLevel('II'), {}, false],
    ['a reading it cannot read, report only', { snowDepthCm: '12 毫米' }, FOLLOW, { openOnly: true }, false],
    ['report only, no readings, no level', {}, FOLLOW, { openOnly: true }, true],
    [
      'report only, occurrence time required and missing',
      {},
      FOLLOW,
      { openOnly: true, occurredRequired: true },
      false,
    ],
    [
      'report only, occurrence time given',
      {},
      FOLLOW,
      { openOnly: true, occurredRequired: true, occurred: '2026-01-05T08:00' },
      true,
    ],
    ['a level picked without readings', {}, pickLevel('III'), {}, true],
  ])('%s → %s', (_what, raw, choice, f, ok) => {
    expect(canSubmit(declareView(snow, raw, choice), { ...fields, ...f })).toBe(ok);
  });

  it('says what is still missing, in the order of the page, so a greyed-out button has its reason', () => {
    const view = (raw: Record<string, string>, choice: LevelChoice = FOLLOW) =>
      declareView(snow, raw, choice);
    expect(missingFields(view({ snowfall12hMm: '4' }), fields)).toEqual([]);
    expect(missingFields(view({ snowfall12hMm: '4' }), { ...fields, title: ' ' })).toEqual(['title']);
    expect(missingFields(view({ snowfall12hMm: '0.1' }), { ...fields, title: '' })).toEqual([
      'level',
      'title',
    ]);
    expect(missingFields(view({ snowfall12hMm: '4' }, pickLevel('I')), fields)).toEqual(['reason']);
    expect(
      missingFields(view({ snowDepthCm: '12 毫米' }), { ...fields, openOnly: true, occurredRequired: true }),
    ).toEqual(['readings', 'occurred']);
  });
});
