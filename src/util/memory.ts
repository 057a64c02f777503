/**
 * A bound on the garbage a long streaming run leaves uncollected. V8 runs a full collection when
 * the old generation reaches a limit it sets from the live size at the previous one; after
 * ingesting a national year (~1.3 GB live) that limit lets the heap grow by as much again before
 * it collects. Meanwhile the records written and dropped slice by slice, and every slice's
 * results that outlived a young-generation collection, sit in the old generation as garbage:
 * `classify --out x.csv` on 1,000,000 rows peaked anywhere from 1.55 to 3.05 GB between identical
 * runs while what it held stayed under 2 GB. A fixed heap cap (--max-old-space-size) bounds that
 * too but crashes an input whose live set is larger; the guard below never refuses memory: above
 * a threshold it asks for a full collection once, then waits for the heap to grow by a margin
 * over what that collection left before asking again.
 */
import { totalmem } from "node:os";
import { getHeapStatistics, setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { trace, tracing } from "./trace.js";

/** Below this resident set no collection is ever asked for: a run of up to ~100,000 rows stays under it. */
export const MAX_THRESHOLD = 2_000_000_000;

/** The first threshold on a machine with `total` bytes of memory: an eighth of it, at most {@link MAX_THRESHOLD}. */
export function defaultThreshold(total: number = totalmem()): number {
  return Math.min(MAX_THRESHOLD, Math.floor(total / 8));
}

export interface MemoryGuardOptions {
  /** resident set (bytes) above which a full collection is asked for; {@link defaultThreshold} by default */
  threshold?: number;
  /**
   * after a collection, the next one is asked for only once the heap in use has grown by this
   * factor over what the collection left (default 1.25): the resident set does not fall at once
   * after a collection (freed pages go back to the system later), and a large live set is not
   * collected again and again for little garbage
   */
  growth?: number;
  /** the resident set in bytes (default process.memoryUsage.rss) */
  rss?: () => number;
  /** the bytes in use in V8's heap (default v8.getHeapStatistics().used_heap_size) */
  heapUsed?: () => number;
  /** a full garbage collection (default V8's, see {@link fullCollection}); undefined: the guard does nothing */
  collect?: (() => void) | undefined;
  /** {@link MemoryGuard.tick} checks on every `every`-th call (default 256): one resident-set read per few hundred rows */
  every?: number;
}

/**
 * Asks V8 for a full collection when the resident set passes a threshold; call {@link check}
 * between units of work (e.g. after each slice of results is written).
 */
export class MemoryGuard {
  private readonly threshold: number;
  private readonly growth: number;
  private readonly rss: () => number;
  private readonly heapUsed: () => number;
  private readonly collect: (() => void) | undefined;
  private readonly every: number;
  private ticks = 0;
  /** heap in use (bytes) below which no collection is asked for: what the last one left, times growth */
  private heapLimit = 0;
  /** full collections asked for so far */
  collections = 0;

  constructor(options: MemoryGuardOptions = {}) {
    this.threshold = options.threshold ?? defaultThreshold();
    this.growth = options.growth ?? 1.25;
    this.rss = options.rss ?? (() => process.memoryUsage.rss());
    this.heapUsed = options.heapUsed ?? (() => getHeapStatistics().used_heap_size);
    this.collect = "collect" in options ? options.collect : fullCollection();
    this.every = Math.max(1, options.every ?? 256);
  }

  /**
   * For a loop that allocates per row (the repeat search segments every text again): {@link check}
   * on every `every`-th call, so the loop pays a counter per row and a resident-set read per few
   * hundred. Returns whether it collected.
   */
  tick(): boolean {
    if (++this.ticks < this.every) return false;
    this.ticks = 0;
    return this.check();
  }

  /** Collect if the resident set is above the threshold and the heap grew since the last collection; returns whether it did. */
  check(): boolean {
    if (!this.collect) return false;
    const rss = this.rss();
    if (rss <= this.threshold) return false;
    const before = this.heapUsed();
    if (before < this.heapLimit) return false;
    this.collect();
    this.collections++;
    const after = this.heapUsed();
    this.heapLimit = Math.floor(after * this.growth);
    if (tracing) trace(`full collection at rss ${mb(rss)} MB: heap ${mb(before)} -> ${mb(after)} MB, next once above ${mb(this.heapLimit)} MB`);
    return true;
  }
}

const mb = (bytes: number) => (bytes / 1e6).toFixed(0);

/**
 * The guard's settings from DUCHA_MEMORY_GUARD, for measuring it: "off" turns it off (V8 collects
 * as it would without it), a number of megabytes sets the threshold (e.g. 600 to watch it work on
 * a 200,000-row run); unset or anything else, the defaults.
 */
export function guardFromEnvironment(value: string | undefined = process.env.DUCHA_MEMORY_GUARD): MemoryGuardOptions {
  if (value === "off") return { collect: undefined };
  const mbs = value && /^\d+$/.test(value) ? Number(value) : 0;
  return mbs > 0 ? { threshold: mbs * 1e6 } : {};
}

let shared: MemoryGuard | undefined;

/**
 * The process's guard, shared by its phases (classification in slices, then the repeat search and
 * the statistics): the resident set is the process's, and a collection asked for by one phase
 * sets where the next may ask again. Made on first use, from {@link guardFromEnvironment}.
 */
export function processGuard(): MemoryGuard {
  return (shared ??= new MemoryGuard(guardFromEnvironment()));
}

let gc: (() => void) | null | undefined;

/**
 * V8's full garbage collection as a function, without starting node with --expose-gc: the flag
 * set at run time installs `gc` in contexts created after it. Undefined where that fails (the
 * guard then does nothing and V8 collects as it would have).
 */
export function fullCollection(): (() => void) | undefined {
  if (gc === undefined) {
    const exposed = typeof globalThis.gc === "function";
    try {
      if (!exposed) setFlagsFromString("--expose-gc");
      const fn: unknown = runInNewContext("gc");
      gc = typeof fn === "function" ? (fn as () => void) : null;
    } catch {
      gc = null;
    } finally {
      // only the context just made gets it: code run later in new contexts sees no `gc`
      if (!exposed) setFlagsFromString("--no-expose-gc");
    }
  }
  return gc ?? undefined;
}
