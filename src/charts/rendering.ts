/**
 * Rendering charts, loaded on first use: vega, vega-lite and resvg (render.ts, ~0.5 s to
 * import) load with the first chart drawn, not when `ducha/node` or the report is imported.
 */
import type { TopLevelSpec } from "vega-lite";
import type { PngOptions, RenderOptions, RenderedPng } from "./render.js";

export type { PngOptions, RenderOptions, RenderedPng } from "./render.js";

/** vega-lite or vega complained: a spec that does not render as meant. */
export class RenderError extends Error {
  override name = "RenderError";
}

const engine = () => import("./render.js");

/**
 * A chart as an SVG document. Text carries the CJK font stack; widths are measured with the
 * Chinese font when one is installed, else estimated (full-width characters 1 em).
 */
export async function renderSvg(spec: TopLevelSpec, options: RenderOptions = {}): Promise<string> {
  return (await engine()).renderSvg(spec, options);
}

/**
 * A chart as PNG at `scale` (default 2). Needs a Chinese font: throws FontNotFoundError with
 * installation advice when none is found.
 */
export async function renderPng(spec: TopLevelSpec, options: PngOptions = {}): Promise<RenderedPng> {
  return (await engine()).renderPng(spec, options);
}
