/**
 * 督察重点 × 污染类型: a heat table of complaints having both. Browser-safe.
 */
import type { TopLevelSpec } from "vega-lite";
import type { CountTable } from "../analyze/count.js";
import { POLLUTION_TYPES } from "../model/vocabulary.js";
import { type ChartOptions, frame } from "./options.js";
import { COUNT_SCHEME, MIN_FONT_PX, TEXT_ON_DARK, TEXT_ON_LIGHT } from "./theme.js";
import { MISSING, NO_THEME } from "../text/format.js";

/** 督察重点 × 污染类型: a heatmap of complaints having both (multi-label: each pair counts). */
export function themeByTypeSpec(table: CountTable<"theme" | "type">, options: ChartOptions = {}): TopLevelSpec {
  const themes = table.keys.theme;
  const types = POLLUTION_TYPES.filter((t) => table.keys.type.includes(t)) as string[];
  if (table.keys.type.includes(MISSING)) types.push(MISSING);
  const cells = new Map(table.rows.map((r) => [`${r.theme}\u0000${r.type}`, r.count]));
  const name = (t: string) => (t === NO_THEME ? "未涉及督察重点" : (table.labels[t] ?? t));
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
