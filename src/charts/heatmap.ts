import type { TopLevelSpec } from "vega-lite";
import type { CountTable } from "../analyze/index.js";
import { type ChartOptions, frame, withPrefecture } from "./options.js";
import { COUNT_SCHEME, MIN_FONT_PX, MISSING_COLOR, TEXT_ON_DARK, TEXT_ON_LIGHT } from "./theme.js";
import { MISSING, UNRESOLVED } from "../text/format.js";

/** The note on how 污染类型 was obtained, from a table's `typeSource`. */
export function typeSourceNote(t: { typeSource: { official: number; predicted: number; none: number } }): string {
  const { official, predicted, none } = t.typeSource;
  if (!predicted && !none) return "污染类型取自原表";
  if (!official && !none) return "污染类型为自动分类结果";
  return `污染类型：原表 ${official} 件，自动分类 ${predicted} 件${none ? `，缺失 ${none} 件` : ""}`;
}

/**
 * Pollution type × county heatmap: one cell per county and type, shaded by the count and
 * labelled with it. Takes `countBy(cases, ["county", "type"])`. A complaint with several types
 * counts once under each. The （未识别） county and the （未填） type come last, in grey.
 */
export function typeByCountySpec(table: CountTable<"county" | "type">, options: ChartOptions = {}): TopLevelSpec {
  const counties = table.keys.county;
  const types = table.keys.type.filter((t) => t !== MISSING || table.rows.some((r) => r.type === MISSING));
  const cells = new Map(table.rows.map((r) => [`${r.county}\u0000${r.type}`, r.count]));
  const name = (c: string) => table.labels[c] ?? c;
  const values = counties.flatMap((c) =>
    types.map((t) => ({ county: c, name: name(c), type: t, count: cells.get(`${c}\u0000${t}`) ?? 0, missing: c === UNRESOLVED || t === MISSING })),
  );
  const max = Math.max(1, ...values.filter((v) => !v.missing).map((v) => v.count));
  const withDark = values.map((v) => ({ ...v, label: v.count ? String(v.count) : "", dark: !v.missing && v.count > max * 0.55 }));
  const cell = 34;
  return {
    ...frame(options, withPrefecture(options, "各县（市、区）信访件污染类型分布"), ["单位：件；一件涉及多类时每类各计一次", typeSourceNote(table)]),
    width: options.width ?? { step: Math.max(cell, Math.min(56, Math.floor(440 / Math.max(1, types.length)))) },
    height: options.height ?? { step: 24 },
    data: { values: withDark },
    encoding: {
      x: { field: "type", type: "nominal", sort: types, title: null, axis: { orient: "top", labelAngle: 0, ticks: false, domain: false, labelFontSize: 12 } },
      y: { field: "name", type: "nominal", sort: counties.map(name), title: null, axis: { ticks: false, domain: false, labelPadding: 6 } },
    },
    layer: [
      {
        mark: { type: "rect", stroke: "#ffffff", strokeWidth: 1.5 },
        encoding: {
          color: {
            condition: [
              { test: "datum.count === 0", value: "#f6f6f6" },
              { test: "datum.missing", value: MISSING_COLOR },
            ],
            field: "count",
            type: "quantitative",
            title: "件数",
            scale: { scheme: COUNT_SCHEME, domain: [0, max] },
            legend: { orient: "right", gradientLength: 140, format: "d", tickMinStep: 1 },
          },
        },
      },
      {
        mark: { type: "text", fontSize: MIN_FONT_PX },
        encoding: { text: { field: "label" }, color: { condition: { test: "datum.dark", value: TEXT_ON_DARK }, value: TEXT_ON_LIGHT } },
      },
    ],
  };
}
