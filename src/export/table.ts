import { mkdir, writeFile } from "node:fs/promises";
import { dirname, extname } from "node:path";
import type ExcelJS from "exceljs";
import { type Table, cellString, neutralizeFormula, toCsv } from "./csv.js";

export { type Table, neutralizeFormula, toCsv } from "./csv.js";

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
      ws.addRow([neutralizeFormula(t.title)]).font = { bold: true, size: 13 };
      if (t.headers.length > 1) ws.mergeCells(1, 1, 1, t.headers.length);
      headerRow = 2;
    }
    const h = ws.addRow(t.headers.map(neutralizeFormula));
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

/** Write tables to .csv (the first table), .xlsx (every table a sheet) or .json (`json` as given). */
export async function writeTables(path: string, tables: readonly Table[], json?: unknown): Promise<void> {
  const format = outputFormat(path);
  if (!format) throw new Error(`unsupported output: ${path} (use .csv, .xlsx or .json)`);
  await mkdir(dirname(path), { recursive: true });
  if (format === "csv") await writeFile(path, toCsv(tables[0]!));
  else if (format === "xlsx") await writeFile(path, await toXlsx(tables));
  else await writeFile(path, `${JSON.stringify(json ?? tables, null, 2)}\n`);
}
