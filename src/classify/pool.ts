import { availableParallelism } from "node:os";
import type { Worker } from "node:worker_threads";
import type { Classification } from "../model/classification.js";
import { useWords } from "../text/segment.js";
import { keyCaseWords } from "./keycase.js";
import { loadLexicon } from "./lexicon.js";
import type { Scheme } from "./scheme.js";
import type { WorkerRequest, WorkerResponse } from "./worker.js";
import { decodeClassifications } from "./wire.js";
import { Analyzer } from "./features.js";
import { type EarlyEvent, takeWorker } from "./spawn.js";
import { trace } from "../util/trace.js";

/** Below this many texts, worker start-up (~0.35 s each: modules, models, the segmenter's table) is not worth it. */
export const WORKER_THRESHOLD = 3000;
/** Texts per message to a worker. */
export const CHUNK = 500;

/**
 * How many workers to use for n texts when the caller did not say: none for a few texts; one on
 * a machine of one or two cores; two on more. Each worker pays its own start (modules, models
 * and the segmenter's table, ~0.35 s CPU; ~0.9 s with nodejieba's dictionary before mpcut.ts)
 * and its own warm-up (the JIT and the per-token caches), and the main thread formats and writes
 * results meanwhile: with two workers on two cores three busy threads share two cores, and the
 * run used ~30–40% more CPU than with one worker for a longer wall time (bench:classify,
 * docs/scale.md). Nor does the main thread gain by classifying a share beside one worker (its own
 * classifier, warm-up and compiles: docs/scale.md, eighth pass). A third core gives the main
 * thread its own.
 */
export function defaultWorkers(n: number, cores: number = availableParallelism()): number {
  if (n < WORKER_THRESHOLD) return 0;
  return cores <= 2 ? 1 : 2;
}

/**
 * What a caller gets back for each text: "full" (default) is the whole {@link Classification};
 * "stats" leaves out what no statistic reads (evidence words, 重点件 reasons) and keeps the
 * confidences to one decimal, so that less crosses between threads.
 */
export type ResultMode = "full" | "stats";

/** A chunk's classifications as the worker sent them (read them with {@link chunkResults}). */
export interface ResultChunk {
  /** the classifications: in "stats" mode the objects' JSON, in "full" mode wire.ts's compact JSON */
  json: string;
  /** the mode the chunk was classified in */
  mode: ResultMode;
  /** indexes (in the chunk) of the texts in which personal data was found; redacting any other leaves it unchanged */
  pii: number[];
}

/** A chunk's classifications, in input order. */
export function chunkResults(chunk: ResultChunk): Classification[] {
  return chunk.mode === "full" ? decodeClassifications(chunk.json) : (JSON.parse(chunk.json) as Classification[]);
}

/** One chunk of texts handed to a worker, and what to do with its results. */
interface Job {
  id: number;
  /** the texts, replaced by their `Analyzer.clean` form when `pii` is set (see {@link cleanJob}) */
  texts: string[];
  /** once the texts are cleaned: the indexes of those in which personal data was found */
  pii?: number[];
  scheme?: Scheme | undefined;
  mode: ResultMode;
  resolve: (chunk: ResultChunk) => void;
  reject: (error: Error) => void;
}

/**
 * Clean a chunk's texts in this thread (what the classifier reads of a text: neutralize.ts) and
 * note which had personal data, so that the worker need not. This thread waits while the workers
 * load their dictionaries (~1 s), and with one worker it waits for some 40% of the run while the
 * worker's time is the run's: a chunk the worker does not clean is ~8% of its work off the
 * critical path. With two workers this thread is the busiest one once they run (it formats
 * results for both): then the workers clean their chunks themselves (see {@link ClassifierPool.pump}).
 */
function cleanJob(job: Job): void {
  if (job.pii) return;
  const report = { pii: false };
  const pii: number[] = [];
  const texts = job.texts;
  for (let i = 0; i < texts.length; i++) {
    texts[i] = Analyzer.clean(texts[i]!, report);
    if (report.pii) pii.push(i);
  }
  job.pii = pii;
}

type Message = Partial<WorkerResponse> & { ready?: boolean; error?: string };

interface Slot {
  worker: Worker;
  /** the worker has loaded its dictionaries */
  ready: boolean;
  /** set when the worker failed: the pool cannot be used after */
  failed?: Error;
  /** jobs sent to this worker, by message id */
  inFlight: Map<number, Job>;
}

/**
 * Chunks in flight per worker, so that it never waits while the main thread is busy: formatting
 * and writing a chunk of results there can take as long as a worker takes to classify one, and
 * with two in flight a worker that finished both before the main thread read its messages would idle.
 */
const IN_FLIGHT = 4;

/** whether this thread's segmenter already keeps the classifier's words whole */
let mainThreadWords = false;

/**
 * Classification worker threads. Start them early (e.g. before reading the input files) so that
 * their dictionary loading overlaps other work; then classify any number of text lists, also
 * several at once (chunks of all calls share one queue, message ids are unique per pool).
 */
export class ClassifierPool {
  private slots: Slot[];
  private queue: Job[] = [];
  private nextId = 0;
  private broken: Error | undefined;

  constructor(readonly size: number) {
    trace("pool start");
    // the main thread cuts texts too (repeat detection after classifying): it keeps the same
    // words whole as the workers' analyzers, so the repeat groups do not depend on whether the
    // texts were classified in workers or in this thread
    if (!mainThreadWords) {
      useWords(loadLexicon().words);
      useWords(keyCaseWords());
      mainThreadWords = true; // once per process: the bundled lexicon does not change while it runs
      trace("main thread words registered");
    }
    const early: [Slot, EarlyEvent[]][] = [];
    const exited = (slot: Slot, code: number) => this.fail(slot, new Error(`分类线程异常退出（exit ${code}）`));
    this.slots = Array.from({ length: Math.max(1, size) }, () => {
      const { worker, events } = takeWorker();
      const slot: Slot = { worker, ready: false, inFlight: new Map() };
      worker.on("message", (m: Message) => this.onMessage(slot, m));
      worker.on("error", (e: Error) => this.fail(slot, e));
      worker.on("exit", (code: number) => exited(slot, code));
      early.push([slot, events]);
      return slot;
    });
    // a worker started early (spawn.ts) may have said "ready" (or failed) already
    for (const [slot, events] of early)
      for (const e of events) {
        if (e.kind === "message") this.onMessage(slot, e.value as Message);
        else if (e.kind === "error") this.fail(slot, e.value);
        else exited(slot, e.value);
      }
  }

  private onMessage(slot: Slot, m: Message): void {
    if (m.id === undefined) {
      if (m.error) this.fail(slot, new Error(`分类线程启动失败：${m.error}`));
      else if (m.ready) {
        trace(`worker ${slot.worker.threadId} ready`);
        slot.ready = true;
        this.pump();
      }
      return;
    }
    const job = slot.inFlight.get(m.id);
    if (!job) return;
    slot.inFlight.delete(m.id);
    trace(`chunk ${m.id} back from ${slot.worker.threadId}`);
    if (m.error) job.reject(new Error(`分类线程出错：${m.error}`));
    else job.resolve({ json: m.json!, mode: job.mode, pii: job.pii ?? m.pii ?? [] });
    this.pump();
  }

  /** A worker failed or exited: its jobs and every queued one fail, and so does any later call. */
  private fail(slot: Slot, error: Error): void {
    if (slot.failed) return;
    slot.failed = error;
    this.broken ??= error;
    for (const job of slot.inFlight.values()) job.reject(error);
    slot.inFlight.clear();
    for (const job of this.queue.splice(0)) job.reject(error);
  }

  /** Hand queued chunks to the ready workers with room. */
  private pump(): void {
    for (const slot of this.slots) {
      if (!slot.ready || slot.failed) continue;
      while (slot.inFlight.size < IN_FLIGHT && this.queue.length) {
        const job = this.queue.shift()!;
        if (this.slots.length === 1) cleanJob(job);
        slot.inFlight.set(job.id, job);
        trace(`chunk ${job.id} to ${slot.worker.threadId}`);
        slot.worker.postMessage({
          id: job.id,
          texts: job.texts,
          mode: job.mode,
          cleaned: job.pii !== undefined,
          ...(job.scheme ? { scheme: job.scheme } : {}),
        } satisfies WorkerRequest);
      }
    }
  }

  /** whether a cleanAhead loop is running */
  private cleaning = false;

  /**
   * While no worker is ready, clean the queued chunks one per turn of the event loop (so that a
   * worker's "ready" is handled between them): the main thread would otherwise wait idle.
   */
  private cleanAhead(): void {
    if (this.cleaning) return;
    this.cleaning = true;
    const step = () => {
      const job = this.broken || this.slots.some((s) => s.ready) ? undefined : this.queue.find((j) => !j.pii);
      if (!job) {
        this.cleaning = false;
        return;
      }
      cleanJob(job);
      setImmediate(step);
    };
    setImmediate(step);
  }

  /**
   * Classify texts in chunks handed to whichever worker is free; results in input order. Calls
   * may overlap (e.g. the next slice while the previous one is written): each gets its own results.
   */
  async classify(
    texts: readonly string[],
    onProgress?: (done: number, total: number) => void,
    scheme?: Scheme,
    options: { mode?: ResultMode } = {},
  ): Promise<Classification[]> {
    const results = new Array<Classification>(texts.length);
    const chunks = this.classifyChunked(texts, onProgress, scheme, options);
    for (let c = 0; c < chunks.length; c++) {
      const rs = chunkResults(await chunks[c]!);
      for (let i = 0; i < rs.length; i++) results[c * CHUNK + i] = rs[i]!;
    }
    return results;
  }

  /**
   * Queue texts for classification and return one promise per chunk (CHUNK texts each but the
   * last), in input order, each settled when its chunk comes back: a caller that awaits them in
   * turn uses the first results while the workers still classify the rest, instead of waiting
   * for the last chunk. Every promise is given a handler: a failure is reported where it is awaited.
   */
  classifyChunked(
    texts: readonly string[],
    onProgress?: (done: number, total: number) => void,
    scheme?: Scheme,
    options: { mode?: ResultMode } = {},
  ): Promise<ResultChunk>[] {
    if (this.broken) {
      const failed = Promise.reject(this.broken);
      failed.catch(() => undefined);
      return [failed];
    }
    let done = 0;
    const chunks: Promise<ResultChunk>[] = [];
    for (let start = 0; start < texts.length; start += CHUNK) {
      const part = texts.slice(start, start + CHUNK);
      const chunk = new Promise<ResultChunk>((resolve, reject) => {
        this.queue.push({ id: this.nextId++, texts: part, scheme, mode: options.mode ?? "full", resolve, reject });
      }).then((c) => {
        done += part.length;
        onProgress?.(done, texts.length);
        return c;
      });
      chunk.catch(() => undefined);
      chunks.push(chunk);
    }
    this.pump();
    this.cleanAhead();
    return chunks;
  }

  /** Stop the workers (the pool cannot be used after). */
  async close(): Promise<void> {
    this.broken ??= new Error("分类线程已关闭");
    for (const s of this.slots) {
      s.failed ??= this.broken; // the exits that follow are no failures
      for (const job of s.inFlight.values()) job.reject(this.broken);
      s.inFlight.clear();
    }
    for (const job of this.queue.splice(0)) job.reject(this.broken);
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
  }
}
