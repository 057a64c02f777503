import { describe, expect, it } from "vitest";
import { countyMapSpec, labelPoint } from "../../src/charts/index.js";
import { toVega } from "../../src/charts/render.js";
import { countyBoundaries } from "../../src/geo/boundaries.js";

type Feature = {
  id: string;
  geometry: { type: string; coordinates: number[][][] | number[][][][] };
  properties: { code: string; name: string; count: number; lon: number; lat: number; labelled: boolean };
};

function inside(x: number, y: number, ring: number[][]): boolean {
  let c = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i] as [number, number];
    const [xj, yj] = ring[j] as [number, number];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) c = !c;
  }
  return c;
}
const insideFeature = (f: Feature) => {
  const polys = (f.geometry.type === "Polygon" ? [f.geometry.coordinates] : f.geometry.coordinates) as number[][][][];
  return polys.some((p) => inside(f.properties.lon, f.properties.lat, p[0]!) && !p.slice(1).some((hole) => inside(f.properties.lon, f.properties.lat, hole)));
};

describe("county map", () => {
  it("draws 郴州's 11 counties, joins counts by GB/T code, labels each inside its shape", () => {
    const spec = countyMapSpec(
      [
        { county: "431081", count: 41 },
        { county: "431003", count: 71 },
        { county: "430102", count: 5 },
      ],
      countyBoundaries("431000"),
      { prefecture: "郴州市" },
    );
    const features = (spec as unknown as { data: { values: Feature[] } }).data.values;
    expect(features).toHaveLength(11);
    expect(features.find((f) => f.id === "431081")!.properties).toMatchObject({ name: "资兴市", count: 41 });
    expect(features.find((f) => f.id === "431028")!.properties.count).toBe(0);
    for (const f of features) expect(insideFeature(f), f.properties.name).toBe(true);
    // 郴州's counties are big enough for every name and count
    expect(features.every((f) => f.properties.labelled)).toBe(true);
    // counts outside the map are said, not dropped silently
    expect(JSON.stringify(spec.title)).toContain("共 117 件：图中 112 件，图示范围外 5 件");
    expect(() => toVega(spec)).not.toThrow();
  });

  it("splits the total in its note so that the parts add up: drawn, outside the map, county unresolved", () => {
    // the table: 89 rows, 18 in the prefecture, 53 elsewhere, 18 unresolved
    const spec = countyMapSpec(
      [
        { county: "431081", count: 10 },
        { county: "431003", count: 8 },
        { county: "430102", count: 53 },
        { county: "（未识别）", count: 18 },
      ],
      countyBoundaries("431000"),
    );
    const note = JSON.stringify(spec.title);
    expect(note).toContain("共 89 件：图中 18 件，图示范围外 53 件，县区未识别 18 件");
    const [total, ...parts] = [...note.matchAll(/(\d+) 件/g)].map((m) => Number(m[1]));
    expect(parts.slice(0, 3).reduce((a, b) => a + b, 0)).toBe(total);
  });

  it("says plainly that the base map is Hunan's only, and how many cases lie in other provinces", () => {
    // a table of many provinces (ux18's 318 published rows): 天津 and 上海 counties are not on any map
    const spec = countyMapSpec(
      [
        { county: "431081", count: 3 },
        { county: "430102", count: 2 },
        { county: "120116", count: 6 },
        { county: "310105", count: 2 },
        { county: "（未识别）", count: 4 },
      ],
      countyBoundaries("431000"),
    );
    const note = JSON.stringify(spec.title);
    expect(note).toContain("共 17 件：图中 3 件，图示范围外 2 件，湖南省外 8 件（底图只有湖南省的县界，省外不绘），县区未识别 4 件");
  });

  it("draws any Hunan prefecture (长沙市), leaving out labels that would overlap", () => {
    const spec = countyMapSpec([{ county: "430104", count: 9 }], countyBoundaries("430100"));
    const features = (spec as unknown as { data: { values: Feature[] } }).data.values;
    expect(features.map((f) => f.properties.name)).toContain("岳麓区");
    for (const f of features) expect(insideFeature(f), f.properties.name).toBe(true);
    // the county with complaints is labelled first; small city districts give way
    expect(features.find((f) => f.id === "430104")!.properties.labelled).toBe(true);
    const hidden = features.filter((f) => !f.properties.labelled).length;
    expect(hidden).toBeGreaterThan(0);
    expect(JSON.stringify(spec.title)).toContain(`${hidden} 个面积较小的县区未标注`);
    // wider than tall, so the map is made less tall than 郴州's
    expect((spec as { height?: number }).height).toBeLessThan(400);
  });

  it("puts the label of a crescent inside it, where the centroid is not", () => {
    // a C shape: its centroid lies in the opening
    const ring = [
      [0, 0],
      [10, 0],
      [10, 2],
      [2, 2],
      [2, 8],
      [10, 8],
      [10, 10],
      [0, 10],
      [0, 0],
    ];
    const [x, y] = labelPoint({ type: "Polygon", coordinates: [ring] });
    expect(inside(x, y, ring)).toBe(true);
  });
});
