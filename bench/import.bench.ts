/**
 * What importing each entry point costs: `ducha` (the core), `ducha/node` and `ducha/frame`,
 * each in a fresh Node process, against a bare `node` start in the same run (alternating, so a
 * busy machine slows all alike). Prints median wall time, the time over bare node, peak memory
 * and the number of modules loaded. Target: the core well under 0.5 s over bare node.
 *
 *   npm run bench:import [-- rounds]
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { fmt } from "./util.js";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const RECORDER = join(ROOT, "test/entry/record-loads.mjs");
const ROUNDS = Number(process.argv[2] ?? 7);
const tmp = mkdtempSync(join(tmpdir(), "ducha-import-"));

const VARIANTS: [label: string, code: string][] = [
  ["bare node", ""],
  ["ducha", 'await import("ducha");'],
  ["ducha/node", 'await import("ducha/node");'],
  ["ducha/frame", 'await import("ducha/frame");'],
];

/** One fresh process: wall ms and peak RSS in MB (the child reports its own). */
function once(code: string): { ms: number; rssMb: number } {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, ["--input-type=module", "-e", `${code} process.stdout.write(String(process.resourceUsage().maxRSS));`], {
    cwd: ROOT,
    encoding: "utf8",
  });
  const ms = performance.now() - t0;
  if (r.status !== 0) throw new Error(r.stderr);
  return { ms, rssMb: Number(r.stdout) / 1024 };
}

function modules(code: string): number {
  if (!code) return 0;
  const out = join(tmp, "loads.json");
  spawnSync(process.execPath, ["--import", RECORDER, "--input-type=module", "-e", code], { cwd: ROOT, env: { ...process.env, RECORD_LOADS_OUT: out } });
  return (JSON.parse(readFileSync(out, "utf8")) as string[]).length;
}

const times = VARIANTS.map(() => [] as number[]);
const rss = VARIANTS.map(() => 0);
for (const [, code] of VARIANTS) once(code); // warm the file cache
for (let r = 0; r < ROUNDS; r++) {
  VARIANTS.forEach(([, code], i) => {
    const m = once(code);
    times[i]!.push(m.ms);
    rss[i] = Math.max(rss[i]!, m.rssMb);
  });
}
const med = times.map((t) => t.sort((a, b) => a - b)[Math.floor(t.length / 2)]!);
console.log(`import benchmark: median of ${ROUNDS} alternating fresh processes (dist-lib/, what the package exports)`);
VARIANTS.forEach(([label, code], i) => {
  const over = i ? `+${fmt(med[i]! - med[0]!)} ms over bare node` : "";
  console.log(
    `  ${label.padEnd(12)} ${fmt(med[i]!).padStart(6)} ms  ${over.padEnd(28)} peak RSS ${fmt(rss[i]!).padStart(4)} MB  ${i ? `${modules(code)} modules` : ""}`,
  );
});
console.log(`  target: ducha < 500 ms over bare node → ${med[1]! - med[0]! < 500 ? "met" : "NOT met"}`);
rmSync(tmp, { recursive: true, force: true });
