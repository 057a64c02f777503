/**
 * The statistical annex of an inspection's feedback (反馈意见): one content model
 * (`buildReport`), written as Word (.docx, A4 with page numbers), Markdown (+ PNG files) or a
 * print-ready HTML page. Complaint text appears only redacted. Node only.
 */
import { basename, dirname, extname, join } from "node:path";
import { findCjkFont } from "../charts/fonts.js";
import { ensureDir, writeOutput } from "../export/output.js";
import { type RenderedPng, renderPng, renderSvg } from "../charts/rendering.js";
import { toHtml } from "./html.js";
import { toMarkdown } from "./markdown.js";
import type { ReportModel } from "./model.js";

export { type ReportOptions, buildReport, cnDate, isKeyCase } from "./build.js";
export { esc, toHtml } from "./html.js";
export { mdEscape, toMarkdown } from "./markdown.js";
export { methodNote, type MethodFacts } from "./method.js";
export { type Align, type Block, type Fact, type ReportFigure, type ReportModel, type ReportTable, alignOf, numbering } from "./model.js";

/** The formats the annex is written in. */
export type ReportFormat = "docx" | "md" | "html";

/**
 * The annex as a Word document (A4, page numbers, numbered figures and tables), with the PNG of
 * each figure block by block index (see {@link renderFigures}). Loads the docx library on first use.
 */
export async function toDocx(model: ReportModel, images: ReadonlyMap<number, RenderedPng>): Promise<Buffer> {
  return (await import("./docx.js")).toDocx(model, images);
}

/** The format a path's extension asks for: .docx, .md / .markdown, .html / .htm. */
export function reportFormat(path: string): ReportFormat | undefined {
  const ext = extname(path).toLowerCase();
  return ext === ".docx" ? "docx" : ext === ".md" || ext === ".markdown" ? "md" : ext === ".html" || ext === ".htm" ? "html" : undefined;
}

/** Options of {@link writeReport}. */
export interface WriteReportOptions {
  /** default from the path's extension */
  format?: ReportFormat;
  /** PNG scale of the charts (docx, md); default 2 */
  scale?: number;
  /** the input files: the report and its images never overwrite one of them */
  inputs?: readonly string[] | Map<string, string>;
}

/** What {@link writeReport} wrote: the path, the format, the figures and images. */
export interface WrittenReport {
  path: string;
  format: ReportFormat;
  figures: number;
  /** the chart images written beside a Markdown report */
  images: string[];
  /** characters the font could not draw (should be empty) */
  missingGlyphs: string[];
}

/** Each figure block's PNG, by block index. */
export async function renderFigures(model: ReportModel, scale = 2): Promise<Map<number, RenderedPng>> {
  const font = findCjkFont();
  const out = new Map<number, RenderedPng>();
  for (const [i, b] of model.blocks.entries()) if (b.kind === "figure") out.set(i, await renderPng(b.figure.spec, { font, scale }));
  return out;
}

/**
 * Write the report. A Markdown report's charts go to `<name>_files/` beside it. DOCX and
 * Markdown need a Chinese font for the charts (FontNotFoundError otherwise); HTML embeds SVG.
 */
export async function writeReport(model: ReportModel, path: string, options: WriteReportOptions = {}): Promise<WrittenReport> {
  const format = options.format ?? reportFormat(path);
  if (!format) throw new Error(`unknown report format: ${path} (use .docx, .md or .html)`);
  const inputs = options.inputs ?? [];
  const missing = new Set<string>();
  const images: string[] = [];
  let figures: number;
  if (format === "html") {
    const svgs = new Map<number, string>();
    for (const [i, b] of model.blocks.entries()) if (b.kind === "figure") svgs.set(i, await renderSvg(b.figure.spec));
    figures = svgs.size;
    await writeOutput(
      path,
      toHtml(model, (i) => svgs.get(i)),
      inputs,
    );
  } else {
    const pngs = await renderFigures(model, options.scale ?? 2);
    figures = pngs.size;
    for (const p of pngs.values()) for (const ch of p.missingGlyphs) missing.add(ch);
    if (format === "docx") await writeOutput(path, await toDocx(model, pngs), inputs);
    else {
      const stem = basename(path, extname(path));
      const dir = `${stem}_files`;
      await ensureDir(join(dirname(path), dir), path);
      const rel = new Map<number, string>();
      let n = 0;
      for (const [i, png] of pngs) {
        const b = model.blocks[i]!;
        const name = `${dir}/${String(++n).padStart(2, "0")}-${b.kind === "figure" ? b.figure.chart : "figure"}.png`;
        await writeOutput(join(dirname(path), name), png.data, inputs);
        rel.set(i, name);
        images.push(join(dirname(path), name));
      }
      await writeOutput(
        path,
        toMarkdown(model, (i) => rel.get(i)),
        inputs,
      );
    }
  }
  return { path, format, figures, images, missingGlyphs: [...missing] };
}
