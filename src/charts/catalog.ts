/**
 * The named charts of `ducha chart` and of the report: from complaints (classified, snapshots
 * allowed) to a vega-lite spec. Node only (county boundaries are read from disk).
 */
import type { TopLevelSpec } from "vega-lite";
// the files behind src/analyze/index.ts: the face also loads danfojs, which charts do not need
import type { CountTable, CountyRank, Dimension, ProgressResult, RepeatGroup } from "../analyze/index.js";
import { countBy } from "../analyze/count.js";
import { toColumns } from "../analyze/columns.js";
import { countyRanking, withZeroCounties } from "../analyze/hotspots.js";
import type { AnalyzableComplaint } from "../analyze/keys.js";
import { type PopulationTable, populationTable } from "../analyze/population.js";
import { closureProgress } from "../analyze/progress.js";
import { repeats } from "../analyze/repeats.js";
import { type SnapshotOptions, latest, snapshotDates } from "../analyze/snapshots.js";
import { countyBoundaries } from "../geo/boundaries.js";
import { countiesOf, divisions } from "../geo/divisions.js";
import { redact } from "../text/redact.js";
import { typeByCountySpec } from "./heatmap.js";
import { countyHotspotsSpec } from "./hotspots.js";
import { countyMapSpec } from "./map.js";
import type { ChartOptions } from "./options.js";
import { progressSpec } from "./progress.js";
import { repeatsSpec } from "./repeats.js";
import { statusSpec } from "./status.js";
import { themesSpec } from "./themes.js";
import { type TrendUnit, trendSpec } from "./trend.js";
import { typesSpec } from "./types.js";
import { verificationSpec } from "./verification.js";

export type ChartName =
  | "county-hotspots"
  | "county-map"
  | "type-by-county"
  | "types"
  | "trend"
  | "progress"
  | "status"
  | "verification"
  | "themes"
  | "repeats";

export interface ChartDefinition {
  name: ChartName;
  /** short Chinese name, e.g. "县区热点" */
  title: string;
  /** what it shows, one line in Chinese */
  description: string;
}

/** Every chart, in the order of the report. */
export const CHARTS: readonly ChartDefinition[] = [
  { name: "county-hotspots", title: "县区热点", description: "各县（市、区）信访件数量排名，横向条形图，标注件数和占比" },
  { name: "county-map", title: "县区分布图", description: "信访件数量分级设色地图（按县、市、区），标注县名和件数；可画湖南任一市州" },
  { name: "type-by-county", title: "县区×污染类型", description: "各县（市、区）各污染类型件数的热力表" },
  { name: "types", title: "污染类型构成", description: "各污染类型件数及占比，每类固定颜色" },
  { name: "trend", title: "交办趋势", description: "每日（或每批次）交办件数，按污染类型堆叠，折线为信访件数" },
  { name: "progress", title: "整改进度", description: "各县（市、区）办结率随时间的变化（小图）；需要多期办理情况表或办结时间，只有一期时画办理情况" },
  { name: "status", title: "办理情况", description: "各县（市、区）已办结、阶段性办结、正在办理的比例和办结率（最新一期）" },
  { name: "verification", title: "是否属实", description: "各县（市、区）属实、基本属实、部分属实、不属实的比例和属实率" },
  { name: "themes", title: "督察重点", description: "信访件涉及的督察重点（自动分类）件数" },
  { name: "repeats", title: "重复举报", description: "重复举报的主要对象：每组件数、批次和办理状态" },
];

export const CHART_NAMES: readonly ChartName[] = CHARTS.map((c) => c.name);

export const isChartName = (name: string): name is ChartName => (CHART_NAMES as readonly string[]).includes(name);

/** A chart cannot be drawn from these data (no Hunan county to map, no repeat groups…). */
export class ChartDataError extends Error {
  override name = "ChartDataError";
}

export interface ChartDataOptions extends SnapshotOptions {
  /** population for per-capita figures; default the bundled table (`populationTable()`) */
  population?: PopulationTable;
}

const UNRESOLVED = "（未识别）";

/** A repeat group fit to publish: every piece of complaint text redacted. */
export function redactGroup(g: RepeatGroup): RepeatGroup {
  return {
    ...g,
    members: g.members.map((m) => ({ ...m, excerpt: redact(m.excerpt), ...(m.target ? { target: redact(m.target) } : {}) })),
    links: g.links.map((l) => (l.kind === "target" ? { ...l, target: redact(l.target) } : { ...l, shared: l.shared.map(redact) })),
    reason: redact(g.reason),
  };
}

/**
 * The analyses the charts draw on, computed once and on first use: one record per case (the
 * latest snapshot) for counts, every record for progress.
 */
export class ChartData {
  /** one record per case (受理编号), its latest snapshot */
  readonly cases: AnalyzableComplaint[];
  readonly #memo = new Map<string, unknown>();

  constructor(
    /** all records read, snapshots included */
    readonly records: readonly AnalyzableComplaint[],
    readonly options: ChartDataOptions = {},
  ) {
    this.cases = latest(records, options);
  }

  #get<T>(key: string, make: () => T): T {
    if (!this.#memo.has(key)) this.#memo.set(key, make());
    return this.#memo.get(key) as T;
  }

  get columns() {
    return this.#get("columns", () => toColumns(this.cases));
  }

  /**
   * The prefectures the cases belong to, most cases first (county codes' prefecture), and the
   * one most cases belong to.
   */
  get prefectures(): { code: string; name: string; cases: number }[] {
    return this.#get("prefectures", () => {
      const m = new Map<string, { code: string; name: string; cases: number }>();
      for (const c of this.cases) {
        const code = c.area.prefectureCode;
        if (!code) continue;
        const p = m.get(code) ?? { code, name: c.area.prefecture ?? divisions().prefectureByCode.get(code)?.name ?? code, cases: 0 };
        p.cases++;
        m.set(code, p);
      }
      return [...m.values()].sort((a, b) => b.cases - a.cases || (a.code < b.code ? -1 : 1));
    });
  }

  /** The prefecture of (nearly) all cases, when there is one: 95% of the cases with a county. */
  get prefecture(): { code: string; name: string } | undefined {
    const list = this.prefectures;
    const total = list.reduce((s, p) => s + p.cases, 0);
    const first = list[0];
    return first && first.cases >= total * 0.95 ? { code: first.code, name: first.name } : undefined;
  }

  /** Counties ranked by cases; with one prefecture, its counties without a case appear with 0. */
  get ranking(): CountyRank[] {
    return this.#get("ranking", () => {
      const population = this.options.population ?? populationTable();
      const ranks = countyRanking(this.columns, population);
      const pref = this.prefecture;
      if (!pref) return ranks;
      return withZeroCounties(ranks, countiesOf(pref.code).map((c) => ({ ...c, ...population.get(c.code) })));
    });
  }

  /** The date of the latest state among the cases (截至 date, else the latest 交办 date). */
  get asOf(): string | undefined {
    return this.#get("asOf", () => snapshotDates(this.cases, this.options).reduce<string | undefined>((m, d) => (d && (!m || d > m) ? d : m), undefined));
  }

  get progress(): ProgressResult {
    return this.#get("progress", () => closureProgress(this.records, this.options));
  }

  /** Repeat complaint groups, redacted (segmenting the texts takes about a second). */
  get repeats(): RepeatGroup[] {
    return this.#get("repeats", () => repeats(this.cases).groups.map(redactGroup));
  }

  /** The counties to map: the prefecture's, or those of every Hunan prefecture with cases. */
  get boundaries() {
    return this.#get("boundaries", () => {
      const pref = this.prefecture;
      const hunan = this.prefectures.filter((p) => p.code.startsWith("43"));
      if (!hunan.length) throw new ChartDataError("县区地图目前只有湖南省的县界：这些信访件没有可识别的湖南县区（county map: Hunan only）");
      const codes = pref ? [pref.code] : hunan.map((p) => p.code);
      const all = countyBoundaries();
      return { ...all, features: all.features.filter((f) => codes.includes(f.properties.prefectureCode)) };
    });
  }
}

export interface ChartSpecOptions extends ChartOptions {
  /** trend: by 交办 date (default) or 批次 */
  unit?: TrendUnit;
  /** repeats: the largest groups shown (default 15) */
  limit?: number;
}

const MISSING = "（未填）";

/** A table whose only key of `dim` is （未填）: the input has no such column. */
function nothingIn<D extends Dimension>(table: CountTable<D>, dim: D, what: string): CountTable<D> {
  if (!table.rows.some((r) => (r as Record<string, string>)[dim] !== MISSING)) throw new ChartDataError(`${what}（nothing to draw）`);
  return table;
}

function statusChart(data: ChartData, o: ChartSpecOptions): TopLevelSpec {
  const t = nothingIn(countBy(data.columns, ["county", "status"]), "status", "表中没有“是否办结”（办理状态）");
  return statusSpec(t, { ...o, ...(data.asOf ? { asOf: data.asOf } : {}) });
}

/** The vega-lite spec of a named chart. The prefecture's name prefixes titles by default. */
export function chartSpec(name: ChartName, data: ChartData, options: ChartSpecOptions = {}): TopLevelSpec {
  const pref = data.prefecture;
  const o: ChartSpecOptions = { ...(pref ? { prefecture: pref.name } : {}), ...options };
  switch (name) {
    case "county-hotspots":
      return countyHotspotsSpec(data.ranking, o);
    case "county-map":
      return countyMapSpec(data.ranking, data.boundaries, o);
    case "type-by-county":
      return typeByCountySpec(nothingIn(countBy(data.columns, ["county", "type"]), "type", "没有污染类型"), o);
    case "types":
      return typesSpec(nothingIn(countBy(data.columns, ["type"]), "type", "没有污染类型"), o);
    case "trend": {
      const unit = o.unit ?? "date";
      const totals = nothingIn(countBy(data.columns, [unit]), unit, unit === "date" ? "表中没有交办时间" : "表中没有批次");
      return trendSpec(countBy(data.columns, [unit, "type"]), totals, o);
    }
    case "progress":
      // one state only: a curve would be a dot per county; the state itself says more
      if (data.progress.dates.length < 2) return statusChart(data, { ...o, title: o.title ?? `${o.prefecture ?? ""}各县（市、区）整改办结情况` });
      return progressSpec(data.progress, o);
    case "status":
      return statusChart(data, o);
    case "verification":
      return verificationSpec(nothingIn(countBy(data.columns, ["county", "verification"]), "verification", "表中没有“是否属实”"), o);
    case "themes":
      return themesSpec(nothingIn(countBy(data.columns, ["theme"]), "theme", "没有信访件涉及督察重点（需要自动分类）"), o);
    case "repeats":
      if (!data.repeats.length) throw new ChartDataError("没有发现重复举报（no repeat complaints found）");
      return repeatsSpec(data.repeats, o);
  }
}
