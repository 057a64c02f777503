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
const SEED_A = Uint32Array.from({ length: 128 }, (_, i) => (Math.imul(i + 1, 0x9e3779b1) | 1) >>> 0);
const SEED_B = Uint32Array.from({ length: 128 }, (_, i) => Math.imul(i + 7, 0x85ebca6b) >>> 0);

/** MinHash signature with `k` hash functions (universal hashing of the FNV hash). */
export function minhash(set: ReadonlySet<string>, k = 64): Uint32Array {
  const sig = new Uint32Array(k).fill(0xffffffff);
  for (const x of set) {
    const h = fnv1a(x);
    for (let i = 0; i < k; i++) {
      const v = (Math.imul(h, SEED_A[i]!) + SEED_B[i]!) >>> 0;
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
// hashes of its shingles (no strings kept), the sets of a county sit in one flat array, signatures
// in another, and LSH buckets are formed in typed hash tables. A bucket too full to compare all
// its pairs (templated texts put thousands of complaints in one bucket) is split by the values of
// the next bands, as if its band were longer.

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

/** Many sorted hash sets (see {@link shingleHashes}) in one flat array: set x is data[start[x]..start[x + 1]). */
export class HashSets {
  data = new Uint32Array(1024);
  start: Int32Array;
  length = 0;
  constructor(capacity: number) {
    this.start = new Int32Array(capacity + 1);
  }
  add(hashes: Uint32Array): void {
    const end = this.start[this.length]!;
    if (end + hashes.length > this.data.length) {
      const grown = new Uint32Array(Math.max(2 * this.data.length, end + hashes.length));
      grown.set(this.data.subarray(0, end));
      this.data = grown;
    }
    this.data.set(hashes, end);
    this.start[++this.length] = end + hashes.length;
  }
  /** Set x as a view (no copy). */
  get(x: number): Uint32Array {
    return this.data.subarray(this.start[x]!, this.start[x + 1]!);
  }
  /** {@link jaccardSorted} of sets x and y without making views. */
  jaccard(x: number, y: number): number {
    const d = this.data;
    let i = this.start[x]!;
    const ie = this.start[x + 1]!;
    let j = this.start[y]!;
    const je = this.start[y + 1]!;
    const total = ie - i + (je - j);
    if (!total) return 0;
    let inter = 0;
    while (i < ie && j < je) {
      const a = d[i]!;
      const b = d[j]!;
      if (a === b) {
        inter++;
        i++;
        j++;
      } else if (a < b) i++;
      else j++;
    }
    return inter / (total - inter);
  }
}

/**
 * MinHash of a hashed shingle set into `out` at `offset` (k values): the same signature
 * {@link minhash} gives for the set of strings, since it only ever sees their FNV hashes.
 */
export function minhashHashes(hashes: Uint32Array, out: Uint32Array, offset: number, k = 64): void {
  for (let i = 0; i < k; i++) {
    const a = SEED_A[i]!;
    const b = SEED_B[i]!;
    let min = 0xffffffff;
    for (let j = 0; j < hashes.length; j++) {
      const v = (Math.imul(hashes[j]!, a) + b) >>> 0;
      if (v < min) min = v;
    }
    out[offset + i] = min;
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
 * Above this many complaints an LSH bucket is not compared pair by pair but split (see
 * {@link forEachLshCandidate}). Comparing all pairs of a bucket of m costs m²/2; with the cap a
 * band costs at most n·cap/2 comparisons, so the whole search grows linearly with the rows.
 */
export const LSH_BUCKET_CAP = 100;

/**
 * {@link lshCandidates} over `n` signatures of `k` values in one flat array, calling `visit(x, y)`
 * for each candidate pair (x < y) once, in the same order, as long as no bucket holds more than
 * `cap` items. A pair is new in band b when it was not compared in an earlier band (each item
 * remembers its bucket per band: 4 bytes × bands per item, no set of pairs).
 *
 * A bucket of more than `cap` items is split by the values of the next band (b + 1, b + 2, … in
 * turn) until each part holds at most `cap`; its pairs are compared within the parts. A pair
 * sharing band b is then a candidate in it only if it also shares the bands used to split, so
 * for items in over-full buckets a candidate needs about twice the rows per band: at Jaccard 0.5
 * a pair is still found in one of the 32 bands with probability 1 - (1 - 0.5⁴)³² = 87%; at 0.6,
 * 98.5%; at 0.7, 99.9% (and members of a group are joined through any of their pairs). Items
 * whose signatures are equal in every value and still more than `cap` (the same text many times)
 * are compared each with the next one only, which keeps them in one group.
 */
export function forEachLshCandidate(
  signatures: Uint32Array,
  n: number,
  k: number,
  visit: (x: number, y: number) => void,
  bands = 32,
  cap = LSH_BUCKET_CAP,
): void {
  if (!n) return;
  const rows = Math.floor(k / bands);
  // part[x·bands + b]: the bucket (or part of a split bucket) x was compared in, pair by pair,
  // in band b; -1 when x was compared with its neighbour only. Item-major, so that checking a
  // pair against the earlier bands reads two short runs of memory.
  const part = new Int32Array(n * bands);
  const comparedEarlier = (x: number, y: number, band: number) => {
    const px = x * bands;
    const py = y * bands;
    for (let b = 0; b < band; b++) {
      const id = part[px + b]!;
      if (id !== -1 && id === part[py + b]) return true;
    }
    return false;
  };
  const all = Int32Array.from({ length: n }, (_, i) => i);
  for (let b = 0; b < bands; b++) {
    let next = 0;
    const compare = (items: Int32Array, depth: number) => {
      const m = items.length;
      if (m <= cap) {
        const id = next++;
        for (let x = 0; x < m; x++) part[items[x]! * bands + b] = id;
        for (let x = 0; x < m; x++) {
          for (let y = x + 1; y < m; y++) if (!comparedEarlier(items[x]!, items[y]!, b)) visit(items[x]!, items[y]!);
        }
      } else if (depth < bands) {
        eachPart(partition(signatures, k, rows, items, (b + depth) % bands), depth + 1);
      } else {
        for (let x = 0; x < m; x++) part[items[x]! * bands + b] = -1;
        for (let x = 0; x + 1 < m; x++) visit(items[x]!, items[x + 1]!);
      }
    };
    const eachPart = ({ flat, starts }: Parts, depth: number) => {
      for (let p = 0; p + 1 < starts.length; p++) {
        // a bucket of one has no pairs: numbered without making a view of it
        if (starts[p + 1]! - starts[p]! === 1) part[flat[starts[p]!]! * bands + b] = next++;
        else compare(flat.subarray(starts[p]!, starts[p + 1]!), depth);
      }
    };
    eachPart(partition(signatures, k, rows, all, b), 1);
  }
}

/**
 * The items split by their values in band `band` (rows `band·rows` … of each signature): the
 * parts in order of their first item, items in their given order within a part. An open-addressing table of
 * part numbers in typed arrays; no string keys.
 */
interface Parts {
  /** the items, part after part */
  flat: Int32Array;
  /** part p is flat[starts[p]..starts[p + 1]) */
  starts: Int32Array;
}

function partition(signatures: Uint32Array, k: number, rows: number, items: Int32Array, band: number): Parts {
  const m = items.length;
  let size = 4;
  while (size < 2 * m) size <<= 1;
  const mask = size - 1;
  const table = new Int32Array(size).fill(-1);
  const first: number[] = [];
  const partOf = new Int32Array(m);
  const off = band * rows;
  for (let x = 0; x < m; x++) {
    const base = items[x]! * k + off;
    let h = 0x811c9dc5;
    for (let r = 0; r < rows; r++) h = Math.imul(h ^ signatures[base + r]!, 0x01000193);
    h = Math.imul(h ^ (h >>> 15), 0x85ebca6b);
    let slot = (h ^ (h >>> 13)) & mask;
    for (;;) {
      const p = table[slot]!;
      if (p === -1) {
        table[slot] = first.length;
        partOf[x] = first.length;
        first.push(base);
        break;
      }
      const other = first[p]!;
      let same = true;
      for (let r = 0; r < rows && same; r++) same = signatures[other + r] === signatures[base + r];
      if (same) {
        partOf[x] = p;
        break;
      }
      slot = (slot + 1) & mask;
    }
  }
  const counts = new Int32Array(first.length + 1);
  for (let x = 0; x < m; x++) counts[partOf[x]! + 1]!++;
  for (let p = 0; p < first.length; p++) counts[p + 1]! += counts[p]!;
  const flat = new Int32Array(m);
  const fill = counts.slice(0, first.length);
  for (let x = 0; x < m; x++) flat[fill[partOf[x]!]!++] = items[x]!;
  return { flat, starts: counts };
}
