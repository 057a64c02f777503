import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { classify } from "../../src/classify/index.js";
import { loadLexicon } from "../../src/classify/lexicon.js";
import { loadRealRows } from "../../src/classify/real.js";
import { isPlaceName, isStopWord } from "../../src/text/segment.js";
import { dataPath } from "../../src/util/paths.js";

/** Evidence words are real words: no single characters unless a lexicon word, no places, no stop words. */
describe("evidence", () => {
  const lex = loadLexicon();
  const lexWord = (w: string) => lex.types.has(w) || lex.themes.has(w);
  const texts = [
    ...loadRealRows().map((r) => r.text),
    ...readFileSync(dataPath("labelled", "corpus-c.jsonl"), "utf8")
      .trim()
      .split("\n")
      .map((l) => (JSON.parse(l) as { text: string }).text),
    // the patterns of the issue: 冲 from 塘冲村, 兴宁镇, 人, 有人, 很大, 得到, 机
    "资兴市兴宁镇塘冲村有人开了一家石材厂，机器声音很大，粉尘得到治理后又反弹。",
  ];

  it("shows only real words, taken from the text, for every label of every real row", () => {
    const bad: string[] = [];
    for (const text of texts) {
      const c = classify(text);
      for (const l of [...c.types, ...c.subtypes, ...c.themes]) {
        for (const w of l.evidence) {
          if (!text.includes(w)) bad.push(`${w} (not in the text) ${l.label}: ${text.slice(0, 30)}`);
          if (w.length < 2 && !lexWord(w)) bad.push(`${w} (single character) ${l.label}: ${text.slice(0, 30)}`);
          if (isPlaceName(w)) bad.push(`${w} (place) ${l.label}: ${text.slice(0, 30)}`);
          if (isStopWord(w)) bad.push(`${w} (stop word) ${l.label}: ${text.slice(0, 30)}`);
        }
      }
    }
    expect(bad).toEqual([]);
  });

  it("names places as places and keeps words that only look like them", () => {
    for (const w of ["兴宁镇", "塘冲村", "身家组", "苏仙区", "郴州", "长涧社区"]) expect(isPlaceName(w), w).toBe(true);
    for (const w of ["农村", "乡镇", "工作组", "小区", "督察组", "粉尘"]) expect(isPlaceName(w), w).toBe(false);
  });
});
