import type { Analysis, Hit } from "./features.js";
import type { LexEntry } from "./lexicon.js";
import { SUBTYPE_PARENT } from "./lexicon.js";
import type { ModelFile } from "./model.js";

/**
 * The trained models compiled for speed: one feature vocabulary for the three tasks, a dense
 * weight matrix per task, and a document vector built once per complaint. Scoring a complaint
 * is a few hundred multiply-adds; no strings are built or hashed beyond one lookup per word.
 *
 * Semantics are those of vectors.ts (used for training): words are binary features, lexicon
 * evidence is log(1 + summed weights) per label, negated mentions apart. A task's matrix has
 * zero rows for the features it was not trained on, so feeding every task the union vector
 * gives the same scores.
 */

export interface DenseModel {
  labels: readonly string[];
  /** per label: the ids of the lexicon features named after it (L:水 for 水) */
  lexiconOwner: ReadonlySet<number>[];
  L: number;
  /** row-major: feature id * L + label */
  W: Float32Array;
  bias: Float64Array;
}

/**
 * A complaint's features: `n` feature ids with their values, and for lexicon features the
 * tokens that produced them, strongest word first. The arrays are scratch buffers of the
 * CompiledModels that made it, valid until its next vector() call.
 */
export interface DocVector {
  n: number;
  ids: Int32Array;
  values: Float64Array;
  /** per position k < n: for a lexicon feature, the token indexes behind it */
  tokens: (number[] | undefined)[];
}

/** Feature kinds: words count as evidence as they are, lexicon features through their tokens. */
const WORD = 1;
const LEXICON = 2;
/** a word that is not in the label's lexicon is shown only if it adds this much log-odds */
const MIN_WORD = 0.8;

/** Insert (k, c) into the parallel lists, kept sorted by c, largest first; ties keep insertion order. */
function insertByContribution(ks: number[], cs: number[], k: number, c: number): void {
  let i = ks.length;
  ks.push(k);
  cs.push(c);
  while (i > 0 && cs[i - 1]! < c) {
    ks[i] = ks[i - 1]!;
    cs[i] = cs[i - 1]!;
    i--;
  }
  ks[i] = k;
  cs[i] = c;
}

/** The three tasks' model files. */
export interface ModelFiles {
  types: ModelFile;
  subtypes: ModelFile;
  themes: ModelFile;
}

export const TASKS = ["types", "subtypes", "themes"] as const;

/** A task's weights as {@link CompiledModels} reads them. */
export interface CompiledTask {
  labels: string[];
  /** row-major: feature id * labels.length + label */
  W: Float32Array;
  bias: Float64Array;
}

/**
 * The models' numbers compiled: the feature names (their ids are their positions) and a dense
 * matrix per task. This is what {@link CompiledModels} is made of, and what classifier.ts keeps in
 * a binary file so that each worker thread need not parse the 1.6 MB JSON and rebuild it.
 */
export interface CompiledParts {
  names: string[];
  tasks: Record<(typeof TASKS)[number], CompiledTask>;
}

/** Compile the model files: feature ids in order of first appearance (types, sub-types, themes). */
export function compileParts(files: ModelFiles): CompiledParts {
  const ids = new Map<string, number>();
  for (const t of TASKS)
    for (const name of Object.keys(files[t].weights)) {
      if (!ids.has(name)) ids.set(name, ids.size);
    }
  const F = ids.size;
  const task = (f: ModelFile): CompiledTask => {
    const L = f.labels.length;
    const W = new Float32Array(F * L);
    for (const [name, ws] of Object.entries(f.weights)) {
      const row = ids.get(name)! * L;
      for (const [l, w] of ws) W[row + l] = w;
    }
    return { labels: f.labels, W, bias: Float64Array.from(f.bias) };
  };
  return { names: [...ids.keys()], tasks: { types: task(files.types), subtypes: task(files.subtypes), themes: task(files.themes) } };
}

export class CompiledModels {
  /** feature name -> id */
  readonly ids = new Map<string, number>();
  readonly names: string[] = [];
  /** word feature (token, or ¬token) -> id */
  private words = new Map<string, number>();
  /** per feature id: WORD (a positive word), LEXICON (a positive lexicon feature) or 0 */
  private kind: Uint8Array;
  /** per feature id, for WORD features: the word */
  private word: string[];
  /** "L:大气" etc. -> id, and the same for negated "¬L:大气" */
  private lex = new Map<string, number>();
  /** marks which feature ids the current document already has (stamp per document) */
  private stamp: Uint32Array;
  /** for a stamped feature id: its position in the current document's vector */
  private position: Int32Array;
  private doc = 0;
  /** per lexicon entry: the feature ids of its mention [L or T, S, ¬L or ¬T, ¬S], -1 where the models have none */
  private typeEntryIds = new Map<LexEntry, Int32Array>();
  private themeEntryIds = new Map<LexEntry, Int32Array>();
  /** scratch lists of evidence(): vector positions and their contributions */
  private lexK: number[] = [];
  private lexC: number[] = [];
  private wordK: number[] = [];
  private wordC: number[] = [];
  /** scratch buffers of vector() */
  private x: DocVector;
  /** per token index: the strongest entry weight of the lexicon hits there (scratch of vector()) */
  private strongest = new Float64Array(256);
  readonly tasks: Record<"types" | "subtypes" | "themes", DenseModel>;

  constructor(source: ModelFiles | CompiledParts) {
    const parts = "names" in source ? source : compileParts(source);
    for (const name of parts.names) {
      this.ids.set(name, this.names.length);
      this.names.push(name);
    }
    const F = this.names.length;
    this.kind = new Uint8Array(F);
    this.word = new Array<string>(F);
    this.stamp = new Uint32Array(F);
    this.position = new Int32Array(F);
    this.x = { n: 0, ids: new Int32Array(64), values: new Float64Array(64), tokens: [] };
    this.names.forEach((name, id) => {
      if (name.startsWith("w:")) {
        this.words.set(name.slice(2), id);
        if (!name.startsWith("w:¬")) {
          this.kind[id] = WORD;
          this.word[id] = name.slice(2);
        }
      } else {
        this.lex.set(name, id);
        if (!name.startsWith("¬")) this.kind[id] = LEXICON;
      }
    });
    const dense = (p: CompiledTask): DenseModel => {
      const lexiconOwner = p.labels.map((label) => {
        const own = new Set<number>();
        for (const prefix of ["L:", "S:", "T:"]) {
          const id = this.ids.get(prefix + label);
          if (id !== undefined) own.add(id);
        }
        const parent = SUBTYPE_PARENT.get(label);
        const pid = parent ? this.ids.get(`L:${parent}`) : undefined;
        if (pid !== undefined) own.add(pid);
        return own;
      });
      return { labels: p.labels, lexiconOwner, L: p.labels.length, W: p.W, bias: p.bias };
    };
    this.tasks = { types: dense(parts.tasks.types), subtypes: dense(parts.tasks.subtypes), themes: dense(parts.tasks.themes) };
  }

  private entryIds(entry: LexEntry, theme: boolean): Int32Array {
    const cache = theme ? this.themeEntryIds : this.typeEntryIds;
    let ids = cache.get(entry);
    if (ids) return ids;
    const id = (name: string) => this.lex.get(name) ?? -1;
    ids = theme
      ? Int32Array.of(id(`T:${entry.label}`), -1, id(`¬T:${entry.label}`), -1)
      : Int32Array.of(
          id(`L:${entry.label}`),
          entry.subtype ? id(`S:${entry.subtype}`) : -1,
          id(`¬L:${entry.label}`),
          entry.subtype ? id(`¬S:${entry.subtype}`) : -1,
        );
    cache.set(entry, ids);
    return ids;
  }

  /** Append feature `id` to the vector (value 0) unless the document has it; returns its position. */
  private slot(id: number, value: number): number {
    const x = this.x;
    if (this.stamp[id] === this.doc) return this.position[id]!;
    this.stamp[id] = this.doc;
    if (x.n === x.ids.length) {
      const ids = new Int32Array(x.n * 2);
      ids.set(x.ids);
      const values = new Float64Array(x.n * 2);
      values.set(x.values);
      x.ids = ids;
      x.values = values;
    }
    x.ids[x.n] = id;
    x.values[x.n] = value;
    x.tokens[x.n] = undefined;
    this.position[id] = x.n;
    return x.n++;
  }

  private addHit(id: number, h: Hit): void {
    if (id < 0) return;
    const x = this.x;
    const k = this.slot(id, 0);
    x.values[k]! += h.entry.weight;
    const list = x.tokens[k];
    if (list) list.push(h.token);
    else x.tokens[k] = [h.token];
  }

  /**
   * The document vector: known words, then one feature per label the lexicons found. The
   * result is this object's scratch buffer, valid until the next call.
   */
  vector(a: Analysis): DocVector {
    const x = this.x;
    x.n = 0;
    this.doc = (this.doc + 1) >>> 0 || 1;
    for (let k = 0; k < a.featureInfos.length; k++) {
      // the word's feature ids, memoised on the token's shared info
      const inf = a.featureInfos[k]!;
      if (inf.modelOwner !== this) {
        inf.modelOwner = this;
        inf.modelWord = this.words.get(inf.token) ?? -1;
        inf.modelNegatedWord = this.words.get(inf.negated) ?? -1;
      }
      const id = a.featureNegated[k] ? inf.modelNegatedWord : inf.modelWord;
      if (id >= 0) this.slot(id, 1);
    }
    const firstLex = x.n;
    for (const h of a.typeHits) {
      const ids = this.entryIds(h.entry, false);
      const neg = h.negated ? 2 : 0;
      this.addHit(ids[neg]!, h);
      if (h.entry.subtype) this.addHit(ids[neg + 1]!, h);
    }
    for (const h of a.themeHits) this.addHit(this.entryIds(h.entry, true)[h.negated ? 2 : 0]!, h);
    for (let k = firstLex; k < x.n; k++) x.values[k] = Math.log1p(x.values[k]!);
    // strongest words first within each lexicon feature (each token once, first mention first,
    // then a stable sort by the token's strongest entry weight)
    let weight: Float64Array | undefined;
    for (let k = firstLex; k < x.n; k++) {
      const toks = x.tokens[k]!;
      if (toks.length < 2) continue;
      if (!weight) weight = this.tokenWeights(a);
      const w = weight;
      const once: number[] = [];
      for (const t of toks) if (!once.includes(t)) once.push(t);
      x.tokens[k] = once.sort((p, q) => w[q]! - w[p]!);
    }
    return x;
  }

  /**
   * Per token index of `a`: the strongest weight of the lexicon entries found there (read only at
   * the indexes of hits). A scratch buffer, valid until the next call: a typed array written at
   * the hits' tokens, not a map cleared and filled per complaint.
   */
  private tokenWeights(a: Analysis): Float64Array {
    if (this.strongest.length < a.tokens.length) this.strongest = new Float64Array(Math.max(a.tokens.length, this.strongest.length * 2));
    const w = this.strongest;
    for (const h of a.typeHits) w[h.token] = 0;
    for (const h of a.themeHits) w[h.token] = 0;
    for (const h of a.typeHits) if (h.entry.weight > w[h.token]!) w[h.token] = h.entry.weight;
    for (const h of a.themeHits) if (h.entry.weight > w[h.token]!) w[h.token] = h.entry.weight;
    return w;
  }

  /**
   * A task's scores (log-odds) for the vector. With `only`, the labels it rejects are left at
   * their bias (callers that will not read them save the work). With `out` (L long), the scores
   * are written there instead of a new array (a caller's scratch buffer).
   */
  scores(task: DenseModel, x: DocVector, only?: (label: number) => boolean, out?: Float64Array): Float64Array {
    const s = out ?? new Float64Array(task.L);
    s.set(task.bias);
    const { L, W } = task;
    const { n, ids, values } = x;
    if (only) {
      for (let l = 0; l < L; l++) {
        if (!only(l)) continue;
        let z = s[l]!;
        for (let k = 0; k < n; k++) z += W[ids[k]! * L + l]! * values[k]!;
        s[l] = z;
      }
      return s;
    }
    for (let k = 0; k < n; k++) {
      const row = ids[k]! * L;
      const v = values[k]!;
      for (let l = 0; l < L; l++) s[l]! += W[row + l]! * v;
    }
    return s;
  }

  /**
   * The words behind one label: first the label's own lexicon words (strongest first), then
   * other words whose weight alone adds at least MIN_WORD log-odds, skipping words that the
   * lexicons assign to a different label (`otherLabelWord`). `tokens`: the analysis's token infos.
   */
  evidence(
    task: DenseModel,
    x: DocVector,
    label: number,
    tokens: readonly { readonly token: string }[],
    max: number,
    otherLabelWord?: (word: string) => boolean,
  ): string[] {
    // lexicon features count as evidence only for the label they are named after (L:大气 for
    // 大气, S:扬尘 or its type's L:大气 for 扬尘, T:carbon for carbon), however the model weighs them
    const own = task.lexiconOwner[label]!;
    const out: string[] = [];
    // positions k with their contributions, each list sorted strongest first (stable: ties keep
    // vector order), by insertion into short arrays
    // (scratch lists of this object, emptied here: evidence() runs for every predicted label)
    const { lexK, lexC, wordK, wordC } = this;
    lexK.length = lexC.length = wordK.length = wordC.length = 0;
    const { L, W } = task;
    for (let k = 0; k < x.n; k++) {
      const id = x.ids[k]!;
      const kind = this.kind[id];
      if (!kind) continue;
      const c = W[id * L + label]! * x.values[k]!;
      if (kind === LEXICON && c > 0 && own.has(id)) insertByContribution(lexK, lexC, k, c);
      // a learned word is shown only if it is a real word: no single characters (灰 shows through
      // the lexicon or not at all); stop words and places are no features in the first place
      else if (kind === WORD && c >= MIN_WORD && this.word[id]!.length > 1 && !otherLabelWord?.(this.word[id]!)) insertByContribution(wordK, wordC, k, c);
    }
    // the token's string as its shared info holds it (the same word as jieba's fresh copy): the
    // wire to the main thread looks each evidence word up in a table (wire.ts), and a string seen
    // before has its hash already
    for (const k of lexK)
      for (const t of x.tokens[k] ?? []) {
        const w = tokens[t]!.token;
        if (!out.includes(w)) out.push(w);
      }
    for (const k of wordK) {
      const w = this.word[x.ids[k]!]!;
      if (!out.includes(w)) out.push(w);
    }
    return out.length > max ? out.slice(0, max) : out;
  }
}
