import { readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { ducha, tempDir } from "./helpers.js";

/**
 * The table a user gets by compiling published rows from 14 provincial-level units: 序号, 行政区域
 * and the complaint text only (made by scripts/make-real-fixture.ts from rows R001-R058 of
 * data/labelled/real/rows.tsv, copied verbatim from disclosure pages). No 是否属实, 是否办结,
 * 处理和整改情况 or 案卷类别.
 */
const TABLE = "test/fixtures/real/多省信访件_仅内容和区域.csv";

interface Hotspot {
  county: string;
  countyName: string;
  count: number;
  rank: number | null;
}

describe("ducha on a real table with only text and area, from many provinces", () => {
  let j: Record<string, unknown> & { hotspots: Hotspot[]; rates: Record<string, { value: number | null; reason?: string }>; byCounty: Record<string, number> };

  beforeAll(() => {
    const r = ducha("stats", TABLE, "--context", "全国", "--json", "--no-repeats");
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    j = JSON.parse(r.stdout);
  });

  it("stats --context 全国 --json gives null rates with the reason, not 0", () => {
    expect(j.total).toBe(58);
    expect(j.verifiedRate).toBeNull();
    expect(j.closedRate).toBeNull();
    expect(j.closedOrPhaseRate).toBeNull();
    expect(j.rates.closedRate).toMatchObject({ value: null, reason: "表中没有“是否办结”列" });
    expect(j.rates.verifiedRate).toMatchObject({ value: null, reason: "表中没有“是否属实”列" });
    expect(j.keyCases).toMatchObject({ count: null, reason: "表中没有“案卷类别”列" });
    expect(j.enforcement).toBeNull();
    expect(j.unknown).toMatchObject({ enforcement: "表中没有“处理和整改情况”列" });
  });

  it("never leads the hotspots with unresolved areas; every row is counted once", () => {
    expect(j.hotspots[0]!.county).not.toBe("（未识别）");
    expect(j.hotspots.at(-1)).toMatchObject({ county: "（未识别）", rank: null });
    expect(j.hotspots.filter((h) => h.county === "（未识别）")).toHaveLength(1);
    expect(j.hotspots.reduce((s, h) => s + h.count, 0)).toBe(58);
    // the largest group, checked by hand in the fixture: six rows of 天津市滨海新区
    expect(j.hotspots[0]).toMatchObject({ countyName: "天津市滨海新区", count: 6, rank: 1 });
  });

  it("names counties with their prefecture, as the table spans several", () => {
    expect(Object.keys(j.byCounty)).toEqual(expect.arrayContaining(["天津市南开区", "上海市长宁区", "吴忠市利通区", "西宁市城东区"]));
    // 宝山区 (上海 or 双鸭山) and 河东区 (天津 or 临沂) stay unresolved rather than guessed
    expect(Object.keys(j.byCounty).some((k) => /宝山区|河东区/.test(k))).toBe(false);
  });

  // two CLI runs, one of them drawing the charts: generous on a busy machine
  it("prints 无数据 in text, and the report prints no 0-valued enforcement figure", { timeout: 120_000 }, () => {
    const text = ducha("stats", TABLE, "--context", "全国", "--no-repeats");
    expect(text.stdout).toContain("办结率 无数据（表中没有“是否办结”列）");
    expect(text.stdout).toContain("执法：无数据（表中没有“处理和整改情况”列）");
    expect(text.stdout).not.toMatch(/立案 0|罚款 0|约谈 0|办结率 0/);
    // counties by count, largest first, the first 15 by name: by hand from the fixture, 滨海新区 6,
    // 南开区 and 红桥区 3, nine counties of 2 (ties in code order), then 16 of 1 — three shown, 13
    // summed; the 12 unresolved rows apart (the line was all 28 counties in code order)
    const counties = text.stdout.split("\n").find((l) => l.startsWith("县（市、区）："))!;
    expect(counties).toMatch(/^县（市、区）：天津市滨海新区 6，天津市南开区 3，天津市红桥区 3，天津市河西区 2，/);
    expect(counties.match(/ \d+(?=，|$)/g)).toHaveLength(15);
    expect(counties).toMatch(/，青岛市黄岛区 1，其余 13 个县区 13 件，未识别行政区域 12 件$/);

    // HTML: the same content model as Word and Markdown, without rasterising the charts
    const out = join(tempDir(), "附件.html");
    const r = ducha("report", "--in", TABLE, "--context", "全国", "--out", out, "--date", "2026-01-05");
    expect(r.code).toBe(0);
    const html = readFileSync(out, "utf8");
    for (const label of ["立案处罚", "办结率", "属实率", "重点件"]) expect(html).toContain(`${label}</div><div class="value">无数据</div>`);
    expect(html).toContain("表中没有“处理和整改情况”列");
    expect(html).not.toMatch(/立案 0 起|罚款 0|约谈 0 人|问责 0 人|>0 起<|>0\.0%</);
    expect(html).not.toContain("各县（市、区）执法和问责情况");
  });
});

describe("a new user's first run on a table from many provinces, without --context", () => {
  it("ingest says once that the rows lie outside the default area and how to name it; not with --context", () => {
    // 46 of the 58 rows resolve to counties outside 湖南省郴州市 (each with a warning "…，不在郴州市");
    // the first run showed twenty such lines and nothing on what to do
    const r = ducha("ingest", TABLE);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("提示：46 行的县（市、区）不在默认地区湖南省郴州市。表格来自其他地区时，请加 --context 全国");
    expect(r.stdout.match(/提示：/g)).toHaveLength(1);
    const national = ducha("ingest", TABLE, "--context", "全国").stdout;
    expect(national).not.toContain("提示：");
    // a name shared by two counties, said in Chinese (was "河东区: 天津市河东区、…", a colon of code)
    expect(national).toMatch(/「河东区」有重名，无法确定：河东区可能是天津市河东区、山东省临沂市河东区。/);
    expect(national).not.toMatch(/[\u4e00-\u9fff]: /);
    expect(ducha("ingest", "data/sample/郴州2023_信访件_模拟数据.xlsx").stdout).not.toContain("提示：");
  });

  it("classify points to lists it really writes (its --json prints counts only)", () => {
    const out = join(tempDir(), "分类.csv");
    const r = ducha("classify", TABLE, "--out", out);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("……另有");
    expect(r.stdout).toContain("完整清单见 .xlsx 输出的“警告”工作表（--out 写成 .xlsx），或用 ducha ingest --json 输出");
    expect(r.stdout).not.toContain("完整清单用 --json 输出");
    expect(r.stdout).toContain("提示：46 行");
  });
});
