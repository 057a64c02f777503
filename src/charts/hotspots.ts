import type { TopLevelSpec } from "vega-lite";
import type { CountyRank } from "../analyze/hotspots.js";
import { type ChartOptions, frame, percent, roomyMax, withPrefecture } from "./options.js";
import { ACCENT_COLOR, MISSING_COLOR } from "./theme.js";
import { UNRESOLVED } from "../text/format.js";

/**
 * County hotspots: one horizontal bar per county, most complaints on top, labelled with the
 * count and the share of all complaints; （未识别） last and grey, whatever its count. Takes `countyRanking()` rows (or `summarize().hotspots`);
 * counties to show with no complaint can be added as rows with count 0.
 */
export function countyHotspotsSpec(ranks: readonly CountyRank[], options: ChartOptions = {}): TopLevelSpec {
  // as countyRanking orders them (the charts face imports no analysis code)
  const last = (r: CountyRank) => (r.county === UNRESOLVED ? 1 : 0);
  const rows = [...ranks].sort((a, b) => last(a) - last(b) || b.count - a.count || (a.county < b.county ? -1 : 1));
  const total = rows.reduce((s, r) => s + r.count, 0);
  const values = rows.map((r) => ({
    county: r.county,
    name: r.countyName,
    count: r.count,
    label: `${r.count}（${percent(total ? r.count / total : 0)}）`,
    missing: r.county === UNRESOLVED,
  }));
  const max = Math.max(0, ...rows.map((r) => r.count));
  return {
    ...frame(options, withPrefecture(options, "各县（市、区）信访件数量"), [
      `共 ${total} 件；括号内为占比${rows.some((r) => r.county === UNRESOLVED && r.count) ? "；（未识别）为无法确定县（市、区）的信访件，灰色" : ""}`,
    ]),
    width: options.width ?? 430,
    height: options.height ?? { step: 22 },
    data: { values },
    encoding: {
      y: { field: "name", type: "nominal", sort: values.map((v) => v.name), title: null, axis: { ticks: false, domain: false, labelPadding: 6 } },
      x: {
        field: "count",
        type: "quantitative",
        title: "信访件（件）",
        scale: { domain: [0, roomyMax(max, 0.3)], nice: false },
        axis: { tickMinStep: 1, format: "d" },
      },
    },
    layer: [
      {
        mark: { type: "bar", height: { band: 0.72 } },
        encoding: { color: { condition: { test: "datum.missing", value: MISSING_COLOR }, value: ACCENT_COLOR } },
      },
      { mark: { type: "text", align: "left", baseline: "middle", dx: 4 }, encoding: { text: { field: "label" } } },
    ],
  };
}
