import { describe, expect, it } from "vitest";
import { MAX_THRESHOLD, MemoryGuard, defaultThreshold, fullCollection } from "../../src/util/memory.js";
import { classifyInSlices } from "../../src/classify/slices.js";

const GB = 1_000_000_000;

/** A guard over a simulated process: a collection brings the heap down to `live` (the resident set falls only later). */
function simulated(threshold: number, live: number) {
  const state = { rss: 0, heap: 0, collected: 0 };
  const guard = new MemoryGuard({
    threshold,
    rss: () => state.rss,
    heapUsed: () => state.heap,
    collect: () => {
      state.collected++;
      state.heap = live;
    },
  });
  return { state, guard };
}

describe("MemoryGuard: a full collection when the resident set passes its threshold", () => {
  it("does not collect at or below the threshold, collects once above it", () => {
    const { state, guard } = simulated(2 * GB, 1 * GB);
    state.heap = 1.4 * GB;
    state.rss = 1.5 * GB;
    expect(guard.check()).toBe(false);
    state.rss = 2 * GB;
    expect(guard.check()).toBe(false);
    expect(state.collected).toBe(0);
    state.rss = 2.1 * GB;
    expect(guard.check()).toBe(true);
    expect(state.collected).toBe(1);
    expect(state.heap).toBe(1 * GB);
    expect(guard.collections).toBe(1);
  });

  it("while the resident set stays high after a collection, waits for the heap to grow 25% over what it left", () => {
    const { state, guard } = simulated(2 * GB, 1 * GB);
    state.heap = 1.6 * GB;
    state.rss = 2.1 * GB;
    expect(guard.check()).toBe(true);
    // freed pages not yet given back: the resident set is still above the threshold, but the heap
    // holds only what the collection left (1 GB): no collection after every part
    expect(guard.check()).toBe(false);
    state.heap = 1.2 * GB;
    state.rss = 2.3 * GB;
    expect(guard.check()).toBe(false);
    state.heap = 1.26 * GB;
    expect(guard.check()).toBe(true);
    expect(state.collected).toBe(2);
  });

  it("after the heap grew, still does not collect while the resident set is under the threshold", () => {
    const { state, guard } = simulated(2 * GB, 0.5 * GB);
    state.heap = 1.5 * GB;
    state.rss = 2.5 * GB;
    expect(guard.check()).toBe(true);
    state.heap = 1.5 * GB;
    state.rss = 1.9 * GB;
    expect(guard.check()).toBe(false);
    expect(state.collected).toBe(1);
  });

  it("does nothing without a collector", () => {
    let read = 0;
    const guard = new MemoryGuard({ threshold: 1, rss: () => ++read * GB, heapUsed: () => GB, collect: undefined });
    expect(guard.check()).toBe(false);
    expect(guard.collections).toBe(0);
  });

  it("starts at an eighth of the machine's memory, at most 2 GB", () => {
    expect(defaultThreshold(8 * 2 ** 30)).toBe(2 ** 30);
    expect(defaultThreshold(24 * 2 ** 30)).toBe(MAX_THRESHOLD);
  });
});

describe("fullCollection: V8's collector without --expose-gc", () => {
  it("frees an object no longer referenced", async () => {
    const gc = fullCollection();
    expect(gc).toBeTypeOf("function");
    // made in a function, so that nothing in this scope refers to the object
    const ref = ((): WeakRef<{ payload: number[] }> => new WeakRef({ payload: Array.from({ length: 1000 }, (_, i) => i) }))();
    // a WeakRef keeps its target alive until the end of the job that made it
    await new Promise((resolve) => setImmediate(resolve));
    gc!();
    expect(ref.deref()).toBeUndefined();
    // asked again: the same function
    expect(fullCollection()).toBe(gc);
  });
});

describe("classifyInSlices checks the guard after every part it hands over", () => {
  it("collects between parts once the (simulated) resident set passes the threshold", async () => {
    const texts = Array.from({ length: 5 }, (_, i) => `工地扬尘严重，晚上施工噪音扰民${i}`);
    const { state, guard } = simulated(2 * GB, 1 * GB);
    state.heap = 1.5 * GB;
    const seen: number[] = [];
    await classifyInSlices(
      texts.length,
      (i) => texts[i]!,
      (start, results) => {
        seen.push(start, results.length);
        // the caller's work raised the resident set past the threshold
        state.rss = 2.5 * GB;
      },
      { workers: 0, memory: guard },
    );
    expect(seen).toEqual([0, 5]);
    expect(state.collected).toBe(1);
  });
});
