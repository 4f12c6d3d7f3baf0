import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { sourceText } from '../../server/plans/sources.ts';
import { checkCitations, citationsOf } from '../../shared/plans/citations.ts';
import { clauseText, locateClause } from '../../shared/plans/clauses.ts';
import { PLANS } from '../../shared/plans/index.ts';

describe.each(PLANS.map((p) => [p.id, p] as const))('%s traces to its text', (_id, plan) => {
  const text = sourceText(plan);

  it('is stored under its document number', () => {
    expect(plan.sourceFile).toBe(`${plan.docNumber}.txt`);
    expect(text.replace(/\s/g, '').normalize('NFKC')).toContain(
      plan.docNumber.replace(/\s/g, '').normalize('NFKC'),
    );
  });

  it('every cited clause exists and holds the quoted words', () => {
    expect(checkCitations(plan, text)).toEqual([]);
  });

  it('every criterion, action and clock cites a clause and quotes it', () => {
    const cited = new Set(citationsOf(plan).map((c) => c.where));
    for (const l of plan.levels)
      for (const c of l.criteria) expect(cited).toContain(`level ${l.id} criterion ${c.id}`);
    for (const a of plan.actions) expect(cited).toContain(`action ${a.id}`);
    for (const c of plan.clocks) expect(cited).toContain(`clock ${c.id}`);
    expect(citationsOf(plan).every((c) => c.clause.length > 0 && c.words.length >= 2)).toBe(true);
  });

  it('a contact the plan gives is copied, never made up', () => {
    for (const u of plan.units)
      for (const c of u.contacts) expect(locateClause(text, c.clause, c.quote)).not.toBeNull();
  });
});

describe('the traceability check catches a wrong citation', () => {
  const snow = PLANS[0];
  if (!snow) throw new Error('no plans');
  it.each([
    ['a changed word', (p: typeof snow) => ((p.actions[0] as { quote: string }).quote = '实行 48 小时值班')],
    [
      'a clause that does not exist',
      (p: typeof snow) => ((p.clocks[0] as { clause: string }).clause = '5.9'),
    ],
    [
      'the right words under the wrong clause',
      (p: typeof snow) => ((p.levels[0]?.criteria[0] as { clause: string }).clause = '5.1'),
    ],
  ])('%s', (_what, spoil) => {
    const broken = structuredClone(snow);
    spoil(broken);
    expect(checkCitations(broken, sourceText(snow))).toHaveLength(1);
  });
});

describe('clause locator', () => {
  const text = (file: string) =>
    readFileSync(new URL(`../../shared/plans/sources/${file}`, import.meta.url), 'utf8');
  it.each([
    ['博政办字〔2020〕14号.txt', '5.2', '5.2 大雪预警响应', '5.3'],
    ['淄政办字〔2021〕35号.txt', '4.6', '4.6 应急结束', '5 信息发布'],
    ['淄政办字〔2017〕147号.txt', '五(五)3(3)①', '①工业企业减排措施', '②扬尘'],
    ['博政办字〔2023〕8号.txt', '附件2-12', '12\t区卫生健康局', '13\t'],
  ])('%s %s starts at its heading and stops before the next', (file, clause, starts, notIncluded) => {
    const body = clauseText(text(file), clause) ?? '';
    expect(body.startsWith(starts)).toBe(true);
    expect(body).not.toContain(notIncluded);
  });
});
