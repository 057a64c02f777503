import { type Analysis, type Hit, featureWords } from "./features.js";
import type { SparseVector } from "./model.js";

/**
 * Feature vectors of the three models. Words are binary features ("w:粉尘", "w:¬异味" for a
 * negated mention); lexicon evidence enters as one feature per label, the log of the summed
 * weights of its words ("L:大气"), negated mentions apart ("¬L:大气").
 */

function words(a: Analysis, x: SparseVector): void {
  for (const f of featureWords(a)) x.set(`w:${f}`, 1);
}

function sums(hits: readonly Hit[], prefix: string, key: (h: Hit) => string | undefined, x: SparseVector): void {
  const pos = new Map<string, number>();
  const neg = new Map<string, number>();
  for (const h of hits) {
    const k = key(h);
    if (!k) continue;
    const m = h.negated ? neg : pos;
    m.set(k, (m.get(k) ?? 0) + h.entry.weight);
  }
  for (const [k, v] of pos) x.set(`${prefix}:${k}`, Math.log1p(v));
  for (const [k, v] of neg) x.set(`¬${prefix}:${k}`, Math.log1p(v));
}

export function typeVector(a: Analysis): SparseVector {
  const x: SparseVector = new Map();
  words(a, x);
  sums(a.typeHits, "L", (h) => h.entry.label, x);
  return x;
}

export function subtypeVector(a: Analysis): SparseVector {
  const x: SparseVector = new Map();
  words(a, x);
  sums(a.typeHits, "L", (h) => h.entry.label, x);
  sums(a.typeHits, "S", (h) => h.entry.subtype, x);
  return x;
}

export function themeVector(a: Analysis): SparseVector {
  const x: SparseVector = new Map();
  words(a, x);
  sums(a.themeHits, "T", (h) => h.entry.label, x);
  return x;
}
