import type { ClassifiedComplaint, Classification } from "../model/classification.js";
import type { Complaint } from "../model/complaint.js";
import { sharedClassifier } from "./complaint-classifier.js";
import { ClassifierPool, defaultWorkers } from "./pool.js";
import { DEFAULT_SCHEME, type Scheme } from "./scheme.js";

export { Classifier, loadModels, type ClassifierModels, type Thresholds } from "./classifier.js";
export { ComplaintClassifier, sharedClassifier } from "./complaint-classifier.js";
export { loadLexicon, type Lexicon, type LexEntry } from "./lexicon.js";
export { KeyCaseMatcher, loadKeyCaseRules, readQuantity, type KeyCaseRules } from "./keycase.js";
export { findTargetAndPlace } from "./target.js";
export { compareWithOfficial, type OfficialComparison, type Disagreement } from "./qa.js";
export { loadCorpus, type LabelledComplaint } from "./corpus.js";
export { score, type Scores, type ClassScore } from "./metrics.js";
export { ClassifierPool, type ResultChunk, type ResultMode, WORKER_THRESHOLD, chunkResults, defaultWorkers } from "./pool.js";
export { DEFAULT_SCHEME, SCHEMES, type Scheme, parseScheme, schemeTypes, loadWasteRules, routeWaste, type WasteRule } from "./scheme.js";
export { neutralizePii } from "./neutralize.js";

/** How {@link classifyAll} runs: worker threads (or a pool started earlier) and progress reports. */
export interface ClassifyOptions {
  /**
   * Worker threads. Default: none below 3,000 complaints (each worker pays ~1 s and ~240 MB
   * to load the dictionaries); above, one on a machine of two cores or fewer, else two
   * (`defaultWorkers`). 0 classifies on the calling thread.
   */
  workers?: number;
  /** called with (done, total) while classifying */
  onProgress?: (done: number, total: number) => void;
  /** workers started earlier (see ClassifierPool), used instead of starting new ones; not closed */
  pool?: ClassifierPool;
  /**
   * The 污染类型 scheme of the inspection: "seven" (default; Hunan and the central inspection,
   * waste complaints placed by data/lexicon/waste-routing.tsv) or "eight" (with 固废).
   */
  scheme?: Scheme;
}

/**
 * Classify one complaint text: pollution types, sub-types and themes with the words behind
 * each, a 重点件 suggestion with its reasons, and the complained-about target and place.
 *
 * @example
 * classify("华塘镇某石材厂粉尘大，晚上机器轰鸣").types
 * // [{label: "大气", confidence: 0.97, evidence: ["粉尘"]}, {label: "噪声", confidence: 0.93, evidence: ["轰鸣"]}]
 */
export function classify(text: string, options: { scheme?: Scheme } = {}): Classification {
  return sharedClassifier().classify(text, undefined, options.scheme ?? DEFAULT_SCHEME);
}

/** Classify records; each comes back with a `classification`. Order is kept. */
export async function classifyAll<T extends Complaint>(records: readonly T[], options: ClassifyOptions = {}): Promise<(T & ClassifiedComplaint)[]> {
  const texts = records.map((r) => r.text);
  const workers = options.pool ? options.pool.size : (options.workers ?? defaultWorkers(texts.length));
  let results: Classification[];
  if (workers > 0 && texts.length > 0) {
    const pool = options.pool ?? new ClassifierPool(workers);
    try {
      results = await pool.classify(texts, options.onProgress, options.scheme);
    } finally {
      if (!options.pool) await pool.close();
    }
  } else {
    const clf = sharedClassifier();
    results = [];
    for (let i = 0; i < texts.length; i += 200) {
      results.push(...clf.classifyMany(texts.slice(i, i + 200), options.scheme));
      options.onProgress?.(results.length, texts.length);
    }
  }
  return records.map((r, i) => ({ ...r, classification: results[i]! }));
}
