import type { CountTable } from "./count.js";
import { DIMENSION_NAMES, type Dimension } from "./keys.js";

/** A plain grid (header row + rows) for printing or exporting. */
export interface Grid {
  headers: string[];
  rows: (string | number)[][];
}

const label = (t: { labels: Record<string, string> }, key: string) => t.labels[key] ?? key;

/**
 * A count table as a grid: one dimension -> key | count; two -> the first down, the second
 * across, with 合计 row and column; more -> long form (one column per dimension, then count).
 * County codes are shown with their names.
 */
export function toGrid<D extends Dimension>(t: CountTable<D>): Grid {
  const dims = t.dimensions;
  const head = (d: Dimension) => DIMENSION_NAMES[d];
  if (dims.length === 2) {
    const [down, across] = dims as [D, D];
    const rowKeys = t.keys[down];
    const colKeys = t.keys[across];
    const cells = new Map<string, number>();
    for (const r of t.rows) cells.set(`${(r as Record<string, string>)[down]}\u0000${(r as Record<string, string>)[across]}`, r.count);
    const rows = rowKeys.map((a) => {
      const values = colKeys.map((b) => cells.get(`${a}\u0000${b}`) ?? 0);
      return [label(t, a), ...values, values.reduce((s, v) => s + v, 0)];
    });
    const totals = colKeys.map((b) => rowKeys.reduce((s, a) => s + (cells.get(`${a}\u0000${b}`) ?? 0), 0));
    rows.push(["合计", ...totals, totals.reduce((s, v) => s + v, 0)]);
    return { headers: [`${head(down)} \\ ${head(across)}`, ...colKeys.map((b) => label(t, b)), "合计"], rows };
  }
  const headers = [...dims.flatMap((d) => (d === "county" ? [head(d), "区划代码"] : [head(d)])), "件数"];
  const rows = t.rows.map((r) => [
    ...dims.flatMap((d) => {
      const k = (r as Record<string, string>)[d]!;
      return d === "county" ? [label(t, k), k] : [label(t, k)];
    }),
    r.count,
  ]);
  return { headers, rows };
}
