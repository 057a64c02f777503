import { type ComplaintColumns, type TypeSourceCounts, missingReason, toColumns } from "./columns.js";
import { countMap } from "./count.js";
import { type EnforcementResult, enforcementByCounty } from "./enforcement-by-county.js";
import { type CountyRank, countyRanking } from "./hotspots.js";
import type { AnalyzableComplaint } from "./keys.js";
import { type OverdueCase, overdue } from "./overdue.js";
import { type PopulationTable, populationTable } from "./population.js";
import { type ProgressRow, closureProgress } from "./progress.js";
import { type Rate, type Rates, rates } from "./rates.js";
import { type RepeatGroup, type RepeatOptions, repeats } from "./repeats.js";
import { type SnapshotOptions, latest } from "./snapshots.js";
import { type Spike, type SpikeOptions, spikes } from "./spikes.js";
import { type DurationBucket, type DurationSummary, timeToClose } from "./time-to-close.js";
import { processGuard } from "../util/memory.js";

/** Options of {@link summarize}: snapshot date, repeats, enforcement, population and spike settings. */
export interface SummaryOptions extends SnapshotOptions {
  /** group repeat complaints (needs the jieba segmenter); default true */
  repeats?: boolean | RepeatOptions;
  /** parse enforcement actions from the texts; default true */
  enforcement?: boolean;
  /** population for per-capita ranking; default the bundled Hunan 2020 census table (`populationTable(file)` reads a user's) */
  population?: PopulationTable | false;
  spikes?: SpikeOptions | false;
}

/** What `ducha stats --json` prints: one record per case (the latest snapshot). */
export interface StatsSummary {
  /** cases counted (one per 受理编号; several snapshots of a case count once) */
  total: number;
  /** records read (snapshots included) */
  records: number;
  /** the 截至 dates of the snapshots among the input */
  snapshots: string[];
  /** how 污染类型 was obtained, by case */
  typeSource: TypeSourceCounts;
  /** county name -> cases (aliases such as 资兴 and 资兴市 are one county) */
  byCounty: Record<string, number>;
  /** county code -> cases */
  byCountyCode: Record<string, number>;
  /** type -> cases having it (multi-label: the sum can exceed total) */
  byPollutionType: Record<string, number>;
  /** theme name -> cases (predicted; multi-label) */
  byTheme: Record<string, number>;
  byStatus: Record<string, number>;
  byVerification: Record<string, number>;
  byDate: Record<string, number>;
  byBatch: Record<string, number>;
  /** null when unknown (no 是否属实 column, or all blank): see `unknown` */
  verifiedRate: number | null;
  /** 已办结 over cases with a status; null when unknown */
  closedRate: number | null;
  closedOrPhaseRate: number | null;
  /** the rates with numerators, denominators (blanks excluded), blanks and reasons */
  rates: Rates;
  /**
   * 重点件 as the table's 案卷类别 gives them (`count`, null without the column); the rule's
   * suggestions are only suggestions (`suggested`, from the classifier; 0 when not classified).
   */
  keyCases: { count: number | null; suggested: number; reason?: string };
  /** every figure that cannot be given, with the reason: closedRate, verifiedRate, keyCases, enforcement… */
  unknown: Record<string, string>;
  hotspots: CountyRank[];
  spikes: Spike[];
  progress: { dates: string[]; overall: ProgressRow[]; byCounty: ProgressRow[]; upperBoundCases: number };
  overdue: { at: string | null; count: number; cases: OverdueCase[]; undatedDeadlines: number };
  timeToClose: { summary: DurationSummary; histogram: DurationBucket[]; exact: number; upperBound: number; open: number };
  repeats: { groups: number; records: number; repeats: number; threshold: number | null; list: RepeatGroup[] } | null;
  /** null when not asked for, or when unknown (the table has no 处理和整改情况: see `unknown.enforcement`) */
  enforcement: EnforcementResult | null;
}

/**
 * Every analysis of docs/analytics.md over a set of records (snapshots allowed): counts by each
 * dimension, rates, hotspots, spikes, progress, overdue, time to close, repeats, enforcement.
 */
export function summarize(records: readonly AnalyzableComplaint[], options: SummaryOptions = {}): StatsSummary {
  // each step below passes over every record: the process's memory guard (util/memory.ts) is
  // checked between them, and within the repeat search, the longest
  const memory = processGuard();
  const cases = latest(records, options);
  memory.check();
  // `cases` has one record per case already: { allRows } skips toColumns' search for repeats
  const cols: ComplaintColumns = toColumns(cases, { allRows: true });
  const r = rates(cols);
  memory.check();
  const progress = closureProgress(records, options);
  memory.check();
  const od = overdue(records, options);
  const ttc = timeToClose(records, options);
  memory.check();
  const rep = options.repeats === false ? null : repeats(cases, options.repeats === true ? {} : options.repeats);
  const population = options.population === false ? undefined : (options.population ?? populationTable());
  const enforcement = options.enforcement === false ? null : enforcementByCounty(cases);
  memory.check();
  const withCategory = cases.filter((c) => c.category).length;
  const keyReason = missingReason(cols, "category", withCategory);
  const keyCases = {
    count: keyReason ? null : cases.filter((c) => c.category === "重点件").length,
    suggested: cases.filter((c) => c.classification?.keyCase.suggested).length,
    ...(keyReason ? { reason: keyReason } : {}),
  };
  const unknown: Record<string, string> = {};
  for (const [name, rt] of Object.entries(r) as [string, Rate][]) if (rt.reason) unknown[name] = rt.reason;
  if (keyReason) unknown.keyCases = keyReason;
  if (enforcement?.unavailable) unknown.enforcement = enforcement.unavailable;
  return {
    total: cases.length,
    records: records.length,
    snapshots: [...new Set(records.map((x) => x.asOf).filter((x): x is string => !!x))].sort(),
    typeSource: { ...cols.typeSourceCounts },
    byCounty: countMap(cols, "county", { labels: true }),
    byCountyCode: countMap(cols, "county"),
    byPollutionType: countMap(cols, "type"),
    byTheme: countMap(cols, "theme", { labels: true }),
    byStatus: countMap(cols, "status"),
    byVerification: countMap(cols, "verification"),
    byDate: countMap(cols, "date"),
    byBatch: countMap(cols, "batch"),
    verifiedRate: r.verifiedRate.value,
    closedRate: r.closedRate.value,
    closedOrPhaseRate: r.closedOrPhaseRate.value,
    rates: r,
    keyCases,
    unknown,
    hotspots: countyRanking(cols, population),
    spikes: options.spikes === false ? [] : spikes(cols, options.spikes).spikes,
    progress: { dates: progress.dates, overall: progress.overall, byCounty: progress.rows, upperBoundCases: progress.upperBoundCases },
    overdue: { at: od.at ?? null, count: od.cases.length, cases: od.cases, undatedDeadlines: od.undated },
    timeToClose: { summary: ttc.summary, histogram: ttc.histogram, exact: ttc.exact, upperBound: ttc.upperBound, open: ttc.open },
    repeats: rep ? { groups: rep.groups.length, records: rep.records, repeats: rep.repeats, threshold: rep.threshold, list: rep.groups } : null,
    enforcement: enforcement && !enforcement.unavailable ? enforcement : null,
  };
}
