/**
 * The package's three entry points, imported by name the way a user does (`ducha`, `ducha/node`,
 * `ducha/frame`, over the compiled dist-lib/), in a fresh Node process that records every module
 * loaded. The core must load no DataFrame stack, no renderer, no Node module (it is browser-safe);
 * ducha/node must leave the heavy libraries for first use; ducha/frame is where danfojs lives.
 * Import time is measured by bench/import.bench.ts, not here.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { afterAll, describe, expect, it } from "vitest";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const RECORDER = fileURLToPath(new URL("./record-loads.mjs", import.meta.url));
const tmp = mkdtempSync(join(tmpdir(), "ducha-entry-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

interface Loaded {
  /** packages of node_modules, by name */
  packages: Set<string>;
  /** node: builtins */
  builtins: Set<string>;
  /** files of dist-lib/, relative */
  own: Set<string>;
  /** the entry's runtime export names */
  exports: string[];
}

/** Import `specifier` in a new process (cwd: the package, so its own name resolves) and list what loaded. */
function load(specifier: string): Loaded {
  const out = join(tmp, `${specifier.replace(/\W/g, "_")}.json`);
  const r = spawnSync(
    process.execPath,
    ["--import", RECORDER, "--input-type=module", "-e", `const m = await import(${JSON.stringify(specifier)}); console.log(JSON.stringify(Object.keys(m)));`],
    { cwd: ROOT, encoding: "utf8", env: { ...process.env, RECORD_LOADS_OUT: out }, timeout: 120_000 },
  );
  if (r.status !== 0) throw new Error(`import(${specifier}) failed: ${r.stderr}`);
  const urls = JSON.parse(readFileSync(out, "utf8")) as string[];
  const loaded: Loaded = { packages: new Set(), builtins: new Set(), own: new Set(), exports: JSON.parse(r.stdout) as string[] };
  for (const u of urls) {
    const pkg = /\/node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(u);
    if (pkg) loaded.packages.add(pkg[1]!);
    else if (u.startsWith("node:")) loaded.builtins.add(u);
    else if (u.includes("/dist-lib/")) loaded.own.add(u.slice(u.indexOf("/dist-lib/") + "/dist-lib/".length));
  }
  return loaded;
}

const HEAVY = [
  "danfojs-node",
  "@tensorflow/tfjs",
  "@tensorflow/tfjs-core",
  "exceljs",
  "xlsx",
  "vega",
  "vega-lite",
  "@resvg/resvg-js",
  "docx",
  "@observablehq/framework",
  "d3",
];

describe("entry points", () => {
  it("ducha: the core loads no package, no Node module and none of ingest, classify, text, geo, report", () => {
    const core = load("ducha");
    expect([...core.packages]).toEqual([]);
    expect([...core.builtins]).toEqual([]);
    // ingest/columns.js: the header vocabulary, which the analyses use to say a column is missing;
    // text/controls.js: control-character stripping for CSV text; text/format.js and
    // text/normalize.js: how figures are written, full-width folding, Chinese numerals (no imports, browser-safe)
    const outside = [...core.own].filter(
      (f) => !/^(index\.js|model\/|analyze\/|charts\/|export\/csv\.js|ingest\/columns\.js|text\/(controls|format|normalize)\.js)/.test(f),
    );
    expect(outside).toEqual([]);
    expect(core.own).not.toContain("analyze/frame.js");
    // the analyses and specs an analyst starts with are there
    for (const name of ["countBy", "rates", "latest", "closureProgress", "spikes", "typesSpec", "POLLUTION_TYPES", "toCsv"])
      expect(core.exports).toContain(name);
  });

  it("ducha bundles for a browser with nothing external", async () => {
    const r = await build({ entryPoints: [join(ROOT, "src/index.ts")], bundle: true, platform: "browser", format: "esm", write: false, logLevel: "silent" });
    expect(r.errors).toEqual([]);
    expect(r.outputFiles[0]!.text).not.toMatch(/\brequire\(|from\s*["']node:/);
  });

  it("ducha/node: everything of ducha and the Node parts, with the heavy libraries left for first use", () => {
    const node = load("ducha/node");
    expect(HEAVY.filter((p) => node.packages.has(p))).toEqual([]);
    expect(node.own).not.toContain("analyze/frame.js");
    const core = load("ducha");
    expect(core.exports.filter((n) => !node.exports.includes(n))).toEqual([]);
    for (const name of ["ingestFiles", "classifyAll", "summarize", "renderPng", "writeReport", "buildReport", "chartSpec", "redact"])
      expect(node.exports).toContain(name);
  });

  it("ducha/frame: danfojs DataFrames, and nothing of ingest or classify", () => {
    const frame = load("ducha/frame");
    expect(frame.packages).toContain("danfojs-node");
    expect(frame.exports.sort()).toEqual(["countFrame", "toDataFrame"]);
    // ingest/columns.js and the import-free text/normalize.js name and fold the columns;
    // the import-free text/format.js names the keys of what is not known (（未填）, （未识别）)
    expect([...frame.own].filter((f) => /^(ingest\/(?!columns\.js$)|classify\/|report\/|text\/(?!(normalize|format)\.js$))/.test(f))).toEqual([]);
  });

  it("internals stay internal: helpers the library uses for itself are not exported", () => {
    const node = load("ducha/node");
    for (const name of ["gridSlot", "progressRows", "esc", "mdEscape", "TEXT_WIDTH_PX", "svgToPng", "minhash", "poissonPmf", "redactGroup"])
      expect(node.exports).not.toContain(name);
  });
});
