import { readFileSync } from "node:fs";
import type { KeyCaseReason } from "../model/classification.js";
import type { TokenInfo } from "./features.js";
import { dataPath } from "../util/paths.js";
import { parseChineseNumber } from "../text/normalize.js";

interface RuleSpec {
  id: string;
  name: string;
  strong: boolean;
  cues: string[];
  numbers?: { unit: string; min: number }[];
  /** words that cancel a cue within three words of it, in the same clause (死亡 near 鱼 is no health harm) */
  notNear?: string[];
}

export interface KeyCaseRules {
  minStrong: number;
  minAny: number;
  rules: RuleSpec[];
}

/** The 重点件 rule of data/rules/key-case.json (documented in docs/classification.md). */
export function loadKeyCaseRules(file = dataPath("rules", "key-case.json")): KeyCaseRules {
  const r = JSON.parse(readFileSync(file, "utf8")) as KeyCaseRules;
  if (!Array.isArray(r.rules) || !r.rules.every((x) => x.id && x.name && Array.isArray(x.cues))) {
    throw new Error(`${file}: 每条规则需要 id、name 和 cues`);
  }
  return r;
}

/**
 * A quantity as a complaint gives it before 亩/吨/户/人: 120, 1.5, 三十, 两千, 几百 (read as 200: at
 * least a couple of hundred), 三四十 (40), 上百 (100), 上千 (1000). Returns undefined for anything else.
 */
export const readQuantity = (s: string): number | undefined => parseChineseNumber(s, { approximate: true });

const NEGATORS = new Set(["没有", "不是", "并非", "无", "没"]);
const CLAUSE_END = /^[。！？；，,;!?\n\r]+$/;
const NEAR = 3;
const QUANTITY = /(\d+(?:\.\d+)?|上[十百千万]|[零一二两三四五六七八九几十百千万]{1,6})\s*(?:多|余|来)?\s*(亩|吨|户|人|家|名)/g;
const UNITS = /[亩吨户人家名]/;

/** Whether token i, or a token within NEAR of it in the same clause, contains one of `words`. */
function nearAny(tokens: readonly string[], i: number, words: readonly string[]): boolean {
  const has = (t: string) => words.some((w) => t.includes(w));
  if (has(tokens[i]!)) return true;
  for (let j = i - 1; j >= Math.max(0, i - NEAR) && !CLAUSE_END.test(tokens[j]!); j--) if (has(tokens[j]!)) return true;
  for (let j = i + 1; j < Math.min(tokens.length, i + NEAR + 1) && !CLAUSE_END.test(tokens[j]!); j++) if (has(tokens[j]!)) return true;
  return false;
}

/** A 重点件 cue found in a token: the rule (index in KeyCaseRules.rules) and the cue. */
export interface KeyCaseCue {
  rule: number;
  cue: string;
}

/** The rules compiled for token lookups: which cues each distinct token contains. */
export class KeyCaseMatcher {
  private cache = new Map<string, KeyCaseCue[]>();
  private maxCue: number;
  private cueRules = new Map<string, number[]>();

  constructor(readonly rules: KeyCaseRules) {
    rules.rules.forEach((r, i) => {
      for (const cue of r.cues) {
        const list = this.cueRules.get(cue);
        if (list) list.push(i);
        else this.cueRules.set(cue, [i]);
      }
    });
    this.maxCue = Math.max(...[...this.cueRules.keys()].map((c) => c.length));
  }

  private cuesIn(token: string): KeyCaseCue[] {
    let found = this.cache.get(token);
    if (found) return found;
    found = [];
    for (let i = 0; i < token.length; i++) {
      for (let len = Math.min(this.maxCue, token.length - i); len >= 1; len--) {
        const cue = token.slice(i, i + len);
        const rules = this.cueRules.get(cue);
        if (rules) for (const rule of rules) found.push({ rule, cue });
      }
    }
    if (this.cache.size > 200_000) this.cache.clear();
    this.cache.set(token, found);
    return found;
  }

  /** Which 重点件 rules a complaint triggers, and whether it is suggested as a 重点件. */
  match(tokens: readonly string[], text: string, infos?: readonly TokenInfo[]): { suggested: boolean; reasons: KeyCaseReason[] } {
    const evidence = new Map<number, string[]>();
    for (let i = 0; i < tokens.length; i++) {
      let hits: readonly KeyCaseCue[];
      if (infos) {
        const inf = infos[i]!;
        if (inf.keyCaseOwner !== this || !inf.keyCaseCues) {
          inf.keyCaseOwner = this;
          inf.keyCaseCues = this.cuesIn(tokens[i]!);
        }
        hits = inf.keyCaseCues;
      } else hits = this.cuesIn(tokens[i]!);
      if (!hits.length || (i > 0 && NEGATORS.has(tokens[i - 1]!))) continue;
      for (const { rule, cue } of hits) {
        const not = this.rules.rules[rule]!.notNear;
        if (not && nearAny(tokens, i, not)) continue;
        const ev = evidence.get(rule) ?? [];
        if (!ev.some((e) => e.includes(cue) || cue.includes(e))) ev.push(cue);
        else if (ev.some((e) => cue.includes(e) && e !== cue))
          ev.splice(
            ev.findIndex((e) => cue.includes(e)),
            1,
            cue,
          );
        evidence.set(rule, ev);
      }
    }
    if (UNITS.test(text)) {
      this.rules.rules.forEach((rule, r) => {
        if (!rule.numbers) return;
        QUANTITY.lastIndex = 0;
        for (let m = QUANTITY.exec(text); m; m = QUANTITY.exec(text)) {
          const n = readQuantity(m[1]!);
          const spec = rule.numbers.find((x) => x.unit === m![2]);
          if (n !== undefined && spec && n >= spec.min) evidence.set(r, [...(evidence.get(r) ?? []), m[0]]);
        }
      });
    }
    const reasons: KeyCaseReason[] = [];
    let strong = 0;
    this.rules.rules.forEach((rule, r) => {
      const ev = evidence.get(r);
      if (!ev?.length) return;
      reasons.push({ rule: rule.id, name: rule.name, evidence: ev.slice(0, 3) });
      if (rule.strong) strong++;
    });
    return { suggested: strong >= this.rules.minStrong || reasons.length >= this.rules.minAny, reasons };
  }
}

/**
 * The cues of 重点件 rules that the segmenter must keep whole (more than one character), by
 * default those of data/rules/key-case.json.
 */
export function keyCaseWords(rules: KeyCaseRules = loadKeyCaseRules()): string[] {
  return rules.rules.flatMap((r) => r.cues.filter((c) => c.length > 1));
}
