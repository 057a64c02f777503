import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import type { Classification } from "../model/classification.js";
import { useWords } from "../text/segment.js";
import { keyCaseWords } from "./keycase.js";
import { loadLexicon } from "./lexicon.js";
import type { Scheme } from "./scheme.js";
import type { WorkerRequest } from "./worker.js";

/** Below this many texts, worker start-up (~0.4 s each for the dictionaries) is not worth it. */
export const WORKER_THRESHOLD = 3000;
const CHUNK = 500;

/** How many workers to use for n texts when the caller did not say. */
export function defaultWorkers(n: number): number {
  return n < WORKER_THRESHOLD ? 0 : Math.max(1, Math.min(2, availableParallelism()));
}

function startWorker(): Worker {
  if (!import.meta.url.endsWith(".ts")) return new Worker(new URL("./worker.js", import.meta.url));
  // running from src/ (tests, tsx): register tsx's loader inside the worker, then load the TS file
  const url = new URL("./worker.ts", import.meta.url).href;
  return new Worker(`import("tsx/esm/api").then((m) => { m.register(); return import(${JSON.stringify(url)}); });`, { eval: true });
}

interface Slot {
  worker: Worker;
  ready: Promise<void>;
}

/** whether this thread's segmenter already keeps the classifier's words whole */
let mainThreadWords = false;

/**
 * Classification worker threads. Start them early (e.g. before reading the input files) so that
 * their dictionary loading overlaps other work; then classify any number of text lists.
 */
export class ClassifierPool {
  private slots: Slot[];

  constructor(readonly size: number) {
    // the main thread cuts texts too (repeat detection after classifying): it keeps the same
    // words whole as the workers' analyzers, so the repeat groups do not depend on whether the
    // texts were classified in workers or in this thread
    if (!mainThreadWords) {
      useWords(loadLexicon().words);
      useWords(keyCaseWords());
      mainThreadWords = true; // once per process: the bundled lexicon does not change while it runs
    }
    this.slots = Array.from({ length: Math.max(1, size) }, () => {
      const worker = startWorker();
      const ready = new Promise<void>((resolve, reject) => {
        const onMessage = (m: { ready?: boolean; error?: string }) => {
          if (m.error) reject(new Error(`分类线程启动失败：${m.error}`));
          else if (m.ready) resolve();
          worker.off("message", onMessage);
        };
        worker.on("message", onMessage);
        worker.once("error", reject);
      });
      ready.catch(() => undefined); // reported when used
      return { worker, ready };
    });
  }

  /** Classify texts in chunks handed to whichever worker is free; results in input order. */
  async classify(texts: readonly string[], onProgress?: (done: number, total: number) => void, scheme?: Scheme): Promise<Classification[]> {
    const results = new Array<Classification>(texts.length);
    const chunks: { start: number; texts: string[] }[] = [];
    for (let start = 0; start < texts.length; start += CHUNK) chunks.push({ start, texts: texts.slice(start, start + CHUNK) });
    let next = 0;
    let done = 0;
    await Promise.all(
      this.slots.map(async ({ worker, ready }) => {
        await ready;
        await new Promise<void>((resolve, reject) => {
          let inFlight = 0;
          const send = () => {
            const id = next;
            const c = chunks[id];
            if (!c) {
              if (inFlight === 0) {
                cleanup();
                resolve();
              }
              return;
            }
            next++;
            inFlight++;
            worker.postMessage({ id, texts: c.texts, ...(scheme ? { scheme } : {}) } satisfies WorkerRequest);
          };
          const onMessage = (m: { id: number; json?: string; error?: string }) => {
            if (m.error) {
              cleanup();
              reject(new Error(`分类线程出错：${m.error}`));
              return;
            }
            inFlight--;
            const c = chunks[m.id]!;
            (JSON.parse(m.json!) as Classification[]).forEach((r, i) => (results[c.start + i] = r));
            done += c.texts.length;
            onProgress?.(done, texts.length);
            send();
          };
          const onExit = (code: number) => {
            cleanup();
            reject(new Error(`分类线程异常退出（exit ${code}）`));
          };
          const cleanup = () => {
            worker.off("message", onMessage);
            worker.off("exit", onExit);
            worker.off("error", reject);
          };
          worker.on("message", onMessage);
          worker.on("exit", onExit);
          worker.on("error", reject);
          // two chunks in flight per worker, so it never waits while the main thread is busy
          send();
          send();
        });
      }),
    );
    return results;
  }

  /** Stop the workers (the pool cannot be used after). */
  async close(): Promise<void> {
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
  }
}
