import type { TopLevelSpec } from "vega-lite";
import { CHART_CONFIG, SYNTHETIC_NOTE } from "./theme.js";

/** Options every spec builder takes. */
export interface ChartOptions {
  /** the title; each chart has a Chinese default, e.g. "郴州市各县（市、区）信访件数量" */
  title?: string;
  /** a line under the title replacing the chart's own note (what is counted, the date) */
  subtitle?: string;
  /** width of the plot area in px (defaults fit A4 text width, about 600 px in all) */
  width?: number;
  /** height of the plot area in px (bar charts default to a step per bar) */
  height?: number;
  /** the prefecture's name for default titles, e.g. "郴州市" */
  prefecture?: string;
  /** the data is 模拟数据: the subtitle says so ({@link SYNTHETIC_NOTE}) */
  synthetic?: boolean;
}

export const SCHEMA = "https://vega.github.io/schema/vega-lite/v6.json";

type Title = Exclude<TopLevelSpec["title"], string | string[] | undefined>;

/**
 * The title block: the title, the chart's note (or the user's subtitle), the 模拟数据 note.
 * `title: ""` leaves the title out (a report captions its figures itself) and writes the notes
 * in its place, so the 模拟数据 note stays on the image.
 */
export function titleOf(options: ChartOptions, defaultTitle: string, notes: readonly string[] = []): Title | undefined {
  const lines = [options.subtitle ?? notes.filter(Boolean).join("；")].filter(Boolean);
  if (options.synthetic) lines.push(`【${SYNTHETIC_NOTE}】`);
  if (options.title === "") {
    return lines.length ? { text: lines, fontSize: 11, fontWeight: "normal", color: "#555555", lineHeight: 15 } : undefined;
  }
  return { text: options.title ?? defaultTitle, ...(lines.length ? { subtitle: lines } : {}) };
}

/** The fields every spec starts with: schema, config, title. */
export function frame(options: ChartOptions, defaultTitle: string, notes: readonly string[] = []) {
  const title = titleOf(options, defaultTitle, notes);
  return { $schema: SCHEMA, config: CHART_CONFIG, ...(title ? { title } : {}) };
}

/** "郴州市" + "各县（市、区）" -> "郴州市各县（市、区）"; without a prefecture just the rest. */
export const withPrefecture = (options: ChartOptions, rest: string): string => `${options.prefecture ?? ""}${rest}`;

/** 0.1234 -> "12.3%" */
export const percent = (v: number, digits = 1): string => `${(v * 100).toFixed(digits)}%`;

/** A round upper bound for a count axis that leaves room for labels right of the bars. */
export function roomyMax(max: number, room = 0.18): number {
  const m = Math.max(1, max) * (1 + room);
  const step = m <= 10 ? 1 : m <= 50 ? 5 : m <= 200 ? 10 : m <= 1000 ? 50 : 100;
  return Math.ceil(m / step) * step;
}
