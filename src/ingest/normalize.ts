import type { Complaint, Reject, SourceRef, Warning } from "../model/complaint.js";
import {
  type PollutionType,
  channelFromCaseNo,
  parseCategory,
  parseChannel,
  parsePollutionTypes,
  parseStatus,
  parseVerification,
} from "../model/vocabulary.js";
import type { AreaResolver } from "../geo/resolve.js";
import { foldFullWidth, parseChineseNumber } from "../text/normalize.js";
import { REDACTED, excerpt as redactedExcerpt, isPiiColumn, redact } from "../text/redact.js";
import { CANONICAL, type Field, HEADER_SCAN, continuesHeader, findHeaderRow, isHeaderRow, mapHeaders } from "./columns.js";
import { explicitYear, findAsOfDate, parseDate } from "./dates.js";
import { takeDecodeMarks } from "./decode.js";
import type { FirstSeen } from "./first-seen.js";
import type { Grid, GridRow } from "./grid.js";

/** What ingestion made of one sheet (or CSV): its title, header row and headers, rows accepted and rejected. */
export interface SheetResult {
  sheet?: string;
  /** the title rows above the header, joined ("…公开情况一览表（第3批）（模拟数据）") */
  title?: string;
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
  /** the file in record keys of rows without 受理编号: its name without directory, redacted, unique in the run */
  keyLabel: string;
  /** the file's text encoding, for messages about cells that did not decode */
  encoding?: string;
  records: Complaint[];
  rejects: Reject[];
  warnings: Warning[];
  /** 受理编号 -> where it was first seen in this file */
  seenCaseNos: FirstSeen;
}

/** "3", "第3批", "第十二批", "二十一" -> number */
export function parseBatch(cell: string): number | undefined {
  const m = /^(?:第)?\s*(\d{1,3}|[零〇一二两三四五六七八九十]{1,4})\s*(?:批(?:次)?)?$/.exec(foldFullWidth(cell).trim());
  return m ? parseChineseNumber(m[1]!) || undefined : undefined;
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

function isBlank(cells: readonly string[]): boolean {
  // a loop, not cells.every(closure): called on every row of a national year's table
  for (let i = 0; i < cells.length; i++) {
    const c = cells[i]!;
    if (c && c.trim()) return false;
  }
  return true;
}

/**
 * A row's cells joined for the user to recognise it: cells of personal columns (举报人, 联系电话)
 * blanked, the rest redacted, and only then cut.
 */
function excerpt(cells: readonly string[], personal: ReadonlySet<number> = new Set()): string {
  const s = cells
    .map((c, i) => (personal.has(i) && c.trim() ? REDACTED : c))
    .filter((c) => c.trim())
    .join(" | ")
    .replace(/\s+/g, " ");
  return redactedExcerpt(s, 81);
}

/** A cell quoted in a message: redacted, then cut. */
const quote = (cell: string) => redactedExcerpt(cell.replace(/\s+/g, " "), 40);

/**
 * Split a sheet holding several tables one under another at each later header row (a row
 * naming the complaint-text column among other known columns, different from the header in
 * force). Single-cell rows just above such a header are its title rows.
 */
export function splitTables(grid: Grid): Grid[] {
  const { rows } = grid;
  const first = findHeaderRow(headRows(rows));
  if (first < 0) return [grid];
  const starts = [0];
  let header = rows[first]!.cells;
  let headerAt = first;
  for (let i = first + 1; i < rows.length; i++) {
    const cells = rows[i]!.cells;
    // the second row of a two-row header belongs to it
    if (i === headerAt + 1 && continuesHeader(header, cells)) {
      headerAt = i;
      continue;
    }
    if (!isHeaderRow(cells) || sameCells(cells, header)) continue;
    let start = i;
    while (start - 1 > starts.at(-1)! + first && filledCount(rows[start - 1]!.cells) === 1 && !isHeaderRow(rows[start - 1]!.cells)) start--;
    starts.push(start);
    header = cells;
    headerAt = i;
  }
  if (starts.length === 1) return [grid];
  return starts.map((start, k) => {
    const end = starts[k + 1] ?? rows.length;
    const from = rows[start]!.n;
    const to = end < rows.length ? rows[end]!.n : Infinity;
    return { ...grid, rows: rows.slice(start, end), errors: grid.errors.filter((e) => (k === 0 || e.n >= from) && e.n < to) };
  });
}

/** The cells of the rows a header is looked for in (not an array of every row's cells). */
const headRows = (rows: readonly GridRow[]) => rows.slice(0, HEADER_SCAN).map((r) => r.cells);

const filledCount = (cells: readonly string[]) => cells.reduce((n, c) => n + (c.trim() ? 1 : 0), 0);
const sameCells = (a: readonly string[], b: readonly string[]) => {
  const n = Math.max(a.length, b.length);
  for (let i = 0; i < n; i++) if ((a[i] ?? "").trim() !== (b[i] ?? "").trim()) return false;
  return true;
};

interface DecodeIssue {
  n: number;
  col: number;
  gbk: boolean;
  replaced: boolean;
}

/** Cells that did not decode in the file's encoding: unmark them in place and say where they were. */
function takeDecodeIssues(grid: Grid): DecodeIssue[] {
  const issues: DecodeIssue[] = [];
  if (!grid.repaired) return issues;
  for (const r of grid.rows) {
    r.cells.forEach((c, col) => {
      const m = takeDecodeMarks(c);
      if (!m) return;
      r.cells[col] = m.text;
      issues.push({ n: r.n, col, gbk: m.gbk, replaced: m.replaced });
    });
  }
  for (const e of grid.errors) e.excerpt = takeDecodeMarks(e.excerpt)?.text ?? e.excerpt;
  return issues;
}

/**
 * Cache a pure function of a cell: tables repeat the same few values (行政区域, 污染类型,
 * dates) in every row. The cache is dropped when it grows past `max` distinct cells.
 */
function memo<T>(fn: (cell: string) => T, max = 20_000): (cell: string) => T {
  let cache = new Map<string, T>();
  // consecutive rows often repeat a value (a batch's date, a merged county): compare with the
  // last cell before hashing into the map
  let lastCell: string | undefined;
  let lastValue: T;
  return (cell) => {
    if (cell === lastCell) return lastValue;
    let v = cache.get(cell);
    if (v === undefined && !cache.has(cell)) {
      v = fn(cell);
      if (cache.size >= max) cache = new Map();
      cache.set(cell, v);
    }
    lastCell = cell;
    lastValue = v as T;
    return v as T;
  };
}

const NO_TYPES: readonly PollutionType[] = Object.freeze([]);

const NOTE_ROW = /^(注|备注|说明|合计|小计|总计|以上|填报|制表|审核)/;

/**
 * Read one grid (a sheet, a CSV, a JSON array) into records, rejects and warnings, appended to
 * the context. Returns a summary, or undefined when the grid has no complaint-text header.
 */
export function normalizeGrid(grid: Grid, ctx: NormalizeContext): SheetResult | undefined {
  const { rows } = grid;
  const decodeIssues = takeDecodeIssues(grid);
  let headerIdx = findHeaderRow(headRows(rows));
  if (headerIdx < 0) return undefined;
  const titleRows = rows.slice(0, headerIdx);
  // a header over two rows: the sub-columns' names replace the merged parent's
  let headerCells = rows[headerIdx]!.cells;
  while (headerIdx + 1 < rows.length && continuesHeader(headerCells, rows[headerIdx + 1]!.cells)) {
    const lower = rows[++headerIdx]!.cells;
    headerCells = Array.from({ length: Math.max(headerCells.length, lower.length) }, (_, i) => lower[i]?.trim() || headerCells[i] || "");
  }
  const headerRow = { n: rows[headerIdx]!.n, cells: headerCells };
  const headers = uniqueHeaders(headerRow.cells);
  const mapping = mapHeaders(headerRow.cells);
  const col: Partial<Record<Field, number>> = {};
  const recognised: Record<string, string> = {};
  for (const [i, f] of mapping) {
    col[f] = i;
    recognised[CANONICAL[f]] = headers[i]!;
  }
  const sheetLabel = grid.sheet ?? "";
  const titleText = titleRows.map((r) => r.cells.join(" ")).join(" ");
  const around = `${sheetLabel} ${titleText} ${ctx.fileLabel}`;
  const sheetBatch = ctx.batch ?? findBatch(sheetLabel) ?? findBatch(titleText) ?? findBatch(ctx.fileLabel);
  const asOf = findAsOfDate(titleText) ?? findAsOfDate(sheetLabel) ?? findAsOfDate(ctx.fileLabel);

  const data: GridRow[] = [];
  for (let i = headerIdx + 1; i < rows.length; i++) if (!isBlank(rows[i]!.cells)) data.push(rows[i]!);

  // The year of "6月29日" cells: the table's own full dates, else the option, the 受理编号, the title.
  let year = ctx.year;
  if (year === undefined && col.date !== undefined) {
    const counts = new Map<number, number>();
    const yearOf = memo(explicitYear);
    for (const r of data) {
      const y = yearOf(r.cells[col.date] ?? "");
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
    ...(titleText.trim() ? { title: titleText.replace(/\s+/g, " ").trim() } : {}),
    headers,
    recognised,
    rows: data.length + grid.errors.length,
    accepted: 0,
    rejected: 0,
    ...(sheetBatch !== undefined ? { batch: sheetBatch } : {}),
    ...(asOf ? { asOf } : {}),
  };

  const file = ctx.file;
  const sheet = grid.sheet;
  const where = (n: number): SourceRef => (sheet !== undefined ? { file, sheet, row: n } : { file, row: n });
  // warnings quote cells: redacted whatever the caller asks for later
  const warn = (n: number, column: string, message: string) => ctx.warnings.push({ ...where(n), column: redact(column), message: redact(message) });
  const personal = new Set(headers.map((h, i) => (isPiiColumn(h) && !mapping.has(i) ? i : -1)).filter((i) => i >= 0));
  const reject = (n: number, column: string, reason: string, cells?: readonly string[]) => {
    ctx.rejects.push({ ...where(n), column: redact(column), reason: redact(reason), ...(cells ? { excerpt: excerpt(cells, personal) } : {}) });
    summary.rejected++;
  };
  const columnName = (i: number) => headers[i] ?? `第${i + 1}列`;
  for (const d of decodeIssues) {
    const what = d.gbk
      ? `这一格不是 ${ctx.encoding === "gb18030" ? "GB18030" : "UTF-8"} 编码，已按 GBK 读取，请核对`
      : "这一格有无法解码的字节，已用 � 代替，请核对原表";
    warn(d.n, columnName(d.col), what);
  }
  // rows above the header holding several cells: not a title; say that they were not read
  for (const t of titleRows) {
    if (filledCount(t.cells) >= 2) warn(t.n, "", `在表头（第${headerRow.n}行）之上，按标题处理，未作为信访件读取：〔${excerpt(t.cells, personal)}〕`);
  }

  const firstReject = ctx.rejects.length;
  for (const e of grid.errors) reject(e.n, "", e.message, [e.excerpt]);

  const textHeader = headers[col.text!]!;
  const dateOf = memo((c: string) => parseDate(c, year));
  const deadlineOf = memo((c: string) => parseDate(c.replace(/^(?:于|在)/, ""), year));
  const typesOf = memo(parsePollutionTypes);
  const batchOf = memo(parseBatch);
  const parsers = { verification: memo(parseVerification), status: memo(parseStatus), category: memo(parseCategory), channel: memo(parseChannel) };
  // column indexes as one fixed-shape object (-1: the table has no such column)
  const I = {
    seq: col.seq ?? -1,
    caseNo: col.caseNo ?? -1,
    batch: col.batch ?? -1,
    date: col.date ?? -1,
    text: col.text ?? -1,
    area: col.area ?? -1,
    types: col.types ?? -1,
    findings: col.findings ?? -1,
    verification: col.verification ?? -1,
    rectification: col.rectification ?? -1,
    status: col.status ?? -1,
    deadline: col.deadline ?? -1,
    accountability: col.accountability ?? -1,
    category: col.category ?? -1,
    channel: col.channel ?? -1,
    closedDate: col.closedDate ?? -1,
  };
  const cellAt = (r: GridRow, i: number): string => (i < 0 ? "" : (r.cells[i] ?? "").trim());

  const vocab = <T>(r: GridRow, i: number, parse: (s: string) => T | undefined, label: string): T | undefined => {
    const v = cellAt(r, i);
    if (!v) return undefined;
    const p = parse(v);
    if (p === undefined) warn(r.n, headers[i]!, `${label}「${quote(v)}」无法识别，原文已保留`);
    return p;
  };

  // the raw cells of a record keyed by the headers, in column order (the same keys, and key
  // order, as assigning them one by one to an empty object)
  const rawTemplate: Record<string, string> = {};
  for (const h of headers) rawTemplate[h] = "";

  for (const r of data) {
    const text = cellAt(r, I.text);
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

    // a copy of the sheet's template: one allocation with every header already in place, not
    // a property added (and the property store grown) per column
    const raw: Record<string, string> = { ...rawTemplate };
    for (let i = 0; i < headers.length; i++) raw[headers[i]!] = r.cells[i] ?? "";
    for (let i = headers.length; i < r.cells.length; i++) if (r.cells[i]) raw[`第${i + 1}列`] = r.cells[i]!;

    const caseNo = cellAt(r, I.caseNo) || undefined;
    let key = caseNo ?? redact(`${ctx.keyLabel}#${sheetLabel}#${r.n}`);
    if (caseNo) {
      const first = ctx.seenCaseNos.get(caseNo);
      if (first) {
        const at = first.source.sheet !== undefined ? `「${first.source.sheet}」第${first.source.row}行` : `第${first.source.row}行`;
        warn(r.n, headers[col.caseNo!]!, `受理编号 ${caseNo} 重复（首次出现在${at}）`);
        key = `${caseNo}#${sheetLabel}#${r.n}`;
      }
    }

    const batchCell = cellAt(r, I.batch);
    const batch = ctx.batch ?? (batchCell ? batchOf(batchCell) : undefined) ?? sheetBatch;
    if (batchCell && ctx.batch === undefined && batchOf(batchCell) === undefined) {
      warn(r.n, headers[col.batch!]!, `批次「${quote(batchCell)}」无法识别`);
    }

    let date: string | undefined;
    const dateCell = cellAt(r, I.date);
    if (dateCell) {
      const d = dateOf(dateCell);
      if (d.ok) date = d.date;
      else
        warn(r.n, headers[col.date!]!, d.reason === "no-year" ? `日期「${quote(dateCell)}」没有年份，表中也找不到年份` : `日期「${quote(dateCell)}」无法识别`);
    }

    const area = ctx.resolver.resolve(cellAt(r, I.area), text);
    if (area.warning) warn(r.n, col.area !== undefined ? headers[col.area]! : CANONICAL.area, area.warning);

    let officialTypes: readonly PollutionType[] = NO_TYPES;
    const typesCell = cellAt(r, I.types);
    if (typesCell) {
      const t = typesOf(typesCell);
      officialTypes = t.values;
      if (t.unknown.length) warn(r.n, headers[col.types!]!, `污染类型「${quote(t.unknown.join("、"))}」不在官方分类中，原文已保留`);
    }

    let deadline: string | undefined = cellAt(r, I.deadline) || undefined;
    if (deadline) {
      const d = deadlineOf(deadline);
      if (d.ok) deadline = d.date;
    }
    let closedDate: string | undefined;
    const closed = cellAt(r, I.closedDate);
    if (closed) {
      const d = dateOf(closed);
      if (d.ok) closedDate = d.date;
      else warn(r.n, headers[col.closedDate!]!, `办结时间「${quote(closed)}」无法识别`);
    }

    // every field present (undefined when absent): one object shape for all records
    const rec: Complaint = {
      key,
      source: where(r.n),
      seq: cellAt(r, I.seq) || undefined,
      caseNo,
      batch,
      date,
      text,
      area: area.area,
      officialTypes,
      verification: vocab(r, I.verification, parsers.verification, "是否属实"),
      status: vocab(r, I.status, parsers.status, "办理状态"),
      category: vocab(r, I.category, parsers.category, "案卷类别"),
      channel: vocab(r, I.channel, parsers.channel, "受理渠道") ?? (caseNo ? channelFromCaseNo(caseNo) : undefined),
      findings: cellAt(r, I.findings) || undefined,
      rectification: cellAt(r, I.rectification) || undefined,
      accountability: cellAt(r, I.accountability) || undefined,
      deadline,
      closedDate,
      asOf,
      raw,
    };

    ctx.records.push(rec);
    if (caseNo && key === caseNo) ctx.seenCaseNos.set(caseNo, rec);
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
