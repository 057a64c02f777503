/**
 * 办结用时: closed cases per duration bucket (0-7天 … 180天以上), from `timeToClose()`.
 * Browser-safe.
 */
import type { TopLevelSpec } from "vega-lite";
import type { DurationBucket } from "../analyze/time-to-close.js";
import { type ChartOptions, frame, roomyMax, withPrefecture } from "./options.js";
import { ACCENT_COLOR } from "./theme.js";

/** Options of {@link closeTimeSpec}: the median (days) and the cases whose time is an upper bound, for the note. */
export interface CloseTimeOptions extends ChartOptions {
  median?: number | null;
  upperBound?: number;
}

/** 办结用时: closed cases per duration bucket (0-7天 … 180天以上). */
export function closeTimeSpec(histogram: readonly DurationBucket[], options: CloseTimeOptions = {}): TopLevelSpec {
  const total = histogram.reduce((s, b) => s + b.count, 0);
  const values = histogram.map((b) => ({ label: b.label, count: b.count, text: b.count ? String(b.count) : "" }));
  const notes = [`已办结 ${total} 件${options.median !== undefined && options.median !== null ? `，中位数 ${options.median} 天` : ""}`];
  if (options.upperBound) notes.push(`${options.upperBound} 件无办结时间，按首次显示已办结的一期计（上限）`);
  return {
    ...frame(options, withPrefecture(options, "信访件办结用时分布"), notes),
    width: options.width ?? 420,
    height: options.height ?? 200,
    data: { values },
    encoding: {
      x: { field: "label", type: "ordinal", sort: histogram.map((b) => b.label), title: "从交办到办结", axis: { labelAngle: 0 } },
      y: {
        field: "count",
        type: "quantitative",
        title: "信访件（件）",
        scale: { domain: [0, roomyMax(Math.max(0, ...histogram.map((b) => b.count)), 0.15)] },
        axis: { tickMinStep: 1, format: "d" },
      },
    },
    layer: [
      { mark: { type: "bar", color: ACCENT_COLOR, width: { band: 0.7 } } },
      { mark: { type: "text", baseline: "bottom", dy: -3 }, encoding: { text: { field: "text" } } },
    ],
  };
}
