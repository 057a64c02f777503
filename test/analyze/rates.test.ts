import { describe, expect, it } from "vitest";
import { tableColumnsOf, toColumns } from "../../src/analyze/columns.js";
import { formatRate, rates, ratesBy } from "../../src/analyze/rates.js";
import { complaint } from "./helpers.js";

describe("rates", () => {
  it("leave blank cells out of every denominator (unknown is not 否 or 未办结)", () => {
    // 属实, 基本属实, 部分属实 count as true; 不属实 does not; one row has neither value
    const r = rates([
      complaint({ verification: "属实", status: "已办结" }),
      complaint({ verification: "基本属实", status: "阶段性办结" }),
      complaint({ verification: "部分属实", status: "正在办理" }),
      complaint({ verification: "不属实", status: "已办结" }),
      complaint({}),
    ]);
    expect(r.verifiedRate).toEqual({ value: 3 / 4, numerator: 3, denominator: 4, blank: 1 });
    expect(r.closedRate).toEqual({ value: 2 / 4, numerator: 2, denominator: 4, blank: 1 });
    expect(r.closedOrPhaseRate).toEqual({ value: 3 / 4, numerator: 3, denominator: 4, blank: 1 });
  });

  it("the issue's case: 20 rows with a status of 89 give a rate over 20, not over 89", () => {
    const rows = [
      ...Array.from({ length: 13 }, () => complaint({ status: "已办结" })),
      ...Array.from({ length: 7 }, () => complaint({ status: "正在办理" })),
      ...Array.from({ length: 69 }, () => complaint({})),
    ];
    const r = rates(rows).closedRate;
    expect(r).toEqual({ value: 13 / 20, numerator: 13, denominator: 20, blank: 69 });
    expect(formatRate(r)).toBe("65.0%");
  });

  it("are null with the reason when the table has no such column, or every cell is blank", () => {
    // records as ingestion makes them: `raw` holds the table's headers
    const noColumn = [complaint({}), complaint({})].map((c) => ({ ...c, raw: { 交办问题基本情况: c.text, 行政区域: "苏仙区" } }));
    const r = rates(noColumn);
    expect(r.closedRate).toMatchObject({ value: null, denominator: 0, blank: 2, reason: "表中没有“是否办结”列" });
    expect(r.verifiedRate.reason).toBe("表中没有“是否属实”列");
    expect(formatRate(r.closedRate)).toBe("无数据（表中没有“是否办结”列）");
    expect(JSON.parse(JSON.stringify(r)).closedRate.value).toBeNull();

    const blankColumn = noColumn.map((c) => ({ ...c, raw: { ...c.raw, 是否办结: "" } }));
    expect(rates(blankColumn).closedRate.reason).toBe("“是否办结”均未填");
    expect(rates([]).closedRate).toMatchObject({ value: null, reason: "没有信访件" });
  });

  it("per county, with the blanks of each county left out", () => {
    const by = ratesBy(
      [
        complaint({ county: "431003", status: "已办结" }),
        complaint({ county: "431003" }),
        complaint({ county: "431081", status: "正在办理" }),
        complaint({ county: "431002" }),
      ],
      "county",
    );
    expect(by.get("431003")!.closedRate).toEqual({ value: 1, numerator: 1, denominator: 1, blank: 1 });
    expect(by.get("431081")!.closedRate.value).toBe(0);
    expect(by.get("431002")!.closedRate).toMatchObject({ value: null, reason: "“是否办结”均未填" });
  });

  it("count each case once: its latest snapshot, unless all rows are asked for", () => {
    const snap = (asOf: string, status: "正在办理" | "已办结") => [
      complaint({ caseNo: "A", status, asOf, file: `s${asOf}.csv` }),
      complaint({ caseNo: "B", status: "正在办理", asOf, file: `s${asOf}.csv` }),
    ];
    const all = [...snap("2023-07-16", "正在办理"), ...snap("2023-08-31", "已办结")];
    expect(rates(all).closedRate).toMatchObject({ numerator: 1, denominator: 2 });
    expect(rates(all, { allRows: true }).closedRate).toMatchObject({ numerator: 1, denominator: 4 });
    expect(toColumns(all).length).toBe(2);
    expect(toColumns(all, { allRows: true }).length).toBe(4);
  });
});

describe("tableColumnsOf", () => {
  it("reads the headers of every sheet, also when sheets interleave and runs of one sheet are skipped", () => {
    // 受理编号/是否属实 in a.xlsx sheet 1, 是否办结 in b.csv, 案卷类别 in a.xlsx sheet 2; the
    // cells are blank, so only the headers can say the columns exist
    const row = (file: string, sheet: string | undefined, raw: Record<string, string>) => {
      const c = complaint({ file });
      return { ...c, source: { ...c.source, ...(sheet ? { sheet } : {}) }, raw };
    };
    const a1 = (n: number) => Array.from({ length: n }, () => row("a.xlsx", "第一批", { 受理编号: "", 是否属实: "" }));
    const b = row("b.csv", undefined, { 是否办结: "" });
    const a2 = row("a.xlsx", "第二批", { 案卷类别: "" });
    const cols = tableColumnsOf([...a1(3), b, ...a1(2), a2, b]);
    expect(cols).toEqual(expect.arrayContaining(["caseNo", "verification", "status", "category"]));
    // without b's and a2's rows, their columns are not there
    expect(tableColumnsOf(a1(4))).not.toContain("status");
    expect(tableColumnsOf(a1(4))).not.toContain("category");
    expect(tableColumnsOf([...a1(2), a2])).toContain("category");
  });
});
