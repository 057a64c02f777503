/**
 * The one visual theme of ducha's charts, shared by the printed report and the dashboard:
 * a fixed colour per pollution type, status and 是否属实 colours, the CJK font stack and the
 * vega-lite `config` every spec carries.
 *
 * Browser-safe: no Node imports here or in the spec builders.
 *
 * Colours are chosen so that a greyscale print still tells them apart: within each palette the
 * lightness (CIELAB L*) steps evenly in the vocabulary's own order (大气 darkest … 其他 lightest;
 * 已办结 dark … 正在办理 light), and stacked marks are drawn in that same order with a white
 * hairline between segments, so a stack reads dark-to-light like its legend.
 */
import type { Config } from "vega-lite";
import { CASE_STATUSES, POLLUTION_TYPES, type CaseStatus, type PollutionType, VERIFICATIONS, type Verification } from "../model/vocabulary.js";

/** One colour per 污染类型, in every chart and in the dashboard. L* 25 → 84 in vocabulary order. */
export const TYPE_COLORS: Readonly<Record<PollutionType, string>> = {
  大气: "#363281", // indigo, L* 25
  水: "#004f8a", // blue, L* 33
  噪声: "#b8323f", // crimson, L* 42.5
  土壤: "#b2622f", // brown, L* 50
  固废: "#2c9f92", // teal, L* 59
  生态: "#78b35b", // green, L* 67
  辐射: "#dfb62b", // gold, L* 76
  其他: "#d1d1d1", // grey, L* 84
};

/** 办理状态 colours: closed dark, open light. */
export const STATUS_COLORS: Readonly<Record<CaseStatus, string>> = {
  已办结: "#195e34", // dark green, L* 35
  阶段性办结: "#bf8b32", // amber, L* 62
  正在办理: "#f7b9b1", // light red, L* 81
};

/** 是否属实 colours: true dark, false light. */
export const VERIFICATION_COLORS: Readonly<Record<Verification, string>> = {
  属实: "#8b0f26", // L* 30
  基本属实: "#b94a3d", // L* 47
  部分属实: "#d68b50", // L* 65
  不属实: "#a9cde0", // L* 80
};

/** A value the table does not give (（未填）, （未识别）). */
export const MISSING_COLOR = "#ececec";

/** Bars and areas that show a single quantity (counts by county, themes). */
export const ACCENT_COLOR = "#1f4e79";

/** The sequential scheme of counts (maps, heatmaps): lightness falls monotonically, so it prints. */
export const COUNT_SCHEME = "blues";

/**
 * The smallest text of a chart, in px: 9 pt when the chart is printed at its own size (1 px =
 * 0.75 pt; the annex shows a chart up to the 156 mm text width at 1:1).
 */
export const MIN_FONT_PX = 12;

/** Text on a dark cell / on a light cell. */
export const TEXT_ON_DARK = "#ffffff";
export const TEXT_ON_LIGHT = "#1a1a1a";

/**
 * The font stack of every chart: the Chinese sans-serif fonts of Linux, Windows and macOS, then
 * the generic family. Rendering to PNG needs one of them installed (see docs/charts.md).
 */
export const FONT_FAMILIES = ["Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", "PingFang SC"] as const;
/** The CSS font-family list every chart's text uses (Chinese sans-serif faces first). */
export const FONT_STACK = `${FONT_FAMILIES.map((f) => `'${f}'`).join(", ")}, sans-serif`;

/** The note every chart of synthetic data carries. */
export const SYNTHETIC_NOTE = "模拟数据，非真实信访件";

/** Domain and range of a colour scale in vocabulary order. */
export function paletteScale<K extends string>(
  order: readonly K[],
  colors: Readonly<Record<K, string>>,
  extra: readonly string[] = [],
): { domain: string[]; range: string[] } {
  return { domain: [...order, ...extra], range: [...order.map((k) => colors[k]), ...extra.map(() => MISSING_COLOR)] };
}

export const TYPE_SCALE = paletteScale(POLLUTION_TYPES, TYPE_COLORS);
export const STATUS_SCALE = (missing: string[] = []) => paletteScale(CASE_STATUSES, STATUS_COLORS, missing);
export const VERIFICATION_SCALE = (missing: string[] = []) => paletteScale(VERIFICATIONS, VERIFICATION_COLORS, missing);

/**
 * The vega-lite `config` of every spec: the CJK font stack everywhere, titles and labels sized
 * for print at A4 text width (about 600 px), light grid, no view border.
 */
export const CHART_CONFIG: Config = {
  // no vega ARIA captions: they are English (“X-axis titled …”, “bar mark”); the chart's Chinese
  // description (frame() in options.ts) labels it as a whole
  aria: false,
  font: FONT_STACK,
  background: "#ffffff",
  padding: 10,
  title: {
    font: FONT_STACK,
    fontSize: 16,
    fontWeight: "bold",
    color: "#111111",
    anchor: "start",
    offset: 12,
    subtitleFont: FONT_STACK,
    subtitleFontSize: MIN_FONT_PX,
    subtitleColor: "#333333",
    subtitlePadding: 4,
  },
  axis: {
    labelFont: FONT_STACK,
    titleFont: FONT_STACK,
    labelFontSize: MIN_FONT_PX,
    titleFontSize: MIN_FONT_PX,
    titleFontWeight: "normal",
    labelColor: "#222222",
    titleColor: "#222222",
    gridColor: "#e3e3e3",
    domainColor: "#888888",
    tickColor: "#888888",
    labelLimit: 260,
  },
  // a vertical axis's title reads horizontally above the axis, as Chinese readers expect
  axisLeft: { titleAngle: 0, titleAlign: "right", titleBaseline: "bottom", titleX: 4, titleY: -8 },
  axisQuantitative: { tickCount: 6, labelFlush: false },
  legend: {
    labelFont: FONT_STACK,
    titleFont: FONT_STACK,
    labelFontSize: MIN_FONT_PX,
    titleFontSize: MIN_FONT_PX,
    titleFontWeight: "normal",
    labelColor: "#222222",
    titleColor: "#222222",
    labelLimit: 260,
    symbolType: "square",
    offset: 16,
  },
  header: { labelFont: FONT_STACK, titleFont: FONT_STACK, labelFontSize: 12, titleFontSize: 12, labelColor: "#222222" },
  text: { font: FONT_STACK, fontSize: MIN_FONT_PX, color: TEXT_ON_LIGHT },
  view: { stroke: null },
  bar: { color: ACCENT_COLOR },
  line: { strokeWidth: 2 },
  locale: {
    number: { decimal: ".", thousands: ",", grouping: [3], currency: ["¥", ""] },
    time: {
      dateTime: "%x %A %X",
      date: "%Y年%-m月%-d日",
      time: "%H:%M:%S",
      periods: ["上午", "下午"],
      days: ["星期日", "星期一", "星期二", "星期三", "星期四", "星期五", "星期六"],
      shortDays: ["周日", "周一", "周二", "周三", "周四", "周五", "周六"],
      months: ["一月", "二月", "三月", "四月", "五月", "六月", "七月", "八月", "九月", "十月", "十一月", "十二月"],
      shortMonths: ["1月", "2月", "3月", "4月", "5月", "6月", "7月", "8月", "9月", "10月", "11月", "12月"],
    },
  },
};
