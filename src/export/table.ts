import { extname } from "node:path";
import type ExcelJS from "exceljs";
import { type GateOptions, gate, gatedJson } from "../text/redact.js";
import { type Table, cellString, toCsv } from "./csv.js";
import { writeOutput } from "./output.js";

export { type Table, neutralizeFormula, toCsv } from "./csv.js";
export { OutputError, checkOutputPath, writeOutput } from "./output.js";

/** An XLSX workbook, one sheet per table, header frozen, long text wrapped. */
export async function toXlsx(tables: readonly Table[]): Promise<Buffer> {
  const { default: Excel } = await import("exceljs");
  const wb: ExcelJS.Workbook = new Excel.Workbook();
  wb.creator = "ducha";
  const used = new Set<string>();
  for (const t of tables) {
    let name = t.name.replace(/[\\/?*[\]:]/g, "_").slice(0, 31) || "Sheet";
    for (let i = 2; used.has(name); i++) name = `${name.slice(0, 28)}(${i})`;
    used.add(name);
    const ws = wb.addWorksheet(name);
    let headerRow = 1;
    if (t.title) {
      ws.addRow([cellString(t.title)]).font = { bold: true, size: 13 };
      if (t.headers.length > 1) ws.mergeCells(1, 1, 1, t.headers.length);
      headerRow = 2;
    }
    const h = ws.addRow(t.headers.map(cellString));
    h.font = { bold: true };
    h.alignment = { vertical: "middle", wrapText: true };
    for (const row of t.rows) ws.addRow(row.map((v) => (typeof v === "number" ? v : cellString(v))));
    ws.views = [{ state: "frozen", ySplit: headerRow }];
    t.headers.forEach((header, i) => {
      let width = Math.max(6, [...header].length * 2 + 2);
      for (const row of t.rows.slice(0, 200)) {
        const v = row[i];
        const len = v === null || v === undefined ? 0 : [...String(v)].length * 2;
        width = Math.max(width, Math.min(len + 2, 60));
      }
      const column = ws.getColumn(i + 1);
      column.width = width;
      if (width >= 40) column.alignment = { wrapText: true, vertical: "top" };
    });
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export type OutputFormat = "csv" | "xlsx" | "json";

export function outputFormat(path: string): OutputFormat | undefined {
  const ext = extname(path).toLowerCase();
  return ext === ".csv" ? "csv" : ext === ".xlsx" ? "xlsx" : ext === ".json" ? "json" : undefined;
}

/** A table through the output gate: every text cell, header, title and the sheet name redacted (unless `keepPii`). */
export function gateTable(t: Table, options: GateOptions = {}): Table {
  // columns repeat their short values (县区, 日期, 办理状态): each is gated once
  const seen = new Map<string, string>();
  const g = (v: string) => {
    if (v.length > 64) return gate(v, options);
    let out = seen.get(v);
    if (out === undefined) seen.set(v, (out = gate(v, options)));
    return out;
  };
  // a number as long as a phone or ID number is checked as text too (figures never are that long)
  const cell = (v: Table["rows"][number][number]) =>
    typeof v === "string" ? g(v) : typeof v === "number" && Math.abs(v) >= 1e9 && g(String(v)) !== String(v) ? g(String(v)) : v;
  return { name: g(t.name), headers: t.headers.map(g), rows: t.rows.map((row) => row.map(cell)), ...(t.title ? { title: g(t.title) } : {}) };
}

/** Options of {@link writeTables}. */
export interface WriteTablesOptions {
  /** keep personal data (--keep-pii); default: every cell is redacted on the way out */
  keepPii?: boolean;
  /** the input files: an output that is one of them (same path, link) is refused */
  inputs?: readonly string[] | Map<string, string>;
}

/**
 * Write tables to .csv (the first table), .xlsx (every table a sheet) or .json (`json` as given).
 * Every string passes the output gate (redaction, control characters); spreadsheet cells are
 * formula-neutralised; an input is never overwritten (see ./output.ts).
 */
export async function writeTables(path: string, tables: readonly Table[], json?: unknown, options: WriteTablesOptions = {}): Promise<void> {
  const format = outputFormat(path);
  if (!format) throw new Error(`unsupported output: ${path} (use .csv, .xlsx or .json)`);
  const keep = { ...(options.keepPii ? { keepPii: true } : {}) };
  let data: string | Uint8Array;
  if (format === "csv") data = toCsv(gateTable(tables[0]!, keep));
  else if (format === "xlsx") data = await toXlsx(tables.map((t) => gateTable(t, keep)));
  else data = `${gatedJson(json ?? tables, { ...keep, indent: 2 })}\n`;
  await writeOutput(path, data, options.inputs ?? []);
}
