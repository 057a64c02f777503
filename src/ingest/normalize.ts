import type { Complaint, Reject, Warning } from "../model/complaint.js";
import {
  type Channel, type PollutionType, channelFromCaseNo, parseCategory, parseChannel, parsePollutionTypes,
  parseStatus, parseVerification,
} from "../model/vocabulary.js";
import type { AreaResolver } from "../geo/resolve.js";
import { CANONICAL, type Field, findHeaderRow, mapHeaders } from "./columns.js";
import { explicitYear, findAsOfDate, parseDate } from "./dates.js";
import type { Grid, GridRow } from "./grid.js";

export interface SheetResult {
  sheet?: string;
  /** row number of the header (0 for JSON, whose keys are the header) */
  headerRow: number;
  /** the headers as written, made unique */
  headers: string[];
  /** canonical header -> header as written, for the recognised columns */
  recognised: Record<string, string>;
  /** data rows below the header (blank rows are not counted) */
  rows: number;
  accepted: number;
  rejected: number;
  batch?: number;
  asOf?: string;
}

export interface NormalizeContext {
  file: string;
  resolver: AreaResolver;
  /** year for "6月29日"-style dates when the table states none */
  year?: number;
  /** batch for every row, overriding columns, sheet names and titles */
  batch?: number;
  /** text around the table: the file name; searched for 第N批, 截至…, and a year */
  fileLabel: string;
  records: Complaint[];
  rejects: Reject[];
  warnings: Warning[];
  /** 受理编号 -> where it was first seen in this file */
  seenCaseNos: Map<string, string>;
}

const CN_DIGITS: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** "3", "第3批", "第十二批", "二十一" -> number */
export function parseBatch(cell: string): number | undefined {
  const s = cell.trim().replace(/[\uFF10-\uFF19]/g, (c) => String(c.charCodeAt(0) - 0xff10));
  const m = /^(?:第)?\s*(\d{1,3}|[零〇一二两三四五六七八九十]{1,4})\s*(?:批(?:次)?)?$/.exec(s);
  if (!m) return undefined;
  const t = m[1]!;
  if (/^\d+$/.test(t)) return Number(t) || undefined;
  // 十 -> 10, 十二 -> 12, 二十 -> 20, 二十一 -> 21
  const ten = t.indexOf("十");
  if (ten < 0) return t.length === 1 ? CN_DIGITS[t] || undefined : undefined;
  const tens = ten === 0 ? 1 : CN_DIGITS[t.slice(0, ten)];
  const ones = ten === t.length - 1 ? 0 : CN_DIGITS[t.slice(ten + 1)];
  return tens === undefined || ones === undefined ? undefined : tens * 10 + ones || undefined;
}

export function findBatch(text: string): number | undefined {
  const m = /第\s*(\d{1,3}|[一二两三四五六七八九十]{1,4})\s*批/.exec(text);
  return m ? parseBatch(m[1]!) : undefined;
}

function findYear(text: string): number | undefined {
  const m = /(?:^|\D)(20[0-4]\d)(?:\D|$)/.exec(text);
  return m ? Number(m[1]) : undefined;
}

function uniqueHeaders(cells: readonly string[]): string[] {
  const seen = new Map<string, number>();
  return cells.map((h, i) => {
    let name = h.trim().replace(/\s+/g, " ") || `第${i + 1}列`;
    const k = seen.get(name) ?? 0;
    seen.set(name, k + 1);
    if (k) name = `${name}(${k + 1})`;
    return name;
  });
}

const isBlank = (cells: readonly string[]) => cells.every((c) => !c || !c.trim());

function excerpt(cells: readonly string[]): string {
  const s = cells.filter((c) => c.trim()).join(" | ").replace(/\s+/g, " ");
  return s.length > 80 ? `${s.slice(0, 80)}…` : s;
}

const NOTE_ROW = /^(注|备注|说明|合计|小计|总计|以上|填报|制表|审核)/;

/**
 * Read one grid (a sheet, a CSV, a JSON array) into records, rejects and warnings, appended to
 * the context. Returns a summary, or undefined when the grid has no complaint-text header.
 */
export function normalizeGrid(grid: Grid, ctx: NormalizeContext): SheetResult | undefined {
  const { rows } = grid;
  const headerIdx = findHeaderRow(rows.map((r) => r.cells));
  if (headerIdx < 0) return undefined;
  const headerRow = rows[headerIdx]!;
  const headers = uniqueHeaders(headerRow.cells);
  const mapping = mapHeaders(headerRow.cells);
  const col: Partial<Record<Field, number>> = {};
  const recognised: Record<string, string> = {};
  for (const [i, f] of mapping) {
    col[f] = i;
    recognised[CANONICAL[f]] = headers[i]!;
  }
  const sheetLabel = grid.sheet ?? "";
  const titleText = rows.slice(0, headerIdx).map((r) => r.cells.join(" ")).join(" ");
  const around = `${sheetLabel} ${titleText} ${ctx.fileLabel}`;
  const sheetBatch = ctx.batch ?? findBatch(sheetLabel) ?? findBatch(titleText) ?? findBatch(ctx.fileLabel);
  const asOf = findAsOfDate(titleText) ?? findAsOfDate(sheetLabel) ?? findAsOfDate(ctx.fileLabel);

  const data: GridRow[] = [];
  for (let i = headerIdx + 1; i < rows.length; i++) if (!isBlank(rows[i]!.cells)) data.push(rows[i]!);

  // The year of "6月29日" cells: the table's own full dates, else the option, the 受理编号, the title.
  let year = ctx.year;
  if (year === undefined && col.date !== undefined) {
    const counts = new Map<number, number>();
    for (const r of data) {
      const y = explicitYear(r.cells[col.date] ?? "");
      if (y) counts.set(y, (counts.get(y) ?? 0) + 1);
    }
    let best = 0;
    for (const [y, c] of counts) if (c > best) [year, best] = [y, c];
  }
  if (year === undefined && col.caseNo !== undefined) {
    for (const r of data.slice(0, 20)) {
      const m = /^[A-Z]\d?[A-Z]{2}(20\d\d)\d{4}/i.exec((r.cells[col.caseNo] ?? "").trim());
      if (m) {
        year = Number(m[1]);
        break;
      }
    }
  }
  year ??= findYear(around);

  const summary: SheetResult = {
    ...(grid.sheet !== undefined ? { sheet: grid.sheet } : {}),
    headerRow: headerRow.n,
    headers,
    recognised,
    rows: data.length + grid.errors.length,
    accepted: 0,
    rejected: 0,
    ...(sheetBatch !== undefined ? { batch: sheetBatch } : {}),
    ...(asOf ? { asOf } : {}),
  };

  const where = (n: number) => ({ file: ctx.file, ...(grid.sheet !== undefined ? { sheet: grid.sheet } : {}), row: n });
  const warn = (n: number, column: string, message: string) => ctx.warnings.push({ ...where(n), column, message });
  const reject = (n: number, column: string, reason: string, cells?: readonly string[]) => {
    ctx.rejects.push({ ...where(n), column, reason, ...(cells ? { excerpt: excerpt(cells) } : {}) });
    summary.rejected++;
  };

  const firstReject = ctx.rejects.length;
  for (const e of grid.errors) reject(e.n, "", e.message, [e.excerpt]);

  const textHeader = headers[col.text!]!;
  const cell = (r: GridRow, f: Field): string => {
    const i = col[f];
    return i === undefined ? "" : (r.cells[i] ?? "").trim();
  };

  for (const r of data) {
    const text = cell(r, "text");
    if (!text) {
      const filled = r.cells.filter((c) => c.trim());
      const note = filled.length === 1 && NOTE_ROW.test(filled[0]!.trim());
      reject(r.n, textHeader, note ? "表格注释或合计行，不是信访件" : `${textHeader}为空`, r.cells);
      continue;
    }
    if (normalizeRowEqualsHeader(r.cells, headerRow.cells)) {
      reject(r.n, "", "重复的表头行", r.cells);
      continue;
    }
    if (r.cells.length > headers.length && r.cells.slice(headers.length).some((c) => c.trim())) {
      warn(r.n, "", `该行有${r.cells.length}列，比表头多${r.cells.length - headers.length}列，多出的内容已保留`);
    }

    const raw: Record<string, string> = {};
    for (let i = 0; i < headers.length; i++) raw[headers[i]!] = r.cells[i] ?? "";
    for (let i = headers.length; i < r.cells.length; i++) if (r.cells[i]) raw[`第${i + 1}列`] = r.cells[i]!;

    const caseNo = cell(r, "caseNo") || undefined;
    let key = caseNo ?? `${ctx.file}#${sheetLabel}#${r.n}`;
    if (caseNo) {
      const first = ctx.seenCaseNos.get(caseNo);
      if (first) {
        warn(r.n, headers[col.caseNo!]!, `受理编号 ${caseNo} 重复（首次出现在${first}）`);
        key = `${caseNo}#${sheetLabel}#${r.n}`;
      } else {
        ctx.seenCaseNos.set(caseNo, grid.sheet !== undefined ? `「${grid.sheet}」第${r.n}行` : `第${r.n}行`);
      }
    }

    const rec: Complaint = {
      key,
      source: where(r.n),
      text,
      area: { raw: "", method: "unresolved" },
      officialTypes: [],
      raw,
    };
    const seq = cell(r, "seq");
    if (seq) rec.seq = seq;
    if (caseNo) rec.caseNo = caseNo;

    const batchCell = cell(r, "batch");
    const batch = ctx.batch ?? (batchCell ? parseBatch(batchCell) : undefined) ?? sheetBatch;
    if (batchCell && ctx.batch === undefined && parseBatch(batchCell) === undefined) {
      warn(r.n, headers[col.batch!]!, `批次「${batchCell}」无法识别`);
    }
    if (batch !== undefined) rec.batch = batch;

    const dateCell = cell(r, "date");
    if (dateCell) {
      const d = parseDate(dateCell, year);
      if (d.ok) rec.date = d.date;
      else warn(r.n, headers[col.date!]!, d.reason === "no-year" ? `日期「${dateCell}」没有年份，表中也找不到年份` : `日期「${dateCell}」无法识别`);
    }

    const areaCell = cell(r, "area");
    const area = ctx.resolver.resolve(areaCell, text);
    rec.area = area.area;
    if (area.warning) warn(r.n, col.area !== undefined ? headers[col.area]! : CANONICAL.area, area.warning);

    const typesCell = cell(r, "types");
    if (typesCell) {
      const t = parsePollutionTypes(typesCell);
      rec.officialTypes = t.values as PollutionType[];
      if (t.unknown.length) warn(r.n, headers[col.types!]!, `污染类型「${t.unknown.join("、")}」不在官方分类中，原文已保留`);
    }

    const vocab = <T>(f: Field, parse: (s: string) => T | undefined, label: string): T | undefined => {
      const v = cell(r, f);
      if (!v) return undefined;
      const p = parse(v);
      if (p === undefined) warn(r.n, headers[col[f]!]!, `${label}「${v}」无法识别，原文已保留`);
      return p;
    };
    const verification = vocab("verification", parseVerification, "是否属实");
    if (verification) rec.verification = verification;
    const status = vocab("status", parseStatus, "办理状态");
    if (status) rec.status = status;
    const category = vocab("category", parseCategory, "案卷类别");
    if (category) rec.category = category;
    const channel: Channel | undefined = vocab("channel", parseChannel, "受理渠道") ?? (caseNo ? channelFromCaseNo(caseNo) : undefined);
    if (channel) rec.channel = channel;

    const findings = cell(r, "findings");
    if (findings) rec.findings = findings;
    const rectification = cell(r, "rectification");
    if (rectification) rec.rectification = rectification;
    const accountability = cell(r, "accountability");
    if (accountability) rec.accountability = accountability;
    const deadline = cell(r, "deadline");
    if (deadline) {
      const d = parseDate(deadline.replace(/^(?:于|在)/, ""), year);
      rec.deadline = d.ok ? d.date : deadline;
    }
    const closed = cell(r, "closedDate");
    if (closed) {
      const d = parseDate(closed, year);
      if (d.ok) rec.closedDate = d.date;
      else warn(r.n, headers[col.closedDate!]!, `办结时间「${closed}」无法识别`);
    }
    if (asOf) rec.asOf = asOf;

    ctx.records.push(rec);
    summary.accepted++;
  }
  // parse errors were reported first: put this grid's rejects back in row order
  const mine = ctx.rejects.splice(firstReject).sort((a, b) => a.row - b.row);
  ctx.rejects.push(...mine);
  return summary;
}

function normalizeRowEqualsHeader(cells: readonly string[], header: readonly string[]): boolean {
  let same = 0;
  for (let i = 0; i < header.length; i++) {
    if (!header[i]) continue;
    if ((cells[i] ?? "").trim() !== header[i]!.trim()) return false;
    same++;
  }
  return same >= 2;
}
