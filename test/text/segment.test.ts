import { describe, expect, it } from "vitest";
import { contentWords, isStopWord, keywords, segment, useWords } from "../../src/text/segment.js";

describe("segmentation", () => {
  it("keeps domain terms, site words and Hunan place names whole", () => {
    const words = segment("北湖区华塘镇某石材加工厂选矿废水直排舂陵江，尾矿库渗漏");
    for (const w of ["北湖区", "华塘镇", "石材加工厂", "选矿废水", "直排", "舂陵江", "尾矿库"]) expect(words).toContain(w);
  });

  it("drops stop words and punctuation from content words", () => {
    const words = contentWords("我们村的那个养猪场，臭气熏天！");
    expect(words).toEqual(expect.arrayContaining(["养猪场", "臭气熏天"]));
    for (const w of words) expect(isStopWord(w)).toBe(false);
    expect(words).not.toContain("的");
    expect(words).not.toContain("，");
  });

  it("extracts keywords (loading jieba's idf table on demand) that occur in the text", () => {
    const text = "某矿业有限公司选矿废水未经处理直排舂陵江，河水发黑，下游稻田镉超标";
    const kw = keywords(text, 4);
    expect(kw).toHaveLength(4);
    for (const k of kw) {
      expect(text).toContain(k.word);
      expect(isStopWord(k.word)).toBe(false);
      expect(k.weight).toBeGreaterThan(0);
    }
    // segmentation is unchanged after the reload
    expect(segment("选矿废水直排舂陵江")).toEqual(["选矿废水", "直排", "舂陵江"]);
  });
});

describe("words given by the caller", () => {
  it("keeps a word registered with useWords whole, reloading jieba if it was already loaded", () => {
    // 蓝绿藻泛滥 is in no dictionary: jieba cuts it into pieces until a caller asks for it whole
    const text = "水库里蓝绿藻泛滥发臭";
    expect(segment(text)).not.toContain("蓝绿藻泛滥");
    useWords(["蓝绿藻泛滥"]);
    expect(segment(text)).toContain("蓝绿藻泛滥");
  });
});
