import { describe, expect, it } from "vitest";
import { countyRanking } from "../../src/analyze/hotspots.js";
import { populationTable } from "../../src/analyze/population.js";
import { complaint } from "./helpers.js";
import { divisions } from "../../src/geo/divisions.js";

/** Prefecture totals of 湖南省第七次全国人口普查公报（第二号）, 2021-05-19 (永州: its own bulletin). */
const PUBLISHED: Record<string, number> = {
  "430100": 10_047_914, "430200": 3_902_738, "430300": 2_726_181, "430400": 6_645_243, "430500": 6_563_520,
  "430600": 5_051_922, "430700": 5_279_102, "431000": 4_667_134, "431100": 5_289_824, "433100": 2_488_105,
};

describe("data/population/hunan-2020.csv", () => {
  const table = populationTable();
  const hunan = divisions().counties.filter((c) => c.provinceCode === "430000");

  it("has a row for each of Hunan's 122 county-level units, and a source for each figure", () => {
    expect(table.size).toBe(122);
    for (const c of hunan) expect(table.get(c.code)?.name).toBe(c.name);
    for (const e of table.values()) if (e.population) expect(e.source).toMatch(/^https?:\/\//);
  });

  it("covers 郴州's 北湖区 and 苏仙区 at least", () => {
    expect(table.get("431002")!.population).toBe(568_778);
    expect(table.get("431003")!.population).toBe(435_836);
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
      ["（未识别）", 1, 3, null, null, undefined],
    ]);
  });
});
