/**
 * k-fold cross-validation of the classifier on data/labelled/: for each fold the models are
 * trained on the other folds (the lexicon is fixed domain knowledge), then the held-out fold is
 * classified. Prints per-class precision, recall and F1 and micro/macro F1.
 *   npm run eval [-- --folds 5 --seed 1 --errors]
 */
import { parseArgs } from "node:util";
import { Classifier } from "../src/classify/classifier.js";
import { loadCorpus } from "../src/classify/corpus.js";
import { Analyzer } from "../src/classify/features.js";
import { loadLexicon } from "../src/classify/lexicon.js";
import { type Scores, score } from "../src/classify/metrics.js";
import { SUBTYPE_LABELS, THEME_LABELS, TYPE_LABELS, trainModels } from "../src/classify/training.js";

const { values } = parseArgs({
  options: {
    folds: { type: "string", default: "5" },
    seed: { type: "string", default: "1" },
    errors: { type: "boolean", default: false },
    l2: { type: "string" },
    epochs: { type: "string" },
    lr: { type: "string" },
    pos: { type: "string" },
    brief: { type: "boolean", default: false },
    "t-types": { type: "string" },
    "t-subtypes": { type: "string" },
    "t-themes": { type: "string" },
  },
});
const trainOpts = {
  ...(values.l2 ? { l2: Number(values.l2) } : {}),
  ...(values.epochs ? { epochs: Number(values.epochs) } : {}),
  ...(values.lr ? { learningRate: Number(values.lr) } : {}),
  ...(values.pos ? { maxPositiveWeight: Number(values.pos) } : {}),
};
const K = Number(values.folds);
const corpus = loadCorpus();
const lexicon = loadLexicon();
const analyzer = new Analyzer(lexicon);
const analyses = corpus.map((c) => analyzer.analyze(c.text));

// seeded shuffle (mulberry32)
let s = Number(values.seed) >>> 0;
const rnd = () => {
  s = (s + 0x6d2b79f5) >>> 0;
  let t = s;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const order = corpus.map((_, i) => i);
for (let i = order.length - 1; i > 0; i--) {
  const j = Math.floor(rnd() * (i + 1));
  [order[i], order[j]] = [order[j]!, order[i]!];
}

const pred = { types: [] as string[][], subtypes: [] as string[][], themes: [] as string[][] };
const truth = { types: [] as string[][], subtypes: [] as string[][], themes: [] as string[][] };
const errors: string[] = [];
for (let k = 0; k < K; k++) {
  const test = order.filter((_, i) => i % K === k);
  const trainIdx = order.filter((_, i) => i % K !== k);
  const models = trainModels(trainIdx.map((i) => corpus[i]!), trainIdx.map((i) => analyses[i]!), trainOpts);
  models.thresholds = {
    ...models.thresholds,
    ...(values["t-types"] ? { types: Number(values["t-types"]) } : {}),
    ...(values["t-subtypes"] ? { subtypes: Number(values["t-subtypes"]) } : {}),
    ...(values["t-themes"] ? { themes: Number(values["t-themes"]) } : {}),
  };
  const clf = new Classifier(models, lexicon);
  for (const i of test) {
    const c = corpus[i]!;
    const r = clf.labels(c.text);
    pred.types.push(r.types.map((t) => t.label));
    pred.subtypes.push(r.subtypes.map((t) => t.label));
    pred.themes.push(r.themes.map((t) => t.label));
    truth.types.push(c.types);
    truth.subtypes.push(c.subtypes);
    truth.themes.push(c.themes);
    const p = r.types.map((t) => t.label).sort().join("、");
    if (p !== [...c.types].sort().join("、")) errors.push(`${c.id} 标注 ${c.types.join("、")} 预测 ${r.types.map((t) => `${t.label}(${t.confidence}: ${t.evidence.join(" ")})`).join("、")}\n    ${c.text.slice(0, 160)}`);
  }
}

const pct = (x: number) => (x * 100).toFixed(1).padStart(5);
function print(title: string, sc: Scores, showClasses = true): void {
  console.log(`\n${title}  (${K}-fold cross-validation, ${sc.examples} complaints)`);
  if (showClasses) {
    console.log("  class              support  precision  recall     F1");
    for (const c of sc.classes) {
      if (!c.support && !c.fp) continue;
      console.log(`  ${c.label.padEnd(16, "　").slice(0, 16)} ${String(c.support).padStart(7)}  ${pct(c.precision)}%    ${pct(c.recall)}%  ${pct(c.f1)}%`);
    }
  }
  console.log(`  micro-F1 ${pct(sc.microF1)}%   macro-F1 ${pct(sc.macroF1)}%   micro-P ${pct(sc.microPrecision)}%   micro-R ${pct(sc.microRecall)}%   exact match ${pct(sc.exactMatch)}%`);
}
print("污染类型 pollution type", score(TYPE_LABELS, truth.types, pred.types), !values.brief);
print("污染子类 sub-type", score(SUBTYPE_LABELS, truth.subtypes, pred.subtypes), !values.brief);
print("督察主题 theme", score(THEME_LABELS, truth.themes, pred.themes), !values.brief);
if (values.errors) {
  console.log(`\n${errors.length} type errors:`);
  for (const e of errors) console.log(`  ${e}`);
}
