import { describe, expect, it } from "vitest";
import { findAsOfDate, fromExcelSerial, parseDate } from "../../src/ingest/dates.js";

describe("parseDate", () => {
  it.each([
    ["2023/6/29", "2023-06-29"],
    ["2023-06-29", "2023-06-29"],
    ["2023.6.29", "2023-06-29"],
    ["2023年6月29日", "2023-06-29"],
    ["2023年06月29日 10:30", "2023-06-29"],
    ["20230629", "2023-06-29"],
    ["２０２３年６月２９日", "2023-06-29"],
    // 45106 days after 1899-12-30 is 2023-06-29 (Excel's serial for that day)
    ["45106", "2023-06-29"],
    ["2024/2/29", "2024-02-29"],
  ])("%s -> %s", (cell, iso) => {
    expect(parseDate(cell)).toEqual({ ok: true, date: iso });
  });

  it("reads a deadline written as a period as its last day", () => {
    expect(parseDate("2023年7月底前")).toEqual({ ok: true, date: "2023-07-31" });
    expect(parseDate("2024年2月底")).toEqual({ ok: true, date: "2024-02-29" });
    expect(parseDate("2023年9月中旬")).toEqual({ ok: true, date: "2023-09-20" });
    expect(parseDate("2023年底前")).toEqual({ ok: true, date: "2023-12-31" });
    expect(parseDate("2023年12月")).toEqual({ ok: true, date: "2023-12-31" });
  });

  it("takes the year of 6月29日 from context, and says so when there is none", () => {
    expect(parseDate("6月29日", 2023)).toEqual({ ok: true, date: "2023-06-29" });
    expect(parseDate("6月29日")).toEqual({ ok: false, reason: "no-year" });
  });

  it("rejects impossible dates rather than rolling them over", () => {
    expect(parseDate("2023年6月31日").ok).toBe(false);
    expect(parseDate("2023/2/29").ok).toBe(false);
    expect(parseDate("2023-13-01").ok).toBe(false);
    expect(parseDate("立行立改").ok).toBe(false);
    expect(parseDate("").ok).toBe(false);
  });

  it("converts Excel serials across the 1900 epoch correctly", () => {
    expect(fromExcelSerial(44927)).toBe("2023-01-01");
    expect(fromExcelSerial(45291.75)).toBe("2023-12-31");
    expect(fromExcelSerial(12)).toBeUndefined();
  });

  it("finds a snapshot's as-of date in a title", () => {
    expect(findAsOfDate("信访件办理情况（截至2023年8月31日）")).toBe("2023-08-31");
    expect(findAsOfDate("办理情况_截至2023-10-31_模拟数据.csv")).toBe("2023-10-31");
    expect(findAsOfDate("第3批")).toBeUndefined();
  });
});
