/**
 * Train the classifier on data/labelled/ and write data/model/classifier.json.
 *   npm run train
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { Analyzer } from "../src/classify/features.js";
import { loadCorpus } from "../src/classify/corpus.js";
import { loadLexicon } from "../src/classify/lexicon.js";
import { analyzeCorpus, trainModels } from "../src/classify/training.js";
import { dataPath } from "../src/util/paths.js";

const corpus = loadCorpus();
const analyzer = new Analyzer(loadLexicon());
const analyses = analyzeCorpus(analyzer, corpus);
const models = trainModels(corpus, analyses);
for (const m of [models.types, models.subtypes, models.themes]) m.meta = { ...m.meta, corpus: "data/labelled/*.jsonl" };
mkdirSync(dataPath("model"), { recursive: true });
const file = dataPath("model", "classifier.json");
writeFileSync(file, `${JSON.stringify(models)}\n`);
console.log(`trained on ${corpus.length} complaints -> ${file}`);
for (const [task, m] of [
  ["types", models.types],
  ["subtypes", models.subtypes],
  ["themes", models.themes],
] as const)
  console.log(`  ${task}: ${m.labels.length} labels, ${Object.keys(m.weights).length} features with weights`);
