/**
 * How well the classifier does, on our own corpus and on real published rows.
 *
 * 1. Corpus: k-fold cross-validation on data/labelled/*.jsonl. For each fold the models are
 *    trained on the other folds (the lexicons are fixed domain knowledge) and the held-out fold
 *    is classified in the corpus's own eight-class scheme.
 * 2. Real rows (data/labelled/real/rows.tsv): the committed model, which never trained on a real
 *    row, classifies each row in the scheme its source writes in (seven or eight classes); the
 *    prediction is compared with the official 污染类型. Scores for the development rows and for
 *    the held-out rows apart, with 95% bootstrap intervals resampled by source page, per class
 *    and per province. Rows whose cell says there is no type are not scored.
 *
 * 3. The sixth to tenth rounds (data/labelled/real/round6.tsv … round10.tsv), each scored once as
 *    held-out and development since, are scored only when --round6 … --round10 is given, and so
 *    are the later rounds (HELD_OUT_ROUNDS in src/classify/real.ts; FIRST_SCORES there holds the
 *    one score of each round scored so far). Several --roundN together are also scored pooled.
 *
 *   npm run eval [-- --folds 5 --seed 1 --real-only --dev-only --errors --routed --brief --round6 … --roundN]
 *
 * --errors and --routed list development rows only: the held-out rows stay unseen (--errors with
 * --roundN lists that round's too when it has a first score: development since its one scoring; a
 * round not yet scored is never listed).
 */
import { parseArgs } from "node:util";
import { Classifier } from "../src/classify/classifier.js";
import { loadCorpus } from "../src/classify/corpus.js";
import { Analyzer } from "../src/classify/features.js";
import { loadLexicon } from "../src/classify/lexicon.js";
import { type Scores, bootstrap, score, seededRandom } from "../src/classify/metrics.js";
import { FIRST_SCORES, type RealRow, heldOutRounds, loadRealRows, loadRoundRows } from "../src/classify/real.js";
import { EIGHT_TYPES, routeWaste } from "../src/classify/scheme.js";
import { SUBTYPE_LABELS, THEME_LABELS, TYPE_LABELS, analyzeCorpus, trainModels } from "../src/classify/training.js";

const { values } = parseArgs({
  options: {
    folds: { type: "string", default: "5" },
    seed: { type: "string", default: "1" },
    errors: { type: "boolean", default: false },
    routed: { type: "boolean", default: false },
    "real-only": { type: "boolean", default: false },
    "dev-only": { type: "boolean", default: false },
    l2: { type: "string" },
    epochs: { type: "string" },
    lr: { type: "string" },
    pos: { type: "string" },
    brief: { type: "boolean", default: false },
    // --round6 … --roundN, one a held-out round
    ...Object.fromEntries(heldOutRounds().map((n) => [`round${n}`, { type: "boolean", default: false } as const])),
    "t-types": { type: "string" },
    "t-subtypes": { type: "string" },
    "t-themes": { type: "string" },
  },
});
const pct = (x: number) => (x * 100).toFixed(1).padStart(5);
const lexicon = loadLexicon();

function printClasses(sc: Scores): void {
  console.log("  class              support  precision  recall     F1");
  for (const c of sc.classes) {
    if (!c.support && !c.fp) continue;
    console.log(`  ${c.label.padEnd(16, "　").slice(0, 16)} ${String(c.support).padStart(7)}  ${pct(c.precision)}%    ${pct(c.recall)}%  ${pct(c.f1)}%`);
  }
}

// ---- 1. corpus cross-validation ----
if (!values["real-only"]) {
  const trainOpts = {
    ...(values.l2 ? { l2: Number(values.l2) } : {}),
    ...(values.epochs ? { epochs: Number(values.epochs) } : {}),
    ...(values.lr ? { learningRate: Number(values.lr) } : {}),
    ...(values.pos ? { maxPositiveWeight: Number(values.pos) } : {}),
  };
  const K = Number(values.folds);
  const corpus = loadCorpus();
  const analyzer = new Analyzer(lexicon);
  const analyses = analyzeCorpus(analyzer, corpus);
  const rnd = seededRandom(Number(values.seed));
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
    const models = trainModels(
      trainIdx.map((i) => corpus[i]!),
      trainIdx.map((i) => analyses[i]!),
      trainOpts,
    );
    models.thresholds = {
      ...models.thresholds,
      ...(values["t-types"] ? { types: Number(values["t-types"]) } : {}),
      ...(values["t-subtypes"] ? { subtypes: Number(values["t-subtypes"]) } : {}),
      ...(values["t-themes"] ? { themes: Number(values["t-themes"]) } : {}),
    };
    const clf = new Classifier(models, lexicon);
    for (const i of test) {
      const c = corpus[i]!;
      const r = clf.labels(c.text, undefined, "eight");
      pred.types.push(r.types.map((t) => t.label));
      pred.subtypes.push(r.subtypes.map((t) => t.label));
      pred.themes.push(r.themes.map((t) => t.label));
      truth.types.push(c.types);
      truth.subtypes.push(c.subtypes);
      truth.themes.push(c.themes);
      const p = r.types
        .map((t) => t.label)
        .sort()
        .join("、");
      if (p !== [...c.types].sort().join("、"))
        errors.push(
          `${c.id} 标注 ${c.types.join("、")} 预测 ${r.types.map((t) => `${t.label}(${t.confidence}: ${t.evidence.join(" ")})`).join("、")}\n    ${c.text.slice(0, 160)}`,
        );
    }
  }
  const print = (title: string, sc: Scores) => {
    console.log(`\n${title}  (corpus, ${K}-fold cross-validation, ${sc.examples} complaints, eight classes)`);
    if (!values.brief) printClasses(sc);
    console.log(
      `  micro-F1 ${pct(sc.microF1)}%   macro-F1 ${pct(sc.macroF1)}%   micro-P ${pct(sc.microPrecision)}%   micro-R ${pct(sc.microRecall)}%   exact match ${pct(sc.exactMatch)}%`,
    );
  };
  print("污染类型 pollution type", score(TYPE_LABELS, truth.types, pred.types));
  console.log(`  ${bySeveral(truth.types, pred.types)}`);
  print("污染子类 sub-type", score(SUBTYPE_LABELS, truth.subtypes, pred.subtypes));
  print("督察主题 theme", score(THEME_LABELS, truth.themes, pred.themes));
  if (values.errors) {
    console.log(`\n${errors.length} corpus type errors:`);
    for (const e of errors) console.log(`  ${e}`);
  }
}

// ---- 2. real published rows ----
const clf = new Classifier(undefined, lexicon);
const rows = loadRealRows();
const scored = rows.filter((r) => !r.noType);
// the held-out rounds in files of their own, with their one held-out score: development since,
// their rows classified only when --roundN is given; a round without a score is still held out
// (its first --roundN run is its one scoring) and its rows are never listed by --errors
const ROUNDS = heldOutRounds().map((n) => ({ n, asFirstScored: FIRST_SCORES[n] }));
const rounds = ROUNDS.map(({ n, asFirstScored }) => {
  const all = loadRoundRows(n);
  const on = (values as Record<string, unknown>)[`round${n}`] === true;
  return { n, asFirstScored, all, on, scored: on ? all.filter((r) => !r.noType) : [] };
});
const scoredRounds = rounds.flatMap((r) => r.scored);
// rows of rounds scored once already (development since), the only round rows --errors may list
const developmentRounds = rounds.filter((r) => r.asFirstScored !== undefined);
const predicted = new Map<RealRow, { labels: string[]; detail: string }>();
for (const r of [...scored, ...scoredRounds]) {
  const out = clf.labels(r.text, undefined, r.scheme);
  predicted.set(r, { labels: out.types.map((t) => t.label), detail: out.types.map((t) => `${t.label}(${t.confidence}: ${t.evidence.join(" ")})`).join("、") });
}

const labelsOf = EIGHT_TYPES as readonly string[];
function summary(name: string, set: readonly RealRow[], classes = !values.brief): void {
  if (!set.length) return;
  const truth = set.map((r) => r.officialTypes as string[]);
  const pred = set.map((r) => predicted.get(r)!.labels);
  const sc = score(labelsOf, truth, pred);
  const pages = [...new Set(set.map((r) => r.source))];
  const clusters = pages.map((p) => set.flatMap((r, i) => (r.source === p ? [i] : [])));
  const on = (f: (s: Scores) => number) => (idx: readonly number[]) =>
    f(
      score(
        labelsOf,
        idx.map((i) => truth[i]!),
        idx.map((i) => pred[i]!),
      ),
    );
  const ci = (f: (s: Scores) => number) => {
    const b = bootstrap(clusters, on(f));
    return `[${pct(b.low).trim()}–${pct(b.high).trim()}]`;
  };
  console.log(`\n${name}: ${set.length} rows from ${pages.length} source pages`);
  if (classes) printClasses(sc);
  console.log(
    `  micro-F1 ${pct(sc.microF1)}% ${ci((s) => s.microF1)}   macro-F1 ${pct(sc.macroF1)}% ${ci((s) => s.macroF1)}   exact set ${pct(sc.exactMatch)}% ${ci((s) => s.exactMatch)}   (95% bootstrap by source page)`,
  );
  console.log(
    `  micro-P ${pct(sc.microPrecision)}%   micro-R ${pct(sc.microRecall)}%   at least one official type found: ${pct(set.filter((r, i) => r.officialTypes.some((t) => pred[i]!.includes(t))).length / set.length)}%`,
  );
  console.log(`  ${bySeveral(truth, pred)}`);
}

/** Exact agreement apart for one-type and several-type predictions (the 类型复核 column's figure). */
function bySeveral(truth: readonly string[][], pred: readonly string[][]): string {
  const part = (several: boolean) => {
    const idx = pred.flatMap((p, i) => (p.length > 1 === several ? [i] : []));
    const exact = idx.filter((i) => [...truth[i]!].sort().join("、") === [...pred[i]!].sort().join("、")).length;
    return `${exact} of ${idx.length} exact (${idx.length ? pct(exact / idx.length).trim() : "–"}%)`;
  };
  return `one type predicted: ${part(false)};  several (类型复核 多类): ${part(true)}`;
}

console.log(
  `\n==== Real published rows (data/labelled/real/rows.tsv): ${rows.length} rows, ${rows.length - scored.length} without an official type (not scored) ====`,
);
console.log("Each row is classified in its source's scheme (seven classes, or eight with 固废) by the committed model, which never trained on a real row.");
const dev = scored.filter((r) => r.split === "dev");
const holdout = scored.filter((r) => r.split === "holdout");
summary("DEVELOPMENT rows (looked at while tuning)", dev);
if (!values["dev-only"]) {
  summary("HELD-OUT rows (never looked at; sources fixed before tuning)", holdout);
  summary(
    "held-out rows in the seven-class scheme",
    holdout.filter((r) => r.scheme === "seven"),
    false,
  );
}
summary(
  `${values["dev-only"] ? "development" : "all"} rows in the seven-class scheme`,
  (values["dev-only"] ? dev : scored).filter((r) => r.scheme === "seven"),
  false,
);

console.log("\nBy province (development | held-out): rows, micro-F1, exact set");
const provinces = [...new Set(scored.map((r) => r.province))].sort(
  (a, b) => scored.filter((r) => r.province === b).length - scored.filter((r) => r.province === a).length,
);
const cell = (set: readonly RealRow[]) => {
  if (!set.length) return "".padStart(22);
  const sc = score(
    labelsOf,
    set.map((r) => r.officialTypes as string[]),
    set.map((r) => predicted.get(r)!.labels),
  );
  return `${String(set.length).padStart(3)}  ${pct(sc.microF1)}%  ${pct(sc.exactMatch)}%`;
};
for (const p of provinces)
  console.log(
    `  ${p.padEnd(4, "　")}  ${cell(dev.filter((r) => r.province === p))}  |  ${values["dev-only"] ? "" : cell(holdout.filter((r) => r.province === p))}`,
  );

/** A round scored once as held-out and development since: scored when its flag is given, else counted. */
function reportRound(n: number, all: readonly RealRow[], scoredRows: readonly RealRow[], asFirstScored: string | undefined, on: boolean): void {
  const file = `data/labelled/real/round${n}.tsv`;
  if (!on) {
    const pages = new Set(all.map((r) => r.source)).size;
    console.log(
      asFirstScored === undefined
        ? `\nRound ${n} (${file}): ${all.length} rows from ${pages} pages, held out and not yet scored: --round${n} scores them (once, by the lead)`
        : `\nRound ${n} (${file}): ${all.length} rows from ${pages} pages, scored once as held-out (${asFirstScored}; see its README), development since: --round${n} scores them`,
    );
    return;
  }
  summary(
    asFirstScored === undefined
      ? `ROUND ${n} rows (${file}; HELD-OUT, never scored before: this is its one scoring)`
      : `ROUND ${n} rows (${file}; scored once as held-out, development since)`,
    scoredRows,
  );
  summary(
    `round ${n} rows in the seven-class scheme`,
    scoredRows.filter((r) => r.scheme === "seven"),
    false,
  );
  console.log(`  (${all.length - scoredRows.length} round-${n} rows without an official type, not scored)`);
  console.log(`Round ${n} by province: rows, micro-F1, exact set`);
  for (const p of [...new Set(scoredRows.map((r) => r.province))].sort())
    console.log(`  ${p.padEnd(4, "　")}  ${cell(scoredRows.filter((r) => r.province === p))}`);
}
for (const r of rounds) reportRound(r.n, r.all, r.scored, r.asFirstScored, r.on);
// several rounds together: rounds first scored by one classifier (12 to 15: no label change since
// round 12's scoring) pooled are that classifier's held-out figure
const onRounds = rounds.filter((r) => r.on);
if (onRounds.length > 1) summary(`ROUNDS ${onRounds.map((r) => r.n).join(", ")} pooled`, scoredRounds, false);

if (values.errors) {
  // rounds 6 to 9 have been development since their one scoring: their rows are listed when scored
  const wrong = [...dev, ...developmentRounds.flatMap((r) => r.scored)].filter(
    (r) => [...r.officialTypes].sort().join("、") !== [...predicted.get(r)!.labels].sort().join("、"),
  );
  console.log(
    `\n${wrong.length} development rows${developmentRounds
      .filter((r) => r.scored.length)
      .map((r) => ` (with round ${r.n})`)
      .join("")} where the prediction differs from the official 污染类型:`,
  );
  for (const r of wrong)
    console.log(`  ${r.id} [${r.scheme}] 官方 ${r.official} -> ${r.officialTypes.join("、")} | 预测 ${predicted.get(r)!.detail}\n    ${r.text.slice(0, 150)}`);
}
if (values.errors) {
  // the misses by type: a pattern worth a rule recurs over rows of several pages and provinces
  const listed = [...dev, ...developmentRounds.flatMap((r) => r.scored)];
  console.log("\nMisses by type over the same rows: extra (predicted, not official) and missed (official, not predicted), with their pages and provinces");
  for (const [kind, missOf] of [
    ["extra", (r: RealRow) => predicted.get(r)!.labels.filter((t) => !(r.officialTypes as string[]).includes(t))],
    ["missed", (r: RealRow) => (r.officialTypes as string[]).filter((t) => !predicted.get(r)!.labels.includes(t))],
  ] as const) {
    for (const type of EIGHT_TYPES) {
      const set = listed.filter((r) => missOf(r).includes(type));
      if (!set.length) continue;
      const byProvince = new Map<string, number>();
      for (const r of set) byProvince.set(r.province, (byProvince.get(r.province) ?? 0) + 1);
      const provinces = [...byProvince].sort((a, b) => b[1] - a[1]).map(([p, n]) => `${p} ${n}`);
      console.log(
        `  ${kind} ${type}: ${set.length} rows, ${new Set(set.map((r) => r.source)).size} pages (${provinces.join(", ")}): ${set.map((r) => r.id).join(" ")}`,
      );
    }
  }
}
if (values.routed) {
  console.log("\nDevelopment rows where the seven-class scheme routed a waste complaint (data/lexicon/waste-routing.tsv):");
  for (const r of dev.filter((x) => x.scheme === "seven")) {
    const eight = clf.labels(r.text, undefined, "eight").types.map((t) => t.label);
    if (!eight.includes("固废")) continue;
    const { targets, cues } = routeWaste(clf.words(clf.analyzer.analyze(Analyzer.clean(r.text))), clf.wasteRules);
    console.log(`  ${r.id} 官方 ${r.official} | 固废 -> ${targets.join("、")} (${cues.join("、") || "默认"}) | ${r.text.slice(0, 80)}`);
  }
}
