import { describe, expect, it } from "vitest";
import { rates, ratesBy } from "../../src/analyze/rates.js";
import { complaint } from "./helpers.js";

describe("rates", () => {
  it("follow docs/analytics.md: verified over rows with a value, closed over all", () => {
    // 属实, 基本属实, 部分属实 count as true; 不属实 does not; one row has no value
    const r = rates([
      complaint({ verification: "属实", status: "已办结" }),
      complaint({ verification: "基本属实", status: "阶段性办结" }),
      complaint({ verification: "部分属实", status: "正在办理" }),
      complaint({ verification: "不属实", status: "已办结" }),
      complaint({}),
    ]);
    expect(r.verifiedRate).toEqual({ value: 3 / 4, numerator: 3, denominator: 4 });
    expect(r.closedRate).toEqual({ value: 2 / 5, numerator: 2, denominator: 5 });
    expect(r.closedOrPhaseRate).toEqual({ value: 3 / 5, numerator: 3, denominator: 5 });
  });

  it("is null, not NaN, without a denominator", () => {
    expect(rates([complaint({})]).verifiedRate.value).toBeNull();
    expect(rates([]).closedRate.value).toBeNull();
  });

  it("per county", () => {
    const by = ratesBy([complaint({ county: "431003", status: "已办结" }), complaint({ county: "431081" })], "county");
    expect(by.get("431003")!.closedRate.value).toBe(1);
    expect(by.get("431081")!.closedRate.value).toBe(0);
  });
});
