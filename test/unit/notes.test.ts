/**
 * A task's progress reports are bounded (issue 11): NOTES.perTask reports of NOTES.charsPerTask characters
 * in all, refused beyond with CONFLICT in words a duty officer can pass on; the completion report is accepted
 * once even when the notes are full, so a task is never stuck showing undone work.
 */
import { describe, expect, it } from 'vitest';
import { replay } from '../../shared/engine/apply.ts';
import { NOTES } from '../../shared/protocol/limits.ts';
import { declareCmd, duty, HOUR, MIN, plan, Run, T0, unit } from './helpers.ts';

const TASK = 'on-duty@police';
const police = unit('police');
const report = (note: string, done = false) => ({ type: 'report' as const, taskId: TASK, note, done });

const started = () => {
  const run = new Run(plan('snow-ice'));
  run.do(declareCmd('snow-ice', 'III'), duty, T0);
  return run;
};

/** Reports `n` short notes, one a minute. */
const fill = (run: Run, n: number, text = (i: number) => `第${i + 1}次进展`) => {
  for (let i = 0; i < n; i += 1) run.do(report(text(i)), police, T0 + (i + 1) * MIN);
};

const refusal = (d: ReturnType<Run['try']>) =>
  d.ok ? null : { code: d.refusal.code, zh: d.refusal.message.zh, en: d.refusal.message.en };

describe('the number of progress reports', () => {
  it(`the ${NOTES.perTask}th report is accepted, the next refused with CONFLICT and what to do instead`, () => {
    const run = started();
    fill(run, NOTES.perTask);
    expect(run.s.tasks[TASK]?.notes).toHaveLength(NOTES.perTask);
    const version = run.s.version;
    const refused = refusal(run.try(report('再报一次'), police, T0 + 200 * MIN));
    expect(refused).toEqual({
      code: 'CONFLICT',
      zh: `该任务的进展报告已达 ${NOTES.perTask} 条上限，请在完成报告中汇总`,
      en: expect.stringContaining('summarise the rest in the completion report'),
    });
    // a refusal changes nothing
    expect(run.s.version).toBe(version);
    expect(run.s.tasks[TASK]?.notes).toHaveLength(NOTES.perTask);
  });

  it('the completion report is accepted once beyond the limit, then nothing more: limit + 1 in all', () => {
    const run = started();
    fill(run, NOTES.perTask);
    run.do(report('全部完成，汇总如下', true), police, T0 + 200 * MIN);
    const task = run.s.tasks[TASK]!;
    expect(task.status).toBe('done');
    expect(task.doneAt).toBe(T0 + 200 * MIN);
    expect(task.notes).toHaveLength(NOTES.perTask + 1);
    expect(task.notes.at(-1)?.text).toBe('全部完成，汇总如下');
    expect(refusal(run.try(report('补充', true), police, T0 + 201 * MIN))?.code).toBe('CONFLICT');
    expect(refusal(run.try(report('补充'), police, T0 + 201 * MIN))?.code).toBe('CONFLICT');
    expect(run.s.tasks[TASK]?.notes).toHaveLength(NOTES.perTask + 1);
  });

  it('the limit is per task: a full task does not stop the unit reporting on another', () => {
    const run = started();
    fill(run, NOTES.perTask);
    const other = Object.values(run.s.tasks).find((t) => t.unitId === 'police' && t.id !== TASK)!;
    run.do(
      { type: 'report', taskId: other.id, note: '另一项任务的进展', done: false },
      police,
      T0 + 2 * HOUR,
    );
    expect(run.s.tasks[other.id]?.notes).toHaveLength(1);
  });

  it('replaying the log gives the same bounded state (apply stays a plain fold)', () => {
    const run = started();
    fill(run, NOTES.perTask);
    run.try(report('超出'), police, T0 + 200 * MIN);
    run.do(report('完成', true), police, T0 + 201 * MIN);
    const replayed = replay(
      run.log,
      run.plan.levels.map((l) => l.id),
    );
    expect(replayed).toEqual(run.s);
    expect(replayed?.tasks[TASK]?.notes).toHaveLength(NOTES.perTask + 1);
  });
});

describe('the size of progress reports', () => {
  const long = (i: number) => `${i}`.padEnd(2000, '雪');

  it(`reports of 2,000 characters stop at ${NOTES.charsPerTask} in all; the refusal says how much is left`, () => {
    const run = started();
    const fits = Math.floor(NOTES.charsPerTask / 2000);
    fill(run, fits, long);
    const used = fits * 2000;
    expect(used).toBeLessThanOrEqual(NOTES.charsPerTask);
    const refused = refusal(run.try(report(long(99)), police, T0 + 200 * MIN));
    const left = NOTES.charsPerTask - used;
    expect(refused?.code).toBe('CONFLICT');
    expect(refused?.zh).toContain(`${NOTES.charsPerTask} 字上限（尚余 ${left} 字，本条 2000 字）`);
    expect(refused?.en).toContain(`(${left} left, this one has 2000)`);
    // a shorter note that fits is still accepted, when there is room for it
    if (left > 0) run.do(report('短'.repeat(left)), police, T0 + 201 * MIN);
    const chars = run.s.tasks[TASK]!.notes.reduce((n, x) => n + x.text.length, 0);
    expect(chars).toBeLessThanOrEqual(NOTES.charsPerTask);
  });

  it('the completion report of the longest length is accepted when the characters are used up', () => {
    const run = started();
    fill(run, Math.floor(NOTES.charsPerTask / 2000), long);
    run.do(report(long(100), true), police, T0 + 200 * MIN);
    const task = run.s.tasks[TASK]!;
    expect(task.status).toBe('done');
    expect(task.notes.reduce((n, x) => n + x.text.length, 0)).toBeLessThanOrEqual(NOTES.charsPerTask + 2000);
  });

  it('the size counts the note as stored, trimmed', () => {
    const run = started();
    const fits = Math.floor(NOTES.charsPerTask / 2000);
    fill(run, fits - 1, long);
    const left = NOTES.charsPerTask - (fits - 1) * 2000;
    // surrounding spaces are not stored, so they do not count
    run.do(report(`  ${'晴'.repeat(Math.min(left, 2000))}  `), police, T0 + 200 * MIN);
    expect(run.s.tasks[TASK]?.notes.at(-1)?.text).toHaveLength(Math.min(left, 2000));
  });
});
