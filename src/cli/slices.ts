/**
 * Classification of a large input in slices, for the commands that must stay in bounded memory
 * (a national year is ~650,000 complaints): each slice's classifications are used and dropped
 * (written out by `classify`, reduced to their labels by `stats`) before the next slice is
 * classified. Uses the classifier pool through its public API, one slice at a time.
 */
import { ClassifierPool, defaultWorkers, sharedClassifier, type Scheme } from "../classify/index.js";
import type { Classification, LabelPrediction } from "../model/classification.js";
import type { Io } from "./output.js";
import { progressBar } from "./progress.js";

/** Complaints classified per slice: large enough to keep two workers busy, small next to a national year. */
export const SLICE = 20_000;

export interface SliceOptions {
  workers?: number;
  pool?: ClassifierPool;
  scheme?: Scheme;
  onProgress?: (done: number, total: number) => void;
}

/**
 * Classify `n` texts (`textAt(i)`) slice by slice; `onSlice(start, results)` receives each
 * slice's classifications in input order and may keep what it needs. Slices run one after the
 * other, so at most one slice of full classifications is alive at a time.
 */
export async function classifyInSlices(
  n: number,
  textAt: (i: number) => string,
  onSlice: (start: number, results: Classification[]) => void | Promise<void>,
  options: SliceOptions = {},
): Promise<void> {
  const workers = options.pool ? options.pool.size : options.workers ?? defaultWorkers(n);
  const pool = workers > 0 && n > 0 ? options.pool ?? new ClassifierPool(workers) : undefined;
  try {
    for (let start = 0; start < n; start += SLICE) {
      const end = Math.min(n, start + SLICE);
      const texts: string[] = [];
      for (let i = start; i < end; i++) texts.push(textAt(i));
      let results: Classification[];
      if (pool) {
        results = await pool.classify(texts, options.onProgress && ((done) => options.onProgress!(start + done, n)), options.scheme);
      } else {
        const clf = sharedClassifier();
        results = [];
        for (let i = 0; i < texts.length; i += 200) {
          results.push(...clf.classifyMany(texts.slice(i, i + 200), options.scheme));
          options.onProgress?.(start + results.length, n);
        }
      }
      await onSlice(start, results);
    }
  } finally {
    if (pool && !options.pool) await pool.close();
  }
}

const NO_EVIDENCE: string[] = Object.freeze([]) as unknown as string[];
/**
 * Label lists interned by their labels: a national year has a few hundred distinct combinations
 * of labels, so a million rows share a few hundred frozen arrays instead of holding ~5 objects each.
 * The confidence is not kept (NaN, so that a reader who wrongly relies on it sees it at once):
 * the statistics count labels only.
 */
const internedLabels = new Map<string, LabelPrediction<string>[]>();
function labelsOnly<L extends string>(xs: readonly LabelPrediction<L>[]): LabelPrediction<L>[] {
  const key = xs.map((x) => x.label).join("\u0001");
  let list = internedLabels.get(key);
  if (!list) {
    list = Object.freeze(xs.map((x) => Object.freeze({ label: x.label, confidence: Number.NaN, evidence: NO_EVIDENCE }))) as unknown as LabelPrediction<string>[];
    internedLabels.set(key, list);
  }
  return list as LabelPrediction<L>[];
}
const SUGGESTED = Object.freeze({ suggested: true, reasons: Object.freeze([]) }) as unknown as Classification["keyCase"];
const NOT_SUGGESTED = Object.freeze({ suggested: false, reasons: Object.freeze([]) }) as unknown as Classification["keyCase"];

/**
 * What the statistics read of a classification: the labels (interned, without confidences), the
 * 重点件 suggestion, the target and place. The evidence words, confidences and 重点件 reasons
 * (most of its memory) are left out.
 */
export function statsClassification(c: Classification): Classification {
  return {
    types: labelsOnly(c.types),
    subtypes: labelsOnly(c.subtypes),
    themes: labelsOnly(c.themes),
    keyCase: c.keyCase.suggested ? SUGGESTED : NOT_SUGGESTED,
    ...(c.target !== undefined ? { target: c.target } : {}),
    ...(c.place !== undefined ? { place: c.place } : {}),
  };
}

/** A progress bar when stderr is a terminal or DUCHA_PROGRESS=1, for inputs large enough to take a few seconds. */
export function maybeProgress(io: Io, label: string, n: number): ReturnType<typeof progressBar> | undefined {
  const asked = process.env.DUCHA_PROGRESS === "1";
  return (io.tty || asked) && n > 2000 ? progressBar(io, label) : undefined;
}
