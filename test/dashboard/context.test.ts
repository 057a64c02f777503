/**
 * The dashboard reads a table from outside 郴州 in the area the user names (DUCHA_CONTEXT, written
 * as ducha's --context): a county name shared by two provinces (河东区: 天津 and 山东临沂) is
 * counted under the one of that area, not as （未识别）; a bad area is the user's mistake, said
 * before the build starts.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { FeatureCollection, MultiPolygon, Polygon } from "geojson";
import { describe, expect, it, vi } from "vitest";
import { countyMapSpec } from "../../src/charts/map.js";
import { buildDashboardData } from "../../src/dashboard/build.js";
import { DataInputError, dataContext } from "../../src/dashboard/inputs.js";
import type { CasesFile } from "../../src/dashboard/model.js";
import { DashboardData } from "../../src/dashboard/select.js";
import type { CountyProperties } from "../../src/geo/boundaries.js";
import { tempDir } from "../cli/helpers.js";

vi.mock("vega", () => ({ View: class {}, Warn: 2, logger: () => ({}), parse: () => ({}) }));
vi.mock("vega-lite", () => ({ compile: () => ({}) }));

/** a table as a provincial office exports it: UTF-8 with BOM, CRLF, a title line */
function table(): string {
  const dir = tempDir();
  mkdirSync(dir, { recursive: true });
  const file = join(dir, "山东省信访件.csv");
  const rows = [
    "山东省生态环境保护督察群众信访举报件受理情况,,",
    "序号,行政区域,交办问题基本情况",
    "1,罗庄区,罗庄区某砖厂烟囱冒黑烟",
    "2,河东区,某餐馆油烟扰民，噪音很大",
    "3,河东区,某小区污水井冒出来的臭味很大",
    "4,兰山区,某工地夜间施工噪音扰民",
  ];
  writeFileSync(file, `\uFEFF${rows.join("\r\n")}\r\n`);
  return file;
}

async function counts(file: string, context?: string): Promise<Map<string, number>> {
  const out = await buildDashboardData([file], () => {}, context ? { context } : {});
  const data = new DashboardData(JSON.parse(out.get("cases.json") as string) as CasesFile, out.get("cases.bin") as Uint8Array);
  return new Map(data.ranking(data.select()).map((r) => [r.county, r.count]));
}

describe("the dashboard's area (DUCHA_CONTEXT)", () => {
  it("counts a shared county name under the named province's county, not （未识别）", async () => {
    const file = table();
    const withArea = await counts(file, "山东省");
    expect(withArea.get("371312")).toBe(2); // 临沂市河东区
    expect(withArea.get("371311")).toBe(1); // 罗庄区
    expect(withArea.get("371302")).toBe(1); // 兰山区
    expect(withArea.get("（未识别）") ?? 0).toBe(0);
    // without it (郴州 by default) 河东区 stays unresolved: 天津 or 临沂
    const without = await counts(file);
    expect(without.get("（未识别）")).toBe(2);
    expect(without.get("371312") ?? 0).toBe(0);
  }, 120_000);

  it("ships the base map of the named province, else of the province with the most complaints, and no other", async () => {
    // 14 天津 rows, 4 山东, 2 湖南 (test/charts/map-province.test.ts)
    const tianjin = fileURLToPath(new URL("../fixtures/real/天津信访件_区县.csv", import.meta.url));
    const geoOf = async (context: string) => {
      const out = await buildDashboardData([tianjin], () => {}, { context });
      return JSON.parse(out.get("geo.json") as string) as FeatureCollection<Polygon | MultiPolygon, CountyProperties>;
    };
    const national = await geoOf("全国");
    expect(national.features).toHaveLength(16);
    expect(national.features.every((f) => f.properties.code.startsWith("12"))).toBe(true);
    const shandong = await geoOf("山东省");
    expect(shandong.features.length).toBeGreaterThan(5);
    expect(shandong.features.every((f) => f.properties.code.startsWith("37"))).toBe(true);
    // the page's map note counts what the base map leaves out
    const spec = countyMapSpec(
      [
        { county: "120116", count: 4 },
        { county: "370281", count: 1 },
      ],
      shandong,
    );
    expect(JSON.stringify(spec.title)).toContain("山东省外 4 件（底图只有山东省的县界，省外不绘）");
  }, 120_000);

  it("refuses an area it cannot read, naming the variable and how to write it", () => {
    expect(dataContext(undefined)).toBeUndefined();
    expect(dataContext(" ")).toBeUndefined();
    expect(dataContext("全国")).toBeDefined();
    expect(() => dataContext("火星")).toThrow(DataInputError);
    expect(() => dataContext("火星")).toThrow(/DUCHA_CONTEXT 无法识别「火星」.*全国/);
  });
});
