/** The 总结评估报告 as a .docx (the `docx` package): GB/T 9704 layout, for the office to edit in Word or WPS. */
import type { Names } from '../../shared/views/ledger.ts';
import type { IncidentReview } from '../../shared/views/review.ts';

export async function reviewDocx(
  review: IncidentReview,
  names: Names,
  lang: 'zh' | 'en' = 'zh',
): Promise<Buffer> {
  void review;
  void names;
  void lang;
  throw new Error('not yet');
}
