/** The ledger as files: .xlsx (exceljs) and CSV (UTF-8 with a byte-order mark, which Excel needs). */
import ExcelJS from 'exceljs';
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

/** Column widths (characters) and which columns wrap, by LEDGER_COLUMNS' keys. */
const XLSX_COLUMNS: Record<(typeof LEDGER_COLUMNS)[number][0], { width: number; wrap?: true }> = {
  no: { width: 6 },
  at: { width: 17 },
  incident: { width: 24, wrap: true },
  unit: { width: 20, wrap: true },
  measure: { width: 44, wrap: true },
  status: { width: 18, wrap: true },
  doneAt: { width: 17 },
  by: { width: 20, wrap: true },
  remark: { width: 44, wrap: true },
};

/** Characters XML 1.0 cannot hold (the record's text is cleaned at the boundary, so this keeps a file valid). */
const NOT_XML =
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * The ledger as a workbook: one sheet (台账 / Ledger), the headings, then exactly the cells of `ledgerCells`.
 * Every cell is a string cell: in .xlsx a string is never read as a formula, so no apostrophe is added and the
 * file reads back as the ledger query's cells. Header bold and frozen, filtered, repeated on every printed
 * page; A4 landscape, one page wide.
 */
export async function ledgerXlsx(
  rows: readonly LedgerRow[],
  names: Names,
  lang: Lang = 'zh',
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = lang === 'zh' ? '应急预案指挥调度台' : 'Emergency-Plan Operations Console';
  const sheet = workbook.addWorksheet(lang === 'zh' ? '台账' : 'Ledger', {
    views: [{ state: 'frozen', xSplit: 0, ySplit: 1 }],
    pageSetup: {
      paperSize: 9, // A4
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: '1:1',
      margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    },
    headerFooter: { oddFooter: lang === 'zh' ? '第 &P 页，共 &N 页' : 'Page &P of &N' },
  });
  sheet.columns = LEDGER_COLUMNS.map(([key]) => ({
    key,
    width: XLSX_COLUMNS[key].width,
    style: {
      alignment: { vertical: 'top', wrapText: XLSX_COLUMNS[key].wrap ?? false },
    },
  }));

  const head = sheet.getRow(1);
  LEDGER_COLUMNS.forEach((c, i) => {
    const cell = head.getCell(i + 1);
    cell.value = lang === 'zh' ? c[1] : c[2];
    cell.font = { bold: true };
    cell.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE7E6E6' } };
    cell.border = { bottom: { style: 'thin' } };
  });

  rows.forEach((row, r) => {
    const line = sheet.getRow(r + 2);
    ledgerCells(row, names, lang).forEach((text, i) => {
      // a string value is a string cell (t="s"), whatever it starts with
      line.getCell(i + 1).value = text.replace(NOT_XML, '');
    });
  });

  sheet.autoFilter = {
    from: { row: 1, column: 1 },
    to: { row: rows.length + 1, column: LEDGER_COLUMNS.length },
  };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
