import { readFileSync } from "node:fs";
import { EIGHT_TYPES, type PollutionType, SEVEN_TYPES } from "../model/vocabulary.js";
import { dataPath } from "../util/paths.js";

/**
 * The 污染类型 scheme an inspection writes its tables in:
 * - "seven": Hunan and the central inspection (大气 水 噪声 土壤 生态 辐射 其他), no 固废; waste
 *   complaints go to 土壤, 其他, 大气 or 水 by the rules of data/lexicon/waste-routing.tsv;
 * - "eight": the seven plus 固废, as the national 12369 platform and several provinces write them.
 */
export type Scheme = "seven" | "eight";
/** Every scheme, for option lists. */
export const SCHEMES: readonly Scheme[] = ["seven", "eight"];
/** The scheme of Hunan and the central inspection, used unless another is asked for. */
export const DEFAULT_SCHEME: Scheme = "seven";

// the lists live in the browser-safe vocabulary (the dashboard's agreement table reads them too)
export { EIGHT_TYPES, SEVEN_TYPES };

/** The labels of a scheme, in the order tables list them. */
export const schemeTypes = (scheme: Scheme): readonly PollutionType[] => (scheme === "eight" ? EIGHT_TYPES : SEVEN_TYPES);

/** A scheme as a user writes it (seven, 7, 七类; eight, 8, 八类); throws on anything else. */
export function parseScheme(value: string): Scheme {
  const v = value.trim().toLowerCase();
  if (v === "seven" || v === "7" || v === "七类") return "seven";
  if (v === "eight" || v === "8" || v === "八类") return "eight";
  throw new Error(`污染类型分类方案应为 seven（七类，湖南/中央督察）或 eight（八类，含固废），收到「${value}」`);
}

/** One rule of data/lexicon/waste-routing.tsv. */
export interface WasteRule {
  /** the word looked for; "*" is the default */
  cue: string;
  target: PollutionType;
  /** 1 wins over 2, 2 over 3 */
  level: number;
}

const TARGETS: readonly PollutionType[] = ["土壤", "其他", "大气", "水"];

/** Load and check the waste-routing rules (file and line named in every error). */
export function loadWasteRules(file = dataPath("lexicon", "waste-routing.tsv")): WasteRule[] {
  const rules: WasteRule[] = [];
  readFileSync(file, "utf8")
    .split(/\r?\n/)
    .forEach((line, i) => {
      const cells = line.split("\t").map((c) => c.trim());
      if (!cells[0] || cells[0].startsWith("#")) return;
      const [cue, target, level] = cells;
      if (!TARGETS.includes(target as PollutionType)) throw new Error(`${file} 第${i + 1}行: 归入应为 土壤、其他、大气 或 水，收到「${target}」`);
      const n = Number(level);
      if (!(n === 1 || n === 2 || n === 3)) throw new Error(`${file} 第${i + 1}行: 优先级应为 1、2 或 3，收到「${level}」`);
      rules.push({ cue: cue!, target: target as PollutionType, level: n });
    });
  if (!rules.some((r) => r.cue === "*")) throw new Error(`${file}: 缺少默认规则（线索为 *）`);
  return rules;
}

/**
 * Where a waste complaint goes in the seven-class scheme: the targets of the matching cues of
 * the best level, with the cues that decided. The default rule applies when no cue matches.
 *
 * Given the complaint's words (jieba tokens, places left out), a cue matches as a lexicon word
 * does: a whole word, else the longest cues inside one (垃圾桶 in 分类垃圾桶; 填埋 is not found
 * in 垃圾填埋场, itself a cue), never across two (堆放 is not in 垃圾堆|放点). Given a string, a
 * cue matches anywhere in it.
 */
export function routeWaste(text: string | readonly string[], rules: readonly WasteRule[]): { targets: PollutionType[]; cues: string[] } {
  const found = typeof text === "string" ? undefined : cuesIn(text, rules);
  const has = found ? (cue: string) => found.has(cue) : (cue: string) => (text as string).includes(cue);
  let best = 4;
  let hits: WasteRule[] = [];
  for (const r of rules) {
    if (r.cue === "*" || !has(r.cue)) continue;
    if (r.level < best) {
      best = r.level;
      hits = [r];
    } else if (r.level === best) hits.push(r);
  }
  if (!hits.length) hits = rules.filter((r) => r.cue === "*");
  const targets: PollutionType[] = [];
  for (const h of hits) if (!targets.includes(h.target)) targets.push(h.target);
  return { targets, cues: hits.filter((h) => h.cue !== "*").map((h) => h.cue) };
}

/** The cues found in words: a word that is a cue, else the longest cues inside it, not overlapping. */
function cuesIn(words: readonly string[], rules: readonly WasteRule[]): Set<string> {
  const cues = new Set(rules.map((r) => r.cue).filter((c) => c !== "*"));
  const longest = Math.max(0, ...[...cues].map((c) => c.length));
  const found = new Set<string>();
  for (const w of words) {
    if (cues.has(w)) {
      found.add(w);
      continue;
    }
    for (let i = 0; i < w.length;) {
      let len = Math.min(longest, w.length - i);
      while (len > 0 && !cues.has(w.slice(i, i + len))) len--;
      if (len) found.add(w.slice(i, i + len));
      i += len || 1;
    }
  }
  return found;
}
