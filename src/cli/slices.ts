/**
 * The commands' side of classifying in slices (src/classify/slices.ts): progress bars, and the
 * compact records that `stats`, `chart` and `report` analyse.
 */
import type { AnalyzableComplaint } from "../analyze/keys.js";
import { classifyInSlices, statsRecord } from "../classify/slices.js";
import type { Io } from "./output.js";
import { progressBar } from "./progress.js";

/** A progress bar when stderr is a terminal or DUCHA_PROGRESS=1, for inputs large enough to take a few seconds. */
export function maybeProgress(io: Io, label: string, n: number): ReturnType<typeof progressBar> | undefined {
  const asked = process.env.DUCHA_PROGRESS === "1";
  return (io.tty || asked) && n > 2000 ? progressBar(io, label) : undefined;
}

/**
 * Classify the records read, slice by slice, replacing each by its compact record (statsRecord:
 * labels, 重点件 flag, target and place; no evidence, header-only cells), with a progress bar.
 * The workers send only what those records keep.
 */
export async function classifyForStatistics(records: AnalyzableComplaint[], io: Io): Promise<void> {
  const bar = maybeProgress(io, "分类", records.length);
  await classifyInSlices(
    records.length,
    (i) => records[i]!.text,
    (start, results) => {
      for (let k = 0; k < results.length; k++) records[start + k] = statsRecord(records[start + k]!, results[k]!);
    },
    { mode: "stats", ...(bar ? { onProgress: bar.update } : {}) },
  );
  bar?.done();
}
