/**
 * Rendering speed, as a report writer meets it: the `ducha` command on the bundled sample (461
 * complaints and three status snapshots), each variant a fresh process, run in alternation so
 * that a busy machine slows all of them alike. Baselines come from the same run:
 *
 * - `chart all --format png` against `chart all --format svg` (same charts, no PNG step). Target
 *   PNG / SVG <= 1.6.
 * - `report --out 附件.docx` (charts as PNG in Word) against `report --out 附件.html` (charts as
 *   SVG). Target: a few seconds, the docx within 1.6× the HTML.
 *
 * Then, in one process, each chart's PNG against its SVG (the rendering step alone).
 *
 *   npm run bench:render [-- rounds]
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { CHART_NAMES, ChartData, chartSpec } from "../dist-lib/charts/catalog.js";
import { renderPng, renderSvg } from "../dist-lib/charts/render.js";
import { classifyAll } from "../dist-lib/classify/index.js";
import { ingestFiles } from "../dist-lib/ingest/index.js";
import { alternate, fmt } from "./util.js";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const ROUNDS = Number(process.argv[2] ?? 3);
const OUT = join(ROOT, "bench/.out/render");
const SAMPLE = join(ROOT, "data/sample/郴州2023_信访件_模拟数据.xlsx");
const SNAPSHOTS = ["2023-08-31", "2023-10-31", "2023-12-31"].map((d) => join(ROOT, `data/sample/snapshots/郴州2023_办理情况_截至${d}_模拟数据.csv`));
rmSync(OUT, { recursive: true, force: true });
mkdirSync(OUT, { recursive: true });

function ducha(...args: string[]): void {
  const r = spawnSync(process.execPath, [join(ROOT, "bin/ducha.js"), ...args], { encoding: "utf8", env: { ...process.env, FORCE_COLOR: "0" } });
  if (r.status !== 0) throw new Error(`ducha ${args.join(" ")} failed (exit ${r.status}): ${r.stderr}`);
}
const chartAll = (format: string) => () => ducha("chart", "all", "--in", SAMPLE, ...SNAPSHOTS, "--format", format, "--out", join(OUT, format));
const report = (ext: string) => () => ducha("report", "--in", SAMPLE, ...SNAPSHOTS, "--out", join(OUT, `统计附件.${ext}`));

const line = (label: string, ms: number) => console.log(`  ${label.padEnd(44)} ${fmt(ms / 1000, 2).padStart(6)} s`);

console.log(`render benchmark: the sample (461 complaints + 3 snapshots), median of ${ROUNDS} alternating runs, one process each`);
const [svg, png, html, docx] = (await alternate([chartAll("svg"), chartAll("png"), report("html"), report("docx")], ROUNDS)) as [
  number,
  number,
  number,
  number,
];
line(`ducha chart all --format svg (${CHART_NAMES.length} charts)`, svg);
line(`ducha chart all --format png`, png);
console.log(`  ratio PNG / SVG: ${fmt(png / svg, 2)}  (target <= 1.6)`);
line("ducha report → 统计附件.html (SVG charts)", html);
line("ducha report → 统计附件.docx (PNG charts)", docx);
console.log(`  ratio docx / html: ${fmt(docx / html, 2)}  (target: a few seconds, <= 1.6)`);

// the rendering step alone, in this process: every chart as SVG, then as PNG at scale 2
const { records } = await ingestFiles([SAMPLE, ...SNAPSHOTS]);
const data = new ChartData(await classifyAll(records));
const specs = CHART_NAMES.flatMap((n) => {
  try {
    return [chartSpec(n, data, { synthetic: true })];
  } catch {
    return [];
  }
});
const t0 = performance.now();
await renderPng(specs[0]!);
const first = performance.now() - t0;
const [svgOnly, pngOnly] = (await alternate(
  [
    async () => {
      for (const s of specs) await renderSvg(s);
    },
    async () => {
      for (const s of specs) await renderPng(s);
    },
  ],
  ROUNDS,
)) as [number, number];
console.log(`in one process, ${specs.length} charts (after a first PNG that loads the font: ${fmt(first)} ms):`);
console.log(`  SVG ${fmt(svgOnly / specs.length)} ms a chart, PNG ${fmt(pngOnly / specs.length)} ms a chart, ratio ${fmt(pngOnly / svgOnly, 2)}`);
