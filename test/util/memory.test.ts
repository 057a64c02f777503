import { describe, expect, it } from "vitest";
import { MAX_THRESHOLD, MemoryGuard, defaultThreshold, fullCollection, guardFromEnvironment } from "../../src/util/memory.js";
import { classifyInSlices } from "../../src/classify/slices.js";
import { repeats } from "../../src/analyze/repeats.js";
import { complaint } from "../analyze/helpers.js";

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

  it("tick() reads the resident set on every `every`-th call only", () => {
    let reads = 0;
    const guard = new MemoryGuard({ threshold: 2 * GB, every: 3, rss: () => (++reads, GB), heapUsed: () => GB, collect: () => {} });
    for (let i = 0; i < 8; i++) guard.tick();
    expect(reads).toBe(2);
  });

  it("DUCHA_MEMORY_GUARD: off turns it off, a number of MB sets the threshold", () => {
    const heapUsed = () => GB;
    let collected = 0;
    const collect = () => void collected++;
    expect(new MemoryGuard({ ...guardFromEnvironment("off"), rss: () => 3 * GB, heapUsed }).check()).toBe(false);
    expect(guardFromEnvironment("off").collect).toBeUndefined();
    const at600 = new MemoryGuard({ collect, ...guardFromEnvironment("600"), rss: () => 0.61 * GB, heapUsed });
    expect(at600.check()).toBe(true);
    const defaults = new MemoryGuard({ collect, ...guardFromEnvironment(undefined), rss: () => 0.61 * GB, heapUsed });
    expect(defaults.check()).toBe(false);
    expect(guardFromEnvironment("yes")).toEqual({});
    expect(collected).toBe(1);
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

describe("the repeat search checks the guard while it segments the texts", () => {
  it("reads the resident set once per 256 complaints and collects when it is over the threshold", () => {
    // 600 complaints of one county, no two alike (one distinct word each): 600 segmented, no pair
    // linked, no group built
    const records = Array.from({ length: 600 }, (_, i) => complaint({ caseNo: `C${i}`, county: "431002", text: `编号${i}` }));
    let reads = 0;
    const state = { heap: 1.5 * GB, collected: 0 };
    const guard = new MemoryGuard({
      threshold: 2 * GB,
      rss: () => (++reads, 2.5 * GB),
      heapUsed: () => state.heap,
      collect: () => {
        state.collected++;
        state.heap = 1 * GB;
      },
    });
    const result = repeats(records, { words: (t) => [t], byTarget: false, memory: guard });
    expect(result.groups).toEqual([]);
    expect(reads).toBe(2);
    // the second read found the heap under 125% of what the first collection left
    expect(state.collected).toBe(1);
  });

  it("ticks once per group it builds too", () => {
    // 300 pairs of identical texts: 600 segmented, 300 linked, 300 groups built = 1,200 ticks
    const records = Array.from({ length: 600 }, (_, i) => complaint({ caseNo: `D${i}`, county: "431002", text: `编号${i >> 1}` }));
    let reads = 0;
    const guard = new MemoryGuard({ threshold: 2 * GB, rss: () => (++reads, GB), heapUsed: () => GB, collect: () => {} });
    const result = repeats(records, { words: (t) => [t], byTarget: false, memory: guard });
    expect(result.groups).toHaveLength(300);
    expect(reads).toBe(Math.floor(1200 / 256));
  });
});
