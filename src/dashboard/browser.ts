/**
 * What the dashboard's pages import (bundled by scripts/dashboard-build.ts into
 * notebooks/components/ducha.js): the library's browser-safe aggregations and chart specs, the
 * filters, and the dashboard's cards. vega and vega-lite are bundled in with them (one module for
 * the pages to load); the libraries the pages import themselves (Inputs, htl) stay bare imports,
 * resolved by Observable Framework from node_modules.
 */
export { countBy } from "../analyze/count.js";
export { rates, ratesBy } from "../analyze/rates.js";
export { countyRanking } from "../analyze/hotspots.js";
export { compareWithOfficial } from "../classify/qa.js";
export { agreementTable, severalTypesNote } from "./agreement.js";
export { spikes } from "../analyze/spikes.js";
export { toGrid } from "../analyze/pivot.js";
export { mapSize } from "../charts/narrow.js";
export { DIMENSION_NAMES, MISSING, NO_THEME, UNRESOLVED } from "../analyze/keys.js";
export { THEMES, THEME_NAMES } from "../model/classification.js";
export { CASE_STATUSES, POLLUTION_TYPES, VERIFICATIONS } from "../model/vocabulary.js";

export {
  TYPE_COLORS,
  STATUS_COLORS,
  VERIFICATION_COLORS,
  FONT_STACK,
  SYNTHETIC_NOTE,
  countyHotspotsSpec,
  countyMapSpec,
  typeByCountySpec,
  typeSourceNote,
  typesSpec,
  trendSpec,
  progressSpec,
  verificationSpec,
  statusSpec,
  themesSpec,
  repeatsSpec,
  repeatTarget,
  repeatWhen,
} from "../charts/index.js";
export { closeTimeSpec, themeByTypeSpec } from "../charts/index.js";

export { TEXT_CHUNKS, TextPieces, chunkOf, chunkRange, chunksFor, enforcementRows, repeatGroups } from "./model.js";
export { DashboardData, NO_FILTERS, isFiltered, subsetColumns } from "./select.js";
export { closeTimesOf, overdueOf, progressOf } from "./closure.js";
export { describeFilters, filterBar } from "./filterbar.js";
export {
  CLOSED_RATE_TARGET,
  afterCharts,
  afterFirstChart,
  banner,
  chartCard,
  emptyCard,
  headlines,
  countyOfDatum,
  keyCases,
  leagueTable,
  scopeLabel,
  selectCounty,
  selectionNote,
  tableCard,
} from "./cards.js";
export { cnDate, cnDay, el, fileName, num, pct, saveBlob } from "./dom.js";
export { formatDate, formatMonthDay, formatWan, toWan } from "../text/format.js";
export { highlighted, pieces, queryWords } from "./highlight.js";
export { xlsxBytes } from "./xlsx.js";
export { neutralizeFormula, toCsv } from "../export/csv.js";
export { newestFirst, resultsTable, resultsView, searchRows } from "./results.js";
export { reportView } from "./report.js";
