import { existsSync, readdirSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import type { AnalyzableComplaint } from "../../src/analyze/keys.js";
import { CHARTS, CHART_NEEDS, ChartData, ChartDataError, chartSpec, needsOf } from "../../src/charts/catalog.js";
import { toVega } from "../../src/charts/render.js";
import { ingestFiles } from "../../src/ingest/index.js";

const GOLDEN = "test/golden/charts";
let data: ChartData;

beforeAll(async () => {
  const records = (await ingestFiles(["test/fixtures/stats-fixture.csv", "test/fixtures/stats-snapshot_截至2023年8月31日.csv"]))
    .records as AnalyzableComplaint[];
  data = new ChartData(records);
});

describe("chart registry", () => {
  it("has one record per name, each with a Chinese title, description, caption and needs", () => {
    const names = CHARTS.map((c) => c.name);
    expect(new Set(names).size).toBe(names.length);
    for (const c of CHARTS) {
      expect(c.name).toMatch(/^[a-z]+(-[a-z]+)*$/);
      expect(c.title).toMatch(/[\u4e00-\u9fff]/);
      expect(c.description).toMatch(/[\u4e00-\u9fff]/);
      expect(c.needs.length).toBeGreaterThan(0);
      expect(needsOf(c).split("、")).toHaveLength(c.needs.length);
      for (const n of c.needs) expect(CHART_NEEDS[n]).toBeTruthy();
    }
  });

  it("has a golden spec for every chart, and no golden spec without a chart", () => {
    for (const c of CHARTS) expect(existsSync(`${GOLDEN}/${c.name}.vl.json`), `${GOLDEN}/${c.name}.vl.json`).toBe(true);
    const goldens = readdirSync(GOLDEN)
      .filter((f) => f.endsWith(".vl.json"))
      .map((f) => f.replace(/\.vl\.json$/, ""));
    expect(goldens.sort()).toEqual(CHARTS.map((c) => c.name).sort());
  });

  it("builds every chart from the fixture (or says why not), titled with the prefecture, and captions it for the report", () => {
    const built: string[] = [];
    for (const c of CHARTS) {
      let spec;
      try {
        spec = chartSpec(c.name, data);
      } catch (e) {
        // the fixture has no theme classification (not classified) and no repeat texts
        expect(e, c.name).toBeInstanceOf(ChartDataError);
        continue;
      }
      built.push(c.name);
      expect(() => toVega(spec), c.name).not.toThrow();
      expect(c.caption(data)).toMatch(/[\u4e00-\u9fff]/);
    }
    // the fixture has counties, types, dates, statuses, 是否属实, a snapshot and 郴州 counties
    expect(built).toEqual(
      expect.arrayContaining(["county-hotspots", "county-map", "type-by-county", "types", "trend", "progress", "status", "verification", "close-time"]),
    );
    expect(JSON.stringify(chartSpec("county-hotspots", data).title)).toContain("郴州市");
  });

  it("says why a chart cannot be drawn when its data are missing", () => {
    const bare = new ChartData(data.cases.map((c) => ({ ...c, status: undefined, closedDate: undefined, asOf: undefined })) as AnalyzableComplaint[]);
    expect(() => chartSpec("status", bare)).toThrow(/是否办结/);
    expect(() => chartSpec("close-time", bare)).toThrow(ChartDataError);
  });

  it("draws the trend by 批次 when no complaint has a 交办 date (a disclosure table with 第N批 in its title only)", () => {
    const undated = new ChartData(data.cases.map((c, i) => ({ ...c, date: undefined, batch: i % 2 ? 5 : 6 })) as AnalyzableComplaint[]);
    const spec = JSON.stringify(chartSpec("trend", undated));
    expect(spec).toContain("各批次交办信访件数量及污染类型");
    expect(spec).not.toContain("无批次");
    expect(CHARTS.find((c) => c.name === "trend")!.caption(undated)).toBe("各批次交办信访件数量及污染类型");
    // dated data keep the daily trend; an explicit unit still wins
    expect(CHARTS.find((c) => c.name === "trend")!.caption(data)).toBe("每日交办信访件数量及污染类型");
    expect(() => chartSpec("trend", undated, { unit: "date" })).toThrow(/表中没有交办时间（/);
    const none = new ChartData(data.cases.map((c) => ({ ...c, date: undefined, batch: undefined })) as AnalyzableComplaint[]);
    expect(() => chartSpec("trend", none)).toThrow(/表中没有交办时间或批次/);
  });
});
