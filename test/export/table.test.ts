import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { neutralizeFormula, toCsv, toXlsx } from "../../src/export/table.js";
import { parseCsv } from "../../src/ingest/csv.js";

describe("exports never hand a spreadsheet a formula", () => {
  it.each([
    "=1+1",
    "+86 139",
    "-2",
    "@SUM(A1)",
    "\t=x",
    "\r=x",
    " =1+1",
    "\n=1+1",
    "\u00a0=1+1",
    "\u3000=1+1",
    "\u200b=1",
    "＝1+1",
    "＋1",
    "－1+1",
    "＠SUM(A1)",
    " \n\u3000＝1",
  ])("%j is prefixed with an apostrophe", (v) => {
    expect(neutralizeFormula(v)).toBe(`'${v}`);
  });
  it("leaves ordinary text alone", () => {
    for (const v of ["某厂=偷排", " 某厂", "\n第二行", "（=）", "'=已中和"]) expect(neutralizeFormula(v)).toBe(v);
  });

  it("strips control characters from cells but keeps line breaks", () => {
    const csv = toCsv({ name: "t", headers: ["a"], rows: [["某厂\u001b[31m偷排\u0007\n第二行"]] });
    expect(parseCsv(csv.slice(1)).records.map((r) => r.cells)).toEqual([["a"], ["某厂偷排\n第二行"]]);
  });

  it("writes CSV with BOM, CRLF and quoting that reads back to the same cells", () => {
    const csv = toCsv({
      name: "t",
      headers: ["a", "b"],
      rows: [
        ['x,"y"\n', "=cmd"],
        [1, null],
      ],
    });
    expect(csv.startsWith("\uFEFF")).toBe(true);
    expect(csv).toContain("\r\n");
    expect(parseCsv(csv.slice(1)).records.map((r) => r.cells)).toEqual([
      ["a", "b"],
      ['x,"y"\n', "'=cmd"],
      ["1", ""],
    ]);
  });

  it("writes XLSX cells as text with the formula neutralised, header frozen", async () => {
    const buf = await toXlsx([{ name: "信访件", title: "（模拟数据）", headers: ["内容"], rows: [['=HYPERLINK("x")'], ["正常"]] }]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buf as unknown as ExcelJS.Buffer);
    const ws = wb.getWorksheet("信访件")!;
    expect(ws.getCell("A1").value).toBe("（模拟数据）");
    expect(ws.getCell("A3").value).toBe('\'=HYPERLINK("x")');
    expect(ws.getCell("A3").formula).toBeUndefined();
    expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 2 });
  });
});

describe("csvLines (many rows at once, short cells formatted once)", () => {
  it("writes every row as csvLine does, repeated and tricky cells included", async () => {
    const { csvLine, csvLines } = await import("../../src/export/csv.js");
    const tricky = ['=HYPERLINK("x")', '他说"关停"', "a,b", "第一行\n第二行", "\u001b[31m红\u001b[0m", "＝1+1", "", "汝城县", "大气"];
    const rows = [
      [1, ...tricky, null, undefined, 12345678901],
      [2, ...tricky.reverse(), "长".repeat(80), 0],
      [3, "汝城县", "汝城县", "=1", "=1"],
    ];
    const lines = csvLines(rows);
    expect(lines).toBe(rows.map(csvLine).join("\r\n"));
    // the formula stays neutralised in every row that repeats it, not only the first
    expect(lines.split("\r\n")[2]).toBe("3,汝城县,汝城县,'=1,'=1");
  });
});
