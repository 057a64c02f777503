import { CANONICAL, type Field, mapHeaders } from "../ingest/columns.js";
import { THEMES } from "../model/classification.js";
import { CASE_STATUSES, POLLUTION_TYPES, VERIFICATIONS } from "../model/vocabulary.js";
import { type AnalyzableComplaint, type Dimension, MISSING, NO_THEME, UNRESOLVED, countyNamer } from "./keys.js";
import { type CaseOptions, casesOf } from "./snapshots.js";

/** Where the 污染类型 of a record came from (see `effectiveTypes`). */
export type TypeSource = "official" | "predicted" | "none";
/** How many records took their 污染类型 from the table, from the classifier, or have none. */
export interface TypeSourceCounts {
  /** records whose table gave a 污染类型 (counted by it) */
  official: number;
  /** records counted by the classifier's predicted types */
  predicted: number;
  /** records with neither (counted as 未填) */
  none: number;
}

/**
 * Complaints as dictionary-encoded columns: one small integer per record and dimension, the
 * distinct keys once. Multi-label dimensions (types, themes) are bit masks. Aggregations run
 * over these typed arrays; only the small results become objects (or DataFrames).
 *
 * Every dictionary is in its canonical order (codes and dates ascending, official vocabularies in
 * their order, the missing key last), so results come out sorted.
 */
export interface ComplaintColumns {
  readonly length: number;
  readonly county: Int32Array;
  readonly countyKeys: readonly string[];
  /** county code -> official name */
  readonly countyNames: ReadonlyMap<string, string>;
  readonly date: Int32Array;
  readonly dateKeys: readonly string[];
  readonly batch: Int32Array;
  readonly batchKeys: readonly string[];
  readonly status: Uint8Array;
  readonly statusKeys: readonly string[];
  readonly verification: Uint8Array;
  readonly verificationKeys: readonly string[];
  /** bit i = POLLUTION_TYPES[i]; 0 = none */
  readonly types: Uint16Array;
  readonly typeKeys: readonly string[];
  /** 0 official, 1 predicted, 2 none */
  readonly typeSource: Uint8Array;
  readonly typeSourceCounts: TypeSourceCounts;
  /** bit i = THEMES[i]; 0 = none */
  readonly themes: Uint16Array;
  readonly themeKeys: readonly string[];
  /**
   * The fields of the disclosure table (`Field` ids: "status", "verification", "rectification",
   * "category"…) that the input tables have as a column or that some record has a value for.
   * A rate over a field outside this list is unknown because the table lacks the column.
   */
  readonly tableColumns: readonly string[];
}

export const isColumns = (x: unknown): x is ComplaintColumns =>
  typeof x === "object" && x !== null && !Array.isArray(x) && (x as ComplaintColumns).county instanceof Int32Array;

/** Encode with a growing dictionary, then renumber so that keys are in `order`. */
class Dictionary {
  readonly ids = new Map<string, number>();
  readonly keys: string[] = [];
  id(key: string): number {
    let i = this.ids.get(key);
    if (i === undefined) {
      i = this.keys.length;
      this.ids.set(key, i);
      this.keys.push(key);
    }
    return i;
  }
  /** Sort the keys; rewrite `codes` in place; returns the sorted keys. */
  finish(codes: Int32Array, compare: (a: string, b: string) => number): string[] {
    const sorted = [...this.keys].sort(compare);
    const remap = new Int32Array(this.keys.length);
    sorted.forEach((k, i) => (remap[this.ids.get(k)!] = i));
    for (let i = 0; i < codes.length; i++) codes[i] = remap[codes[i]!]!;
    return sorted;
  }
}

/** Missing keys last, others by `cmp`. */
const lastMissing = (cmp: (a: string, b: string) => number) => (a: string, b: string) =>
  a === b ? 0 : a === MISSING || a === UNRESOLVED ? 1 : b === MISSING || b === UNRESOLVED ? -1 : cmp(a, b);
const byString = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const byNumber = (a: string, b: string) => Number(a) - Number(b);

const TYPE_BIT = new Map<string, number>(POLLUTION_TYPES.map((t, i) => [t, 1 << i]));
const THEME_BIT = new Map<string, number>(THEMES.map((t, i) => [t, 1 << i]));
const STATUS_KEYS = [...CASE_STATUSES, MISSING];
const VERIFICATION_KEYS = [...VERIFICATIONS, MISSING];
const STATUS_CODE = new Map<string, number>(CASE_STATUSES.map((s, i) => [s, i]));
const VERIFICATION_CODE = new Map<string, number>(VERIFICATIONS.map((s, i) => [s, i]));

/** The record fields that say a column has values, by field id. */
const VALUE_OF: Partial<Record<Field, (c: AnalyzableComplaint) => unknown>> = {
  caseNo: (c) => c.caseNo,
  batch: (c) => c.batch,
  date: (c) => c.date,
  area: (c) => c.area.raw || undefined,
  types: (c) => (c.officialTypes.length ? 1 : undefined),
  findings: (c) => c.findings,
  verification: (c) => c.verification,
  rectification: (c) => c.rectification?.trim() || undefined,
  status: (c) => c.status,
  deadline: (c) => c.deadline,
  accountability: (c) => c.accountability?.trim() || undefined,
  category: (c) => c.category,
  channel: (c) => c.channel,
  closedDate: (c) => c.closedDate,
};

const headerMemo = new Map<string, Field[]>();

/**
 * The table fields present among records: a column in one of their tables (read from the raw
 * headers, once per sheet) or a value in one of them. See `ComplaintColumns.tableColumns`.
 */
export function tableColumnsOf(records: readonly AnalyzableComplaint[]): string[] {
  const present = new Set<string>(["text"]);
  const sheets = new Set<string>();
  let lastFile: string | undefined;
  let lastSheet: string | undefined;
  for (const r of records) {
    // records come sheet by sheet: skip runs of the same sheet without building its key (a
    // string per record is tens of megabytes of garbage on a million)
    if (r.source.file === lastFile && r.source.sheet === lastSheet) continue;
    lastFile = r.source.file;
    lastSheet = r.source.sheet;
    const sheet = `${r.source.file}\u0000${r.source.sheet ?? ""}`;
    if (sheets.has(sheet)) continue;
    sheets.add(sheet);
    const headers = Object.keys(r.raw);
    const sig = headers.join("\u0000");
    let fields = headerMemo.get(sig);
    if (!fields) {
      fields = [...mapHeaders(headers).values()];
      if (headerMemo.size > 1000) headerMemo.clear();
      headerMemo.set(sig, fields);
    }
    for (const f of fields) present.add(f);
  }
  for (const [field, value] of Object.entries(VALUE_OF) as [Field, (c: AnalyzableComplaint) => unknown][]) {
    if (present.has(field)) continue;
    for (const r of records) {
      if (value(r) !== undefined) {
        present.add(field);
        break;
      }
    }
  }
  return (Object.keys(CANONICAL) as Field[]).filter((f) => present.has(f));
}

/**
 * Why a figure over `field` cannot be given: the table has no such column, or every cell of it
 * is blank among `records` records (undefined when `withValue` > 0).
 */
export function missingReason(cols: Pick<ComplaintColumns, "tableColumns" | "length">, field: Field, withValue: number): string | undefined {
  if (withValue > 0) return undefined;
  const name = CANONICAL[field];
  if (!cols.length) return "没有信访件";
  return cols.tableColumns.includes(field) ? `“${name}”均未填` : `表中没有“${name}”列`;
}

/**
 * Encode records as columns (one pass). One record per case (受理编号), its latest snapshot, as
 * every aggregation counts them; `{ allRows: true }` encodes every record given.
 */
export function toColumns(input: readonly AnalyzableComplaint[], options: CaseOptions = {}): ComplaintColumns {
  const records = casesOf(input, options);
  const n = records.length;
  const county = new Int32Array(n);
  const date = new Int32Array(n);
  const batch = new Int32Array(n);
  const status = new Uint8Array(n);
  const verification = new Uint8Array(n);
  const types = new Uint16Array(n);
  const typeSource = new Uint8Array(n);
  const themes = new Uint16Array(n);
  const counties = new Dictionary();
  const dates = new Dictionary();
  const batches = new Dictionary();
  const countyNames = new Map<string, string>();
  const nameOf = countyNamer(records);
  const sources: TypeSourceCounts = { official: 0, predicted: 0, none: 0 };
  let lastArea: unknown;
  let lastCounty = 0;

  for (let i = 0; i < n; i++) {
    const c = records[i]!;
    // areas are shared objects per distinct cell: skip the lookup for runs of the same one
    if (c.area !== lastArea) {
      lastArea = c.area;
      const code = c.area.code;
      lastCounty = counties.id(code ?? UNRESOLVED);
      if (code && !countyNames.has(code)) countyNames.set(code, nameOf(c.area));
    }
    county[i] = lastCounty;
    date[i] = dates.id(c.date ?? MISSING);
    batch[i] = batches.id(c.batch !== undefined ? String(c.batch) : MISSING);
    status[i] = c.status !== undefined ? STATUS_CODE.get(c.status)! : CASE_STATUSES.length;
    verification[i] = c.verification !== undefined ? VERIFICATION_CODE.get(c.verification)! : VERIFICATIONS.length;

    let mask = 0;
    const official = c.officialTypes;
    if (official.length) {
      for (let k = 0; k < official.length; k++) mask |= TYPE_BIT.get(official[k]!) ?? 0;
      sources.official++;
    } else if (c.classification) {
      const predicted = c.classification.types;
      for (let k = 0; k < predicted.length; k++) mask |= TYPE_BIT.get(predicted[k]!.label) ?? 0;
      typeSource[i] = 1;
      sources.predicted++;
    } else {
      typeSource[i] = 2;
      sources.none++;
    }
    types[i] = mask;

    const th = c.classification?.themes;
    if (th && th.length) {
      let m = 0;
      for (let k = 0; k < th.length; k++) m |= THEME_BIT.get(th[k]!.label) ?? 0;
      themes[i] = m;
    }
  }

  return {
    length: n,
    county,
    countyKeys: counties.finish(county, lastMissing(byString)),
    countyNames,
    date,
    dateKeys: dates.finish(date, lastMissing(byString)),
    batch,
    batchKeys: batches.finish(batch, lastMissing(byNumber)),
    status,
    statusKeys: STATUS_KEYS,
    verification,
    verificationKeys: VERIFICATION_KEYS,
    types,
    typeKeys: [...POLLUTION_TYPES, MISSING],
    typeSource,
    typeSourceCounts: sources,
    themes,
    themeKeys: [...THEMES, NO_THEME],
    tableColumns: tableColumnsOf(records),
  };
}

/** One dimension as the counting loop sees it. */
export interface DimensionAccess {
  keys: readonly string[];
  /** single-valued: the record's key index */
  codes?: ArrayLike<number>;
  /** applied to `codes` (month from date) */
  remap?: Int32Array;
  /** multi-valued: bit i set = key i; 0 = the last key (missing) */
  masks?: Uint16Array;
}

/** How the counting loop reads dimension `dim` of the columns. */
export function access(cols: ComplaintColumns, dim: Dimension): DimensionAccess {
  switch (dim) {
    case "county":
      return { keys: cols.countyKeys, codes: cols.county };
    case "date":
      return { keys: cols.dateKeys, codes: cols.date };
    case "month": {
      const months = [...new Set(cols.dateKeys.map((d) => (d === MISSING ? MISSING : d.slice(0, 7))))];
      const remap = new Int32Array(cols.dateKeys.length);
      cols.dateKeys.forEach((d, i) => (remap[i] = months.indexOf(d === MISSING ? MISSING : d.slice(0, 7))));
      return { keys: months, codes: cols.date, remap };
    }
    case "batch":
      return { keys: cols.batchKeys, codes: cols.batch };
    case "status":
      return { keys: cols.statusKeys, codes: cols.status };
    case "verification":
      return { keys: cols.verificationKeys, codes: cols.verification };
    case "type":
      return { keys: cols.typeKeys, masks: cols.types };
    case "theme":
      return { keys: cols.themeKeys, masks: cols.themes };
  }
}
