/**
 * The dashboard's data in the browser and the filters over it: a filter state selects case rows,
 * and the selection is a `ComplaintColumns` again, so every chart and table is recomputed with the
 * library's own aggregations (countBy, rates, countyRanking, spikes). Browser-safe.
 */
import type { ComplaintColumns } from "../analyze/columns.js";
import { type CountTable, countBy } from "../analyze/count.js";
import type { CountyRank } from "../analyze/hotspots.js";
import { countyRanking, withZeroCounties } from "../analyze/hotspots.js";
import { type Dimension, MISSING, NO_THEME, UNRESOLVED } from "../analyze/keys.js";
import type { PopulationTable } from "../analyze/population.js";
import { POLLUTION_TYPES } from "../model/vocabulary.js";
import { THEMES } from "../model/classification.js";
import { type CaseExtras, type CasesFile, type DashboardMeta, type PopulationRow, decodeCases } from "./model.js";

/** What the user narrowed the data to; null = all. */
export interface Filters {
  /** 交办 date range, ISO dates, inclusive */
  from: string | null;
  to: string | null;
  /** 批次 key ("3") */
  batch: string | null;
  /** county code */
  county: string | null;
  /** 污染类型 */
  type: string | null;
  /** 督察主题 id */
  theme: string | null;
}

export const NO_FILTERS: Filters = { from: null, to: null, batch: null, county: null, type: null, theme: null };

export const isFiltered = (f: Filters): boolean => Object.values(f).some((v) => v !== null && v !== "");

/** The selected cases: their rows and their columns. */
export interface Selection {
  filters: Filters;
  rows: Int32Array;
  cols: ComplaintColumns;
}

/** Columns of some rows, with the same dictionaries. */
export function subsetColumns(cols: ComplaintColumns, rows: Int32Array): ComplaintColumns {
  const pick = <A extends Int32Array | Uint8Array | Uint16Array>(a: A): A => {
    const out = new (a.constructor as new (n: number) => A)(rows.length);
    for (let i = 0; i < rows.length; i++) out[i] = a[rows[i]!]!;
    return out;
  };
  const typeSource = pick(cols.typeSource);
  const counts = { official: 0, predicted: 0, none: 0 };
  for (let i = 0; i < typeSource.length; i++) {
    const s = typeSource[i]!;
    if (s === 0) counts.official++;
    else if (s === 1) counts.predicted++;
    else counts.none++;
  }
  return {
    ...cols,
    length: rows.length,
    county: pick(cols.county),
    date: pick(cols.date),
    batch: pick(cols.batch),
    status: pick(cols.status),
    verification: pick(cols.verification),
    types: pick(cols.types),
    typeSource,
    typeSourceCounts: counts,
    themes: pick(cols.themes),
  };
}

/** The dashboard's data, decoded once per page. */
export class DashboardData {
  readonly meta: DashboardMeta;
  readonly cols: ComplaintColumns;
  readonly extras: CaseExtras;
  readonly file: CasesFile;
  readonly counties: readonly PopulationRow[];
  readonly population: PopulationTable;
  /** county code -> name (every county known, zero counts included) */
  readonly countyNames: ReadonlyMap<string, string>;

  /** `file`: data/cases.json; `bin`: data/cases.bin, its per-case columns */
  constructor(file: CasesFile, bin: ArrayBuffer | Uint8Array) {
    this.file = file;
    this.meta = file.meta;
    // a national year's cases come in the order of their count cube (the rows of the lists)
    const { cols, extras } = decodeCases(file, bin);
    this.cols = cols;
    this.extras = extras;
    this.counties = file.counties;
    this.population = new Map(
      file.counties.map((c) => [
        c.code,
        { code: c.code, name: c.name, ...(c.population ? { population: c.population } : {}), ...(c.rounded ? { rounded: true } : {}) },
      ]),
    );
    this.countyNames = new Map([...file.counties.map((c): [string, string] => [c.code, c.name]), ...this.cols.countyNames]);
  }

  get length(): number {
    return this.cols.length;
  }

  /** Dates with complaints, ascending (no missing key). */
  get dates(): string[] {
    return this.cols.dateKeys.filter((d) => d !== MISSING);
  }

  get batches(): string[] {
    return this.cols.batchKeys.filter((b) => b !== MISSING);
  }

  /** Counties with complaints, by code (unresolved last), as [code, name]. */
  get countyOptions(): [string, string][] {
    return this.cols.countyKeys.map((k): [string, string] => [k, k === UNRESOLVED ? "（未识别县区）" : (this.countyNames.get(k) ?? k)]);
  }

  countyName(code: string): string {
    return code === UNRESOLVED ? UNRESOLVED : (this.countyNames.get(code) ?? code);
  }

  /** The rows passing the filters, in data order. */
  select(f: Filters = NO_FILTERS): Selection {
    const c = this.cols;
    const n = c.length;
    const dateOk = new Uint8Array(c.dateKeys.length).fill(1);
    if (f.from || f.to) {
      c.dateKeys.forEach((d, i) => {
        dateOk[i] = d !== MISSING && (!f.from || d >= f.from) && (!f.to || d <= f.to) ? 1 : 0;
      });
    }
    const batch = f.batch ? c.batchKeys.indexOf(f.batch) : -1;
    const county = f.county ? c.countyKeys.indexOf(f.county) : -1;
    const typeIndex = f.type ? (f.type === MISSING ? -2 : POLLUTION_TYPES.indexOf(f.type as never)) : -1;
    const themeIndex = f.theme ? (f.theme === NO_THEME ? -2 : THEMES.indexOf(f.theme as never)) : -1;
    const typeBit = typeIndex >= 0 ? 1 << typeIndex : 0;
    const themeBit = themeIndex >= 0 ? 1 << themeIndex : 0;
    const out = new Int32Array(n);
    let m = 0;
    for (let i = 0; i < n; i++) {
      if (!dateOk[c.date[i]!]) continue;
      if (f.batch && c.batch[i] !== batch) continue;
      if (f.county && c.county[i] !== county) continue;
      if (f.type && (typeIndex === -2 ? c.types[i] !== 0 : !(c.types[i]! & typeBit))) continue;
      if (f.theme && (themeIndex === -2 ? c.themes[i] !== 0 : !(c.themes[i]! & themeBit))) continue;
      out[m++] = i;
    }
    // unfiltered, the rows are `out` itself: no second 4-byte-a-case array (2.6 MB at 650,000
    // cases, and new memory costs the cold page more than the loop)
    const rows = m === n ? out : out.slice(0, m);
    return { filters: f, rows, cols: m === n ? c : subsetColumns(c, rows) };
  }

  /**
   * `countBy()` of a selection: for the unfiltered data, the table the data step shipped
   * (cases.json's `counts`, a copy) when it has one by these dimensions, else counted here.
   */
  countBy<D extends Dimension>(sel: Selection, dimensions: readonly D[]): CountTable<D> {
    if (!isFiltered(sel.filters) && sel.rows.length === this.length) {
      const shipped = this.file.counts?.find((t) => t.dimensions.length === dimensions.length && t.dimensions.every((d, i) => d === dimensions[i]));
      if (shipped) return { ...shipped, rows: shipped.rows.map((r) => ({ ...r })) } as unknown as CountTable<D>;
    }
    return countBy(sel.cols, dimensions);
  }

  /**
   * `countyRanking()` of a selection, with the prefecture's counties that have no case in it as
   * zero rows (so maps and rankings always show every county).
   */
  ranking(sel: Selection): CountyRank[] {
    const ranks = countyRanking(sel.cols, this.population).filter((r) => r.county !== UNRESOLVED || r.count > 0);
    return withZeroCounties(ranks, this.counties);
  }

  /** Sum of an extras column over the selection, counting entries that pass `test`. */
  countWhere(sel: Selection, column: ArrayLike<number>, test: (v: number) => boolean): number {
    let k = 0;
    for (let i = 0; i < sel.rows.length; i++) if (test(column[sel.rows[i]!]!)) k++;
    return k;
  }
}
