import { describe, expect, it } from "vitest";
import { countiesOf, divisions, shortName } from "../../src/geo/divisions.js";
import { AreaResolver, parseAreaContext } from "../../src/geo/resolve.js";

describe("divisions", () => {
  it("knows every county-level unit of Hunan and 郴州's eleven", () => {
    const d = divisions();
    expect(d.counties.filter((c) => c.provinceCode === "430000")).toHaveLength(122);
    expect(countiesOf("431000").map((c) => `${c.code}${c.name}`)).toEqual([
      "431002北湖区",
      "431003苏仙区",
      "431021桂阳县",
      "431022宜章县",
      "431023永兴县",
      "431024嘉禾县",
      "431025临武县",
      "431026汝城县",
      "431027桂东县",
      "431028安仁县",
      "431081资兴市",
    ]);
    expect(d.counties.length).toBeGreaterThan(2800);
  });

  it("makes the short forms people write", () => {
    expect(shortName("苏仙区")).toBe("苏仙");
    expect(shortName("江华瑶族自治县")).toBe("江华");
    expect(shortName("靖州苗族侗族自治县")).toBe("靖州");
    expect(shortName("湘西土家族苗族自治州", "prefecture")).toBe("湘西");
    expect(shortName("城区")).toBeUndefined();
  });
});

describe("AreaResolver (context 湖南省郴州市)", () => {
  const r = new AreaResolver();
  const code = (cell: string, text = "") => r.resolve(cell, text).area.code;

  it.each([
    ["苏仙", "431003"],
    ["苏仙区", "431003"],
    ["资兴", "431081"],
    ["资兴市", "431081"],
    ["郴州市苏仙区", "431003"],
    ["湖南省郴州市资兴市东江街道", "431081"],
    ["郴州苏仙", "431003"],
    ["桂阳县 ", "431021"],
    ["白露塘镇", "431003"],
    ["湘西州吉首市", "433101"],
    ["长沙县", "430121"],
  ])("%s -> %s", (cell, expected) => {
    expect(code(cell)).toBe(expected);
  });

  it("reads 衡阳县 as a county, but 衡阳 alone as the prefecture", () => {
    expect(code("衡阳县")).toBe("430421");
    const p = r.resolve("衡阳");
    expect(p.area).toMatchObject({ method: "unresolved", prefecture: "衡阳市" });
  });

  it("looks in the text when the cell is empty or names only the prefecture", () => {
    expect(r.resolve("", "华塘镇某石材厂粉尘大").area).toMatchObject({ code: "431002", method: "text" });
    expect(r.resolve("郴州市", "反映永兴县某冶炼厂").area).toMatchObject({ code: "431023", method: "text" });
    // a full county name beats a town named earlier
    expect(r.resolve("", "华塘镇的人反映桂阳县某厂").area.code).toBe("431021");
  });

  it("keeps what it cannot resolve, with a warning that quotes the cell", () => {
    const typo = r.resolve("苏先区");
    expect(typo.area).toMatchObject({ raw: "苏先区", method: "unresolved" });
    expect(typo.warning).toContain("苏先区");
    const ambiguous = r.resolve("朝阳区");
    expect(ambiguous.area.code).toBeUndefined();
    expect(ambiguous.warning).toContain("重名");
    const outside = r.resolve("广东省深圳市南山区");
    expect(outside.area.code).toBe("440305");
    expect(outside.warning).toContain("不在郴州市");
  });

  it("prefers the context when a name is shared", () => {
    const beijing = new AreaResolver({ prefecture: "110000" });
    expect(beijing.resolve("朝阳区").area.code).toBe("110105");
    expect(new AreaResolver({ prefecture: "长春市" }).resolve("朝阳区").area.code).toBe("220104");
  });

  it("parses a context given on the command line", () => {
    expect(parseAreaContext("湖南省郴州市")).toEqual({ province: "湖南省", prefecture: "郴州市" });
    expect(parseAreaContext("431100")).toEqual({ prefecture: "431100" });
    expect(parseAreaContext("430000")).toEqual({ province: "430000" });
    expect(new AreaResolver(parseAreaContext("永州")).resolve("江华").area.code).toBe("431129");
  });

  it("refuses a context that names no province or prefecture, where it is read", () => {
    expect(() => parseAreaContext("火星")).toThrow(/unknown prefecture in area context: 火星/);
    expect(() => parseAreaContext("990000")).toThrow(/unknown province/);
    expect(() => parseAreaContext("湖南省火星市")).toThrow(/火星市/);
  });
});

describe("AreaResolver across China (contexts 全国, a province, a prefecture)", () => {
  const national = new AreaResolver(parseAreaContext("全国"));
  const hunan = new AreaResolver(parseAreaContext("湖南省"));
  const chenzhou = new AreaResolver();

  it("accepts 全国 as a context", () => {
    expect(parseAreaContext("全国")).toEqual({});
    expect(national.provinceCode).toBeUndefined();
    expect(national.resolve("辉县市").area).toMatchObject({ code: "410782", prefecture: "新乡市" });
    expect(national.resolve("辉县市").warning).toBeUndefined();
  });

  it("warns about a county outside the context at every level: prefecture and province", () => {
    // 瑞金市 is in 江西省赣州市
    expect(hunan.resolve("瑞金市").warning).toBe("行政区域「瑞金市」是江西省赣州市瑞金市，不在湖南省");
    expect(hunan.resolve("资兴市").warning).toBeUndefined();
    expect(chenzhou.resolve("瑞金市").warning).toContain("不在郴州市");
    // found in the text under a prefecture cell outside the context: warned too
    expect(chenzhou.resolve("西宁", "西宁市城东区果洛路").warning).toBe("行政区域「西宁」是青海省西宁市城东区，不在郴州市");
  });

  it("never reads 南湖新区 (岳阳) as 嘉兴's 南湖区: a short name followed by a unit word is another unit", () => {
    for (const r of [hunan, national]) {
      const x = r.resolve("南湖新区");
      expect(x.area.code).toBeUndefined();
      expect(x.warning).toContain("南湖新区");
    }
    expect(national.resolve("南湖区").area.code).toBe("330402");
  });

  it("keeps a shared name ambiguous unless the context or a prefecture in the text decides", () => {
    const shared = national.resolve("宝山区", "宝山区大场镇真北路4333弄");
    expect(shared.area).toMatchObject({ method: "unresolved" });
    expect(shared.warning).toContain("上海市宝山区");
    expect(shared.warning).toContain("黑龙江省双鸭山市宝山区");
    expect(national.resolve("宝山区", "上海市宝山区大场镇").area).toMatchObject({ code: "310113", method: "cell" });
    expect(national.resolve("宝山区", "双鸭山市宝山区某煤矿").area.code).toBe("230506");
    expect(new AreaResolver(parseAreaContext("上海市")).resolve("宝山区").area.code).toBe("310113");
    // in Hunan neither 朝阳区 is nearer: not placed in another province
    expect(hunan.resolve("朝阳区").area.code).toBeUndefined();
    expect(hunan.resolve("朝阳区").warning).toContain("重名");
  });

  it("reads a district from the text under a prefecture-level cell: 衡阳市 + 雁峰 -> 雁峰区, not 衡阳县", () => {
    for (const r of [hunan, national, chenzhou]) {
      expect(r.resolve("衡阳市", "衡阳市雁峰白沙洲工业园一家厂子夜里排烟").area).toMatchObject({ code: "430406", county: "雁峰区", method: "text" });
    }
    // the full name still counts
    expect(hunan.resolve("", "衡阳县西渡镇某砖厂").area.code).toBe("430421");
    // in the whole country, a prefecture named in the text narrows the search: 吴忠市利通区
    expect(national.resolve("", "来电反映吴忠市利通区金银滩镇某养殖场").area).toMatchObject({ code: "640302", method: "text" });
  });

  it("counts prefecture-level cities without counties as county-level units", () => {
    for (const [cell, code] of [
      ["嘉峪关市", "620200"],
      ["东莞市", "441900"],
      ["东莞", "441900"],
      ["中山市", "442000"],
      ["广东省中山市", "442000"],
      ["儋州市", "460400"],
    ] as const) {
      expect(national.resolve(cell).area, cell).toMatchObject({ code, method: "cell" });
    }
    expect(divisions().countyByCode.get("620200")).toMatchObject({ name: "嘉峪关市", prefectureCode: "620200" });
    // 大连's 中山区 is still itself
    expect(national.resolve("大连市中山区").area.code).toBe("210202");
  });
});
