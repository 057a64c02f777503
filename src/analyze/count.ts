import { type ComplaintColumns, type DimensionAccess, type TypeSourceCounts, access, isColumns, toColumns } from "./columns.js";
import { type AnalyzableComplaint, type Dimension, themeName } from "./keys.js";
import type { CaseOptions } from "./snapshots.js";

/** One cell of a count table: the keys of each dimension (strings) and the count. */
export type CountRow<D extends Dimension = Dimension> = { [K in D]: string } & { count: number };

/** The result of {@link countBy}: the non-empty cells of a cross-tab, with key labels and totals. */
export interface CountTable<D extends Dimension = Dimension> {
  dimensions: D[];
  /** non-empty cells, sorted by the dimensions' canonical order (codes and dates ascending) */
  rows: CountRow<D>[];
  /**
   * Records counted. A record with several types (or themes) counts once under each, so the
   * rows of a table by type add up to more than this.
   */
  records: number;
  /** where the 污染类型 came from: official (table) or predicted (classifier), by record */
  typeSource: TypeSourceCounts;
  /** readable names of keys that are codes: county code -> 苏仙区, theme id -> 碳达峰碳中和 */
  labels: Record<string, string>;
  /** the keys of each dimension that occur in `rows`, in canonical order */
  keys: { [K in D]: string[] };
}

/**
 * Records or their encoded columns: every aggregation accepts both. Records count once per case
 * (受理编号; the latest of several snapshots) unless the options say `allRows`; columns are
 * counted as encoded (`toColumns` applies the same rule).
 */
export type Input = readonly AnalyzableComplaint[] | ComplaintColumns;
export const columnsOf = (input: Input, options: CaseOptions = {}): ComplaintColumns =>
  isColumns(input) ? input : toColumns(input as readonly AnalyzableComplaint[], options);

/**
 * Count complaints by one or more dimensions: `countBy(records, ["county", "type"])` is the
 * county x pollution-type cross-tab in long form. Runs over dictionary-encoded columns. Each case
 * counts once (its latest snapshot); `{ allRows: true }` counts every record.
 */
export function countBy<D extends Dimension>(input: Input, dimensions: readonly D[], options: CaseOptions = {}): CountTable<D> {
  if (!dimensions.length) throw new Error("countBy needs at least one dimension");
  const cols = columnsOf(input, options);
  const dims = dimensions.map((d) => access(cols, d));
  const { cells, get } = countCells(cols.length, dims);

  const rows: CountRow<D>[] = [];
  const cards = dims.map((d) => d.keys.length);
  const emit = (index: number, count: number) => {
    const row = {} as Record<string, string | number>;
    let rest = index;
    for (let k = dims.length - 1; k >= 0; k--) {
      row[dimensions[k]!] = dims[k]!.keys[rest % cards[k]!]!;
      rest = Math.floor(rest / cards[k]!);
    }
    row.count = count;
    rows.push(row as CountRow<D>);
  };
  if (cells) {
    for (let i = 0; i < cells.length; i++) if (cells[i]) emit(i, cells[i]!);
  } else {
    for (const [i, v] of [...get!.entries()].sort((a, b) => a[0] - b[0])) emit(i, v);
  }

  const present = dims.map((d) => new Uint8Array(d.keys.length));
  const index = dims.map((d) => new Map(d.keys.map((key, i) => [key, i])));
  for (const r of rows) dimensions.forEach((dim, k) => (present[k]![index[k]!.get((r as Record<string, string>)[dim]!)!] = 1));
  const keys = {} as { [K in D]: string[] };
  dimensions.forEach((dim, k) => (keys[dim] = dims[k]!.keys.filter((_, i) => present[k]![i])));
  const labels: Record<string, string> = {};
  if (dimensions.includes("county" as D)) for (const [code, name] of cols.countyNames) labels[code] = name;
  if (dimensions.includes("theme" as D)) for (const id of cols.themeKeys) labels[id] = themeName(id);
  return { dimensions: [...dimensions], rows, records: cols.length, typeSource: { ...cols.typeSourceCounts }, labels, keys };
}

const DENSE_LIMIT = 1 << 24;

/** The counting loop: cells indexed by the mixed-radix number of the keys. */
function countCells(n: number, dims: readonly DimensionAccess[]): { cells?: Float64Array; get?: Map<number, number> } {
  const cards = dims.map((d) => d.keys.length);
  const size = cards.reduce((a, b) => a * b, 1);
  const cells = size <= DENSE_LIMIT ? new Float64Array(size) : undefined;
  const map = cells ? undefined : new Map<number, number>();
  // the most combinations one record can produce: product of the multi-valued dimensions' widths
  const width = dims.reduce((a, d) => a * (d.masks ? d.keys.length : 1), 1);
  let cur = new Float64Array(width);
  let next = new Float64Array(width);

  for (let i = 0; i < n; i++) {
    let m = 1;
    cur[0] = 0;
    for (let k = 0; k < dims.length; k++) {
      const d = dims[k]!;
      const card = cards[k]!;
      const mask = d.masks ? d.masks[i]! : 0;
      if (!d.masks || mask === 0) {
        const v = d.masks ? card - 1 : d.remap ? d.remap[d.codes![i]!]! : d.codes![i]!;
        for (let j = 0; j < m; j++) cur[j] = cur[j]! * card + v;
      } else {
        let t = 0;
        for (let j = 0; j < m; j++) {
          const base = cur[j]! * card;
          for (let b = 0, bits = mask; bits; b++, bits >>>= 1) if (bits & 1) next[t++] = base + b;
        }
        [cur, next] = [next, cur];
        m = t;
      }
    }
    if (cells) for (let j = 0; j < m; j++) cells[cur[j]!]!++;
    else for (let j = 0; j < m; j++) map!.set(cur[j]!, (map!.get(cur[j]!) ?? 0) + 1);
  }
  return cells ? { cells } : { get: map! };
}

/** One dimension as a plain object key -> count, in canonical order (for JSON). */
export function countMap(input: Input, dimension: Dimension, options: CaseOptions & { labels?: boolean } = {}): Record<string, number> {
  const t = countBy(input, [dimension], options);
  const out: Record<string, number> = {};
  for (const r of t.rows) {
    const key = (r as Record<string, string | number>)[dimension] as string;
    const name = options.labels ? (t.labels[key] ?? key) : key;
    out[name] = (out[name] ?? 0) + r.count;
  }
  return out;
}
