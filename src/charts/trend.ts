import type { TopLevelSpec } from "vega-lite";
import type { CountTable } from "../analyze/index.js";
import { POLLUTION_TYPES } from "../model/vocabulary.js";
import { typeSourceNote } from "./heatmap.js";
import { type ChartOptions, frame, roomyMax, withPrefecture } from "./options.js";
import { MIN_FONT_PX, TEXT_ON_DARK, TEXT_ON_LIGHT, TYPE_SCALE } from "./theme.js";
import { MISSING } from "../text/format.js";

/** The character that names a type inside a bar segment (大气 -> 气: 大 says nothing). */
const INITIAL: Readonly<Record<string, string>> = { 大气: "气", 水: "水", 噪声: "噪", 土壤: "土", 固废: "固", 生态: "生", 辐射: "辐", 其他: "其" };
/** types drawn dark (CIELAB L* below 55): their initials are written in white */
const DARK = new Set(["大气", "水", "噪声", "土壤"]);

const DAY = 86_400_000;

/** Every ISO day from the first to the last of `dates`, or undefined for a span over 92 days. */
function dayRange(dates: readonly string[]): string[] | undefined {
  if (!dates.length) return [];
  const sorted = [...dates].sort();
  const first = Date.parse(`${sorted[0]}T00:00:00Z`);
  const last = Date.parse(`${sorted[sorted.length - 1]}T00:00:00Z`);
  if (!(last >= first) || (last - first) / DAY > 92) return undefined;
  const out: string[] = [];
  for (let t = first; t <= last; t += DAY) out.push(new Date(t).toISOString().slice(0, 10));
  return out;
}

/** The time unit of a trend: 交办 date or 批次. */
export type TrendUnit = "date" | "batch";

/**
 * Daily (or per-batch) trend: bars stacked by pollution type (件次: a complaint with several types
 * counts once under each) and a line with the number of complaints. Takes
 * `countBy(cases, ["date", "type"])` and `countBy(cases, ["date"])` (or "batch" for both).
 * Records without a date (batch) are left out and counted in the note.
 */
export function trendSpec<U extends TrendUnit>(byType: CountTable<U | "type">, totals: CountTable<U>, options: ChartOptions = {}): TopLevelSpec {
  const unit = totals.dimensions[0]!;
  const key = (r: object) => (r as Record<string, string>)[unit]!;
  const typeOrder = new Map<string, number>(POLLUTION_TYPES.map((t, i) => [t, i]));
  const bars = byType.rows
    .filter((r) => key(r) !== MISSING && (r as Record<string, string>).type !== MISSING)
    .map((r) => {
      const type = (r as Record<string, string>).type!;
      return { at: key(r), type, order: typeOrder.get(type) ?? 99, count: r.count };
    });
  const line = totals.rows.filter((r) => key(r) !== MISSING).map((r) => ({ at: key(r), cases: r.count }));
  const undated = totals.rows.filter((r) => key(r) === MISSING).reduce((s, r) => s + r.count, 0);
  const cases = line.reduce((s, r) => s + r.cases, 0);
  const notes = [`柱：按污染类型计的件次（一件多类各计一次）；折线：信访件数，共 ${cases} 件`, typeSourceNote(byType)];
  if (undated) notes.push(`${undated} 件无${unit === "date" ? "交办日期" : "批次"}，未计入`);
  // days as bands, every day from the first to the last (a day without complaints shows as a
  // gap); a span longer than a quarter is drawn on a time axis instead
  const days = unit === "date" ? dayRange(line.map((r) => r.at)) : undefined;
  const lineAt = new Map(line.map((r) => [r.at, r.cases]));
  const x =
    unit === "batch"
      ? {
          field: "at",
          type: "ordinal" as const,
          sort: totals.keys[unit].filter((k) => k !== MISSING),
          title: "交办批次",
          axis: { labelAngle: 0, labelOverlap: true, labelExpr: "test(regexp('^[0-9]+$'), datum.value) ? '第' + datum.value + '批' : datum.value" },
        }
      : days
        ? {
            field: "at",
            type: "ordinal" as const,
            sort: days,
            scale: { domain: days },
            title: "交办日期",
            axis: { labelAngle: 0, labelOverlap: "parity" as const, labelExpr: "utcFormat(toDate(datum.value), '%-m月%-d日')" },
          }
        : {
            field: "at",
            type: "temporal" as const,
            timeUnit: "utcyearmonthdate" as const,
            title: "交办日期",
            axis: { format: "%-m月%-d日", labelOverlap: true, labelAngle: 0 },
          };
  const present = POLLUTION_TYPES.filter((t) => bars.some((b) => b.type === t));
  const width = options.width ?? (x.type !== "temporal" && (days?.length ?? line.length) <= 12 ? { step: 40 } : 480);
  const height = options.height ?? 220;
  // each segment tall and wide enough carries its type's initial, so a greyscale print still
  // tells the types apart (the stack is in legend order, dark at the bottom)
  const stacks = new Map<string, number>();
  const initials: { at: string; mid: number; count: number; text: string; dark: boolean }[] = [];
  for (const b of [...bars].sort((a, c) => a.order - c.order)) {
    const y0 = stacks.get(b.at) ?? 0;
    stacks.set(b.at, y0 + b.count);
    initials.push({ at: b.at, mid: y0 + b.count / 2, count: b.count, text: INITIAL[b.type] ?? b.type.slice(0, 1), dark: DARK.has(b.type) });
  }
  const yMax = roomyMax(Math.max(0, ...stacks.values(), ...line.map((r) => r.cases)), 0.08);
  const bands = x.type === "temporal" ? 0 : (days?.length ?? line.length);
  const bandPx = typeof width === "number" ? width / Math.max(1, bands) : width.step;
  const labelled = bands > 0 && bandPx * 0.85 >= MIN_FONT_PX + 2 ? initials.filter((l) => (l.count / yMax) * height >= MIN_FONT_PX + 2) : [];
  if (labelled.length) notes.push("柱内字为污染类型简称（气＝大气）");
  return {
    ...frame(options, withPrefecture(options, unit === "date" ? "每日交办信访件数量及污染类型" : "各批次交办信访件数量及污染类型"), notes),
    // a few days or batches: bars of a sensible width, not stretched across the page
    width,
    height,
    resolve: { scale: { color: "independent", stroke: "independent" } },
    layer: [
      {
        data: { values: bars },
        mark: { type: "bar", stroke: "#ffffff", strokeWidth: 0.5 },
        encoding: {
          x,
          y: { field: "count", type: "quantitative", aggregate: "sum", title: "件次", scale: { domain: [0, yMax] }, axis: { tickMinStep: 1, format: "d" } },
          color: {
            field: "type",
            type: "nominal",
            title: null,
            scale: { domain: TYPE_SCALE.domain, range: TYPE_SCALE.range },
            legend: { orient: "top", direction: "horizontal", values: present, columns: present.length, symbolStrokeWidth: 0, offset: 28 },
          },
          order: { field: "order", type: "quantitative" },
        },
      },
      ...(labelled.length
        ? [
            {
              data: { values: labelled.map(({ at, mid, text, dark }) => ({ at, mid, text, dark })) },
              mark: { type: "text" as const, fontSize: MIN_FONT_PX, baseline: "middle" as const },
              encoding: {
                x,
                y: { field: "mid", type: "quantitative" as const },
                text: { field: "text" },
                color: { condition: { test: "datum.dark", value: TEXT_ON_DARK }, value: TEXT_ON_LIGHT },
              },
            },
          ]
        : []),
      {
        // every day of the axis, so an empty day falls to zero instead of being skipped
        data: { values: days ? days.map((d) => ({ at: d, cases: lineAt.get(d) ?? 0 })) : line },
        mark: { type: "line", color: "#111111", strokeWidth: 1.5, point: { filled: true, size: 22, color: "#111111" } },
        encoding: {
          x: x.type === "temporal" ? { ...x, bandPosition: 0.5 } : x,
          y: { field: "cases", type: "quantitative" },
          stroke: {
            datum: "信访件数",
            type: "nominal",
            scale: { range: ["#111111"] },
            legend: { orient: "top", title: null, symbolType: "stroke", offset: 28 },
          },
        },
      },
    ],
  };
}
