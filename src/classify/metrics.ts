/** Multi-label precision, recall and F1 per class, micro and macro. */

export interface ClassScore {
  label: string;
  support: number;
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
  f1: number;
}

/** Precision, recall and F1 of a multi-label prediction, per class and overall. */
export interface Scores {
  classes: ClassScore[];
  microF1: number;
  macroF1: number;
  microPrecision: number;
  microRecall: number;
  /** share of examples whose predicted label set equals the true one */
  exactMatch: number;
  examples: number;
}

const f1 = (p: number, r: number) => (p + r ? (2 * p * r) / (p + r) : 0);

/** Score predicted label sets against true ones (multi-label: micro and macro F1, exact match). */
export function score(labels: readonly string[], truth: readonly (readonly string[])[], predicted: readonly (readonly string[])[]): Scores {
  const classes = labels.map((label) => ({ label, support: 0, tp: 0, fp: 0, fn: 0, precision: 0, recall: 0, f1: 0 }));
  const at = new Map(labels.map((l, i) => [l, i]));
  let exact = 0;
  truth.forEach((t, i) => {
    const p = new Set(predicted[i]);
    const ts = new Set(t);
    if (p.size === ts.size && [...p].every((x) => ts.has(x))) exact++;
    for (const l of ts) {
      const c = classes[at.get(l) ?? -1];
      if (!c) continue;
      c.support++;
      if (p.has(l)) c.tp++;
      else c.fn++;
    }
    for (const l of p) if (!ts.has(l) && at.has(l)) classes[at.get(l)!]!.fp++;
  });
  let tp = 0,
    fp = 0,
    fn = 0;
  for (const c of classes) {
    c.precision = c.tp + c.fp ? c.tp / (c.tp + c.fp) : 0;
    c.recall = c.tp + c.fn ? c.tp / (c.tp + c.fn) : 0;
    c.f1 = f1(c.precision, c.recall);
    tp += c.tp;
    fp += c.fp;
    fn += c.fn;
  }
  const microPrecision = tp + fp ? tp / (tp + fp) : 0;
  const microRecall = tp + fn ? tp / (tp + fn) : 0;
  const present = classes.filter((c) => c.support > 0);
  return {
    classes,
    microPrecision,
    microRecall,
    microF1: f1(microPrecision, microRecall),
    macroF1: present.reduce((s, c) => s + c.f1, 0) / (present.length || 1),
    exactMatch: truth.length ? exact / truth.length : 0,
    examples: truth.length,
  };
}

/**
 * A bootstrap 95% interval of a statistic over examples resampled by cluster (all rows of one
 * source page together, since rows of a page share a registrar's conventions). Seeded, so the
 * interval is the same on every run.
 */
export function bootstrap(
  clusters: readonly (readonly number[])[],
  stat: (rows: readonly number[]) => number,
  samples = 2000,
  seed = 1,
): { low: number; high: number } {
  const rnd = seededRandom(seed);
  const values: number[] = [];
  for (let b = 0; b < samples; b++) {
    const rows: number[] = [];
    for (let k = 0; k < clusters.length; k++) rows.push(...clusters[Math.floor(rnd() * clusters.length)]!);
    values.push(stat(rows));
  }
  values.sort((p, q) => p - q);
  return { low: values[Math.floor(samples * 0.025)]!, high: values[Math.min(samples - 1, Math.floor(samples * 0.975))]! };
}

/** A seeded uniform random generator in [0, 1) (mulberry32). */
export function seededRandom(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
