/**
 * Scale: wall time and peak memory of `ducha ingest --json`, `ducha classify --out` and
 * `ducha stats --json` at 10,000, 100,000 and (on request) 1,000,000 rows of the disclosure-style
 * 模拟数据 CSV from bench/scale-data.ts, each stage a child process measured by GNU time
 * (`/usr/bin/time -f "%e %M"`: wall seconds, peak RSS in kB). In the same run, a bare baseline
 * per size (read + UTF-8 decode + d3 csvParseRows in a fresh node) gives ratios that hold on a
 * noisy, shared machine. Prints the growth of time and memory from one size to the next
 * (rows ×10: a memory ratio below 10 is sub-linear).
 *
 *   npm run bench:scale                 # 10k and 100k
 *   npm run bench:scale -- 1000000      # adds 1M (minutes; ~340 MB CSV generated once)
 *   DUCHA_SCALE_1M=1 npm run bench:scale
 */
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, rmSync, statSync } from "node:fs";
import { scaleCsv } from "./scale-data.js";
import { fmt } from "./util.js";

const TIME = "/usr/bin/time";
if (!existsSync(TIME)) throw new Error("bench:scale needs GNU time at /usr/bin/time (Debian package time)");
if (!existsSync("dist-lib/cli/main.js")) execFileSync("npm", ["run", "-s", "build:lib"], { stdio: "inherit" });

const sizes = [10_000, 100_000];
const extra = process.argv
  .slice(2)
  .map(Number)
  .filter((n) => n > 0);
if (process.env.DUCHA_SCALE_1M === "1") extra.push(1_000_000);
for (const n of extra) if (!sizes.includes(n)) sizes.push(n);
sizes.sort((a, b) => a - b);

const OUT = "bench/.out";
mkdirSync(OUT, { recursive: true });

interface Run {
  wallS: number;
  rssMb: number;
}

/** One child process under GNU time; stdout goes to /dev/null, a failure stops the bench. */
function measure(args: string[]): Run {
  const r = spawnSync(TIME, ["-f", "@@ %e %M", ...args], { encoding: "utf8", stdio: ["ignore", "ignore", "pipe"], maxBuffer: 64 * 1024 * 1024 });
  const m = /@@ ([\d.]+) (\d+)\s*$/.exec(r.stderr ?? "");
  if (r.status !== 0 || !m) throw new Error(`${args.join(" ")} failed (exit ${r.status}):\n${(r.stderr ?? "").slice(-2000)}`);
  return { wallS: Number(m[1]), rssMb: Number(m[2]) / 1024 };
}

const BARE = `import { readFileSync } from "node:fs"; import { csvParseRows } from "d3-dsv";
const rows = csvParseRows(new TextDecoder().decode(readFileSync(process.argv[1])));
if (rows.length < 2) process.exit(1);`;

const stages: { name: string; args: (csv: string, n: number) => string[] }[] = [
  { name: "bare parse", args: (csv) => ["node", "--input-type=module", "-e", BARE, csv] },
  { name: "ingest --json", args: (csv) => ["node", "bin/ducha.js", "ingest", csv, "--json"] },
  { name: "classify --out", args: (csv, n) => ["node", "bin/ducha.js", "classify", csv, "--out", `${OUT}/scale-cls-${n}.csv`] },
  { name: "stats --json", args: (csv) => ["node", "bin/ducha.js", "stats", csv, "--json"] },
];

const results = new Map<number, Map<string, Run>>();
for (const n of sizes) {
  const csv = scaleCsv(n);
  const mb = statSync(csv).size / 1e6;
  const row = new Map<string, Run>();
  results.set(n, row);
  console.log(`\n${fmt(n)} rows (${fmt(mb, 1)} MB CSV, 模拟数据)`);
  for (const s of stages) {
    const r = measure(s.args(csv, n));
    row.set(s.name, r);
    const bare = row.get("bare parse")!;
    const ratio = s.name === "bare parse" ? "" : `  ×${fmt(r.wallS / bare.wallS, 1)} bare time`;
    console.log(
      `  ${s.name.padEnd(15)} ${fmt(r.wallS, 1).padStart(7)} s  ${fmt(r.rssMb).padStart(6)} MB peak RSS${ratio}${r.rssMb > 3072 ? "  OVER 3 GB" : ""}`,
    );
  }
  rmSync(`${OUT}/scale-cls-${n}.csv`, { force: true });
}

console.log("\ngrowth (time ×, memory ×) from one size to the next; rows grow ×10 (memory below ×10 = sub-linear):");
for (let i = 1; i < sizes.length; i++) {
  const a = results.get(sizes[i - 1]!)!;
  const b = results.get(sizes[i]!)!;
  const k = sizes[i]! / sizes[i - 1]!;
  console.log(`  ${fmt(sizes[i - 1]!)} -> ${fmt(sizes[i]!)} (rows ×${fmt(k)}):`);
  for (const s of stages) {
    const ra = a.get(s.name)!;
    const rb = b.get(s.name)!;
    const mem = rb.rssMb / ra.rssMb;
    console.log(
      `    ${s.name.padEnd(15)} time ×${fmt(rb.wallS / ra.wallS, 1).padStart(5)}  memory ×${fmt(mem, 1).padStart(5)}  ${mem < k * 0.9 ? "sub-linear" : "linear"}`,
    );
  }
}
