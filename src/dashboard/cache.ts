/**
 * The data step runs once per build, not once per data loader: its outputs are cached in a folder
 * keyed by the input files (path, size, modification time), the library's sources and the
 * model version. Every loader prints one file of it. Concurrent loaders (or builds) wait for the
 * one computing. Node only; the library itself is imported only when the cache misses.
 */
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { dataInputs } from "./inputs.js";
import { MODEL_VERSION } from "./model.js";
import { withLock } from "../util/lock.js";

const SRC = fileURLToPath(new URL("..", import.meta.url));
const KEEP = 4;

/** The cache folder: $DUCHA_CACHE, else <tmp>/ducha-dashboard. */
export const cacheRoot = (): string => process.env.DUCHA_CACHE || join(tmpdir(), "ducha-dashboard");

/** The newest modification time under a folder (the library's sources). */
function newest(dir: string): number {
  let max = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    max = Math.max(max, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return max;
}

/**
 * $DUCHA_AGGREGATE=1 ships a national year's forms (cases in count-cube order, repeat summary, texts in small
 * pieces) whatever the size, =0 never; unset, the data step decides by the number of cases (see
 * build.ts). $DUCHA_TEXT_PIECE sets the most cases in a text piece (tests: several pieces on a
 * small table).
 */
export function dataOptions(): { aggregate?: boolean; repeatsSummary?: boolean; textPieces?: boolean; textPieceSize?: number; context?: string } {
  const v = process.env.DUCHA_AGGREGATE;
  const size = Number(process.env.DUCHA_TEXT_PIECE);
  const context = process.env.DUCHA_CONTEXT?.trim();
  return {
    ...(context ? { context } : {}),
    ...(v === "1"
      ? { aggregate: true, repeatsSummary: true, textPieces: true }
      : v === "0"
        ? { aggregate: false, repeatsSummary: false, textPieces: false }
        : {}),
    ...(Number.isInteger(size) && size > 0 ? { textPieceSize: size } : {}),
  };
}

export function cacheKey(files: readonly string[]): string {
  const h = createHash("sha256");
  h.update(JSON.stringify({ v: MODEL_VERSION, options: dataOptions(), src: newest(SRC), files: files.map((f) => [f, statSync(f).size, statSync(f).mtimeMs]) }));
  return h.digest("hex").slice(0, 16);
}

/** Drop all but the most recent cached data sets. */
function prune(root: string): void {
  const dirs = readdirSync(root, { withFileTypes: true })
    .filter((e) => e.isDirectory() && existsSync(join(root, e.name, "done")))
    .map((e) => ({ path: join(root, e.name), t: statSync(join(root, e.name, "done")).mtimeMs }))
    .sort((a, b) => b.t - a.t);
  for (const d of dirs.slice(KEEP)) rmSync(d.path, { recursive: true, force: true });
}

/**
 * The folder holding the data step's outputs for the current inputs ($DUCHA_DATA), computing
 * them if needed. Progress goes to stderr (loaders' stdout is their output).
 */
export async function ensureData(files: readonly string[] = dataInputs()): Promise<string> {
  const root = cacheRoot();
  mkdirSync(root, { recursive: true });
  const dir = join(root, cacheKey(files));
  if (existsSync(join(dir, "done"))) return dir;
  // one process computes, the others wait for it and then read its outputs
  return withLock(`${dir}.lock`, async () => {
    if (existsSync(join(dir, "done"))) return dir;
    const log = (m: string) => process.stderr.write(`[ducha] ${m}\n`);
    log(`数据：${files.length} 个文件，首次处理（之后使用缓存 ${dir}）`);
    const { writeDashboardData } = await import("./build.js");
    const tmp = `${dir}.tmp${process.pid}`;
    rmSync(tmp, { recursive: true, force: true });
    // each file is written as soon as it is made (a national year's are never all in memory)
    await writeDashboardData(files, tmp, log, dataOptions());
    writeFileSync(join(tmp, "done"), new Date().toISOString());
    rmSync(dir, { recursive: true, force: true });
    renameSync(tmp, dir);
    prune(root);
    return dir;
  });
}

/** A data loader's body: print one output of the data step to stdout. */
export async function emit(name: string): Promise<void> {
  const dir = await ensureData();
  const data = readFileSync(join(dir, name));
  await new Promise<void>((resolve, reject) => process.stdout.write(data, (e) => (e ? reject(e) : resolve())));
}
