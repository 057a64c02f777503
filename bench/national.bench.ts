/**
 * A national year end to end (issue 14): 650,000 complaints (the 12369 platform's yearly volume)
 * of the disclosure-style 模拟数据 CSV from bench/scale-data.ts through every command a user runs
 * on them — `ducha ingest`, `ducha classify --out`, `ducha stats --json`, `ducha chart all`,
 * `ducha report --out .docx` and the dashboard's data step (src/dashboard/cache.ts ensureData, what
 * `DUCHA_DATA=… npm run build` runs before Framework writes the pages) — each in its own child
 * process under GNU time (wall seconds, peak RSS). In the same run a bare read + UTF-8 decode +
 * d3 csvParseRows of the same file gives the baseline every stage is set against (the machine is
 * shared and noisy). Prints each stage's output size and, for the dashboard, the bytes each page
 * loads gzip-compressed against the 2 MB target. Load average before and after each stage.
 *
 * A stage that runs past its time limit (DUCHA_NATIONAL_TIMEOUT_MIN, default 20 minutes) is
 * stopped and shown with the peak RSS it had reached; `stats` is then measured again with
 * `--no-repeats`, and chart and report (the same repeat analysis on the same cases) run with
 * `--no-repeats` too; `--no-repeats` on the bench's command line asks for that from the start.
 *
 *   npm run bench:national                # 650,000 rows (~220 MB CSV, generated once; tens of minutes)
 *   npm run bench:national -- 20000       # a quick check of the bench itself
 *   npm run bench:national -- 650000 --only=chart,report --no-repeats
 */
import { spawn } from "node:child_process";
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, readdirSync, rmSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { scaleCsv } from "./scale-data.js";
import { fmt } from "./util.js";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const TIME = "/usr/bin/time";
if (!existsSync(TIME)) throw new Error("bench:national needs GNU time at /usr/bin/time (Debian package time)");
if (!existsSync(join(ROOT, "dist-lib/cli/main.js"))) throw new Error("run npm run build:lib first (npm run bench:national does)");

const args = process.argv.slice(2);
const N = Number(args.find((a) => /^\d+$/.test(a)) ?? 650_000);
const ONLY = args
  .find((a) => a.startsWith("--only="))
  ?.slice(7)
  .split(",");
/** chart and report without the repeat analysis from the start (as they go once stats ran past the limit) */
const NO_REPEATS = args.includes("--no-repeats");
const TIMEOUT_MS = Number(process.env.DUCHA_NATIONAL_TIMEOUT_MIN ?? 20) * 60_000;
// a partial run (--only) gets its own folder, so two can run side by side
const OUT = join(ROOT, "bench/.out", `national-${N}${ONLY ? `-${ONLY.join("+")}` : ""}`);
rmSync(OUT, { recursive: true, force: true });
mkdirSync(OUT, { recursive: true });

interface Run {
  wallS: number;
  rssMb: number;
  /** stopped at the time limit: wallS is the limit, rssMb the peak reached so far */
  stopped?: boolean;
  load: [string, string];
  bytes?: number;
  note?: string;
}

const loadavg = () => readFileSync("/proc/loadavg", "utf8").split(" ").slice(0, 3).join(" ");

/** Peak RSS (VmHWM, MB) of a process and its descendants, read while they run; 0 once gone. */
function peakOfTree(pid: number): number {
  let peak = 0;
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    if (m) peak = Number(m[1]) / 1024;
    for (const t of readdirSync(`/proc/${pid}/task`)) {
      const kids = readFileSync(`/proc/${pid}/task/${t}/children`, "utf8").trim();
      for (const k of kids ? kids.split(" ") : []) peak = Math.max(peak, peakOfTree(Number(k)));
    }
  } catch {
    // the process ended between two reads
  }
  return peak;
}

/**
 * One child process under GNU time, in its own process group (stopped as a group at the limit);
 * stdout to a file when given, else discarded. A failure (non-zero exit) stops the bench.
 */
function measure(cmd: string[], options: { stdout?: string; env?: NodeJS.ProcessEnv } = {}): Promise<Run> {
  const before = loadavg();
  return new Promise((resolve, reject) => {
    const fd = options.stdout ? openOut(options.stdout) : "ignore";
    const child = spawn(TIME, ["-f", "@@ %e %M", ...cmd], {
      cwd: ROOT,
      detached: true,
      env: { ...process.env, ...options.env },
      stdio: ["ignore", fd, "pipe"],
    });
    let stderr = "";
    child.stderr!.on("data", (d: Buffer) => {
      stderr = (stderr + d.toString("utf8")).slice(-20_000);
    });
    let polled = 0;
    const poll = setInterval(() => (polled = Math.max(polled, peakOfTree(child.pid!))), 1000);
    let stopped = false;
    const limit = setTimeout(() => {
      stopped = true;
      polled = Math.max(polled, peakOfTree(child.pid!));
      process.kill(-child.pid!, "SIGTERM");
    }, TIMEOUT_MS);
    child.on("close", (code) => {
      clearInterval(poll);
      clearTimeout(limit);
      const after = loadavg();
      // the last progress line it printed (e.g. the dashboard data step's phase) says where it was
      const last = stderr.trim().split("\n").at(-1)?.slice(0, 120);
      if (stopped)
        return resolve({ wallS: TIMEOUT_MS / 1000, rssMb: polled, stopped: true, load: [before, after], ...(last ? { note: `last: ${last}` } : {}) });
      const m = /@@ ([\d.]+) (\d+)\s*$/.exec(stderr);
      if (code !== 0 || !m) return reject(new Error(`${cmd.join(" ")} failed (exit ${code}):\n${stderr.slice(-3000)}`));
      resolve({ wallS: Number(m[1]), rssMb: Number(m[2]) / 1024, load: [before, after] });
    });
  });
}

const openFds: number[] = [];
function openOut(path: string): number {
  const fd = openSync(path, "w");
  openFds.push(fd);
  return fd;
}

const du = (p: string): number => (!existsSync(p) ? 0 : statSync(p).isDirectory() ? readdirSync(p).reduce((s, e) => s + du(join(p, e)), 0) : statSync(p).size);
const gz = (p: string): number => gzipSync(readFileSync(p), { level: 6 }).length;
const mb = (b: number) => (b < 10_000 ? `${fmt(b / 1e3, 1)} kB` : `${fmt(b / 1e6, b < 1e7 ? 2 : 1)} MB`);

const BARE = `import { readFileSync } from "node:fs"; import { csvParseRows } from "d3-dsv";
const rows = csvParseRows(new TextDecoder().decode(readFileSync(process.argv[1])));
if (rows.length < 2) process.exit(1);`;
const CLI = ["node", "bin/ducha.js"];
/** The dashboard's data step, as `npm run build` starts it: cached outputs of src/dashboard/build.ts in DUCHA_CACHE. */
const DASH = `import { ensureData } from "./src/dashboard/cache.ts"; console.log(await ensureData([process.argv[1]]));`;

const t0 = performance.now();
const csv = scaleCsv(N);
const csvBytes = statSync(csv).size;
console.log(`全国一年：${fmt(N)} 件信访件（模拟数据，${mb(csvBytes)} CSV：${csv}），${fmt((performance.now() - t0) / 1000, 1)} 秒准备`);
console.log(`time limit per stage ${fmt(TIMEOUT_MS / 60_000)} min; load average at start ${loadavg()}\n`);

const results: [string, Run][] = [];
const want = (name: string) => !ONLY || name === "bare parse" || ONLY.some((o) => name.startsWith(o));
function show(name: string, r: Run): void {
  results.push([name, r]);
  const bare = results.find(([n]) => n === "bare parse")?.[1];
  const ratio = bare && name !== "bare parse" ? `×${fmt(r.wallS / bare.wallS, 1)}` : "";
  console.log(
    `${name.padEnd(26)} ${(r.stopped ? `>${fmt(r.wallS)}` : fmt(r.wallS, 1)).padStart(8)} s ${ratio.padStart(7)}  ${(r.stopped ? "≥" : "") + fmt(r.rssMb)} MB`.padEnd(
      60,
    ) +
      `${r.rssMb > 3072 ? " OVER 3 GB" : ""} ${r.bytes !== undefined ? mb(r.bytes).padStart(10) : "".padStart(10)}  load ${r.load[0]} → ${r.load[1]}${r.stopped ? "  STOPPED at the limit" : ""}${r.note ? `  ${r.note}` : ""}`,
  );
}

console.log(`${"stage".padEnd(26)} ${"wall".padStart(10)} ${"/bare".padStart(7)}  ${"peak RSS".padEnd(12)}${"".padEnd(11)} ${"output".padStart(10)}`);
show("bare parse", await measure(["node", "--input-type=module", "-e", BARE, csv]));

if (want("ingest")) {
  const r = await measure([...CLI, "ingest", csv, "--json"], { stdout: join(OUT, "ingest.json") });
  show("ingest --json", { ...r, bytes: du(join(OUT, "ingest.json")) });
}
if (want("classify")) {
  const r = await measure([...CLI, "classify", csv, "--out", join(OUT, "classified.csv")]);
  show("classify --out .csv", { ...r, bytes: du(join(OUT, "classified.csv")) });
  rmSync(join(OUT, "classified.csv"), { force: true });
}
if (want("stats")) {
  const r = await measure([...CLI, "stats", csv, "--json"], { stdout: join(OUT, "stats.json") });
  show("stats --json", { ...r, bytes: du(join(OUT, "stats.json")) });
  if (r.stopped) {
    const q = await measure([...CLI, "stats", csv, "--json", "--no-repeats"], { stdout: join(OUT, "stats.json") });
    show("stats --json --no-repeats", { ...q, bytes: du(join(OUT, "stats.json")) });
  }
}
// chart and report run the same repeat analysis as stats on the same cases: once it has run past
// the limit (in stats, or in chart), the later stages go straight to --no-repeats
let repeatsTooSlow = NO_REPEATS || results.some(([n, r]) => n === "stats --json" && r.stopped);
for (const [name, cmd, out] of [
  ["chart all (PNG)", ["chart", "all", "--in", csv, "--out", join(OUT, "charts")], join(OUT, "charts")],
  ["report --out .docx", ["report", "--in", csv, "--out", join(OUT, "统计附件.docx")], join(OUT, "统计附件.docx")],
] as const) {
  if (!want(name.split(" ")[0]!)) continue;
  if (!repeatsTooSlow) {
    const r = await measure([...CLI, ...cmd]);
    show(name, { ...r, bytes: du(out) });
    if (!r.stopped) continue;
    repeatsTooSlow = true;
  }
  const q = await measure([...CLI, ...cmd, "--no-repeats"]);
  show(`${name} --no-repeats`, { ...q, bytes: du(out) });
}

if (want("dashboard")) {
  const cache = join(OUT, "dashboard-cache");
  const r = await measure(["node", "--import", "tsx", "--input-type=module", "-e", DASH, csv], {
    stdout: join(OUT, "dashboard-data.txt"),
    env: { DUCHA_CACHE: cache },
  });
  for (const fd of openFds.splice(0)) closeSync(fd);
  if (r.stopped) show("dashboard data", r);
  else {
    const dir = readFileSync(join(OUT, "dashboard-data.txt"), "utf8").trim();
    const files = readdirSync(dir).filter((f) => f !== "done");
    const sizes = new Map(files.map((f) => [f, { raw: du(join(dir, f)), gzip: f.endsWith(".zip") ? du(join(dir, f)) : gz(join(dir, f)) }]));
    show("dashboard data", { ...r, bytes: [...sizes.values()].reduce((s, x) => s + x.raw, 0) });
    console.log("\n  dashboard data files (raw / gzip):");
    for (const [f, s] of sizes) console.log(`    ${f.padEnd(18)} ${mb(s.raw).padStart(10)} ${mb(s.gzip).padStart(10)}`);
    // the data each page fetches when it opens (notebooks/*.md FileAttachment calls; 热点 fetches
    // repeats.json and enforcement.json after its first chart, but on every load, so they count
    // against the page's budget); the page's libraries (~0.6 MB gzip at 50k) come on top
    const PAGES: Record<string, string[]> = {
      "/ 总览": ["cases.json", "geo.json"],
      "/hotspots 热点": ["cases.json", "geo.json", "repeats.json", "enforcement.json"],
      "/progress 整改进度": ["cases.json"],
      "/classification 分类": ["cases.json"],
      "/search 检索 (first page)": ["cases.json"],
      "/notebook": ["meta.json"],
      "/report 报告": ["report.json"],
    };
    console.log("\n  data per page as it opens (gzip; target ≤ 2 MB per page including ~0.6 MB of libraries):");
    for (const [page, needs] of Object.entries(PAGES)) {
      const b = needs.reduce((s, f) => s + (sizes.get(f)?.gzip ?? 0), 0);
      console.log(`    ${page.padEnd(26)} ${mb(b).padStart(10)}  ${b + 600_000 <= 2_000_000 ? "✓" : "✗ over the target"}  (${needs.join(", ")})`);
    }
    // fetched only when the user asks: every repeat group (when repeats.json is a summary), the
    // search's chunk index (then only the chunks that may match), the 32 text chunks
    console.log("\n  on demand (gzip):");
    for (const f of ["repeats-all.json", "texts-index.json"]) if (sizes.has(f)) console.log(`    ${f.padEnd(26)} ${mb(sizes.get(f)!.gzip).padStart(10)}`);
    const texts = sizes.get("texts.zip");
    if (texts)
      console.log(`    texts.zip, 32 chunks of ${mb(texts.raw / 32)} each (stored; a search opens those its index does not rule out): ${mb(texts.raw)}`);
  }
}
for (const fd of openFds.splice(0)) closeSync(fd);
// the machine's load drifts over a long run: the baseline once more, to show by how much
if (results.length > 2) show("bare parse (again, at end)", await measure(["node", "--input-type=module", "-e", BARE, csv]));
console.log(`\nload average at end ${loadavg()}; total ${fmt((performance.now() - t0) / 60_000, 1)} min; outputs in ${OUT}`);
