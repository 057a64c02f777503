/**
 * Starting classification worker threads. Kept apart from pool.ts, with no imports of the
 * classifier, so that the CLI can start its workers before it loads the modules of the command
 * (~0.1 s): a worker's own start (modules, models, the segmenter's table: ~0.35 s) is the first
 * stretch of a one-worker run's critical path.
 */
import { Worker } from "node:worker_threads";

/**
 * A worker's young generation (MB): a chunk's tokens, analyses and result objects all die young,
 * and with V8's default (some 16–32 MB) they are scavenged several times per chunk; at 96 MB a
 * 40,000-text run spent some 5% less CPU time (bench:classify, one worker) for ~5 MB more peak.
 */
const YOUNG_GENERATION_MB = 96;

/** A new classification worker thread (worker.ts). */
export function startWorker(): Worker {
  const resourceLimits = { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB };
  if (!import.meta.url.endsWith(".ts")) return new Worker(new URL("./worker.js", import.meta.url), { resourceLimits });
  // running from src/ (tests, tsx): register tsx's loader inside the worker, then load the TS file
  const url = new URL("./worker.ts", import.meta.url).href;
  return new Worker(`import("tsx/esm/api").then((m) => { m.register(); return import(${JSON.stringify(url)}); });`, { eval: true, resourceLimits });
}

/** What a worker started early said or did before a pool took it, in order. */
export type EarlyEvent = { kind: "message"; value: unknown } | { kind: "error"; value: Error } | { kind: "exit"; value: number };

interface Early {
  worker: Worker;
  events: EarlyEvent[];
  stop: () => void;
}

const early: Early[] = [];

/**
 * Start `n` workers now for a {@link ClassifierPool} made later in this process. Until a pool
 * takes them they do not keep the process alive, and what they send (their "ready") is kept
 * for the pool; {@link dropEarlyWorkers} stops those no pool took.
 */
export function startWorkersEarly(n: number): void {
  for (let i = 0; i < n; i++) {
    const worker = startWorker();
    const events: EarlyEvent[] = [];
    const onMessage = (value: unknown) => events.push({ kind: "message", value });
    const onError = (value: Error) => events.push({ kind: "error", value });
    const onExit = (value: number) => events.push({ kind: "exit", value });
    worker.on("message", onMessage).on("error", onError).on("exit", onExit);
    worker.unref();
    const stop = () => worker.off("message", onMessage).off("error", onError).off("exit", onExit);
    early.push({ worker, events, stop });
  }
}

/**
 * A worker started early (with what it sent so far, to be handled as if it came now), or a new
 * one. The caller must listen to the worker's events before it returns to the event loop.
 */
export function takeWorker(): { worker: Worker; events: EarlyEvent[] } {
  const e = early.shift();
  if (!e) return { worker: startWorker(), events: [] };
  e.stop();
  e.worker.ref();
  return { worker: e.worker, events: e.events };
}

/** Stop the workers started early that no pool took (e.g. the command failed before it made one). */
export async function dropEarlyWorkers(): Promise<void> {
  await Promise.all(
    early.splice(0).map((e) => {
      e.stop();
      return e.worker.terminate();
    }),
  );
}

/** Workers started early and not yet taken, and what they sent so far (for tests). */
export function earlyWorkers(): { waiting: number; events: number } {
  return { waiting: early.length, events: early.reduce((n, e) => n + e.events.length, 0) };
}
