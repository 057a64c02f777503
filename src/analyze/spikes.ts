import { POLLUTION_TYPES } from "../model/vocabulary.js";
import { columnsOf, type Input } from "./count.js";
import { MISSING, UNRESOLVED } from "./keys.js";
import { poissonUpperTail } from "./poisson.js";
import type { CaseOptions } from "./snapshots.js";

/** What counts as a spike: the series and time unit tested, the significance level, the least excess over the baseline. */
export interface SpikeOptions extends CaseOptions {
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

/**
 * A burst in one series (a county, or a county and a type) far above its own baseline: one day,
 * or several consecutive days (units) when the neighbours of a spike day are high too.
 */
export interface Spike {
  series: "county" | "county-type";
  county: string;
  countyName: string;
  /** the pollution type for county-type series */
  type?: string;
  /** the busiest day of the span ("2023-07-08"), or batch ("12") */
  at: string;
  /** the first and last day (or batch) of the span; equal for a one-day spike */
  from: string;
  to: string;
  /** days (units) in the span */
  days: number;
  /** complaints over the whole span */
  count: number;
  /** complaints on the busiest day */
  peak: number;
  /** the series' median per day outside the span (at least minBaseline) */
  baseline: number;
  /** count - baseline × days */
  excess: number;
  /** P(X >= count) for X ~ Poisson(baseline × days) */
  p: number;
}

/** The result of {@link spikes}: the days (or batches) far above a series' own baseline. */
export interface SpikeResult {
  spikes: Spike[];
  /** the days (or batches) observed: every date on which any complaint was transferred */
  units: string[];
  /** number of (series, day) pairs tested */
  tests: number;
  options: Required<Omit<SpikeOptions, keyof CaseOptions>>;
}

/** Median of `sorted` without one occurrence of `skip`. */
function medianWithout(sorted: readonly number[], skip: number): number {
  const n = sorted.length - 1;
  if (n <= 0) return 0;
  const idx = sorted.indexOf(skip);
  const at = (i: number) => sorted[i >= idx ? i + 1 : i]!;
  return n % 2 ? at((n - 1) / 2) : (at(n / 2 - 1) + at(n / 2)) / 2;
}

/** Median of the values outside [lo, hi]. */
function medianOutside(values: readonly number[], lo: number, hi: number): number {
  const rest = [...values.slice(0, lo), ...values.slice(hi + 1)].sort((a, b) => a - b);
  const n = rest.length;
  if (!n) return 0;
  return n % 2 ? rest[(n - 1) / 2]! : (rest[n / 2 - 1]! + rest[n / 2]!) / 2;
}

/**
 * Find spikes: for each series (a county, or a county and a pollution type) and each observed
 * day, compare the day's count x with the series' baseline b = median of its counts on the other
 * observed days (days without complaints count as 0), floored at `minBaseline`. The day is a spike
 * when P(X >= x | X ~ Poisson(b)) < alpha and x - b >= minExcess. A spike day then grows into its
 * full span: a neighbouring day joins while it makes the span more improbable (the span's total
 * against b × days, b the median outside the span), so a three-day burst is one spike of three
 * days. Spans that meet are merged. See docs/analytics.md.
 */
export function spikes(input: Input, options: SpikeOptions = {}): SpikeResult {
  const opts: Required<Omit<SpikeOptions, keyof CaseOptions>> = {
    by: options.by ?? ["county", "county-type"],
    unit: options.unit ?? "date",
    alpha: options.alpha ?? 0.001,
    minExcess: options.minExcess ?? 3,
    minBaseline: options.minBaseline ?? 0.5,
  };
  const cols = columnsOf(input, options);
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
    const seeds: number[] = [];
    values.forEach((x, d) => {
      if (!x) return;
      tests++;
      const baseline = Math.max(opts.minBaseline, medianWithout(sorted, x));
      if (x - baseline < opts.minExcess || poissonUpperTail(x, baseline) >= opts.alpha) return;
      seeds.push(d);
    });
    // grow each seed into its span; spans that meet are merged
    const spans: [number, number][] = [];
    const score = (lo: number, hi: number) => {
      let x = 0;
      for (let d = lo; d <= hi; d++) x += values[d]!;
      const b = Math.max(opts.minBaseline, medianOutside(values, lo, hi));
      return { x, b, p: poissonUpperTail(x, b * (hi - lo + 1)) };
    };
    for (const seed of seeds) {
      const last = spans[spans.length - 1];
      if (last && seed <= last[1] + 1) {
        last[1] = Math.max(last[1], seed);
        continue;
      }
      let lo = seed;
      let hi = seed;
      let best = score(lo, hi).p;
      for (let grown = true; grown;) {
        grown = false;
        for (const [l, h] of [
          [lo - 1, hi],
          [lo, hi + 1],
        ] as const) {
          if (l < 0 || h >= values.length || !values[l === lo - 1 ? l : h]) continue;
          const p = score(l, h).p;
          if (p < best) [lo, hi, best, grown] = [l, h, p, true];
        }
      }
      spans.push([lo, hi]);
    }
    const code = cols.countyKeys[county]!;
    for (const [lo, hi] of spans) {
      const { x, b, p } = score(lo, hi);
      let peakAt = lo;
      for (let d = lo; d <= hi; d++) if (values[d]! > values[peakAt]!) peakAt = d;
      out.push({
        series,
        county: code,
        countyName: cols.countyNames.get(code) ?? code,
        ...(type !== undefined ? { type: POLLUTION_TYPES[type]! } : {}),
        at: units[peakAt]!,
        from: units[lo]!,
        to: units[hi]!,
        days: hi - lo + 1,
        count: x,
        peak: values[peakAt]!,
        baseline: b,
        excess: x - b * (hi - lo + 1),
        p,
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
