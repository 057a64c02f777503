import type { TopLevelSpec } from "vega-lite";
import { CHART_CONFIG, MIN_FONT_PX, SYNTHETIC_NOTE } from "./theme.js";

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
 * The title block: the title, the chart's note (or the user's subtitle), notes on their own
 * line (`ownLines`, e.g. the base map's source), the 模拟数据 note.
 * `title: ""` leaves the title out (a report captions its figures itself) and writes the notes
 * in its place, so the 模拟数据 note stays on the image.
 */
export function titleOf(options: ChartOptions, defaultTitle: string, notes: readonly string[] = [], ownLines: readonly string[] = []): Title | undefined {
  const lines = [...(options.subtitle !== undefined ? [options.subtitle] : noteLines(notes.filter(Boolean))), ...ownLines].filter(Boolean);
  if (options.synthetic) lines.push(`【${SYNTHETIC_NOTE}】`);
  if (options.title === "") {
    return lines.length ? { text: lines, fontSize: MIN_FONT_PX, fontWeight: "normal", color: "#333333", lineHeight: 16, aria: false } : undefined;
  }
  // aria: false hides vega's English "Title text '…'" caption (the spec's description says it in Chinese)
  return { text: options.title ?? defaultTitle, ...(lines.length ? { subtitle: lines } : {}), aria: false };
}

/** A note line's longest width in ems of the note font: about 480 px, so notes never widen a chart past the A4 text width. */
const NOTE_EMS = 40;
const ems = (text: string) => [...text].reduce((s, ch) => s + (ch.charCodeAt(0) > 0x2e80 ? 1 : 0.55), 0);

/** Notes joined with "；" into lines of at most {@link NOTE_EMS} (a longer note keeps its own line). */
function noteLines(notes: readonly string[]): string[] {
  const lines: string[] = [];
  for (const n of notes) {
    const last = lines.at(-1);
    if (last !== undefined && ems(last) + 1 + ems(n) <= NOTE_EMS) lines[lines.length - 1] = `${last}；${n}`;
    else lines.push(n);
  }
  return lines;
}

/**
 * The fields every spec starts with: schema, config, title, and the chart's description for
 * screen readers, in Chinese (“图表：” and the title and notes): vega puts it on the chart's
 * container as its aria-label, and CHART_CONFIG's `aria: false` keeps vega's English captions
 * (“X-axis titled …”, “bar mark”) out of the accessibility tree.
 */
export function frame(options: ChartOptions, defaultTitle: string, notes: readonly string[] = [], ownLines: readonly string[] = []) {
  const title = titleOf(options, defaultTitle, notes, ownLines);
  return { $schema: SCHEMA, config: CHART_CONFIG, ...(title ? { title } : {}), description: describeChart(options.title || defaultTitle, title) };
}

/** "图表：信访件污染类型构成。括号内为…；【模拟数据，非真实信访件】": the name, then the lines under it. */
function describeChart(name: string, title: Title | undefined): string {
  const lines = (t: unknown): string[] => (typeof t === "string" ? [t] : Array.isArray(t) ? t.filter((x): x is string => typeof x === "string") : []);
  // a report's figure has no title on the image (its caption is outside): its notes are the title's text
  const notes = title?.subtitle !== undefined ? lines(title.subtitle) : title?.text !== name ? lines(title?.text) : [];
  return `图表：${name}${notes.length ? `。${notes.join("；")}` : ""}`;
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
