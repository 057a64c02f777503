import type { FeatureCollection, MultiPolygon, Polygon } from "geojson";
import type { TopLevelSpec } from "vega-lite";
import { beforeAll, describe, expect, it } from "vitest";
import { countBy } from "../../src/analyze/count.js";
import { toColumns } from "../../src/analyze/columns.js";
import { countyRanking } from "../../src/analyze/hotspots.js";
import type { AnalyzableComplaint } from "../../src/analyze/keys.js";
import { populationTable } from "../../src/analyze/population.js";
import { closureProgress } from "../../src/analyze/progress.js";
import type { RepeatGroup } from "../../src/analyze/repeats.js";
import { latest } from "../../src/analyze/snapshots.js";
import type { CountTable } from "../../src/analyze/count.js";
import { timeToClose } from "../../src/analyze/time-to-close.js";
import {
  closeTimeSpec,
  themeByTypeSpec,
  countyHotspotsSpec,
  countyMapSpec,
  progressSpec,
  repeatsSpec,
  statusSpec,
  themesSpec,
  trendSpec,
  typeByCountySpec,
  typesSpec,
  verificationSpec,
} from "../../src/charts/index.js";
import { toVega } from "../../src/charts/render.js";
import type { CountyProperties } from "../../src/geo/boundaries.js";
import { ingestFiles } from "../../src/ingest/index.js";
import { expectGolden } from "./helpers.js";

const MAIN = "test/fixtures/stats-fixture.csv";
const SNAPSHOT = "test/fixtures/stats-snapshot_截至2023年8月31日.csv";
const golden = (name: string) => `test/golden/charts/${name}.vl.json`;

let records: AnalyzableComplaint[];
let cases: AnalyzableComplaint[];

beforeAll(async () => {
  records = (await ingestFiles([MAIN, SNAPSHOT])).records;
  cases = latest(records);
});

/** Two squares standing for 资兴市 and 苏仙区: the map spec without 100 kB of coordinates. */
const SQUARES: FeatureCollection<Polygon | MultiPolygon, CountyProperties> = {
  type: "FeatureCollection",
  features: [
    {
      type: "Feature",
      properties: { code: "431081", name: "资兴市", prefectureCode: "431000", prefecture: "郴州市" },
      geometry: {
        type: "Polygon",
        coordinates: [
          [
            [113, 25.8],
            [113, 26.2],
            [113.5, 26.2],
            [113.5, 25.8],
            [113, 25.8],
          ],
        ],
      },
    },
    {
      type: "Feature",
      properties: { code: "431003", name: "苏仙区", prefectureCode: "431000", prefecture: "郴州市" },
      geometry: {
        type: "Polygon",
        coordinates: [
          [
            [113.5, 25.8],
            [113.5, 26.2],
            [114, 26.2],
            [114, 25.8],
            [113.5, 25.8],
          ],
        ],
      },
    },
  ],
};

const THEMES: CountTable<"theme"> = {
  dimensions: ["theme"],
  rows: [
    { theme: "pollution-battle", count: 5 },
    { theme: "two-high", count: 2 },
    { theme: "repeat-rectification", count: 1 },
    { theme: "未涉及", count: 3 },
  ],
  records: 10,
  typeSource: { official: 10, predicted: 0, none: 0 },
  labels: { "pollution-battle": "污染防治攻坚与“夏季攻势”", "two-high": "“两高”项目与落后产能", "repeat-rectification": "历次督察反馈与信访件整改" },
  keys: { theme: ["two-high", "pollution-battle", "repeat-rectification", "未涉及"] },
};

/** 3 complaints: pollution-battle × 大气 twice, × 水 once; two-high × 大气 once; one with no theme (水). */
const THEME_TYPES: CountTable<"theme" | "type"> = {
  dimensions: ["theme", "type"],
  rows: [
    { theme: "pollution-battle", type: "大气", count: 2 },
    { theme: "pollution-battle", type: "水", count: 1 },
    { theme: "two-high", type: "大气", count: 1 },
    { theme: "未涉及", type: "水", count: 1 },
  ],
  records: 4,
  typeSource: { official: 4, predicted: 0, none: 0 },
  labels: { "pollution-battle": "污染防治攻坚与“夏季攻势”", "two-high": "“两高”项目与落后产能" },
  keys: { theme: ["pollution-battle", "two-high", "未涉及"], type: ["大气", "水"] },
};

const GROUPS: RepeatGroup[] = [
  {
    id: "R1",
    county: "431002",
    countyName: "北湖区",
    size: 3,
    firstDate: "2023-06-30",
    lastDate: "2023-07-06",
    statuses: { 已办结: 2, 正在办理: 1 },
    members: [
      { key: "A1", date: "2023-06-30", batch: 5, status: "已办结", target: "安丰冶炼厂", excerpt: "安丰冶炼厂晚上排烟" },
      { key: "A2", date: "2023-07-03", batch: 8, status: "已办结", target: "安丰冶炼厂", excerpt: "又是安丰冶炼厂" },
      { key: "A3", date: "2023-07-06", batch: 11, status: "正在办理", target: "安丰冶炼厂", excerpt: "安丰冶炼厂还在排" },
    ],
    links: [
      { a: "A1", b: "A2", kind: "target", target: "安丰冶炼厂" },
      { a: "A1", b: "A3", kind: "target", target: "安丰冶炼厂" },
    ],
    reason: "A1 与 A2：同一对象“安丰冶炼厂”",
  },
  {
    id: "R2",
    county: "431081",
    countyName: "资兴市",
    size: 2,
    firstDate: "2023-06-27",
    lastDate: "2023-06-28",
    statuses: { 阶段性办结: 1, 未填: 1 },
    members: [
      { key: "B1", date: "2023-06-27", excerpt: "养猪场臭气熏天" },
      { key: "B2", date: "2023-06-28", excerpt: "养猪场臭气熏天，污水横流" },
    ],
    links: [{ a: "B1", b: "B2", kind: "text", jaccard: 0.62, shared: ["养猪场", "臭气熏天"] }],
    reason: "B1 与 B2：文本相似度",
  },
];

describe("spec builders (golden files: UPDATE_GOLDEN=1 rewrites them)", () => {
  const specs: Record<string, () => TopLevelSpec> = {
    "county-hotspots": () => countyHotspotsSpec(countyRanking(toColumns(cases), populationTable()), { prefecture: "郴州市", synthetic: true }),
    "county-map": () => countyMapSpec(countyRanking(toColumns(cases)), SQUARES, { prefecture: "郴州市" }),
    "type-by-county": () => typeByCountySpec(countBy(cases, ["county", "type"]), { prefecture: "郴州市" }),
    types: () => typesSpec(countBy(cases, ["type"]), { synthetic: true }),
    trend: () => trendSpec(countBy(cases, ["date", "type"]), countBy(cases, ["date"]), {}),
    progress: () => progressSpec(closureProgress(records), { prefecture: "郴州市" }),
    status: () => statusSpec(countBy(cases, ["county", "status"]), { asOf: "2023-08-31" }),
    verification: () => verificationSpec(countBy(cases, ["county", "verification"]), { prefecture: "郴州市", synthetic: true }),
    themes: () => themesSpec(THEMES),
    repeats: () => repeatsSpec(GROUPS, { title: "", synthetic: true }),
    "close-time": () => {
      const t = timeToClose(records);
      return closeTimeSpec(t.histogram, { prefecture: "郴州市", median: t.summary.median, upperBound: t.upperBound });
    },
    "theme-by-type": () => themeByTypeSpec(THEME_TYPES),
  };

  for (const [name, make] of Object.entries(specs)) {
    it(`${name}: matches its golden spec and compiles without warnings`, () => {
      const spec = make();
      expectGolden(golden(name), spec);
      expect(() => toVega(spec)).not.toThrow();
    });
  }

  it("describes every chart in Chinese for screen readers, and draws no English ARIA captions", async () => {
    const { View, parse } = await import("vega");
    for (const [name, make] of Object.entries(specs)) {
      const spec = make() as TopLevelSpec & { description?: string };
      // the description names the chart: its title, or for a report figure (no title) the default one
      expect(spec.description, name).toMatch(/^图表：[\u4e00-\u9fff]/);
      const svg = await new View(parse(toVega(spec)), { renderer: "none" }).toSVG();
      // vega's captions of axes, legends and items ("X-axis titled …", "count: 5; type: 水") are English
      const labels = svg.match(/aria-label="[^"]*"/g) ?? [];
      expect(
        labels.filter((l) => /axis|legend|: \d/i.test(l)),
        name,
      ).toEqual([]);
      expect(svg, name).not.toMatch(/aria-roledescription="(?:axis|legend|bar|rect|symbol|line|area|text|rule)"/);
      // the title's English caption ("Title text '…'") is inside a group hidden from screen readers
      if (svg.includes("Title text")) expect(svg, name).toContain('class="mark-group role-title" aria-hidden="true"');
    }
    expect(specs.types!()).toMatchObject({ description: expect.stringContaining("图表：信访件污染类型构成。") });
    expect((specs.repeats!() as { description?: string }).description).toMatch(/^图表：[^。]+。.*模拟数据/);
  });

  it("puts the 模拟数据 note on a synthetic chart, and keeps it when the title is left out", () => {
    const withTitle = JSON.stringify(specs.types!());
    expect(withTitle).toContain("模拟数据");
    const titleless = specs.repeats!();
    expect(JSON.stringify(titleless.title)).toContain("模拟数据");
    expect(JSON.stringify(specs.trend!())).not.toContain("模拟数据");
  });

  it("counts every county and type of the fixture in the heatmap, zeros included", () => {
    const spec = specs["type-by-county"]!() as unknown as { data: { values: { name: string; type: string; count: number }[] } };
    const total = spec.data.values.reduce((s, v) => s + v.count, 0);
    // 10 cases, 13 (case, type) pairs: 大气 4, 水 3, 噪声 2, 土壤 1, 生态 1, 辐射 1, 其他 1
    expect(total).toBe(13);
    const counties = new Set(spec.data.values.map((v) => v.name));
    const types = new Set(spec.data.values.map((v) => v.type));
    expect(spec.data.values).toHaveLength(counties.size * types.size);
  });

  it("colours pollution types with the one palette, in vocabulary order", () => {
    const spec = specs.trend!() as unknown as { layer: { encoding: { color?: { scale: { domain: string[]; range: string[] } } } }[] };
    const scale = spec.layer[0]!.encoding.color!.scale;
    expect(scale.domain).toEqual(["大气", "水", "噪声", "土壤", "固废", "生态", "辐射", "其他"]);
    expect(new Set(scale.range).size).toBe(8);
  });
});
