import { describe, expect, it } from "vitest";
import { contentWords, isStopWord, keywords, segment, useWords } from "../../src/text/segment.js";

describe("segmentation", () => {
  it("keeps domain terms, site words and Hunan place names whole", () => {
    const words = segment("北湖区华塘镇某石材加工厂选矿废水直排舂陵江，尾矿库渗漏");
    for (const w of ["北湖区", "华塘镇", "石材加工厂", "选矿废水", "直排", "舂陵江", "尾矿库"]) expect(words).toContain(w);
  });

  it("keeps a village or town name cut into pieces after another place as one word", () => {
    // real row N051 (Hunan 2017): jieba cuts 烧田村 as 烧|田|村上, and 烧 is a lexicon word
    expect(segment("南岳区南岳镇烧田村上粮组与新台组之间有一个选矿场")).toEqual(expect.arrayContaining(["南岳镇", "烧田村", "上"]));
    expect(segment("华容县章华镇治湖村九、十、十一组居民养猪")).toContain("治湖村");
    expect(segment("高亭司镇黄泥坳村一个石材加工厂")).toContain("黄泥坳村");
    // 村村: the village ends at the first 村 (西坡村|村东侧)
    expect(segment("淄博市沂源县鲁村镇西坡村村东侧小河两岸")).toEqual(expect.arrayContaining(["沂源县", "鲁村镇", "西坡村"]));
    // a town outside Hunan, after its county; the county is not part of its name
    expect(segment("新乡市辉县市吴村镇尚厂村辉县市国宏煤球厂")).toEqual(expect.arrayContaining(["吴村镇", "尚厂村"]));
  });

  it("joins no place where the words before 村 or 镇 are no name", () => {
    // stop words between: no name; a landmark after a short county name (石门) is no anchor
    expect(segment("某镇政府对村里的养殖场")).not.toContain("政府对村");
    expect(segment("坳上镇五一村的石门水库铜坑村库湾")).toContain("水库");
    // no place before: the segmenter's cut stays
    expect(segment("石灰村附近")).toContain("石灰");
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
