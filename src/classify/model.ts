/**
 * One-vs-rest logistic regression over sparse features, trained by scripts/train.ts on the
 * hand-labelled corpus and stored as JSON in data/model/. Every weight can be read; prediction
 * uses the same weights compiled into dense matrices (compiled.ts).
 */

export type SparseVector = Map<string, number>;

export interface ModelFile {
  /** what the labels are (types, subtypes, themes) */
  task: string;
  labels: string[];
  bias: number[];
  /** feature -> [[label index, weight], ...] for the non-zero weights */
  weights: Record<string, [number, number][]>;
  /** training metadata: corpus size, regularisation, date */
  meta: Record<string, string | number>;
}

export const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

export interface TrainOptions {
  /** L2 penalty */
  l2: number;
  epochs: number;
  learningRate: number;
  /** up-weight positives of rare labels: weight = min(maxPositiveWeight, negatives/positives) ^ 0.5 */
  maxPositiveWeight: number;
}

// chosen by 5-fold cross-validation on data/labelled/ (npm run eval)
export const DEFAULT_TRAIN: TrainOptions = { l2: 3e-4, epochs: 300, learningRate: 0.5, maxPositiveWeight: 9 };

/**
 * Train one binary logistic regression per label with Adagrad on the full batch.
 * `y[i]` is the set of label indexes of example i.
 */
export function train(task: string, labels: string[], xs: SparseVector[], ys: Set<number>[], opts: TrainOptions = DEFAULT_TRAIN): ModelFile {
  const featIndex = new Map<string, number>();
  const rows = xs.map((x) => {
    const idx: number[] = [];
    const val: number[] = [];
    for (const [f, v] of x) {
      let k = featIndex.get(f);
      if (k === undefined) featIndex.set(f, (k = featIndex.size));
      idx.push(k);
      val.push(v);
    }
    return { idx: Int32Array.from(idx), val: Float64Array.from(val) };
  });
  const F = featIndex.size;
  const N = xs.length;
  const features = [...featIndex.keys()];
  const weights: Record<string, [number, number][]> = {};
  const bias: number[] = [];

  for (let l = 0; l < labels.length; l++) {
    const pos = ys.filter((y) => y.has(l)).length;
    const posWeight = pos ? Math.sqrt(Math.min(opts.maxPositiveWeight, (N - pos) / pos)) : 1;
    const w = new Float64Array(F);
    const g2 = new Float64Array(F).fill(1e-8);
    let b = 0;
    let gb2 = 1e-8;
    const grad = new Float64Array(F);
    for (let epoch = 0; epoch < opts.epochs; epoch++) {
      grad.fill(0);
      let gb = 0;
      for (let i = 0; i < N; i++) {
        const { idx, val } = rows[i]!;
        let z = b;
        for (let k = 0; k < idx.length; k++) z += w[idx[k]!]! * val[k]!;
        const y = ys[i]!.has(l) ? 1 : 0;
        const weight = y ? posWeight : 1;
        const err = (sigmoid(z) - y) * weight;
        gb += err;
        for (let k = 0; k < idx.length; k++) grad[idx[k]!]! += err * val[k]!;
      }
      for (let f = 0; f < F; f++) {
        const g = grad[f]! / N + opts.l2 * w[f]!;
        g2[f]! += g * g;
        w[f]! -= (opts.learningRate * g) / Math.sqrt(g2[f]!);
      }
      const g = gb / N;
      gb2 += g * g;
      b -= (opts.learningRate * g) / Math.sqrt(gb2);
    }
    bias.push(round(b));
    for (let f = 0; f < F; f++) {
      if (Math.abs(w[f]!) < 1e-3) continue;
      (weights[features[f]!] ??= []).push([l, round(w[f]!)]);
    }
  }
  return { task, labels, bias, weights, meta: { examples: N, features: F, ...opts } };
}

const round = (x: number) => Math.round(x * 1e4) / 1e4;
