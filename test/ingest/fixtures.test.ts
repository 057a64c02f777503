import { describe, expect, it } from "vitest";
import { ingestFile, ingestFiles } from "../../src/ingest/index.js";

// Expected values are read off the rows written in scripts/make-fixtures.ts, not copied from output.
const fx = (name: string) => `test/fixtures/${name}`;

describe("GBK CSV with a title line, header variants and 2017-scheme labels", () => {
  it("detects GBK, finds the header under the title and keeps every row", async () => {
    const r = await ingestFile(fx("第5批_gbk.csv"));
    expect(r.files[0]!.encoding).toBe("gbk");
    expect(r.files[0]!.sheets[0]!.headerRow).toBe(2);
    // six data rows (the trailing ",,,,," line is blank): five kept, one without text rejected
    expect([r.rows, r.accepted, r.rejected]).toEqual([6, 5, 1]);
    expect(r.rejects).toEqual([expect.objectContaining({ row: 6, column: "案卷内容", reason: "案卷内容为空" })]);
  });

  it("maps variant headers and normalises values", async () => {
    const r = await ingestFile(fx("第5批_gbk.csv"));
    const [a, b, c, d, e] = r.records;
    expect(a).toMatchObject({
      caseNo: "D2CZ202306300001",
      date: "2023-06-30",
      batch: 5,
      officialTypes: ["大气", "噪声"],
      verification: "属实",
      status: "已办结",
      channel: "来电",
    });
    expect(a!.area).toMatchObject({ code: "431002", county: "北湖区", method: "cell" });
    // "6月30日" takes its year from the other dates of the table; 苏仙 is 苏仙区; 餐饮油烟 (2017) is 大气
    expect(b).toMatchObject({ date: "2023-06-30", officialTypes: ["大气"], verification: "基本属实", status: "阶段性办结" });
    expect(b!.area.code).toBe("431003");
    // 畜禽养殖 (2017) is 水 and 大气; an X code is a letter
    expect(c).toMatchObject({ officialTypes: ["水", "大气"], channel: "来信", status: "正在办理" });
    expect(c!.area.code).toBe("431081");
    // "重金属污染,水污染" splits on the comma; 办理中 means 正在办理
    expect(d).toMatchObject({ officialTypes: ["土壤", "水"], status: "正在办理", accountability: "问责2人" });
    // 2023年6月31日 does not exist: no date, a warning; 待核实 is not a 是否属实 value
    expect(e!.date).toBeUndefined();
    expect(e!.verification).toBeUndefined();
    expect(e!.officialTypes).toEqual(["大气"]);
  });

  it("flags the duplicate 受理编号 and keeps both rows with distinct keys", async () => {
    const r = await ingestFile(fx("第5批_gbk.csv"));
    expect(r.warnings.filter((w) => w.message.includes("重复"))).toEqual([expect.objectContaining({ row: 7, column: "举报编号" })]);
    const keys = r.records.map((x) => x.key);
    expect(new Set(keys).size).toBe(keys.length);
    expect(r.records.filter((x) => x.caseNo === "D2CZ202306300001")).toHaveLength(2);
  });

  it("warns about an impossible date and an unknown 是否属实, naming the column", async () => {
    const r = await ingestFile(fx("第5批_gbk.csv"));
    const row8 = r.warnings.filter((w) => w.row === 8).map((w) => w.column);
    expect(row8.sort()).toEqual(["属实情况", "接件时间"]);
  });
});

describe("UTF-8 CSV with broken rows", () => {
  it("reports the unclosed quote at the line it starts and keeps every other row", async () => {
    const r = await ingestFile(fx("utf8_broken.csv"));
    // nine data rows (two blank lines are not rows); only the broken one is rejected
    expect([r.rows, r.accepted, r.rejected]).toEqual([9, 8, 1]);
    expect(r.rejects[0]).toMatchObject({ row: 8, column: "" });
    expect(r.rejects[0]!.reason).toContain("引号");
    // line numbers are where each record starts in a text editor (row 1 spans lines 2-4)
    expect(r.records.map((x) => x.source.row)).toEqual([2, 6, 7, 9, 10, 11, 12, 13]);
    expect(r.records[0]!.text).toBe("反映两个问题：\n1、某砂场扬尘大；\n2、运砂车噪音大。");
    expect(r.records[2]!.text).toBe('某厂"偷排"废水,河水发黑');
  });

  it("keeps a formula-looking complaint verbatim (it is neutralised only on export)", async () => {
    const r = await ingestFile(fx("utf8_broken.csv"));
    expect(r.records[3]!.text).toBe('=HYPERLINK("http://example.com")');
  });

  it("keeps extra cells, short rows, outside and text-only areas, with warnings", async () => {
    const r = await ingestFile(fx("utf8_broken.csv"));
    const byRow = new Map(r.records.map((x) => [x.source.row, x]));
    expect(byRow.get(10)!.raw["第9列"]).toBe("多出的一列");
    expect(byRow.get(11)!.area.method).toBe("unresolved");
    expect(byRow.get(12)!.area).toMatchObject({ code: "440106", method: "cell" });
    // 行政区域 only names the prefecture: the county comes from the text
    expect(byRow.get(13)!.area).toMatchObject({ code: "431023", method: "text" });
    expect(r.warnings.map((w) => w.row).sort((a, b) => a - b)).toEqual([10, 11, 12]);
  });
});

describe("XLSX published one sheet per batch", () => {
  it("reads every sheet under its title, skipping the notes sheet", async () => {
    const r = await ingestFile(fx("公开情况一览表.xlsx"));
    const f = r.files[0]!;
    expect(f.sheets.map((s) => [s.sheet, s.headerRow, s.batch])).toEqual([
      ["第1批", 2, 1],
      ["第2批", 2, 2],
    ]);
    expect(f.skippedSheets).toEqual(["说明"]);
    // sheet 1: 4 complaints + a footnote row; sheet 2: 4 rows, one empty
    expect([r.rows, r.accepted, r.rejected]).toEqual([9, 7, 2]);
  });

  it("gives a vertically merged 行政区域 to every row it covers, but not a merged footnote", async () => {
    const r = await ingestFile(fx("公开情况一览表.xlsx"));
    const s1 = r.records.filter((x) => x.source.sheet === "第1批");
    expect(s1.map((x) => x.area.county)).toEqual(["北湖区", "北湖区", "资兴市", "宜章县"]);
    expect(r.rejects[0]).toMatchObject({ sheet: "第1批", row: 7, reason: "表格注释或合计行，不是信访件" });
  });

  it("reads date cells, serial numbers in General cells and text dates alike", async () => {
    const r = await ingestFile(fx("公开情况一览表.xlsx"));
    const s1 = r.records.filter((x) => x.source.sheet === "第1批");
    expect(s1.map((x) => x.date)).toEqual(["2023-06-26", "2023-06-26", "2023-06-26", "2023-06-26"]);
    expect(s1[3]!.text).toBe("莽山保护区内违规修路，破坏植被"); // rich text joined
  });

  it("reads the 2017 scheme and 是/否 values, and flags an id repeated across sheets", async () => {
    const r = await ingestFile(fx("公开情况一览表.xlsx"));
    const s2 = r.records.filter((x) => x.source.sheet === "第2批");
    expect(s2.map((x) => x.officialTypes)).toEqual([["水", "大气"], ["大气"], ["大气"]]);
    expect(s2[1]).toMatchObject({ verification: "属实", status: "已办结" });
    expect(s2[1]!.area.code).toBe("431003");
    expect(r.warnings.some((w) => w.sheet === "第2批" && w.row === 6 && w.message.includes("「第1批」第3行"))).toBe(true);
  });
});

describe("JSON", () => {
  it("reads an array of objects; a non-object element and an empty text are rejected", async () => {
    const r = await ingestFile(fx("records.json"));
    expect([r.rows, r.accepted, r.rejected]).toEqual([4, 2, 2]);
    expect(r.rejects.map((x) => [x.row, x.reason])).toEqual([
      [3, "第3条不是对象"],
      [4, "举报内容为空"],
    ]);
    expect(r.records[1]).toMatchObject({ officialTypes: ["辐射"] });
    expect(r.records[1]!.area.code).toBe("431002");
  });
});

describe("several files", () => {
  it("adds up rows across files and keeps accepted + rejected = rows", async () => {
    const r = await ingestFiles([fx("第5批_gbk.csv"), fx("utf8_broken.csv"), fx("公开情况一览表.xlsx"), fx("records.json")]);
    expect(r.rows).toBe(6 + 9 + 9 + 4);
    expect(r.accepted + r.rejected).toBe(r.rows);
    expect(r.records).toHaveLength(r.accepted);
    expect(r.rejects).toHaveLength(r.rejected);
  });

  it("warns when the same table is given twice", async () => {
    const twice = await ingestFiles([fx("第5批_gbk.csv"), fx("第5批_gbk.csv").replace("test/", "./test/")]);
    expect(twice.warnings.filter((w) => w.message.includes("导入了两次")).length).toBe(5);
  });
});

describe("titles and 模拟数据", () => {
  it("exposes each sheet's title and says when the input is synthetic", async () => {
    const real = await ingestFile(fx("公开情况一览表.xlsx"));
    expect(real.files[0]!.sheets[0]!.title).toBe("湖南省第三生态环境保护督察组交办信访件边督边改公开情况一览表（第1批）");
    expect(real.synthetic).toBe(false);
    // the bundled sample says 模拟数据 in its title rows (and its file name)
    const sample = await ingestFile("data/sample/郴州2023_信访件_模拟数据.csv");
    expect(sample.synthetic).toBe(true);
    const { ingestBuffers } = await import("../../src/ingest/index.js");
    const titled = await ingestBuffers([{ name: "第1批.csv", bytes: Buffer.from("某市交办件公开表（模拟数据）\n交办问题基本情况,行政区域\n粉尘大,北湖区\n") }]);
    expect(titled.synthetic).toBe(true);
    expect(titled.files[0]!.sheets[0]!.title).toBe("某市交办件公开表（模拟数据）");
  });
});

describe("a header over two rows", () => {
  it("reads the sub-columns under a merged parent and does not take the second header row for a complaint", async () => {
    const r = await ingestFile(fx("两行表头.xlsx"));
    expect([r.rows, r.accepted, r.rejected]).toEqual([2, 2, 0]);
    const s = r.files[0]!.sheets[0]!;
    expect(s.headerRow).toBe(3);
    expect(s.title).toBe("郴州市第6批交办信访件办理情况");
    expect(r.records.map((x) => [x.source.row, x.findings, x.verification, x.rectification, x.status])).toEqual([
      [4, "经核查，属实", "属实", "责令整改", "已办结"],
      [5, "经核查，部分属实", "部分属实", "责令停止夜间施工", "正在办理"],
    ]);
    expect(r.records[0]!.batch).toBe(6);
  });
});
