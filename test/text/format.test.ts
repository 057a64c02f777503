import { describe, expect, it } from "vitest";
import {
  NO_DATA,
  NO_VALUE,
  formatDate,
  formatDateRange,
  formatFine,
  formatInteger,
  formatMonthDay,
  formatPercent,
  formatWan,
  isIsoDate,
  toWan,
} from "../../src/text/format.js";

describe("formatPercent", () => {
  it.each([
    [0.1234, 1, "12.3%"],
    [0.1235, 2, "12.35%"],
    [1, 1, "100.0%"],
    [0, 1, "0.0%"],
    [0.125, 0, "13%"], // half rounds up, as Math.round did in the dashboard's whole-percent copy
    [0.994, 0, "99%"],
    [2 / 3, 1, "66.7%"],
  ])("%d with %d digits -> %s", (share, digits, text) => expect(formatPercent(share, digits)).toBe(text));

  it("writes one digit by default and — for an unknown share, never 0%", () => {
    expect(formatPercent(0.5)).toBe("50.0%");
    expect(formatPercent(null)).toBe("—");
    expect(formatPercent(undefined)).toBe(NO_VALUE);
  });
});

describe("formatInteger", () => {
  it("separates thousands the way zh-CN does", () => {
    expect(formatInteger(0)).toBe("0");
    expect(formatInteger(999)).toBe("999");
    expect(formatInteger(12345)).toBe("12,345");
    expect(formatInteger(1234567)).toBe("1,234,567");
  });

  it("writes what Intl's zh-CN formatter writes: integers grouped by hand, other numbers by Intl", () => {
    const zh = new Intl.NumberFormat("zh-CN");
    const values = [
      1,
      12,
      100,
      1000,
      9999,
      10000,
      99999,
      100000,
      650000,
      1234567890,
      Number.MAX_SAFE_INTEGER,
      2 ** 53,
      1e21,
      0.5,
      12.345,
      1234.5678,
      -0,
      NaN,
      Infinity,
    ];
    for (let v = 1; v < 1e15; v = v * 7 + 3) values.push(v);
    for (const v of [...values, ...values.map((x) => -x)]) expect(formatInteger(v), String(v)).toBe(zh.format(v));
  });
});

describe("Chinese dates", () => {
  it("drops leading zeros of month and day", () => {
    expect(formatDate("2023-07-06")).toBe("2023年7月6日");
    expect(formatDate("2023-12-31")).toBe("2023年12月31日");
    expect(formatMonthDay("2023-07-06")).toBe("7月6日");
    expect(formatMonthDay("2023-11-16")).toBe("11月16日");
  });

  it("leaves what is not a day as given, and an absent date empty", () => {
    expect(formatDate("2023-07")).toBe("2023-07");
    expect(formatDate("第3批")).toBe("第3批");
    expect(formatDate(null)).toBe("");
    expect(formatDate(undefined)).toBe("");
    expect(formatMonthDay("3")).toBe("3");
    expect(isIsoDate("2023-07-16")).toBe(true);
    expect(isIsoDate("2023-7-16")).toBe(false);
  });

  it("writes a span with the year once when both days share it", () => {
    expect(formatDateRange("2023-06-26", "2023-07-16")).toBe("2023年6月26日至7月16日");
    expect(formatDateRange("2022-12-30", "2023-01-03")).toBe("2022年12月30日至2023年1月3日");
    expect(formatDateRange("2023-07-16", "2023-07-16")).toBe("2023年7月16日");
  });
});

it("says 无数据 for a figure the table cannot give", () => expect(NO_DATA).toBe("无数据"));

describe("fines in 万元", () => {
  it("a table cell: the figure in 万元 to the cent, shown with two decimals in every row", () => {
    expect(toWan(40_000)).toBe(4);
    expect(toWan(165_000)).toBe(16.5);
    expect(toWan(14_825_500)).toBe(1482.55);
    expect(toWan(5_000)).toBe(0.5);
    expect(toWan(123)).toBe(0.01);
    expect([4, 16.5, 1482.55, 0, 0.01, 12_345.6].map(formatWan)).toEqual(["4.00", "16.50", "1,482.55", "0.00", "0.01", "12,345.60"]);
  });

  it("a sentence: the unit written, 万元 from 1 万元 up, 元 below", () => {
    expect(formatFine(165_000)).toBe("16.5 万元");
    expect(formatFine(40_000)).toBe("4 万元");
    expect(formatFine(14_825_500)).toBe("1482.55 万元");
    expect(formatFine(100_000)).toBe("10 万元");
    expect(formatFine(5_000)).toBe("5,000 元");
    expect(formatFine(0)).toBe("0 元");
  });
});
