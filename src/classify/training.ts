import { POLLUTION_TYPES } from "../model/vocabulary.js";
import { SUBTYPES, THEMES } from "../model/classification.js";
import type { ClassifierModels, Thresholds } from "./classifier.js";
import type { LabelledComplaint } from "./corpus.js";
import { type Analysis, Analyzer } from "./features.js";
import { type SparseVector, type TrainOptions, DEFAULT_TRAIN, train } from "./model.js";
import { subtypeVector, themeVector, typeVector } from "./vectors.js";

/** Probability thresholds chosen by 5-fold cross-validation (npm run eval -- --t-subtypes …). */
export const TUNED_THRESHOLDS: Thresholds = { types: 0.5, subtypes: 0.3, themes: 0.35 };

export const TYPE_LABELS: string[] = [...POLLUTION_TYPES];
export const SUBTYPE_LABELS: string[] = Object.values(SUBTYPES).flat();
export const THEME_LABELS: string[] = [...THEMES];

function targets(labels: string[], sets: string[][]): Set<number>[] {
  return sets.map((s) => new Set(s.map((l) => labels.indexOf(l)).filter((i) => i >= 0)));
}

/** Train the three models on labelled complaints whose analyses are given in the same order. */
export function trainModels(examples: readonly LabelledComplaint[], analyses: readonly Analysis[], opts: Partial<TrainOptions> = {}): ClassifierModels {
  const o = { ...DEFAULT_TRAIN, ...opts };
  const vec = (f: (a: Analysis) => SparseVector) => analyses.map(f);
  return {
    thresholds: { ...TUNED_THRESHOLDS },
    types: train(
      "types",
      TYPE_LABELS,
      vec(typeVector),
      targets(
        TYPE_LABELS,
        examples.map((e) => e.types),
      ),
      o,
    ),
    subtypes: train(
      "subtypes",
      SUBTYPE_LABELS,
      vec(subtypeVector),
      targets(
        SUBTYPE_LABELS,
        examples.map((e) => e.subtypes),
      ),
      o,
    ),
    themes: train(
      "themes",
      THEME_LABELS,
      vec(themeVector),
      targets(
        THEME_LABELS,
        examples.map((e) => e.themes),
      ),
      o,
    ),
  };
}

/** The analyses the models train on: each text read as the classifier reads it (Analyzer.clean). */
export function analyzeCorpus(analyzer: Analyzer, corpus: readonly LabelledComplaint[]): Analysis[] {
  return corpus.map((c) => {
    const clean = Analyzer.clean(c.text);
    return analyzer.analyze(clean, Analyzer.tokenize(clean));
  });
}
