import type { TopLevelSpec } from "vega-lite";
import type { CountTable } from "../analyze/index.js";
import { POLLUTION_TYPES } from "../model/vocabulary.js";
import { typeSourceNote } from "./heatmap.js";
import { type ChartOptions, frame, percent, roomyMax, withPrefecture } from "./options.js";
import { MISSING_COLOR, TYPE_SCALE } from "./theme.js";
import { MISSING } from "../text/format.js";

/**
 * Pollution types: one bar per 污染类型 in its fixed colour, in the official order, labelled
 * with the count and the share of complaints having it. Takes `countBy(cases, ["type"])`.
 */
export function typesSpec(table: CountTable<"type">, options: ChartOptions = {}): TopLevelSpec {
  const order = [...POLLUTION_TYPES, MISSING] as string[];
  const rows = table.rows.slice().sort((a, b) => order.indexOf(a.type) - order.indexOf(b.type));
  const values = rows.map((r) => ({ type: r.type, count: r.count, label: `${r.count}（${percent(table.records ? r.count / table.records : 0)}）` }));
  const max = Math.max(0, ...rows.map((r) => r.count));
  return {
    ...frame(options, withPrefecture(options, "信访件污染类型构成"), [
      `括号内为涉及该类的件数占全部 ${table.records} 件的比例；一件涉及多类时每类各计一次`,
      typeSourceNote(table),
    ]),
    width: options.width ?? 360,
    height: options.height ?? { step: 24 },
    data: { values },
    encoding: {
      y: {
        field: "type",
        type: "nominal",
        sort: values.map((v) => v.type),
        title: null,
        axis: { ticks: false, domain: false, labelPadding: 6, labelFontSize: 12 },
      },
      x: {
        field: "count",
        type: "quantitative",
        title: "信访件（件）",
        scale: { domain: [0, roomyMax(max, 0.35)], nice: false },
        axis: { tickMinStep: 1, format: "d" },
      },
    },
    layer: [
      {
        mark: { type: "bar", height: { band: 0.7 } },
        encoding: {
          color: {
            field: "type",
            type: "nominal",
            scale: { domain: [...TYPE_SCALE.domain, MISSING], range: [...TYPE_SCALE.range, MISSING_COLOR] },
            legend: null,
          },
        },
      },
      { mark: { type: "text", align: "left", baseline: "middle", dx: 4 }, encoding: { text: { field: "label" } } },
    ],
  };
}
