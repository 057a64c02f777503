import { describe, expect, it } from "vitest";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { countyRanking, withZeroCounties } from "../../src/analyze/hotspots.js";
import { PopulationTableError, populationTable } from "../../src/analyze/population.js";
import { complaint } from "./helpers.js";
import { divisions } from "../../src/geo/divisions.js";

/** Prefecture totals of 湖南省第七次全国人口普查公报（第二号）, 2021-05-19 (永州: its own bulletin). */
const PUBLISHED: Record<string, number> = {
  "430100": 10_047_914,
  "430200": 3_902_738,
  "430300": 2_726_181,
  "430400": 6_645_243,
  "430500": 6_563_520,
  "430600": 5_051_922,
  "430700": 5_279_102,
  "431000": 4_667_134,
  "431100": 5_289_824,
  "433100": 2_488_105,
};

describe("data/population/hunan-2020.csv", () => {
  const table = populationTable();
  const hunan = divisions().counties.filter((c) => c.provinceCode === "430000");

  it("has a row for each of Hunan's 122 county-level units, and a source for each figure", () => {
    expect(table.size).toBe(122);
    for (const c of hunan) expect(table.get(c.code)?.name).toBe(c.name);
    for (const e of table.values()) if (e.population) expect(e.source).toMatch(/^https?:\/\//);
  });

  it("has 郴州's sourced figures, the rounded ones marked as rounded, and none estimated", () => {
    expect(table.get("431002")).toMatchObject({ population: 568_778 });
    expect(table.get("431003")).toMatchObject({ population: 435_836 });
    expect(table.get("431002")!.rounded).toBeUndefined();
    // kkannews.com/84056181 (DOMAIN.md section 4): 万人 to two decimals, 宜章 56.8万
    const rounded = { "431021": 709_400, "431022": 568_000, "431023": 538_500, "431026": 344_600, "431028": 351_900 };
    for (const [code, population] of Object.entries(rounded)) expect(table.get(code)).toMatchObject({ population, rounded: true });
    // not found in any stored source: left empty, never estimated
    for (const code of ["431024", "431025", "431027", "431081"]) expect(table.get(code)!.population).toBeUndefined();
    // the four unknown add up to what the bulletin's total leaves: 1,150,120 (DOMAIN.md)
    const known = [...table.values()].filter((e) => e.code.startsWith("4310") && e.population).reduce((s, e) => s + e.population!, 0);
    expect(4_667_134 - known).toBe(1_150_120);
  });

  it("never exceeds a prefecture's published total, and matches it when complete", () => {
    for (const [pref, total] of Object.entries(PUBLISHED)) {
      const units = hunan.filter((c) => c.prefectureCode === pref);
      const known = units.map((c) => table.get(c.code)!.population).filter((p): p is number => p !== undefined);
      const sum = known.reduce((a, b) => a + b, 0);
      expect(sum, pref).toBeLessThanOrEqual(total);
      if (known.length === units.length) expect(sum, pref).toBe(total);
    }
    // complete today: 长沙 and 湘西
    expect(hunan.filter((c) => c.prefectureCode === "430100").every((c) => table.get(c.code)!.population)).toBe(true);
  });
});

describe("countyRanking", () => {
  it("ranks by count and per 100,000 residents, and says when there is no population", () => {
    const recs = [
      ...Array.from({ length: 3 }, () => complaint({ county: "431002" })),
      ...Array.from({ length: 3 }, () => complaint({ county: "431003" })),
      complaint({ county: "431021" }),
      complaint({ county: "" }),
    ];
    const pop = new Map([
      ["431002", { code: "431002", name: "北湖区", population: 600_000 }],
      ["431003", { code: "431003", name: "苏仙区", population: 300_000 }],
      ["431021", { code: "431021", name: "桂阳县" }],
    ]);
    const r = countyRanking(recs, pop);
    expect(r.map((x) => [x.countyName, x.count, x.rank, x.per100k, x.rankPer100k, x.note])).toEqual([
      ["北湖区", 3, 1, 0.5, 2, undefined],
      ["苏仙区", 3, 1, 1, 1, undefined],
      ["桂阳县", 1, 3, null, null, "no population"],
      ["（未识别）", 1, null, null, null, undefined],
    ]);
  });

  it("lists （未识别） last and unranked, even when it has the most complaints", () => {
    const recs = [
      ...Array.from({ length: 5 }, () => complaint({ county: "" })),
      complaint({ county: "431002" }),
      complaint({ county: "431003" }),
      complaint({ county: "431003" }),
    ];
    const r = countyRanking(recs);
    expect(r.map((x) => [x.county, x.rank])).toEqual([
      ["431003", 1],
      ["431002", 2],
      ["（未识别）", null],
    ]);
    expect(r.at(-1)!.share).toBe(5 / 8);
  });

  it("ranks per capita only the counties that have complaints and a population", () => {
    const pop = new Map([
      ["431002", { code: "431002", name: "北湖区", population: 600_000 }],
      ["431003", { code: "431003", name: "苏仙区", population: 300_000 }],
      ["431021", { code: "431021", name: "桂阳县", population: 700_000, rounded: true }],
    ]);
    const ranks = withZeroCounties(countyRanking([complaint({ county: "431002" }), complaint({ county: "431021" })], pop), [
      { code: "431003", name: "苏仙区", population: 300_000 },
      { code: "431022", name: "宜章县", population: null },
    ]);
    const by = new Map(ranks.map((r) => [r.countyName, r]));
    // 苏仙区 has no complaint: 0 per 100,000 would lead an ascending ranking; it is not ranked
    expect(by.get("苏仙区")).toMatchObject({ count: 0, per100k: null, rankPer100k: null, rank: 3 });
    expect(by.get("北湖区")!.rankPer100k).toBe(1);
    expect(by.get("桂阳县")).toMatchObject({ rankPer100k: 2, populationRounded: true });
    expect(by.get("宜章县")).toMatchObject({ note: "no population", per100k: null });
  });
});

describe("user population tables", () => {
  const dir = mkdtempSync(join(tmpdir(), "ducha-pop-"));
  const write = (name: string, text: string) => {
    const p = join(dir, name);
    writeFileSync(p, text);
    return p;
  };

  it("read Chinese headers, names instead of codes, thousands separators and 万 (rounded)", () => {
    const t = populationTable(
      write("人口.csv", '\uFEFF郴州市各县市区常住人口,,\r\n县（市、区）,常住人口,数据来源\r\n资兴市,"331,000",某公报\r\n嘉禾县,35.6万,某文章\r\n'),
    );
    expect(t.get("431081")).toEqual({ code: "431081", name: "资兴市", population: 331_000, source: "某公报" });
    expect(t.get("431024")).toEqual({ code: "431024", name: "嘉禾县", population: 356_000, rounded: true, source: "某文章" });
  });

  it("name the line and column of a bad cell, and ask for a code when a name is ambiguous", () => {
    expect(() => populationTable(write("bad.csv", "code,population\n431081,很多\n"))).toThrow(/bad\.csv 第2行「population」列：「很多」不是人数/);
    expect(() => populationTable(write("dup.csv", "name,population\n朝阳区,100\n"))).toThrow(/第2行「name」列：「朝阳区」有重名/);
    expect(() => populationTable(write("none.csv", "县,人\n资兴市,1\n"))).toThrow(PopulationTableError);
  });
});
