/**
 * The chart registry: one record per chart (name, Chinese title and description, the caption the
 * report gives it, the data it needs and how it is built from {@link ChartData}). `ducha chart`,
 * its `--list`, the report and the docs all read this list; adding a chart is its builder, one
 * record here and a golden file (see CONTRIBUTING.md).
 *
 * Browser-safe: the records only read a `ChartData` they are given (whose class, in catalog.ts,
 * is Node-only because it reads county boundaries from disk).
 */
import type { TopLevelSpec } from "vega-lite";
import type { CountTable } from "../analyze/count.js";
import type { Dimension } from "../analyze/keys.js";
import { countBy } from "../analyze/count.js";
import type { ChartData } from "./catalog.js";
import { closeTimeSpec } from "./closetime.js";
import { typeByCountySpec } from "./heatmap.js";
import { countyHotspotsSpec } from "./hotspots.js";
import { countyMapSpec } from "./map.js";
import type { ChartOptions } from "./options.js";
import { progressSpec } from "./progress.js";
import { repeatsSpec } from "./repeats.js";
import { statusSpec } from "./status.js";
import { themeByTypeSpec } from "./themebytype.js";
import { themesSpec } from "./themes.js";
import { type TrendUnit, trendSpec } from "./trend.js";
import { typesSpec } from "./types.js";
import { verificationSpec } from "./verification.js";
import { MISSING } from "../text/format.js";

/** A chart cannot be drawn from these data (no Hunan county to map, no repeat groups…). */
export class ChartDataError extends Error {
  override name = "ChartDataError";
}

/** Options of every registry builder: the spec builders' options and the CLI's extras. */
export interface ChartSpecOptions extends ChartOptions {
  /** trend: by 交办 date (default) or 批次 */
  unit?: TrendUnit;
  /** repeats: the largest groups shown (default 15) */
  limit?: number;
}

/** What a chart reads from the input; without it the builder throws a {@link ChartDataError}. */
export type ChartNeed = "county" | "type" | "date" | "status" | "verification" | "snapshots" | "theme" | "text" | "hunan";

/** The input a {@link ChartNeed} stands for, in Chinese (column names as the tables write them). */
export const CHART_NEEDS: Readonly<Record<ChartNeed, string>> = {
  county: "行政区域（县区）",
  type: "污染类型（未填时自动分类）",
  date: "交办时间或批次",
  status: "是否办结（办理状态）",
  verification: "是否属实",
  snapshots: "多期“截至”办理情况表或办结时间",
  theme: "信访内容（自动分类督察重点）",
  text: "信访内容（找重复举报）",
  hunan: "湖南省的县区（目前只有湖南县界）",
};

/** One chart of the registry. */
export interface ChartRecord<N extends string = string> {
  /** as `ducha chart <name>` takes it, e.g. "county-map" */
  name: N;
  /** short Chinese name, e.g. "县区分布图" */
  title: string;
  /** what it shows, one line in Chinese */
  description: string;
  /** the report's caption under the figure (numbered 图N by the writers) */
  caption: (data: ChartData) => string;
  /** what it reads from the input */
  needs: readonly ChartNeed[];
  /** the spec; throws {@link ChartDataError} when the data cannot make it */
  build: (data: ChartData, options: ChartSpecOptions) => TopLevelSpec;
}

/** A table whose only key of `dim` is （未填）: the input has no such column. */
function nothingIn<D extends Dimension>(table: CountTable<D>, dim: D, what: string): CountTable<D> {
  if (!table.rows.some((r) => (r as Record<string, string>)[dim] !== MISSING)) throw new ChartDataError(`${what}（nothing to draw）`);
  return table;
}

function statusChart(data: ChartData, o: ChartSpecOptions): TopLevelSpec {
  const t = nothingIn(countBy(data.columns, ["county", "status"]), "status", "表中没有“是否办结”（办理状态）");
  return statusSpec(t, { ...o, ...(data.asOf ? { asOf: data.asOf } : {}) });
}

/**
 * The trend's default unit: the 交办 date, or the 批次 when no complaint has a date (a
 * disclosure table often has no 交办时间 column, only 第N批 in its title or sheet name).
 */
export function trendUnit(data: ChartData): TrendUnit {
  const dated = countBy(data.columns, ["date"]).rows.some((r) => r.date !== MISSING);
  if (dated) return "date";
  return countBy(data.columns, ["batch"]).rows.some((r) => r.batch !== MISSING) ? "batch" : "date";
}

/** Keeps a record's name as a literal type, so {@link ChartName} is the union of the names. */
const chart = <N extends string>(record: ChartRecord<N>): ChartRecord<N> => record;
const fixed = (caption: string) => () => caption;

/** Every chart, in the order of `ducha chart --list` (the report places its figures by section). */
export const CHART_REGISTRY = [
  chart({
    name: "county-hotspots",
    title: "县区热点",
    description: "各县（市、区）信访件数量排名，横向条形图，标注件数和占比",
    caption: fixed("各县（市、区）信访件数量"),
    needs: ["county"],
    build: (data, o) => countyHotspotsSpec(data.ranking, o),
  }),
  chart({
    name: "county-map",
    title: "县区分布图",
    description: "信访件数量分级设色地图（按县、市、区），标注县名和件数；可画湖南任一市州",
    caption: fixed("信访件分布（按县、市、区）"),
    needs: ["county", "hunan"],
    build: (data, o) => countyMapSpec(data.ranking, data.boundaries, o),
  }),
  chart({
    name: "type-by-county",
    title: "县区×污染类型",
    description: "各县（市、区）各污染类型件数的热力表",
    caption: fixed("各县（市、区）信访件污染类型分布"),
    needs: ["county", "type"],
    build: (data, o) => typeByCountySpec(nothingIn(countBy(data.columns, ["county", "type"]), "type", "没有污染类型"), o),
  }),
  chart({
    name: "types",
    title: "污染类型构成",
    description: "各污染类型件数及占比，每类固定颜色",
    caption: fixed("信访件污染类型构成"),
    needs: ["type"],
    build: (data, o) => typesSpec(nothingIn(countBy(data.columns, ["type"]), "type", "没有污染类型"), o),
  }),
  chart({
    name: "trend",
    title: "交办趋势",
    description: "每日（或每批次）交办件数，按污染类型堆叠，折线为信访件数",
    caption: (data) => (trendUnit(data) === "batch" ? "各批次交办信访件数量及污染类型" : "每日交办信访件数量及污染类型"),
    needs: ["date", "type"],
    build: (data, o) => {
      const unit = o.unit ?? trendUnit(data);
      const totals = nothingIn(
        countBy(data.columns, [unit]),
        unit,
        o.unit ? (o.unit === "date" ? "表中没有交办时间" : "表中没有批次") : "表中没有交办时间或批次",
      );
      return trendSpec(countBy(data.columns, [unit, "type"]), totals, o);
    },
  }),
  chart({
    name: "progress",
    title: "整改进度",
    description: "各县（市、区）办结率随时间的变化（小图）；需要多期办理情况表或办结时间，只有一期时画办理情况",
    caption: (data) => (data.progress.dates.length >= 2 ? "各县（市、区）整改办结进度" : "各县（市、区）整改办结情况"),
    needs: ["county", "status", "snapshots"],
    build: (data, o) =>
      // one state only: a curve would be a dot per county; the state itself says more
      data.progress.dates.length < 2
        ? statusChart(data, { ...o, title: o.title ?? `${o.prefecture ?? ""}各县（市、区）整改办结情况` })
        : progressSpec(data.progress, o),
  }),
  chart({
    name: "status",
    title: "办理情况",
    description: "各县（市、区）已办结、阶段性办结、正在办理的比例和办结率（最新一期）",
    caption: fixed("各县（市、区）办理情况"),
    needs: ["county", "status"],
    build: statusChart,
  }),
  chart({
    name: "verification",
    title: "是否属实",
    description: "各县（市、区）属实、基本属实、部分属实、不属实的比例和属实率",
    caption: fixed("信访件查实情况（是否属实）"),
    needs: ["county", "verification"],
    build: (data, o) => verificationSpec(nothingIn(countBy(data.columns, ["county", "verification"]), "verification", "表中没有“是否属实”"), o),
  }),
  chart({
    name: "close-time",
    title: "办结用时",
    description: "已办结信访件从交办到办结的天数分布，注明中位数；无办结时间时按首次显示已办结的一期计（上限）",
    caption: fixed("信访件办结用时分布"),
    needs: ["date", "status", "snapshots"],
    build: (data, o) => {
      const t = data.closeTimes;
      if (!t.summary.n) throw new ChartDataError("没有可计算办结用时的已办结信访件（需要办结时间或多期办理情况表）");
      return closeTimeSpec(t.histogram, { ...o, median: t.summary.median, upperBound: t.upperBound });
    },
  }),
  chart({
    name: "themes",
    title: "督察重点",
    description: "信访件涉及的督察重点（自动分类）件数",
    caption: fixed("信访件涉及的督察重点"),
    needs: ["theme"],
    build: (data, o) => themesSpec(nothingIn(countBy(data.columns, ["theme"]), "theme", "没有信访件涉及督察重点（需要自动分类）"), o),
  }),
  chart({
    name: "theme-by-type",
    title: "督察重点×污染类型",
    description: "同时涉及某督察重点和某污染类型的信访件数的热力表",
    caption: fixed("督察重点与污染类型"),
    needs: ["theme", "type"],
    build: (data, o) => themeByTypeSpec(nothingIn(countBy(data.columns, ["theme", "type"]), "theme", "没有信访件涉及督察重点（需要自动分类）"), o),
  }),
  chart({
    name: "repeats",
    title: "重复举报",
    description: "重复举报的主要对象：每组件数、批次和办理状态",
    caption: fixed("重复举报的主要对象"),
    needs: ["county", "text"],
    build: (data, o) => {
      if (!data.repeats.length) throw new ChartDataError("没有发现重复举报（no repeat complaints found）");
      return repeatsSpec(data.repeats, o);
    },
  }),
] as const;

/** The name of a chart of the registry, as `ducha chart <name>` takes it. */
export type ChartName = (typeof CHART_REGISTRY)[number]["name"];

/** A chart of the registry (its name typed as one of {@link ChartName}). */
export type ChartDefinition = ChartRecord<ChartName>;

/** Every chart, in the registry's order. */
export const CHARTS: readonly ChartDefinition[] = CHART_REGISTRY;

/** The names `ducha chart` accepts, in the registry's order. */
export const CHART_NAMES: readonly ChartName[] = CHARTS.map((c) => c.name);

/** Whether a string names a chart of the registry. */
export const isChartName = (name: string): name is ChartName => (CHART_NAMES as readonly string[]).includes(name);

/** The record of a chart. */
export function chartRecord(name: ChartName): ChartDefinition {
  const r = CHARTS.find((c) => c.name === name);
  if (!r) throw new Error(`no chart named ${name}`);
  return r;
}

/** What a chart needs, in Chinese: "行政区域（县区）、是否属实". */
export const needsOf = (record: ChartRecord): string => record.needs.map((n) => CHART_NEEDS[n]).join("、");

/** The vega-lite spec of a named chart. The prefecture's name prefixes titles by default. */
export function chartSpec(name: ChartName, data: ChartData, options: ChartSpecOptions = {}): TopLevelSpec {
  const pref = data.prefecture;
  return chartRecord(name).build(data, { ...(pref ? { prefecture: pref.name } : {}), ...options });
}
