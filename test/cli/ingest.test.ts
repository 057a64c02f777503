import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { parseCsv } from "../../src/ingest/csv.js";
import { ducha, tempDir } from "./helpers.js";

const fx = (name: string) => `test/fixtures/${name}`;

describe("ducha ingest", () => {
  it("--json prints one object with rows = accepted + rejected and every reject located", () => {
    const r = ducha("ingest", fx("第5批_gbk.csv"), fx("utf8_broken.csv"), "--json");
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j).toMatchObject({ rows: 15, accepted: 13, rejected: 2 });
    expect(j.files.map((f: { file: string }) => f.file)).toEqual([fx("第5批_gbk.csv"), fx("utf8_broken.csv")]);
    expect(j.rejects).toEqual([
      expect.objectContaining({ file: fx("第5批_gbk.csv"), sheet: null, row: 6, column: "案卷内容" }),
      expect.objectContaining({ file: fx("utf8_broken.csv"), sheet: null, row: 8, column: "" }),
    ]);
    expect(j.warnings.length).toBeGreaterThan(0);
  });

  it("prints a readable summary without --json", () => {
    const r = ducha("ingest", fx("公开情况一览表.xlsx"));
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("共 9 行数据：接受 7 行，拒绝 2 行");
    expect(r.stdout).toContain("「第1批」 第7行");
    expect(r.stdout).toContain("跳过没有投诉内容列的工作表：说明");
  });

  it("writes CSV with every input column, formulas neutralised and PII redacted", () => {
    const dir = tempDir();
    const csvIn = join(dir, "in.csv");
    writeFileSync(csvIn, "交办问题基本情况,行政区域,联系电话\n举报人张三反映某厂偷排，电话13907351234,北湖区,0735-2223344\n=1+2,苏仙区,\n");
    const out = join(dir, "out.csv");
    const rej = join(dir, "rejects.csv");
    const r = ducha("ingest", csvIn, "--out", out, "--rejects", rej);
    expect(r.code).toBe(0);
    const text = readFileSync(out, "utf8");
    expect(text).not.toContain("13907351234");
    expect(text).not.toContain("张三");
    expect(text).not.toContain("2223344");
    const rows = parseCsv(text.slice(1)).records.map((x) => x.cells);
    expect(rows[0]!.slice(0, 6)).toEqual(["来源文件", "工作表", "行号", "交办问题基本情况", "行政区域", "联系电话"]);
    expect(rows[0]).toContain("区划代码");
    expect(rows[2]![3]).toBe("'=1+2");
    expect(rows[1]![rows[0]!.indexOf("区划代码")]).toBe("431002");
    expect(readFileSync(rej, "utf8").split("\r\n")[0]).toBe("\uFEFF文件,工作表,行号,列,原因,内容摘录");
  });

  it("--keep-pii keeps the originals", () => {
    const dir = tempDir();
    const csvIn = join(dir, "in.csv");
    writeFileSync(csvIn, "交办问题基本情况\n举报人张三，电话13907351234\n");
    const out = join(dir, "out.json");
    expect(ducha("ingest", csvIn, "--out", out, "--keep-pii").code).toBe(0);
    expect(JSON.parse(readFileSync(out, "utf8"))[0].text).toBe("举报人张三，电话13907351234");
  });

  it("writes XLSX with the records, the rejects and the warnings as sheets", async () => {
    const out = join(tempDir(), "out.xlsx");
    expect(ducha("ingest", fx("utf8_broken.csv"), "--out", out).code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["信访件", "拒绝的行", "警告"]);
    expect(wb.getWorksheet("信访件")!.actualRowCount).toBe(1 + 8);
    expect(wb.getWorksheet("拒绝的行")!.actualRowCount).toBe(1 + 1);
  });

  it.each([
    ["a missing file", "nope.csv", "文件不存在"],
    ["an empty file", "empty.csv", "文件是空的"],
    ["a binary file", "bin.csv", "二进制"],
    ["a table without complaint text", "notext.csv", "找不到投诉内容列"],
    ["a legacy .xls", "old.xls", ".xls"],
  ])("exits 1 with one clear line for %s", (_what, name, message) => {
    const dir = tempDir();
    writeFileSync(join(dir, "empty.csv"), "");
    writeFileSync(join(dir, "bin.csv"), Buffer.from([0x00, 0x01, 0x02, 0xff, 0x00, 0x10, 0x00]));
    writeFileSync(join(dir, "notext.csv"), "序号,行政区域\n1,北湖区\n");
    writeFileSync(join(dir, "old.xls"), Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0]));
    const file = join(dir, name);
    const r = ducha("ingest", file);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe("");
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(r.stderr).toContain(file);
    expect(r.stderr).toContain(message);
    expect(r.stderr).not.toMatch(/\bat .*\.js:\d+/); // no stack trace
  });

  it("explains itself with --help, and usage errors exit 2", () => {
    const help = ducha("ingest", "--help");
    expect(help.code).toBe(0);
    expect(help.stdout).toContain("--rejects");
    expect(help.stdout).toContain("示例");
    expect(ducha("--help").stdout).toContain("ingest");
    expect(ducha("ingest").code).toBe(2);
    expect(ducha("ingest", fx("utf8_broken.csv"), "--out", "x.txt").code).toBe(2);
    expect(ducha("ingest", fx("utf8_broken.csv"), "--context", "火星").code).toBe(2);
    expect(ducha("nosuchcommand").code).toBe(2);
  });
});
