import { describe, expect, it } from "vitest";
import { Classifier } from "../../src/classify/classifier.js";
import { score } from "../../src/classify/metrics.js";
import { loadRealRows } from "../../src/classify/real.js";
import { EIGHT_TYPES } from "../../src/classify/scheme.js";
import { typeReview } from "../../src/model/classification.js";

/**
 * Regression guard on real published rows (data/labelled/real/): each row classified in its
 * source's scheme. The floors sit a few points under the figures of docs/classification.md, so
 * a change that loses real-row quality fails here, not only in npm run eval.
 */
describe("real published rows", () => {
  const clf = new Classifier();
  const rows = loadRealRows().filter((r) => !r.noType);
  const scored = (split: "dev" | "holdout") => {
    const set = rows.filter((r) => r.split === split);
    return score(
      EIGHT_TYPES,
      set.map((r) => r.officialTypes),
      set.map((r) => clf.labels(r.text, undefined, r.scheme).types.map((t) => t.label)),
    );
  };

  it("keeps the split fixed by source page: no page in both, 7 held-out rows from 7 pages (the fifth round's rows)", () => {
    const dev = new Set(rows.filter((r) => r.split === "dev").map((r) => r.source));
    const held = rows.filter((r) => r.split === "holdout");
    expect(held.length).toBe(7);
    expect(new Set(held.map((r) => r.source)).size).toBe(7);
    for (const r of held) expect(Number(r.id.slice(1)), r.id).toBeGreaterThanOrEqual(120);
    for (const r of held) expect(dev.has(r.source), r.source).toBe(false);
    expect(new Set(rows.map((r) => r.text)).size).toBe(rows.length);
  });

  it("agrees with the official 污染类型 on the development rows (micro-F1 >= 0.85, exact set >= 0.70)", () => {
    const s = scored("dev");
    expect(s.microF1).toBeGreaterThanOrEqual(0.85);
    expect(s.exactMatch).toBeGreaterThanOrEqual(0.7);
  });

  // The held-out floor: the fifth round (N120–N126), scored once by `npm run eval` after the
  // tuning of the same session, gave 69.2% micro-F1 and 3 of 7 exact; the floor sits under it so
  // that a change losing these rows fails, while 7 rows say little (interval 52–90%).
  it("agrees with the official 污染类型 on the held-out rows (micro-F1 >= 0.65, at least 3 of 7 exact)", () => {
    const s = scored("holdout");
    expect(s.microF1).toBeGreaterThanOrEqual(0.65);
    expect(s.exactMatch * 7).toBeGreaterThanOrEqual(3 - 1e-9);
  });
  // 类型复核: what the CLI's column and docs/classification.md tell a reader. On the 175
  // development rows, 89 of 102 one-type predictions agree exactly with the official cell and 41 of
  // 73 several-type ones (npm run eval); a change that made the flag say nothing fails here.
  it("flags the rows whose types a reader should check: one-type predictions agree far more often than several-type ones", () => {
    const dev = rows.filter((r) => r.split === "dev");
    const part = (several: boolean) => {
      let n = 0;
      let exact = 0;
      for (const r of dev) {
        const types = clf.labels(r.text, undefined, r.scheme).types;
        if (Boolean(typeReview({ types })) !== several) continue;
        n++;
        const p = types.map((t) => t.label).sort();
        if (p.join() === [...r.officialTypes].sort().join()) exact++;
      }
      return { n, rate: exact / n };
    };
    const one = part(false);
    const several = part(true);
    expect(one.n + several.n).toBe(dev.length);
    expect(several.n).toBeGreaterThan(dev.length / 4);
    expect(one.rate).toBeGreaterThanOrEqual(0.8);
    expect(several.rate).toBeLessThanOrEqual(0.65);
    expect(one.rate - several.rate).toBeGreaterThanOrEqual(0.2);
  });
});
