/** The ledger as files: .xlsx (exceljs) and CSV (UTF-8 with a byte-order mark, which Excel needs). */
import { LEDGER_COLUMNS, ledgerCells, type LedgerRow, type Names } from '../../shared/views/ledger.ts';

type Lang = 'zh' | 'en';

/**
 * A cell a spreadsheet would take for a formula (=, +, -, @, a tab or a return first) is prefixed with an
 * apostrophe: a unit's note "=HYPERLINK(…)" must stay text in the office's Excel (CSV injection).
 */
export function inert(cell: string): string {
  return /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
}

const quoted = (cell: string) => (/[",\r\n]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell);

export function ledgerCsv(rows: readonly LedgerRow[], names: Names, lang: Lang = 'zh'): string {
  const head = LEDGER_COLUMNS.map((c) => (lang === 'zh' ? c[1] : c[2]));
  const lines = [head, ...rows.map((r) => ledgerCells(r, names, lang).map(inert))];
  return `\uFEFF${lines.map((l) => l.map(quoted).join(',')).join('\r\n')}\r\n`;
}

export async function ledgerXlsx(
  rows: readonly LedgerRow[],
  names: Names,
  lang: Lang = 'zh',
): Promise<Buffer> {
  void rows;
  void names;
  void lang;
  throw new Error('not yet');
}
