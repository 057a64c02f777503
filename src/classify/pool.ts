import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import type { Classification } from "../model/classification.js";
import type { WorkerRequest } from "./worker.js";

/** Below this many texts, worker start-up (~1 s each for the dictionaries) is not worth it. */
export const WORKER_THRESHOLD = 3000;
const CHUNK = 400;

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

/**
 * Classify texts in `workers` threads, in chunks handed to whichever worker is free.
 * Results come back in input order.
 */
export async function classifyInWorkers(texts: readonly string[], workers: number, onProgress?: (done: number, total: number) => void): Promise<Classification[]> {
  const results = new Array<Classification>(texts.length);
  const chunks: { id: number; start: number; texts: string[] }[] = [];
  for (let start = 0, id = 0; start < texts.length; start += CHUNK, id++) chunks.push({ id, start, texts: texts.slice(start, start + CHUNK) });
  let next = 0;
  let done = 0;
  const pool = Array.from({ length: Math.max(1, Math.min(workers, chunks.length)) }, startWorker);
  try {
    await Promise.all(
      pool.map(
        (w) =>
          new Promise<void>((resolve, reject) => {
            const send = () => {
              const c = chunks[next++];
              if (!c) return resolve();
              w.postMessage({ id: c.id, texts: c.texts } satisfies WorkerRequest);
            };
            w.on("message", (m: { ready?: boolean; id?: number; results?: Classification[]; error?: string }) => {
              if (m.error) return reject(new Error(`分类线程出错：${m.error}`));
              if (m.ready) return send();
              const c = chunks[m.id!]!;
              m.results!.forEach((r, i) => (results[c.start + i] = r));
              done += c.texts.length;
              onProgress?.(done, texts.length);
              send();
            });
            w.on("error", reject);
            w.on("exit", (code) => {
              if (code !== 0) reject(new Error(`分类线程异常退出（exit ${code}）`));
            });
          }),
      ),
    );
  } finally {
    await Promise.all(pool.map((w) => w.terminate()));
  }
  return results;
}
