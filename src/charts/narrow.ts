/**
 * Charts on a narrow screen: a spec's title lines wrapped to a width in px, so that a phone shows
 * a chart at its own font size instead of scaling the whole image down to fit a long note line.
 * Pure (no DOM): the dashboard's chart cards call it with their card's width.
 */
import type { TopLevelSpec } from "vega-lite";
import { CHART_CONFIG, MIN_FONT_PX } from "./theme.js";

/** A character's width in ems: CJK and full-width forms 1, the rest (digits, Latin, ASCII punctuation) about 0.55. */
const em = (ch: string): number => (ch.charCodeAt(0) > 0x2e80 ? 1 : 0.55);
/** Where a line may end: after Chinese punctuation, a closing bracket or a space. */
const BREAK_AFTER = /[，；、。：！？）】」”,;:)\]\s]/;
/** What may not open a line (it stays at the end of the one before). */
const NO_START = /[，；、。：！？）】」”,;:.)\]%％]/;
/** Characters of one token: a number (2,345 / 12.5% / 2023-07-16) or a Latin word is not split. */
const TOKEN = /[0-9A-Za-z.,%％\-/:]/;

/**
 * `text` in lines of at most `maxEms` ems (as the chart fonts measure: CJK 1, Latin and digits
 * about 0.55), broken after punctuation when one falls in the line's last 40%, else between two
 * characters that are not both of a number or Latin word; closing punctuation never opens a line.
 * A line is never empty: a token longer than a line is cut.
 */
export function wrapLine(text: string, maxEms: number): string[] {
  const chars = [...text];
  const lines: string[] = [];
  let start = 0;
  while (start < chars.length) {
    let end = start;
    let width = 0;
    while (end < chars.length && width + em(chars[end]!) <= maxEms) width += em(chars[end++]!);
    if (end >= chars.length) {
      lines.push(chars.slice(start).join(""));
      break;
    }
    if (end === start) end = start + 1; // a line narrower than one character: one a line
    let cut = end;
    const soft = start + Math.ceil((end - start) * 0.6);
    for (let i = end; i > soft; i--)
      if (BREAK_AFTER.test(chars[i - 1]!)) {
        cut = i;
        break;
      }
    if (cut === end) {
      // no punctuation near the end: step back out of a number or word (2,345 件 stays whole)
      let i = end;
      while (i > start + 1 && TOKEN.test(chars[i - 1]!) && TOKEN.test(chars[i]!)) i--;
      if (i > start + 1) cut = i;
    }
    while (cut < chars.length && NO_START.test(chars[cut]!)) cut++;
    lines.push(chars.slice(start, cut).join(""));
    start = cut;
    while (start < chars.length && chars[start] === " ") start++;
  }
  return lines.length ? lines : [""];
}

type Title = Exclude<TopLevelSpec["title"], string | string[] | undefined>;
const lines = (t: unknown): string[] | undefined => (typeof t === "string" ? [t] : Array.isArray(t) ? (t as string[]) : undefined);
const wrapAll = (ls: readonly string[], maxEms: number): string[] => ls.flatMap((l) => wrapLine(l, maxEms));

/**
 * The spec with its title and subtitle lines wrapped to `widthPx` (the fonts of CHART_CONFIG, or
 * the title's own size: a report figure's notes are its title at the note size). The same spec
 * object when every line fits already; never mutates `spec`.
 */
export function fitTitle(spec: TopLevelSpec, widthPx: number): TopLevelSpec {
  const title = (spec as { title?: unknown }).title;
  if (title === undefined || widthPx <= 0) return spec;
  const config = CHART_CONFIG.title as { fontSize: number; subtitleFontSize: number };
  const t: Title = typeof title === "string" || Array.isArray(title) ? { text: title as string | string[] } : (title as Title);
  const textEms = widthPx / (typeof t.fontSize === "number" ? t.fontSize : config.fontSize);
  const subEms = widthPx / (typeof t.subtitleFontSize === "number" ? t.subtitleFontSize : (config.subtitleFontSize ?? MIN_FONT_PX));
  const text = lines(t.text);
  const subtitle = lines(t.subtitle);
  const newText = text && wrapAll(text, textEms);
  const newSub = subtitle && wrapAll(subtitle, subEms);
  const same = (a?: string[], b?: string[]) => (a ?? []).length === (b ?? []).length;
  if (same(text, newText) && same(subtitle, newSub)) return spec;
  return { ...spec, title: { ...t, text: newText ?? t.text, ...(newSub ? { subtitle: newSub } : {}) } } as TopLevelSpec;
}

/** Below this width in px a chart's legends go under or above the plot, in rows (a phone). */
export const NARROW_PX = 480;

/**
 * The spec for a narrow card ({@link NARROW_PX}): a legend on the right goes to the bottom,
 * horizontal, and a one-row legend of more than four entries takes two rows. Encodings are
 * searched at any depth (layers, facets); data is not. The same object when nothing changes;
 * never mutates `spec`.
 */
export function fitLegends(spec: TopLevelSpec): TopLevelSpec {
  const walk = (v: unknown, key: string): unknown => {
    if (key === "data" || key === "values" || v === null || typeof v !== "object") return v;
    if (Array.isArray(v)) {
      const out = v.map((x) => walk(x, ""));
      return out.some((x, i) => x !== v[i]) ? out : v;
    }
    const o = v as Record<string, unknown>;
    let changed: Record<string, unknown> | undefined;
    for (const [k, x] of Object.entries(o)) {
      const y = k === "legend" && x && typeof x === "object" ? legend(x as Record<string, unknown>) : walk(x, k);
      if (y !== x) (changed ??= { ...o })[k] = y;
    }
    return changed ?? o;
  };
  return walk(spec, "") as TopLevelSpec;
}

function legend(l: Record<string, unknown>): Record<string, unknown> {
  if (l.orient === "right" || l.orient === "left") return { ...l, orient: "bottom", direction: "horizontal" };
  if (typeof l.columns === "number" && l.columns > 4) return { ...l, columns: Math.ceil(l.columns / 2) };
  return l;
}

/**
 * The spec drawn `ratio` (< 1) as wide: fewer facet or concat columns, narrower steps of a
 * step-sized width (a column a type, a bar a day; not below 14 px). For what narrowing the plot
 * area cannot fit (the heatmaps' columns, 整改办结's small multiples). The same object when there
 * is nothing to narrow.
 */
export function narrowSteps(spec: TopLevelSpec, ratio: number): TopLevelSpec {
  if (!(ratio < 1)) return spec;
  const s = spec as unknown as Record<string, unknown>;
  const out: Record<string, unknown> = { ...s };
  let changed = false;
  if (typeof s.columns === "number" && s.columns > 1) {
    const columns = Math.max(1, Math.floor(s.columns * ratio));
    if (columns < s.columns) [out.columns, changed] = [columns, true];
  }
  const step = (w: unknown): unknown => {
    const st = (w as { step?: unknown } | undefined)?.step;
    if (typeof st !== "number") return w;
    const next = Math.max(14, Math.floor(st * ratio));
    if (next >= st) return w;
    changed = true;
    return { ...(w as object), step: next };
  };
  out.width = step(s.width);
  if (out.width === undefined) delete out.width;
  const inner = s.spec as Record<string, unknown> | undefined;
  if (inner && typeof inner === "object") {
    const w = step(inner.width);
    if (w !== inner.width) out.spec = { ...inner, width: w };
  }
  return changed ? (out as unknown as TopLevelSpec) : spec;
}

/**
 * A map's plot size for a card `cardWidth` px wide (the chart's SVG, CHART_CONFIG's padding
 * included): `width` × `height`, or smaller in the same proportions when the card is narrower
 * (not below 160 px wide). A map cannot be narrowed once made (its labels are placed for its
 * size), so the dashboard asks for its card's width first: on a 390 px phone the 420 px map had
 * been shown at 0.8, its labels at 9–10 px.
 */
export function mapSize(cardWidth: number | undefined, width: number, height: number): { width: number; height: number } {
  const padding = 2 * (typeof CHART_CONFIG.padding === "number" ? CHART_CONFIG.padding : 0);
  if (!cardWidth || cardWidth - padding >= width) return { width, height };
  const w = Math.max(160, Math.floor(cardWidth - padding));
  return { width: w, height: Math.round((height * w) / width) };
}
