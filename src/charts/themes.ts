import type { TopLevelSpec } from "vega-lite";
import type { CountTable } from "../analyze/index.js";
import { type ChartOptions, frame, percent, roomyMax } from "./options.js";
import { ACCENT_COLOR } from "./theme.js";
import { NO_THEME } from "../text/format.js";

/**
 * Theme distribution: one bar per 督察重点 theme with the number of complaints the classifier
 * gave it (a complaint can have several themes, or none) and their share of all complaints.
 * Takes `countBy(cases, ["theme"])`.
 */
export function themesSpec(table: CountTable<"theme">, options: ChartOptions = {}): TopLevelSpec {
  const none = table.rows.find((r) => r.theme === NO_THEME)?.count ?? 0;
  const rows = table.rows.filter((r) => r.theme !== NO_THEME).sort((a, b) => b.count - a.count || (a.theme < b.theme ? -1 : 1));
  const values = rows.map((r) => ({
    theme: r.theme,
    name: table.labels[r.theme] ?? r.theme,
    count: r.count,
    label: `${r.count}（${percent(table.records ? r.count / table.records : 0)}）`,
  }));
  const max = Math.max(0, ...rows.map((r) => r.count));
  return {
    ...frame(options, "信访件涉及的督察重点", [`自动分类，一件可涉及多个重点；括号内为占全部 ${table.records} 件的比例${none ? `；${none} 件未涉及` : ""}`]),
    width: options.width ?? 300,
    height: options.height ?? { step: 24 },
    data: { values },
    encoding: {
      y: { field: "name", type: "nominal", sort: values.map((v) => v.name), title: null, axis: { ticks: false, domain: false, labelPadding: 6 } },
      x: {
        field: "count",
        type: "quantitative",
        title: "信访件（件）",
        scale: { domain: [0, roomyMax(max, 0.4)], nice: false },
        axis: { tickMinStep: 1, format: "d" },
      },
    },
    layer: [
      { mark: { type: "bar", color: ACCENT_COLOR, height: { band: 0.7 } } },
      { mark: { type: "text", align: "left", baseline: "middle", dx: 4 }, encoding: { text: { field: "label" } } },
    ],
  };
}
