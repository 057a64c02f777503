/**
 * The tables the dashboard is built on: $DUCHA_DATA (a file or a folder), else the bundled
 * sample (模拟数据) with its status snapshots. Node only.
 */
import { type Stats, readdirSync, statSync } from "node:fs";
import { extname, join, resolve } from "node:path";
import { type AreaContext, parseAreaContext } from "../geo/resolve.js";
import { notAFile } from "../ingest/read.js";
import { dataPath } from "../util/paths.js";

/** Table files a folder may hold. */
const TABLE_EXTS = new Set([".xlsx", ".csv", ".tsv", ".json"]);

/** The bundled sample: the main table and the three 截至 snapshots. */
export function sampleInputs(): string[] {
  const dir = dataPath("sample", "snapshots");
  const snapshots = readdirSync(dir)
    .filter((f) => TABLE_EXTS.has(extname(f).toLowerCase()))
    .sort()
    .map((f) => join(dir, f));
  return [dataPath("sample", "郴州2023_信访件_模拟数据.xlsx"), ...snapshots];
}

/** A problem with $DUCHA_DATA, in words a user can act on. */
export class DataInputError extends Error {
  override name = "DataInputError";
}

function statOf(path: string): Stats {
  try {
    return statSync(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new DataInputError(code === "ENOENT" ? `DUCHA_DATA 指向的文件或文件夹不存在：${path}` : `DUCHA_DATA 中的 ${path} 无法读取（${code}）`);
  }
}

function listTables(dir: string, seen = new Set<string>()): string[] {
  // a folder linked into itself is listed once
  const id = `${statOf(dir).dev}:${statOf(dir).ino}`;
  if (seen.has(id)) return [];
  seen.add(id);
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    if (entry.name.startsWith(".") || entry.name.startsWith("~$")) continue;
    const path = join(dir, entry.name);
    // what the entry is (a symbolic link is followed): a FIFO or a device would hang the build
    const st = entry.isFile() || entry.isDirectory() ? undefined : statOf(path);
    if (entry.isDirectory() || st?.isDirectory()) out.push(...listTables(path, seen));
    else if (TABLE_EXTS.has(extname(entry.name).toLowerCase())) {
      const what = st && notAFile(st);
      if (what) throw new DataInputError(`DUCHA_DATA 中的 ${path} ${what}`);
      out.push(path);
    }
  }
  // the same table saved as .xlsx and .csv side by side (as the sample is): read the workbook once
  const stems = new Set(out.filter((p) => extname(p).toLowerCase() === ".xlsx").map((p) => p.slice(0, -5)));
  return out.filter((p) => extname(p).toLowerCase() !== ".csv" || !stems.has(p.slice(0, -4)));
}

/**
 * The files to read: `spec` (default $DUCHA_DATA) is a table file or a folder of tables (read
 * recursively: .xlsx, .csv, .tsv, .json; a .csv next to an .xlsx of the same name is skipped).
 * Without it, the bundled sample.
 */
export function dataInputs(spec: string | undefined = process.env.DUCHA_DATA): string[] {
  if (!spec || !spec.trim()) return sampleInputs();
  const path = resolve(spec.trim());
  const st = statOf(path);
  if (st.isFile()) return [path];
  if (!st.isDirectory()) throw new DataInputError(`DUCHA_DATA 指向的 ${path} ${notAFile(st)}`);
  const files = listTables(path);
  if (!files.length) throw new DataInputError(`DUCHA_DATA 文件夹中没有表格文件（.xlsx、.csv、.json）：${path}`);
  return files;
}

/**
 * The area the tables come from: $DUCHA_CONTEXT, written as ducha's `--context` (全国, 山东省,
 * 湖南省永州市, 431100); undefined without it (the default, 湖南省郴州市). A table of several
 * provinces needs 全国, or its counties outside 郴州 are not recognised.
 */
export function dataContext(spec: string | undefined = process.env.DUCHA_CONTEXT): AreaContext | undefined {
  const text = spec?.trim();
  if (!text) return undefined;
  try {
    return parseAreaContext(text); // checked now: a typo is the user's mistake, said before the build starts
  } catch (e) {
    throw new DataInputError(`DUCHA_CONTEXT 无法识别「${text}」：${(e as Error).message}（写法同 ducha --context，如 全国、山东省、湖南省永州市、431100）`);
  }
}
