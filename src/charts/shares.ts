import type { CountTable } from "../analyze/index.js";
import { percent } from "./options.js";
import { MIN_FONT_PX, TEXT_ON_DARK, TEXT_ON_LIGHT } from "./theme.js";
import { MISSING } from "../text/format.js";

/** The width of a label at {@link MIN_FONT_PX}: Chinese characters 1 em, digits and signs about 0.6. */
const textPx = (text: string) => [...text].reduce((s, ch) => s + (ch.charCodeAt(0) > 0x2e80 ? 1 : 0.6), 0) * MIN_FONT_PX;

const ALL = "全部";

/**
 * The rate written at the right of a county's bar: `hits` over the categories given (（未填）
 * left out of the denominator), "无数据" when every cell is blank.
 */
export function shareRate(label: string, hits: ReadonlySet<string>): (counts: ReadonlyMap<string, number>) => string {
  return (m) => {
    const filled = [...m].filter(([k]) => k !== MISSING).reduce((s, [, v]) => s + v, 0);
    const hit = [...m].filter(([k]) => hits.has(k)).reduce((s, [, v]) => s + v, 0);
    return filled ? `${label} ${percent(hit / filled)}` : `${label} 无数据`;
  };
}

export interface SharesLayout {
  /** the categories in stacking order (left to right), the missing key last */
  order: readonly string[];
  /** categories drawn dark: their share is written in white */
  dark: ReadonlySet<string>;
  /** the rate at the right of each bar, from the counts of one county */
  rate: (counts: ReadonlyMap<string, number>) => string;
}

/**
 * One 100% bar per county, and one for all counties on top, split by a single-valued dimension
 * (是否属实, 办理状态): the layers of a vega-lite spec, and the categories present.
 */
export function shareLayers<D extends "verification" | "status">(
  table: CountTable<"county" | D>,
  dim: D,
  layout: SharesLayout,
  scale: { domain: string[]; range: string[] },
  width: number,
) {
  const counts = new Map<string, Map<string, number>>();
  const add = (county: string, v: string, n: number) => {
    let m = counts.get(county);
    if (!m) counts.set(county, (m = new Map<string, number>()));
    m.set(v, (m.get(v) ?? 0) + n);
  };
  for (const r of table.rows) {
    const v = (r as Record<string, string>)[dim]!;
    add(r.county, v, r.count);
    add(ALL, v, r.count);
  }
  const rows = [ALL, ...table.keys.county];
  const name = (c: string) => (c === ALL ? ALL : (table.labels[c] ?? c));
  const segments: object[] = [];
  const rates: object[] = [];
  for (const c of rows) {
    const m = counts.get(c);
    if (!m) continue;
    const n = [...m.values()].reduce((s, v) => s + v, 0);
    let at = 0;
    for (const v of layout.order) {
      const k = m.get(v) ?? 0;
      if (!k) continue;
      const share = k / n;
      // a share is written when the segment is wide enough for "100%" at 12 px; on the 全部 bar
      // the category is named too where it fits, so the bars read in greyscale without the legend
      const px = share * width;
      const pct = percent(share, 0);
      const named = `${v === MISSING ? "未填" : v} ${pct}`;
      const label = c === ALL && px >= textPx(named) + 8 ? named : px >= textPx(pct) + 6 ? pct : "";
      segments.push({ name: name(c), category: v, count: k, x0: at, x1: at + share, mid: at + share / 2, label, dark: layout.dark.has(v) });
      at += share;
    }
    rates.push({ name: name(c), x: 1, label: layout.rate(m) });
  }
  const present = layout.order.filter((v) => table.rows.some((r) => (r as Record<string, string>)[dim] === v));
  const y = { field: "name", type: "nominal" as const, sort: rows.map(name), title: null, axis: { ticks: false, domain: false, labelPadding: 6 } };
  return [
    {
      data: { values: segments },
      mark: { type: "bar" as const, stroke: "#ffffff", strokeWidth: 0.8, height: { band: 0.74 } },
      encoding: {
        y,
        x: { field: "x0", type: "quantitative" as const, scale: { domain: [0, 1] }, title: null, axis: { format: ".0%", values: [0, 0.25, 0.5, 0.75, 1] } },
        x2: { field: "x1" },
        color: {
          field: "category",
          type: "nominal" as const,
          title: null,
          scale: { domain: scale.domain, range: scale.range },
          legend: { orient: "top" as const, direction: "horizontal" as const, values: present, columns: present.length },
        },
      },
    },
    {
      data: { values: segments },
      mark: { type: "text" as const, fontSize: MIN_FONT_PX },
      encoding: {
        y,
        x: { field: "mid", type: "quantitative" as const },
        text: { field: "label" },
        color: { condition: { test: "datum.dark", value: TEXT_ON_DARK }, value: TEXT_ON_LIGHT },
      },
    },
    {
      data: { values: rates },
      mark: { type: "text" as const, align: "left" as const, dx: 6, fontSize: MIN_FONT_PX },
      encoding: { y, x: { field: "x", type: "quantitative" as const }, text: { field: "label" } },
    },
  ];
}
