/**
 * Tables as CSV and XLSX in the browser, with the library's conventions (CSV from src/export/csv.ts):
 * CSV in UTF-8 with BOM and CRLF, RFC 4180 quoting; a cell that a spreadsheet would run as a
 * formula gets a leading apostrophe in both formats. The XLSX is a minimal workbook (inline
 * strings, a bold frozen header) written with ./zip.ts. Browser-safe.
 */
import { type Table, cellString, neutralizeFormula } from "../export/csv.js";
import { zip } from "./zip.js";

export type { Table };

// characters XML 1.0 does not allow, and the five it escapes
const INVALID_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;
const xml = (s: string): string =>
  s.replace(INVALID_XML, "").replace(/[&<>"]/g, (c) => (c === "&" ? "&amp;" : c === "<" ? "&lt;" : c === ">" ? "&gt;" : "&quot;"));

function column(i: number): string {
  let s = "";
  for (let n = i + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

const width = (v: unknown): number => [...String((v as string | number | undefined) ?? "")].reduce((w, ch) => w + (ch.charCodeAt(0) > 0x2e80 ? 2 : 1), 0);

function sheetXml(t: Table): string {
  const rows: string[] = [];
  let r = 0;
  const cell = (c: number, v: string | number | null | undefined, style: number) => {
    const ref = `${column(c)}${r}`;
    if (typeof v === "number" && Number.isFinite(v)) return `<c r="${ref}" s="${style}"><v>${v}</v></c>`;
    const s = typeof v === "number" ? "" : cellString(v);
    return `<c r="${ref}" s="${style}" t="inlineStr"><is><t xml:space="preserve">${xml(s)}</t></is></c>`;
  };
  if (t.title) {
    r++;
    rows.push(`<row r="${r}">${cell(0, t.title, 1)}</row>`);
  }
  r++;
  const headerRow = r;
  rows.push(`<row r="${r}">${t.headers.map((h, c) => cell(c, neutralizeFormula(h), 1)).join("")}</row>`);
  for (const row of t.rows) {
    r++;
    rows.push(`<row r="${r}">${row.map((v, c) => cell(c, v, 2)).join("")}</row>`);
  }
  const widths = t.headers.map((h, c) => Math.min(60, Math.max(6, width(h) + 2, ...t.rows.slice(0, 200).map((row) => width(row[c]) + 2))));
  const cols = widths.map((w, c) => `<col min="${c + 1}" max="${c + 1}" width="${w}" customWidth="1"/>`).join("");
  const pane = `<pane ySplit="${headerRow}" topLeftCell="A${headerRow + 1}" activePane="bottomLeft" state="frozen"/>`;
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetViews><sheetView workbookViewId="0">${pane}</sheetView></sheetViews>` +
    `<cols>${cols}</cols><sheetData>${rows.join("")}</sheetData></worksheet>`
  );
}

const STYLES =
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
  `<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">` +
  `<fonts count="2"><font><sz val="11"/><name val="等线"/></font><font><b/><sz val="11"/><name val="等线"/></font></fonts>` +
  `<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>` +
  `<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>` +
  `<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>` +
  `<cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>` +
  `<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>` +
  `<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf></cellXfs>` +
  `</styleSheet>`;

/** An XLSX workbook, one sheet per table. */
export function xlsxBytes(tables: readonly Table[]): Uint8Array<ArrayBuffer> {
  const enc = new TextEncoder();
  const used = new Set<string>();
  const names = tables.map((t) => {
    let name = t.name.replace(/[\\/?*[\]:]/g, "_").slice(0, 31) || "Sheet";
    for (let i = 2; used.has(name); i++) name = `${name.slice(0, 28)}(${i})`;
    used.add(name);
    return name;
  });
  const sheets = tables.map((_, i) => `<sheet name="${xml(names[i]!)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join("");
  const rels = tables
    .map(
      (_, i) =>
        `<Relationship Id="rId${i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`,
    )
    .join("");
  const overrides = tables
    .map(
      (_, i) =>
        `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`,
    )
    .join("");
  const head = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n`;
  const files: [string, string][] = [
    [
      "[Content_Types].xml",
      `${head}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>` +
        `<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>` +
        `<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>${overrides}</Types>`,
    ],
    [
      "_rels/.rels",
      `${head}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    ],
    [
      "xl/workbook.xml",
      `${head}<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>${sheets}</sheets></workbook>`,
    ],
    [
      "xl/_rels/workbook.xml.rels",
      `${head}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels}<Relationship Id="rId${tables.length + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>`,
    ],
    ["xl/styles.xml", STYLES],
    ...tables.map((t, i): [string, string] => [`xl/worksheets/sheet${i + 1}.xml`, sheetXml(t)]),
  ];
  return zip(files.map(([name, text]) => ({ name, data: enc.encode(text) })));
}
