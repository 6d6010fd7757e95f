/**
 * A console result as CSV (RFC 4180: comma-separated, CRLF line ends, fields quoted when they hold a
 * comma, a quote or a line break), and its download. Cells are the text the table shows (cells.ts).
 * Text that a spreadsheet would take for a formula (=, +, -, @ first) is prefixed with an apostrophe,
 * so opening a file built from sourced text never runs anything; numbers (-9223372036854775808,
 * -1.0), dates and durations are the database's own text and stay as they are.
 */
import { offerDownload } from '../download.ts';
import { cellText, isDatabaseText } from './cells.ts';

const FORMULA_START = /^[=+\-@\t\r]/;

function field(text: string, fromText: boolean): string {
  const safe = fromText && FORMULA_START.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** The header row, then one row per record in the given order. */
export function toCsv(columns: readonly string[], rows: readonly (readonly unknown[])[]): string {
  const lines = [columns.map((c) => field(c, true)).join(',')];
  for (const row of rows) {
    lines.push(columns.map((_, i) => field(cellText(row[i]), !isDatabaseText(row[i]))).join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}

/** The byte order mark tells spreadsheets the file is UTF-8, so Arabic names arrive intact. */
export function downloadCsv(csv: string, filename: string): void {
  offerDownload(new Blob(['\uFEFF', csv], { type: 'text/csv;charset=utf-8' }), filename);
}
