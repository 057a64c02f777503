import { type AnalyzableComplaint, compareCountyKeys, countyKey, countyNamer } from "./keys.js";
import { type SnapshotOptions, timelines } from "./snapshots.js";

/** Rectification progress of one county at one date. */
export interface ProgressRow {
  /** county code ("431003"), or （未识别） */
  county: string;
  countyName: string;
  /** ISO date */
  date: string;
  /** cases transferred on or before the date (cases without a 交办 date always count) */
  cases: number;
  /** cases 已办结 by the date */
  closed: number;
  /** cases 已办结 or 阶段性办结 by the date */
  closedOrPhase: number;
  closedRate: number | null;
  closedOrPhaseRate: number | null;
}

/** The result of {@link closureProgress}: rectification progress by county over the snapshot dates. */
export interface ProgressResult {
  /** the dates of the rows: the first 交办 date, every snapshot date and every 办结时间 */
  dates: string[];
  /** per county and date, counties by code, dates ascending */
  rows: ProgressRow[];
  /** the whole input at each date (county 全部) */
  overall: ProgressRow[];
  /** cases whose closing date is only an upper bound (no 办结时间: first snapshot seen closed) */
  upperBoundCases: number;
}

const ALL = "全部";

/** The index of the first grid date on or after `d` (grid sorted ascending; grid.length if none). */
export function gridSlot(grid: readonly string[], d: string): number {
  let lo = 0;
  let hi = grid.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (grid[mid]! < d) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Per-slot event counts of one group: cases transferred, closed, closed or phase-closed. */
export interface ProgressCounts {
  cases: Float64Array;
  closed: Float64Array;
  phase: Float64Array;
}

export const emptyProgressCounts = (g: number): ProgressCounts => ({
  cases: new Float64Array(g + 1),
  closed: new Float64Array(g + 1),
  phase: new Float64Array(g + 1),
});

/**
 * One group's progress rows from its per-slot counts (see {@link gridSlot}): cumulative sums at
 * each grid date. Shared by {@link closureProgress} and the dashboard, which re-aggregates the
 * same per-case slots under filters.
 */
export function progressRows(grid: readonly string[], county: string, countyName: string, counts: ProgressCounts): ProgressRow[] {
  let c = 0;
  let cl = 0;
  let ph = 0;
  return grid.map((date, i) => {
    c += counts.cases[i]!;
    cl += counts.closed[i]!;
    ph += counts.phase[i]!;
    return { county, countyName, date, cases: c, closed: cl, closedOrPhase: ph, closedRate: c ? cl / c : null, closedOrPhaseRate: c ? ph / c : null };
  });
}

/**
 * Cumulative closure over time per county, from snapshots (tables with 截至 dates) and/or a
 * 办结时间 column. A case counts as closed from its 办结时间, else from the first snapshot that
 * shows it 已办结 (see docs/analytics.md).
 */
export function closureProgress(records: readonly AnalyzableComplaint[], options: SnapshotOptions = {}): ProgressResult {
  const tl = timelines(records, options);
  const dates = new Set<string>();
  let firstDate: string | undefined;
  for (const t of tl) {
    for (const o of t.observations) dates.add(o.asOf);
    if (t.closedDate) dates.add(t.closedDate);
    if (t.date && (!firstDate || t.date < firstDate)) firstDate = t.date;
  }
  // the period starts when the first case was transferred, not at the first closure
  if (firstDate && dates.size) dates.add(firstDate);
  const grid = [...dates].sort();
  const names = new Map<string, string>();
  const nameOf = countyNamer(records);
  const groups = new Map<string, typeof tl>();
  for (const t of tl) {
    const k = countyKey(t.record);
    if (t.record.area.code) names.set(k, nameOf(t.record.area));
    let g = groups.get(k);
    if (!g) groups.set(k, (g = []));
    g.push(t);
  }
  // events bucketed by the first grid date on or after them, then prefix sums: O(n log d + d)
  const rowsFor = (county: string, name: string, list: typeof tl): ProgressRow[] => {
    const counts = emptyProgressCounts(grid.length);
    for (const t of list) {
      counts.cases[t.date ? gridSlot(grid, t.date) : 0]!++;
      if (t.closedOn) counts.closed[gridSlot(grid, t.closedOn)]!++;
      if (t.phaseOn) counts.phase[gridSlot(grid, t.phaseOn)]!++;
    }
    return progressRows(grid, county, name, counts);
  };
  const rows = [...groups.keys()].sort(compareCountyKeys).flatMap((k) => rowsFor(k, names.get(k) ?? k, groups.get(k)!));
  return { dates: grid, rows, overall: rowsFor(ALL, ALL, tl), upperBoundCases: tl.filter((t) => t.closedOnKind === "upper-bound").length };
}
