/**
 * Rendering vega-lite specs in Node, without a browser: vega-lite -> vega -> SVG
 * (`View.toSVG()` with no renderer), then SVG -> PNG with resvg and a Chinese font file.
 *
 * Text is laid out with the widths of the font the PNG is drawn with (see measure.ts), so
 * titles, labels and legends are neither clipped nor overlapping. Node only.
 */
import { Resvg } from "@resvg/resvg-js";
import { chineseAria } from "./aria.js";
import * as vega from "vega";
import { compile } from "vega-lite";
import type { TopLevelSpec } from "vega-lite";
import { type CjkFont, findCjkFont, missingGlyphs } from "./fonts.js";
import { type TextWidth, estimateTextWidth, fontTextWidth } from "./measure.js";
import { RenderError } from "./rendering.js";
import { fontFilesFor } from "./subset.js";

/** Options of {@link renderSvg}: the font text is measured with. */
export interface RenderOptions {
  /**
   * The font text is measured (and, for PNG, drawn) with. Default: `findCjkFont()`. For SVG,
   * `null` measures with an estimate and needs no font installed.
   */
  font?: CjkFont | null;
}

/** Options of {@link renderPng}: the font and the scale. */
export interface PngOptions extends RenderOptions {
  /** pixels per CSS pixel: 2 (default) prints a 600 px chart at about 190 dpi across A4 text width */
  scale?: number;
}

/** A chart drawn as PNG, with its size and any characters the font could not draw. */
export interface RenderedPng {
  data: Buffer;
  /** size in pixels (already multiplied by the scale) */
  width: number;
  height: number;
  scale: number;
  /** characters of the chart's text the font has no glyph for (drawn as boxes): should be empty */
  missingGlyphs: string[];
}

export { RenderError };

interface VegaTextItem {
  fontSize?: number;
  fontWeight?: string | number;
  limit?: number;
}
interface TextMetrics {
  width: (item: VegaTextItem, text: unknown) => number;
}
const textMetrics = (vega as unknown as { textMetrics: TextMetrics }).textMetrics;

const isBold = (w: string | number | undefined) => w === "bold" || w === "bolder" || (w !== undefined && Number(w) >= 600);

/** Make vega measure text with `width` (process-wide: vega keeps one measuring function). */
function useTextWidth(width: TextWidth): void {
  textMetrics.width = (item, text) => {
    const size = item.fontSize != null ? +item.fontSize || 0 : 11;
    const t = text == null ? "" : String(text as string | number).trim();
    if (!t || size <= 0) return 0;
    const w = width(t, size, isBold(item.fontWeight));
    return item.limit && item.limit > 0 ? Math.min(w, item.limit) : w;
  };
}

function collectingLogger(messages: string[]) {
  let level = 2;
  const logger = {
    level(l?: number) {
      if (l === undefined) return level;
      level = l;
      return logger;
    },
    error: (...args: readonly unknown[]) => (messages.push(args.map(String).join(" ")), logger),
    warn: (...args: readonly unknown[]) => (messages.push(args.map(String).join(" ")), logger),
    info: () => logger,
    debug: () => logger,
  };
  return logger;
}

/** Compile a vega-lite spec to vega. Throws a RenderError on any vega-lite warning. */
export function toVega(spec: TopLevelSpec): vega.Spec {
  const warnings: string[] = [];
  const { spec: out } = compile(spec, { logger: collectingLogger(warnings) as never });
  if (warnings.length) throw new RenderError(`vega-lite: ${warnings.join("; ")}`);
  return out as vega.Spec;
}

function fontFor(options: RenderOptions): CjkFont | null {
  return options.font === undefined ? findCjkFont() : options.font;
}

async function svgOf(spec: TopLevelSpec, font: CjkFont | null): Promise<string> {
  const vg = toVega(spec);
  useTextWidth(font ? fontTextWidth(font) : estimateTextWidth);
  const messages: string[] = [];
  const view = new vega.View(vega.parse(vg), { renderer: "none", logger: collectingLogger(messages) as never, logLevel: vega.Warn });
  try {
    const svg = await view.toSVG();
    if (messages.length) throw new RenderError(`vega: ${messages.join("; ")}`);
    return svg;
  } finally {
    view.finalize();
  }
}

/**
 * A chart as an SVG document. Text carries the CJK font stack; widths are measured with the
 * Chinese font when one is installed, else estimated (full-width characters 1 em).
 */
export async function renderSvg(spec: TopLevelSpec, options: RenderOptions = {}): Promise<string> {
  let font: CjkFont | null;
  if (options.font !== undefined) font = options.font;
  else {
    try {
      font = findCjkFont();
    } catch {
      font = null;
    }
  }
  const svg = await svgOf(spec, font);
  const { description } = spec as { description?: unknown };
  return typeof description === "string" && description ? chineseAria(svg, description) : svg;
}

/** Everything written as text in an SVG document, entities decoded. */
export function svgText(svg: string): string {
  const parts: string[] = [];
  for (const m of svg.matchAll(/<text\b[^>]*>([\s\S]*?)<\/text>/g)) parts.push(m[1]!.replace(/<[^>]+>/g, ""));
  return parts
    .join("\n")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&#x([0-9a-f]+);/gi, (_, h: string) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&amp;/g, "&");
}

/** An SVG document as PNG, drawn with the Chinese font only (system fonts are not consulted). */
export function svgToPng(svg: string, font: CjkFont, scale = 2): RenderedPng {
  if (!(scale > 0 && scale <= 8)) throw new RangeError(`scale must be in (0, 8]: ${scale}`);
  const text = svgText(svg);
  const resvg = new Resvg(svg, {
    fitTo: { mode: "zoom", value: scale },
    background: "#ffffff",
    // the font cut down to this chart's characters: resvg rereads a font file for every run of text
    font: { fontFiles: fontFilesFor(font, text), loadSystemFonts: false, defaultFontFamily: font.family, sansSerifFamily: font.family },
    logLevel: "off",
  });
  const image = resvg.render();
  return { data: image.asPng(), width: image.width, height: image.height, scale, missingGlyphs: missingGlyphs(font, text) };
}

/**
 * A chart as PNG at `scale` (default 2). Needs a Chinese font: throws FontNotFoundError with
 * installation advice when none is found.
 */
export async function renderPng(spec: TopLevelSpec, options: PngOptions = {}): Promise<RenderedPng> {
  const font = fontFor(options);
  if (!font) throw new RangeError("renderPng needs a font");
  const svg = await svgOf(spec, font);
  return svgToPng(svg, font, options.scale ?? 2);
}

/** Width and height of a PNG from its header. */
export function pngSize(png: Uint8Array): { width: number; height: number } {
  const sig = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (png.length < 24 || sig.some((b, i) => png[i] !== b)) throw new Error("not a PNG");
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}
