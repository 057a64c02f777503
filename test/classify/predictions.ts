/**
 * The texts whose predictions must not move when the classifier is only made faster: the real
 * published rows (each in its own scheme), the bundled sample (seven classes) and the labelled
 * corpus (eight classes, its own scheme). Used by predictions-unchanged.test.ts; the stored file
 * test/fixtures/classify/predictions.jsonl was written from the code before the speed work
 * (issue 14) with `UPDATE_PREDICTIONS=1 npx vitest run test/classify/predictions-unchanged`.
 */
import { loadCorpus } from "../../src/classify/corpus.js";
import { loadRealRows } from "../../src/classify/real.js";
import type { Scheme } from "../../src/classify/scheme.js";
import { ingestFiles } from "../../src/ingest/index.js";
import { dataPath } from "../../src/util/paths.js";

export interface PredictionText {
  set: "real" | "sample" | "corpus";
  id: string;
  scheme: Scheme;
  text: string;
}

export async function predictionTexts(): Promise<PredictionText[]> {
  const out: PredictionText[] = [];
  for (const r of loadRealRows()) out.push({ set: "real", id: r.id, scheme: r.scheme, text: r.text });
  const sample = await ingestFiles([dataPath("sample", "郴州2023_信访件_模拟数据.csv")]);
  for (const r of sample.records) out.push({ set: "sample", id: r.key, scheme: "seven", text: r.text });
  for (const c of loadCorpus()) out.push({ set: "corpus", id: c.id, scheme: "eight", text: c.text });
  return out;
}
