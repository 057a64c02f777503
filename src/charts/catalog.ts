/**
 * The data behind the named charts of `ducha chart` and of the report: {@link ChartData} computes
 * each analysis once from complaints (classified, snapshots allowed). The charts themselves are
 * records of the registry (registry.ts), re-exported here. Node only (county boundaries are read
 * from disk).
 */
// the files behind src/analyze/index.ts: the face also loads danfojs, which charts do not need
import type { CountyRank, ProgressResult, RepeatGroup } from "../analyze/index.js";
import { toColumns } from "../analyze/columns.js";
import { countyRanking, withZeroCounties } from "../analyze/hotspots.js";
import type { AnalyzableComplaint } from "../analyze/keys.js";
import { type PopulationTable, populationTable } from "../analyze/population.js";
import { closureProgress } from "../analyze/progress.js";
import { repeats } from "../analyze/repeats.js";
import { type TimeToCloseResult, timeToClose } from "../analyze/time-to-close.js";
import { type SnapshotOptions, latest, snapshotDates } from "../analyze/snapshots.js";
import { provinceCountyBoundaries } from "../geo/boundaries.js";
import { type Province, findProvince, provinceOfCode } from "../model/provinces.js";
import { countiesOf, divisions } from "../geo/divisions.js";
import { redact } from "../text/redact.js";
import { ChartDataError } from "./registry.js";

export {
  CHARTS,
  CHART_NAMES,
  CHART_NEEDS,
  CHART_REGISTRY,
  type ChartDefinition,
  type ChartName,
  type ChartNeed,
  type ChartRecord,
  ChartDataError,
  type ChartSpecOptions,
  chartRecord,
  chartSpec,
  isChartName,
  needsOf,
} from "./registry.js";

/** How the charts read the data: the state date of snapshots (see {@link SnapshotOptions}) and the population table. */
export interface ChartDataOptions extends SnapshotOptions {
  /** population for per-capita figures; default the bundled table (`populationTable()`) */
  population?: PopulationTable;
  /**
   * find repeat complaints (default true). False skips the analysis, whose segmenting and
   * comparing of texts is the longest step at a national year's volume: {@link ChartData.repeats}
   * then throws a ChartDataError, so the repeats chart is skipped and the report says so.
   */
  repeats?: boolean;
  /**
   * the inspection's province (code or name, e.g. from --context 山东省 or 370100), whose
   * counties the map draws; default the province with the most cases
   */
  province?: string;
}

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
      return withZeroCounties(
        ranks,
        countiesOf(pref.code).map((c) => ({ ...c, ...population.get(c.code) })),
      );
    });
  }

  /** The date of the latest state among the cases (截至 date, else the latest 交办 date). */
  get asOf(): string | undefined {
    return this.#get("asOf", () => snapshotDates(this.cases, this.options).reduce<string | undefined>((m, d) => (d && (!m || d > m) ? d : m), undefined));
  }

  get progress(): ProgressResult {
    return this.#get("progress", () => closureProgress(this.records, this.options));
  }

  /** Days from 交办 to 已办结 (办结时间, else the first snapshot showing the case closed). */
  get closeTimes(): TimeToCloseResult {
    return this.#get("closeTimes", () => timeToClose(this.records, this.options));
  }

  /** Repeat complaint groups, redacted (segmenting the texts takes about a second). */
  get repeats(): RepeatGroup[] {
    if (this.options.repeats === false) throw new ChartDataError("本次未做重复举报分析（--no-repeats）");
    return this.#get("repeats", () => repeats(this.cases).groups.map(redactGroup));
  }

  /**
   * The province the county map draws: the inspection's (options.province, from --context or
   * DUCHA_CONTEXT) when given, else the one with the most cases (the first by code on a tie);
   * undefined when no case has a province.
   */
  get mapProvince(): Province | undefined {
    return this.#get("mapProvince", () => {
      if (this.options.province) {
        const p = findProvince(this.options.province);
        if (!p) throw new RangeError(`no province ${this.options.province}`);
        return p;
      }
      const counts = new Map<string, number>();
      for (const c of this.cases) {
        const code = c.area.provinceCode ?? (c.area.prefectureCode ? provinceOfCode(c.area.prefectureCode)?.code : undefined);
        if (code) counts.set(code, (counts.get(code) ?? 0) + 1);
      }
      const [top] = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
      return top ? findProvince(top[0]) : undefined;
    });
  }

  /**
   * The counties to map, all of one province ({@link mapProvince}): the prefecture's when (nearly)
   * all cases are of one prefecture of it, else the whole province's. Cases elsewhere are counted
   * in the map's note.
   */
  get boundaries() {
    return this.#get("boundaries", () => {
      const province = this.mapProvince;
      if (!province) throw new ChartDataError("这些信访件没有可识别的县区，无法绘制县区地图（county map: no county resolved）");
      const pref = this.prefecture;
      const all = provinceCountyBoundaries(province.code);
      // the prefectures with cases alone were islands on a blank page (山东: 青岛, 威海, 菏泽 …),
      // with no outline of the province to place them: one prefecture, or the whole province
      if (!pref || provinceOfCode(pref.code)?.code !== province.code) return all;
      // a prefecture whose every unit the base map lacks (三沙市) has no shape to draw
      const drawn = all.features.filter((f) => f.properties.prefectureCode === pref.code);
      return { ...all, features: drawn.length ? drawn : all.features };
    });
  }
}
