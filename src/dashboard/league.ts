/**
 * The leaders' league table of 办结率 per county, as numbers: computed by the data step for the
 * unfiltered first screen (shipped in cases.json, so the 总览 only draws it) and by the page for a
 * filtered selection, with the same function. Browser-safe, no DOM.
 */
import { ratesBy } from "../analyze/rates.js";
import { UNRESOLVED } from "../text/format.js";
import type { DashboardData, Selection } from "./select.js";

/**
 * The 办结率 target the league table measures counties against. Not set by DOMAIN.md or any rule
 * we know of: a working default (90%) a 督察组 can change here. A county within
 * {@link CLOSED_RATE_WARN} below it is 接近 (amber), further below is 落后 (red).
 */
export const CLOSED_RATE_TARGET = 0.9;
export const CLOSED_RATE_WARN = 0.1;

/** One county of the league table. */
export interface LeagueRow {
  county: string;
  name: string;
  cases: number;
  closed: number;
  withStatus: number;
  rate: number | null;
  /** 办结率 at the previous snapshot (same cases, those assigned by then), null without one */
  previous: number | null;
  overdue: number;
  level: "达标" | "接近" | "落后" | "无数据";
}

export const levelOf = (rate: number | null, target = CLOSED_RATE_TARGET): LeagueRow["level"] =>
  rate === null ? "无数据" : rate >= target ? "达标" : rate >= target - CLOSED_RATE_WARN ? "接近" : "落后";

/**
 * 办结率 per county in the selection, worst first (无数据 last, ties by more open cases first),
 * with the change since the previous 截至 snapshot when the data has two. Cases whose county is
 * （未识别） are no county: they are not ranked (nor marked 落后 or 达标) and are counted apart by
 * {@link unresolvedCases}.
 */
export function leagueRows(data: DashboardData, sel: Selection): LeagueRow[] {
  const c = sel.cols;
  const byCounty = ratesBy(c, "county");
  const snaps = data.meta.snapshots;
  const grid = data.file.progressDates;
  const prevSlot = snaps.length >= 2 ? grid.indexOf(snaps[snaps.length - 2]!) : -1;
  const k = c.countyKeys.length;
  const prevCases = new Int32Array(k);
  const prevClosed = new Int32Array(k);
  const overdue = new Int32Array(k);
  const overdueRows = new Set(data.file.overdue.map((o) => o.row));
  for (let i = 0; i < sel.rows.length; i++) {
    const r = sel.rows[i]!;
    const g = c.county[i]!;
    if (overdueRows.has(r)) overdue[g]!++;
    if (prevSlot >= 0 && data.extras.progressSlot[r]! <= prevSlot) {
      prevCases[g]!++;
      const cs = data.extras.closedSlot[r]!;
      if (cs >= 0 && cs <= prevSlot) prevClosed[g]!++;
    }
  }
  const rows: LeagueRow[] = [];
  c.countyKeys.forEach((key, g) => {
    if (key === UNRESOLVED) return;
    const r = byCounty.get(key)!.closedRate;
    const cases = r.denominator + r.blank;
    if (!cases) return;
    rows.push({
      county: key,
      name: data.countyName(key),
      cases,
      closed: r.numerator,
      withStatus: r.denominator,
      rate: r.value,
      previous: prevSlot >= 0 && prevCases[g]! ? prevClosed[g]! / prevCases[g]! : null,
      overdue: overdue[g]!,
      level: levelOf(r.value),
    });
  });
  return rows.sort(
    (a, b) =>
      (a.rate === null ? 1 : 0) - (b.rate === null ? 1 : 0) ||
      (a.rate ?? 0) - (b.rate ?? 0) ||
      b.withStatus - b.closed - (a.withStatus - a.closed) ||
      (a.county < b.county ? -1 : 1),
  );
}

/** The cases of the selection whose county is （未识别）, which the league table leaves out. */
export function unresolvedCases(sel: Selection): number {
  const g = sel.cols.countyKeys.indexOf(UNRESOLVED);
  if (g < 0) return 0;
  let n = 0;
  for (let i = 0; i < sel.rows.length; i++) if (sel.cols.county[i] === g) n++;
  return n;
}

/** "↑ 3.2个百分点" / "↓ 1.0个百分点" / "持平" / "—" */
export function deltaText(now: number | null, before: number | null): string {
  if (now === null || before === null) return "—";
  const d = (now - before) * 100;
  if (Math.abs(d) < 0.05) return "→ 持平";
  return `${d > 0 ? "↑" : "↓"} ${Math.abs(d).toFixed(1)}个百分点`;
}
