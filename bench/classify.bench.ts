/**
 * Classification speed and memory: N complaints (default 40,000, varied texts from the sample
 * generator), each measured as one whole process run, alternating, median of 3:
 *   - bare: node + nodejieba's default dictionaries + nodejieba.cut over the N texts
 *   - ducha classify over the same N texts as a CSV table (ingest, classify, write a CSV),
 *     with 1 and with 2 worker threads
 * Prints complaints/s, the wall-time ratio to the bare pass, the CPU time (user + system, all
 * threads) and peak RSS (GNU time), and the load average before and after: on a shared machine
 * the wall times say little when the load is above the cores, the CPU times still do.
 * Targets at N = 40,000 (issue 14): ratio <= 1.25 with one worker, < 1.0 with workers on two cores
 * (the default there is one worker: two lose to one, docs/scale.md); peak <= 1.5 GB.
 * DUCHA_SEGMENTER=nodejieba runs ducha with nodejieba's cut instead of its JavaScript one.
 * After the timed runs, one more run per worker count with DUCHA_TRACE=1 prints where its time
 * went: when each thread was ready, when the first and last results came back, each thread's CPU
 * and what the process's other threads (V8's compiler and GC helpers) used besides.
 *
 *   npm run bench:classify [-- N]
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { availableParallelism, loadavg } from "node:os";
import { defaultWorkers } from "../src/classify/pool.js";
import { benchComplaints, toDisclosureCsv } from "./complaints.js";
import { fmt } from "./util.js";

const N = Number(process.argv[2] ?? 40_000);
mkdirSync("bench/.out", { recursive: true });
const csv = `bench/.out/classify-${N}.csv`;
const json = `bench/.out/classify-${N}.texts.json`;
if (!existsSync(csv) || !existsSync(json)) {
  const rows = benchComplaints(N);
  writeFileSync(csv, toDisclosureCsv(rows));
  writeFileSync(json, JSON.stringify(rows.map((r) => r.text)));
}

interface Run {
  ms: number;
  cpuMs: number;
  peakMb: number;
}

function measure(args: string[]): Run {
  const t0 = performance.now();
  const r = spawnSync("/usr/bin/time", ["-f", "%M %U %S", process.execPath, ...args], { encoding: "utf8", maxBuffer: 1 << 26 });
  const ms = performance.now() - t0;
  if (r.status !== 0) throw new Error(`${args.join(" ")} failed (${r.status}): ${r.stderr.slice(-500)}`);
  const [kb, user, sys] = r.stderr.trim().split("\n").at(-1)!.split(" ").map(Number);
  return { ms, cpuMs: (user! + sys!) * 1000, peakMb: kb! / 1024 };
}

const variants: [string, string[]][] = [
  ["bare nodejieba.cut", ["bench/bare-cut.mjs", json]],
  ["ducha classify, 1 worker", ["bin/ducha.js", "classify", csv, "--out", "bench/.out/classified.csv", "--workers", "1"]],
  ["ducha classify, 2 workers", ["bin/ducha.js", "classify", csv, "--out", "bench/.out/classified.csv", "--workers", "2"]],
];
const loadBefore = loadavg()[0]!;
const runs = variants.map(() => [] as Run[]);
for (let round = 0; round < 3; round++) variants.forEach(([, args], i) => runs[i]!.push(measure(args)));
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const results = runs.map((rs) => ({ ms: median(rs.map((r) => r.ms)), cpuMs: median(rs.map((r) => r.cpuMs)), peakMb: Math.max(...rs.map((r) => r.peakMb)) }));
const bare = results[0]!.ms;
const bareCpu = results[0]!.cpuMs;

console.log(`classify benchmark: ${fmt(N)} complaints, whole-process wall time, median of 3 alternating runs`);
console.log(`  load average (1 min) before ${fmt(loadBefore, 1)}, after ${fmt(loadavg()[0]!, 1)}`);
variants.forEach(([name], i) => {
  const r = results[i]!;
  const ratio = i === 0 ? "" : `  ratio ${fmt(r.ms / bare, 2)} (CPU ${fmt(r.cpuMs / bareCpu, 2)})`;
  console.log(
    `  ${name.padEnd(28)} ${fmt(r.ms).padStart(7)} ms  ${fmt((N / r.ms) * 1000).padStart(7)} complaints/s  CPU ${fmt(r.cpuMs).padStart(7)} ms  peak ${fmt(r.peakMb)} MB${ratio}`,
  );
});
console.log(`  targets: 1 worker <= 1.25, with workers < 1.0 on 2 cores (wall time), peak <= 1,536 MB`);
console.log(
  `  ducha's default here (${availableParallelism()} cores): ${defaultWorkers(N)} worker(s); segmenter: ${process.env.DUCHA_SEGMENTER ?? "mpcut (JavaScript)"}`,
);

/** One traced run (DUCHA_TRACE=1, src/util/trace.ts): its stages, to read beside the medians. */
function stages(workers: string): string {
  const args = ["bin/ducha.js", "classify", csv, "--out", "bench/.out/classified.csv", "--workers", workers];
  const r = spawnSync("/usr/bin/time", ["-f", "%M %U %S", process.execPath, ...args], {
    encoding: "utf8",
    maxBuffer: 1 << 26,
    env: { ...process.env, DUCHA_TRACE: "1" },
  });
  if (r.status !== 0) throw new Error(`traced run failed (${r.status}): ${r.stderr.slice(-500)}`);
  const [, user, sys] = r.stderr.trim().split("\n").at(-1)!.split(" ").map(Number);
  const totalCpu = (user! + sys!) * 1000;
  const events = r.stderr
    .split("\n")
    .map((l) => /^trace +(\d+) (\S+) cpu (\S+) (.*)$/.exec(l))
    .filter((m) => m !== null)
    .map((m) => ({ ms: Number(m[1]), thread: m[2]!, cpu: Number(m[3]), what: m[4]! }))
    .sort((a, b) => a.ms - b.ms);
  const at = (test: (e: (typeof events)[number]) => boolean, last = false) => (last ? events.findLast(test) : events.find(test));
  const s = (e: { ms: number } | undefined) => (e ? `${fmt(e.ms / 1000, 2)} s` : "–");
  const threads = [...new Set(events.map((e) => e.thread))];
  const ready = threads.filter((t) => t !== "main").map((t) => s(at((e) => e.thread === t && e.what.startsWith("jieba loaded"))));
  const threadCpu = threads.map((t) => at((e) => e.thread === t, true)!.cpu);
  const cpu = threads.map((t, i) => `${t} ${fmt(threadCpu[i]! / 1000, 2)} s`);
  // the process's other threads: V8's compiler and GC helpers, libuv's pool (the bare pass has next to none)
  const rest = totalCpu - threadCpu.reduce((a, b) => a + b, 0);
  return [
    `  ${workers} worker(s), one traced run: ingested ${s(at((e) => e.what.startsWith("ingested")))}, workers ready ${ready.join(" / ")},`,
    `    first results ${s(at((e) => e.what.includes("back from")))}, last ${s(at((e) => e.what.includes("back from"), true))}, file committed ${s(at((e) => e.what === "committed"))};`,
    `    CPU by thread: ${cpu.join(", ")}, other threads (V8's compiler and GC, total less these) ${fmt(rest / 1000, 2)} s`,
  ].join("\n");
}
console.log(stages("1"));
console.log(stages("2"));
