import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { unzip } from "../report/unzip.js";
import { ducha, tempDir } from "./helpers.js";

const SAMPLE = "data/sample/郴州2023_信访件_模拟数据.xlsx";
const SNAPSHOTS = ["2023-08-31", "2023-10-31", "2023-12-31"].map((d) => `data/sample/snapshots/郴州2023_办理情况_截至${d}_模拟数据.csv`);

/** The personal data planted in the sample (data/sample/README.md), as written and without spaces. */
const PLANTED = [
  "15254084261",
  "431024198411285580",
  "138 5716 3218",
  "13857163218",
  "0735-7278774",
  "18089508829",
  "431023197805277195",
  "13971489417",
  "431028198005161246",
  "43102519811110289X",
  "0735-6778635",
  "431021196310241118",
  "15885115404",
  "137 2484 1547",
  "13724841547",
  "0735-4407719",
  "廖立新",
  "朱桂花",
  "段春生",
  "黄文斌",
  "曹海军",
  "周长青",
  "李满秀",
];

describe("ducha report", () => {
  it("writes the annex of the bundled sample as .docx: tables, charts, page numbers, no personal data", () => {
    const out = join(tempDir(), "统计附件.docx");
    const r = ducha("report", "--in", SAMPLE, ...SNAPSHOTS, "--out", out, "--date", "2024-01-05");
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    // hotspots, map, types, type × county, themes, trend, 是否属实, progress, 办结用时, repeats
    expect(r.stdout).toContain("461 件，10 张图");
    const files = unzip(readFileSync(out));
    const doc = files.get("word/document.xml")!.toString("utf8");
    // county, county × type, 办结率 by 截至 date, overdue, 重点件, enforcement, repeats
    expect(doc.match(/<w:tbl>/g)!.length).toBe(7);
    expect(doc.match(/资料来源：/g)!.length).toBe(7);
    expect(doc).toContain("模拟数据");
    expect(doc).toContain("各县（市、区）执法和问责情况");
    expect(doc).toContain("重复举报的主要对象");
    expect([...files.keys()].filter((k) => /^word\/media\/.*\.png$/.test(k))).toHaveLength(10);
    const text = [...files.values()].map((v) => v.toString("utf8")).join("\n");
    for (const pii of PLANTED) expect(text, pii).not.toContain(pii);
  });

  it("writes a print-ready HTML page with escaped text and embedded SVG charts", () => {
    const out = join(tempDir(), "统计附件.html");
    const r = ducha("report", SAMPLE, "--out", out);
    expect(r.code).toBe(0);
    const html = readFileSync(out, "utf8");
    expect(html).not.toMatch(/<script/i);
    expect(html).toContain("@page { size: A4;");
    expect(html.match(/src="data:image\/svg\+xml;base64,/g)!.length).toBeGreaterThanOrEqual(8);
    expect(html).toContain("模拟数据");
    for (const pii of PLANTED) expect(html, pii).not.toContain(pii);
  });

  it("--no-repeats leaves out the repeat analysis and says so, with every other figure unchanged", () => {
    const dir = tempDir();
    const full = ducha("report", SAMPLE, "--out", join(dir, "full.md"), "--date", "2024-01-05");
    const skip = ducha("report", SAMPLE, "--out", join(dir, "skip.md"), "--date", "2024-01-05", "--no-repeats");
    expect(full.code).toBe(0);
    expect(skip.code).toBe(0);
    // one figure fewer: the repeats chart
    const figures = (s: string) => Number(/(\d+) 张图/.exec(s)![1]);
    expect(figures(skip.stdout)).toBe(figures(full.stdout) - 1);
    const md = readFileSync(join(dir, "skip.md"), "utf8");
    const mdFull = readFileSync(join(dir, "full.md"), "utf8");
    expect(mdFull).toContain("重复举报的主要对象");
    expect(md).not.toContain("重复举报的主要对象");
    expect(md).toContain("本次统计未做重复举报分析");
    // the headline says 无数据 for repeats instead of "0 组", which would claim none were found
    expect(md).not.toMatch(/重复举报[^\n]*0 组/);
    expect(md).toMatch(/重复举报[^\n]*无数据/);
    // the sections before 六、重复举报 are the same text
    const before = (s: string) =>
      s
        .slice(0, s.indexOf("六、重复举报"))
        .replace(/^.*重复举报.*$/gm, "")
        .replace(/(full|skip)_files\//g, "_files/");
    expect(before(md)).toBe(before(mdFull));
  });
});
