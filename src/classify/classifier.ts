import { createHash } from "node:crypto";
import { existsSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Classification, LabelPrediction, Theme } from "../model/classification.js";
import type { PollutionType } from "../model/vocabulary.js";
import { dataPath } from "../util/paths.js";
import { segment } from "../text/segment.js";
import { type Analysis, Analyzer, type Hit } from "./features.js";
import { type Lexicon, SUBTYPE_PARENT, loadLexicon } from "./lexicon.js";
import { type CompiledParts, CompiledModels, type DenseModel, TASKS, compileParts } from "./compiled.js";
import { type ModelFile, sigmoid } from "./model.js";
import { DEFAULT_SCHEME, type Scheme, type WasteRule, loadWasteRules, routeWaste } from "./scheme.js";

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

/** What {@link Classifier.labels} leaves out. */
export interface LabelOptions {
  /** false: no evidence words (default true) */
  evidence?: boolean;
}

export const DEFAULT_THRESHOLDS: Thresholds = { types: 0.5, subtypes: 0.5, themes: 0.5 };
const MAX_EVIDENCE = 5;

export function loadModels(file = dataPath("model", "classifier.json")): ClassifierModels {
  if (!existsSync(file)) throw new Error(`找不到分类模型 ${file}，请运行 npm run train（model missing: run npm run train）`);
  return JSON.parse(readFileSync(file, "utf8")) as ClassifierModels;
}

/** The compiled models and thresholds that a {@link Classifier} is made of. */
export interface CompiledClassifierModels {
  parts: CompiledParts;
  thresholds?: Partial<Thresholds> | undefined;
}

/** The layout of the binary copy below; a new layout gets new file names. */
const COMPILED_LAYOUT = 1;
const align8 = (n: number) => (n + 7) & ~7;

/**
 * The bundled models compiled ({@link compileParts}), from a binary copy in the temp folder named
 * after the model file's content (written on first use, like jieba's core dictionary in
 * segment.ts). Every classification worker thread loads the models: parsing
 * the 1.6 MB JSON (125,000 small arrays) and filling the matrices took about as long as the rest
 * of its start apart from jieba, ~0.1–0.2 s per thread on the critical path of a run; the copy
 * is read in a few milliseconds and holds the very same Float32 and Float64 values.
 */
export function loadCompiledModels(file = dataPath("model", "classifier.json"), copyDir = tmpdir()): CompiledClassifierModels {
  if (!existsSync(file)) return fromModels(loadModels(file)); // loadModels says what is missing
  // named after the content (hashing 1.6 MB takes a few ms): a copy never outlives its model
  const key = createHash("sha1").update(readFileSync(file)).update(`:${COMPILED_LAYOUT}`).digest("hex").slice(0, 16);
  const copy = join(copyDir, `ducha-model-${key}.bin`);
  const cached = readCompiled(copy);
  if (cached) return cached;
  const compiled = fromModels(loadModels(file));
  try {
    const tmp = `${copy}.${process.pid}.tmp`;
    writeFileSync(tmp, encodeCompiled(compiled));
    renameSync(tmp, copy);
  } catch {
    // only a copy: the next start compiles again
  }
  return compiled;
}

const fromModels = (models: ClassifierModels): CompiledClassifierModels => ({ parts: compileParts(models), thresholds: models.thresholds });

/** [u32 header length][header JSON, padded to 8 bytes][per task: W (Float32), padded to 8; bias (Float64)] */
function encodeCompiled(c: CompiledClassifierModels): Buffer {
  const header = Buffer.from(JSON.stringify({ names: c.parts.names, thresholds: c.thresholds, labels: TASKS.map((t) => c.parts.tasks[t].labels) }));
  const pieces: Buffer[] = [];
  let at = 4 + header.length;
  const pad = () => {
    const to = align8(at);
    pieces.push(Buffer.alloc(to - at));
    at = to;
  };
  const length = Buffer.alloc(4);
  length.writeUInt32LE(header.length);
  pieces.push(length, header);
  pad();
  for (const t of TASKS) {
    const { W, bias } = c.parts.tasks[t];
    pieces.push(Buffer.from(W.buffer, W.byteOffset, W.byteLength));
    at += W.byteLength;
    pad();
    pieces.push(Buffer.from(bias.buffer, bias.byteOffset, bias.byteLength));
    at += bias.byteLength;
  }
  return Buffer.concat(pieces);
}

/** The copy written by {@link encodeCompiled}, or undefined when it is missing or not whole. */
function readCompiled(path: string): CompiledClassifierModels | undefined {
  try {
    const buf = readFileSync(path);
    const n = buf.readUInt32LE(0);
    const header = JSON.parse(buf.toString("utf8", 4, 4 + n)) as { names: string[]; thresholds?: Partial<Thresholds>; labels: string[][] };
    const F = header.names.length;
    let at = align8(4 + n);
    let end = at;
    for (const labels of header.labels) end = align8(end + F * labels.length * 4) + labels.length * 8;
    if (header.labels.length !== TASKS.length || end !== buf.length) return undefined;
    // copies, so that the arrays are aligned and do not keep the file's buffer
    const slice = (bytes: number) => buf.buffer.slice(buf.byteOffset + at, buf.byteOffset + (at += bytes));
    const tasks = {} as CompiledParts["tasks"];
    TASKS.forEach((t, i) => {
      const labels = header.labels[i]!;
      const W = new Float32Array(slice(F * labels.length * 4));
      at = align8(at);
      tasks[t] = { labels, W, bias: new Float64Array(slice(labels.length * 8)) };
    });
    return { parts: { names: header.names, tasks }, thresholds: header.thresholds };
  } catch {
    return undefined;
  }
}

const round2 = (p: number) => Math.round(p * 100) / 100;
const NONE: ReadonlySet<number> = new Set();
/** the sub-type of smell words in data/lexicon/types.tsv */
const SMELL = "恶臭/异味";

/** The words of an analysis (places left out) that contain one of the cues, each once, in text order. */
function cueWords(a: Analysis, cues: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < a.tokens.length; i++) {
    const t = a.tokens[i]!;
    if (a.infos[i]!.place || out.includes(t)) continue;
    for (const c of cues) {
      if (t.includes(c)) {
        out.push(t);
        break;
      }
    }
  }
  return out;
}

/**
 * Explainable multi-label classification: lexicon evidence (data/lexicon/, negation-aware) and
 * one-vs-rest logistic regression over jieba words (data/model/), combined in one linear model
 * per task.
 */
export class Classifier {
  readonly analyzer: Analyzer;
  private models: CompiledModels;
  readonly thresholds: Thresholds;
  /** the thresholds as log-odds, compared with raw scores */
  private logits: Thresholds;
  /** the pollution type each sub-type label belongs to */
  private subtypeParent: string[];

  /** per task: the buffer its scores are written to (labels() reads them before its next call) */
  private scratch: Record<"types" | "subtypes" | "themes", Float64Array>;

  /** the rules that place waste complaints in the seven-class scheme */
  readonly wasteRules: readonly WasteRule[];

  /** @param models default: the bundled models, compiled once per machine ({@link loadCompiledModels}) */
  constructor(models?: ClassifierModels, lexicon: Lexicon = loadLexicon(), wasteRules: readonly WasteRule[] = loadWasteRules()) {
    this.analyzer = new Analyzer(lexicon);
    this.wasteRules = wasteRules;
    const compiled = models ? fromModels(models) : loadCompiledModels();
    this.thresholds = { ...DEFAULT_THRESHOLDS, ...compiled.thresholds };
    this.models = new CompiledModels(compiled.parts);
    const logit = (p: number) => Math.log(p / (1 - p));
    this.logits = { types: logit(this.thresholds.types), subtypes: logit(this.thresholds.subtypes), themes: logit(this.thresholds.themes) };
    this.subtypeParent = this.models.tasks.subtypes.labels.map((l) => SUBTYPE_PARENT.get(l) ?? "");
    const { types, subtypes, themes } = this.models.tasks;
    this.scratch = { types: new Float64Array(types.L), subtypes: new Float64Array(subtypes.L), themes: new Float64Array(themes.L) };
  }

  /**
   * Types, sub-types and themes of a text (no 重点件, target or place), in the given 污染类型
   * scheme. `text` is read as {@link Analyzer.clean} reads it; when `tokens` are given, `text`
   * must be the cleaned text they were cut from. With `evidence: false` every label's evidence is
   * left empty (the labels and confidences are the same).
   */
  labels(
    text: string,
    tokens?: string[],
    scheme: Scheme = DEFAULT_SCHEME,
    options: LabelOptions = {},
  ): Pick<Classification, "types" | "subtypes" | "themes"> & { analysis: Analysis } {
    const clean = tokens ? text : Analyzer.clean(text);
    const a = this.analyzer.analyze(clean, tokens ?? segment(clean));
    const m = this.models;
    const x = m.vector(a);
    const { types: T, subtypes: S, themes: M } = m.tasks;
    // words the lexicons give to some label are not shown as evidence for a different one
    const otherLabel =
      (hits: readonly Hit[], key: (h: Hit) => string | undefined, label: string) =>
      (w: string): boolean => {
        let other = false;
        for (const h of hits) {
          if (h.negated || a.tokens[h.token] !== w) continue;
          const k = key(h);
          if (k === label) return false;
          if (k) other = true;
        }
        return other;
      };
    const typeKey = (h: Hit) => h.entry.label;
    const subKey = (h: Hit) => h.entry.subtype;
    // the words behind a label, unless the caller reads no evidence (the statistics do not)
    const withEvidence = options.evidence !== false;
    const ev = (task: DenseModel, l: number, hits: readonly Hit[], key: (h: Hit) => string | undefined, label: string): string[] =>
      withEvidence ? m.evidence(task, x, l, a.infos, MAX_EVIDENCE, otherLabel(hits, key, label)) : [];
    const { types: lt, subtypes: ls, themes: lm } = this.logits;

    // 污染类型: every label above the threshold; 其他 only when nothing else is
    const st = m.scores(T, x, undefined, this.scratch.types);
    const other = T.labels.indexOf("其他");
    const ranked: number[] = [];
    for (let l = 0; l < st.length; l++) if (l !== other) ranked.push(l);
    ranked.sort((p, q) => st[q]! - st[p]!);
    let chosen = ranked.filter((l) => st[l]! >= lt);
    // a decisive lexicon word (weight 3) that is not negated always gives its type: 扬尘 in a
    // complaint about noise is still a 大气 complaint
    const decisive = this.decisive(a, T.labels);
    for (const l of decisive) if (l !== other && !chosen.includes(l)) chosen.push(l);
    if (!chosen.length) {
      const best = ranked[0]!;
      const pBest = sigmoid(st[best]!);
      const pOther = other >= 0 ? sigmoid(st[other]!) : 0;
      chosen = pBest >= 0.3 && pBest >= pOther ? [best] : [];
    }
    chosen.sort((p, q) => st[q]! - st[p]!);
    // built by push in every case: an array from map() is "holey" and one from a literal is not,
    // and the second kind reaching code compiled for the first deoptimised it (labels was
    // compiled three times per run, ~0.1 s of V8's compiler each)
    let types: LabelPrediction<PollutionType>[] = [];
    for (const l of chosen)
      types.push({
        label: T.labels[l] as PollutionType,
        confidence: round2(Math.max(sigmoid(st[l]!), decisive.has(l) ? this.thresholds.types : 0)),
        evidence: ev(T, l, a.typeHits, typeKey, T.labels[l]!),
      });
    if (!chosen.length)
      types.push({
        label: "其他",
        confidence: round2(other >= 0 ? Math.max(sigmoid(st[other]!), 1 - sigmoid(st[ranked[0]!]!)) : 1),
        evidence: other >= 0 ? ev(T, other, a.typeHits, typeKey, "其他") : [],
      });
    // 其他 beside other types: real tables add it when the complaint also raises a matter that is
    // no pollution (私搭乱建, 危房, 安全隐患), named by a strong 其他 word of the lexicon
    if (other >= 0 && chosen.length && this.otherMatter(a, scheme)) {
      types.push({
        label: "其他",
        confidence: round2(Math.max(sigmoid(st[other]!), this.thresholds.types)),
        evidence: ev(T, other, a.typeHits, typeKey, "其他"),
      });
    }
    if (scheme === "seven") types = this.withoutSolidWaste(types, a);
    const typeSet = new Set<string>(types.map((t) => t.label));
    // sub-types of 固废 stay with the waste complaint wherever the seven-class scheme put it
    if (scheme === "seven" && chosen.some((l) => T.labels[l] === "固废")) typeSet.add("固废");

    // 污染子类: above the threshold and under a predicted type (only those are scored)
    const ss = m.scores(S, x, (l) => typeSet.has(this.subtypeParent[l]!), this.scratch.subtypes);
    const subtypes: LabelPrediction[] = [];
    for (let l = 0; l < ss.length; l++) {
      if (ss[l]! < ls || !typeSet.has(this.subtypeParent[l]!)) continue;
      const label = S.labels[l]!;
      subtypes.push({ label, confidence: round2(sigmoid(ss[l]!)), evidence: ev(S, l, a.typeHits, subKey, label) });
    }
    // a sub-type whose source the text names (养猪 -> 养殖废水, subtype-cues.tsv), under its found type
    for (const [label, cues] of this.analyzer.lex.subtypeCues) {
      if (!typeSet.has(SUBTYPE_PARENT.get(label)!) || subtypes.some((s) => s.label === label)) continue;
      const words = cueWords(a, cues);
      if (!words.length) continue;
      const l = S.labels.indexOf(label);
      const confidence = round2(Math.max(l >= 0 ? sigmoid(ss[l]!) : 0, this.thresholds.subtypes));
      subtypes.push({ label, confidence, evidence: withEvidence ? words.slice(0, MAX_EVIDENCE) : [] });
    }
    subtypes.sort((p, q) => q.confidence - p.confidence);

    // 督察主题
    const sm = m.scores(M, x, undefined, this.scratch.themes);
    const themes: LabelPrediction<Theme>[] = [];
    for (let l = 0; l < sm.length; l++) {
      if (sm[l]! < lm) continue;
      const label = M.labels[l]!;
      themes.push({ label: label as Theme, confidence: round2(sigmoid(sm[l]!)), evidence: ev(M, l, a.themeHits, typeKey, label) });
    }
    themes.sort((p, q) => q.confidence - p.confidence);
    return { types, subtypes, themes, analysis: a };
  }

  /** The words of an analysis where rules look for cues: its tokens, places left out (石灰村). */
  words(a: Analysis): string[] {
    return a.tokens.filter((_, i) => !a.infos[i]!.place);
  }

  /**
   * Whether a decisive (weight-3), non-negated, unhedged 其他 lexicon word is in the analysis, of
   * those that add 其他 beside other types in this scheme (a missing permit only in the eight-class
   * scheme: seven-class tables write the pollution alone, types.tsv's 方案 column).
   */
  private otherMatter(a: Analysis, scheme: Scheme): boolean {
    return a.typeHits.some(
      (h) => !h.negated && !h.hedged && h.entry.label === "其他" && h.entry.weight >= 3 && (!h.entry.besideIn || h.entry.besideIn === scheme),
    );
  }

  /**
   * Type indexes with a decisive (weight-3), non-negated lexicon word in the analysis, in the
   * order found, or a strong word decisive in its clause (地下水 beside 污染: types.tsv's 同句).
   * A hedged mention (怀疑…, 可能…) is not decisive: the model still weighs it.
   */
  private decisive(a: Analysis, labels: readonly string[]): ReadonlySet<number> {
    let out: Set<number> | undefined;
    for (const h of a.typeHits) {
      if (h.negated || h.hedged) continue;
      if (h.entry.weight < 3 && !(h.entry.decisiveWith && inClause(a, h.token, h.entry.decisiveWith))) continue;
      const l = labels.indexOf(h.entry.label);
      if (l >= 0) (out ??= new Set()).add(l);
    }
    return out ?? NONE;
  }

  /**
   * Whether a predicted type other than 其他 has a lexicon word of its own that is not a smell
   * (a smell beside waste is the waste's own: 恶臭/异味 words do not count).
   */
  private otherPollution(a: Analysis, types: readonly LabelPrediction<PollutionType>[]): boolean {
    for (const h of a.typeHits) {
      if (h.negated || h.entry.label === "其他" || h.entry.subtype === SMELL) continue;
      if (types.some((t) => t.label === h.entry.label)) return true;
    }
    return false;
  }

  /**
   * Whether a 固废 lexicon word stands next to another type's word across a 、 (污水、建筑垃圾,
   * 垃圾、臭气): the complaint lists the waste as a nuisance of its own, not as part of another.
   */
  private listedWithOther(a: Analysis): boolean {
    // the label of the last non-negated hit of another type than 其他 in token i (hits are few:
    // a scan, not a map built for every waste complaint)
    const labelAt = (i: number): string | undefined => {
      let label: string | undefined;
      for (const h of a.typeHits) if (h.token === i && !h.negated && h.entry.label !== "其他") label = h.entry.label;
      return label;
    };
    for (const h of a.typeHits) {
      if (h.negated || h.entry.label !== "固废") continue;
      for (const step of [-1, 1]) {
        if (a.tokens[h.token + step] !== "、") continue;
        const l = labelAt(h.token + 2 * step);
        if (l && l !== "固废") return true;
      }
    }
    return false;
  }

  /**
   * The seven-class scheme has no 固废: a waste complaint goes where data/lexicon/waste-routing.tsv
   * says (土壤 for dumped or buried waste, 其他 for bins and 脏乱差, 大气 for the smell, 水 for
   * leachate), keeping its confidence and adding the deciding cue to its evidence.
   */
  private withoutSolidWaste(types: LabelPrediction<PollutionType>[], a: Analysis): LabelPrediction<PollutionType>[] {
    const waste = types.find((t) => t.label === "固废");
    if (!waste) return types;
    const out = types.filter((t) => t !== waste);
    const { targets, cues } = routeWaste(this.words(a), this.wasteRules);
    // waste named with no cue of where it lies, beside another pollution, is part of that
    // complaint (建筑垃圾铺路导致扬尘 is 大气; 河道…有许多垃圾 beside 生态破坏 is 生态): the default
    // 土壤 is for a complaint about the waste itself, its smell included (大量生活垃圾…气味扰民 is 土壤)
    // …unless the waste is an item of its own in a list of nuisances (油烟、噪声、生活垃圾、污水扰民;
    // 污水、垃圾直接排放; 垃圾、臭气扰民): then the default is given beside the other items
    const listed = this.listedWithOther(a);
    if (!cues.length && !listed && this.otherPollution(a, out)) return out;
    const fallback = listed ? this.wasteRules.find((r) => r.cue === "*")?.target : undefined;
    if (fallback && !targets.includes(fallback)) targets.push(fallback);
    const evidence = [...new Set([...waste.evidence, ...cues])].slice(0, MAX_EVIDENCE);
    const pollution = out.some((t) => t.label !== "其他") || targets.some((t) => t !== "其他");
    for (const target of targets) {
      const have = out.find((t) => t.label === target);
      if (have) have.evidence = [...new Set([...have.evidence, ...evidence])].slice(0, MAX_EVIDENCE);
      // bins and sanitation are 其他 only when the complaint names no pollution
      else if (target !== "其他" || !pollution) out.push({ label: target, confidence: waste.confidence, evidence });
    }
    return out;
  }
}

/** Whether a token of token i's clause (i included) contains the fragment: 污染 beside 地下水. */
function inClause(a: Analysis, i: number, fragment: string): boolean {
  const c = a.clause[i];
  for (let j = i; j >= 0 && a.clause[j] === c; j--) if (a.tokens[j]!.includes(fragment)) return true;
  for (let j = i + 1; j < a.tokens.length && a.clause[j] === c; j++) if (a.tokens[j]!.includes(fragment)) return true;
  return false;
}
