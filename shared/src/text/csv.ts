/** CSV as RFC 4180 writes it, for spreadsheets opened by people. */

/** A cell of a table: text or a number. */
export type Cell = string | number;

/** The byte order mark that makes Excel read a CSV file as UTF-8. */
export const CSV_BOM = '\uFEFF';

/** Text a spreadsheet would run as a formula when it starts the cell. */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * One CSV field: quoted when it holds a comma, a quote or a line break (quotes doubled);
 * text that a spreadsheet would take for a formula gets a leading apostrophe.
 * @example csvField('Sở Nội vụ, tỉnh') === '"Sở Nội vụ, tỉnh"'
 * @example csvField('Báo "Bình Định"') === '"Báo ""Bình Định"""'
 * @example csvField(12) === '12'
 */
export function csvField(cell: Cell): string {
  if (typeof cell === 'number') return String(cell);
  const text = FORMULA_START.test(cell) ? `'${cell}` : cell;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * A table as CSV text: fields separated by commas, records ended by CRLF.
 * @example toCsv([['a', 1], ['b,c', 2]]) === 'a,1\r\n"b,c",2\r\n'
 */
export function toCsv(rows: ReadonlyArray<ReadonlyArray<Cell>>): string {
  return rows.map((r) => `${r.map(csvField).join(',')}\r\n`).join('');
}
