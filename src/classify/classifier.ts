import { existsSync, readFileSync } from "node:fs";
import type { Classification, LabelPrediction, Theme } from "../model/classification.js";
import { SUBTYPES } from "../model/classification.js";
import type { PollutionType } from "../model/vocabulary.js";
import { dataPath } from "../util/paths.js";
import { type Analysis, Analyzer, type Hit } from "./features.js";
import { type Lexicon, loadLexicon } from "./lexicon.js";
import { CompiledModels } from "./compiled.js";
import { type ModelFile, sigmoid } from "./model.js";

/** The three trained models, as stored in data/model/classifier.json. */
export interface ClassifierModels {
  types: ModelFile;
  subtypes: ModelFile;
  themes: ModelFile;
  /** probability from which a label is predicted, per task (chosen by cross-validation) */
  thresholds?: Partial<Thresholds>;
}

export interface Thresholds {
  types: number;
  subtypes: number;
  themes: number;
}

export const DEFAULT_THRESHOLDS: Thresholds = { types: 0.5, subtypes: 0.5, themes: 0.5 };
const MAX_EVIDENCE = 5;

const PARENT = new Map<string, string>();
for (const [type, subs] of Object.entries(SUBTYPES)) for (const s of subs) PARENT.set(s, type);

export function loadModels(file = dataPath("model", "classifier.json")): ClassifierModels {
  if (!existsSync(file)) throw new Error(`找不到分类模型 ${file}，请运行 npm run train（model missing: run npm run train）`);
  return JSON.parse(readFileSync(file, "utf8")) as ClassifierModels;
}

const round2 = (p: number) => Math.round(p * 100) / 100;

/**
 * Explainable multi-label classification: lexicon evidence (data/lexicon/, negation-aware) and
 * one-vs-rest logistic regression over jieba words (data/model/), combined in one linear model
 * per task.
 */
export class Classifier {
  readonly analyzer: Analyzer;
  private models: CompiledModels;
  readonly thresholds: Thresholds;

  constructor(models: ClassifierModels = loadModels(), lexicon: Lexicon = loadLexicon()) {
    this.analyzer = new Analyzer(lexicon);
    this.thresholds = { ...DEFAULT_THRESHOLDS, ...models.thresholds };
    this.models = new CompiledModels(models);
  }

  /** Types, sub-types and themes of a text (no 重点件, target or place). */
  labels(text: string, tokens?: string[]): Pick<Classification, "types" | "subtypes" | "themes"> & { analysis: Analysis } {
    const a = this.analyzer.analyze(text, tokens);
    const m = this.models;
    const x = m.vector(a);
    const { types: T, subtypes: S, themes: M } = m.tasks;
    // words the lexicons give to some label: not shown as evidence for a different one
    const lexWords = (hits: readonly Hit[], key: (h: Hit) => string | undefined) => {
      let by: Map<string, Set<string>> | undefined;
      for (const h of hits) {
        const k = key(h);
        if (!k || h.negated) continue;
        by ??= new Map();
        const w = a.tokens[h.token]!;
        (by.get(w) ?? by.set(w, new Set()).get(w)!).add(k);
      }
      return (label: string) => (by ? (w: string) => by!.has(w) && !by!.get(w)!.has(label) : undefined);
    };
    const otherType = lexWords(a.typeHits, (h) => h.entry.label);
    const otherSub = lexWords(a.typeHits, (h) => h.entry.subtype);
    const otherTheme = lexWords(a.themeHits, (h) => h.entry.label);

    // 污染类型: every label above the threshold; 其他 only when nothing else is
    const st = m.scores(T, x);
    const other = T.labels.indexOf("其他");
    const ranked = [...st.keys()].filter((l) => l !== other).sort((p, q) => st[q]! - st[p]!);
    let chosen = ranked.filter((l) => sigmoid(st[l]!) >= this.thresholds.types);
    if (!chosen.length) {
      const best = ranked[0]!;
      const pBest = sigmoid(st[best]!);
      const pOther = other >= 0 ? sigmoid(st[other]!) : 0;
      chosen = pBest >= 0.3 && pBest >= pOther ? [best] : [];
    }
    const types: LabelPrediction<PollutionType>[] = chosen.length
      ? chosen.map((l) => ({
          label: T.labels[l] as PollutionType,
          confidence: round2(sigmoid(st[l]!)),
          evidence: m.evidence(T, x, l, a.tokens, MAX_EVIDENCE, otherType(T.labels[l]!)),
        }))
      : [{
          label: "其他",
          confidence: round2(other >= 0 ? Math.max(sigmoid(st[other]!), 1 - sigmoid(st[ranked[0]!]!)) : 1),
          evidence: other >= 0 ? m.evidence(T, x, other, a.tokens, MAX_EVIDENCE, otherType("其他")) : [],
        }];
    const typeSet = new Set<string>(types.map((t) => t.label));

    // 污染子类: above the threshold and under a predicted type
    const ss = m.scores(S, x);
    const subtypes: LabelPrediction[] = [];
    for (let l = 0; l < ss.length; l++) {
      const label = S.labels[l]!;
      if (sigmoid(ss[l]!) < this.thresholds.subtypes || !typeSet.has(PARENT.get(label) ?? "")) continue;
      subtypes.push({ label, confidence: round2(sigmoid(ss[l]!)), evidence: m.evidence(S, x, l, a.tokens, MAX_EVIDENCE, otherSub(label)) });
    }
    subtypes.sort((p, q) => q.confidence - p.confidence);

    // 督察主题
    const sm = m.scores(M, x);
    const themes: LabelPrediction<Theme>[] = [];
    for (let l = 0; l < sm.length; l++) {
      if (sigmoid(sm[l]!) < this.thresholds.themes) continue;
      themes.push({ label: M.labels[l] as Theme, confidence: round2(sigmoid(sm[l]!)), evidence: m.evidence(M, x, l, a.tokens, MAX_EVIDENCE, otherTheme(M.labels[l]!)) });
    }
    themes.sort((p, q) => q.confidence - p.confidence);
    return { types, subtypes, themes, analysis: a };
  }
}
