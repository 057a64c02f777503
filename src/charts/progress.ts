import type { TopLevelSpec } from "vega-lite";
import type { ProgressResult, ProgressRow } from "../analyze/index.js";
import { type ChartOptions, frame, withPrefecture } from "./options.js";
import { MIN_FONT_PX, STATUS_COLORS } from "./theme.js";
import { formatDate, formatDateRange } from "../text/format.js";

export interface ProgressOptions extends ChartOptions {
  /** panels per row (default 4) */
  columns?: number;
}

const CLOSED = "办结率（已办结）";
const PHASE = "含阶段性办结";
const OVERALL = "全部县区办结率";
const SERIES = [CLOSED, PHASE, OVERALL];

/** One panel's curves at one date: the values hold until the next row's date (step-after). */
export interface ProgressPoint {
  county: string;
  panel: string;
  date: string;
  /** 办结率 */
  closed: number;
  /** 已办结 + 阶段性办结 over cases: never below `closed` */
  phase: number;
  /** the all-county 办结率 at the same date, for reference */
  overall: number;
}

const r4 = (v: number) => Math.round(v * 10_000) / 10_000;

/**
 * The rows of a panel's step curves: the first and last date and every date where one of the
 * three values changes, all three on each row (so the band between 已办结 and 含阶段性办结 is
 * drawn from the same rows and cannot cross). Dates without any case yet are left out.
 */
function points(county: string, panel: string, rows: readonly ProgressRow[], overall: ReadonlyMap<string, number>): ProgressPoint[] {
  const out: ProgressPoint[] = [];
  rows.forEach((r, i) => {
    if (r.closedRate === null || r.closedOrPhaseRate === null) return;
    const p = {
      county,
      panel,
      date: r.date,
      closed: r4(r.closedRate),
      phase: r4(Math.max(r.closedOrPhaseRate, r.closedRate)),
      overall: r4(overall.get(r.date) ?? 0),
    };
    const last = out[out.length - 1];
    if (!last || last.closed !== p.closed || last.phase !== p.phase || last.overall !== p.overall || i === rows.length - 1) out.push(p);
  });
  return out;
}

/**
 * Rectification progress: one small panel per county with its 办结率 over time (solid line),
 * the band up to 已办结 + 阶段性办结 (shaded: it can only lie above the line), and the all-county
 * 办结率 for reference (thin grey). The period starts at the first 交办 date. Takes
 * `closureProgress(records)`, which reads snapshots (tables titled 截至…) and 办结时间.
 */
export function progressSpec(progress: ProgressResult, options: ProgressOptions = {}): TopLevelSpec {
  const byCounty = new Map<string, ProgressRow[]>();
  for (const r of progress.rows) {
    let list = byCounty.get(r.county);
    if (!list) byCounty.set(r.county, (list = []));
    list.push(r);
  }
  const overall = new Map(progress.overall.filter((r) => r.closedRate !== null).map((r) => [r.date, r.closedRate!]));
  const values: ProgressPoint[] = [];
  const panels: string[] = [];
  for (const [county, rows] of byCounty) {
    const last = rows[rows.length - 1]!;
    const panel = `${last.countyName}（${last.cases} 件）`;
    const pts = points(county, panel, rows, overall);
    // a county without any case on the grid has nothing to draw: no empty panel
    if (!pts.length) continue;
    panels.push(panel);
    values.push(...pts);
  }
  const dates = progress.dates;
  const first = dates[0];
  const last = dates[dates.length - 1];
  const notes = [
    first && last ? (first === last ? `截至${formatDate(last)}` : formatDateRange(first, last)) : "无日期",
    "细虚线为全部县区的办结率",
    progress.upperBoundCases ? `${progress.upperBoundCases} 件无办结时间，按首次显示已办结的一期计` : "",
  ];
  const single = dates.length < 3;
  const columns = Math.min(options.columns ?? 4, Math.max(1, panels.length));
  const x = {
    field: "date",
    type: "temporal" as const,
    timeUnit: "utcyearmonthdate" as const,
    title: null,
    axis: { format: "%-m月", tickCount: { interval: "month" as const, step: 1 }, labelOverlap: true, grid: false, labelFontSize: MIN_FONT_PX },
  };
  // a little headroom: a line at 100% stays inside the panel, so every panel's title sits at the same height
  const y = {
    type: "quantitative" as const,
    title: null,
    scale: { domain: [0, 1.04], nice: false },
    axis: { format: ".0%", values: [0, 0.5, 1], labelFontSize: MIN_FONT_PX },
  };
  const color = (series: string) => ({
    datum: series,
    type: "nominal" as const,
    title: null,
    scale: { domain: SERIES, range: [STATUS_COLORS.已办结, STATUS_COLORS.阶段性办结, "#6e6e6e"] },
    legend: { orient: "top" as const, direction: "horizontal" as const, symbolType: "square", symbolOpacity: 1, values: SERIES },
  });
  return {
    ...frame(options, withPrefecture(options, "各县（市、区）整改办结进度"), notes),
    data: { values },
    facet: { field: "panel", type: "nominal", sort: panels, title: null, header: { labelFontSize: 12, labelPadding: 4 } },
    columns,
    spacing: { row: 14, column: 10 },
    // each panel draws its own date axis: no axis hangs under an empty slot of the last row
    resolve: { axis: { x: "independent" } },
    spec: {
      width: options.width ?? 112,
      height: options.height ?? 80,
      encoding: { x },
      layer: [
        {
          mark: { type: "area", interpolate: "step-after", opacity: 0.45 },
          encoding: { y: { ...y, field: "closed" }, y2: { field: "phase" }, color: color(PHASE) },
        },
        // in greyscale the series differ by form: a shaded band, a thin dashed line, a thick solid line
        {
          mark: { type: "line", interpolate: "step-after", strokeWidth: 1.2, strokeDash: [4, 3] },
          encoding: { y: { ...y, field: "overall" }, color: color(OVERALL) },
        },
        {
          mark: { type: "line", interpolate: "step-after", strokeWidth: 2.2, point: single ? { filled: true, size: 30 } : false },
          encoding: { y: { ...y, field: "closed" }, color: color(CLOSED) },
        },
      ],
    },
  } as TopLevelSpec;
}
