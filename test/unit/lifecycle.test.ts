import { describe, expect, it } from 'vitest';
import { replay } from '../../shared/engine/apply.ts';
import {
  admin,
  commander,
  declareCmd,
  director,
  duty,
  HOUR,
  leader,
  MIN,
  plan,
  Run,
  T0,
  unit,
} from './helpers.ts';

const refusal = (d: ReturnType<Run['try']>) => (d.ok ? 'ok' : d.refusal.code);

describe('declare', () => {
  it('snow: a duty officer declares III and every unit gets its tasks, once', () => {
    const run = new Run(plan('snow-ice'));
    run.do(declareCmd('snow-ice', 'III'), duty, T0);
    expect(run.s.status).toBe('active');
    expect(run.s.level).toBe('III');
    const ids = run.tasks().map((t) => t.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toContain('on-duty@chishang');
    expect(ids).toContain('daily-forecast@weather@2026-11-23');
    expect(ids.some((i) => i.startsWith('heads-to-hq'))).toBe(false);
  });

  it.each([
    [leader, 'FORBIDDEN'],
    [admin, 'FORBIDDEN'],
    [unit('police'), 'FORBIDDEN'],
  ])('%j may not declare', (actor, code) => {
    expect(refusal(new Run(plan('snow-ice')).try(declareCmd('snow-ice', 'III'), actor, T0))).toBe(code);
  });

  it.each([
    [declareCmd('snow-ice', 'IX'), 'INVALID'],
    [declareCmd('snow-ice', 'III', { title: '  ' }), 'INVALID'],
    [declareCmd('power-plant', 'III'), 'INVALID'],
    [declareCmd('snow-ice', 'III', { readings: { snowDepthCm: -2 } }), 'INVALID'],
    [declareCmd('snow-ice', 'III', { occurredAt: T0 + HOUR }), 'INVALID'],
    [declareCmd('snow-ice', 'III', { readings: { snowDepthCm: 6 } }), 'INVALID'],
  ])('refuses %j with %s', (command, code) => {
    expect(refusal(new Run(plan('snow-ice')).try(command, duty, T0))).toBe(code);
  });

  it('an officer may choose another level than recommended, with a reason that is kept', () => {
    const run = new Run(plan('snow-ice'));
    run.do(declareCmd('snow-ice', 'III', { readings: { snowDepthCm: 6 }, reason: '降雪已减弱' }), duty, T0);
    expect(run.s.recommended).toBe('II');
    expect(run.s.history[0]?.reason).toBe('降雪已减弱');
  });

  it('the same incident cannot be declared twice', () => {
    const run = new Run(plan('snow-ice'));
    run.do(declareCmd('snow-ice', 'III'), duty, T0);
    expect(refusal(run.try(declareCmd('snow-ice', 'II'), duty, T0))).toBe('CONFLICT');
  });

  it('a drill changes nothing but its label', () => {
    const real = new Run(plan('snow-ice'));
    const drill = new Run(plan('snow-ice'));
    real.do(declareCmd('snow-ice', 'II'), duty, T0);
    drill.do(declareCmd('snow-ice', 'II', { drill: true }), duty, T0);
    expect(drill.s.drill).toBe(true);
    expect({ ...drill.s, drill: false }).toEqual(real.s);
  });
});

describe('signatures', () => {
  it('the pollution red warning waits for the commander; the director cannot sign it', () => {
    const run = new Run(plan('heavy-pollution'));
    run.do(declareCmd('heavy-pollution', 'red'), duty, T0);
    expect(run.s.status).toBe('proposed');
    expect(run.s.pending?.signer).toBe('commander');
    expect(run.tasks()).toEqual([]);
    expect(refusal(run.try({ type: 'approve' }, director, T0 + MIN))).toBe('FORBIDDEN');
    expect(refusal(run.try({ type: 'approve' }, duty, T0 + MIN))).toBe('FORBIDDEN');
    run.do({ type: 'approve' }, commander, T0 + 2 * MIN);
    expect(run.s.level).toBe('red');
    expect(run.s.history[0]).toMatchObject({ by: 'duty-1', signedBy: 'commander-1' });
    expect(run.tasks().length).toBeGreaterThan(0);
    expect(run.s.milestones.declared).toBe(T0 + 2 * MIN);
  });

  it('the office director signs blue, yellow and orange; a director declaring signs at once', () => {
    const run = new Run(plan('heavy-pollution'));
    run.do(declareCmd('heavy-pollution', 'orange'), director, T0);
    expect(run.s.status).toBe('active');
    expect(run.s.history[0]?.signedBy).toBe('director-1');
  });

  it('rural-water: the office proposes the district level, the commander rejects with a reason', () => {
    const run = new Run(plan('rural-water'));
    run.do(declareCmd('rural-water', 'district'), duty, T0);
    expect(refusal(run.try({ type: 'reject', reason: ' ' }, commander, T0))).toBe('INVALID');
    run.do({ type: 'reject', reason: '研判不足，补充数据' }, commander, T0 + MIN);
    // turned down, the incident stays reported and is graded again
    expect(run.s.status).toBe('open');
    expect(refusal(run.try({ type: 'approve' }, commander, T0 + 2 * MIN))).toBe('CONFLICT');
  });

  it('power-plant IV is started by the county without a city signature; III needs the commander', () => {
    const run = new Run(plan('power-plant'));
    run.do(declareCmd('power-plant', 'IV'), duty, T0);
    expect(run.s.status).toBe('active');
    run.do({ type: 'changeLevel', levelId: 'III', reason: '伤亡扩大' }, duty, T0 + MIN);
    expect(run.s.level).toBe('IV');
    expect(run.s.pending).toMatchObject({ kind: 'change', levelId: 'III', signer: 'commander' });
    run.do({ type: 'approve' }, commander, T0 + 2 * MIN);
    expect(run.s.level).toBe('III');
  });
});

describe('raise and lower', () => {
  it('raising adds only the new tasks; lowering stands the higher ones down; raising again reassigns them', () => {
    const run = new Run(plan('snow-ice'));
    run.do(declareCmd('snow-ice', 'III'), duty, T0);
    const before = run.tasks().length;
    const raised = run.do({ type: 'changeLevel', levelId: 'II', reason: '雪势加大' }, duty, T0 + HOUR);
    const assigned = raised.flatMap((e) => (e.type === 'TasksAssigned' ? e.tasks.map((t) => t.id) : []));
    expect(assigned.every((id) => id.startsWith('heads-to-hq') || id.startsWith('coordinate-forces'))).toBe(
      true,
    );
    expect(run.tasks().length).toBeGreaterThan(before);
    run.do({ type: 'changeLevel', levelId: 'III', reason: '雪势减弱' }, duty, T0 + 2 * HOUR);
    expect(run.tasks('stoodDown').map((t) => t.id)).toContain('heads-to-hq@chishang');
    run.do({ type: 'changeLevel', levelId: 'II', reason: '再次加大' }, duty, T0 + 3 * HOUR);
    expect(run.s.tasks['heads-to-hq@chishang']?.status).toBe('assigned');
    expect(run.s.highestLevel).toBe('II');
  });

  it.each([
    [{ type: 'changeLevel', levelId: 'III', reason: 'x' } as const, 'INVALID'],
    [{ type: 'changeLevel', levelId: 'V', reason: 'x' } as const, 'INVALID'],
    [{ type: 'changeLevel', levelId: 'II', reason: '' } as const, 'INVALID'],
  ])('refuses %j with %s', (command, code) => {
    const run = new Run(plan('snow-ice'));
    run.do(declareCmd('snow-ice', 'III'), duty, T0);
    expect(refusal(run.try(command, duty, T0 + MIN))).toBe(code);
  });

  it('lowering pollution red lifts red, so it needs the commander', () => {
    const run = new Run(plan('heavy-pollution'));
    run.do(declareCmd('heavy-pollution', 'red'), commander, T0);
    run.do({ type: 'changeLevel', levelId: 'orange', reason: '空气好转' }, director, T0 + HOUR);
    expect(run.s.pending?.signer).toBe('commander');
    expect(refusal(run.try({ type: 'changeLevel', levelId: 'yellow', reason: 'x' }, duty, T0 + HOUR))).toBe(
      'CONFLICT',
    );
  });

  it('a command decided on a stale version is refused', () => {
    const run = new Run(plan('snow-ice'));
    run.do(declareCmd('snow-ice', 'III'), duty, T0);
    const seen = run.s.version;
    run.do({ type: 'changeLevel', levelId: 'II', reason: 'a' }, duty, T0 + MIN);
    const stale = run.try({ type: 'changeLevel', levelId: 'I', reason: 'b' }, duty, T0 + 2 * MIN, {
      expectedVersion: seen,
    });
    expect(refusal(stale)).toBe('CONFLICT');
    expect(run.s.level).toBe('II');
  });
});

describe('acknowledge and report', () => {
  const started = () => {
    const run = new Run(plan('snow-ice'));
    run.do(declareCmd('snow-ice', 'III'), duty, T0);
    return run;
  };

  it('a unit acknowledges its own task; twice is harmless', () => {
    const run = started();
    expect(run.do({ type: 'acknowledge', taskId: 'on-duty@police' }, unit('police'), T0 + MIN)).toHaveLength(
      1,
    );
    expect(
      run.do({ type: 'acknowledge', taskId: 'on-duty@police' }, unit('police'), T0 + 2 * MIN),
    ).toHaveLength(0);
    expect(run.s.tasks['on-duty@police']).toMatchObject({ status: 'acknowledged', acknowledgedAt: T0 + MIN });
  });

  it.each([
    [unit('fire'), 'on-duty@police', 'FORBIDDEN'],
    [duty, 'on-duty@police', 'FORBIDDEN'],
    [leader, 'on-duty@police', 'FORBIDDEN'],
    [unit('police'), 'nope@police', 'NOT_FOUND'],
  ])('%j on %s is refused with %s', (actor, taskId, code) => {
    expect(refusal(started().try({ type: 'acknowledge', taskId }, actor, T0 + MIN))).toBe(code);
  });

  it('progress and completion are recorded with notes; done cannot be reported twice', () => {
    const run = started();
    run.do(
      { type: 'report', taskId: 'on-duty@police', note: '已到岗', done: false },
      unit('police'),
      T0 + MIN,
    );
    expect(run.s.tasks['on-duty@police']?.status).toBe('inProgress');
    expect(
      refusal(
        run.try({ type: 'report', taskId: 'on-duty@police', note: '', done: true }, unit('police'), T0),
      ),
    ).toBe('INVALID');
    run.do(
      { type: 'report', taskId: 'on-duty@police', note: '完成', done: true },
      unit('police'),
      T0 + 2 * MIN,
    );
    expect(run.s.tasks['on-duty@police']?.notes.map((n) => n.text)).toEqual(['已到岗', '完成']);
    expect(
      refusal(
        run.try({ type: 'report', taskId: 'on-duty@police', note: 'x', done: true }, unit('police'), T0),
      ),
    ).toBe('CONFLICT');
  });
});

describe('terminate', () => {
  it('power-plant: termination waits for the commander; afterwards tasks close and the after-obligations open', () => {
    const run = new Run(plan('power-plant'));
    run.do(declareCmd('power-plant', 'III', { assignees: { 'incident-county': 'boshan' } }), commander, T0);
    expect(run.s.tasks['county-logistics@boshan']).toBeDefined();
    run.do({ type: 'terminate', reason: '险情消除' }, duty, T0 + HOUR);
    expect(run.s.status).toBe('active');
    run.do({ type: 'approve' }, commander, T0 + 2 * HOUR);
    expect(run.s.status).toBe('terminated');
    expect(run.s.tasks['members-to-scene@city-development']?.status).toBe('closed');
    const late = run.try(
      { type: 'acknowledge', taskId: 'members-to-scene@city-development' },
      unit('city-development'),
      T0 + 3 * HOUR,
    );
    expect(late.ok).toBe(false);
    if (!late.ok) {
      expect(late.refusal.code).toBe('PLAN_RULE');
      expect(late.refusal.message.zh).toContain('终止');
    }
    expect(run.s.tasks['evaluation-report@city-development']?.phase).toBe('after');
    expect(
      run.try(
        { type: 'acknowledge', taskId: 'evaluation-report@city-development' },
        unit('city-development'),
        T0 + 3 * HOUR,
      ).ok,
    ).toBe(true);
  });

  it('a role the plan names is bound to a real unit, and only to one it allows', () => {
    const bad = new Run(plan('rural-water')).try(
      declareCmd('rural-water', 'town', { assignees: { 'incident-town': 'zhangdian' } }),
      commander,
      T0,
    );
    expect(refusal(bad)).toBe('INVALID');
    const run = new Run(plan('rural-water'));
    run.do(declareCmd('rural-water', 'town', { assignees: { 'incident-town': 'chishang' } }), commander, T0);
    expect(run.s.tasks['town-lead@chishang']).toBeDefined();
    expect(run.s.tasks['town-lead@incident-town']).toBeUndefined();
  });

  it('terminating a terminated incident is refused', () => {
    const run = new Run(plan('snow-ice'));
    run.do(declareCmd('snow-ice', 'III'), duty, T0);
    run.do({ type: 'terminate', reason: '雪停路通' }, duty, T0 + HOUR);
    expect(refusal(run.try({ type: 'terminate', reason: 'again' }, duty, T0 + 2 * HOUR))).toBe('PLAN_RULE');
  });
});

describe('the log is the truth', () => {
  it('replaying the events rebuilds the same state', () => {
    const run = new Run(plan('heavy-pollution'));
    run.do(declareCmd('heavy-pollution', 'yellow'), director, T0);
    run.do({ type: 'acknowledge', taskId: 'member-duties@city-police' }, unit('city-police'), T0 + MIN);
    run.do({ type: 'changeLevel', levelId: 'red', reason: '加重' }, duty, T0 + HOUR);
    run.do({ type: 'approve' }, commander, T0 + 2 * HOUR);
    expect(
      replay(
        run.log,
        plan('heavy-pollution').levels.map((l) => l.id),
      ),
    ).toEqual(run.s);
  });
});
