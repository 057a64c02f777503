/**
 * ducha — analytics and reporting for ecological-environment protection inspection complaints.
 * The public API, one flat list. See docs/ for guides.
 */

// model: records and official vocabularies
export * from "./model/index.js";

// geo: divisions, county resolution, boundaries
export { type County, type Prefecture, type Town, countiesOf, divisions, shortName } from "./geo/divisions.js";
export { type AreaContext, type AreaResult, AreaResolver, DEFAULT_AREA_CONTEXT, NATIONAL_AREA_CONTEXT, fullCountyName, parseAreaContext } from "./geo/resolve.js";
export { type CountyFeature, type CountyProperties, type HunanTopology, type PrefectureFeature, countyBoundaries, hunanTopology, prefectureBoundaries } from "./geo/boundaries.js";

// ingest: files -> records + rejects
export {
  type FileFormat, type FileSummary, type IngestOptions, type IngestResult, type InputFile, IngestError, ingestBuffers, ingestFile, ingestFiles,
  parseCsv, parseDate, parseBatch,
} from "./ingest/index.js";

// text: segmentation, redaction
export { DictionaryError, contentWords, isStopWord, keywords, loadSegmenter, segment, type SegmenterOptions } from "./text/segment.js";
export { REDACTED, type PiiKind, type PiiMatch, findPii, isPiiColumn, redact, redactComplaint } from "./text/redact.js";

// classify: types, sub-types, themes, 重点件, target, with evidence
export {
  type ClassifyOptions, type OfficialComparison, type Disagreement, type Scores, type LabelledComplaint,
  Classifier, ComplaintClassifier, classify, classifyAll, compareWithOfficial, loadCorpus, score, sharedClassifier,
  type Scheme, DEFAULT_SCHEME, SCHEMES, parseScheme, schemeTypes,
} from "./classify/index.js";

// analyze: counts, rates, progress, hotspots, spikes, repeats, enforcement (danfojs helpers included)
export * from "./analyze/index.js";

// export: tables to CSV/XLSX/JSON
export { type Table, neutralizeFormula, toCsv, toXlsx, writeTables } from "./export/table.js";
export { complaintsTable } from "./export/complaints.js";

// charts: vega-lite specs (browser-safe), the chart catalog, rendering to SVG/PNG in Node
export * from "./charts/index.js";
export { type ChartName, type ChartSpecOptions, CHARTS, CHART_NAMES, ChartData, ChartDataError, chartSpec, isChartName } from "./charts/catalog.js";
export { type PngOptions, type RenderOptions, type RenderedPng, RenderError, renderPng, renderSvg, toVega } from "./charts/render.js";
export { FontNotFoundError, findCjkFont } from "./charts/fonts.js";

// report: the statistical annex as docx / html / md
export * from "./report/index.js";
