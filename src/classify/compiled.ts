import { type Analysis, type Hit, TokenSlot } from "./features.js";
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

export interface DocVector {
  ids: number[];
  values: number[];
  /** for lexicon features: the tokens that produced them, strongest word first */
  tokens: Map<number, number[]>;
}

/** Feature kinds: words count as evidence as they are, lexicon features through their tokens. */
const WORD = 1;
const LEXICON = 2;
/** a word that is not in the label's lexicon is shown only if it adds this much log-odds */
const MIN_WORD = 0.8;

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
  private doc = 0;
  readonly tasks: Record<"types" | "subtypes" | "themes", DenseModel>;

  constructor(files: { types: ModelFile; subtypes: ModelFile; themes: ModelFile }) {
    for (const f of [files.types, files.subtypes, files.themes]) {
      for (const name of Object.keys(f.weights)) {
        if (this.ids.has(name)) continue;
        this.ids.set(name, this.names.length);
        this.names.push(name);
      }
    }
    const F = this.names.length;
    this.kind = new Uint8Array(F);
    this.word = new Array<string>(F);
    this.stamp = new Uint32Array(F);
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
    const dense = (f: ModelFile): DenseModel => {
      const L = f.labels.length;
      const W = new Float32Array(F * L);
      for (const [name, ws] of Object.entries(f.weights)) {
        const row = this.ids.get(name)! * L;
        for (const [l, w] of ws) W[row + l] = w;
      }
      const lexiconOwner = f.labels.map((label) => {
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
      return { labels: f.labels, lexiconOwner, L, W, bias: Float64Array.from(f.bias) };
    };
    this.tasks = { types: dense(files.types), subtypes: dense(files.subtypes), themes: dense(files.themes) };
  }

  /** The document vector: known words, then one feature per label the lexicons found. */
  vector(a: Analysis): DocVector {
    const stamp = this.stamp;
    const doc = (this.doc = (this.doc + 1) >>> 0 || 1);
    const ids: number[] = [];
    const values: number[] = [];
    const tokens = new Map<number, number[]>();
    for (let k = 0; k < a.features.length; k++) {
      // the word's feature id, memoised on the token's shared info (-1: not a model word)
      const inf = a.featureInfos[k]!;
      const slot = a.featureNegated[k] ? TokenSlot.ModelNegatedWord : TokenSlot.ModelWord;
      let id = inf.slots[slot] as number | undefined;
      if (id === undefined) inf.slots[slot] = id = this.words.get(a.features[k]!) ?? -1;
      if (id >= 0 && stamp[id] !== doc) {
        stamp[id] = doc;
        ids.push(id);
        values.push(1);
      }
    }
    const firstLex = ids.length;
    const add = (name: string, h: Hit) => {
      const id = this.lex.get(name);
      if (id === undefined) return;
      let list = tokens.get(id);
      if (stamp[id] !== doc) {
        stamp[id] = doc;
        ids.push(id);
        values.push(0);
        tokens.set(id, (list = []));
      }
      values[ids.lastIndexOf(id)]! += h.entry.weight;
      list!.push(h.token);
    };
    for (const h of a.typeHits) {
      const n = h.negated ? "¬" : "";
      add(`${n}L:${h.entry.label}`, h);
      if (h.entry.subtype) add(`${n}S:${h.entry.subtype}`, h);
    }
    for (const h of a.themeHits) add(`${h.negated ? "¬" : ""}T:${h.entry.label}`, h);
    for (let k = firstLex; k < ids.length; k++) values[k] = Math.log1p(values[k]!);
    // strongest words first within each lexicon feature
    let weight: Map<number, number> | undefined;
    for (const [id, toks] of tokens) {
      if (toks.length < 2) continue;
      if (!weight) {
        weight = new Map();
        for (const hits of [a.typeHits, a.themeHits]) for (const h of hits) weight.set(h.token, Math.max(weight.get(h.token) ?? 0, h.entry.weight));
      }
      const w = weight;
      tokens.set(id, [...new Set(toks)].sort((p, q) => w.get(q)! - w.get(p)!));
    }
    return { ids, values, tokens };
  }

  scores(task: DenseModel, x: DocVector): Float64Array {
    const s = Float64Array.from(task.bias);
    const { L, W } = task;
    for (let k = 0; k < x.ids.length; k++) {
      const row = x.ids[k]! * L;
      const v = x.values[k]!;
      for (let l = 0; l < L; l++) s[l]! += W[row + l]! * v;
    }
    return s;
  }

  /**
   * The words behind one label: first the label's own lexicon words (strongest first), then
   * other words whose weight alone adds at least MIN_WORD log-odds, skipping words that the
   * lexicons assign to a different label (`otherLabelWord`).
   */
  evidence(task: DenseModel, x: DocVector, label: number, tokens: readonly string[], max: number, otherLabelWord?: (word: string) => boolean): string[] {
    // lexicon features count as evidence only for the label they are named after (L:大气 for
    // 大气, S:扬尘 or its type's L:大气 for 扬尘, T:carbon for carbon), however the model weighs them
    const own = task.lexiconOwner[label]!;
    const out: string[] = [];
    const lex: { k: number; c: number }[] = [];
    const words: { k: number; c: number }[] = [];
    for (let k = 0; k < x.ids.length; k++) {
      const id = x.ids[k]!;
      const kind = this.kind[id];
      if (!kind) continue;
      const c = task.W[id * task.L + label]! * x.values[k]!;
      if (kind === LEXICON && c > 0 && own.has(id)) lex.push({ k, c });
      // a learned word is shown only if it is a real word: no single characters (灰 shows through
      // the lexicon or not at all); stop words and places are no features in the first place
      else if (kind === WORD && c >= MIN_WORD && this.word[id]!.length > 1 && !otherLabelWord?.(this.word[id]!)) words.push({ k, c });
    }
    lex.sort((p, q) => q.c - p.c);
    words.sort((p, q) => q.c - p.c);
    for (const { k } of lex) for (const t of x.tokens.get(x.ids[k]!) ?? []) if (!out.includes(tokens[t]!)) out.push(tokens[t]!);
    for (const { k } of words) {
      const w = this.word[x.ids[k]!]!;
      if (!out.includes(w)) out.push(w);
    }
    return out.slice(0, max);
  }
}
