import { describe, expect, it } from "vitest";
import {
  HashSets,
  LSH_BUCKET_CAP,
  forEachLshCandidate,
  jaccard,
  lshCandidates,
  minhash,
  minhashHashes,
  shingleHashes,
  shingles,
} from "../../src/analyze/minhash.js";
import { repeats } from "../../src/analyze/repeats.js";
import { complaint } from "./helpers.js";

// The reference MinHash, written out from its definition: FNV-1a of each shingle string, then
// for hash function i the minimum of (a_i·h + b_i) mod 2^32 over the shingles.
function fnv(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}
function referenceSignature(words: string[], k = 64): number[] {
  const strings = new Set<string>();
  words.forEach((w, i) => {
    strings.add(w);
    if (i + 1 < words.length) strings.add(`${w} ${words[i + 1]}`);
  });
  return Array.from({ length: k }, (_, i) => {
    const a = (Math.imul(i + 1, 0x9e3779b1) | 1) >>> 0;
    const b = Math.imul(i + 7, 0x85ebca6b) >>> 0;
    let min = 0xffffffff;
    for (const s of strings) min = Math.min(min, (Math.imul(fnv(s), a) + b) >>> 0);
    return min;
  });
}

// Letters only, so that nothing in these texts looks like a phone number or a name to redact.
const word = (n: number) => `q${n.toString(26).replace(/./g, (d) => String.fromCharCode(97 + parseInt(d, 26)))}`;

describe("MinHash in typed arrays", () => {
  const texts = [["养猪场", "臭气", "熏天", "养猪场"], ["石材厂", "粉尘"], ["噪音"], []];

  it("signatures in the flat array equal the reference computed from shingle strings", () => {
    const sets = new HashSets(texts.length);
    for (const t of texts) sets.add(shingleHashes(t));
    const flat = new Uint32Array(texts.length * 64);
    texts.forEach((_, x) => minhashHashes(sets.get(x), flat, x * 64));
    texts.forEach((t, x) => {
      const ref = referenceSignature(t);
      expect([...flat.subarray(x * 64, x * 64 + 64)]).toEqual(ref);
      expect([...minhash(shingles(t))]).toEqual(ref);
    });
    // an empty text has the all-ones signature
    expect(flat[3 * 64]).toBe(0xffffffff);
  });

  it("flat Jaccard equals Jaccard of the shingle strings", () => {
    const a = ["养猪场", "臭气", "熏天", "村民", "无法", "生活"];
    const b = ["养猪场", "臭气", "熏天", "村民", "无法", "睡觉"];
    const sets = new HashSets(2);
    sets.add(shingleHashes(a));
    sets.add(shingleHashes(b));
    // 6 words + 5 pairs each; 5 words and 4 pairs shared: 9 / (11 + 11 - 9)
    expect(sets.jaccard(0, 1)).toBeCloseTo(9 / 13, 12);
    expect(sets.jaccard(0, 1)).toBe(jaccard(shingles(a), shingles(b)));
    expect(sets.jaccard(0, 0)).toBe(1);
  });
});

describe("LSH candidates", () => {
  // 60 signatures of 8 values from a tiny alphabet: many items share each band
  const n = 60;
  const k = 8;
  const sigs = new Uint32Array(n * k);
  // murmur3's finaliser of the position, top 2 bits
  for (let i = 0; i < sigs.length; i++) {
    let h = Math.imul((i + 1) ^ ((i + 1) >>> 16), 0x85ebca6b);
    h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
    sigs[i] = (h ^ (h >>> 16)) >>> 30;
  }
  const split = (x: number) => sigs.subarray(x * k, x * k + k);

  it("with no bucket over the cap, the same pairs in the same order as the set-based search", () => {
    const seen: [number, number][] = [];
    forEachLshCandidate(sigs, n, k, (x, y) => seen.push([x, y]), 4, n);
    const reference = lshCandidates(
      Array.from({ length: n }, (_, x) => split(x)),
      4,
    );
    expect(reference.length).toBeGreaterThan(200);
    expect(seen).toEqual(reference);
  });

  it("an over-full bucket is split by the next bands: fewer pairs, none outside the reference, none twice", () => {
    // no two signatures equal (those would be chained instead)
    expect(new Set(Array.from({ length: n }, (_, x) => split(x).join())).size).toBe(n);
    const seen: [number, number][] = [];
    forEachLshCandidate(sigs, n, k, (x, y) => seen.push([x, y]), 4, 4);
    const reference = new Set(
      lshCandidates(
        Array.from({ length: n }, (_, x) => split(x)),
        4,
      ).map(([x, y]) => x * n + y),
    );
    const ids = seen.map(([x, y]) => x * n + y);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(reference.has(id)).toBe(true);
    expect(ids.length).toBeLessThan(reference.size);
    // a pair visited in a split bucket shares its band and the band used to split it
    const shares = (x: number, y: number, b: number) => sigs[x * k + 2 * b] === sigs[y * k + 2 * b] && sigs[x * k + 2 * b + 1] === sigs[y * k + 2 * b + 1];
    for (const [x, y] of seen) expect([0, 1, 2, 3].some((b) => shares(x, y, b))).toBe(true);
  });

  it("items with equal signatures beyond the cap are chained, each to the next", () => {
    const same = new Uint32Array(12 * k).fill(7);
    const seen: string[] = [];
    forEachLshCandidate(same, 12, k, (x, y) => seen.push(`${x}-${y}`), 4, 3);
    // every band chains the same 11 pairs (a repeat of a pair costs a comparison, not a link)
    expect(new Set(seen)).toEqual(new Set(Array.from({ length: 11 }, (_, i) => `${i}-${i + 1}`)));
  });
});

describe("repeats with over-full LSH buckets", () => {
  // 1,000 complaints in one county written from one template (6 words) plus 6 words of their
  // own: pairwise Jaccard 11/35, not repeats, but their MinHash minima often fall on the template,
  // which fills LSH buckets far beyond the cap. Planted among them: 10 near-copy pairs (one word
  // changed, Jaccard 21/25) and 150 copies of one text.
  const template = ["石材厂", "粉尘", "很大", "强烈", "要求", "关停"];
  const own = (i: number) => Array.from({ length: 6 }, (_, j) => word(i * 6 + j));
  const texts: string[][] = [];
  for (let i = 0; i < 1000; i++) texts.push([...template, ...own(i)]);
  for (let p = 0; p < 10; p++) texts.push([...template, ...own(p * 97).slice(0, 5), word(900_000 + p)]);
  // own(5000): words no other complaint has
  for (let c = 0; c < 150; c++) texts.push([...template, ...own(5000)]);
  const records = texts.map((t, i) => complaint({ caseNo: `C${i}`, county: "431002", date: "2023-07-01", text: t.join(" ") }));
  const words = (text: string) => text.split(" ");

  it("the template fills a bucket beyond the cap", () => {
    const sizes = new Map<string, number>();
    for (const t of texts.slice(0, 1000)) {
      const sig = minhash(shingles(t));
      const key = `${sig[0]},${sig[1]}`;
      sizes.set(key, (sizes.get(key) ?? 0) + 1);
    }
    expect(Math.max(...sizes.values())).toBeGreaterThan(LSH_BUCKET_CAP);
  });

  it("still groups every near-copy pair and the 150 copies, and nothing else", () => {
    const r = repeats(records, { words, byTarget: false });
    const groups = r.groups.map((g) => g.members.map((m) => m.caseNo).sort()).sort((a, b) => b.length - a.length || a[0]!.localeCompare(b[0]!));
    const expected = [
      Array.from({ length: 150 }, (_, c) => `C${1010 + c}`).sort(),
      ...Array.from({ length: 10 }, (_, p) => [`C${p * 97}`, `C${1000 + p}`].sort()),
    ].sort((a, b) => b.length - a.length || a[0]!.localeCompare(b[0]!));
    expect(groups).toEqual(expected);
    const pair = r.groups.find((g) => g.size === 2)!;
    expect(pair.links[0]).toMatchObject({ kind: "text", jaccard: 0.84 });
    const copies = r.groups.find((g) => g.size === 150)!;
    expect(copies.links).toHaveLength(149);
    expect(copies.links.every((l) => l.kind === "text" && l.jaccard === 1)).toBe(true);
  });

  it("reports progress over the complaints it compares, ending at all of them", () => {
    const calls: [number, number][] = [];
    repeats(records, { words, byTarget: false, onProgress: (done, total) => calls.push([done, total]) });
    // 1,160 complaints in one county: a call every 1,000 and one at the end
    expect(calls).toEqual([
      [1000, 1160],
      [1160, 1160],
    ]);
  });
});
