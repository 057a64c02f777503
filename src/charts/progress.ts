import type { TopLevelSpec } from "vega-lite";
import type { ProgressResult, ProgressRow } from "../analyze/index.js";
import { type ChartOptions, frame, withPrefecture } from "./options.js";
import { STATUS_COLORS } from "./theme.js";

export interface ProgressOptions extends ChartOptions {
  /** panels per row (default 4) */
  columns?: number;
}

const CLOSED = "办结率（已办结）";
const PHASE = "含阶段性办结";
const OVERALL = "全部县区办结率";
const SERIES = [CLOSED, PHASE, OVERALL];

/**
 * The rows of a step curve: the first and last date and every date where a value changes.
 * Lossless for a curve drawn as steps.
 */
function steps(rows: readonly ProgressRow[], value: (r: ProgressRow) => number | null): { date: string; rate: number }[] {
  const out: { date: string; rate: number }[] = [];
  rows.forEach((r, i) => {
    const v = value(r);
    if (v === null) return;
    const rate = Math.round(v * 10_000) / 10_000;
    const last = out[out.length - 1];
    if (!last || last.rate !== rate || i === rows.length - 1) out.push({ date: r.date, rate });
  });
  return out;
}

/**
 * Rectification progress: one small panel per county with its 办结率 over time (solid),
 * 已办结 + 阶段性办结 (dashed), and the all-county 办结率 for reference (thin grey). Takes
 * `closureProgress(records)`, which reads snapshots (tables titled 截至…) and 办结时间.
 */
export function progressSpec(progress: ProgressResult, options: ProgressOptions = {}): TopLevelSpec {
  const byCounty = new Map<string, ProgressRow[]>();
  for (const r of progress.rows) {
    let list = byCounty.get(r.county);
    if (!list) byCounty.set(r.county, (list = []));
    list.push(r);
  }
  const overall = steps(progress.overall, (r) => r.closedRate);
  const values: { county: string; panel: string; series: string; date: string; rate: number }[] = [];
  const panels: string[] = [];
  for (const [county, rows] of byCounty) {
    const last = rows[rows.length - 1]!;
    const panel = `${last.countyName}（${last.cases} 件）`;
    panels.push(panel);
    for (const p of overall) values.push({ county, panel, series: OVERALL, ...p });
    for (const p of steps(rows, (r) => r.closedOrPhaseRate)) values.push({ county, panel, series: PHASE, ...p });
    for (const p of steps(rows, (r) => r.closedRate)) values.push({ county, panel, series: CLOSED, ...p });
  }
  const dates = progress.dates;
  const first = dates[0];
  const last = dates[dates.length - 1];
  const notes = [
    first && last ? (first === last ? `截至 ${last}` : `${first} 至 ${last}`) : "无日期",
    progress.upperBoundCases ? `${progress.upperBoundCases} 件无办结时间，按首次显示已办结的一期计` : "",
  ];
  const single = dates.length < 3;
  const columns = options.columns ?? 4;
  return {
    ...frame(options, withPrefecture(options, "各县（市、区）整改办结进度"), notes),
    data: { values },
    facet: { field: "panel", type: "nominal", sort: panels, title: null, header: { labelFontSize: 12, labelPadding: 4 } },
    columns,
    spacing: { row: 14, column: 10 },
    spec: {
      width: options.width ?? 112,
      height: options.height ?? 80,
      mark: { type: "line", interpolate: "step-after", point: single ? { filled: true, size: 30 } : false },
      encoding: {
        x: {
          field: "date",
          type: "temporal",
          timeUnit: "utcyearmonthdate",
          title: null,
          axis: { format: "%-m月", tickCount: { interval: "month", step: 1 }, labelOverlap: true, grid: false, labelFontSize: 10 },
        },
        y: {
          field: "rate",
          type: "quantitative",
          title: null,
          // a little headroom: a line at 100% stays inside the panel, so every panel's title sits
          // at the same height
          scale: { domain: [0, 1.04], nice: false },
          axis: { format: ".0%", values: [0, 0.5, 1], labelFontSize: 10 },
        },
        color: {
          field: "series",
          type: "nominal",
          title: null,
          sort: SERIES,
          scale: { domain: SERIES, range: [STATUS_COLORS.已办结, STATUS_COLORS.阶段性办结, "#9a9a9a"] },
          legend: { orient: "top", direction: "horizontal", symbolType: "stroke", symbolStrokeWidth: 2 },
        },
        strokeDash: {
          field: "series",
          type: "nominal",
          title: null,
          sort: SERIES,
          scale: { domain: SERIES, range: [[1, 0], [5, 3], [1, 0]] },
          legend: { orient: "top", direction: "horizontal", symbolType: "stroke", symbolStrokeWidth: 2 },
        },
        strokeWidth: {
          field: "series",
          type: "nominal",
          title: null,
          sort: SERIES,
          scale: { domain: SERIES, range: [2.2, 1.6, 1] },
          legend: { orient: "top", direction: "horizontal", symbolType: "stroke", symbolStrokeWidth: 2 },
        },
      },
    },
  };
}
