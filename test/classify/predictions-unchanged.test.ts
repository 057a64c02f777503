/**
 * Speed work on the classifier (issue 14) must not change a single prediction: every label,
 * confidence, evidence word, 重点件 reason, target and place on the real rows, the sample and the
 * corpus is compared with test/fixtures/classify/predictions.jsonl, written from the code before
 * that work. The file is rewritten only on purpose, when a change is meant to move predictions
 * (a lexicon rule, a retrained model): UPDATE_PREDICTIONS=1 npx vitest run test/classify/predictions-unchanged
 * — and the diff is then read row by row.
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { classify } from "../../src/classify/index.js";
import { ClassifierPool } from "../../src/classify/pool.js";
import { sharedClassifier } from "../../src/classify/complaint-classifier.js";
import { statsClassification } from "../../src/classify/compact.js";
import type { Classification } from "../../src/model/classification.js";
import { type PredictionText, predictionTexts } from "./predictions.js";

const FILE = "test/fixtures/classify/predictions.jsonl";

interface Stored {
  set: string;
  id: string;
  scheme: string;
  prediction: Classification;
}

let texts: PredictionText[];
let stored: Stored[];

beforeAll(async () => {
  texts = await predictionTexts();
  if (process.env.UPDATE_PREDICTIONS) {
    const lines = texts.map((t) => JSON.stringify({ set: t.set, id: t.id, scheme: t.scheme, prediction: classify(t.text, { scheme: t.scheme }) }));
    writeFileSync(FILE, `${lines.join("\n")}\n`);
  }
  if (!existsSync(FILE)) throw new Error(`${FILE} missing: run with UPDATE_PREDICTIONS=1 on code whose predictions are trusted`);
  stored = readFileSync(FILE, "utf8")
    .trim()
    .split("\n")
    .map((l) => JSON.parse(l) as Stored);
});

describe("predictions are unchanged", () => {
  it("covers the real rows, the sample and the corpus", () => {
    expect(stored.map((s) => `${s.set}:${s.id}`)).toEqual(texts.map((t) => `${t.set}:${t.id}`));
    const sets = new Map<string, number>();
    for (const s of stored) sets.set(s.set, (sets.get(s.set) ?? 0) + 1);
    expect(sets.get("real")).toBeGreaterThanOrEqual(130);
    expect(sets.get("sample")).toBeGreaterThanOrEqual(400);
    expect(sets.get("corpus")).toBeGreaterThanOrEqual(1000);
  });

  it("one text at a time on this thread", () => {
    const diff = texts.flatMap((t, i) => {
      const got = classify(t.text, { scheme: t.scheme });
      return JSON.stringify(got) === JSON.stringify(stored[i]!.prediction) ? [] : [{ id: `${t.set}:${t.id}`, got, want: stored[i]!.prediction }];
    });
    expect(diff.slice(0, 3)).toEqual([]);
  });

  it("in batches on this thread", () => {
    for (const scheme of ["seven", "eight"] as const) {
      const idx = texts.flatMap((t, i) => (t.scheme === scheme ? [i] : []));
      const got = sharedClassifier().classifyMany(
        idx.map((i) => texts[i]!.text),
        scheme,
      );
      const bad = idx.filter((i, k) => JSON.stringify(got[k]) !== JSON.stringify(stored[i]!.prediction));
      expect(bad.slice(0, 5).map((i) => `${texts[i]!.set}:${texts[i]!.id}`)).toEqual([]);
    }
  });

  it('without evidence words ("stats" results) the statistics read the same, on this thread and in workers', async () => {
    const pool = new ClassifierPool(1);
    try {
      for (const scheme of ["seven", "eight"] as const) {
        const idx = texts.flatMap((t, i) => (t.scheme === scheme ? [i] : []));
        const want = idx.map((i) => JSON.stringify(statsClassification(stored[i]!.prediction)));
        const here = sharedClassifier().classifyMany(
          idx.map((i) => texts[i]!.text),
          scheme,
          undefined,
          { evidence: false },
        );
        // no model evidence was looked for (only the waste-routing cues of the seven classes remain)
        const words = (cs: Classification[]) => cs.reduce((n, c) => n + [...c.types, ...c.subtypes, ...c.themes].reduce((m, p) => m + p.evidence.length, 0), 0);
        expect(words(here)).toBeLessThan(words(idx.map((i) => stored[i]!.prediction)) / 10);
        // the labels with their exact confidences, 重点件 reasons, target and place of the full classification
        const noWords = (c: Classification) => {
          const strip = (ps: readonly { label: string; confidence: number }[]) => ps.map((p) => [p.label, p.confidence]);
          return JSON.stringify({ ...c, types: strip(c.types), subtypes: strip(c.subtypes), themes: strip(c.themes) });
        };
        expect(here.filter((c, k) => noWords(c) !== noWords(stored[idx[k]!]!.prediction)).length).toBe(0);
        expect(here.filter((c, k) => JSON.stringify(statsClassification(c)) !== want[k]).length).toBe(0);
        const workers = await pool.classify(
          idx.map((i) => texts[i]!.text),
          undefined,
          scheme,
          { mode: "stats" },
        );
        expect(workers.filter((c, k) => JSON.stringify(statsClassification(c)) !== want[k]).length).toBe(0);
      }
    } finally {
      await pool.close();
    }
  });

  it("in worker threads", async () => {
    const pool = new ClassifierPool(2);
    try {
      for (const scheme of ["seven", "eight"] as const) {
        const idx = texts.flatMap((t, i) => (t.scheme === scheme ? [i] : []));
        const got = await pool.classify(
          idx.map((i) => texts[i]!.text),
          undefined,
          scheme,
        );
        const bad = idx.filter((i, k) => JSON.stringify(got[k]) !== JSON.stringify(stored[i]!.prediction));
        expect(bad.slice(0, 5).map((i) => `${texts[i]!.set}:${texts[i]!.id}`)).toEqual([]);
      }
    } finally {
      await pool.close();
    }
  });
});
