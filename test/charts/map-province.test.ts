/**
 * The county map of a table from another province than Hunan: a fixture of 天津 rows (14, from
 * data/labelled/real/rows.tsv, 行政区域 a district name) with 4 of 山东 and 2 of 湖南 mixed in.
 * The map draws the inspection's province when given (--context / DUCHA_CONTEXT), else the one
 * with the most complaints, and counts the rest in its note instead of dropping them.
 */
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import type { AnalyzableComplaint } from "../../src/analyze/keys.js";
import { ChartData } from "../../src/charts/catalog.js";
import { countyMapSpec, outsideProvinceCount, provinceOfBoundaries } from "../../src/charts/map.js";
import { toVega } from "../../src/charts/render.js";
import { provinceCountyBoundaries } from "../../src/geo/boundaries.js";
import { NATIONAL_AREA_CONTEXT, contextProvinceCode, parseAreaContext } from "../../src/geo/resolve.js";
import { ingestFiles } from "../../src/ingest/index.js";

const FIXTURE = fileURLToPath(new URL("../fixtures/real/天津信访件_区县.csv", import.meta.url));

type MapFeature = { id: string; properties: { code: string; name: string; count: number } };
const featuresOf = (spec: object) => (spec as { data: { values: MapFeature[] } }).data.values;
const noteOf = (spec: object) => JSON.stringify((spec as { title: unknown }).title);

async function chartData(context: string): Promise<ChartData> {
  const area = context === "全国" ? NATIONAL_AREA_CONTEXT : parseAreaContext(context);
  const { records } = await ingestFiles([FIXTURE], { context: area });
  const province = contextProvinceCode(area);
  return new ChartData(records as AnalyzableComplaint[], province ? { province } : {});
}

describe("the county map of a 天津 table", () => {
  let national: ChartData;
  let shandong: ChartData;
  beforeAll(async () => {
    national = await chartData("全国");
    shandong = await chartData("山东省");
  });

  it("draws 天津's 16 districts when no province is given (天津 has the most complaints)", () => {
    expect(national.cases).toHaveLength(20);
    expect(national.mapProvince?.name).toBe("天津市");
    const spec = countyMapSpec(national.ranking, national.boundaries);
    const features = featuresOf(spec);
    expect(features).toHaveLength(16);
    expect(features.every((f) => f.id.startsWith("12"))).toBe(true);
    expect(features.find((f) => f.properties.name === "滨海新区")!.properties.count).toBe(4);
    expect(features.find((f) => f.properties.name === "红桥区")!.properties.count).toBe(3);
    expect(() => toVega(spec)).not.toThrow();
  });

  it("says in its note how many complaints lie outside 天津 (山东 4, 湖南 2), and the parts add up", () => {
    const note = noteOf(countyMapSpec(national.ranking, national.boundaries));
    expect(note).toContain("共 20 件：图中 13 件，天津市外 6 件（底图只有天津市的县界，省外不绘），县区未识别 1 件");
    expect(note).not.toContain("湖南省外");
    const [total, ...parts] = [...note.matchAll(/(\d+) 件/g)].map((m) => Number(m[1]));
    expect(parts.slice(0, 3).reduce((a, b) => a + b, 0)).toBe(total);
  });

  it("draws the inspection's province when given (--context 山东省), its cases drawn and the 天津 ones counted outside", () => {
    expect(shandong.mapProvince?.code).toBe("370000");
    const spec = countyMapSpec(shandong.ranking, shandong.boundaries);
    const features = featuresOf(spec);
    // cases in several of its prefectures (青岛, 临沂 …): the whole province, not islands of prefectures
    expect(features).toHaveLength(provinceCountyBoundaries("370000").features.length);
    expect(features.every((f) => f.id.startsWith("37"))).toBe(true);
    expect(features.find((f) => f.properties.name === "胶州市")!.properties.count).toBe(1);
    // 河东区 is read as 临沂's in 山东's context, so 5 of the 20 are drawn
    expect(noteOf(spec)).toContain("共 20 件：图中 5 件，山东省外 15 件（底图只有山东省的县界，省外不绘）");
  });
});

describe("outside the province", () => {
  const counts = [
    { county: "120116", count: 4 },
    { county: "370281", count: 1 },
    { county: "430623", count: 2 },
    { county: "（未识别）", count: 3 },
  ];
  it("counts complaints of other provinces, not the unresolved ones", () => {
    expect(outsideProvinceCount(counts, "120000")).toBe(3);
    expect(outsideProvinceCount(counts, "370000")).toBe(6);
    expect(outsideProvinceCount(counts, "430000")).toBe(5);
    // none outside when every resolved county is the province's
    expect(outsideProvinceCount(counts.slice(1, 2), "370000")).toBe(0);
  });

  it("takes the province from the boundaries drawn", () => {
    expect(provinceOfBoundaries(provinceCountyBoundaries("山东", ["370200"]))?.name).toBe("山东省");
    expect(provinceOfBoundaries({ type: "FeatureCollection", features: [] })).toBeUndefined();
  });
});
