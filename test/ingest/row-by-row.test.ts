/**
 * Ingestion reads a CSV row by row, keeping no grid of every row (issue 14): what a table needs
 * from rows further down must still come out as if the whole table had been read first.
 */
import { describe, expect, it } from "vitest";
import { ingestBuffers } from "../../src/ingest/index.js";

const one = (csv: string, name = "表.csv") => ingestBuffers([{ name, bytes: Buffer.from(csv, "utf8") }]);

describe("reading row by row keeps what a table says further down", () => {
  it("dates a 6月29日 row by the full dates below it, and warns in the row's own order", async () => {
    const r = await one(
      "序号,交办时间,交办问题基本情况,行政区域\n1,6月29日,某厂粉尘大,北湖区\n2,2022/7/1,某砂场噪声,苏仙区\n3,6月31日,某厂废水,\n4,2022/7/2,某厂臭气,桂阳县\n",
    );
    // 2022 is the year of the table's full dates, known only after row 1 was read
    expect(r.records.map((x) => x.date)).toEqual(["2022-06-29", "2022-07-01", undefined, "2022-07-02"]);
    // row 4 (6月31日 in 2022, no such day): its date warning before its empty-area warning
    expect(r.warnings.map((w) => [w.row, w.column])).toEqual([
      [4, "交办时间"],
      [4, "行政区域"],
    ]);
    expect(r.warnings[0]!.message).toBe("日期「6月31日」无法识别");
  });

  it("says a 6月29日 cell has no year when neither the table nor its name gives one, before the row's later warnings", async () => {
    const r = await one("序号,交办时间,交办问题基本情况,行政区域,是否属实\n1,6月29日,某厂粉尘大,,说不清\n");
    expect(r.records[0]!.date).toBeUndefined();
    expect(r.warnings.map((w) => w.column)).toEqual(["交办时间", "行政区域", "是否属实"]);
    expect(r.warnings[0]!.message).toContain("没有年份");
    // with the year in the file name, the same cell is dated and nothing is said about it
    const named = await one("序号,交办时间,交办问题基本情况,行政区域,是否属实\n1,6月29日,某厂粉尘大,,说不清\n", "2023年第2批.csv");
    expect(named.records[0]!.date).toBe("2023-06-29");
    expect(named.warnings.map((w) => w.column)).toEqual(["行政区域", "是否属实"]);
  });

  it("gives a single-cell row to the table below when a header follows it, and to the table above when data does", async () => {
    const r = await one(
      [
        "序号,交办问题基本情况,行政区域",
        "1,某厂粉尘大,北湖区",
        "单行说明",
        "2,某砂场噪声,苏仙区",
        "第二批交办件（截至2023年8月31日）",
        "序号,受理编号,交办问题基本情况,行政区域",
        "1,D2CZ202306260001,北湖区某石材厂粉尘,北湖区",
        '2,D2CZ202306260002,"某厂偷排',
        "3,D2CZ202306260003,某厂夜间施工,苏仙区",
        "",
      ].join("\n"),
    );
    const [first, second] = r.files[0]!.sheets;
    // the lone cell followed by data is a row of the first table, without complaint text
    expect(r.rejects[0]).toEqual(expect.objectContaining({ row: 3, reason: "交办问题基本情况为空" }));
    expect(first).toEqual(expect.objectContaining({ headerRow: 1, rows: 3, accepted: 2, rejected: 1 }));
    expect(first!.title).toBeUndefined();
    // the lone cell followed by a header is the second table's title: its batch and as-of date
    expect(second).toEqual(expect.objectContaining({ headerRow: 6, title: "第二批交办件（截至2023年8月31日）", batch: 2, asOf: "2023-08-31" }));
    // the unclosed quote on line 8 is the second table's reject, and reading goes on at line 9
    expect(second).toEqual(expect.objectContaining({ rows: 3, accepted: 2, rejected: 1 }));
    expect(r.rejects[1]).toEqual(expect.objectContaining({ row: 8, reason: expect.stringContaining("引号没有闭合") }));
    expect(r.records.map((x) => [x.source.row, x.batch, x.asOf])).toEqual([
      [2, undefined, undefined],
      [4, undefined, undefined],
      [7, 2, "2023-08-31"],
      [9, 2, "2023-08-31"],
    ]);
  });
});
