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

import { stripControls } from "../text/controls.js";

// every kind of space a spreadsheet may skip before a formula: ASCII white space and line
// breaks, NBSP, the ideographic space U+3000, the Unicode spaces, zero-width characters, BOM
const LEADING_SPACE = /^[\s\u00a0\u1680\u180e\u2000-\u200f\u2028\u2029\u202f\u205f\u2060\u3000\ufeff]+/;
// = + - @ and their full-width (＝＋－＠) and small (﹦﹢﹣﹫) forms, which some spreadsheets fold to ASCII
const FORMULA_SIGN = /^[=+\-@\uff1d\uff0b\uff0d\uff20\ufe66\ufe62\ufe63\ufe6b]/;

/**
 * A cell that a spreadsheet would run as a formula gets a leading apostrophe, which Excel and
 * WPS show as text and never evaluate: = + - @ (full-width too) as the first character after
 * any leading white space, or a leading tab or carriage return (OWASP's CSV-injection advice).
 */
export function neutralizeFormula(value: string): string {
  if (/^[\t\r]/.test(value)) return `'${value}`;
  return FORMULA_SIGN.test(value.replace(LEADING_SPACE, "")) ? `'${value}` : value;
}

/** A cell as text for a spreadsheet: numbers as they are, text without control characters and formula-neutralised. */
export function cellString(v: string | number | null | undefined): string {
  if (v === null || v === undefined) return "";
  return typeof v === "number" ? String(v) : neutralizeFormula(stripControls(v));
}

function csvField(s: string): string {
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** One CSV line (no line break) of a table row: cells as {@link cellString}, RFC 4180 quoting. */
export function csvLine(row: readonly (string | number | null | undefined)[]): string {
  return row.map((v) => csvField(cellString(v))).join(",");
}

/**
 * The CSV lines (each as {@link csvLine}) of many rows, joined by CRLF, without a final line
 * break. Short cells (counties, dates, labels, empty cells) repeat from row to row: each distinct
 * one is formatted once per call.
 */
export function csvLines(rows: readonly (readonly (string | number | null | undefined)[])[]): string {
  const seen = new Map<string, string>();
  const field = (v: string | number | null | undefined): string => {
    if (typeof v !== "string" || v.length > 64) return csvField(cellString(v));
    let f = seen.get(v);
    if (f === undefined) seen.set(v, (f = csvField(cellString(v))));
    return f;
  };
  return rows.map((row) => row.map(field).join(",")).join("\r\n");
}

/** CSV as Excel in China opens it: UTF-8 with BOM, CRLF, RFC 4180 quoting. */
export function toCsv(table: Table): string {
  const lines: string[] = [];
  if (table.title) lines.push(csvField(cellString(table.title)));
  lines.push(csvLine(table.headers));
  for (const row of table.rows) lines.push(csvLine(row));
  return `\uFEFF${lines.join("\r\n")}\r\n`;
}
