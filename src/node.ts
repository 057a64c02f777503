/**
 * `ducha/node`: the core of `ducha` plus what needs Node — reading tables, segmentation and
 * redaction, classification, divisions and county boundaries, repeat complaints, the summary,
 * the chart catalog, SVG/PNG rendering, XLSX export and the Word/HTML/Markdown annex.
 *
 * Heavy parts load when first used, not on import: exceljs with the first .xlsx, vega and resvg
 * with the first chart rendered, docx with the first Word annex, jieba's dictionaries with the
 * first segmentation. DataFrames are in `ducha/frame`.
 * @module ducha/node
 */
export * from "./index.js";

// geo: divisions, county resolution, boundaries
export { type County, type Divisions, type Prefecture, type Town, countiesOf, divisions, shortName } from "./geo/divisions.js";
export {
  type AreaContext,
  type AreaResult,
  AreaResolver,
  DEFAULT_AREA_CONTEXT,
  NATIONAL_AREA_CONTEXT,
  fullCountyName,
  contextProvinceCode,
  parseAreaContext,
} from "./geo/resolve.js";
export {
  type CountyFeature,
  type CountyProperties,
  type CountyTopology,
  type HunanTopology,
  type PrefectureFeature,
  type PrefectureProperties,
  type TopoArea,
  countiesFile,
  countyBoundaries,
  hunanTopology,
  prefectureBoundaries,
  provinceCountyBoundaries,
  provincePrefectureBoundaries,
  provinceTopology,
} from "./geo/boundaries.js";

// ingest: files -> records + rejects
export {
  type FileFormat,
  type FileSummary,
  type IngestOptions,
  type IngestResult,
  type InputFile,
  IngestError,
  ingestBuffers,
  ingestFile,
  ingestFiles,
  parseBatch,
  parseDate,
} from "./ingest/index.js";
export type { DateParse } from "./ingest/dates.js";
export type { TextEncoding } from "./ingest/decode.js";
export type { SheetResult } from "./ingest/normalize.js";

// text: segmentation, redaction
export { DictionaryError, type SegmenterOptions, contentWords, keywords, loadSegmenter, segment } from "./text/segment.js";
export {
  type GateOptions,
  type PiiKind,
  type PiiMatch,
  type Redactable,
  REDACTED,
  excerpt,
  findPii,
  gate,
  isPiiColumn,
  redact,
  redactComplaint,
  redactComplaintExcept,
} from "./text/redact.js";

// classify: types, sub-types, themes, 重点件, target, with evidence
export {
  type ClassScore,
  ClassifierPool,
  type ClassifyOptions,
  type ResultChunk,
  type ResultMode,
  type Disagreement,
  type LabelledComplaint,
  type OfficialComparison,
  type Scores,
  chunkResults,
  classify,
  classifyAll,
  compareWithOfficial,
  loadCorpus,
  score,
} from "./classify/index.js";
export { DEFAULT_SCHEME, SCHEMES, type Scheme, parseScheme, schemeTypes } from "./classify/scheme.js";

// analyze (needs divisions, population figures or jieba): repeats, targets, population, the summary
export { PopulationTableError, parsePopulation, populationTable } from "./analyze/population.js";
export { repeats } from "./analyze/repeats.js";
export { normalizeTarget, siteName } from "./analyze/target.js";
export { type StatsSummary, type SummaryOptions, summarize } from "./analyze/summary.js";

// export: tables to CSV/XLSX/JSON files
export { type ExtraColumn, type ComplaintTableOptions, complaintsTable } from "./export/complaints.js";
export { type WriteTablesOptions, toXlsx, writeTables } from "./export/table.js";

// charts: the named charts of `ducha chart`, rendering to SVG/PNG
export {
  CHARTS,
  CHART_NAMES,
  CHART_NEEDS,
  CHART_REGISTRY,
  ChartData,
  type ChartDataOptions,
  ChartDataError,
  type ChartDefinition,
  type ChartName,
  type ChartNeed,
  type ChartRecord,
  type ChartSpecOptions,
  chartRecord,
  chartSpec,
  isChartName,
  needsOf,
} from "./charts/catalog.js";
export { type PngOptions, type RenderOptions, type RenderedPng, RenderError, renderPng, renderSvg } from "./charts/rendering.js";
export { type CjkFont, type FontFace, FontNotFoundError, type FontSearch, findCjkFont } from "./charts/fonts.js";

// report: the statistical annex as docx / html / md
export {
  type Align,
  type Block,
  type Fact,
  type ReportFigure,
  type ReportFormat,
  type ReportModel,
  type ReportOptions,
  type ReportTable,
  type WriteReportOptions,
  type WrittenReport,
  buildReport,
  renderFigures,
  reportFormat,
  toDocx,
  toHtml,
  toMarkdown,
  writeReport,
} from "./report/index.js";
