import { join } from "node:path";
import ExcelJS from "exceljs";
import { readFileSync, writeFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { ducha, tempDir } from "./helpers.js";

const MAIN = "test/fixtures/stats-fixture.csv";
const SNAPSHOT = "test/fixtures/stats-snapshot_截至2023年8月31日.csv";

/*
 * Hand-computed figures for the two fixtures (10 cases; the snapshot of 2023-08-31 updates 5 of
 * them, so the latest state of each case is counted once):
 *
 *  case  county (as written)     types (as written)        是否属实   status (latest)
 *  1     资兴                    大气                      属实       已办结
 *  2     资兴市                  畜禽养殖 -> 水、大气       基本属实   已办结 (snapshot, 办结时间 08-20)
 *  3     郴州市资兴市            噪声污染 -> 噪声           —          阶段性办结 (snapshot)
 *  4     苏仙区                  水、噪声                  部分属实   已办结 (snapshot, no 办结时间)
 *  5     苏仙                    大气污染 -> 大气           不属实     已办结
 *  6     北湖区                  土壤、水                  属实       正在办理 (snapshot)
 *  7     北湖区                  餐饮油烟 -> 大气           是 -> 属实 已办结 (snapshot, 办结时间 07-30)
 *  8     宜章县                  生态破坏 -> 生态           部分属实   已办结
 *  9     宜章                    辐射                      否 -> 不属实 已办结
 *  10    (empty, unresolved)     其它 -> 其他               —          正在办理
 *
 * byCounty: 资兴市 3, 苏仙区 2, 北湖区 2, 宜章县 2, （未识别） 1
 * byPollutionType: 大气 4 (1,2,5,7), 水 3 (2,4,6), 噪声 2 (3,4), 土壤 1, 生态 1, 辐射 1, 其他 1
 * byVerification: 属实 3, 基本属实 1, 部分属实 2, 不属实 2, （未填） 2
 * verifiedRate = (3 + 1 + 2) / 8 = 0.75; closedRate = 7 / 10; closedOrPhaseRate = 8 / 10
 * byDate: 06-26 3, 06-27 3, 06-28 4
 * overdue at 08-31: case 6 (2023年7月底前 = 07-31, 31 days) and case 3 (08-15, 16 days); 立行立改 undated
 * enforcement: 立案 1 (2); fines 5万 (1) + 30000 (2) + 3.5万 (6) + 五万 (8) = 165,000 yuan in 4 fines;
 *   责令整改 1 (1); 责令停产 1 and 查封扣押 1 (4); 约谈 2 persons (2); 问责 1 (6); 5 cases with an action
 * time to close (days): 1: 06-26 -> 06-28 (main table's date) 2, 2: 55 exact, 4: 06-27 -> 08-31 65,
 *   5: 1, 7: 32 exact, 8: 0, 9: 0 -> n 7, median 2, 2 exact, 5 upper bounds, 3 open
 */
describe("ducha stats", () => {
  it("--json matches the hand-computed figures", () => {
    const r = ducha("stats", MAIN, SNAPSHOT, "--json");
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j).toMatchObject({
      total: 10,
      records: 15,
      snapshots: ["2023-08-31"],
      typeSource: { official: 10, predicted: 0, none: 0 },
      byCounty: { 资兴市: 3, 苏仙区: 2, 北湖区: 2, 宜章县: 2, "（未识别）": 1 },
      byCountyCode: { "431081": 3, "431003": 2, "431002": 2, "431022": 2 },
      byStatus: { 已办结: 7, 阶段性办结: 1, 正在办理: 2 },
      byVerification: { 属实: 3, 基本属实: 1, 部分属实: 2, 不属实: 2, "（未填）": 2 },
      byDate: { "2023-06-26": 3, "2023-06-27": 3, "2023-06-28": 4 },
      verifiedRate: 0.75,
      closedRate: 0.7,
      closedOrPhaseRate: 0.8,
      rates: { verifiedRate: { numerator: 6, denominator: 8 } },
      spikes: [],
    });
    expect(j.byPollutionType).toEqual({ 大气: 4, 水: 3, 噪声: 2, 土壤: 1, 生态: 1, 辐射: 1, 其他: 1 });
    expect(Object.keys(j.byCounty)).toHaveLength(5);
    expect(typeof j.byTheme).toBe("object");
    expect(j.overdue).toMatchObject({ at: "2023-08-31", count: 2, undatedDeadlines: 1 });
    expect(j.overdue.cases.map((c: { key: string; daysOverdue: number }) => [c.key, c.daysOverdue])).toEqual([
      ["D2CZ202306270003", 31],
      ["D2CZ202306260003", 16],
    ]);
    expect(j.enforcement.total).toMatchObject({
      records: 10,
      withAction: 5,
      cases: 1,
      fines: 4,
      fineYuan: 165000,
      orders: 1,
      suspensions: 1,
      seizures: 1,
      interviewed: 2,
      accountable: 1,
    });
    expect(j.timeToClose).toMatchObject({ exact: 2, upperBound: 5, open: 3, summary: { n: 7, median: 2, max: 65 } });
    expect(j.progress.overall.at(-1)).toMatchObject({ date: "2023-08-31", cases: 10, closed: 7, closedOrPhase: 8 });
    expect(j.repeats).toMatchObject({ groups: 0 });
    expect(j.hotspots.find((h: { countyName: string }) => h.countyName === "苏仙区")).toMatchObject({ count: 2, population: 435836 });
    expect(j.hotspots.find((h: { countyName: string }) => h.countyName === "资兴市")).toMatchObject({ per100k: null, note: "no population" });
  });

  it("--population takes the user's table for per-capita figures, and names a bad cell", () => {
    const dir = tempDir();
    const pop = join(dir, "人口.csv");
    // 资兴市 has no figure in the bundled table; 3 cases over 300,000 residents = 1 per 100,000
    writeFileSync(pop, '县（市、区）,常住人口\n资兴市,"300,000"\n');
    const r = ducha("stats", MAIN, SNAPSHOT, "--json", "--no-repeats", "--population", pop);
    expect(r.code).toBe(0);
    const zixing = JSON.parse(r.stdout).hotspots.find((h: { countyName: string }) => h.countyName === "资兴市");
    expect(zixing).toMatchObject({ count: 3, population: 300_000, per100k: 1, rankPer100k: 1 });
    writeFileSync(pop, "县（市、区）,常住人口\n资兴市,约三十万\n");
    const bad = ducha("stats", MAIN, "--population", pop);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain("第2行「常住人口」列：「约三十万」不是人数");
  });

  it("prints a readable summary and a county x type table with --by", () => {
    const r = ducha("stats", MAIN, SNAPSHOT, "--by", "county,type", "--no-repeats");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("共 10 件（15 条记录");
    expect(r.stdout).toContain("属实率 75.0%（6/8 件；另有 2 件未填，不计入）；办结率 70.0%（7/10 件）；办结及阶段性办结 80.0%");
    // the fixture has no 案卷类别: no 重点件 count, only the rule's suggestions, said to be suggestions
    expect(r.stdout).toContain("重点件：无数据（表中没有“案卷类别”列）；按重点件规则建议关注");
    expect(r.stdout).toContain("逾期未办结 2 件");
    // fines as a report writes them: 5万 + 30000 + 3.5万 + 五万 = 16.5 万元 (was "165,000 元")
    expect(r.stdout).toContain("罚款 4 笔共 16.5 万元");
    // themes: a complaint touching none is 未涉及 (the classifier found none), never （未填）
    const themes = r.stdout.split("\n").find((l) => l.startsWith("督察主题"))!;
    expect(themes).toMatch(/，未涉及 \d+$/);
    expect(themes).not.toContain("未填");
    const lines = r.stdout.split("\n");
    const header = lines.find((l) => l.startsWith("县（市、区） \\ 污染类型"))!;
    expect(header.split(/\s{2,}/)).toEqual(["县（市、区） \\ 污染类型", "大气", "水", "噪声", "土壤", "生态", "辐射", "其他", "合计"]);
    expect(lines.find((l) => l.startsWith("资兴市"))!.split(/\s+/)).toEqual(["资兴市", "2", "1", "1", "0", "0", "0", "0", "4"]);
  });

  it("--out writes the cross-tab to XLSX with the rankings, enforcement and repeats sheets, and to CSV", async () => {
    const dir = tempDir();
    const xlsx = join(dir, "stats.xlsx");
    expect(ducha("stats", MAIN, SNAPSHOT, "--by", "county,status", "--out", xlsx).code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(xlsx);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["county×status", "县区排名", "执法情况", "重复举报"]);
    const ws = wb.getWorksheet("county×status")!;
    expect(ws.getRow(2).values).toEqual([undefined, "县（市、区） \\ 办理状态", "已办结", "阶段性办结", "正在办理", "合计"]);
    expect(ws.getRow(ws.actualRowCount).values).toEqual([undefined, "合计", 7, 1, 2, 10]);
    // 执法情况 in 万元 like the report and the dashboard (a number, so Excel can add it up)
    const fines = wb.getWorksheet("执法情况")!;
    const col = [1, 2].map((i) => (fines.getRow(i).values as unknown[]).indexOf("罚款金额（万元）")).find((c) => c > 0) ?? -1;
    expect(col).toBeGreaterThan(0);
    expect(fines.getRow(fines.actualRowCount).getCell(col).value).toBe(16.5);

    const csv = join(dir, "dates.csv");
    expect(ducha("stats", MAIN, "--by", "date", "--out", csv, "--no-repeats").code).toBe(0);
    const text = readFileSync(csv, "utf8");
    expect(text.split("\r\n").slice(1, 5)).toEqual(["交办日期,件数", "2023-06-26,3", "2023-06-27,3", "2023-06-28,4"]);
  });

  it.each([
    [["--by", "county,colour"], "--by 只能是"],
    [["--out", "x.pdf"], "--out 只支持 .csv 或 .xlsx"],
    [["--as-of", "8月31日"], "--as-of 需要日期"],
  ])("exits 2 on %s", (args, message) => {
    const r = ducha("stats", MAIN, ...args);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
  });
});
