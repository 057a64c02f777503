import { POLLUTION_TYPES } from "../model/vocabulary.js";
import { columnsOf, type Input } from "./count.js";
import { MISSING, UNRESOLVED } from "./keys.js";
import { poissonUpperTail } from "./poisson.js";

/** What counts as a spike: the series and time unit tested, the significance level, the least excess over the baseline. */
export interface SpikeOptions {
  /** the series tested: per county, or per county and pollution type; default both */
  by?: readonly ("county" | "county-type")[];
  /** the time unit: 交办 date (default) or 批次 */
  unit?: "date" | "batch";
  /** flag when P(X >= count | baseline) is below this; default 0.001 */
  alpha?: number;
  /** and the count exceeds the baseline by at least this many complaints; default 3 */
  minExcess?: number;
  /** the baseline never goes below this (a county quiet on most days); default 0.5 */
  minBaseline?: number;
}

/** A county-day (or county-type-day) far above that series' own baseline. */
export interface Spike {
  series: "county" | "county-type";
  county: string;
  countyName: string;
  /** the pollution type for county-type series */
  type?: string;
  /** the date ("2023-07-08") or batch ("12") */
  at: string;
  count: number;
  /** the series' median over its other days (at least minBaseline) */
  baseline: number;
  excess: number;
  /** P(X >= count) for X ~ Poisson(baseline) */
  p: number;
}

/** The result of {@link spikes}: the days (or batches) far above a series' own baseline. */
export interface SpikeResult {
  spikes: Spike[];
  /** the days (or batches) observed: every date on which any complaint was transferred */
  units: string[];
  /** number of (series, day) pairs tested */
  tests: number;
  options: Required<SpikeOptions>;
}

/** Median of `sorted` without one occurrence of `skip`. */
function medianWithout(sorted: readonly number[], skip: number): number {
  const n = sorted.length - 1;
  if (n <= 0) return 0;
  const idx = sorted.indexOf(skip);
  const at = (i: number) => sorted[i >= idx ? i + 1 : i]!;
  return n % 2 ? at((n - 1) / 2) : (at(n / 2 - 1) + at(n / 2)) / 2;
}

/**
 * Find spikes: for each series (a county, or a county and a pollution type) and each observed
 * day, compare the day's count x with the series' baseline b = median of its counts on the other
 * observed days (days without complaints count as 0), floored at `minBaseline`. The day is a spike
 * when P(X >= x | X ~ Poisson(b)) < alpha and x - b >= minExcess. See docs/analytics.md.
 */
export function spikes(input: Input, options: SpikeOptions = {}): SpikeResult {
  const opts: Required<SpikeOptions> = {
    by: options.by ?? ["county", "county-type"],
    unit: options.unit ?? "date",
    alpha: options.alpha ?? 0.001,
    minExcess: options.minExcess ?? 3,
    minBaseline: options.minBaseline ?? 0.5,
  };
  const cols = columnsOf(input);
  const unitKeys = opts.unit === "date" ? cols.dateKeys : cols.batchKeys;
  const unitCodes = opts.unit === "date" ? cols.date : cols.batch;
  const missingUnit = unitKeys.indexOf(MISSING);
  const units = unitKeys.filter((k) => k !== MISSING);
  const u = unitKeys.length;
  const nCounty = cols.countyKeys.length;
  const nType = POLLUTION_TYPES.length;

  const out: Spike[] = [];
  let tests = 0;
  const test = (series: Spike["series"], county: number, type: number | undefined, counts: Float64Array) => {
    const values: number[] = [];
    for (let d = 0; d < u; d++) if (d !== missingUnit) values.push(counts[d]!);
    if (!values.some((v) => v > 0)) return;
    const sorted = [...values].sort((a, b) => a - b);
    for (let d = 0; d < u; d++) {
      if (d === missingUnit) continue;
      const x = counts[d]!;
      if (!x) continue;
      tests++;
      const baseline = Math.max(opts.minBaseline, medianWithout(sorted, x));
      const excess = x - baseline;
      if (excess < opts.minExcess) continue;
      const p = poissonUpperTail(x, baseline);
      if (p >= opts.alpha) continue;
      const code = cols.countyKeys[county]!;
      out.push({
        series, county: code, countyName: cols.countyNames.get(code) ?? code,
        ...(type !== undefined ? { type: POLLUTION_TYPES[type]! } : {}),
        at: unitKeys[d]!, count: x, baseline, excess, p,
      });
    }
  };

  const unresolved = cols.countyKeys.indexOf(UNRESOLVED);
  if (opts.by.includes("county")) {
    const counts = new Float64Array(nCounty * u);
    for (let i = 0; i < cols.length; i++) counts[cols.county[i]! * u + unitCodes[i]!]!++;
    for (let c = 0; c < nCounty; c++) if (c !== unresolved) test("county", c, undefined, counts.subarray(c * u, (c + 1) * u));
  }
  if (opts.by.includes("county-type")) {
    const counts = new Float64Array(nCounty * nType * u);
    for (let i = 0; i < cols.length; i++) {
      const base = cols.county[i]! * nType;
      for (let b = 0, bits = cols.types[i]!; bits; b++, bits >>>= 1) if (bits & 1) counts[(base + b) * u + unitCodes[i]!]!++;
    }
    for (let c = 0; c < nCounty; c++) {
      if (c === unresolved) continue;
      for (let t = 0; t < nType; t++) test("county-type", c, t, counts.subarray((c * nType + t) * u, (c * nType + t + 1) * u));
    }
  }
  out.sort((a, b) => a.p - b.p || b.excess - a.excess);
  return { spikes: out, units, tests, options: opts };
}
