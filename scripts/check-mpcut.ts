/**
 * Checks that the JavaScript cut (src/text/mpcut.ts) gives nodejieba's tokens, text by text, with
 * the classifier's words registered as in a classification run:
 *
 *   npx tsx scripts/check-mpcut.ts [texts.json ...]
 *
 * Always checks the labelled corpus, the real rows and the sample; also every string of the
 * given JSON arrays (e.g. bench/.out/classify-40000.texts.json). Exits 1 on the first difference.
 */
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { loadCorpus } from "../src/classify/corpus.js";
import { sharedClassifier } from "../src/classify/complaint-classifier.js";
import { cutBoth } from "../src/text/segment.js";
import { Analyzer } from "../src/classify/features.js";
import { dataPath } from "../src/util/paths.js";

sharedClassifier(); // registers the lexicon and 重点件 words, as a worker does
const texts: string[] = loadCorpus().map((c) => c.text);
const realDir = dataPath("labelled", "real");
for (const f of readdirSync(realDir).filter((n) => n.endsWith(".tsv")))
  for (const line of readFileSync(join(realDir, f), "utf8").split("\n")) texts.push(...line.split("\t"));
for (const file of process.argv.slice(2)) texts.push(...(JSON.parse(readFileSync(file, "utf8")) as string[]));
let tokens = 0;
for (const raw of texts) {
  // the classifier cuts the cleaned text; the repeat search cuts the text as read: check both
  for (const t of [raw, Analyzer.clean(raw)]) {
    const { nodejieba, used } = cutBoth(t);
    tokens += used.length;
    if (nodejieba.length !== used.length || nodejieba.some((w, i) => w !== used[i])) {
      console.error(`differs on ${JSON.stringify(t)}:\n  nodejieba ${nodejieba.join("|")}\n  mpcut     ${used.join("|")}`);
      process.exit(1);
    }
  }
}
console.log(`${texts.length} texts (as read and cleaned), ${tokens} tokens: the same cut`);
