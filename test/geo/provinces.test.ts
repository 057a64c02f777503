import { createHash } from "node:crypto";
import { readFileSync, readdirSync } from "node:fs";
import { geoArea, geoContains } from "d3";
import { describe, expect, it, vi } from "vitest";
import {
  countyBoundaries,
  countiesFile,
  hunanTopology,
  provinceCountyBoundaries,
  provincePrefectureBoundaries,
  provinceTopology,
} from "../../src/geo/boundaries.js";
import { PROVINCES, findProvince, provinceOfCode } from "../../src/model/provinces.js";

const csv = (file: string) =>
  readFileSync(new URL(`../../data/divisions/${file}`, import.meta.url), "utf8")
    .trim()
    .split(/\r?\n/)
    .slice(1)
    .map((line) => line.split(","));
const COUNTIES = csv("counties.csv").map(([code, name, prefectureCode, prefecture, provinceCode]) => ({
  code: code!,
  name: name!,
  prefectureCode: prefectureCode!,
  prefecture: prefecture!,
  provinceCode: provinceCode!,
}));
const PREFECTURES = csv("prefectures.csv").map(([code, name, provinceCode, province]) => ({
  code: code!,
  name: name!,
  provinceCode: provinceCode!,
  province: province!,
}));

/** Units of counties.csv the ~2017 source has no shape for (data/geo/README.md). */
const MISSING = ["330383", "360113", "440311", "460321", "460322", "460323", "659010", "659011"];

const GEO_DIR = new URL("../../data/geo/", import.meta.url);
const EARTH_RADIUS_KM = 6371;
const km2 = (steradians: number) => steradians * EARTH_RADIUS_KM ** 2;

describe("PROVINCES", () => {
  it("are the 31 provinces of prefectures.csv, with their codes and names", () => {
    const fromCsv = [...new Map(PREFECTURES.map((p) => [p.provinceCode, p.province])).entries()].sort();
    expect(PROVINCES.map((p) => [p.code, p.name])).toEqual(fromCsv);
    expect(PROVINCES).toHaveLength(31);
  });

  it("are found by code, by a code inside them, by name and by short name", () => {
    expect(findProvince("370000")?.name).toBe("山东省");
    expect(findProvince("370102")?.name).toBe("山东省");
    expect(findProvince("山东省")?.code).toBe("370000");
    expect(findProvince("广西")?.code).toBe("450000");
    expect(findProvince(" 天津市 ")?.code).toBe("120000");
    expect(findProvince("台湾省")).toBeUndefined();
    expect(findProvince("990000")).toBeUndefined();
    expect(provinceOfCode("431081")?.short).toBe("湖南");
    expect(provinceOfCode("81")).toBeUndefined();
  });
});

describe("the 31 county files", () => {
  it("are one file per province, and nothing else", () => {
    const files = readdirSync(GEO_DIR)
      .filter((f) => f.endsWith(".topo.json"))
      .sort();
    expect(files).toEqual(PROVINCES.map((p) => countiesFile(p.code)).sort());
  });

  it("hold every county-level unit of the country exactly once, with its code and official name, except the 8 documented as missing", () => {
    const drawn = new Map<string, { code: string; name: string; prefectureCode: string; prefecture: string; file: string }>();
    for (const p of PROVINCES)
      for (const g of provinceTopology(p.code).objects.counties.geometries) {
        expect(drawn.has(g.properties.code), `${g.properties.code} twice`).toBe(false);
        drawn.set(g.properties.code, { ...g.properties, file: p.code });
        expect(g.id).toBe(g.properties.code);
      }
    expect(drawn.size).toBe(COUNTIES.length - MISSING.length);
    expect(COUNTIES.length).toBe(2850);
    for (const c of COUNTIES) {
      const d = drawn.get(c.code);
      if (MISSING.includes(c.code)) {
        expect(d, `${c.code} ${c.name} is documented as missing`).toBeUndefined();
        continue;
      }
      expect(d, `${c.code} ${c.name}`).toEqual({
        code: c.code,
        name: c.name,
        prefectureCode: c.prefectureCode,
        prefecture: c.prefecture,
        file: c.provinceCode,
      });
    }
  });

  it("hold every prefecture of the province merged from its counties, with its official name", () => {
    for (const p of PROVINCES) {
      const t = provinceTopology(p.code);
      const expected = PREFECTURES.filter(
        (r) => r.provinceCode === p.code && COUNTIES.some((c) => c.prefectureCode === r.code && !MISSING.includes(c.code)),
      ).sort((a, b) => a.code.localeCompare(b.code));
      expect(
        t.objects.prefectures.geometries.map((g) => [g.id, g.properties.code, g.properties.name]),
        p.name,
      ).toEqual(expected.map((r) => [r.code, r.code, r.name]));
    }
  });

  it("keep Hunan's file byte for byte as the Hunan-only build wrote it (hunan-counties.topo.json)", () => {
    const bytes = readFileSync(new URL("counties-430000.topo.json", GEO_DIR));
    expect(bytes.length).toBe(521066);
    expect(createHash("sha256").update(bytes).digest("hex")).toBe("8af4301ba686c4cd52cf823b787b1a29d0a224944fcd59f8fda0d6a998d50e3c");
  });

  it("stay small: about 5 MB for the 31, none over 1 MB", () => {
    const sizes = PROVINCES.map((p) => readFileSync(new URL(countiesFile(p.code), GEO_DIR)).length);
    expect(Math.max(...sizes)).toBeLessThan(1e6);
    expect(sizes.reduce((s, n) => s + n, 0)).toBeLessThan(5.5e6);
  });
});

describe("exactness of a few provinces", () => {
  const cases: [province: string, counties: number, prefectures: number][] = [
    ["120000", 16, 1], // 天津: 蓟州区 from the package's tianjin-fix
    ["370000", 136, 16], // 山东: 莱芜's districts now in 济南, 蓬莱区 from 蓬莱市 + 长岛县
    ["230000", 121, 13], // 黑龙江: 伊春's 15 districts regrouped into 8 units, 漠河市
    ["360000", 99, 11], // 江西: 红谷滩区 missing (carved from 新建区 in 2019)
    ["460000", 24, 4], // 海南: 三沙 drawn nowhere (its three units missing)
  ];
  for (const [code, nCounties, nPrefectures] of cases) {
    it(`${findProvince(code)!.name}: ${nCounties} counties, as counties.csv lists them, with a shape of plausible size each`, () => {
      const fc = provinceCountyBoundaries(code);
      const expected = COUNTIES.filter((c) => c.provinceCode === code && !MISSING.includes(c.code)).sort((a, b) => a.code.localeCompare(b.code));
      expect(fc.features.map((f) => [f.properties.code, f.properties.name])).toEqual(expected.map((c) => [c.code, c.name]));
      expect(fc.features).toHaveLength(nCounties);
      expect(provincePrefectureBoundaries(code).features).toHaveLength(nPrefectures);
      for (const f of fc.features) {
        // wrong winding would make a county the whole globe but itself (~510 million km²)
        const area = km2(geoArea(f));
        expect(area, `${f.properties.name}`).toBeGreaterThan(5);
        expect(area, `${f.properties.name}`).toBeLessThan(200_000);
      }
      // counties tile their prefectures: the areas agree within a fraction of a percent
      for (const p of provincePrefectureBoundaries(code).features) {
        const sum = fc.features.filter((f) => f.properties.prefectureCode === p.properties.code).reduce((s, f) => s + geoArea(f), 0);
        expect(Math.abs(sum - geoArea(p)) / geoArea(p), p.properties.name).toBeLessThan(0.005);
      }
    });
  }

  it("places known towns in their county (the renamed and merged units too)", () => {
    const at = (province: string, point: [number, number]) =>
      provinceCountyBoundaries(province)
        .features.filter((f) => geoContains(f, point))
        .map((f) => f.properties.name);
    expect(at("370000", [117.68, 36.21])).toEqual(["莱芜区"]); // 莱芜城区
    expect(at("370000", [120.76, 37.81])).toEqual(["蓬莱区"]); // 蓬莱
    expect(at("120000", [117.41, 40.04])).toEqual(["蓟州区"]); // 蓟州城区
    expect(at("230000", [128.9, 47.73])).toEqual(["伊美区"]); // 伊春市区
    expect(at("110000", [116.4, 39.91])).toEqual(["东城区"]); // 天安门东
  });
});

describe("on-demand loading", () => {
  it("reads only the province asked for, once, by code or name", async () => {
    vi.resetModules();
    const fresh = await import("../../src/geo/boundaries.js");
    expect(fresh.loadedProvinces()).toEqual([]);
    const t = fresh.provinceTopology("山东");
    expect(fresh.loadedProvinces()).toEqual(["370000"]);
    expect(fresh.provinceTopology("370000")).toBe(t);
    expect(fresh.provinceTopology("山东省")).toBe(t);
    expect(fresh.provinceTopology("371502")).toBe(t); // a county code inside it
    expect(fresh.loadedProvinces()).toEqual(["370000"]);
    fresh.countyBoundaries("431000");
    expect(fresh.loadedProvinces()).toEqual(["370000", "430000"]);
  });

  it("throws a RangeError for no province, or a prefecture outside it", () => {
    expect(() => provinceTopology("火星")).toThrow(RangeError);
    expect(() => provinceTopology("710000")).toThrow(RangeError); // 台湾: not among the 31 files
    expect(() => provinceCountyBoundaries("山东", ["431000"])).toThrow(RangeError);
  });

  it("gives a prefecture's counties of any province; the Hunan functions read Hunan's file", () => {
    const guangzhou = provinceCountyBoundaries("广东", ["440100"]);
    expect(guangzhou.features).toHaveLength(11);
    expect(guangzhou.features.every((f) => f.properties.prefecture === "广州市")).toBe(true);
    expect(hunanTopology()).toBe(provinceTopology("430000"));
    expect(countyBoundaries().features).toHaveLength(122);
    expect(() => countyBoundaries("440100")).toThrow(RangeError);
  });
});
