import { describe, expect, it } from "vitest";
import { countiesOf, divisions, shortName } from "../../src/geo/divisions.js";
import { AreaResolver, parseAreaContext } from "../../src/geo/resolve.js";

describe("divisions", () => {
  it("knows every county-level unit of Hunan and 郴州's eleven", () => {
    const d = divisions();
    expect(d.counties.filter((c) => c.provinceCode === "430000")).toHaveLength(122);
    expect(countiesOf("431000").map((c) => `${c.code}${c.name}`)).toEqual([
      "431002北湖区", "431003苏仙区", "431021桂阳县", "431022宜章县", "431023永兴县", "431024嘉禾县",
      "431025临武县", "431026汝城县", "431027桂东县", "431028安仁县", "431081资兴市",
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
    ["苏仙", "431003"], ["苏仙区", "431003"], ["资兴", "431081"], ["资兴市", "431081"],
    ["郴州市苏仙区", "431003"], ["湖南省郴州市资兴市东江街道", "431081"], ["郴州苏仙", "431003"],
    ["桂阳县 ", "431021"], ["白露塘镇", "431003"], ["湘西州吉首市", "433101"], ["长沙县", "430121"],
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
});
