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
import type { Grid, GridError, GridRow } from "./grid.js";

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

/** Rows of a sheet, a CSV or a JSON array in order, handed out one at a time as they are read. */
export interface RowSource {
  /** worksheet name; absent for CSV and JSON */
  sheet?: string;
  /** some cells did not decode in the file's encoding and carry marks (see decode.ts) */
  repaired?: boolean;
  /** the next row, or undefined at the end */
  next(): GridRow | undefined;
  /** records that could not be parsed, in row order; every one before the last row handed out is there */
  readonly errors: readonly GridError[];
}

/** A grid already held (a worksheet, a JSON array) as a row source. */
export function gridSource(grid: Grid): RowSource {
  let i = 0;
  return {
    ...(grid.sheet !== undefined ? { sheet: grid.sheet } : {}),
    ...(grid.repaired ? { repaired: true } : {}),
    next: () => grid.rows[i++],
    errors: grid.errors,
  };
}

const filledCount = (cells: readonly string[]) => cells.reduce((n, c) => n + (c.trim() ? 1 : 0), 0);
/** Exactly one filled cell: a loop that stops at the second (this runs on every row). */
function oneFilled(cells: readonly string[]): boolean {
  let filled = 0;
  for (let i = 0; i < cells.length; i++) if (cells[i]!.trim() && ++filled > 1) return false;
  return filled === 1;
}
/** A cell trimmed, "" for a column the table does not have. */
const cellOf = (cells: readonly string[], i: number): string => (i < 0 ? "" : (cells[i] ?? "").trim());
const sameCells = (a: readonly string[], b: readonly string[]) => {
  const n = Math.max(a.length, b.length);
  for (let i = 0; i < n; i++) if ((a[i] ?? "").trim() !== (b[i] ?? "").trim()) return false;
  return true;
};

/**
 * Read a sheet's rows into records, rejects and warnings, appended to the context, as the rows
 * are read: no grid of every row is kept. Returns one summary per table, or undefined for a
 * table without a complaint-text header.
 *
 * A sheet holding several tables one under another is split at each later header row (a row
 * naming the complaint-text column among other known columns, different from the header in
 * force, and not the second row of a two-row header). Single-cell rows just above such a header
 * are its title rows: they are held back until the next row shows whether a header follows.
 * The header is looked for in the first {@link HEADER_SCAN} rows of each table, on the cells as
 * read (the split) and as unmarked (the table), like a sheet split before it is read.
 */
export function readTables(src: RowSource, ctx: NormalizeContext): (SheetResult | undefined)[] {
  const results: (SheetResult | undefined)[] = [];
  const head: GridRow[] = [];
  for (let r = head.length < HEADER_SCAN ? src.next() : undefined; r; r = head.length < HEADER_SCAN ? src.next() : undefined) head.push(r);
  // the header of the first table, on the cells as read (before any table unmarks them)
  const first = findHeaderRow(head.map((r) => r.cells));
  let table = new Table(src, ctx);
  let errorsTaken = 0;
  /** End the table: it takes the parse errors before row `to` (all that are left at the end). */
  const endTable = (to: number) => {
    const errors: GridError[] = [];
    while (errorsTaken < src.errors.length && src.errors[errorsTaken]!.n < to) errors.push(src.errors[errorsTaken++]!);
    results.push(table.end(errors));
  };

  if (first < 0) {
    // no header in the first rows: one table, which finds none (unless unmarking the cells shows one)
    for (const r of head) table.add(r);
    for (let r = src.next(); r; r = src.next()) table.add(r);
    endTable(Infinity);
    return results;
  }

  let header = head[first]!.cells.slice();
  let headerAt = first;
  let start = 0; // row index where the current table starts
  // rows that would be the next table's title rows if a header followed them: a run of rows with
  // a single filled cell, none a header row, below the current table's first rows
  let pending: GridRow[] = [];
  const flush = () => {
    for (const p of pending) table.add(p);
    pending = [];
  };
  let i = 0;
  const take = (r: GridRow) => {
    const cells = r.cells;
    if (i <= first) {
      table.add(r);
    } else {
      let headerRow: boolean | undefined;
      let split = false;
      // the second row of a two-row header belongs to it
      if (i === headerAt + 1 && continuesHeader(header, cells)) headerAt = i;
      else split = (headerRow = isHeaderRow(cells)) && !sameCells(cells, header);
      if (split) {
        const titles = pending;
        pending = [];
        endTable((titles[0] ?? r).n);
        table = new Table(src, ctx);
        for (const t of titles) table.add(t);
        start = i - titles.length;
        header = cells.slice();
        headerAt = i;
        table.add(r);
      } else if (i > start + first && oneFilled(cells) && !(headerRow ?? isHeaderRow(cells))) {
        pending.push(r);
      } else {
        if (pending.length) flush();
        table.add(r);
      }
    }
    i++;
  };
  for (const r of head) take(r);
  for (let r = src.next(); r; r = src.next()) take(r);
  flush();
  endTable(Infinity);
  return results;
}

interface DecodeIssue {
  n: number;
  col: number;
  gbk: boolean;
  replaced: boolean;
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

/** Column indexes as one fixed-shape object (-1: the table has no such column). */
type ColumnIndexes = Record<Field, number>;

/** A date-like cell of the form 6月29日, read once the table's year is known (after its last row). */
interface YearlessCell {
  rec: Complaint;
  field: "date" | "deadline" | "closedDate";
  cell: string;
  n: number;
  /** the index of its warning in the table's warnings, kept free until the year is known */
  at: number;
}

const enum Phase {
  /** the first rows, where the header is looked for */
  Head,
  /** the header found: rows below it may continue it (a two-row header) */
  Header,
  /** data rows */
  Data,
  /** no complaint-text header: the table is skipped */
  None,
}

/**
 * One table read row by row. Everything that needs rows further down — the header among the
 * first rows, a two-row header, the year of 6月29日 dates taken from all the table's full dates —
 * is read ahead or settled at the end, so the records, rejects and warnings (and their order)
 * are those of reading the whole table first.
 */
class Table {
  private phase = Phase.Head;
  private head: GridRow[] = [];
  private decodeIssues: DecodeIssue[] = [];
  private headerIdx = -1;
  private titleRows: GridRow[] = [];
  private headerCells: string[] = [];
  private headerN = 0;
  // set up when the header is final (Phase.Data)
  private headers: string[] = [];
  private mapping = new Map<number, Field>();
  private col: Partial<Record<Field, number>> = {};
  private I!: ColumnIndexes;
  private titleText = "";
  private sheetBatch: number | undefined;
  private asOf: string | undefined;
  private personal: ReadonlySet<number> = new Set();
  private rawTemplate: Record<string, string> = {};
  /** the table's warnings in order; a yearless date's slot stays empty until the year is known */
  private warnings: (Warning | undefined)[] = [];
  private rejects: Reject[] = [];
  private accepted = 0;
  /** non-blank rows below the header */
  private dataRows = 0;
  /** years of the full dates in the date column, in order of first appearance */
  private yearCounts = new Map<number, number>();
  private caseNoYear: number | undefined;
  private yearless: YearlessCell[] = [];
  private readonly yearOf = memo(explicitYear);
  // the year is known only at the end unless the caller gave it: until then a 6月29日 cell reads as "no-year"
  private readonly dateOf = memo((c: string) => parseDate(c, this.ctx.year));
  private readonly deadlineOf = memo((c: string) => parseDate(stripDeadline(c), this.ctx.year));
  private readonly typesOf = memo(parsePollutionTypes);
  private readonly batchOf = memo(parseBatch);
  private readonly verificationOf = memo(parseVerification);
  private readonly statusOf = memo(parseStatus);
  private readonly categoryOf = memo(parseCategory);
  private readonly channelOf = memo(parseChannel);

  constructor(
    private readonly src: RowSource,
    private readonly ctx: NormalizeContext,
  ) {}

  add(r: GridRow): void {
    if (this.src.repaired) this.unmark(r);
    this.dispatch(r);
  }

  private dispatch(r: GridRow): void {
    switch (this.phase) {
      case Phase.Data:
        this.row(r);
        return;
      case Phase.Head:
        this.head.push(r);
        if (this.head.length === HEADER_SCAN) this.locate();
        return;
      case Phase.Header:
        this.headerOrData(r);
        return;
      case Phase.None:
        return;
    }
  }

  /** Cells that did not decode in the file's encoding: unmark them in place and say where they were. */
  private unmark(r: GridRow): void {
    const cells = r.cells;
    for (let col = 0; col < cells.length; col++) {
      const m = takeDecodeMarks(cells[col]!);
      if (!m) continue;
      cells[col] = m.text;
      this.decodeIssues.push({ n: r.n, col, gbk: m.gbk, replaced: m.replaced });
    }
  }

  /** The header among the first rows; the rows below it are then read. */
  private locate(): void {
    const head = this.head;
    this.head = [];
    this.headerIdx = findHeaderRow(head.map((r) => r.cells));
    if (this.headerIdx < 0) {
      this.phase = Phase.None;
      return;
    }
    this.titleRows = head.slice(0, this.headerIdx);
    this.headerCells = head[this.headerIdx]!.cells;
    this.headerN = head[this.headerIdx]!.n;
    this.phase = Phase.Header;
    for (let i = this.headerIdx + 1; i < head.length; i++) this.dispatch(head[i]!);
  }

  /** A row below the header: the header's second row, or the first data row. */
  private headerOrData(r: GridRow): void {
    const upper = this.headerCells;
    const lower = r.cells;
    if (continuesHeader(upper, lower)) {
      // a header over two rows: the sub-columns' names replace the merged parent's
      this.headerCells = Array.from({ length: Math.max(upper.length, lower.length) }, (_, i) => lower[i]?.trim() || upper[i] || "");
      this.headerN = r.n;
      return;
    }
    this.startData();
    this.row(r);
  }

  /** The header is final: map its columns and read the title rows above it. */
  private startData(): void {
    this.phase = Phase.Data;
    const { ctx } = this;
    const headers = (this.headers = uniqueHeaders(this.headerCells));
    const mapping = (this.mapping = mapHeaders(this.headerCells));
    for (const [i, f] of mapping) this.col[f] = i;
    const col = this.col;
    this.I = {
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
    const sheetLabel = this.src.sheet ?? "";
    const titleText = (this.titleText = this.titleRows.map((r) => r.cells.join(" ")).join(" "));
    this.sheetBatch = ctx.batch ?? findBatch(sheetLabel) ?? findBatch(titleText) ?? findBatch(ctx.fileLabel);
    this.asOf = findAsOfDate(titleText) ?? findAsOfDate(sheetLabel) ?? findAsOfDate(ctx.fileLabel);
    this.personal = new Set(headers.map((h, i) => (isPiiColumn(h) && !mapping.has(i) ? i : -1)).filter((i) => i >= 0));
    // the raw cells of a record keyed by the headers, in column order (the same keys, and key
    // order, as assigning them one by one to an empty object). Parsed from JSON, the template and
    // every copy of it hold all their keys in the object itself; assigned one by one, all but the
    // first few go to a separate array, one more object per record for the collector to copy.
    // Assigning "__proto__" adds no key: that table keeps the assigned template.
    if (headers.includes("__proto__")) for (const h of headers) this.rawTemplate[h] = "";
    else this.rawTemplate = JSON.parse(`{${headers.map((h) => `${JSON.stringify(h)}:""`).join(",")}}`) as Record<string, string>;
  }

  private where(n: number): SourceRef {
    const { file } = this.ctx;
    const sheet = this.src.sheet;
    return sheet !== undefined ? { file, sheet, row: n } : { file, row: n };
  }

  // warnings quote cells: redacted whatever the caller asks for later
  private warning(n: number, column: string, message: string): Warning {
    return { ...this.where(n), column: redact(column), message: redact(message) };
  }

  private warn(n: number, column: string, message: string): void {
    this.warnings.push(this.warning(n, column, message));
  }

  private reject(n: number, column: string, reason: string, cells?: readonly string[]): Reject {
    return { ...this.where(n), column: redact(column), reason: redact(reason), ...(cells ? { excerpt: excerpt(cells, this.personal) } : {}) };
  }

  private vocab<T>(r: GridRow, i: number, parse: (s: string) => T | undefined, label: string): T | undefined {
    const v = cellOf(r.cells, i);
    if (!v) return undefined;
    const p = parse(v);
    if (p === undefined) this.warn(r.n, this.headers[i]!, `${label}「${quote(v)}」无法识别，原文已保留`);
    return p;
  }

  /** One row below the header. */
  private row(r: GridRow): void {
    const cells = r.cells;
    if (isBlank(cells)) return;
    const { ctx, I, headers, col } = this;
    this.dataRows++;
    // The year of "6月29日" cells: the table's own full dates, else the option, the 受理编号, the title.
    if (ctx.year === undefined) {
      if (I.date >= 0) {
        const y = this.yearOf(cells[I.date] ?? "");
        if (y) this.yearCounts.set(y, (this.yearCounts.get(y) ?? 0) + 1);
      }
      if (I.caseNo >= 0 && this.caseNoYear === undefined && this.dataRows <= 20) {
        const m = /^[A-Z]\d?[A-Z]{2}(20\d\d)\d{4}/i.exec((cells[I.caseNo] ?? "").trim());
        if (m) this.caseNoYear = Number(m[1]);
      }
    }
    const textHeader = headers[I.text]!;

    const text = cellOf(cells, I.text);
    if (!text) {
      const filled = cells.filter((c) => c.trim());
      const note = filled.length === 1 && NOTE_ROW.test(filled[0]!.trim());
      this.rejects.push(this.reject(r.n, textHeader, note ? "表格注释或合计行，不是信访件" : `${textHeader}为空`, cells));
      return;
    }
    if (normalizeRowEqualsHeader(cells, this.headerCells)) {
      this.rejects.push(this.reject(r.n, "", "重复的表头行", cells));
      return;
    }
    if (cells.length > headers.length && cells.slice(headers.length).some((c) => c.trim())) {
      this.warn(r.n, "", `该行有${cells.length}列，比表头多${cells.length - headers.length}列，多出的内容已保留`);
    }

    // a copy of the sheet's template: one allocation with every header already in place, not
    // a property added (and the property store grown) per column
    const raw: Record<string, string> = { ...this.rawTemplate };
    for (let i = 0; i < headers.length; i++) raw[headers[i]!] = cells[i] ?? "";
    for (let i = headers.length; i < cells.length; i++) if (cells[i]) raw[`第${i + 1}列`] = cells[i]!;

    const sheetLabel = this.src.sheet ?? "";
    const caseNo = cellOf(cells, I.caseNo) || undefined;
    let key = caseNo ?? redact(`${ctx.keyLabel}#${sheetLabel}#${r.n}`);
    if (caseNo) {
      const first = ctx.seenCaseNos.get(caseNo);
      if (first) {
        const at = first.source.sheet !== undefined ? `「${first.source.sheet}」第${first.source.row}行` : `第${first.source.row}行`;
        this.warn(r.n, headers[col.caseNo!]!, `受理编号 ${caseNo} 重复（首次出现在${at}）`);
        key = `${caseNo}#${sheetLabel}#${r.n}`;
      }
    }

    const batchCell = cellOf(cells, I.batch);
    const batch = ctx.batch ?? (batchCell ? this.batchOf(batchCell) : undefined) ?? this.sheetBatch;
    if (batchCell && ctx.batch === undefined && this.batchOf(batchCell) === undefined) {
      this.warn(r.n, headers[col.batch!]!, `批次「${quote(batchCell)}」无法识别`);
    }

    let date: string | undefined;
    let dateLater = false;
    const dateCell = cellOf(cells, I.date);
    if (dateCell) {
      const d = this.dateOf(dateCell);
      if (d.ok) date = d.date;
      else if (d.reason === "no-year") dateLater = true;
      else this.warn(r.n, headers[col.date!]!, `日期「${quote(dateCell)}」无法识别`);
    }
    // the record is made below: its warning's place is kept here, in the row's order of warnings
    const dateAt = this.warnings.length;
    if (dateLater) this.warnings.push(undefined);

    const area = ctx.resolver.resolve(cellOf(cells, I.area), text);
    if (area.warning) this.warn(r.n, col.area !== undefined ? headers[col.area]! : CANONICAL.area, area.warning);

    let officialTypes: readonly PollutionType[] = NO_TYPES;
    const typesCell = cellOf(cells, I.types);
    if (typesCell) {
      const t = this.typesOf(typesCell);
      officialTypes = t.values;
      if (t.unknown.length) this.warn(r.n, headers[col.types!]!, `污染类型「${quote(t.unknown.join("、"))}」不在官方分类中，原文已保留`);
    }

    let deadline: string | undefined = cellOf(cells, I.deadline) || undefined;
    let deadlineLater = false;
    if (deadline) {
      const d = this.deadlineOf(deadline);
      if (d.ok) deadline = d.date;
      else deadlineLater = d.reason === "no-year";
    }
    let closedDate: string | undefined;
    let closedLater = false;
    const closed = cellOf(cells, I.closedDate);
    if (closed) {
      const d = this.dateOf(closed);
      if (d.ok) closedDate = d.date;
      else if (d.reason === "no-year") closedLater = true;
      else this.warn(r.n, headers[col.closedDate!]!, `办结时间「${quote(closed)}」无法识别`);
    }
    const closedAt = this.warnings.length;
    if (closedLater) this.warnings.push(undefined);

    // every field present (undefined when absent): one object shape for all records
    const rec: Complaint = {
      key,
      source: this.where(r.n),
      seq: cellOf(cells, I.seq) || undefined,
      caseNo,
      batch,
      date,
      text,
      area: area.area,
      officialTypes,
      verification: this.vocab(r, I.verification, this.verificationOf, "是否属实"),
      status: this.vocab(r, I.status, this.statusOf, "办理状态"),
      category: this.vocab(r, I.category, this.categoryOf, "案卷类别"),
      channel: this.vocab(r, I.channel, this.channelOf, "受理渠道") ?? (caseNo ? channelFromCaseNo(caseNo) : undefined),
      findings: cellOf(cells, I.findings) || undefined,
      rectification: cellOf(cells, I.rectification) || undefined,
      accountability: cellOf(cells, I.accountability) || undefined,
      deadline,
      closedDate,
      asOf: this.asOf,
      raw,
    };
    if (dateLater) this.yearless.push({ rec, field: "date", cell: dateCell, n: r.n, at: dateAt });
    if (deadlineLater) this.yearless.push({ rec, field: "deadline", cell: deadline!, n: r.n, at: -1 });
    if (closedLater) this.yearless.push({ rec, field: "closedDate", cell: closed, n: r.n, at: closedAt });

    ctx.records.push(rec);
    if (caseNo && key === caseNo) ctx.seenCaseNos.set(caseNo, rec);
    this.accepted++;
  }

  /** The table's end: settle what waited for its last row; hand over its warnings and rejects. */
  end(errors: readonly GridError[]): SheetResult | undefined {
    if (this.src.repaired) for (const e of errors) e.excerpt = takeDecodeMarks(e.excerpt)?.text ?? e.excerpt;
    if (this.phase === Phase.Head) this.locate();
    if (this.phase === Phase.None) return undefined;
    if (this.phase === Phase.Header) this.startData();
    const { ctx, col, headers } = this;
    const sheetLabel = this.src.sheet ?? "";
    const titleText = this.titleText;

    let year = ctx.year;
    if (year === undefined && col.date !== undefined) {
      let best = 0;
      for (const [y, c] of this.yearCounts) if (c > best) [year, best] = [y, c];
    }
    if (year === undefined && col.caseNo !== undefined) year = this.caseNoYear;
    year ??= findYear(`${sheetLabel} ${titleText} ${ctx.fileLabel}`);
    for (const y of this.yearless) {
      if (y.field === "deadline") {
        const d = parseDate(stripDeadline(y.cell), year);
        if (d.ok) y.rec.deadline = d.date;
        continue;
      }
      const d = parseDate(y.cell, year);
      if (d.ok) y.rec[y.field] = d.date;
      else if (y.field === "date")
        this.warnings[y.at] = this.warning(
          y.n,
          headers[col.date!]!,
          d.reason === "no-year" ? `日期「${quote(y.cell)}」没有年份，表中也找不到年份` : `日期「${quote(y.cell)}」无法识别`,
        );
      else this.warnings[y.at] = this.warning(y.n, headers[col.closedDate!]!, `办结时间「${quote(y.cell)}」无法识别`);
    }

    const summary: SheetResult = {
      ...(this.src.sheet !== undefined ? { sheet: this.src.sheet } : {}),
      headerRow: this.headerN,
      ...(titleText.trim() ? { title: titleText.replace(/\s+/g, " ").trim() } : {}),
      headers,
      recognised: Object.fromEntries([...this.mapping].map(([i, f]) => [CANONICAL[f], headers[i]!])),
      rows: this.dataRows + errors.length,
      accepted: this.accepted,
      rejected: this.rejects.length + errors.length,
      ...(this.sheetBatch !== undefined ? { batch: this.sheetBatch } : {}),
      ...(this.asOf ? { asOf: this.asOf } : {}),
    };

    const columnName = (i: number) => headers[i] ?? `第${i + 1}列`;
    for (const d of this.decodeIssues) {
      const what = d.gbk
        ? "这一格不是 UTF-8 编码，已按 GBK 读取，请核对" // GBK pieces are marked only in UTF-8 files (decode.ts)
        : "这一格有无法解码的字节，已用 � 代替，请核对原表";
      ctx.warnings.push(this.warning(d.n, columnName(d.col), what));
    }
    // rows above the header holding several cells: not a title; say that they were not read
    for (const t of this.titleRows) {
      if (filledCount(t.cells) >= 2)
        ctx.warnings.push(this.warning(t.n, "", `在表头（第${this.headerN}行）之上，按标题处理，未作为信访件读取：〔${excerpt(t.cells, this.personal)}〕`));
    }
    for (const w of this.warnings) if (w) ctx.warnings.push(w);
    // parse errors first, then the rows', put in row order together
    const rejects = errors.map((e) => this.reject(e.n, "", e.message, [e.excerpt])).concat(this.rejects);
    rejects.sort((a, b) => a.row - b.row);
    for (const r of rejects) ctx.rejects.push(r);
    return summary;
  }
}

const stripDeadline = (c: string) => c.replace(/^(?:于|在)/, "");

function normalizeRowEqualsHeader(cells: readonly string[], header: readonly string[]): boolean {
  let same = 0;
  for (let i = 0; i < header.length; i++) {
    if (!header[i]) continue;
    if ((cells[i] ?? "").trim() !== header[i]!.trim()) return false;
    same++;
  }
  return same >= 2;
}
