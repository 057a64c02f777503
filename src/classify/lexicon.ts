import { existsSync, readFileSync } from "node:fs";
import { POLLUTION_TYPES, type PollutionType } from "../model/vocabulary.js";
import { SUBTYPES, THEMES, type Theme } from "../model/classification.js";
import { dataPath } from "../util/paths.js";

/** One lexicon entry: a word and the label it suggests, with a weight of 1-3. */
export interface LexEntry {
  term: string;
  /** a pollution type or a theme id */
  label: string;
  /** the sub-type, for pollution-type entries that name one */
  subtype?: string;
  weight: number;
  /**
   * the only scheme in which a decisive 其他 word adds 其他 beside other types (types.tsv's 方案
   * column): 八类 for a missing permit, which 12369-style tables file under 建设项目
   */
  besideIn?: "eight";
  /**
   * for a strong (weight-2) word: it is decisive when a word of its clause contains this
   * (types.tsv's 同句 column: 地下水 is decisive 水 beside 污染, not as a well or a water level)
   */
  decisiveWith?: string;
}

export type NegationKind = "before" | "after" | "history" | "resolved" | "contrast" | "facility" | "hedge";

export interface Lexicon {
  /** word -> pollution-type entries */
  types: Map<string, LexEntry[]>;
  /** word -> theme entries */
  themes: Map<string, LexEntry[]>;
  negation: Map<string, NegationKind[]>;
  /**
   * sub-type -> words that name its source (subtype-cues.tsv: 养猪 for 养殖废水), looked for inside
   * the complaint's words when the sub-type's type is found; they are no features
   */
  subtypeCues: Map<string, string[]>;
  /** longest word in any table, for matching inside tokens */
  maxLength: number;
  /** every word of the tables and every cue of waste-routing.tsv, for the segmenter's dictionary */
  words: string[];
}

/** A tab-separated table of data/lexicon/ as rows, comments and blank lines skipped, with line numbers. */
function readTsv(file: string): { line: number; cells: string[] }[] {
  return readFileSync(file, "utf8")
    .split(/\r?\n/)
    .map((l, i) => ({ line: i + 1, cells: l.split("\t").map((c) => c.trim()) }))
    .filter((r) => r.cells[0] && !r.cells[0].startsWith("#"));
}

/** The pollution type each sub-type belongs to (扬尘 -> 大气). */
export const SUBTYPE_PARENT: ReadonlyMap<string, string> = new Map(Object.entries(SUBTYPES).flatMap(([type, subs]) => subs.map((s) => [s, type] as const)));

function bad(file: string, line: number, reason: string): never {
  throw new Error(`${file} 第${line}行: ${reason}`);
}

/** Load and check the lexicons (data/lexicon/*.tsv). */
export function loadLexicon(dir = dataPath("lexicon")): Lexicon {
  const types = new Map<string, LexEntry[]>();
  const themes = new Map<string, LexEntry[]>();
  const negation = new Map<string, NegationKind[]>();
  const add = <T>(m: Map<string, T[]>, k: string, v: T) => {
    const list = m.get(k);
    if (list) list.push(v);
    else m.set(k, [v]);
  };

  const typesFile = `${dir}/types.tsv`;
  for (const { line, cells } of readTsv(typesFile)) {
    const [term, label, subtype, w, scheme, clause] = cells;
    if (!POLLUTION_TYPES.includes(label as PollutionType)) bad(typesFile, line, `未知污染类型「${label}」`);
    if (subtype && SUBTYPE_PARENT.get(subtype) !== label) bad(typesFile, line, `子类「${subtype}」不属于${label}`);
    const weight = Number(w);
    if (!(weight >= 1 && weight <= 3)) bad(typesFile, line, `权重应为1-3，收到「${w}」`);
    if (scheme && (scheme !== "八类" || label !== "其他")) bad(typesFile, line, `方案列只用于其他类词语，且只能是「八类」，收到「${scheme}」`);
    if (clause && weight !== 2) bad(typesFile, line, `同句列只用于权重为2的词语，收到权重「${w}」`);
    add(types, term!, {
      term: term!,
      label: label!,
      ...(subtype ? { subtype } : {}),
      weight,
      ...(scheme ? { besideIn: "eight" as const } : {}),
      ...(clause ? { decisiveWith: clause } : {}),
    });
  }
  const themesFile = `${dir}/themes.tsv`;
  for (const { line, cells } of readTsv(themesFile)) {
    const [term, label, w] = cells;
    if (!THEMES.includes(label as Theme)) bad(themesFile, line, `未知主题「${label}」`);
    const weight = Number(w);
    if (!(weight >= 1 && weight <= 3)) bad(themesFile, line, `权重应为1-3，收到「${w}」`);
    add(themes, term!, { term: term!, label: label!, weight });
  }
  const negFile = `${dir}/negation.tsv`;
  const kinds: NegationKind[] = ["before", "after", "history", "resolved", "contrast", "facility", "hedge"];
  for (const { line, cells } of readTsv(negFile)) {
    const [term, kind] = cells;
    if (!kinds.includes(kind as NegationKind)) bad(negFile, line, `未知类别「${kind}」`);
    add(negation, term!, kind as NegationKind);
  }
  const subtypeCues = new Map<string, string[]>();
  const cuesFile = `${dir}/subtype-cues.tsv`;
  if (existsSync(cuesFile)) {
    for (const { line, cells } of readTsv(cuesFile)) {
      const [term, subtype] = cells;
      if (!subtype || !SUBTYPE_PARENT.has(subtype)) bad(cuesFile, line, `未知子类「${subtype ?? ""}」`);
      if (term!.length < 2) bad(cuesFile, line, `线索词至少两个字，收到「${term}」`);
      add(subtypeCues, subtype, term!);
    }
  }
  // the cues of waste-routing.tsv are looked for among the words too (scheme.ts routeWaste)
  const routingFile = `${dir}/waste-routing.tsv`;
  const cues = existsSync(routingFile) ? readTsv(routingFile).flatMap(({ cells }) => (cells[0] === "*" ? [] : [cells[0]!])) : [];
  const tables = [...types.keys(), ...themes.keys(), ...negation.keys()];
  const words = [...new Set([...tables, ...cues])];
  return { types, themes, negation, subtypeCues, maxLength: Math.max(...tables.map((w) => w.length)), words };
}
