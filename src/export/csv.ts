/**
 * Tables and CSV text: the part of exporting that needs no Node API, shared by the library's
 * exports and the dashboard's downloads. Browser-safe.
 */

/** A plain table: what every export writes. */
export interface Table {
  /** worksheet name for XLSX */
  name: string;
  headers: string[];
  rows: (string | number | null | undefined)[][];
  /** a line above the header (e.g. 模拟数据 notice); written as a title row */
  title?: string;
}

/**
 * A cell that a spreadsheet would run as a formula (= + - @, or a leading tab or carriage
 * return, per OWASP's CSV-injection advice) gets a leading apostrophe, which Excel and WPS show
 * as text and never evaluate.
 */
export function neutralizeFormula(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** A cell as text for a spreadsheet: numbers as they are, text formula-neutralised. */
export function cellString(v: string | number | null | undefined): string {
  if (v === null || v === undefined) return "";
  return typeof v === "number" ? String(v) : neutralizeFormula(v);
}

function csvField(s: string): string {
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** CSV as Excel in China opens it: UTF-8 with BOM, CRLF, RFC 4180 quoting. */
export function toCsv(table: Table): string {
  const lines: string[] = [];
  if (table.title) lines.push(csvField(neutralizeFormula(table.title)));
  lines.push(table.headers.map((h) => csvField(neutralizeFormula(h))).join(","));
  for (const row of table.rows) lines.push(row.map((v) => csvField(cellString(v))).join(","));
  return `\uFEFF${lines.join("\r\n")}\r\n`;
}
