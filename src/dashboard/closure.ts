/**
 * Rectification progress, time to close and overdue cases of a selection, from the per-case
 * values the data step took from `timelines()`, `timeToClose()` and `overdue()`. The cumulative
 * sums are those of `closureProgress()` (same grid, same bucketing; a test checks that the
 * unfiltered result is identical). Browser-safe.
 */
import { MISSING, compareCountyKeys } from "../analyze/keys.js";
import { type ProgressResult, type ProgressRow, emptyProgressCounts, progressRows } from "../analyze/progress.js";
import { type TimeToCloseResult, durationHistogram, summarizeDurations } from "../analyze/time-to-close.js";
import { type DashboardData, type Selection, isFiltered } from "./select.js";

/** Whether a selection is the whole data set unfiltered, for which the data step shipped results. */
function unfiltered(data: DashboardData, sel: Selection): boolean {
  return !isFiltered(sel.filters) && sel.rows.length === data.length;
}

/** `closureProgress()` of the selected cases. */
export function progressOf(data: DashboardData, sel: Selection): ProgressResult {
  // the unfiltered result, when the data step shipped it (整改进度's first chart: one pass over
  // every case fewer before it is drawn); a copy, as the page may sort or annotate what it gets
  const shipped = data.file.progress;
  if (shipped && unfiltered(data, sel)) return structuredClone(shipped);
  const grid = data.file.progressDates;
  const g = grid.length;
  const { progressSlot, closedSlot, phaseSlot, closeExact, closeDays } = data.extras;
  const byCounty = new Map<string, number[]>();
  for (let i = 0; i < sel.rows.length; i++) {
    const row = sel.rows[i]!;
    const code = data.cols.countyKeys[data.cols.county[row]!]!;
    let list = byCounty.get(code);
    if (!list) byCounty.set(code, (list = []));
    list.push(row);
  }
  const rowsFor = (county: string, name: string, rows: ArrayLike<number>): ProgressRow[] => {
    const counts = emptyProgressCounts(g);
    for (let i = 0; i < rows.length; i++) {
      const r = rows[i]!;
      counts.cases[progressSlot[r]!]!++;
      if (closedSlot[r]! >= 0) counts.closed[closedSlot[r]!]!++;
      if (phaseSlot[r]! >= 0) counts.phase[phaseSlot[r]!]!++;
    }
    return progressRows(grid, county, name, counts);
  };
  const counties = [...byCounty.keys()].sort(compareCountyKeys);
  let upperBoundCases = 0;
  for (let i = 0; i < sel.rows.length; i++) if (closeDays[sel.rows[i]!]! >= 0 && !closeExact[sel.rows[i]!]) upperBoundCases++;
  return {
    dates: [...grid],
    rows: counties.flatMap((k) => rowsFor(k, data.cols.countyNames.get(k) ?? k, byCounty.get(k)!)),
    overall: rowsFor("全部", "全部", sel.rows),
    upperBoundCases,
  };
}

/** What `timeToClose()` says of the selected cases (`open` counts those without a closing time). */
export type CloseTimes = Omit<TimeToCloseResult, "cases" | "undated">;

/** `timeToClose()` of the selected cases. */
export function closeTimesOf(data: DashboardData, sel: Selection): CloseTimes {
  const shipped = data.file.closeTimes;
  if (shipped && unfiltered(data, sel)) {
    const copy = structuredClone(shipped);
    // JSON wrote the open last bucket's Infinity as null
    for (const bin of copy.histogram) if (bin.to === null) bin.to = Infinity;
    return copy;
  }
  const { closeDays, closeExact } = data.extras;
  const all: number[] = [];
  // each county's close times, by county code index (what durationsByCounty groups, without an
  // object per closed case: 40,000 at the 50,000-case benchmark, before 整改进度's first chart)
  const groups: number[][] = data.cols.countyKeys.map(() => []);
  let exact = 0;
  for (let i = 0; i < sel.rows.length; i++) {
    const r = sel.rows[i]!;
    const d = closeDays[r]!;
    if (d < 0) continue;
    all.push(d);
    if (closeExact[r]) exact++;
    groups[data.cols.county[r]!]!.push(d);
  }
  const byCounty = [...data.cols.countyKeys.keys()]
    .filter((k) => groups[k]!.length)
    .map((k) => data.cols.countyKeys[k]!)
    .sort(compareCountyKeys)
    .map((county) => ({ county, countyName: data.countyName(county), ...summarizeDurations(groups[data.cols.countyKeys.indexOf(county)]!) }));
  return {
    summary: summarizeDurations(all),
    histogram: durationHistogram(all),
    byCounty,
    exact,
    upperBound: all.length - exact,
    open: sel.rows.length - all.length,
  };
}

export interface OverdueRow {
  row: number;
  id: string;
  county: string;
  countyName: string;
  date: string;
  deadline: string;
  days: number;
  status: string;
  /** 投诉对象 (redacted), "" when not recognised */
  target: string;
  /** the complaint's opening, redacted then cut */
  summary: string;
  /** 案卷类别 is 重点件 */
  key: boolean;
}

/** The selected cases past their 办结目标 and not 已办结 at `overdueAt`, most overdue first. */
export function overdueOf(data: DashboardData, sel: Selection): OverdueRow[] {
  const c = data.cols;
  const selected = new Uint8Array(c.length);
  for (let i = 0; i < sel.rows.length; i++) selected[sel.rows[i]!] = 1;
  return (
    data.file.overdue
      .filter((o) => selected[o.row])
      .map((o) => {
        const county = c.countyKeys[c.county[o.row]!]!;
        return {
          row: o.row,
          id: o.id,
          county,
          countyName: data.countyName(county),
          date: c.dateKeys[c.date[o.row]!]!,
          deadline: o.deadline,
          days: o.days,
          status: o.status ?? MISSING,
          target: o.target ?? "",
          summary: o.summary ?? "",
          key: data.extras.category[o.row] === 1,
        };
      })
      // most overdue first, the 重点件 first among equals (the data step already sorts by days)
      .sort((a, b) => b.days - a.days || Number(b.key) - Number(a.key))
  );
}
