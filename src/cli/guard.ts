import { resolve } from "node:path";
import { checkOutputPath, inputIdentities } from "../export/output.js";
import { UsageError } from "./errors.js";

/**
 * Check a command's outputs before any work: none may be an input (same path, hard link or
 * symbolic link: refused with one line, the input untouched), a special file, or the same as
 * another output. Returns the inputs' identities for the writers to check again.
 */
export async function guardOutputs(inputs: readonly string[], outputs: Record<string, string | undefined>): Promise<Map<string, string>> {
  const ids = await inputIdentities(inputs);
  const seen = new Map<string, string>();
  for (const [option, path] of Object.entries(outputs)) {
    if (!path) continue;
    const other = seen.get(resolve(path));
    if (other) throw new UsageError(`${other} 和 ${option} 是同一个文件：${path}`);
    seen.set(resolve(path), option);
    await checkOutputPath(path, ids);
  }
  return ids;
}
