import { readFileSync } from "node:fs";
import { type PollutionType, parsePollutionTypes } from "../model/vocabulary.js";
import { dataPath } from "../util/paths.js";
import { type Scheme, parseScheme } from "./scheme.js";

/**
 * One complaint copied from a published disclosure table, with the official 污染类型 as the
 * registrar typed it (data/labelled/real/rows.tsv, documented in its README.md).
 */
export interface RealRow {
  id: string;
  region: string;
  /** the 污染类型 cell, verbatim */
  official: string;
  /** the cell mapped to ducha's types; [] when the cell says there is no type */
  officialTypes: PollutionType[];
  /** the cell says there is no type (群众身边的生态环境问题) */
  noType: boolean;
  text: string;
  source: string;
  /** the scheme the source's registrars write in */
  scheme: Scheme;
  /** "dev": looked at while developing; "holdout": never looked at (fixed by source page, see README) */
  split: "dev" | "holdout";
  province: string;
  note: string;
}

export function loadRealRows(file = dataPath("labelled", "real", "rows.tsv")): RealRow[] {
  const lines = readFileSync(file, "utf8")
    .split(/\r?\n/)
    .filter((l) => l.trim());
  const header = lines[0]!.split("\t");
  const at = (name: string) => {
    const i = header.indexOf(name);
    if (i < 0) throw new Error(`${file}: 缺少列「${name}」`);
    return i;
  };
  const I = {
    id: at("id"),
    region: at("region"),
    official: at("official_type"),
    text: at("text"),
    source: at("source"),
    scheme: at("scheme"),
    split: at("split"),
    province: at("province"),
    note: at("note"),
  };
  return lines.slice(1).map((line, n) => {
    const c = line.split("\t");
    const split = c[I.split];
    if (split !== "dev" && split !== "holdout") throw new Error(`${file} 第${n + 2}行: split 应为 dev 或 holdout`);
    const parsed = parsePollutionTypes(c[I.official] ?? "");
    if (parsed.unknown.length) throw new Error(`${file} 第${n + 2}行: 污染类型「${parsed.unknown.join("、")}」无法识别`);
    return {
      id: c[I.id]!,
      region: c[I.region] ?? "",
      official: c[I.official] ?? "",
      officialTypes: parsed.values,
      noType: Boolean(parsed.noType),
      text: c[I.text]!,
      source: c[I.source]!,
      scheme: parseScheme(c[I.scheme]!),
      split,
      province: c[I.province]!,
      note: c[I.note] ?? "",
    };
  });
}

/**
 * A held-out round in a file of its own: rows collected and committed before any prediction on
 * them was printed, kept out of rows.tsv so that the tests and snapshots that classify rows.tsv
 * never classify them. Every row must be `holdout` and name its source page; `round` names the
 * round in the error (第六轮, 第七轮, 第八轮).
 */
function loadHeldOutRound(file: string, round: string): RealRow[] {
  const rows = loadRealRows(file);
  rows.forEach((r, i) => {
    if (r.split !== "holdout") throw new Error(`${file} 第${i + 2}行: ${round}的行应为 holdout`);
    if (!/^https?:\/\/\S+$/.test(r.source)) throw new Error(`${file} 第${i + 2}行: source 应为来源网页地址`);
  });
  return rows;
}

/**
 * The held-out rounds kept in files of their own (data/labelled/real/roundN.tsv), each frozen
 * before any prediction on it was printed, scored once by the lead with
 * `npm run eval -- --real-only --roundN`, development since (see the README there).
 */
export const HELD_OUT_ROUNDS = {
  6: "第六轮",
  7: "第七轮",
  8: "第八轮",
  9: "第九轮",
  10: "第十轮",
  11: "第十一轮",
  12: "第十二轮",
  13: "第十三轮",
  14: "第十四轮",
  15: "第十五轮",
} as const;
export type HeldOutRoundNumber = keyof typeof HELD_OUT_ROUNDS;

/**
 * The one held-out score of each round scored so far, as `npm run eval` printed it the first time.
 * A round of {@link HELD_OUT_ROUNDS} without an entry here is still held out: only its own
 * `--roundN` run (its one scoring, by the lead) classifies its rows, never a script that reads
 * every round (scripts/eval-ceiling.ts reads {@link scoredRounds}).
 */
export const FIRST_SCORES: Partial<Record<HeldOutRoundNumber, string>> = {
  6: "80.4% micro-F1, 17 of 34 exact",
  7: "80.0% micro-F1, 18 of 31 exact",
  8: "85.7% micro-F1, 5 of 8 exact",
  9: "77.5% micro-F1, 12 of 25 exact",
  10: "69.7% micro-F1, 15 of 36 exact",
  11: "74.1% micro-F1, 6 of 11 exact",
  12: "70.6% micro-F1, 3 of 6 exact",
  13: "93.3% micro-F1, 5 of 6 exact",
  14: "100.0% micro-F1, 7 of 7 exact",
  15: "78.3% micro-F1, 5 of 9 exact",
};

/** Every held-out round, in order. */
export const heldOutRounds = (): HeldOutRoundNumber[] => (Object.keys(HELD_OUT_ROUNDS).map(Number) as HeldOutRoundNumber[]).sort((a, b) => a - b);

/** The rounds scored once already (development since), in order. */
export const scoredRounds = (): HeldOutRoundNumber[] => heldOutRounds().filter((n) => FIRST_SCORES[n] !== undefined);

/** The file of held-out round `n`. */
export function roundFile(n: HeldOutRoundNumber): string {
  return dataPath("labelled", "real", `round${n}.tsv`);
}

/** The rows of held-out round `n` (from `file`, by default its own). */
export function loadRoundRows(n: HeldOutRoundNumber, file = roundFile(n)): RealRow[] {
  return loadHeldOutRound(file, HELD_OUT_ROUNDS[n]);
}
