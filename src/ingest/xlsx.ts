import type ExcelJS from "exceljs";
import type { Grid } from "./grid.js";

const pad = (n: number) => String(n).padStart(2, "0");

/** exceljs reads date-formatted cells as UTC midnight Dates. */
function formatDate(d: Date): string {
  if (Number.isNaN(d.getTime())) return "";
  const date = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  const h = d.getUTCHours();
  const m = d.getUTCMinutes();
  return h || m ? `${date} ${pad(h)}:${pad(m)}` : date;
}

/** The text a user sees in a cell, whatever exceljs made of it. */
export function cellText(value: ExcelJS.CellValue | undefined): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value;
  if (typeof value === "number") return String(value);
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (value instanceof Date) return formatDate(value);
  if ("richText" in value) return value.richText.map((r) => r.text).join("");
  if ("formula" in value || "sharedFormula" in value) {
    const r = (value as ExcelJS.CellFormulaValue).result;
    return r === undefined || r === null ? "" : typeof r === "object" && "error" in r ? String(r.error) : cellText(r as ExcelJS.CellValue);
  }
  if ("hyperlink" in value) return String((value as ExcelJS.CellHyperlinkValue).text ?? "");
  if ("error" in value) return String(value.error);
  return "";
}

/**
 * Every worksheet as a grid of strings with Excel row numbers.
 *
 * Merged cells: a merge down one column (行政区域 or 批次 written once for several rows)
 * gives its value to every row it covers; a merge across columns (a title or a footnote
 * spanning the table) keeps its value in its first cell only, so it never looks like a
 * complaint.
 */
export async function readXlsx(bytes: Uint8Array): Promise<Grid[]> {
  // loaded on first use: a CSV-only run does not pay for exceljs
  const { default: Excel } = await import("exceljs");
  const wb = new Excel.Workbook();
  await wb.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ExcelJS.Buffer);
  const grids: Grid[] = [];
  wb.eachSheet((ws) => {
    const rows: Grid["rows"] = [];
    const width = ws.columnCount;
    ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      const cells: string[] = new Array<string>(width).fill("");
      let any = false;
      for (let c = 1; c <= width; c++) {
        const cell = row.getCell(c);
        let text: string;
        if (cell.type === Excel.ValueType.Merge) {
          const master = cell.master;
          text = master.col === cell.col ? cellText(master.value) : "";
        } else {
          text = cellText(cell.value);
        }
        if (text) any = true;
        cells[c - 1] = text;
      }
      if (any) rows.push({ n: rowNumber, cells });
    });
    grids.push({ sheet: ws.name, rows, errors: [] });
  });
  return grids;
}
