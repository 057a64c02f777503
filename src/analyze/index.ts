/**
 * Analytics over complaints: counts and cross-tabs, rates, rectification progress, hotspots,
 * spikes, repeat complaints, enforcement. Plain typed results first (rows with string keys);
 * `toDataFrame` / `countFrame` give danfojs DataFrames. Definitions: docs/analytics.md.
 *
 * Importing this module loads danfojs (about a second); code that needs no DataFrame can
 * import the files behind it directly.
 */
export {
  type AnalyzableComplaint,
  type Dimension,
  DIMENSIONS,
  DIMENSION_NAMES,
  MISSING,
  NO_THEME,
  UNRESOLVED,
  caseKey,
  compareCountyKeys,
  countyNamer,
  keysOf,
  parseDimensions,
  qualifiedCountyName,
} from "./keys.js";
export { type ComplaintColumns, type TypeSource, type TypeSourceCounts, missingReason, tableColumnsOf, toColumns } from "./columns.js";
export { type CountRow, type CountTable, type Input, countBy, countMap } from "./count.js";
export { type Grid, toGrid } from "./pivot.js";
export { type Rate, type Rates, formatRate, rate, rateBasis, rates, ratesBy } from "./rates.js";
export {
  type CaseOptions,
  type CaseTimeline,
  type Observation,
  type SnapshotOptions,
  casesOf,
  latest,
  snapshotDates,
  statusAt,
  timelines,
} from "./snapshots.js";
export { type ProgressCounts, type ProgressResult, type ProgressRow, closureProgress, emptyProgressCounts, gridSlot, progressRows } from "./progress.js";
export { type OverdueCase, type OverdueResult, deadlineDate, overdue } from "./overdue.js";
export {
  type CloseTime,
  type DurationBucket,
  type DurationSummary,
  type TimeToCloseResult,
  durationHistogram,
  durationsByCounty,
  summarizeDurations,
  timeToClose,
} from "./time-to-close.js";
export { type PopulationEntry, type PopulationTable, PopulationTableError, parsePopulation, populationTable } from "./population.js";
export { type CountyRank, compareRanks, countyRanking, withZeroCounties } from "./hotspots.js";
export { poissonPmf, poissonUpperTail } from "./poisson.js";
export { type Spike, type SpikeOptions, type SpikeResult, spikes } from "./spikes.js";
export { normalizeTarget, siteName } from "./target.js";
export { jaccard, minhash, shingles } from "./minhash.js";
export { type MemoryTicker, type RepeatGroup, type RepeatLink, type RepeatMember, type RepeatOptions, type RepeatResult, repeats } from "./repeats.js";
export { parseChineseNumber } from "../text/normalize.js";
export { type Enforcement, type Fine, hasAction, parseEnforcement } from "./enforcement.js";
export { type EnforcementResult, type EnforcementRow, enforcementByCounty } from "./enforcement-by-county.js";
export { type StatsSummary, type SummaryOptions, summarize } from "./summary.js";
export { type DataFrame, countFrame, toDataFrame } from "./frame.js";
