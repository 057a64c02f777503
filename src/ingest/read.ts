/**
 * Reading an input file without trusting it: only regular files are opened (a FIFO, a device
 * such as /dev/zero, a socket or a directory fails at once with a message saying which), the
 * open never blocks, and no more than a cap is read even when the file's size lies (procfs).
 */
import { type Stats, constants } from "node:fs";
import { open, stat } from "node:fs/promises";
import { IngestError } from "./errors.js";

/** 500 MB: the largest file whose text fits in one JavaScript string (2^29 characters). */
export const DEFAULT_MAX_BYTES = 500_000_000;

/** The cap on one input file: $DUCHA_MAX_INPUT_MB, else {@link DEFAULT_MAX_BYTES}. */
export function maxInputBytes(): number {
  const mb = Number(process.env.DUCHA_MAX_INPUT_MB);
  return Number.isFinite(mb) && mb > 0 ? Math.min(mb * 1e6, DEFAULT_MAX_BYTES) : DEFAULT_MAX_BYTES;
}

/** What a path is, when it is not a regular file, in words. */
export function notAFile(st: Stats): string | undefined {
  if (st.isFile()) return undefined;
  if (st.isDirectory()) return "是一个文件夹，请给出文件（a directory, not a file）";
  if (st.isFIFO()) return "是命名管道（FIFO），不是普通文件；请先把内容保存为文件（a FIFO, not a regular file）";
  if (st.isCharacterDevice() || st.isBlockDevice()) return "是设备文件，不是表格文件（a device, not a regular file）";
  if (st.isSocket()) return "是套接字，不是普通文件（a socket, not a regular file）";
  return "不是普通文件（not a regular file）";
}

const mb = (n: number) => (n < 1e6 ? `${Math.ceil(n / 1e3)} KB` : `${(n / 1e6).toFixed(n < 10e6 ? 1 : 0)} MB`);

function errnoReason(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === "ENOENT") return "文件不存在（file not found）";
  if (code === "EACCES" || code === "EPERM") return "没有读取权限（permission denied）";
  if (code === "EISDIR") return "是一个文件夹，请给出文件（a directory, not a file）";
  if (code === "ELOOP") return "符号链接循环（symbolic link loop）";
  if (code === "ENAMETOOLONG") return "路径太长（name too long）";
  return `无法读取（${code ?? (e as Error).message}）`;
}

/** Check without reading that `path` is a regular file within the cap; throws {@link IngestError} naming it. */
export async function checkInputFile(path: string, maxBytes = maxInputBytes()): Promise<void> {
  let st: Stats;
  try {
    st = await stat(path);
  } catch (e) {
    throw new IngestError(path, errnoReason(e));
  }
  const what = notAFile(st);
  if (what) throw new IngestError(path, what);
  if (st.size > maxBytes)
    throw new IngestError(path, `文件太大（${mb(st.size)}，上限 ${mb(maxBytes)}）；请按批次拆分，或设置 DUCHA_MAX_INPUT_MB（file too large）`);
}

/**
 * The bytes of the file at `path`, at most `maxBytes`. Throws {@link IngestError} naming the
 * file for anything that is not a readable regular file within the cap.
 */
export async function readInputFile(path: string, maxBytes = maxInputBytes()): Promise<Uint8Array> {
  let st: Stats;
  try {
    st = await stat(path);
  } catch (e) {
    throw new IngestError(path, errnoReason(e));
  }
  const what = notAFile(st);
  if (what) throw new IngestError(path, what);
  if (st.size > maxBytes)
    throw new IngestError(path, `文件太大（${mb(st.size)}，上限 ${mb(maxBytes)}）；请按批次拆分，或设置 DUCHA_MAX_INPUT_MB（file too large）`);
  let fh;
  try {
    // O_NONBLOCK: if the path became a FIFO since stat, opening it must not wait for a writer
    fh = await open(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (e) {
    throw new IngestError(path, errnoReason(e));
  }
  try {
    const again = notAFile(await fh.stat());
    if (again) throw new IngestError(path, again);
    // the size stat gives may be wrong (procfs says 0): read in chunks up to the cap
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const want = Math.min(Math.max(st.size - total, 0) || 1 << 20, maxBytes + 1 - total);
      const buf = Buffer.allocUnsafe(Math.max(want, 1));
      const { bytesRead } = await fh.read(buf, 0, buf.length, null);
      if (!bytesRead) break;
      chunks.push(bytesRead === buf.length ? buf : buf.subarray(0, bytesRead));
      total += bytesRead;
      if (total > maxBytes) throw new IngestError(path, `文件太大（超过上限 ${mb(maxBytes)}）；请按批次拆分，或设置 DUCHA_MAX_INPUT_MB（file too large）`);
    }
    return chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, total);
  } catch (e) {
    if (e instanceof IngestError) throw e;
    throw new IngestError(path, errnoReason(e));
  } finally {
    await fh.close();
  }
}
