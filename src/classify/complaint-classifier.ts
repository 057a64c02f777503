import type { Classification } from "../model/classification.js";
import { Classifier, type LabelOptions } from "./classifier.js";
import { segment, useWords } from "../text/segment.js";
import { Analyzer } from "./features.js";
import { KeyCaseMatcher, keyCaseWords, loadKeyCaseRules } from "./keycase.js";
import { DEFAULT_SCHEME, type Scheme } from "./scheme.js";
import { findTargetAndPlace } from "./target.js";

/** Everything the library says about one complaint text. */
export class ComplaintClassifier {
  readonly keyCases: KeyCaseMatcher;

  constructor(
    readonly labels = new Classifier(),
    keyCaseRules = loadKeyCaseRules(),
  ) {
    // the 重点件 cues come out of jieba as whole tokens
    useWords(keyCaseWords(keyCaseRules));
    this.keyCases = new KeyCaseMatcher(keyCaseRules);
  }

  /**
   * @param tokens when given, `text` is `Analyzer.clean(text)` and these are its tokens
   * @param scheme the 污染类型 scheme of the inspection (default: Hunan/central seven classes)
   */
  classify(text: string, tokens?: string[], scheme: Scheme = DEFAULT_SCHEME, options: LabelOptions = {}): Classification {
    // personal data and redaction marks never reach a feature (neutralize.ts)
    const clean = tokens ? text : Analyzer.clean(text);
    const { types, subtypes, themes, analysis } = this.labels.labels(clean, tokens ?? segment(clean), scheme, options);
    const { target, place } = findTargetAndPlace(analysis.tokens, analysis.infos);
    const out: Classification = { types, subtypes, themes, keyCase: this.keyCases.match(analysis.tokens, clean, analysis.infos) };
    if (target) out.target = target;
    if (place) out.place = place;
    return out;
  }

  /**
   * Classify many texts: segment them all first, then classify. jieba's dictionary lookups stay
   * in the CPU cache this way; interleaved with the JS work a cut costs about 50% more. With
   * `piiFound`, its i-th entry says whether personal data was found in texts[i] (the search the
   * cleaning does anyway), so that a caller who redacts the text can skip a text without any.
   * `options` as for {@link Classifier.labels}.
   */
  classifyMany(texts: readonly string[], scheme: Scheme = DEFAULT_SCHEME, piiFound?: boolean[], options: LabelOptions = {}): Classification[] {
    const report = { pii: false };
    const clean = texts.map((t, i) => {
      const c = Analyzer.clean(t, report);
      if (piiFound) piiFound[i] = report.pii;
      return c;
    });
    return this.classifyCleaned(clean, scheme, options);
  }

  /**
   * {@link classifyMany} for texts that are already `Analyzer.clean(text)`: the worker threads
   * get them cleaned by the main thread, which is idle while they load their dictionaries.
   */
  classifyCleaned(clean: readonly string[], scheme: Scheme = DEFAULT_SCHEME, options: LabelOptions = {}): Classification[] {
    const tokens = clean.map((t) => segment(t));
    return clean.map((t, i) => this.classify(t, tokens[i], scheme, options));
  }
}

let shared: ComplaintClassifier | undefined;

/** The process-wide classifier with the bundled lexicons and models (loaded on first use). */
export function sharedClassifier(): ComplaintClassifier {
  shared ??= new ComplaintClassifier();
  return shared;
}
