/**
 * What every section of the annex reads, computed once: the cases, rates, 重点件 flags,
 * enforcement totals, repeat groups, dates, and the 资料来源 lines of the tables. Also the block
 * writer the sections append to. Node only through {@link ChartData}.
 */
import { countBy } from "../analyze/count.js";
import { type EnforcementResult, enforcementByCounty } from "../analyze/enforcement-by-county.js";
import type { CountRow, CountTable } from "../analyze/count.js";
import type { AnalyzableComplaint } from "../analyze/keys.js";
import { type Rates, rates } from "../analyze/rates.js";
import type { RepeatGroup } from "../analyze/repeats.js";
import { type ChartData, ChartDataError, type ChartName, chartRecord, chartSpec } from "../charts/catalog.js";
import { MISSING, NO_THEME, UNRESOLVED, formatDate, formatDateRange, formatFine, formatInteger } from "../text/format.js";
import { redact } from "../text/redact.js";
import type { Block, ReportTable } from "./model.js";

export { MISSING, NO_THEME, UNRESOLVED };

/** Options of {@link buildReport}: title, input files and rejects for the note on method, 模拟数据, date, charts. */
export interface ReportOptions {
  /** the title; default "<市>生态环境保护督察信访件统计分析" */
  title?: string;
  /** the input files, for the note on method (names only are shown) */
  files?: readonly string[];
  /** rows that could not be read, for the note on method */
  rejected?: number;
  /** the data are 模拟数据: said under the title, on every chart and in the note */
  synthetic?: boolean;
  /** the report's date (ISO); default today */
  date?: string;
  /** the charts to include (default all that can be drawn) */
  charts?: readonly ChartName[];
  /** repeat groups listed in the table (default 15) */
  repeatLimit?: number;
  /** rows of the overdue and 重点件 lists (default 20 each) */
  listLimit?: number;
}

/** "2023-06-26" -> "2023年6月26日" (kept for callers of the report module; see text/format.ts). */
export const cnDate = (iso: string): string => formatDate(iso);
export const int = formatInteger;
/** A fine in a sentence: "16.5 万元", "5,000 元" ({@link formatFine}). */
export const wan = formatFine;

/** A redacted excerpt that says it is one: "来电反映：…的白烟带着刺鼻的味道，熏得大家……". */
export const excerptOf = (text: string): string => {
  const t = redact(text).replace(/\s+/g, " ").trim();
  return t ? `${t.replace(/[，,、；;：:]$/, "")}……` : "";
};

/**
 * A 重点件 as the table says (案卷类别): null when the table does not say. The rule's suggestion
 * is separate, and only ever shown as a suggestion.
 */
export function isKeyCase(c: AnalyzableComplaint): { key: boolean | null; suggested: boolean } {
  return { key: c.category ? c.category === "重点件" : null, suggested: Boolean(c.classification?.keyCase.suggested) };
}

/** The figures the sections share. */
export interface ReportContext {
  data: ChartData;
  options: ReportOptions;
  cases: readonly AnalyzableComplaint[];
  synthetic: boolean;
  /** the prefecture's name, or "" */
  place: string;
  first: string | undefined;
  last: string | undefined;
  batches: number;
  asOf: string | undefined;
  rates: Rates;
  statusCount: (status: string) => number;
  /** a table without 是否办结 has no 办结率 (无数据, not 0%) */
  hasStatus: boolean;
  keyFlags: { key: boolean | null; suggested: boolean }[];
  /** 重点件 only from 案卷类别: without the column there is no count, only the rule's suggestions */
  hasCategory: boolean;
  keyCount: number;
  suggestedCount: number;
  enforcement: EnforcementResult;
  groups: RepeatGroup[];
  /** the repeat analysis was not run (`--no-repeats`): groups is empty and says nothing */
  repeatsSkipped: boolean;
  inGroups: number;
  types: CountTable<"type">;
  topTypes: CountRow<"type">[];
  /** 资料来源 of a table built from the complaints (and the 截至 date of their state) */
  source: string;
}

export function reportContext(data: ChartData, options: ReportOptions): ReportContext {
  const cases = data.cases;
  const dates = cases
    .map((c) => c.date)
    .filter((d): d is string => !!d)
    .sort();
  const status = countBy(data.columns, ["status"]);
  const keyFlags = cases.map(isKeyCase);
  const repeatsSkipped = data.options.repeats === false;
  const groups = repeatsSkipped ? [] : data.repeats;
  const types = countBy(data.columns, ["type"]);
  const r = rates(data.columns);
  const snapshots = [...new Set(data.records.map((x) => x.asOf).filter((x): x is string => !!x))].sort();
  const asOf = data.asOf;
  const first = dates[0];
  const last = dates[dates.length - 1];
  return {
    data,
    options,
    cases,
    synthetic: Boolean(options.synthetic),
    place: data.prefecture?.name ?? "",
    first,
    last,
    batches: new Set(cases.map((c) => c.batch).filter((b) => b !== undefined)).size,
    asOf,
    rates: r,
    statusCount: (s) => status.rows.find((x) => x.status === s)?.count ?? 0,
    hasStatus: r.closedRate.value !== null,
    keyFlags,
    hasCategory: keyFlags.some((k) => k.key !== null),
    keyCount: keyFlags.filter((k) => k.key).length,
    suggestedCount: keyFlags.filter((k) => k.suggested).length,
    enforcement: enforcementByCounty(cases),
    groups,
    repeatsSkipped,
    inGroups: groups.reduce((s, g) => s + g.size, 0),
    types,
    topTypes: types.rows
      .filter((t) => t.type !== MISSING)
      .sort((a, b) => b.count - a.count)
      .slice(0, 3),
    source: [
      "督察组交办信访件",
      first && last ? `（交办时间${formatDateRange(first, last)}）` : "",
      snapshots.length ? `及各期办理情况表（截至${snapshots.map(formatDate).join("、")}）` : asOf ? `及办理情况（截至${formatDate(asOf)}）` : "",
      options.synthetic ? "，模拟数据" : "",
    ].join(""),
  };
}

/** The blocks of the annex in reading order, and the writers' helpers. */
export class ReportBlocks {
  readonly blocks: Block[] = [];

  constructor(private readonly ctx: ReportContext) {}

  h1(text: string): void {
    this.blocks.push({ kind: "heading", level: 1, text });
  }

  h2(text: string): void {
    this.blocks.push({ kind: "heading", level: 2, text });
  }

  para(text: string): void {
    if (text) this.blocks.push({ kind: "paragraph", text });
  }

  table(table: ReportTable): void {
    this.blocks.push({ kind: "table", table });
  }

  /**
   * A figure: the registry's chart under its registry caption; left out when it cannot be drawn or
   * was not asked for. A chart with a row per county shows at most {@link REPORT_MAX_COUNTIES}
   * counties, those with the most cases, and says so in its note: a table of 182 counties drew
   * figures a metre tall, which Word and LibreOffice cut at the page's foot.
   */
  figure(chart: ChartName, note?: string): void {
    const only = this.ctx.options.charts;
    if (only && !only.includes(chart)) return;
    try {
      // the report captions each figure: no title inside the image, the notes stay
      let spec = chartSpec(chart, this.ctx.data, { synthetic: this.ctx.synthetic, title: "" });
      const dropped = COUNTY_ROWS.has(chart) ? countiesBeyond(this.ctx.data.ranking, REPORT_MAX_COUNTIES) : null;
      if (dropped) {
        spec = withoutRows(spec, dropped.names);
        const cut = `县（市、区）较多（${formatInteger(dropped.counties)} 个），图中只列件数最多的 ${REPORT_MAX_COUNTIES} 个，其余 ${formatInteger(dropped.codes.size)} 个见“各县（市、区）信访件情况”表。`;
        note = note ? `${cut}${note}` : cut;
      }
      this.blocks.push({ kind: "figure", figure: { chart, caption: chartRecord(chart).caption(this.ctx.data), spec, ...(note ? { note } : {}) } });
    } catch (e) {
      if (!(e instanceof ChartDataError)) throw e;
    }
  }
}

/** The most counties a figure of the annex shows, one row each (a page holds about 40 rows of a bar chart). */
export const REPORT_MAX_COUNTIES = 40;

/** Figures with a row (or a cell row) per county. */
const COUNTY_ROWS: ReadonlySet<ChartName> = new Set<ChartName>(["county-hotspots", "type-by-county", "progress", "status", "verification"]);

/**
 * The counties past the first `max` by count (ties by name) — their names (as figures label rows)
 * and codes (as tables key them) — and how many counties have cases; null when all fit.
 * （未识别） is no county and always stays.
 */
export function countiesBeyond(
  ranking: readonly { county: string; countyName: string; count: number }[],
  max: number,
): { names: Set<string>; codes: Set<string>; counties: number } | null {
  const counties = ranking.filter((r) => r.county !== UNRESOLVED && r.count > 0).sort((a, b) => b.count - a.count || (a.countyName < b.countyName ? -1 : 1));
  if (counties.length <= max) return null;
  const rest = counties.slice(max);
  return { names: new Set(rest.map((r) => r.countyName)), codes: new Set(rest.map((r) => r.county)), counties: counties.length };
}

/** The spec without the data rows of the named counties (rows of inline data whose `name` is one of them). */
export function withoutRows<T>(spec: T, names: ReadonlySet<string>): T {
  const walk = (x: unknown): unknown => {
    if (Array.isArray(x)) return x.map(walk);
    if (!x || typeof x !== "object") return x;
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(x)) {
      out[k] =
        k === "values" && Array.isArray(v)
          ? v.filter((row: unknown) => !(row && typeof row === "object" && names.has((row as { name?: unknown }).name as string)))
          : walk(v);
    }
    return out;
  };
  return walk(spec) as T;
}
