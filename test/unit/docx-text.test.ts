/**
 * A note stored before the boundary cleaned noncharacters (U+FFFE, U+FFFF) must not make the incident's
 * report a file Word refuses: the .docx writer cleans what it writes, so old records export too.
 */
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { reviewDocx } from '../../server/exports/reviewDocx.ts';
import { incidentReview } from '../../shared/views/review.ts';
import { commander, declareCmd, HOUR, MIN, plan, Run, T0, unit } from './helpers.ts';

describe('the .docx of a record holding characters XML may not', () => {
  it('is well-formed XML and keeps the rest of the note', async () => {
    const run = new Run(plan('snow-ice'));
    run.do(declareCmd('snow-ice', 'III'), commander, T0);
    const task = Object.values(run.s.tasks).find((t) => t.unitId === 'chishang')!;
    // straight into the engine, as a record written before the boundary removed them would hold it
    run.do(
      { type: 'report', taskId: task.id, note: '进展\uFFFF正常\uFFFE', done: true },
      unit('chishang'),
      T0 + MIN,
    );
    run.do({ type: 'terminate', reason: '雪停' }, commander, T0 + HOUR);
    const review = incidentReview(run.plan, run.s, run.log, T0 + 2 * HOUR);
    const zip = await JSZip.loadAsync(await reviewDocx(review, (id) => id, 'zh'));
    const xml = await zip.file('word/document.xml')!.async('string');
    expect(xml).not.toMatch(/[\uFFFE\uFFFF]/);
    expect(xml).toContain('进展正常');
  });
});
