/** Words of a text as a set of shingles: every word, and every pair of consecutive words. */
export function shingles(words: readonly string[]): Set<string> {
  const s = new Set<string>();
  for (let i = 0; i < words.length; i++) {
    s.add(words[i]!);
    if (i + 1 < words.length) s.add(`${words[i]} ${words[i + 1]}`);
  }
  return s;
}

/** |A ∩ B| / |A ∪ B|; 0 for two empty sets. */
export function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (!a.size && !b.size) return 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let inter = 0;
  for (const x of small) if (large.has(x)) inter++;
  return inter / (a.size + b.size - inter);
}

/** 32-bit FNV-1a of a string. */
function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Fixed odd multipliers and offsets for the hash family (deterministic across runs). */
const SEEDS = Array.from({ length: 128 }, (_, i) => [(Math.imul(i + 1, 0x9e3779b1) | 1) >>> 0, Math.imul(i + 7, 0x85ebca6b) >>> 0] as const);

/** MinHash signature with `k` hash functions (universal hashing of the FNV hash). */
export function minhash(set: ReadonlySet<string>, k = 64): Uint32Array {
  const sig = new Uint32Array(k).fill(0xffffffff);
  for (const x of set) {
    const h = fnv1a(x);
    for (let i = 0; i < k; i++) {
      const [a, b] = SEEDS[i]!;
      const v = (Math.imul(h, a) + b) >>> 0;
      if (v < sig[i]!) sig[i] = v;
    }
  }
  return sig;
}

/**
 * Candidate pairs by locality-sensitive hashing: signatures split into `bands` bands; two items
 * sharing any band are candidates. With 64 hashes in 32 bands of 2 rows a pair at Jaccard 0.3 is
 * a candidate with probability 1 - (1 - 0.3^2)^32 = 95%; at 0.4, 99.6%.
 */
export function lshCandidates(signatures: readonly Uint32Array[], bands = 32): [number, number][] {
  if (!signatures.length) return [];
  const rows = Math.floor(signatures[0]!.length / bands);
  const pairs = new Set<number>();
  const out: [number, number][] = [];
  const n = signatures.length;
  for (let b = 0; b < bands; b++) {
    const buckets = new Map<string, number[]>();
    for (let i = 0; i < n; i++) {
      const sig = signatures[i]!;
      let key = "";
      for (let r = 0; r < rows; r++) key += `${sig[b * rows + r]},`;
      let list = buckets.get(key);
      if (!list) buckets.set(key, (list = []));
      list.push(i);
    }
    for (const list of buckets.values()) {
      for (let x = 0; x < list.length; x++) {
        for (let y = x + 1; y < list.length; y++) {
          const id = list[x]! * n + list[y]!;
          if (!pairs.has(id)) {
            pairs.add(id);
            out.push([list[x]!, list[y]!]);
          }
        }
      }
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// The same in typed arrays, for a million complaints: a shingle set is the sorted distinct FNV
// hashes of its shingles (no strings kept), signatures sit in one flat Uint32Array, and LSH
// candidates are checked for earlier shared bands instead of being remembered in a set.

/** The distinct 32-bit hashes of a text's shingles (see {@link shingles}), sorted. */
export function shingleHashes(words: readonly string[]): Uint32Array {
  const n = words.length;
  const h = new Uint32Array(n ? 2 * n - 1 : 0);
  for (let i = 0; i < n; i++) {
    h[2 * i] = fnv1a(words[i]!);
    if (i + 1 < n) h[2 * i + 1] = fnv1a(`${words[i]} ${words[i + 1]}`);
  }
  h.sort();
  let k = 0;
  for (let i = 0; i < h.length; i++) if (i === 0 || h[i] !== h[i - 1]) h[k++] = h[i]!;
  return h.subarray(0, k);
}

/**
 * MinHash of a hashed shingle set into `out` at `offset` (k values): the same signature
 * {@link minhash} gives for the set of strings, since it only ever sees their FNV hashes.
 */
export function minhashHashes(hashes: Uint32Array, out: Uint32Array, offset: number, k = 64): void {
  out.fill(0xffffffff, offset, offset + k);
  for (let j = 0; j < hashes.length; j++) {
    const h = hashes[j]!;
    for (let i = 0; i < k; i++) {
      const [a, b] = SEEDS[i]!;
      const v = (Math.imul(h, a) + b) >>> 0;
      if (v < out[offset + i]!) out[offset + i] = v;
    }
  }
}

/** Jaccard similarity of two sorted distinct hash sets; 0 for two empty sets. */
export function jaccardSorted(a: Uint32Array, b: Uint32Array): number {
  if (!a.length && !b.length) return 0;
  let i = 0;
  let j = 0;
  let inter = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      inter++;
      i++;
      j++;
    } else if (a[i]! < b[j]!) i++;
    else j++;
  }
  return inter / (a.length + b.length - inter);
}

/**
 * {@link lshCandidates} over `n` signatures of `k` values in one flat array, calling `visit(x, y)`
 * for each candidate pair (x < y) once, in the same order. A pair is new in band b when it shares
 * no earlier band, which is checked on the signatures: no set of pairs is kept.
 */
export function forEachLshCandidate(signatures: Uint32Array, n: number, k: number, visit: (x: number, y: number) => void, bands = 32): void {
  if (!n) return;
  const rows = Math.floor(k / bands);
  const sharesEarlierBand = (x: number, y: number, band: number) => {
    for (let b = 0; b < band; b++) {
      let same = true;
      for (let r = 0; r < rows && same; r++) same = signatures[x * k + b * rows + r] === signatures[y * k + b * rows + r];
      if (same) return true;
    }
    return false;
  };
  for (let b = 0; b < bands; b++) {
    const buckets = new Map<string, number[]>();
    for (let i = 0; i < n; i++) {
      let key = "";
      for (let r = 0; r < rows; r++) key += `${signatures[i * k + b * rows + r]},`;
      let list = buckets.get(key);
      if (!list) buckets.set(key, (list = []));
      list.push(i);
    }
    for (const list of buckets.values()) {
      for (let x = 0; x < list.length; x++) {
        for (let y = x + 1; y < list.length; y++) if (!sharesEarlierBand(list[x]!, list[y]!, b)) visit(list[x]!, list[y]!);
      }
    }
  }
}
