import { excerpt, redact } from "../text/redact.js";
import { contentWords } from "../text/segment.js";
import { type AnalyzableComplaint, UNRESOLVED, caseKey, countyKey, countyNamer } from "./keys.js";
import { HashSets, forEachLshCandidate, minhashHashes, shingleHashes, shingles } from "./minhash.js";
import { latest } from "./snapshots.js";
import { siteKind, targetKey } from "./target.js";
import { UnionFind } from "./union-find.js";
import { processGuard } from "../util/memory.js";

/** What a long search ticks as it goes; the process's memory guard (util/memory.ts) is one. */
export interface MemoryTicker {
  /** one unit of work done (a text segmented, a pair linked, a group built) */
  tick(): void;
}

/** How alike two complaints must be to count as the same matter. */
export interface RepeatOptions {
  /** link complaints whose word shingles reach this Jaccard similarity; default 0.5 (near-copies; reworded repeats are found by their target) */
  threshold?: number;
  /**
   * link by the same target (classification.target, see `targetKey`), or the same specific kind
   * of site next to the same named village or housing estate; default true
   */
  byTarget?: boolean;
  /** link by text similarity; default true */
  byText?: boolean;
  /** the words of a text; default contentWords (jieba, stop words removed) */
  words?: (text: string) => string[];
  /** called as texts are compared (complaints done, complaints to do): segmenting them is the slow part */
  onProgress?: (done: number, total: number) => void;
  /**
   * ticked once per complaint segmented, pair linked and group built (see util/memory.ts): the
   * search segments every text again, and at a national year its garbage would otherwise pile up
   * until V8's own limit; the process's guard by default (it does nothing under 2 GB resident).
   * Anything with a `tick()` will do (a guard of one's own, or a counter in a test).
   */
  memory?: MemoryTicker;
}

/** Why two complaints are in the same group. */
export type RepeatLink = { a: string; b: string; kind: "target"; target: string } | { a: string; b: string; kind: "text"; jaccard: number; shared: string[] };

/** One complaint of a repeat group: its case number, date, batch, status, target and the start of its text. */
export interface RepeatMember {
  key: string;
  caseNo?: string;
  date?: string;
  batch?: number;
  status?: string;
  target?: string;
  /** the start of the complaint text */
  excerpt: string;
}

/** Complaints about the same target in the same county. */
export interface RepeatGroup {
  /** "R1", "R2", ... in order of first date */
  id: string;
  county: string;
  countyName: string;
  size: number;
  firstDate?: string;
  lastDate?: string;
  /** 办理状态 of the members: status -> count (未填 when absent) */
  statuses: Record<string, number>;
  /** in date order */
  members: RepeatMember[];
  /** the links that joined the group: a spanning set, one per member after the first */
  links: RepeatLink[];
  /** the links in one readable line */
  reason: string;
}

/** The result of `repeats`: groups of complaints about the same matter, with the reason each was grouped. */
export interface RepeatResult {
  groups: RepeatGroup[];
  /** complaints in a group */
  records: number;
  /** complaints after the first of each group (the repeats proper) */
  repeats: number;
  threshold: number;
}

const DEFAULT_THRESHOLD = 0.5;

/**
 * Group repeat complaints: the same normalised target (classification.target) in the same county,
 * when it identifies a site and not only a kind of site (see `targetKey`),
 * or near-duplicate texts in the same county (Jaccard similarity of word and word-pair shingles
 * >= threshold, candidates from MinHash LSH, verified exactly). Links are merged with union-find;
 * every group lists the links that explain it. One record per case (latest snapshot) is used;
 * complaints whose county is unresolved are not grouped.
 */
export function repeats(records: readonly AnalyzableComplaint[], options: RepeatOptions = {}): RepeatResult {
  const threshold = options.threshold ?? DEFAULT_THRESHOLD;
  const words = options.words ?? contentWords;
  const memory = options.memory ?? processGuard();
  const list = latest(records);
  const nameOf = countyNamer(list);
  const byCounty = new Map<string, number[]>();
  list.forEach((r, i) => {
    const k = countyKey(r);
    if (k === UNRESOLVED) return;
    let g = byCounty.get(k);
    if (!g) byCounty.set(k, (g = []));
    g.push(i);
  });

  const uf = new UnionFind(list.length);
  const links: RepeatLink[] = [];
  // the first complaint of each link, by index: groups find their links without a map of case keys
  const linkFrom: number[] = [];
  const link = (i: number, j: number, make: (a: string, b: string) => RepeatLink) => {
    if (!uf.union(i, j)) return;
    links.push(make(caseKey(list[i]!), caseKey(list[j]!)));
    linkFrom.push(i);
  };
  // a target links only when it identifies a site ("安丰冶炼厂", "小坊村选矿厂"), not a kind of
  // site ("选矿厂") or words that merely end like one
  const targets = list.map((r) => (r.classification?.target ? targetKey(r.classification.target) : ""));
  // the same kind of site where the same village or housing estate is named: 华府小区 … 饲料厂
  // (undefined for most complaints: no array per row)
  const spots = list.map((r) => {
    const c = r.classification;
    const kind = c?.target ? siteKind(c.target) : "";
    if (!kind) return undefined;
    const s = [c?.place?.village, c?.place?.estate].filter((p): p is string => !!p).map((p) => `${p}附近的${kind}`);
    return s.length ? s : undefined;
  });

  const onProgress = options.onProgress;
  const toCompare = options.byText === false ? 0 : [...byCounty.values()].reduce((s, g) => s + (g.length > 1 ? g.length : 0), 0);
  let compared = 0;
  for (const members of byCounty.values()) {
    if (options.byTarget !== false) {
      const first = new Map<string, number>();
      const byKey = (t: string, i: number) => {
        if (!t) return;
        const f = first.get(t);
        if (f === undefined) first.set(t, i);
        else link(f, i, (a, b) => ({ a, b, kind: "target", target: redact(t) }));
      };
      for (const i of members) {
        byKey(targets[i]!, i);
        for (const t of spots[i] ?? []) byKey(t, i);
      }
    }
    if (options.byText !== false && members.length > 1) {
      // words of the redacted text: a reason never quotes a piece of a name or a number.
      // Shingle sets are kept as sorted hashes in one flat array and signatures in another (a
      // county of a national year holds ~100,000 complaints); the words of a linked pair are
      // segmented again only to quote them.
      const K = 64;
      const m = members.length;
      const sets = new HashSets(m);
      for (const i of members) {
        sets.add(shingleHashes(words(redact(list[i]!.text))));
        memory.tick();
        if (onProgress && ++compared % 1000 === 0) onProgress(compared, toCompare);
      }
      const sigs = new Uint32Array(m * K);
      for (let x = 0; x < m; x++) minhashHashes(sets.get(x), sigs, x * K, K);
      const pairs = new PairList();
      forEachLshCandidate(sigs, m, K, (x, y) => {
        const j = sets.jaccard(x, y);
        if (j >= threshold) pairs.push(x, y, j);
      });
      // best first; equal scores keep the order the candidates were found in
      const order = pairs.bestFirst();
      // the words of recently quoted complaints (a bounded cache: a group's links share members)
      const textSets = new Map<number, Set<string>>();
      const textSet = (x: number) => {
        let t = textSets.get(x);
        if (!t) {
          if (textSets.size >= 4096) textSets.clear();
          textSets.set(x, (t = shingles(words(redact(list[members[x]!]!.text)))));
        }
        return t;
      };
      for (const p of order) {
        const x = pairs.x[p]!;
        const y = pairs.y[p]!;
        if (uf.find(members[x]!) === uf.find(members[y]!)) continue;
        const j = pairs.j[p]!;
        memory.tick();
        link(members[x]!, members[y]!, (a, b) => ({ a, b, kind: "text", jaccard: Math.round(j * 100) / 100, shared: sharedWords(textSet(x), textSet(y)) }));
      }
    }
  }

  onProgress?.(toCompare, toCompare);
  // groups in order of their first complaint; complaints in no group get no array
  const groupsByRoot = new Map<number, number[]>();
  for (let i = 0; i < list.length; i++) {
    if (uf.sizeOf(i) < 2) continue;
    const r = uf.find(i);
    let g = groupsByRoot.get(r);
    if (!g) groupsByRoot.set(r, (g = []));
    g.push(i);
  }
  const linksByRoot = new Map<number, RepeatLink[]>();
  links.forEach((l, n) => {
    const r = uf.find(linkFrom[n]!);
    let g = linksByRoot.get(r);
    if (!g) linksByRoot.set(r, (g = []));
    g.push(l);
  });

  const groups: RepeatGroup[] = [];
  for (const [root, idx] of groupsByRoot) {
    if (idx.length < 2) continue;
    memory.tick();
    const members = idx.map((i) => list[i]!).sort((a, b) => (a.date ?? "9999").localeCompare(b.date ?? "9999") || caseKey(a).localeCompare(caseKey(b)));
    const statuses: Record<string, number> = {};
    for (const m of members) statuses[m.status ?? "未填"] = (statuses[m.status ?? "未填"] ?? 0) + 1;
    const dates = members.map((m) => m.date).filter((d): d is string => !!d);
    const groupLinks = linksByRoot.get(root) ?? [];
    groups.push({
      id: "",
      county: countyKey(members[0]!),
      countyName: nameOf(members[0]!.area),
      size: members.length,
      ...(dates.length ? { firstDate: dates[0]!, lastDate: dates[dates.length - 1]! } : {}),
      statuses,
      members: members.map((m) => ({
        key: caseKey(m),
        ...(m.caseNo ? { caseNo: m.caseNo } : {}),
        ...(m.date ? { date: m.date } : {}),
        ...(m.batch !== undefined ? { batch: m.batch } : {}),
        ...(m.status ? { status: m.status } : {}),
        ...(m.classification?.target ? { target: redact(m.classification.target) } : {}),
        // redact first, then cut: a cut phone number would escape redaction
        excerpt: excerpt(m.text, 40, ""),
      })),
      links: groupLinks,
      reason: describe(groupLinks),
    });
  }
  groups.sort((a, b) => (a.firstDate ?? "9999").localeCompare(b.firstDate ?? "9999") || b.size - a.size || a.county.localeCompare(b.county));
  groups.forEach((g, i) => (g.id = `R${i + 1}`));
  const inGroups = groups.reduce((s, g) => s + g.size, 0);
  return { groups, records: inGroups, repeats: inGroups - groups.length, threshold };
}

/** The words two shingle sets share, longest first (at most 8). */
function sharedWords(a: ReadonlySet<string>, b: ReadonlySet<string>): string[] {
  const out: string[] = [];
  for (const x of a) if (!x.includes(" ") && b.has(x)) out.push(x);
  return out.sort((p, q) => q.length - p.length || p.localeCompare(q)).slice(0, 8);
}

function describe(links: readonly RepeatLink[]): string {
  return links
    .map((l) =>
      l.kind === "target"
        ? `${l.a} 与 ${l.b}：同一对象“${l.target}”`
        : `${l.a} 与 ${l.b}：文本相似度 Jaccard = ${l.jaccard.toFixed(2)}，共同词语 ${l.shared.join("、")}`,
    )
    .join("；");
}

/** Candidate pairs that passed the threshold, in growable typed arrays (a pair costs 16 bytes). */
class PairList {
  x = new Int32Array(1024);
  y = new Int32Array(1024);
  j = new Float64Array(1024);
  length = 0;
  push(x: number, y: number, j: number): void {
    if (this.length === this.x.length) {
      const grow = <T extends Int32Array | Float64Array>(a: T, b: T) => (b.set(a), b);
      this.x = grow(this.x, new Int32Array(2 * this.length));
      this.y = grow(this.y, new Int32Array(2 * this.length));
      this.j = grow(this.j, new Float64Array(2 * this.length));
    }
    this.x[this.length] = x;
    this.y[this.length] = y;
    this.j[this.length++] = j;
  }
  /** Pair numbers by Jaccard, highest first; ties in the order the pairs were found. */
  bestFirst(): Uint32Array {
    const j = this.j;
    return Uint32Array.from({ length: this.length }, (_, p) => p).sort((p, q) => j[q]! - j[p]! || p - q);
  }
}
