/** The tables report writers asked for (issue 12, item 9), on the bundled sample with its three snapshots. */
import { beforeAll, describe, expect, it } from "vitest";
import { countBy } from "../../src/analyze/count.js";
import type { AnalyzableComplaint } from "../../src/analyze/keys.js";
import { ChartData } from "../../src/charts/catalog.js";
import { ingestFiles } from "../../src/ingest/index.js";
import { type ReportModel, type ReportTable, buildReport } from "../../src/report/index.js";
import { findPii } from "../../src/text/redact.js";

const FILES = [
  "data/sample/郴州2023_信访件_模拟数据.csv",
  "data/sample/snapshots/郴州2023_办理情况_截至2023-08-31_模拟数据.csv",
  "data/sample/snapshots/郴州2023_办理情况_截至2023-10-31_模拟数据.csv",
  "data/sample/snapshots/郴州2023_办理情况_截至2023-12-31_模拟数据.csv",
];

let data: ChartData;
let model: ReportModel;
const table = (caption: string): ReportTable => {
  const b = model.blocks.find((x) => x.kind === "table" && x.table.caption.startsWith(caption));
  if (!b || b.kind !== "table") throw new Error(`no table ${caption}`);
  return b.table;
};
const num = (s: string) => Number(s.replace(/[,%]/g, ""));

beforeAll(async () => {
  data = new ChartData((await ingestFiles(FILES)).records as AnalyzableComplaint[]);
  model = buildReport(data, { date: "2024-01-05", synthetic: true, charts: [] });
});

describe("tables of the annex", () => {
  it("gives every numbered table a 资料来源 naming the complaints and the snapshots' dates", () => {
    const tables = model.blocks.filter((b) => b.kind === "table");
    // not classified here: no repeat groups, so no repeat table
    expect(tables.map((b) => (b.kind === "table" ? b.table.caption : ""))).toEqual([
      "各县（市、区）信访件情况",
      "各县（市、区）信访件污染类型分布",
      "各县（市、区）各期办结率（按截至日期）",
      "逾期未办结信访件",
      "重点件办理情况",
      "各县（市、区）执法和问责情况",
    ]);
    for (const b of tables) if (b.kind === "table") expect(b.table.source).toMatch(/^督察组交办信访件.*截至.*2023年8月31日、2023年10月31日、2023年12月31日/);
  });

  it("lists 办结率 at each 截至 date, rising, the last agreeing with the county table's", () => {
    const t = table("各县（市、区）各期办结率");
    expect(t.headers.slice(1)).toEqual(expect.arrayContaining(["8月31日", "10月31日", "12月31日"]));
    const total = t.rows.at(-1)!;
    expect(total[0]).toBe("合计");
    const rates = total.slice(1).map(num);
    for (let i = 1; i < rates.length; i++) expect(rates[i]!).toBeGreaterThanOrEqual(rates[i - 1]!);
    // the latest snapshot is the state the county table counts
    expect(total.at(-1)).toBe(table("各县（市、区）信访件情况").rows.at(-1)![4]);
  });

  it("lists overdue cases worst first, none closed, the complaint text redacted", () => {
    const t = table("逾期未办结信访件");
    const days = t.rows.map((r) => num(r[5]!));
    expect(days.length).toBeGreaterThan(0);
    expect([...days].sort((a, b) => b - a)).toEqual(days);
    const byNo = new Map(data.cases.map((c) => [c.caseNo, c]));
    for (const r of t.rows) {
      expect(byNo.get(r[1]!)?.status, r[1]).not.toBe("已办结");
      expect([...findPii(r[2]!), ...findPii(r[3]!)], r[3]).toEqual([]);
      expect([...r[3]!].length).toBeLessThanOrEqual(24);
    }
  });

  it("lists the 重点件 of the 案卷类别 column, open ones first", () => {
    const t = table("重点件办理情况");
    const keys = data.cases.filter((c) => c.category === "重点件");
    expect(t.rows).toHaveLength(Math.min(20, keys.length));
    const open = t.rows.findIndex((r) => r[5] === "已办结");
    expect(t.rows.slice(open).every((r) => r[5] === "已办结")).toBe(true);
    const keyNos = new Set(keys.map((c) => c.caseNo));
    for (const r of t.rows) expect(keyNos.has(r[1]!)).toBe(true);
  });

  it("gives county × type as a table whose totals match the counts", () => {
    const t = table("各县（市、区）信访件污染类型分布");
    const total = t.rows.at(-1)!;
    expect(total.slice(0, 2)).toEqual(["合计", String(data.cases.length)]);
    const byType = new Map(countBy(data.columns, ["type"]).rows.map((r) => [r.type, r.count]));
    t.headers.slice(2).forEach((type, i) => expect(num(total[i + 2]!), type).toBe(byType.get(type)));
    // each county's row adds up to its types' 件次, at least its 件数
    for (const r of t.rows.slice(0, -1)) expect(r.slice(2).reduce((s, x) => s + num(x), 0)).toBeGreaterThanOrEqual(num(r[1]!));
  });
});
