/**
 * What the dashboard ships to the browser: aggregated, redacted data only. The data loaders
 * (Node) write these shapes as JSON; the pages (browser) decode them and recompute every chart
 * and table from the filter state with the library's own aggregations (countBy, rates,
 * countyRanking, spikes over dictionary-encoded columns). Browser-safe: no Node imports.
 */
import type { ComplaintColumns } from "../analyze/columns.js";
import type { RepeatGroup } from "../analyze/repeats.js";
import type { LeagueRow } from "./league.js";

/** Bumped whenever a shipped shape changes: part of the loaders' cache key. */
export const MODEL_VERSION = 10;

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

/** Per-case values beyond the library's columns, one array entry per case (same order). */
export interface CaseExtras {
  /** 案卷类别: 0 一般件, 1 重点件, 2 not given */
  category: number[];
  /** the classifier suggests a 重点件: 1, else 0 */
  keySuggested: number[];
  /** predicted 污染类型 as a bit mask (bit i = POLLUTION_TYPES[i]) */
  predictedTypes: number[];
  /** closure progress: the grid slot of the 交办 date (0 without a date) */
  progressSlot: number[];
  /** the grid slot the case became 已办结, -1 when open */
  closedSlot: number[];
  /** the grid slot the case became 阶段性办结 or 已办结, -1 when neither */
  phaseSlot: number[];
  /** days from 交办 to 已办结, -1 when open or undated */
  closeDays: number[];
  /** 1 when closeDays comes from a 办结时间, 0 when from the first snapshot showing it closed */
  closeExact: number[];
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

/** data/cases.json: everything the filters and most charts need. */
export interface CasesFile {
  meta: DashboardMeta;
  columns: EncodedColumns;
  extras: CaseExtras;
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
}

/** data/meta.json: what a page needs that shows no per-case data (the 分析笔记's banner). */
export interface MetaFile {
  meta: DashboardMeta;
}

/** A repeat group with its members as case indexes (rows of the columns). */
export interface ShippedRepeatGroup extends RepeatGroup {
  rows: number[];
}

/** data/repeats.json: the groups of `repeats()` (redacted), as the report lists them */
export interface RepeatsFile {
  groups: ShippedRepeatGroup[];
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

/** Rows of chunk k for n cases: contiguous ranges of equal size. */
export function chunkRange(k: number, n: number): [number, number] {
  const size = Math.ceil(n / TEXT_CHUNKS);
  return [Math.min(n, k * size), Math.min(n, (k + 1) * size)];
}

/** The chunk holding row i of n. */
export const chunkOf = (i: number, n: number): number => Math.floor(i / Math.ceil(n / TEXT_CHUNKS));

/** Typed arrays back from JSON: a real `ComplaintColumns` the library's aggregations accept. */
export function decodeColumns(c: EncodedColumns): ComplaintColumns {
  return {
    ...c,
    county: Int32Array.from(c.county),
    date: Int32Array.from(c.date),
    batch: Int32Array.from(c.batch),
    status: Uint8Array.from(c.status),
    verification: Uint8Array.from(c.verification),
    types: Uint16Array.from(c.types),
    typeSource: Uint8Array.from(c.typeSource),
    themes: Uint16Array.from(c.themes),
    countyNames: new Map(c.countyNames),
  };
}

/** The JSON form of columns. */
export function encodeColumns(c: ComplaintColumns): EncodedColumns {
  return {
    ...c,
    county: Array.from(c.county),
    date: Array.from(c.date),
    batch: Array.from(c.batch),
    status: Array.from(c.status),
    verification: Array.from(c.verification),
    types: Array.from(c.types),
    typeSource: Array.from(c.typeSource),
    themes: Array.from(c.themes),
    countyNames: [...c.countyNames],
  };
}
