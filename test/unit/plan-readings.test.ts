/**
 * Readings of the snow, rural-water and power-plant plans that were corrected against their texts: the
 * clocks that run before any level is in force, the measures that were missing, who starts a village or
 * town water response, and measures copied whole from their clauses.
 */
import { describe, expect, it } from 'vitest';
import { sourceText } from '../../server/plans/sources.ts';
import { signerForChange, signerToLift } from '../../shared/engine/authority.ts';
import { actionsForLevel, actionUnits, clocksForLevel, levelsStarted } from '../../shared/engine/tiers.ts';
import { clauseText, compact, locateClause } from '../../shared/plans/clauses.ts';
import type { ClockStart, Plan } from '../../shared/plans/schema.ts';
import { declareCmd, duty, plan, Run, T0 } from './helpers.ts';

const ids = (xs: { id: string }[]) => xs.map((x) => x.id);
const after = (milestone: string, offset: Record<string, number>) => ({ kind: 'after', milestone, offset });

/** The clocks that run from the report, before any level: id, who owes it, and when it starts. */
const BEFORE_LEVEL: Record<string, [string, string[], ClockStart | object][]> = {
  'snow-ice': [
    ['operators-30min', ['mobile', 'unicom', 'telecom'], after('snowWarningIssued', { minutes: 30 })],
    ['daily-forecast', ['weather'], { kind: 'daily', time: '23:59' }],
  ],
  'power-plant': [
    ['phone-city-10min', ['incident-county', 'city-development'], after('occurred', { minutes: 10 })],
    ['phone-province-30min', ['incident-county', 'city-development'], after('occurred', { minutes: 30 })],
    ['written-50min', ['incident-county', 'city-development'], after('occurred', { minutes: 50 })],
    [
      'verify-phone-15min',
      ['incident-county', 'city-development'],
      after('verificationRequested', { minutes: 15 }),
    ],
    [
      'verify-written-40min',
      ['incident-county', 'city-development'],
      after('writtenVerificationRequested', { minutes: 40 }),
    ],
    ['written-accident-24h', ['plant', 'incident-county'], after('occurred', { hours: 24 })],
  ],
  'rural-water': [
    ['supplier-report-1h', ['incident-supplier'], after('occurred', { hours: 1 })],
    ['town-report-1h', ['incident-town'], after('townInformed', { hours: 1 })],
  ],
};

describe.each(Object.keys(BEFORE_LEVEL))('%s: clocks that run before any level', (planId) => {
  const p = plan(planId);
  const text = sourceText(p);
  const early = p.clocks.filter((c) => c.beforeLevel);

  it('are exactly the expected ones, owed by the expected units, started as expected', () => {
    expect(early.map((c) => [c.id, c.owedBy, c.start])).toEqual(BEFORE_LEVEL[planId]);
  });

  it('quote their clause', () => {
    for (const c of early) expect(locateClause(text, c.clause, c.quote), c.id).not.toBeNull();
  });

  it('are in force at every level', () => {
    for (const l of p.levels)
      expect(ids(clocksForLevel(p, l.id))).toEqual(expect.arrayContaining(ids(early)));
  });
});

describe('power plant: 4.5.4 rescuers’ safety and 8.3 drills', () => {
  const p = plan('power-plant');

  it('4.5.4 goes to the county at level IV and to the on-site HQ from level III', () => {
    const iv = actionsForLevel(p, 'IV');
    expect(ids(iv)).toContain('rescuer-safety-county');
    expect(ids(iv)).not.toContain('rescuer-safety-onsite');
    const county = iv.find((a) => a.id === 'rescuer-safety-county')!;
    expect(actionUnits(p, county)).toEqual(['incident-county']);
    for (const level of ['III', 'II', 'I']) {
      const list = actionsForLevel(p, level);
      expect(ids(list)).toContain('rescuer-safety-onsite');
      expect(ids(list)).not.toContain('rescuer-safety-county');
      const onsite = list.find((a) => a.id === 'rescuer-safety-onsite')!;
      expect(actionUnits(p, onsite).sort()).toEqual([
        'city-development',
        'city-emergency',
        'incident-county',
      ]);
    }
  });

  it('8.3: two drills a year, each due by 31 December, owed by every power plant', () => {
    const drills = clocksForLevel(p, 'IV').filter((c) => c.clause === '8.3');
    expect(drills.map((c) => [c.id, c.owedBy, c.start, c.beforeLevel])).toEqual([
      ['drill-1-of-2', ['power-plants'], { kind: 'yearly', month: 12, day: 31 }, false],
      ['drill-2-of-2', ['power-plants'], { kind: 'yearly', month: 12, day: 31 }, false],
    ]);
    expect(p.units.find((u) => u.id === 'power-plants')).toMatchObject({ kind: 'role', party: 'enterprise' });
    expect(p.readings.map((r) => r.clause)).toEqual(expect.arrayContaining(['4.5.4', '8.3']));
  });
});

describe('snow: the daily forecast and one 30-minute broadcast', () => {
  const p = plan('snow-ice');

  it('the weather bureau owes a forecast every day of the response, at every level', () => {
    for (const l of p.levels) {
      const c = clocksForLevel(p, l.id).find((x) => x.id === 'daily-forecast');
      expect(c?.start).toEqual({ kind: 'daily', time: '23:59' });
    }
  });

  it('the operators’ 30 minutes is one obligation, not an action and a clock', () => {
    const thirty = [...p.actions, ...p.clocks].filter((x) => compact(x.quote).includes('30分钟内播发'));
    expect(ids(thirty)).toEqual(['operators-30min']);
    expect(ids(p.actions)).not.toContain('operators-sms');
  });

  it('6.4: the clearance limits are owed by the same units as the haulage, towns and streets included', () => {
    const haul = p.actions.find((a) => a.id === 'after-snow-haul')?.units ?? [];
    for (const id of ['clear-moderate-12h', 'clear-heavy-24h']) {
      const owed = p.clocks.find((c) => c.id === id)?.owedBy ?? [];
      expect([...owed].sort(), id).toEqual([...haul].sort());
      for (const u of ['sanitation', 'highway', 'chengdong', 'chishang']) expect(owed, id).toContain(u);
    }
    expect(p.readings.some((r) => r.clause === '6.4' && r.quote.includes('各相关单位'))).toBe(true);
  });

  it('2.1.2: the fire brigade’s and armed-forces department’s own duties wait; their member tasks do not', () => {
    const iii = actionsForLevel(p, 'III');
    for (const u of ['fire', 'renwubu']) {
      const mine = iii.filter((a) => actionUnits(p, a).includes(u)).map((a) => a.id);
      expect(mine.sort()).toEqual(['on-duty', 'towns-start']);
    }
    const r = p.readings.find((x) => x.quote === '区消防救援大队：负责重大雪情抢险救灾工作');
    expect(r?.reading.zh).toContain('仍承担');
  });

  it('records the readings', () => {
    const read = p.readings.map((r) => `${r.clause} ${r.quote}`);
    expect(read).toContain('5 市气象局或区气象局发布雪情预警信息后');
    expect(read).toContain('2.1.2 遇有降雪天气和出现道路结冰现象，每日发送天气预报');
  });
});

describe('rural water: village and town responses start without the district commander', () => {
  const p = plan('rural-water');
  const level = (id: string) => p.levels.find((l) => l.id === id)!;

  it('village and town need no signature to start; every tier needs the commander to end (3.3(3))', () => {
    expect(p.levels.map((l) => [l.id, l.declare.signer, l.lift.signer])).toEqual([
      ['village', null, 'commander'],
      ['town', null, 'commander'],
      ['district', 'commander', 'commander'],
    ]);
    expect(level('village').declare.clause).toBe('3.2(3)');
    expect(level('town').declare.clause).toBe('3.2(2)');
    expect(level('district').declare.clause).toBe('3.3(1)');
    for (const l of p.levels) {
      expect(l.lift.clause).toBe('3.3(3)');
      expect(compact(l.lift.quote)).toContain('经总指挥或副总指挥宣布终止');
    }
  });

  it('raising to town needs none; raising to district, lowering or ending needs the commander', () => {
    expect(signerForChange(p, null, 'village')).toBeNull();
    expect(signerForChange(p, null, 'town')).toBeNull();
    expect(signerForChange(p, 'village', 'town')).toBeNull();
    expect(signerForChange(p, null, 'district')).toBe('commander');
    expect(signerForChange(p, 'town', 'district')).toBe('commander');
    expect(signerForChange(p, 'district', 'town')).toBe('commander');
    expect(signerForChange(p, 'town', 'village')).toBe('commander');
    for (const l of ['village', 'town', 'district']) expect(signerToLift(p, l)).toBe('commander');
  });

  it.each([
    ['village', 'active'],
    ['town', 'active'],
    ['district', 'pending'],
  ])('a duty officer declaring %s leaves it %s', (levelId, status) => {
    const run = new Run(p);
    run.do(declareCmd('rural-water', levelId), duty, T0);
    expect(status === 'active' ? run.s.status : run.s.pending?.signer).toBe(
      status === 'active' ? 'active' : 'commander',
    );
  });

  it('starting the district level first still starts the town and village levels', () => {
    expect(levelsStarted(p, 'district')).toEqual(['district', 'town', 'village']);
    expect(p.links[0]?.quote).toBe('如率先启动区级应急预案，则镇村级预案随之自行启动');
  });

  it('records the start of the lower tiers as an inference, and the 3.3(3) ending', () => {
    const start = p.readings.find((r) => r.quote.startsWith('对应农村供水突发事件分级'));
    expect(start?.reading.zh).toContain('推定');
    expect(start?.reading.en).toContain('inference');
    expect(p.readings.map((r) => r.clause)).toContain('3.3(3)');
  });

  it('the 1-hour supplier report can be owed by a company or a village that supplies its own water', () => {
    const supplier = p.units.find((u) => u.id === 'incident-supplier');
    expect(supplier).toMatchObject({ kind: 'role', party: 'village', bindsTo: ['jinyuan', 'guorun'] });
    expect(p.readings.some((r) => r.quote.includes('相关供水单位应在 1 小时内'))).toBe(true);
  });
});

describe.each(['snow-ice', 'power-plant', 'rural-water'].map((id) => [id, plan(id)] as const))(
  '%s: measures and roles',
  (_id, p: Plan) => {
    const text = sourceText(p);

    it('every role unit can be bound to a member unit or an outside party', () => {
      for (const u of p.units.filter((x) => x.kind === 'role'))
        expect(Boolean(u.bindsTo?.length) || Boolean(u.party), u.id).toBe(true);
    });

    // snow `member-duties`: the measure is each unit's own 2.1.2 duty, copied whole in the unit's `duty`
    const PER_UNIT_DUTY = new Set(['snow-ice/member-duties']);

    it('every action’s detail is copied from its clause, sentence by sentence', () => {
      for (const a of p.actions) {
        if (PER_UNIT_DUTY.has(`${p.id}/${a.id}`)) continue;
        const body = compact(clauseText(text, a.clause) ?? '');
        for (const sentence of compact(a.detail)
          .split(/[。;.]/)
          .filter((x) => x.length > 0))
          expect(body, `${a.id}: ${sentence}`).toContain(sentence);
      }
    });
  },
);
