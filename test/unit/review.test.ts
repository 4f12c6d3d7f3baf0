/**
 * The office's 总结评估 in the engine: written only after the response, by staff who run it; signed off by the
 * director or commander once every section is written; final after that; bounded in length and versions.
 * Units never see it.
 */
import { describe, expect, it } from 'vitest';
import type { IncidentState } from '../../shared/engine/incident.ts';
import { REVIEW } from '../../shared/protocol/limits.ts';
import { factFor, stateFor } from '../../server/live/visibility.ts';
import { commander, declareCmd, director, duty, HOUR, leader, MIN, plan, Run, T0, unit } from './helpers.ts';

function ended() {
  const run = new Run(plan('snow-ice'));
  run.do(declareCmd('snow-ice', 'III'), commander, T0);
  run.do({ type: 'terminate', reason: '雪停' }, commander, T0 + HOUR);
  return run;
}
const refusal = (r: ReturnType<Run['try']>) => (r.ok ? null : r.refusal);

describe('the office’s 总结评估', () => {
  it('is refused while the response runs', () => {
    const run = new Run(plan('snow-ice'));
    run.do(declareCmd('snow-ice', 'III'), commander, T0);
    const r = refusal(run.try({ type: 'writeReview', section: 'lessons', text: '太早' }, duty, T0 + MIN));
    expect(r?.code).toBe('PLAN_RULE');
    expect(r?.message.zh).toContain('响应结束后');
  });

  it('is written by duty officers, directors and commanders, not by units or leaders', () => {
    const run = ended();
    const who = Object.values(run.s.tasks)[0]!.unitId;
    expect(
      refusal(run.try({ type: 'writeReview', section: 'lessons', text: 'x' }, unit(who), T0 + 2 * HOUR))
        ?.code,
    ).toBe('FORBIDDEN');
    expect(
      refusal(run.try({ type: 'writeReview', section: 'lessons', text: 'x' }, leader, T0 + 2 * HOUR))?.code,
    ).toBe('FORBIDDEN');
    run.do({ type: 'writeReview', section: 'lessons', text: '  响应迅速  ' }, duty, T0 + 2 * HOUR);
    expect(run.s.review?.sections.lessons).toEqual({
      text: '响应迅速',
      by: duty.userId,
      at: T0 + 2 * HOUR,
      edits: 1,
    });
  });

  it('keeps the last version as the section, counts versions, and ignores a save that changes nothing', () => {
    const run = ended();
    run.do({ type: 'writeReview', section: 'problems', text: '一稿' }, duty, T0 + 2 * HOUR);
    run.do({ type: 'writeReview', section: 'problems', text: '二稿' }, director, T0 + 3 * HOUR);
    expect(
      run.do({ type: 'writeReview', section: 'problems', text: '二稿' }, director, T0 + 4 * HOUR),
    ).toEqual([]);
    expect(run.s.review?.sections.problems).toMatchObject({ text: '二稿', by: director.userId, edits: 2 });
    expect(run.log.filter((e) => e.type === 'ReviewWritten').length).toBe(2);
  });

  it('bounds a section’s length and the versions kept', () => {
    const run = ended();
    const long = refusal(
      run.try(
        { type: 'writeReview', section: 'lessons', text: '字'.repeat(REVIEW.charsPerSection + 1) },
        duty,
        T0 + 2 * HOUR,
      ),
    );
    expect(long?.code).toBe('INVALID');
    expect(long?.message.zh).toContain(String(REVIEW.charsPerSection));
    for (let i = 0; i < REVIEW.editsPerSection; i++)
      run.do({ type: 'writeReview', section: 'lessons', text: `第 ${i} 稿` }, duty, T0 + 2 * HOUR + i);
    const more = refusal(
      run.try({ type: 'writeReview', section: 'lessons', text: '再改' }, duty, T0 + 3 * HOUR),
    );
    expect(more?.code).toBe('CONFLICT');
    expect(run.s.review?.sections.lessons?.edits).toBe(REVIEW.editsPerSection);
  });

  it('is signed off by the director or commander once all three sections are written, then is final', () => {
    const run = ended();
    const missing = refusal(run.try({ type: 'signReview' }, director, T0 + 2 * HOUR));
    expect(missing?.message.zh).toContain('经验、问题、改进建议');
    for (const section of ['lessons', 'problems', 'suggestions'] as const)
      run.do({ type: 'writeReview', section, text: '无' }, duty, T0 + 2 * HOUR);
    expect(refusal(run.try({ type: 'signReview' }, duty, T0 + 3 * HOUR))?.code).toBe('FORBIDDEN');
    run.do({ type: 'signReview' }, director, T0 + 3 * HOUR);
    expect(run.s.review).toMatchObject({ signedBy: director.userId, signedAt: T0 + 3 * HOUR });
    const after = refusal(
      run.try({ type: 'writeReview', section: 'lessons', text: '改' }, commander, T0 + 4 * HOUR),
    );
    expect(after?.code).toBe('CONFLICT');
    expect(refusal(run.try({ type: 'signReview' }, commander, T0 + 4 * HOUR))?.code).toBe('CONFLICT');
    // nor is an occurrence nobody gave filled in afterwards: the record stands as signed
    expect(run.s.assumedMilestones).toEqual(['occurred']);
    const occurred = { type: 'recordMilestone', milestone: 'occurred', at: T0 - 10 * MIN } as const;
    expect(refusal(run.try(occurred as never, commander, T0 + 4 * HOUR))?.code).toBe('PLAN_RULE');
  });

  it('takes the occurrence learnt after the response, until the sign-off', () => {
    const run = ended();
    const occurred = { type: 'recordMilestone', milestone: 'occurred', at: T0 - 10 * MIN } as const;
    run.do(occurred as never, duty, T0 + 2 * HOUR);
    expect(run.s.learntMilestones?.occurred).toBe(T0 - 10 * MIN);
    // an ended incident whose review is never signed is not open to it for ever: a month after the end
    const late = ended();
    expect(refusal(late.try(occurred as never, duty, T0 + HOUR + 31 * 24 * HOUR))?.code).toBe('PLAN_RULE');
    expect(refusal(late.try(occurred as never, duty, T0 + HOUR + 29 * 24 * HOUR))).toBeNull();
  });

  it('is staff business: a unit’s copy of the state and its facts leave it out', () => {
    const run = ended();
    run.do({ type: 'writeReview', section: 'lessons', text: '内部总结' }, duty, T0 + 2 * HOUR);
    const unitId = Object.values(run.s.tasks)[0]!.unitId;
    const viewer = { id: unitId, role: 'unit' as const, unitId };
    expect((stateFor(viewer, run.s) as IncidentState).review).toBeUndefined();
    const written = run.log.find((e) => e.type === 'ReviewWritten')!;
    expect(factFor(viewer, 'snow-ice', { seq: 1, version: 1, event: written })).toBeNull();
    expect(
      factFor({ id: 'leader', role: 'leader', unitId: null }, 'snow-ice', {
        seq: 1,
        version: 1,
        event: written,
      }),
    ).not.toBeNull();
  });
});
