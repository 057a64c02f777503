import { readFileSync } from "node:fs";
import { geoArea, geoCentroid, geoContains } from "d3";
import { describe, expect, it } from "vitest";
import { countyBoundaries, hunanTopology, prefectureBoundaries } from "../../src/geo/boundaries.js";

const EARTH_RADIUS_KM = 6371;
const km2 = (steradians: number) => steradians * EARTH_RADIUS_KM ** 2;
const HUNAN_BBOX = { west: 108.7, east: 114.3, south: 24.6, north: 30.2 };
const inHunanBbox = ([lon, lat]: [number, number]) => lon >= HUNAN_BBOX.west && lon <= HUNAN_BBOX.east && lat >= HUNAN_BBOX.south && lat <= HUNAN_BBOX.north;

const hunanCounties = readFileSync(new URL("../../data/divisions/counties.csv", import.meta.url), "utf8")
  .trim()
  .split(/\r?\n/)
  .slice(1)
  .map((line) => line.split(","))
  .filter((cells) => cells[4] === "430000")
  .map(([code, name, prefectureCode]) => ({ code, name, prefectureCode }));

const CHENZHOU: Record<string, string> = {
  "431002": "北湖区",
  "431003": "苏仙区",
  "431021": "桂阳县",
  "431022": "宜章县",
  "431023": "永兴县",
  "431024": "嘉禾县",
  "431025": "临武县",
  "431026": "汝城县",
  "431027": "桂东县",
  "431028": "安仁县",
  "431081": "资兴市",
};

function countyAt(point: [number, number]): string[] {
  return countyBoundaries()
    .features.filter((f) => geoContains(f, point))
    .map((f) => f.properties.name);
}

describe("countyBoundaries", () => {
  const all = countyBoundaries();

  it("has every Hunan county of counties.csv exactly once, with its official name", () => {
    expect(hunanCounties).toHaveLength(122);
    expect(all.features).toHaveLength(122);
    const codes = all.features.map((f) => f.properties.code);
    expect(new Set(codes).size).toBe(122);
    const byCode = new Map(all.features.map((f) => [f.properties.code, f.properties]));
    for (const c of hunanCounties) {
      expect(byCode.get(c.code!), c.code).toMatchObject({ name: c.name, prefectureCode: c.prefectureCode });
    }
  });

  it("applies the renames since 2017", () => {
    const names = new Map(all.features.map((f) => [f.properties.code, f.properties.name]));
    expect(names.get("430182")).toBe("宁乡市");
    expect(names.get("430212")).toBe("渌口区");
    expect(names.get("430582")).toBe("邵东市");
    for (const old of ["430124", "430221", "430521"]) expect(names.has(old)).toBe(false);
  });

  it("gives 郴州 431000 its 11 counties", () => {
    const chenzhou = countyBoundaries("431000");
    const got = Object.fromEntries(chenzhou.features.map((f) => [f.properties.code, f.properties.name]));
    expect(got).toEqual(CHENZHOU);
    for (const f of chenzhou.features) expect(f.properties).toMatchObject({ prefecture: "郴州市", prefectureCode: "431000" });
  });

  it("rejects an unknown prefecture code", () => {
    expect(() => countyBoundaries("440100")).toThrow(RangeError);
  });

  it("puts each county's centroid inside Hunan's bbox, and for nearly all inside the county", () => {
    const outside: string[] = [];
    for (const f of all.features) {
      const c = geoCentroid(f);
      expect(inHunanBbox(c), f.properties.name).toBe(true);
      if (!geoContains(f, c)) outside.push(f.properties.name);
    }
    // concave units only: 衡南县 (wraps 衡阳's districts), 衡山县 (around 南岳区), 鼎城区
    // (around 武陵区) and 宜章县, whose centroid falls in 乐昌 (Guangdong) reaching into it
    expect(outside.sort()).toEqual(["宜章县", "衡南县", "衡山县", "鼎城区"].sort());
    for (const f of countyBoundaries("431000").features)
      if (f.properties.name !== "宜章县") expect(geoContains(f, geoCentroid(f)), f.properties.name).toBe(true);
  });

  it("has positive, plausible areas (d3 winding), 郴州 ≈ 19,400 km²", () => {
    for (const f of all.features) {
      const a = km2(geoArea(f));
      expect(a, f.properties.name).toBeGreaterThan(10); // smallest urban districts are tens of km²
      expect(a, f.properties.name).toBeLessThan(6_000); // largest, 沅陵县, ~5,800 km²
    }
    const chenzhou = countyBoundaries("431000").features.reduce((s, f) => s + km2(geoArea(f)), 0);
    expect(Math.abs(chenzhou - 19_400) / 19_400).toBeLessThan(0.1);
    const hunan = all.features.reduce((s, f) => s + km2(geoArea(f)), 0);
    expect(Math.abs(hunan - 211_800) / 211_800).toBeLessThan(0.1);
  });

  it("places 资兴市 east of 北湖区", () => {
    const [zixing, beihu] = ["431081", "431002"].map((code) => geoCentroid(all.features.find((f) => f.properties.code === code)!));
    expect(zixing![0]).toBeGreaterThan(beihu![0]);
  });

  it("finds known places in the right county", () => {
    expect(countyAt([113.015, 25.77])).toHaveLength(1);
    expect(["北湖区", "苏仙区"]).toContain(countyAt([113.015, 25.77])[0]); // 郴州 city centre
    expect(countyAt([113.35, 25.92])).toEqual(["资兴市"]); // 东江湖
    expect(countyAt([112.98, 28.2])).toHaveLength(1); // 长沙 centre
    expect(countyAt([116.4, 39.9])).toEqual([]); // 北京
  });
});

describe("prefectureBoundaries", () => {
  it("has Hunan's 14 prefectures whose areas equal the sums of their counties", () => {
    const prefectures = prefectureBoundaries();
    expect(prefectures.features.map((f) => f.properties.code)).toEqual([
      "430100",
      "430200",
      "430300",
      "430400",
      "430500",
      "430600",
      "430700",
      "430800",
      "430900",
      "431000",
      "431100",
      "431200",
      "431300",
      "433100",
    ]);
    for (const p of prefectures.features) {
      const counties = countyBoundaries(p.properties.code).features.reduce((s, f) => s + geoArea(f), 0);
      expect(geoArea(p) / counties, p.properties.name).toBeCloseTo(1, 6);
    }
    expect(prefectures.features.find((f) => f.properties.code === "431000")?.properties.name).toBe("郴州市");
  });
});

describe("hunanTopology", () => {
  it("is one quantized topology with counties and prefectures, loaded once", () => {
    const t = hunanTopology();
    expect(t.type).toBe("Topology");
    expect(t.transform.scale).toEqual([1 / 1024, 1 / 1024]);
    expect(t.objects.counties.geometries).toHaveLength(122);
    expect(t.objects.prefectures.geometries).toHaveLength(14);
    expect(hunanTopology()).toBe(t);
  });

  it("shares borders: every arc is used by at most two counties", () => {
    const uses = new Map<number, number>();
    for (const g of hunanTopology().objects.counties.geometries) {
      const polygons = g.type === "Polygon" ? [g.arcs] : g.arcs;
      for (const ring of polygons.flat()) for (const a of ring) uses.set(a < 0 ? ~a : a, (uses.get(a < 0 ? ~a : a) ?? 0) + 1);
    }
    expect(Math.max(...uses.values())).toBe(2);
    expect(uses.size).toBe(hunanTopology().arcs.length);
  });
});
