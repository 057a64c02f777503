/**
 * Writing an output file safely. Node only.
 *
 * - An output that resolves to an input (the same path, a hard link, a symbolic link to it)
 *   is refused before anything is written: inputs are never overwritten.
 * - An output that exists and is not a regular file (a directory, a FIFO, a device) is refused.
 * - Files are written to a temporary name beside the target and renamed over it, so a failed
 *   write leaves no half file and never truncates what was there.
 * - Missing folders are created one by one (Node's recursive mkdir loops forever under /proc).
 */
import { type Stats, constants } from "node:fs";
import { mkdir, open, rename, rm, stat } from "node:fs/promises";
import { basename, dirname, join, resolve } from "node:path";
import { notAFile } from "../ingest/read.js";

/** An output that cannot or must not be written; the message names the path. */
export class OutputError extends Error {
  override name = "OutputError";
  constructor(
    readonly path: string,
    readonly reason: string,
  ) {
    super(`${path}：${reason}`);
  }
}

function errnoReason(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === "EACCES" || code === "EPERM") return "没有写入权限（permission denied）";
  if (code === "EROFS") return "所在文件系统只读（read-only file system）";
  if (code === "ENOSPC") return "磁盘空间不足（no space left）";
  if (code === "EDQUOT") return "超出磁盘配额（quota exceeded）";
  if (code === "ENOTDIR") return "路径中有一段不是文件夹（not a directory）";
  if (code === "ENOENT") return "所在文件夹不存在且无法创建（no such directory）";
  if (code === "EISDIR") return "是一个文件夹（a directory）";
  if (code === "ENAMETOOLONG") return "路径太长（name too long）";
  if (code === "ELOOP") return "符号链接循环（symbolic link loop）";
  return `无法写入（${code ?? (e as Error).message}）`;
}

async function statOrUndefined(path: string): Promise<Stats | undefined> {
  try {
    return await stat(path);
  } catch {
    return undefined;
  }
}

/** The device and inode of each input that exists: outputs are compared by file, not by name. */
export async function inputIdentities(inputs: readonly string[]): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  for (const p of inputs) {
    const st = await statOrUndefined(p);
    if (st) ids.set(`${st.dev}:${st.ino}`, p);
  }
  return ids;
}

/**
 * Refuse an output that is one of the inputs (same path, hard link, or a symbolic link to it)
 * or that exists and is not a regular file. Nothing is written.
 */
export async function checkOutputPath(path: string, inputs: readonly string[] | Map<string, string>): Promise<void> {
  const ids = inputs instanceof Map ? inputs : await inputIdentities(inputs);
  const st = await statOrUndefined(path);
  if (!st) {
    // a dangling symbolic link would be replaced, not followed: harmless
    return;
  }
  const input = ids.get(`${st.dev}:${st.ino}`);
  if (input !== undefined) {
    const same = resolve(input) === resolve(path) ? "就是" : "指向（链接到）";
    throw new OutputError(path, `输出文件${same}输入文件 ${input}，拒绝覆盖输入（output is an input file）；请换一个输出路径`);
  }
  if (!st.isFile()) throw new OutputError(path, `${notAFile(st) ?? "不是普通文件"}，不能作为输出`);
}

/** Create the folder of an output, one level at a time. */
export async function ensureDir(dir: string, forPath = dir): Promise<void> {
  const missing: string[] = [];
  let d = resolve(dir);
  for (;;) {
    const st = await statOrUndefined(d);
    if (st) {
      if (!st.isDirectory()) throw new OutputError(forPath, `${d} 不是文件夹（not a directory）`);
      break;
    }
    missing.unshift(d);
    const up = dirname(d);
    if (up === d) break;
    d = up;
  }
  for (const m of missing) {
    try {
      await mkdir(m);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw new OutputError(forPath, `无法创建文件夹 ${m}：${errnoReason(e)}`);
    }
  }
}

/**
 * Write an output file: refuse inputs and special files (see {@link checkOutputPath}), then
 * write beside it and rename over it.
 */
export async function writeOutput(path: string, data: string | Uint8Array, inputs: readonly string[] | Map<string, string> = []): Promise<void> {
  await checkOutputPath(path, inputs);
  await ensureDir(dirname(path), path);
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.${Math.random().toString(36).slice(2, 8)}.tmp`);
  try {
    const fh = await open(tmp, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL, 0o644);
    try {
      await fh.writeFile(data);
    } finally {
      await fh.close();
    }
    // a symbolic link at the output path is replaced by the file, never written through
    await rename(tmp, path);
  } catch (e) {
    await rm(tmp, { force: true }).catch(() => {});
    if (e instanceof OutputError) throw e;
    throw new OutputError(path, errnoReason(e));
  }
}

/** An output file written piece by piece: see {@link openOutput}. */
export interface OutputStream {
  write(data: string): Promise<void>;
  /** close and rename over the target */
  commit(): Promise<void>;
  /** close and remove the partial file */
  abort(): Promise<void>;
}

/**
 * {@link writeOutput} for output too large to hold as one string (a million classified rows):
 * the same checks, written to a temporary file beside the target and renamed over it on commit.
 */
export async function openOutput(path: string, inputs: readonly string[] | Map<string, string> = []): Promise<OutputStream> {
  await checkOutputPath(path, inputs);
  await ensureDir(dirname(path), path);
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.${Math.random().toString(36).slice(2, 8)}.tmp`);
  let fh: Awaited<ReturnType<typeof open>>;
  try {
    fh = await open(tmp, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL, 0o644);
  } catch (e) {
    throw new OutputError(path, errnoReason(e));
  }
  const fail = async (e: unknown): Promise<never> => {
    await fh.close().catch(() => {});
    await rm(tmp, { force: true }).catch(() => {});
    if (e instanceof OutputError) throw e;
    throw new OutputError(path, errnoReason(e));
  };
  return {
    write: (data) => fh.writeFile(data).catch(fail),
    async commit() {
      try {
        await fh.close();
        await rename(tmp, path);
      } catch (e) {
        await fail(e);
      }
    },
    async abort() {
      await fh.close().catch(() => {});
      await rm(tmp, { force: true }).catch(() => {});
    },
  };
}
