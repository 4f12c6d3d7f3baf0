/**
 * One file to render: what crosses to the export worker (plain data: the report or the ledger's rows, and
 * the names of the people they mention) and how it is rendered. The worker and the tests run the same
 * `render`.
 */
import type { LedgerRow } from '../../shared/views/ledger.ts';
import type { IncidentReview } from '../../shared/views/review.ts';
import { ledgerCsv, ledgerXlsx } from './ledgerFiles.ts';
import { reviewDocx } from './reviewDocx.ts';

type Lang = 'zh' | 'en';

export type ExportJob =
  | { kind: 'docx'; review: IncidentReview; names: [string, string][]; lang: Lang }
  | { kind: 'xlsx' | 'csv'; rows: LedgerRow[]; names: [string, string][]; lang: Lang };

export async function render(job: ExportJob): Promise<Uint8Array> {
  const known = new Map(job.names);
  const names = (id: string) => known.get(id) ?? id;
  if (job.kind === 'docx') return reviewDocx(job.review, names, job.lang);
  if (job.kind === 'xlsx') return ledgerXlsx(job.rows, names, job.lang);
  return Buffer.from(ledgerCsv(job.rows, names, job.lang), 'utf8');
}
