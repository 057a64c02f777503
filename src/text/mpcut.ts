/**
 * jieba's exact-mode cut with HMM off (what `segment()` asks nodejieba for), in JavaScript: the
 * same maximum-probability path over the same dictionary, so the same tokens (checked against
 * nodejieba on every bench, corpus, real and sample text: test/text/mpcut.test.ts and
 * scripts/check-mpcut.ts). Why: nodejieba keeps its dictionary per thread and `load()` builds it
 * twice (its segmenter and a TextRank extractor it always makes, lib/nodejieba.cpp), ~0.75 s of
 * CPU per thread before the first cut and the longest stretch of a classification worker's start;
 * this table is built in ~0.1 s, so a worker is ready sooner and the main thread can afford to
 * classify beside one.
 *
 * What cppjieba does (MixSegment::Cut with hmm = false → MPSegment, DictTrie, Trie, PreFilter):
 * - weights: log(freq / sum) with the sum over the main dictionary, in file order; a user word
 *   "word freq tag" gets log(freq / sum) with the same sum, "word" or "word tag" the median weight
 *   of the main dictionary; a later entry of the same word replaces an earlier one;
 * - the text is split before and after each separator (space, tab, line feed, ，and 。), each
 *   separator its own range; in each range, from the end, every position takes the word (a
 *   dictionary word starting there, or the single character, weighted with the dictionary's
 *   minimum when it is no word) that maximises its weight plus the best path after it, the
 *   shorter word on a tie (strict `>`, candidates in length order);
 * - characters are Unicode code points (UTF-8 runes); texts with UTF-16 surrogates are left to
 *   nodejieba by the caller (it turns a lone surrogate into U+FFFD).
 */

/** code points that end a range (SegmentBase's SPECIAL_SEPARATORS: space, tab, line feed, ，and 。) */
const isSeparator = (c: number) => c === 0x20 || c === 0x09 || c === 0x0a || c === 0xff0c || c === 0x3002;
/** cppjieba's MIN_DOUBLE: the weight a position starts from */
const MIN_DOUBLE = -3.14e100;

/*
 * The natural log rounded to the nearest double, in double-double arithmetic: cppjieba's weights
 * come from C's log(), and V8's Math.log differs from glibc's by one unit in the last place for
 * 39 of the 5,084 frequencies of jieba's core dictionary (a path's weight is a sum of these, and
 * near-ties between paths are decided by them). This one agrees with glibc on 5,083; on the last
 * (frequency 21,073) glibc is 0.50001 units off and this one is the correctly rounded value.
 */
type DD = [number, number];
const twoSum = (a: number, b: number): DD => {
  const s = a + b;
  const bb = s - a;
  return [s, a - (s - bb) + (b - bb)];
};
const quickTwoSum = (a: number, b: number): DD => {
  const s = a + b;
  return [s, b - (s - a)];
};
const split = (a: number): DD => {
  const t = 134217729 * a;
  const hi = t - (t - a);
  return [hi, a - hi];
};
const twoProd = (a: number, b: number): DD => {
  const p = a * b;
  const [ah, al] = split(a);
  const [bh, bl] = split(b);
  return [p, ah * bh - p + ah * bl + al * bh + al * bl];
};
const add = (a: DD, b: DD): DD => {
  const [s, e] = twoSum(a[0], b[0]);
  const [t, f] = twoSum(a[1], b[1]);
  const [s2, e2] = quickTwoSum(s, e + t);
  return quickTwoSum(s2, e2 + f);
};
const mul = (a: DD, b: DD): DD => {
  const [p, e] = twoProd(a[0], b[0]);
  return quickTwoSum(p, e + (a[0] * b[1] + a[1] * b[0]));
};
const div = (a: DD, b: DD): DD => {
  const q1 = a[0] / b[0];
  let r = add(a, mul(b, [-q1, 0]));
  const q2 = r[0] / b[0];
  r = add(r, mul(b, [-q2, 0]));
  return add(quickTwoSum(q1, q2), [r[0] / b[0], 0]);
};
const LN2: DD = [0.6931471805599453, 2.3190468138462996e-17];

/** ln(x) for x > 0, rounded to nearest: k·ln 2 + 2·atanh((m − 1)/(m + 1)) with m in [√½, √2). */
export function logRounded(x: number): number {
  if (!(x > 0) || !Number.isFinite(x)) return Math.log(x);
  let k = 0;
  let m = x;
  while (m >= Math.SQRT2) {
    m /= 2;
    k++;
  }
  while (m < Math.SQRT1_2) {
    m *= 2;
    k--;
  }
  const t = div(twoSum(m, -1), twoSum(m, 1));
  const t2 = mul(t, t);
  let term = t;
  let sum: DD = t;
  for (let n = 3; n < 200; n += 2) {
    term = mul(term, t2);
    const piece = div(term, [n, 0]);
    if (Math.abs(piece[0]) < 1e-36) break;
    sum = add(sum, piece);
  }
  const r = add(mul([k, 0], LN2), add(sum, sum));
  return r[0] + r[1];
}

/** The layout of {@link MpCutter.toBinary}; a new layout is a new number. */
const BINARY_LAYOUT = 1;

/** What a cutter is made of. */
interface Binary {
  keyNode: Int32Array;
  keyChar: Int32Array;
  child: Int32Array;
  weight: Float64Array;
  mask: number;
  nodes: number;
  minWeight: number;
}

/** A dictionary trie in typed arrays: (node, code point) → child in an open-addressing table. */
export class MpCutter {
  private keyNode!: Int32Array;
  private keyChar!: Int32Array;
  private child!: Int32Array;
  private mask!: number;
  /** per node: the weight of the word ending there, NaN for none */
  private weight!: Float64Array;
  private nodes = 1;
  private minWeight!: number;
  /** scratch per cut: best weight from a position to the range's end, and the length taken */
  /** the root's children by UTF-16 code unit (-1: none): one array read for every position's first character */
  private rootChild = new Int32Array(0x10000).fill(-1);
  private best = new Float64Array(256);
  private take = new Int32Array(256);

  /**
   * @param mainDict jieba's main dictionary text ("word freq tag" lines)
   * @param userLines user dictionary lines ("word", "word tag" or "word freq tag"), in load order
   */
  constructor(mainDict: string, userLines: readonly string[]);
  /** @internal the parts of {@link MpCutter.fromBinary} */
  constructor(parts: Binary);
  constructor(mainDict: string | Binary, userLines: readonly string[] = []) {
    if (typeof mainDict !== "string") {
      Object.assign(this, mainDict);
      this.indexRoot();
      return;
    }
    const words: string[] = [];
    const freqs: number[] = [];
    let at = 0;
    while (at < mainDict.length) {
      let end = mainDict.indexOf("\n", at);
      if (end < 0) end = mainDict.length;
      if (end > at) {
        const line = mainDict.slice(at, end);
        const a = line.indexOf(" ");
        const b = line.indexOf(" ", a + 1);
        if (a <= 0 || b < 0) throw new Error(`jieba dictionary line: ${line}`);
        words.push(line.slice(0, a));
        freqs.push(Number(line.slice(a + 1, b)));
      }
      at = end + 1;
    }
    let sum = 0;
    for (const f of freqs) sum += f;
    // one log per distinct frequency (some 5,000 of them)
    const logs = new Map<number, number>();
    const weightOf = (f: number) => {
      let w = logs.get(f);
      if (w === undefined) logs.set(f, (w = logRounded(f / sum)));
      return w;
    };
    const weights = freqs.map(weightOf);
    const sorted = Float64Array.from(weights).sort();
    this.minWeight = sorted[0]!;
    const median = sorted[sorted.length >> 1]!;
    let chars = 0;
    for (const w of words) chars += w.length;
    for (const l of userLines) chars += l.length;
    let size = 1 << 16;
    while (size < chars * 1.2) size <<= 1;
    this.mask = size - 1;
    this.keyNode = new Int32Array(size).fill(-1);
    this.keyChar = new Int32Array(size);
    this.child = new Int32Array(size);
    this.weight = new Float64Array(chars + 2).fill(NaN);
    for (let i = 0; i < words.length; i++) this.insert(words[i]!, weights[i]!);
    for (const line of userLines) {
      if (!line) continue;
      const parts = line.split(" ");
      const weight = parts.length === 3 ? weightOf(parseInt(parts[1]!, 10)) : median;
      if (parts.length <= 3) this.insert(parts[0]!, weight);
    }
    this.indexRoot();
  }

  private indexRoot(): void {
    for (let h = 0; h <= this.mask; h++) if (this.keyNode[h] === 0 && this.keyChar[h]! < 0x10000) this.rootChild[this.keyChar[h]!] = this.child[h]!;
  }

  /**
   * The table as bytes, to be read back by {@link MpCutter.fromBinary} (segment.ts keeps a copy in
   * the temp folder: building the table from the 1.9 MB dictionary takes ~0.35 s of CPU, reading
   * it a few milliseconds).
   */
  toBinary(): Buffer {
    const head = Buffer.alloc(24);
    head.writeUInt32LE(BINARY_LAYOUT, 0);
    head.writeUInt32LE(this.mask + 1, 4);
    head.writeUInt32LE(this.nodes, 8);
    head.writeDoubleLE(this.minWeight, 16);
    const bytes = (a: Int32Array | Float64Array) => Buffer.from(a.buffer, a.byteOffset, a.byteLength);
    return Buffer.concat([head, bytes(this.keyNode), bytes(this.keyChar), bytes(this.child), bytes(this.weight.subarray(0, this.nodes))]);
  }

  /** A cutter from {@link MpCutter.toBinary}'s bytes, or undefined when they are not whole. */
  static fromBinary(buf: Buffer): MpCutter | undefined {
    if (buf.length < 24 || buf.readUInt32LE(0) !== BINARY_LAYOUT) return undefined;
    const size = buf.readUInt32LE(4);
    const nodes = buf.readUInt32LE(8);
    if ((size & (size - 1)) !== 0 || buf.length !== 24 + size * 12 + nodes * 8) return undefined;
    let at = 24;
    // copies, so that the arrays are aligned and do not keep the file's buffer
    const take = (bytes: number) => buf.buffer.slice(buf.byteOffset + at, buf.byteOffset + (at += bytes));
    return new MpCutter({
      keyNode: new Int32Array(take(size * 4)),
      keyChar: new Int32Array(take(size * 4)),
      child: new Int32Array(take(size * 4)),
      weight: new Float64Array(take(nodes * 8)),
      mask: size - 1,
      nodes,
      minWeight: buf.readDoubleLE(16),
    });
  }

  private slot(node: number, char: number): number {
    let h = (Math.imul(node, 0x9e3779b1) ^ Math.imul(char, 0x85ebca6b)) & this.mask;
    while (this.keyNode[h] !== -1 && (this.keyNode[h] !== node || this.keyChar[h] !== char)) h = (h + 1) & this.mask;
    return h;
  }

  private insert(word: string, weight: number): void {
    let node = 0;
    for (const ch of word) {
      const c = ch.codePointAt(0)!;
      const h = this.slot(node, c);
      if (this.keyNode[h] === -1) {
        this.keyNode[h] = node;
        this.keyChar[h] = c;
        this.child[h] = this.nodes++;
      }
      node = this.child[h]!;
    }
    if (node) this.weight[node] = weight;
  }

  /** the child of `node` for `char`, or -1 */
  private next(node: number, char: number): number {
    let h = (Math.imul(node, 0x9e3779b1) ^ Math.imul(char, 0x85ebca6b)) & this.mask;
    for (;;) {
      const n = this.keyNode[h]!;
      if (n === -1) return -1;
      if (n === node && this.keyChar[h] === char) return this.child[h]!;
      h = (h + 1) & this.mask;
    }
  }

  /** The tokens of a text without UTF-16 surrogates (one code unit a character). */
  cut(text: string): string[] {
    const out: string[] = [];
    const n = text.length;
    if (this.best.length < n + 1) {
      this.best = new Float64Array(n + 64);
      this.take = new Int32Array(n + 64);
    }
    let start = 0;
    while (start < n) {
      let end = start;
      while (end < n && !isSeparator(text.charCodeAt(end))) end++;
      if (end === start) end = start + 1; // a separator is a range of its own
      this.cutRange(text, start, end, out);
      start = end;
    }
    return out;
  }

  private cutRange(text: string, s: number, e: number, out: string[]): void {
    const best = this.best;
    const take = this.take;
    const weight = this.weight;
    const min = this.minWeight;
    best[e] = 0;
    for (let i = e - 1; i >= s; i--) {
      let node = this.rootChild[text.charCodeAt(i)]!;
      // the single character: a word of its own, or the dictionary's minimum
      const w1 = node >= 0 ? weight[node]! : NaN;
      let top = MIN_DOUBLE;
      let len = 1;
      const v1 = best[i + 1]! + (w1 === w1 ? w1 : min);
      if (v1 > top) top = v1;
      for (let j = i + 1; j < e && node >= 0 && j - i < 512; j++) {
        node = this.next(node, text.charCodeAt(j));
        if (node < 0) break;
        const w = weight[node]!;
        if (w !== w) continue;
        const v = best[j + 1]! + w;
        if (v > top) {
          top = v;
          len = j - i + 1;
        }
      }
      best[i] = top;
      take[i] = len;
    }
    for (let i = s; i < e; i += take[i]!) out.push(text.slice(i, i + take[i]!));
  }
}
