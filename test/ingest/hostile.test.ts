/**
 * Inputs no one here wrote (issue 11): one bad cell costs a warning on that cell, not the file;
 * stacked tables and text-only headers are read row by row; special files fail at once; sizes
 * are capped; deep JSON reads; rows without 受理编号 get keys without a directory.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { IngestError, ingestBuffers, ingestFiles } from "../../src/ingest/index.js";
import { hasFourByteSequence } from "../../src/ingest/decode.js";
import { tempDir } from "../cli/helpers.js";

const utf8 = (s: string) => Buffer.from(s, "utf8");
const HEAD = "序号,交办问题基本情况,行政区域\n1,北湖区某石材厂粉尘很大,北湖区\n";

async function one(bytes: Buffer, name = "表.csv") {
  return ingestBuffers([{ name, bytes }]);
}

describe("a cell that does not decode costs a warning on that cell, not the file", () => {
  it("reads a GBK cell in a UTF-8 file as GBK, warning with its row and column", async () => {
    const r = await one(Buffer.concat([utf8(`${HEAD}2,`), iconv.encode("苏仙区某砂场噪声扰民", "gbk"), utf8(",苏仙区\n3,某厂偷排,桂阳县\n")]));
    expect(r.files[0]!.encoding).toBe("utf-8");
    expect(r.records.map((x) => x.text)).toEqual(["北湖区某石材厂粉尘很大", "苏仙区某砂场噪声扰民", "某厂偷排"]);
    expect(r.warnings).toEqual([expect.objectContaining({ row: 3, column: "交办问题基本情况", message: expect.stringContaining("GBK") })]);
  });

  it.each([
    ["a stray 0xA0", Buffer.concat([utf8(`${HEAD}2,某砂场`), Buffer.from([0xa0]), utf8("扬尘,苏仙区\n")]), 3, "交办问题基本情况"],
    ["a cut last character", Buffer.concat([utf8(`${HEAD}2,某厂偷排,北湖`), utf8("区").subarray(0, 2)]), 3, "行政区域"],
  ])("keeps %s as � with a warning naming the cell", async (_, bytes, row, column) => {
    const r = await one(bytes);
    expect(r.files[0]!.encoding).toBe("utf-8");
    expect(r.accepted).toBe(2);
    expect(r.warnings).toContainEqual(expect.objectContaining({ row, column, message: expect.stringContaining("�") }));
  });

  it("does the same after a BOM, without an internal error", async () => {
    const r = await one(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8(`${HEAD}2,`), iconv.encode("张家山采石场", "gbk"), utf8(",北湖区\n")]));
    expect(r.files[0]!.encoding).toBe("utf-8-bom");
    expect(r.records[1]!.text).toBe("张家山采石场");
    expect(r.warnings[0]).toMatchObject({ row: 3, column: "交办问题基本情况" });
  });

  it("still reads a GBK file as a whole, and names it GBK", async () => {
    const r = await one(iconv.encode(`${HEAD}2,某砂场夜间生产,苏仙区\n`, "gbk"));
    expect(r.files[0]!.encoding).toBe("gbk");
    expect(r.warnings).toEqual([]);
    expect(r.records[1]!.text).toBe("某砂场夜间生产");
  });

  it("names a file GB18030 only when a character needed its four-byte form (㐀 of CJK extension A, 𠮷)", async () => {
    for (const place of ["㐀家湾采石场", "𠮷安村砂场"]) {
      const bytes = iconv.encode(`${HEAD}2,${place}夜间生产,苏仙区\n`, "gb18030");
      const r = await one(bytes);
      expect(r.files[0]!.encoding).toBe("gb18030");
      expect(r.records[1]!.text).toBe(`${place}夜间生产`);
    }
    // a trail byte in the digits' range only after a lead byte: "12" after a GBK character is not one
    expect(hasFourByteSequence(iconv.encode("苏仙区12,北湖区3", "gbk"))).toBe(false);
    expect(hasFourByteSequence(iconv.encode("苏仙区㐀", "gb18030"))).toBe(true);
  });
});

describe("rows are never dropped silently", () => {
  it("reads a text-only header (信访内容 | 备注) and a table stacked below it, each under its own header", async () => {
    const csv =
      "信访内容,备注\n某砂场夜间噪声扰民,\n某厂粉尘大,无\n\n第二批交办件\n序号,受理编号,交办问题基本情况,行政区域\n1,D2CZ202306260001,北湖区某石材厂粉尘,北湖区\n";
    const r = await one(utf8(csv));
    expect(r.rows).toBe(3);
    expect(r.records.map((x) => [x.source.row, x.text, x.caseNo ?? ""])).toEqual([
      [2, "某砂场夜间噪声扰民", ""],
      [3, "某厂粉尘大", ""],
      [7, "北湖区某石材厂粉尘", "D2CZ202306260001"],
    ]);
    expect(r.records[2]!.batch).toBe(2);
    expect(r.files[0]!.sheets.map((s) => s.headerRow)).toEqual([1, 6]);
  });

  it("says which rows above the header it did not read", async () => {
    const r = await one(utf8("附件1,2023年7月1日\n序号,交办问题基本情况,行政区域\n1,某厂粉尘,北湖区\n"));
    expect(r.accepted).toBe(1);
    expect(r.warnings).toContainEqual(expect.objectContaining({ row: 1, message: expect.stringContaining("表头（第2行）之上") }));
  });

  it("keeps a repeated identical header a reject, not a new table", async () => {
    const r = await one(utf8(`${HEAD}序号,交办问题基本情况,行政区域\n2,某厂偷排,桂阳县\n`));
    expect(r.rejects).toEqual([expect.objectContaining({ row: 3, reason: "重复的表头行" })]);
    expect(r.accepted).toBe(2);
  });
});

describe("hostile files", () => {
  const quick = async (path: string) => {
    const t0 = performance.now();
    const e = await ingestFiles([path]).then(
      () => undefined,
      (x: unknown) => x,
    );
    return { e, ms: performance.now() - t0 };
  };

  it.each([
    ["/dev/zero", "设备文件"],
    ["/dev/null", "设备文件"],
  ])("refuses %s at once", async (path, what) => {
    const { e, ms } = await quick(path);
    expect(e).toBeInstanceOf(IngestError);
    expect((e as IngestError).reason).toContain(what);
    expect(ms).toBeLessThan(2000);
  });

  it("refuses a FIFO and a directory at once, without opening the FIFO", async () => {
    const dir = tempDir();
    const fifo = join(dir, "管道.csv");
    execFileSync("mkfifo", [fifo]);
    const a = await quick(fifo);
    expect((a.e as IngestError).reason).toContain("FIFO");
    const b = await quick(dir);
    expect((b.e as IngestError).reason).toContain("文件夹");
    expect(Math.max(a.ms, b.ms)).toBeLessThan(2000);
    // a symbolic link to a device is a device
    symlinkSync("/dev/zero", join(dir, "zero.csv"));
    expect(((await quick(join(dir, "zero.csv"))).e as IngestError).reason).toContain("设备文件");
  });

  it("caps what it reads, even from a file whose size lies", async () => {
    const dir = tempDir();
    writeFileSync(join(dir, "big.csv"), `${HEAD}${"2,某厂粉尘,北湖区\n".repeat(2000)}`);
    await expect(ingestFiles([join(dir, "big.csv")], { maxBytes: 10_000 })).rejects.toThrow(/文件太大/);
    // procfs reports size 0 and streams more
    const e = await ingestFiles(["/proc/self/maps"], { maxBytes: 100 }).catch((x: unknown) => x);
    expect((e as IngestError).reason).toMatch(/文件太大/);
  });

  it("reads JSON nested 100,000 deep without a stack overflow", async () => {
    const deep = `[{"交办问题基本情况":"某厂粉尘","附件":${"[".repeat(100_000)}${"]".repeat(100_000)}}]`;
    const r = await one(utf8(deep), "表.json");
    expect(r.records[0]!.text).toBe("某厂粉尘");
    expect(r.records[0]!.raw.附件!.length).toBeLessThan(50);
  });
});

describe("record keys of rows without 受理编号", () => {
  it("carry the file's name only, redacted, unique per file", async () => {
    const dir = tempDir();
    for (const sub of ["a", "b"]) {
      mkdirSync(join(dir, sub));
      writeFileSync(join(dir, sub, "举报人赵六13800138000.csv"), HEAD);
    }
    const r = await ingestFiles([join(dir, "a", "举报人赵六13800138000.csv"), join(dir, "b", "举报人赵六13800138000.csv")]);
    expect(r.records.map((x) => x.key)).toEqual(["举报人【已隐去】【已隐去】.csv##2", "举报人【已隐去】【已隐去】.csv(2)##2"]);
  });
});
