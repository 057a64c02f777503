/**
 * The classifier pool is shared by overlapping calls: `classify` and `stats` queue the next slices
 * while the previous one is written (src/cli/slices.ts), so chunks of different calls are in the
 * workers at the same time. Each call must still get exactly its own results, in its own order.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { sharedClassifier } from "../../src/classify/complaint-classifier.js";
import { ClassifierPool, WORKER_THRESHOLD, chunkResults, defaultWorkers } from "../../src/classify/pool.js";
import { earlyWorkers, startWorkersEarly } from "../../src/classify/spawn.js";
import { statsClassification } from "../../src/classify/compact.js";
import { loadCorpus } from "../../src/classify/corpus.js";
import { classifyInSlices } from "../../src/classify/slices.js";
import type { Classification } from "../../src/model/classification.js";

let pool: ClassifierPool;
let texts: string[];

beforeAll(() => {
  pool = new ClassifierPool(2);
  // more than two chunks (500 texts) per call, so chunks of both calls interleave in the workers
  texts = loadCorpus()
    .map((c) => c.text)
    .slice(0, 1300);
}, 60_000);
afterAll(async () => {
  await pool.close();
});

describe("ClassifierPool", () => {
  it("two overlapping classify() calls give each the results of sequential calls, in order", async () => {
    const a = texts;
    const b = [...texts].reverse().slice(0, 1100);
    const seqA = await pool.classify(a);
    const seqB = await pool.classify(b, undefined, "eight");
    const progressA: number[] = [];
    const [parA, parB] = await Promise.all([pool.classify(a, (done) => progressA.push(done)), pool.classify(b, undefined, "eight")]);
    expect(a.length).toBeGreaterThan(1000);
    expect(parA).toEqual(seqA);
    // b runs in the other scheme: the scheme travels with each call's chunks, not with the pool
    expect(parB).toEqual(seqB);
    expect(seqB.slice(0, 300)).toEqual(sharedClassifier().classifyMany(b.slice(0, 300), "eight"));
    // the two schemes differ somewhere in these texts, so a mix-up of calls would show
    const seven = new Map(a.map((t, i) => [t, seqA[i]!]));
    expect(b.some((t, i) => JSON.stringify(seven.get(t)!.types) !== JSON.stringify(parB[i]!.types))).toBe(true);
    expect(progressA.at(-1)).toBe(a.length);
    expect(progressA).toEqual([...progressA].sort((x, y) => x - y));
  }, 120_000);

  it('"stats" mode sends labels, rounded confidences, the 重点件 flag, target and place, without evidence', async () => {
    const some = texts.slice(0, 600);
    const full = await pool.classify(some);
    const stats = await pool.classify(some, undefined, undefined, { mode: "stats" });
    expect(stats).toEqual(full.map(statsClassification));
    const withEvidence = full.findIndex((c) => c.types.some((t) => t.evidence.length) && c.keyCase.reasons.length);
    expect(withEvidence).toBeGreaterThanOrEqual(0);
    const s = stats[withEvidence]!;
    expect(s.types.map((t) => t.label)).toEqual(full[withEvidence]!.types.map((t) => t.label));
    expect(s.types.every((t) => t.evidence.length === 0 && Math.round(t.confidence * 10) === t.confidence * 10)).toBe(true);
    expect(s.keyCase).toEqual({ suggested: full[withEvidence]!.keyCase.suggested, reasons: [] });
  }, 120_000);

  it("takes a worker started early with the 'ready' it sent before the pool existed; texts cleaned in this thread", async () => {
    startWorkersEarly(1);
    // the worker has loaded its dictionaries and said so while no pool was listening
    await vi.waitFor(() => expect(earlyWorkers().events).toBeGreaterThan(0), { timeout: 60_000, interval: 50 });
    const p = new ClassifierPool(1);
    try {
      expect(earlyWorkers().waiting).toBe(0);
      const some = [...texts.slice(0, 700), "张三，13800000000，厂里粉尘很大，晚上机器轰鸣"];
      const chunks = await Promise.all(p.classifyChunked(some));
      expect(chunks.flatMap(chunkResults)).toEqual(sharedClassifier().classifyMany(some));
      // personal data is found by the cleaning in this thread: the phone is in text 700, the second chunk's 200th
      expect(chunks[1]!.pii).toContain(200);
      expect(chunks[0]!.pii).not.toContain(200);
    } finally {
      await p.close();
    }
  }, 120_000);

  it("classifyInSlices through two workers: the in-thread classifications in input order, for mixed texts and a scheme", async () => {
    // corpus texts with personal data mixed in every 97th place, classified in the eight-class
    // scheme: each part handed to onSlice must be the in-thread result for exactly its texts,
    // and piiFree false exactly where this thread's search finds personal data (where it was put
    // and in the few corpus texts that have some of their own)
    const mixed = texts.map((t, i) => (i % 97 === 5 ? `我是李建国，电话13912345678，${t}` : t));
    const found: boolean[] = [];
    const expected = sharedClassifier().classifyMany(mixed, "eight", found);
    const got: Classification[] = [];
    const withPii: number[] = [];
    await classifyInSlices(
      mixed.length,
      (i) => mixed[i]!,
      (start, results, piiFree) => {
        expect(start).toBe(got.length); // parts come in input order, none skipped or repeated
        results.forEach((r, k) => {
          got.push(r);
          if (!piiFree!(k)) withPii.push(start + k);
        });
      },
      { pool, scheme: "eight" },
    );
    expect(got).toEqual(expected);
    expect(withPii).toEqual(found.flatMap((f, i) => (f ? [i] : [])));
    expect(withPii).toEqual(expect.arrayContaining(mixed.flatMap((_, i) => (i % 97 === 5 ? [i] : []))));
    // the scheme reached the workers: 固废 is a type of the eight classes only
    expect(got.some((c) => c.types.some((t) => t.label === "固废"))).toBe(true);
  }, 120_000);

  it("a closed pool refuses new work with a clear error", async () => {
    const p = new ClassifierPool(1);
    await p.close();
    await expect(p.classify(["粉尘"])).rejects.toThrow("分类线程已关闭");
  }, 60_000);
});

describe("defaultWorkers", () => {
  it("uses no worker for a few texts, one on two cores or fewer, two from three cores", () => {
    expect(defaultWorkers(WORKER_THRESHOLD - 1, 8)).toBe(0);
    // two workers on two cores: three busy threads (main formats and writes) on two cores
    expect(defaultWorkers(WORKER_THRESHOLD, 1)).toBe(1);
    expect(defaultWorkers(40_000, 2)).toBe(1);
    expect(defaultWorkers(40_000, 3)).toBe(2);
    expect(defaultWorkers(1_000_000, 64)).toBe(2);
  });
});
