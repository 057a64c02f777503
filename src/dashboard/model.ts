/**
 * What the dashboard ships to the browser: aggregated, redacted data only. The data loaders
 * (Node) write these shapes as JSON; the pages (browser) decode them and recompute every chart
 * and table from the filter state with the library's own aggregations (countBy, rates,
 * countyRanking, spikes over dictionary-encoded columns). Browser-safe: no Node imports.
 */
import type { ComplaintColumns } from "../analyze/columns.js";
import type { CountTable } from "../analyze/count.js";
import type { Dimension } from "../analyze/keys.js";
import type { RepeatGroup } from "../analyze/repeats.js";
import type { ProgressResult } from "../analyze/progress.js";
import type { CloseTimes } from "./closure.js";
import type { LeagueRow } from "./league.js";

/** Bumped whenever a shipped shape changes: part of the loaders' cache key. */
export const MODEL_VERSION = 21;

/** The text chunks of the 信访件检索 page: a fixed number, fetched on demand. */
export const TEXT_CHUNKS = 32;

/** The input tables, as the dashboard describes them (file names only, never paths). */
export interface SourceInfo {
  file: string;
  records: number;
  /** the 截至 date of a status snapshot */
  asOf?: string;
}

export interface DashboardMeta {
  /** the page title: the inspection as the tables name it, else 督察信访件分析 */
  title: string;
  /** the data is 模拟数据 (a file name or a table title says so): banners and chart notes */
  synthetic: boolean;
  /** the prefecture of (nearly) all cases, e.g. {code: "431000", name: "郴州市"} */
  prefecture: { code: string; name: string } | null;
  sources: SourceInfo[];
  /** cases (one per 受理编号) and records read (snapshots included) */
  cases: number;
  records: number;
  rejected: number;
  /** the 截至 dates of the snapshots */
  snapshots: string[];
  /** the date the statuses are shown at: the latest snapshot, else the latest 交办 date */
  asOf: string | null;
  /** the data step's version of the model (MODEL_VERSION) */
  version: number;
}

/** `ComplaintColumns` as JSON: typed arrays as plain arrays, the county name map as pairs. */
export interface EncodedColumns extends Omit<
  ComplaintColumns,
  "county" | "date" | "batch" | "status" | "verification" | "types" | "typeSource" | "themes" | "countyNames"
> {
  county: number[];
  date: number[];
  batch: number[];
  status: number[];
  verification: number[];
  types: number[];
  typeSource: number[];
  themes: number[];
  countyNames: [string, string][];
}

/**
 * A per-case column: an array in the data step, in the page a view of data/cases.bin at the width
 * it was stored at (never widened: see decodeCases).
 */
export type CaseColumn = number[] | Int32Array | Int16Array | Int8Array | Uint16Array | Uint8Array;

/** Per-case values beyond the library's columns, one array entry per case (same order). */
export interface CaseExtras {
  /** 案卷类别: 0 一般件, 1 重点件, 2 not given */
  category: CaseColumn;
  /** the classifier suggests a 重点件: 1, else 0 */
  keySuggested: CaseColumn;
  /** predicted 污染类型 as a bit mask (bit i = POLLUTION_TYPES[i]) */
  predictedTypes: CaseColumn;
  /** closure progress: the grid slot of the 交办 date (0 without a date) */
  progressSlot: CaseColumn;
  /** the grid slot the case became 已办结, -1 when open */
  closedSlot: CaseColumn;
  /** the grid slot the case became 阶段性办结 or 已办结, -1 when neither */
  phaseSlot: CaseColumn;
  /** days from 交办 to 已办结, -1 when open or undated */
  closeDays: CaseColumn;
  /** 1 when closeDays comes from a 办结时间, 0 when from the first snapshot showing it closed */
  closeExact: CaseColumn;
}

/** A case past its 办结目标 and not 已办结 at `overdueAt` (from `overdue()`). */
export interface OverdueEntry {
  row: number;
  /** 受理编号, else the record key */
  id: string;
  deadline: string;
  days: number;
  status?: string;
  /** 投诉对象 (redacted) */
  target?: string;
  /** the complaint's opening, redacted then cut */
  summary?: string;
}

export interface PopulationRow {
  code: string;
  name: string;
  population: number | null;
  /** the figure is rounded in its source */
  rounded?: boolean;
}

/**
 * Every per-case value the pages read, as a count cube: one entry per distinct combination of
 * the columns' and extras' values (county × date × batch × status × verification × types ×
 * themes × 重点件 flags × progress slots × close time …), with how many cases have it. A large
 * data set (a national year) ships its cases in the cube's order (cases of one combination, and
 * of one filter cell, consecutive): per-case columns that compress nearly as well as the cube
 * (650,000 cases: 634 kB gzip against the cube's 548 kB) and that the page views where they lie,
 * where expanding the cube's ~300,000 combinations into 650,000 rows took 0.25–0.45 s of a cold
 * page's main thread whatever the loop (Chromium, 2 cores under load).
 */
export interface CaseCube {
  /** cases with each combination */
  count: ArrayLike<number>;
  /** each dimension's value per combination (same length as count) */
  values: Record<CubeDimension, ArrayLike<number>>;
}

/** The cube's dimensions: the per-case columns of `EncodedColumns` and every `CaseExtras` column. */
// the dimensions filters read first, so that the cases of one filter cell are consecutive rows;
// the date first of all, so that 检索's newest-first pages are the last rows (one or two text chunks)
export const CUBE_COLUMNS = ["date", "county", "batch", "types", "themes", "status", "verification", "typeSource"] as const;
export const CUBE_EXTRAS = [
  "category",
  "keySuggested",
  "predictedTypes",
  "progressSlot",
  "closedSlot",
  "phaseSlot",
  "closeDays",
  "closeExact",
] as const satisfies readonly (keyof CaseExtras)[];
export type CubeDimension = (typeof CUBE_COLUMNS)[number] | (typeof CUBE_EXTRAS)[number];
export const CUBE_DIMENSIONS: readonly CubeDimension[] = [...CUBE_COLUMNS, ...CUBE_EXTRAS];

/**
 * The cube of per-case values, and the order of the cases in it (`order[k]` is the case shipped
 * as row k; cases of one combination keep their order).
 */
export function cubeOf(
  columns: Record<(typeof CUBE_COLUMNS)[number], ArrayLike<number>>,
  extras: CaseExtras,
  n: number,
): { cube: CaseCube; order: Int32Array } {
  const dims = CUBE_DIMENSIONS.map((d): ArrayLike<number> => (d in extras ? extras[d as keyof CaseExtras] : columns[d as (typeof CUBE_COLUMNS)[number]]));
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  const compare = (a: number, b: number): number => {
    for (const d of dims) {
      const x = d[a]! - d[b]!;
      if (x) return x;
    }
    return a - b;
  };
  order.sort(compare);
  const count: number[] = [];
  const values = Object.fromEntries(CUBE_DIMENSIONS.map((d) => [d, [] as number[]])) as Record<CubeDimension, number[]>;
  for (let k = 0; k < n; k++) {
    const i = order[k]!;
    const prev = k ? order[k - 1]! : -1;
    if (prev >= 0 && dims.every((d) => d[i] === d[prev])) {
      count[count.length - 1]!++;
      continue;
    }
    count.push(1);
    CUBE_DIMENSIONS.forEach((d, j) => values[d].push(dims[j]![i]!));
  }
  return { cube: { count, values }, order };
}

/** data/cases.json: everything the filters and most charts need, with data/cases.bin. */
export interface CasesFile {
  meta: DashboardMeta;
  /** the columns' dictionaries; their per-case arrays are empty (data/cases.bin carries them) */
  columns: EncodedColumns;
  /** empty arrays: data/cases.bin carries the per-case extras */
  extras: CaseExtras;
  /**
   * where data/cases.bin holds each per-case column (`CUBE_DIMENSIONS`: the per-case arrays of
   * `columns` and `extras`); for a large data set the rows are the cases in the cube's order (see
   * CaseCube)
   */
  packed: PackedLayout;
  /** the grid of `closureProgress()`: every snapshot date and 办结时间 */
  progressDates: string[];
  upperBoundCases: number;
  overdueAt: string | null;
  overdue: OverdueEntry[];
  undatedDeadlines: number;
  /** the prefecture's counties (for maps and rankings, zero counts included) and any other county with a case */
  counties: PopulationRow[];
  /** the 重点件 (案卷类别) as [row, 受理编号 or record key], for the 总览's list */
  keyCases: [number, string][];
  /**
   * the 总览's league table of the unfiltered data (`leagueRows()` run by the data step), so the
   * first screen only draws it; a filtered view computes its own
   */
  league?: LeagueRow[];
  /**
   * `countBy()` of the unfiltered data by each of FIRST_COUNTS (run by the data step on the
   * page's own columns), so that a first screen draws its charts without counting every case
   * (two passes over 650,000 cases before 总览's trend); a filtered view counts its own
   */
  counts?: CountTable[];
  /**
   * `progressOf()` and `closeTimesOf()` of the unfiltered data (run by the data step with the
   * page's own functions), so that 整改进度's first screen draws without a pass over every case;
   * left out when the progress grid is large (see FIRST_PROGRESS_ROWS); a filtered view computes its own
   */
  progress?: ProgressResult;
  closeTimes?: CloseTimes;
}

/** The most progress rows (counties × dates) that cases.json ships for 整改进度's unfiltered first screen. */
export const FIRST_PROGRESS_ROWS = 20_000;

/**
 * The count tables cases.json ships for the unfiltered first screens: 总览's trend (by date or
 * 批次, and type) and type chart, 分类's type, theme and theme × type charts. None by county: a
 * national year's counties would make them large.
 */
export const FIRST_COUNTS: readonly (readonly Dimension[])[] = [
  ["date", "type"],
  ["date"],
  ["batch", "type"],
  ["batch"],
  ["type"],
  ["theme"],
  ["theme", "type"],
];

/** data/meta.json: what a page needs that shows no per-case data (the 分析笔记's banner). */
export interface MetaFile {
  meta: DashboardMeta;
}

/** A repeat group with its members as case indexes (rows of the columns). */
export interface ShippedRepeatGroup extends RepeatGroup {
  rows: number[];
}

/**
 * data/repeats.json: the groups of `repeats()` (redacted), as the report lists them. For a large
 * data set a summary: the largest groups only (each with every row, so filters stay exact, but
 * its first members only), `total` saying how many there are; data/repeats-all.json then holds
 * every group, fetched when the user asks for all.
 */
export interface RepeatsFile {
  groups: ShippedRepeatGroup[];
  /** present when `groups` is a summary: every group's count and the complaints in them */
  total?: { groups: number; complaints: number };
  /** each group's rows are ascending, written as the differences from the previous row (see repeatGroups) */
  deltaRows?: true;
}

/** The groups of a repeats file with their rows as row numbers. */
export function repeatGroups(file: RepeatsFile): ShippedRepeatGroup[] {
  if (!file.deltaRows) return file.groups;
  return file.groups.map((g) => {
    let at = 0;
    return { ...g, rows: g.rows.map((d) => (at += d)) };
  });
}

/** Enforcement parsed from 处理和整改情况, per case (columns), for the report. */
export interface EnforcementFile {
  cases: number[];
  fines: number[];
  fineYuan: number[];
  orders: number[];
  suspensions: number[];
  seizures: number[];
  transfers: number[];
  interviewed: number[];
  accountable: number[];
  withAction: number[];
  /**
   * with a cube: the figures are sums per group of rows, `groupRows[g]` rows each, in row order
   * (a group: the rows of one county × date × batch × types × themes, which the cube keeps
   * together); see enforcementRows
   */
  groupRows?: number[];
  /**
   * why there are no figures, when no case has a 处理和整改情况 or 责任人被处理情况 text
   * (表中没有“处理和整改情况”列): 热点 then says 无数据, not a table of zeros
   */
  unavailable?: string;
}

type EnforcementFigure = Exclude<keyof EnforcementFile, "groupRows" | "unavailable">;

/**
 * Enforcement figures by the page's rows: as shipped per case, or, from sums per group of rows,
 * each group's sums at its first row and zeros at the others. A filter selects whole groups
 * (they share every value a filter reads), so a sum over the selected rows is the sum over
 * their cases either way.
 */
export function enforcementRows(e: EnforcementFile): EnforcementFile {
  const groups = e.groupRows;
  if (!groups) return e;
  const n = groups.reduce((s, c) => s + c, 0);
  const out = {} as Record<EnforcementFigure, number[]>;
  for (const [name, sums] of Object.entries(e) as [EnforcementFigure, number[]][]) {
    if (name === ("groupRows" as string) || name === ("unavailable" as string)) continue;
    const rows = new Array<number>(n).fill(0);
    let at = 0;
    groups.forEach((c, k) => {
      rows[at] = sums[k]!;
      at += c;
    });
    out[name] = rows;
  }
  return out;
}

/** A predicted label as shipped: [label, confidence, evidence words]. */
export type ShippedLabel = [string, number, string[]];

/** One complaint of the 信访件检索 page: redacted text and the classifier's evidence. */
export interface TextRecord {
  /** the case's row in the columns */
  row: number;
  /** 受理编号, else the record key */
  id: string;
  text: string;
  types: ShippedLabel[];
  themes: ShippedLabel[];
  /** 重点件 suggestion reasons: [rule name, evidence words] */
  key: [string, string[]][];
  /** where each evidence word starts as a word of the text (highlight.ts wordStarts): only there is it marked */
  at: [string, number[]][];
  target?: string;
}

/** data/texts/NN.json: the complaints of rows [start, end). */
export interface TextChunk {
  start: number;
  end: number;
  records: TextRecord[];
}

/**
 * data/texts-index.json: for each text chunk, the character pairs (bigrams) of its texts,
 * 受理编号 and 投诉对象 as a bit set (a pair's hash sets one of 2^bits bits; base64). A search
 * fetches it and then only the chunks that may hold every word of the query, not all texts.
 */
export interface TextIndex {
  bits: number;
  chunks: string[];
  /** the pieced form (TextPieces): pieces per group; absent, the chunks are data/texts/NN.json */
  perGroup?: number;
}

/** Bits of each chunk's set: 2^18 (32 kB a chunk) keeps a chunk of 20,000 texts ~1/7 full. */
export const TEXT_INDEX_BITS = 18;

/** The bit of a character pair. */
export function pairBit(a: number, b: number, bits: number): number {
  let h = Math.imul(a ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(b + 0x7f4a7c15, 0xc2b2ae35);
  h ^= h >>> 15;
  h = Math.imul(h, 0x27d4eb2f);
  h ^= h >>> 13;
  return (h >>> 0) & ((1 << bits) - 1);
}

/** Set the bits of every character pair of `s` (UTF-16 code units). */
export function addPairs(set: Uint8Array, s: string, bits: number): void {
  for (let i = 0; i + 1 < s.length; i++) {
    const bit = pairBit(s.charCodeAt(i), s.charCodeAt(i + 1), bits);
    set[bit >>> 3]! |= 1 << (bit & 7);
  }
}

/**
 * Which chunks may hold a record containing every word: a chunk is ruled out when a pair of a
 * word is not in its set. Words of one character rule nothing out.
 */
export function chunksFor(index: TextIndex, words: readonly string[]): boolean[] {
  const sets = index.chunks.map((b64) => Uint8Array.from(atob(b64), (ch) => ch.charCodeAt(0)));
  return sets.map((set) =>
    words.every((w) => {
      for (let i = 0; i + 1 < w.length; i++) {
        const bit = pairBit(w.charCodeAt(i), w.charCodeAt(i + 1), index.bits);
        if (!(set[bit >>> 3]! & (1 << (bit & 7)))) return false;
      }
      return true;
    }),
  );
}

/** Rows of chunk k for n cases: contiguous ranges of equal size. */
export function chunkRange(k: number, n: number): [number, number] {
  const size = Math.ceil(n / TEXT_CHUNKS);
  return [Math.min(n, k * size), Math.min(n, (k + 1) * size)];
}

/** The chunk holding row i of n. */
export const chunkOf = (i: number, n: number): number => Math.floor(i / Math.ceil(n / TEXT_CHUNKS));

/**
 * A national year's texts (above TEXT_PIECES_FROM cases, or DUCHA_AGGREGATE=1): what a page of
 * results fetches must scale with the page, not with a 20,000-case chunk (3 MB gzip). Each of the
 * TEXT_CHUNKS chunks of rows (the index groups of texts-index.json, unchanged) ships as `perGroup`
 * pieces of at most TEXT_PIECE_SIZE cases (data/texts/p/GG/KK.json, from one archive a group),
 * its rows in county order (county code, then row), so that a county's cases in a group are one
 * or two pieces. The unfiltered first pages (the newest cases, from every county) ship as
 * data/texts-head.json.
 */
export const TEXT_PIECES_FROM = 60_000;
/** Most cases in a piece: ~1,500 texts are ~0.2 MB gzip. */
export const TEXT_PIECE_SIZE = 1_500;
/** Rows of the unfiltered newest-first order in texts-head.json: the first five pages of 20. */
export const TEXT_HEAD = 100;

/** Pieces per group for n cases of at most `size` cases a piece. */
export const piecesPerGroup = (n: number, size: number): number => Math.max(1, Math.ceil(Math.ceil(n / TEXT_CHUNKS) / Math.max(1, size)));

/** Where each row's text is in the pieced form. */
export class TextPieces {
  /** rows a group (chunkOf's), cases a piece (the last ones may hold fewer, or none) */
  readonly groupSize: number;
  readonly size: number;
  /** each row's position in (group, county code, row) order */
  private readonly pos: Int32Array;

  constructor(
    county: ArrayLike<number>,
    readonly perGroup: number,
  ) {
    const n = county.length;
    this.groupSize = Math.max(1, Math.ceil(n / TEXT_CHUNKS));
    this.size = Math.max(1, Math.ceil(this.groupSize / perGroup));
    let max = 0;
    for (let r = 0; r < n; r++) max = Math.max(max, county[r]!);
    // a counting sort on (group, county); rows ascending within each key
    const keys = max + 1;
    const next = new Int32Array(TEXT_CHUNKS * keys + 1);
    const key = (r: number) => Math.floor(r / this.groupSize) * keys + county[r]!;
    for (let r = 0; r < n; r++) next[key(r) + 1]!++;
    for (let k = 1; k < next.length; k++) next[k]! += next[k - 1]!;
    this.pos = new Int32Array(n);
    for (let r = 0; r < n; r++) this.pos[r] = next[key(r)]!++;
  }

  /** The index group (texts-index.json's entry, the row chunk) of row r. */
  groupOf(r: number): number {
    return Math.floor(r / this.groupSize);
  }

  /** Row r's piece: [its group, the piece within the group]. */
  pieceOf(r: number): [number, number] {
    const g = this.groupOf(r);
    return [g, Math.floor((this.pos[r]! - g * this.groupSize) / this.size)];
  }

  /** Rows by position: rows[p] is the row at position p. */
  rowsInOrder(): Int32Array {
    const rows = new Int32Array(this.pos.length);
    for (let r = 0; r < rows.length; r++) rows[this.pos[r]!] = r;
    return rows;
  }
}

/** The file of a piece, under data/texts/: p/GG/KK.json (archive p/GG.zip). */
export const pieceFile = (g: number, k: number): string => `p/${String(g).padStart(2, "0")}/${String(k).padStart(2, "0")}.json`;

/** How a column of data/cases.bin is stored: the narrowest integer type holding its values. */
export type PackedKind = "u8" | "i8" | "u16" | "i16" | "i32";
const PACKED_ARRAYS = { u8: Uint8Array, i8: Int8Array, u16: Uint16Array, i16: Int16Array, i32: Int32Array } as const;
type PackedArray = Uint8Array | Int8Array | Uint16Array | Int16Array | Int32Array;

/**
 * data/cases.bin, described in cases.json: integer columns of `length` values each, one after
 * another, each starting at a multiple of 4 bytes, little-endian (as typed arrays are on every
 * machine the pages run on). The page reads it with `arrayBuffer()` and views it in place: no JSON
 * decoding of 50,000-entry arrays (docs/dashboard.md).
 */
export interface PackedLayout {
  length: number;
  /** the file's size in bytes */
  bytes: number;
  columns: { name: string; kind: PackedKind; offset: number }[];
}

function kindOf(name: string, values: ArrayLike<number>): PackedKind {
  let min = 0;
  let max = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (!Number.isInteger(v) || v < -0x80000000 || v > 0x7fffffff) throw new Error(`cases.bin: column ${name}, row ${i}: ${v} is not a 32-bit integer`);
    if (v < min) min = v;
    else if (v > max) max = v;
  }
  if (min >= 0) return max < 0x100 ? "u8" : max < 0x10000 ? "u16" : "i32";
  return min >= -0x80 && max < 0x80 ? "i8" : min >= -0x8000 && max < 0x8000 ? "i16" : "i32";
}

/** Integer columns of equal length as data/cases.bin and its layout. */
export function packColumns(columns: Record<string, ArrayLike<number>>, length: number): { layout: PackedLayout; bytes: Uint8Array } {
  const parts: { name: string; kind: PackedKind; offset: number; array: PackedArray }[] = [];
  let offset = 0;
  for (const [name, values] of Object.entries(columns)) {
    if (values.length !== length) throw new Error(`cases.bin: column ${name} has ${values.length} values, not ${length}`);
    const kind = kindOf(name, values);
    const array = PACKED_ARRAYS[kind].from(values);
    parts.push({ name, kind, offset, array });
    offset += Math.ceil(array.byteLength / 4) * 4;
  }
  const bytes = new Uint8Array(offset);
  for (const p of parts) bytes.set(new Uint8Array(p.array.buffer, p.array.byteOffset, p.array.byteLength), p.offset);
  return { layout: { length, bytes: offset, columns: parts.map(({ name, kind, offset }) => ({ name, kind, offset })) }, bytes };
}

/** The columns of data/cases.bin as typed arrays over its bytes (no copy when they are 4-byte aligned). */
export function unpackColumns(layout: PackedLayout, data: ArrayBuffer | Uint8Array): Map<string, PackedArray> {
  if (data.byteLength !== layout.bytes)
    throw new Error(`data/cases.bin 有 ${data.byteLength} 字节，cases.json 说应为 ${layout.bytes} 字节：两者不是同一次生成的`);
  let buffer: ArrayBuffer;
  let base = 0;
  if (data instanceof Uint8Array) {
    // a Node Buffer may sit at any offset of a shared pool: copied when a view would be unaligned
    if (data.byteOffset % 4) buffer = data.slice().buffer;
    else ({ buffer, byteOffset: base } = data as { buffer: ArrayBuffer; byteOffset: number });
  } else buffer = data;
  return new Map(layout.columns.map((c) => [c.name, new PACKED_ARRAYS[c.kind](buffer, base + c.offset, layout.length)]));
}

/** The per-case columns and extras of cases.json and cases.bin: a real `ComplaintColumns` the library's aggregations accept. */
export function decodeCases(file: CasesFile, data: ArrayBuffer | Uint8Array): { cols: ComplaintColumns; extras: CaseExtras } {
  const packed = unpackColumns(file.packed, data);
  const column = (name: string): PackedArray => {
    const a = packed.get(name);
    if (!a) throw new Error(`data/cases.bin 缺少列 ${name}`);
    return a;
  };
  const c = file.columns;
  const values = Object.fromEntries(CUBE_DIMENSIONS.map((d) => [d, column(d)])) as Record<CubeDimension, PackedArray>;
  const length = file.packed.length;
  // the library's column types: a view of the right type is used as it is, another is copied.
  // Copying is the cost: Chromium took 10–20 ns a value to widen a column (new memory written),
  // 0.2 s for the 16 columns of 650,000 cases on a cold page; the extras, which only the
  // dashboard reads, stay views at the width they were stored at
  const as = <T extends PackedArray>(type: new (n: number) => T, a: PackedArray): T => {
    if (a instanceof type) return a;
    const out = new type(a.length);
    out.set(a); // a typed-array copy: several times faster than from() on a cold page
    return out;
  };
  const cols: ComplaintColumns = {
    ...c,
    length,
    county: as(Int32Array, values.county),
    date: as(Int32Array, values.date),
    batch: as(Int32Array, values.batch),
    status: as(Uint8Array, values.status),
    verification: as(Uint8Array, values.verification),
    types: as(Uint16Array, values.types),
    typeSource: as(Uint8Array, values.typeSource),
    themes: as(Uint16Array, values.themes),
    countyNames: new Map(c.countyNames),
  };
  const extras = Object.fromEntries(CUBE_EXTRAS.map((d) => [d, values[d]])) as unknown as CaseExtras;
  return { cols, extras };
}

/** The JSON form of columns' dictionaries (the per-case arrays go to cases.bin). */
export function encodeColumns(c: ComplaintColumns): EncodedColumns {
  return { ...c, county: [], date: [], batch: [], status: [], verification: [], types: [], typeSource: [], themes: [], countyNames: [...c.countyNames] };
}
