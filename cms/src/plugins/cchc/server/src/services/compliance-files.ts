/**
 * The report as files: CSV (UTF-8 with a BOM, so Excel reads the Vietnamese right) and
 * XLSX through exceljs. Both take their headers and numbers from the same shared tables.
 */
import { CSV_BOM, complianceTable, questionsTable, tasksTable, toCsv, type ComplianceReport, type Table } from '@cchc/shared';
import { Workbook, type Worksheet } from 'exceljs';

/** Sheet names (Excel allows 31 characters, no `[]:*?/\`). */
export const SHEETS = { agencies: 'Báo cáo quý', tasks: 'Nhiệm vụ 4 và 5', questions: 'Hỏi đáp của người dân' } as const;

/** MIME types of the files. */
export const FILE_TYPES = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;

const NAME_COLUMN_WIDTH = 45;
const COLUMN_WIDTH = 14;

/** The agencies table as CSV text, BOM first. */
export function complianceCsv(report: ComplianceReport): string {
  const table = complianceTable(report);
  return CSV_BOM + toCsv([table.headers, ...table.rows]);
}

function fillSheet(sheet: Worksheet, table: Table): void {
  sheet.addRow(table.headers).font = { bold: true };
  for (const row of table.rows) sheet.addRow(row);
  sheet.columns.forEach((column, i) => {
    column.width = i === 0 ? NAME_COLUMN_WIDTH : COLUMN_WIDTH;
  });
  sheet.views = [{ state: 'frozen', xSplit: 1, ySplit: 1 }];
}

/** The workbook: the agencies sheet, tasks 4 and 5.x, then citizens' questions per agency. */
export async function complianceXlsx(report: ComplianceReport): Promise<Buffer> {
  const workbook = new Workbook();
  workbook.title = `Báo cáo tuân thủ truyền thông CCHC ${report.label}`;
  workbook.created = new Date();
  fillSheet(workbook.addWorksheet(SHEETS.agencies), complianceTable(report));
  fillSheet(workbook.addWorksheet(SHEETS.tasks), tasksTable(report));
  fillSheet(workbook.addWorksheet(SHEETS.questions), questionsTable(report));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
