import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, it } from "vitest";
import { Classifier } from "../../src/classify/classifier.js";
import { score } from "../../src/classify/metrics.js";
import { type HeldOutRoundNumber, type RealRow, loadRealRows, loadRoundRows } from "../../src/classify/real.js";
import { EIGHT_TYPES } from "../../src/classify/scheme.js";
import { parsePollutionTypes } from "../../src/model/vocabulary.js";

/** Every real row collected before round `n`: rows.tsv (the 58 shared development rows too) and rounds 6 … n − 1. */
export function rowsBefore(n: number): RealRow[] {
  const out = loadRealRows();
  for (let k = 6; k < n; k++) out.push(...loadRoundRows(k as HeldOutRoundNumber));
  return out;
}

/** What a held-out round of real rows (data/labelled/real/roundN.tsv) is checked against. */
export interface HeldOutRound {
  /** 6, 7, 8 … */
  round: number;
  /** 第六轮 … as the loader's errors name it */
  name: string;
  rows: readonly RealRow[];
  file: string;
  load: (file: string) => RealRow[];
  /** every row of the earlier rounds (rows.tsv holds the 58 shared development rows too) */
  earlier: readonly RealRow[];
  /** the last id of the round before */
  afterId: number;
  /** whether each row's note names its round ("round 7") */
  noteNamesRound?: boolean;
  /**
   * the score when the round was first scored as held-out, and the floor kept under it; absent
   * while the round is held out and not yet scored, when no test classifies its rows
   */
  floor?: { scored: number; microF1: number; exact: number };
}

/**
 * The checks every held-out round shares: the rows load as held-out with new ids and a source
 * page each, every official cell maps to the scheme, no text or page repeats an earlier round,
 * no phone or ID number, the loader's refusals, and the floor under the round's one held-out score.
 * Call inside the round's describe().
 */
export function heldOutRoundChecks(r: HeldOutRound): void {
  const { rows } = r;

  it("loads every row as held-out, with an id after the previous round's and a source page each", () => {
    expect(rows.length).toBeGreaterThanOrEqual(1);
    expect(new Set(rows.map((x) => x.id)).size).toBe(rows.length);
    for (const x of rows) {
      expect(x.split, x.id).toBe("holdout");
      expect(x.id, x.id).toMatch(/^N\d{3}$/);
      expect(Number(x.id.slice(1)), x.id).toBeGreaterThan(r.afterId);
      expect(x.source, x.id).toMatch(/^https?:\/\/\S+$/);
      expect(x.text.length, x.id).toBeGreaterThan(10);
      expect(x.province, x.id).not.toBe("");
      if (r.noteNamesRound) expect(x.note, x.id).toMatch(new RegExp(`round ${r.round}`));
    }
  });

  it("maps every official 污染类型 cell to the official scheme, or marks it as naming no type", () => {
    for (const x of rows) {
      const p = parsePollutionTypes(x.official);
      expect(p.unknown, `${x.id} ${x.official}`).toEqual([]);
      expect(x.officialTypes.length > 0 || x.noType, `${x.id} ${x.official}`).toBe(true);
      expect(x.officialTypes, x.id).toEqual(p.values);
    }
  });

  it("holds no row of an earlier round: no text and no source page seen before", () => {
    const texts = new Set(r.earlier.map((x) => x.text));
    const pages = new Set(r.earlier.map((x) => x.source));
    expect(new Set(rows.map((x) => x.text)).size).toBe(rows.length);
    for (const x of rows) {
      expect(texts.has(x.text), x.id).toBe(false);
      expect(pages.has(x.source), `${x.id} ${x.source}`).toBe(false);
    }
  });

  it("carries no complainant's phone or ID number", () => {
    for (const x of rows) {
      expect(x.text, x.id).not.toMatch(/(?<!\d)1[3-9]\d{9}(?!\d)/);
      expect(x.text, x.id).not.toMatch(/(?<!\d)\d{17}[\dXx](?!\d)/);
    }
  });

  it("refuses a row that is not held-out or has no source page, naming the file and the row", () => {
    const dir = mkdtempSync(join(tmpdir(), `ducha-round${r.round}-`));
    const header = readFileSync(r.file, "utf8").split("\n")[0]!;
    const row = (split: string, source: string) =>
      ["N900", "新郑市", "大气", "新郑市某厂生产时气味难闻，影响周边居民。", "", "", source, "seven", split, "河南", ""].join("\t");
    const dev = join(dir, "dev.tsv");
    writeFileSync(dev, `${header}\n${row("holdout", "https://example.gov.cn/a.html")}\n${row("dev", "https://example.gov.cn/b.html")}\n`);
    expect(() => r.load(dev)).toThrow(`${dev} 第3行: ${r.name}的行应为 holdout`);
    const noSource = join(dir, "nosource.tsv");
    writeFileSync(noSource, `${header}\n${row("holdout", "")}\n`);
    expect(() => r.load(noSource)).toThrow(`${noSource} 第2行: source 应为来源网页地址`);
    const notAPage = join(dir, "notapage.tsv");
    writeFileSync(notAPage, `${header}\n${row("holdout", "附件1.xlsx")}\n`);
    expect(() => r.load(notAPage)).toThrow(`${notAPage} 第2行: source 应为来源网页地址`);
  });

  // The round was scored once, after it was frozen and that session's tuning had landed (its
  // README); the floor sits under that score so that a change losing these never-tuned-on rows
  // fails. They are development rows since. A round not yet scored has no floor: nothing here
  // classifies its rows, so no prediction on them is printed before the lead's one scoring.
  if (!r.floor) return;
  const { scored: n, microF1, exact } = r.floor;
  it(`agrees with the official 污染类型 as when first scored (micro-F1 >= ${microF1}, at least ${exact} of ${n} exact)`, () => {
    const clf = new Classifier();
    const scored = rows.filter((x) => !x.noType);
    expect(scored.length).toBe(n);
    const s = score(
      EIGHT_TYPES,
      scored.map((x) => x.officialTypes),
      scored.map((x) => clf.labels(x.text, undefined, x.scheme).types.map((t) => t.label)),
    );
    expect(s.microF1).toBeGreaterThanOrEqual(microF1);
    expect(s.exactMatch * n).toBeGreaterThanOrEqual(exact - 1e-9);
  });
}
