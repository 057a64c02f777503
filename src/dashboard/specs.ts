/**
 * The dashboard's two charts that src/charts does not have (yet): the 办结用时 distribution and
 * 督察重点 × 污染类型. Same frame, theme and palette as src/charts.
 * Browser-safe.
 */
import type { TopLevelSpec } from "vega-lite";
import type { CountTable } from "../analyze/count.js";
import type { DurationBucket } from "../analyze/time-to-close.js";
import { type ChartOptions, frame, roomyMax, withPrefecture } from "../charts/options.js";
import { ACCENT_COLOR, COUNT_SCHEME, TEXT_ON_DARK, TEXT_ON_LIGHT } from "../charts/theme.js";
import { POLLUTION_TYPES } from "../model/vocabulary.js";

const MISSING = "（未填）";

/** 办结用时: closed cases per duration bucket (0-7天 … 180天以上). */
export function closeTimeSpec(histogram: readonly DurationBucket[], options: ChartOptions & { median?: number | null; upperBound?: number } = {}): TopLevelSpec {
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
      y: { field: "count", type: "quantitative", title: "信访件（件）", scale: { domain: [0, roomyMax(Math.max(0, ...histogram.map((b) => b.count)), 0.15)] }, axis: { tickMinStep: 1, format: "d" } },
    },
    layer: [
      { mark: { type: "bar", color: ACCENT_COLOR, width: { band: 0.7 } } },
      { mark: { type: "text", baseline: "bottom", dy: -3 }, encoding: { text: { field: "text" } } },
    ],
  };
}

/** 督察重点 × 污染类型: a heatmap of complaints having both (multi-label: each pair counts). */
export function themeByTypeSpec(table: CountTable<"theme" | "type">, options: ChartOptions = {}): TopLevelSpec {
  const themes = table.keys.theme;
  const types = POLLUTION_TYPES.filter((t) => table.keys.type.includes(t)) as string[];
  if (table.keys.type.includes(MISSING)) types.push(MISSING);
  const cells = new Map(table.rows.map((r) => [`${r.theme}\u0000${r.type}`, r.count]));
  const name = (t: string) => (t === MISSING ? "未涉及督察重点" : table.labels[t] ?? t);
  const values = themes.flatMap((th) => types.map((ty) => ({ theme: name(th), type: ty, count: cells.get(`${th}\u0000${ty}`) ?? 0 })));
  const max = Math.max(1, ...values.map((v) => v.count));
  return {
    ...frame(options, "督察重点与污染类型", ["单位：件；一件涉及多个重点或多类时各计一次；督察重点为自动分类"]),
    width: { step: 44 },
    height: { step: 26 },
    data: { values: values.map((v) => ({ ...v, label: v.count ? String(v.count) : "", dark: v.count > max * 0.55 })) },
    encoding: {
      x: { field: "type", type: "nominal", sort: types, title: null, axis: { orient: "top", labelAngle: 0, ticks: false, domain: false, labelFontSize: 12 } },
      y: { field: "theme", type: "nominal", sort: themes.map(name), title: null, axis: { ticks: false, domain: false, labelPadding: 6 } },
    },
    layer: [
      {
        mark: { type: "rect", stroke: "#ffffff", strokeWidth: 1.5 },
        encoding: {
          color: {
            condition: { test: "datum.count === 0", value: "#f6f6f6" },
            field: "count", type: "quantitative", title: "件数", scale: { scheme: COUNT_SCHEME, domain: [0, max] },
            legend: { orient: "right", gradientLength: 140, format: "d", tickMinStep: 1 },
          },
        },
      },
      { mark: { type: "text", fontSize: 11 }, encoding: { text: { field: "label" }, color: { condition: { test: "datum.dark", value: TEXT_ON_DARK }, value: TEXT_ON_LIGHT } } },
    ],
  };
}
