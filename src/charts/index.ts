/**
 * Charts: vega-lite spec builders for every analysis, and the one visual theme (a fixed colour
 * per pollution type, status and 是否属实 colours, a CJK font stack) they share with the
 * dashboard. Definitions of what each chart shows: docs/charts.md.
 *
 * This face is browser-safe (no Node imports). Node-only parts live behind it:
 * - `render.ts`: vega-lite -> SVG / PNG with correct Chinese text measurement (resvg)
 * - `fonts.ts`: finding a Chinese font file (DUCHA_CJK_FONT, system fonts)
 * - `catalog.ts`: the named charts of `ducha chart`, from complaints to specs
 */
export {
  ACCENT_COLOR,
  CHART_CONFIG,
  COUNT_SCHEME,
  FONT_FAMILIES,
  FONT_STACK,
  MIN_FONT_PX,
  MISSING_COLOR,
  STATUS_COLORS,
  STATUS_SCALE,
  SYNTHETIC_NOTE,
  TEXT_ON_DARK,
  TEXT_ON_LIGHT,
  TYPE_COLORS,
  TYPE_SCALE,
  VERIFICATION_COLORS,
  VERIFICATION_SCALE,
  paletteScale,
} from "./theme.js";
export { type ChartOptions, SCHEMA, titleOf } from "./options.js";
export { countyHotspotsSpec } from "./hotspots.js";
export {
  BASE_MAP_NOTE,
  type CountClasses,
  type CountyCount,
  type MapOptions,
  countClasses,
  countyMapSpec,
  labelPoint,
  outsideProvinceCount,
  provinceOfBoundaries,
} from "./map.js";
export { typeByCountySpec, typeSourceNote } from "./heatmap.js";
export { typesSpec } from "./types.js";
export { type TrendUnit, trendSpec } from "./trend.js";
export { type ProgressOptions, progressSpec } from "./progress.js";
export { verificationSpec } from "./verification.js";
export { type StatusOptions, statusSpec } from "./status.js";
export { themesSpec } from "./themes.js";
export { type RepeatsOptions, repeatTarget, repeatWhen, repeatsSpec } from "./repeats.js";
export { type CloseTimeOptions, closeTimeSpec } from "./closetime.js";
export { themeByTypeSpec } from "./themebytype.js";
