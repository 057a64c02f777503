/**
 * ducha — analytics and reporting for ecological-environment protection inspection complaints.
 *
 * Three entry points:
 * - `ducha` (this one): the light core — records and official vocabularies, the analyses
 *   (counts, rates, progress, overdue, time to close, hotspots, spikes, enforcement), vega-lite
 *   chart specs and CSV text. Browser-safe: no Node module, no native addon, no DataFrame stack;
 *   it loads in a few tens of milliseconds.
 * - `ducha/node`: everything here plus reading tables (ingest), segmentation and redaction,
 *   classification, divisions and boundaries, repeat complaints, the summary, the chart catalog,
 *   SVG/PNG rendering, XLSX export and the Word/HTML/Markdown annex.
 * - `ducha/frame`: danfojs DataFrames of complaints and counts (loads danfojs and tfjs: ~1-2 s).
 *
 * Guides are in docs/; the generated API reference is docs/api.md (`npm run docs:api`).
 * @module ducha
 */

// model: records and official vocabularies
export {
  CASE_CATEGORIES,
  CASE_STATUSES,
  CATEGORY_ALIASES,
  CHANNELS,
  CHANNEL_ALIASES,
  CaseCategory,
  CaseStatus,
  Channel,
  type LabelParse,
  MULTI_VALUE_SEPARATOR,
  POLLUTION_TYPES,
  POLLUTION_TYPE_ALIASES,
  PollutionType,
  STATUS_ALIASES,
  VERIFICATIONS,
  VERIFICATION_ALIASES,
  Verification,
  channelFromCaseNo,
  normalizeLabel,
  parseCategory,
  parseChannel,
  parsePollutionTypes,
  parseStatus,
  parseVerification,
} from "./model/vocabulary.js";
export type { AreaResolution, Complaint, Reject, SourceRef, Warning } from "./model/complaint.js";
export { PROVINCES, type Province, findProvince, provinceOfCode } from "./model/provinces.js";
export {
  type Classification,
  type ClassifiedComplaint,
  type KeyCaseReason,
  type LabelPrediction,
  SUBTYPES,
  THEMES,
  THEME_NAMES,
  SEVERAL_TYPES_REVIEW,
  Theme,
  effectiveTypes,
  typeReview,
} from "./model/classification.js";

// analyze: counts and cross-tabs, rates, snapshots, progress, overdue, time to close, hotspots, spikes, enforcement
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
  parseDimensions,
  qualifiedCountyName,
} from "./analyze/keys.js";
export { type ComplaintColumns, type TypeSource, type TypeSourceCounts, missingReason, tableColumnsOf, toColumns } from "./analyze/columns.js";
export type { Field } from "./ingest/columns.js";
export { type CountRow, type CountTable, type Input, countBy, countMap } from "./analyze/count.js";
export { type Grid, toGrid } from "./analyze/pivot.js";
export { type Rate, type Rates, formatRate, rate, rateBasis, rates, ratesBy } from "./analyze/rates.js";
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
} from "./analyze/snapshots.js";
export { type ProgressResult, type ProgressRow, closureProgress } from "./analyze/progress.js";
export { type OverdueCase, type OverdueResult, overdue } from "./analyze/overdue.js";
export { type CloseTime, type DurationBucket, type DurationSummary, type TimeToCloseResult, summarizeDurations, timeToClose } from "./analyze/time-to-close.js";
export { type CountyRank, compareRanks, countyRanking, withZeroCounties } from "./analyze/hotspots.js";
export { type Spike, type SpikeOptions, type SpikeResult, spikes } from "./analyze/spikes.js";
export { type Enforcement, type Fine, hasAction, parseEnforcement } from "./analyze/enforcement.js";
export { type EnforcementResult, type EnforcementRow, enforcementByCounty } from "./analyze/enforcement-by-county.js";
export type { PopulationEntry, PopulationTable } from "./analyze/population.js";
export type { MemoryTicker, RepeatGroup, RepeatLink, RepeatMember, RepeatOptions, RepeatResult } from "./analyze/repeats.js";

// text: full-width folding, Chinese numerals, and how figures and dates are written for readers
export { type NumberReading, compact, foldFullWidth, parseChineseNumber } from "./text/normalize.js";
export { NO_DATA, NO_VALUE, formatDate, formatDateRange, formatInteger, formatMonthDay, formatPercent, isIsoDate } from "./text/format.js";

// charts: vega-lite spec builders and the one visual theme
export { CHART_CONFIG, FONT_STACK, MIN_FONT_PX, STATUS_COLORS, SYNTHETIC_NOTE, TYPE_COLORS, VERIFICATION_COLORS } from "./charts/theme.js";
export type { ChartOptions } from "./charts/options.js";
export { countyHotspotsSpec } from "./charts/hotspots.js";
export { BASE_MAP_NOTE, type CountClasses, type CountyCount, type MapOptions, countClasses, countyMapSpec } from "./charts/map.js";
export { typeByCountySpec } from "./charts/heatmap.js";
export { typesSpec } from "./charts/types.js";
export { type TrendUnit, trendSpec } from "./charts/trend.js";
export { type ProgressOptions, progressSpec } from "./charts/progress.js";
export { verificationSpec } from "./charts/verification.js";
export { type CloseTimeOptions, closeTimeSpec } from "./charts/closetime.js";
export { themeByTypeSpec } from "./charts/themebytype.js";
export { type StatusOptions, statusSpec } from "./charts/status.js";
export { themesSpec } from "./charts/themes.js";
export { type RepeatsOptions, repeatsSpec } from "./charts/repeats.js";

// export: tables as CSV text (spreadsheet formulas neutralised)
export { type Table, neutralizeFormula, toCsv } from "./export/csv.js";
