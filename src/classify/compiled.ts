import type { Analysis, Hit } from "./features.js";
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
  L: number;
  /** row-major: feature id * L + label */
  W: Float32Array;
  bias: Float64Array;
}

export interface DocVector {
  ids: number[];
  values: number[];
}

type Prefix = "L" | "S" | "T";

export class CompiledModels {
  /** feature name -> id */
  readonly ids = new Map<string, number>();
  readonly names: string[] = [];
  /** word feature (token, or ¬token) -> id */
  private words = new Map<string, number>();
  readonly tasks: Record<"types" | "subtypes" | "themes", DenseModel>;

  constructor(files: { types: ModelFile; subtypes: ModelFile; themes: ModelFile }) {
    for (const f of [files.types, files.subtypes, files.themes]) {
      for (const name of Object.keys(f.weights)) {
        if (this.ids.has(name)) continue;
        this.ids.set(name, this.names.length);
        this.names.push(name);
        if (name.startsWith("w:")) this.words.set(name.slice(2), this.names.length - 1);
      }
    }
    const dense = (f: ModelFile): DenseModel => {
      const L = f.labels.length;
      const W = new Float32Array(this.names.length * L);
      for (const [name, ws] of Object.entries(f.weights)) {
        const row = this.ids.get(name)! * L;
        for (const [l, w] of ws) W[row + l] = w;
      }
      return { labels: f.labels, L, W, bias: Float64Array.from(f.bias) };
    };
    this.tasks = { types: dense(files.types), subtypes: dense(files.subtypes), themes: dense(files.themes) };
  }

  /** The document vector: known words, then one feature per label the lexicons found. */
  vector(a: Analysis): DocVector {
    const ids: number[] = [];
    const values: number[] = [];
    for (const f of a.features) {
      const id = this.words.get(f);
      if (id !== undefined && !ids.includes(id)) {
        ids.push(id);
        values.push(1);
      }
    }
    this.sums(a.typeHits, "L", (h) => h.entry.label, ids, values);
    this.sums(a.typeHits, "S", (h) => h.entry.subtype, ids, values);
    this.sums(a.themeHits, "T", (h) => h.entry.label, ids, values);
    return { ids, values };
  }

  private sums(hits: readonly Hit[], prefix: Prefix, key: (h: Hit) => string | undefined, ids: number[], values: number[]): void {
    if (!hits.length) return;
    const acc = new Map<string, number>();
    for (const h of hits) {
      const k = key(h);
      if (!k) continue;
      const name = h.negated ? `¬${prefix}:${k}` : `${prefix}:${k}`;
      acc.set(name, (acc.get(name) ?? 0) + h.entry.weight);
    }
    for (const [name, v] of acc) {
      const id = this.ids.get(name);
      if (id === undefined) continue;
      ids.push(id);
      values.push(Math.log1p(v));
    }
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

  /** Feature names that pushed one label's score up, strongest first. */
  contributions(task: DenseModel, x: DocVector, label: number): string[] {
    const c: { name: string; value: number }[] = [];
    for (let k = 0; k < x.ids.length; k++) {
      const value = task.W[x.ids[k]! * task.L + label]! * x.values[k]!;
      if (value > 0) c.push({ name: this.names[x.ids[k]!]!, value });
    }
    return c.sort((a, b) => b.value - a.value).map((e) => e.name);
  }
}
