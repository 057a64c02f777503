import { readdirSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import {
  type AnalyzableComplaint,
  type Dimension,
  DIMENSIONS,
  casesOf,
  closureProgress,
  countBy,
  countFrame,
  countMap,
  countyRanking,
  enforcementByCounty,
  latest,
  overdue,
  populationTable,
  rates,
  ratesBy,
  repeats,
  spikes,
  summarize,
  timeToClose,
  toColumns,
} from "../../src/analyze/index.js";
import { ChartData } from "../../src/charts/catalog.js";
import { ingestFiles } from "../../src/ingest/index.js";

/**
 * The bundled sample (461 cases) plus its three status snapshots (each repeats every case):
 * 1,844 records. Every public aggregation must count each 受理编号 once, its latest state.
 */
const SAMPLE = "data/sample/郴州2023_信访件_模拟数据.xlsx";
const SNAPSHOTS = readdirSync("data/sample/snapshots").map((f) => `data/sample/snapshots/${f}`);

let all: AnalyzableComplaint[];
let cases: AnalyzableComplaint[];

beforeAll(async () => {
  all = (await ingestFiles([SAMPLE, ...SNAPSHOTS])).records;
  cases = latest(all);
});

describe("sample + snapshots through every public aggregation", () => {
  it("holds 461 cases in 1,844 records", () => {
    expect(all).toHaveLength(1844);
    expect(cases).toHaveLength(461);
    expect(casesOf(cases)).toBe(cases);
    // what summarize relies on to skip toColumns' search for repeated cases on latest() output
    expect(new Set(cases.map((c) => c.caseNo ?? c.key)).size).toBe(461);
    expect(toColumns(cases, { allRows: true })).toEqual(toColumns(all));
  });

  it("counts each case once: the same result as on the latest records alone", () => {
    for (const d of DIMENSIONS) {
      const t = countBy(all, [d] as Dimension[]);
      expect(t, d).toEqual(countBy(cases, [d] as Dimension[]));
      expect(t.records, d).toBe(461);
    }
    expect(countBy(all, ["county", "status"])).toEqual(countBy(cases, ["county", "status"]));
    expect(Object.values(countMap(all, "county")).reduce((a, b) => a + b, 0)).toBe(461);
    expect(countFrame(all, ["county"]).column("count").sum()).toBe(461);
    expect(toColumns(all).length).toBe(461);
    expect(rates(all)).toEqual(rates(cases));
    expect(rates(all).closedRate.denominator + rates(all).closedRate.blank).toBe(461);
    expect(ratesBy(all, "county")).toEqual(ratesBy(cases, "county"));
    const ranks = countyRanking(all, populationTable());
    expect(ranks).toEqual(countyRanking(cases, populationTable()));
    expect(ranks.reduce((s, r) => s + r.count, 0)).toBe(461);
    expect(spikes(all)).toEqual(spikes(cases));
    expect(enforcementByCounty(all)).toEqual(enforcementByCounty(cases));
    expect(enforcementByCounty(all).total.records).toBe(461);
    expect(new ChartData(all).ranking.reduce((s, r) => s + r.count, 0)).toBe(461);
  });

  it("follows every case through time once in progress, overdue and time to close", () => {
    const p = closureProgress(all);
    expect(p.overall.at(-1)!.cases).toBe(461);
    // 2023-12-31: 已办结 445 of 461 (data/sample/README.md calibration table, 96.5%)
    expect(p.overall.at(-1)).toMatchObject({ date: "2023-12-31", closed: 445 });
    const t = timeToClose(all);
    expect(t.exact + t.upperBound + t.open + t.undated).toBe(461);
    expect(new Set(overdue(all).cases.map((c) => c.key)).size).toBe(overdue(all).cases.length);
  });

  it("groups repeats and summarises from one record per case", () => {
    const r = repeats(all, { byText: false });
    expect(r).toEqual(repeats(cases, { byText: false }));
    const s = summarize(all, { repeats: false });
    expect(s).toMatchObject({ total: 461, records: 1844, closedRate: 445 / 461 });
  });

  it("counts every row only when asked to", () => {
    expect(countBy(all, ["status"], { allRows: true }).records).toBe(1844);
    expect(rates(all, { allRows: true }).closedRate.denominator).toBe(1844);
    expect(toColumns(all, { allRows: true }).length).toBe(1844);
    expect(countyRanking(all, undefined, { allRows: true }).reduce((s, r) => s + r.count, 0)).toBe(1844);
  });
});
