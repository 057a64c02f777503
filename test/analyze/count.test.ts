import { describe, expect, it } from "vitest";
import { countBy, countMap } from "../../src/analyze/count.js";
import { countFrame, toDataFrame } from "../../src/analyze/frame.js";
import { MISSING, UNRESOLVED, parseDimensions } from "../../src/analyze/keys.js";
import { toGrid } from "../../src/analyze/pivot.js";
import { AreaResolver, parseAreaContext } from "../../src/geo/resolve.js";
import { complaint } from "./helpers.js";

// Five complaints, counted by hand below.
const records = [
  complaint({ county: "431003", date: "2023-06-29", batch: 1, official: ["大气", "噪声"], status: "已办结", themes: ["carbon"] }),
  complaint({ county: "431003", date: "2023-06-29", batch: 1, official: ["水"], status: "正在办理" }),
  complaint({ county: "431081", date: "2023-07-01", batch: 2, predicted: ["大气"], status: "阶段性办结", themes: ["carbon", "yangtze"] }),
  complaint({ county: "431081", date: "2023-07-01", batch: 2, official: ["大气"] }),
  complaint({ county: "", batch: 2, official: ["生态"], status: "已办结" }),
];

describe("countBy", () => {
  it("counts county x type with multi-labels, official types first, predicted otherwise", () => {
    const t = countBy(records, ["county", "type"]);
    expect(t.rows).toEqual([
      { county: "431003", type: "大气", count: 1 },
      { county: "431003", type: "水", count: 1 },
      { county: "431003", type: "噪声", count: 1 },
      { county: "431081", type: "大气", count: 2 },
      { county: UNRESOLVED, type: "生态", count: 1 },
    ]);
    expect(t.records).toBe(5);
    expect(t.typeSource).toEqual({ official: 4, predicted: 1, none: 0 });
    expect(t.labels).toMatchObject({ "431003": "苏仙区", "431081": "资兴市" });
    expect(t.keys.county).toEqual(["431003", "431081", UNRESOLVED]);
  });

  it("keeps keys as strings: dates, months, batches, codes; missing values under （未填）", () => {
    expect(countMap(records, "date")).toEqual({ "2023-06-29": 2, "2023-07-01": 2, [MISSING]: 1 });
    expect(countMap(records, "month")).toEqual({ "2023-06": 2, "2023-07": 2, [MISSING]: 1 });
    expect(countMap(records, "batch")).toEqual({ "1": 2, "2": 3 });
    expect(countMap(records, "status")).toEqual({ 已办结: 2, 阶段性办结: 1, 正在办理: 1, [MISSING]: 1 });
    // no theme is not a blank cell: themes come from the classifier, so the key is 未涉及
    expect(countMap(records, "theme", { labels: true })).toEqual({ 碳达峰碳中和: 2, 长江经济带警示片问题: 1, 未涉及: 3 });
    expect(countMap(records, "county", { labels: true })).toEqual({ 苏仙区: 2, 资兴市: 2, [UNRESOLVED]: 1 });
  });

  it("cross-tabs three dimensions and two multi-label ones", () => {
    const t = countBy(records, ["theme", "type", "status"]);
    expect(t.rows.filter((r) => r.theme === "carbon")).toEqual([
      { theme: "carbon", type: "大气", status: "已办结", count: 1 },
      { theme: "carbon", type: "大气", status: "阶段性办结", count: 1 },
      { theme: "carbon", type: "噪声", status: "已办结", count: 1 },
    ]);
  });

  it("pivots two dimensions with totals and county names", () => {
    const g = toGrid(countBy(records, ["county", "status"]));
    expect(g.headers).toEqual(["县（市、区） \\ 办理状态", "已办结", "阶段性办结", "正在办理", MISSING, "合计"]);
    expect(g.rows).toEqual([
      ["苏仙区", 1, 0, 1, 0, 2],
      ["资兴市", 0, 1, 0, 1, 2],
      [UNRESOLVED, 1, 0, 0, 0, 1],
      ["合计", 2, 1, 1, 1, 5],
    ]);
  });

  it("parses --by lists and rejects unknown dimensions with the value", () => {
    expect(parseDimensions("county,type")).toEqual(["county", "type"]);
    expect(() => parseDimensions("county,colour")).toThrow("unknown dimension: colour");
  });
});

describe("DataFrames", () => {
  it("hands danfojs string keys that stay strings: 2023-06, 431003, 2021-01", () => {
    const df = countFrame(records, ["county", "month"]);
    expect(df.columns).toEqual(["county", "month", "countyName", "count"]);
    expect(df.dtypes).toEqual(["string", "string", "string", "int32"]);
    const county = df.column("county").values as unknown[];
    expect(county).toContain("431003");
    expect(county.every((v) => typeof v === "string")).toBe(true);
    expect(df.column("month").values).toContain("2023-06");
    const f = toDataFrame([
      { key: "2021-01", code: "431003", n: 1, r: null },
      { key: "2021-02", code: "431081", n: 2, r: 0.5 },
    ]);
    expect(f.dtypes).toEqual(["string", "string", "int32", "float32"]);
    expect(f.column("key").values).toEqual(["2021-01", "2021-02"]);
    expect(f.column("code").values).toEqual(["431003", "431081"]);
    expect(Number.isNaN((f.column("r").values as number[])[0])).toBe(true);
  });

  it("makes an empty frame with the columns", () => {
    expect(toDataFrame([], { columns: ["a", "b"] }).shape).toEqual([0, 2]);
  });
});

describe("county names", () => {
  const national = new AreaResolver(parseAreaContext("全国"));
  const at = (cell: string) => ({ ...complaint({}), area: national.resolve(cell).area });

  it("carry their prefecture when the cases span several prefectures: two 郊区 stay two", () => {
    const m = countMap([at("铜陵市郊区"), at("阳泉市郊区"), at("阳泉市郊区"), at("北京市朝阳区")], "county", { labels: true });
    expect(m).toEqual({ 北京市朝阳区: 1, 阳泉市郊区: 2, 铜陵市郊区: 1 });
  });

  it("stay plain within one prefecture", () => {
    expect(Object.keys(countMap([at("郴州市苏仙区"), at("资兴市")], "county", { labels: true }))).toEqual(["苏仙区", "资兴市"]);
  });
});
