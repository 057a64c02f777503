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

  it("takes no evidence word from a village name that jieba cut into words (烧田村, 黄泥坳村)", () => {
    // real row N051: 烧 (a 大气 word) came from 烧田村; sample: 黄泥 (水) from 黄泥坳村
    const n051 = classify("南岳区南岳镇烧田村上粮组与新台组之间有一个选矿场，天晴尘土飞扬，下雨到处泥泞。");
    expect(n051.types.map((t) => t.label)).toEqual(["大气"]);
    for (const l of [...n051.types, ...n051.subtypes, ...n051.themes]) expect(l.evidence).not.toContain("烧");
    expect(n051.place).toEqual({ town: "南岳镇", village: "烧田村" });
    const words = classify("高亭司镇黄泥坳村一个石材加工厂半夜偷偷排放废水，粉尘飘到村里。").types.flatMap((t) => t.evidence);
    expect(words).not.toContain("黄泥");
    expect(words).toContain("废水");
  });

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
