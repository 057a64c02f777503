import * as dfd from "danfojs-node";
import type { Dimension } from "./keys.js";
import { type Input, countBy } from "./count.js";
import type { CaseOptions } from "./snapshots.js";

/** The DataFrame class analysts get back (danfojs-node). */
export type DataFrame = dfd.DataFrame;

type Cell = string | number | boolean | null | undefined;

/**
 * Plain rows as a danfojs DataFrame with explicit column types, so that keys stay strings:
 * a column whose values are all numbers (or null) is numeric (null -> NaN), all booleans is
 * boolean, anything else is a string column ("2023-06", "431003" stay strings; null -> "").
 * Nested values (objects, arrays) are written as JSON.
 */
export function toDataFrame(rows: readonly object[], options: { columns?: readonly string[] } = {}): DataFrame {
  const columns = options.columns ? [...options.columns] : [...new Set(rows.flatMap((r) => Object.keys(r)))];
  const data: Record<string, Cell[]> = {};
  const dtypes: string[] = [];
  for (const c of columns) {
    const values = rows.map((r) => (r as Record<string, unknown>)[c]);
    const present = values.filter((v) => v !== null && v !== undefined);
    if (present.length && present.every((v) => typeof v === "number")) {
      data[c] = values.map((v) => (typeof v === "number" ? v : NaN));
      dtypes.push(present.every((v) => Number.isInteger(v)) && present.length === values.length ? "int32" : "float32");
    } else if (present.length && present.every((v) => typeof v === "boolean")) {
      data[c] = values.map((v) => v === true);
      dtypes.push("boolean");
    } else {
      data[c] = values.map((v) => (v === null || v === undefined ? "" : typeof v === "object" ? JSON.stringify(v) : String(v)));
      dtypes.push("string");
    }
  }
  if (!rows.length) return new dfd.DataFrame([], { columns });
  return new dfd.DataFrame(data, { columns, dtypes });
}

/**
 * `countBy` as a DataFrame: one string column per dimension, then `count` (and `countyName`).
 * Each case counts once (its latest snapshot) unless `{ allRows: true }`.
 */
export function countFrame(input: Input, dimensions: readonly Dimension[], options: CaseOptions = {}): DataFrame {
  const t = countBy(input, dimensions, options);
  const rows = t.rows.map((r) => {
    const county = (r as unknown as Record<string, string>).county;
    return county !== undefined ? { ...r, countyName: t.labels[county] ?? county } : r;
  });
  const columns = [...dimensions, ...(dimensions.includes("county") ? ["countyName"] : []), "count"];
  return toDataFrame(rows, { columns });
}
