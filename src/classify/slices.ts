/**
 * Classification of a large input in slices, for what must stay in bounded memory (a national
 * year is ~650,000 complaints): each slice's classifications are used and dropped (written out
 * by `classify`, reduced to compact records by `stats`, `chart`, `report` and the dashboard's
 * data step) before the next slices are taken in.
 */
import type { AnalyzableComplaint } from "../analyze/keys.js";
import type { Classification } from "../model/classification.js";
import type { Complaint } from "../model/complaint.js";
import { statsClassification } from "./compact.js";
import { sharedClassifier } from "./complaint-classifier.js";
import { CHUNK, ClassifierPool, type ResultChunk, type ResultMode, chunkResults, defaultWorkers } from "./pool.js";
import type { Scheme } from "./scheme.js";
import { type MemoryGuard, processGuard } from "../util/memory.js";

export { statsClassification };

/** Complaints classified per slice: large enough to keep two workers busy, small next to a national year. */
export const SLICE = 20_000;

export interface SliceOptions {
  workers?: number;
  pool?: ClassifierPool;
  scheme?: Scheme;
  onProgress?: (done: number, total: number) => void;
  /** "stats": the caller reads only labels, confidences, 重点件 flag, target and place (see ResultMode) */
  mode?: ResultMode;
  /**
   * checked after each part is used (see util/memory.ts): asks for a full collection when the
   * resident set passes its threshold, so that the garbage of the parts already used (and of the
   * caller's records it let go) does not pile up until V8's own limit; the process's guard by default
   */
  memory?: MemoryGuard;
}

/** what a used chunk's place holds, so that its JSON text can be collected */
const DONE: Promise<ResultChunk> = Promise.resolve({ json: "[]", mode: "stats", pii: [] });

/** Slices queued in the workers beyond the one the caller is using. */
const AHEAD = 2;

/**
 * Classify `n` texts (`textAt(i)`) slice by slice; `onSlice(start, results)` receives the
 * classifications in input order, a part of a slice at a time (at most SLICE), and may keep what
 * it needs. With worker threads, the next slices are classified while the caller uses the current
 * one; they wait as JSON text, so at most one part of parsed classifications is alive at a time.
 * From the workers comes `piiFree(k)` too: true when personal data was searched for in the k-th
 * text and none found, so that redacting that text would leave it unchanged.
 */
export async function classifyInSlices(
  n: number,
  textAt: (i: number) => string,
  onSlice: (start: number, results: Classification[], piiFree?: (k: number) => boolean) => void | Promise<void>,
  options: SliceOptions = {},
): Promise<void> {
  const workers = options.pool ? options.pool.size : (options.workers ?? defaultWorkers(n));
  const memory = options.memory ?? processGuard();
  const pool = workers > 0 && n > 0 ? (options.pool ?? new ClassifierPool(workers)) : undefined;
  const textsOf = (start: number) => {
    const texts: string[] = [];
    for (let i = start, end = Math.min(n, start + SLICE); i < end; i++) texts.push(textAt(i));
    return texts;
  };
  try {
    if (pool) {
      // progress over all slices: slices overlap, so each reports what it adds
      let done = 0;
      const classify = (start: number) => {
        let mine = 0;
        const onProgress =
          options.onProgress &&
          ((d: number) => {
            done += d - mine;
            mine = d;
            options.onProgress!(done, n);
          });
        return pool.classifyChunked(textsOf(start), onProgress, options.scheme, options.mode ? { mode: options.mode } : {});
      };
      const queued: Promise<ResultChunk>[][] = [];
      let next = 0;
      const fill = () => {
        while (queued.length <= AHEAD && next < n) {
          queued.push(classify(next));
          next += SLICE;
        }
      };
      fill();
      for (let start = 0; start < n; start += SLICE) {
        const chunks = queued.shift()!;
        fill();
        // each chunk is used as soon as it and those before it are back (not when the whole slice
        // is: the last slice would then be written only after the workers finished), and parsed
        // when it is used, so that its objects die young (a whole slice parsed at once outlives
        // many young-generation collections and is copied to the old generation)
        for (let c = 0; c < chunks.length; c++) {
          const chunk = await chunks[c]!;
          chunks[c] = DONE;
          const found = new Set(chunk.pii);
          await onSlice(start + c * CHUNK, chunkResults(chunk), (k) => !found.has(k));
          memory.check();
        }
      }
    } else {
      const clf = sharedClassifier();
      for (let start = 0; start < n; start += SLICE) {
        const texts = textsOf(start);
        const results: Classification[] = [];
        for (let i = 0; i < texts.length; i += 200) {
          results.push(...clf.classifyMany(texts.slice(i, i + 200), options.scheme));
          options.onProgress?.(start + results.length, n);
        }
        await onSlice(start, results);
        memory.check();
      }
    }
  } finally {
    if (pool && !options.pool) await pool.close();
  }
}

/**
 * The record as the statistics read it, for inputs of national size: the raw cells (a second copy
 * of every text) are replaced by one shared object per sheet that keeps only the headers, which is
 * all the analysis reads of them (which columns the table has); the area resolution is shared
 * between records that resolved the same cell the same way.
 */
export function statsRecord(c: Complaint, classification: Classification): AnalyzableComplaint {
  const sheet = `${c.source.file}\u0000${c.source.sheet ?? ""}`;
  let raw = headerOnly.get(sheet);
  if (!raw) headerOnly.set(sheet, (raw = Object.freeze(Object.fromEntries(Object.keys(c.raw).map((k) => [k, ""])))));
  const a = c.area;
  const areaKey = `${a.method}\u0000${a.raw}\u0000${a.code ?? ""}\u0000${a.county ?? ""}\u0000${a.prefectureCode ?? ""}\u0000${a.provinceCode ?? ""}`;
  let area = areas.get(areaKey);
  if (!area) {
    if (areas.size > 100_000) areas.clear();
    areas.set(areaKey, (area = a));
  }
  // one object literal with every field in a fixed order, so that a million records share one
  // hidden class (spreading ingest's records gave each its own, ~650 bytes apiece)
  const r = {
    key: c.key,
    source: c.source,
    seq: c.seq,
    caseNo: c.caseNo,
    batch: c.batch,
    date: c.date,
    text: c.text,
    area,
    officialTypes: c.officialTypes,
    verification: c.verification,
    status: c.status,
    category: c.category,
    channel: c.channel,
    findings: c.findings,
    rectification: c.rectification,
    accountability: c.accountability,
    deadline: c.deadline,
    closedDate: c.closedDate,
    asOf: c.asOf,
    raw,
    classification: statsClassification(classification),
  };
  return r as AnalyzableComplaint;
}
const headerOnly = new Map<string, Readonly<Record<string, string>>>();
const areas = new Map<string, Complaint["area"]>();
