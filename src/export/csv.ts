/**
 * CSV as spreadsheets read it: RFC 4180 quoting, CRLF row ends, and a UTF-8 byte order mark so
 * that Excel opened by double-click reads UTF-8 rather than the system code page (GBK on Chinese
 * Windows, which turns 常住人口 into mojibake). A list goes in one cell, one item per line.
 */

export const UTF8_BOM = '\uFEFF';

export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  const s = Array.isArray(value) ? value.map((v) => (v === null || v === undefined ? '' : String(v))).join('\n') : String(value);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** A whole CSV file: BOM, header row, one row per record, CRLF after every row. */
export function csvTable(columns: readonly string[], rows: readonly Record<string, unknown>[]): string {
  const lines = [columns.map(csvCell).join(','), ...rows.map((r) => columns.map((c) => csvCell(r[c])).join(','))];
  return UTF8_BOM + lines.join('\r\n') + '\r\n';
}
