/**
 * What the dashboard ships and how the browser recomputes it, checked in Node against the
 * library: on the bundled sample, the unfiltered dashboard equals the library's own results
 * (progress, time to close, overdue, counts), filters select exactly the right cases, the shipped
 * texts hold no planted personal data, and the CSV / XLSX writers agree with src/export.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import {
  type AnalyzableComplaint,
  closureProgress,
  countBy,
  effectiveTypes,
  ingestFiles,
  latest,
  overdue,
  rates,
  redactComplaint,
  timeToClose,
} from "../../src/node.js";
import { buildDashboardData } from "../../src/dashboard/build.js";
import { closeTimesOf, overdueOf, progressOf } from "../../src/dashboard/closure.js";
import { pieces } from "../../src/dashboard/highlight.js";
import { DataInputError, dataInputs, sampleInputs } from "../../src/dashboard/inputs.js";
import { type CasesFile, type RepeatsFile, TEXT_CHUNKS, type TextChunk, chunkOf, chunkRange } from "../../src/dashboard/model.js";
import { countyKey } from "../../src/analyze/keys.js";
import { leagueRows } from "../../src/dashboard/league.js";
import { DashboardData, NO_FILTERS } from "../../src/dashboard/select.js";
import { xlsxBytes } from "../../src/dashboard/xlsx.js";
import { segment } from "../../src/text/segment.js";

/** The entries of a ZIP whose entries are stored (as src/dashboard/zip.ts writes them). */
function unzipStored(bytes: Uint8Array): Map<string, string> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const out = new Map<string, string>();
  for (let at = 0; view.getUint32(at, true) === 0x04034b50;) {
    const size = view.getUint32(at + 18, true);
    const nameLength = view.getUint16(at + 26, true);
    const start = at + 30 + nameLength + view.getUint16(at + 28, true);
    out.set(Buffer.from(bytes.subarray(at + 30, at + 30 + nameLength)).toString("utf8"), Buffer.from(bytes.subarray(start, start + size)).toString("utf8"));
    at = start + size;
  }
  return out;
}

let records: AnalyzableComplaint[];
let file: CasesFile;
let data: DashboardData;
let outputs: Map<string, string | Uint8Array>;

beforeAll(async () => {
  records = (await ingestFiles(sampleInputs())).records.map(redactComplaint);
  outputs = await buildDashboardData(sampleInputs());
  file = JSON.parse(outputs.get("cases.json") as string) as CasesFile;
  data = new DashboardData(file, outputs.get("cases.bin") as Uint8Array);
}, 120_000);

describe("the unfiltered dashboard equals the library", () => {
  it("counts and rates", () => {
    const cases = latest(records);
    const all = data.select(NO_FILTERS);
    expect(all.rows.length).toBe(cases.length);
    expect(countBy(all.cols, ["county", "type"]).rows).toEqual(countBy(cases, ["county", "type"]).rows);
    expect(rates(all.cols)).toEqual(rates(cases));
    expect(file.meta.synthetic).toBe(true);
    expect(file.meta.snapshots).toEqual(["2023-07-16", "2023-08-31", "2023-10-31", "2023-12-31"]);
  });

  it("rectification progress, time to close and overdue cases", () => {
    const all = data.select(NO_FILTERS);
    expect(progressOf(data, all)).toEqual(closureProgress(records));
    const ttc = timeToClose(records);
    const mine = closeTimesOf(data, all);
    expect(mine.summary).toEqual(ttc.summary);
    expect(mine.histogram).toEqual(ttc.histogram);
    expect(mine.byCounty).toEqual(ttc.byCounty);
    expect([mine.exact, mine.upperBound]).toEqual([ttc.exact, ttc.upperBound]);
    const od = overdue(records);
    expect(overdueOf(data, all).map((o) => [o.id, o.days, o.deadline])).toEqual(od.cases.map((c) => [c.key, c.daysOverdue, c.deadline]));
  });
});

describe("the 总览's league table, shipped for the first screen", () => {
  it("is the library's 办结率, previous-snapshot rate and overdue count of each county, worst first", () => {
    const league = file.league!;
    expect(league, "cases.json carries the unfiltered league table").toBeDefined();
    // what the page computes for a selection gives the same rows on the whole data
    expect(leagueRows(data, data.select(NO_FILTERS))).toEqual(league);
    const cases = latest(records);
    const progress = closureProgress(records);
    const previous = file.meta.snapshots.at(-2)!;
    const od = overdue(records).cases;
    expect(new Set(league.map((r) => r.county))).toEqual(new Set(cases.map(countyKey)));
    for (const row of league) {
      const mine = cases.filter((c) => countyKey(c) === row.county);
      const r = rates(mine).closedRate;
      expect([row.cases, row.closed, row.withStatus, row.rate], row.name).toEqual([mine.length, r.numerator, r.denominator, r.value]);
      const then = progress.rows.find((p) => p.county === row.county && p.date === previous);
      expect(row.previous, row.name).toBe(then?.closedRate ?? null);
      expect(row.overdue, row.name).toBe(od.filter((o) => o.county === row.county).length);
    }
    const order = league.map((r) => r.rate ?? 2);
    expect(order).toEqual([...order].sort((a, b) => a - b));
  });
});

describe("filters", () => {
  it("select exactly the cases of a county, a type, a theme, a batch and a date range", () => {
    const cases = latest(records);
    const check = (f: Partial<typeof NO_FILTERS>, test: (c: AnalyzableComplaint) => boolean) => {
      const sel = data.select({ ...NO_FILTERS, ...f });
      expect(sel.rows.length).toBe(cases.filter(test).length);
      expect(sel.rows.length).toBeGreaterThan(0);
      return sel;
    };
    const sel = check({ county: "431003" }, (c) => c.area.code === "431003");
    expect(countBy(sel.cols, ["type"]).rows).toEqual(
      countBy(
        cases.filter((c) => c.area.code === "431003"),
        ["type"],
      ).rows,
    );
    check({ type: "噪声" }, (c) => effectiveTypes(c).types.includes("噪声"));
    check({ batch: "12" }, (c) => c.batch === 12);
    check({ from: "2023-07-01", to: "2023-07-05" }, (c) => !!c.date && c.date >= "2023-07-01" && c.date <= "2023-07-05");
    const byTheme = data.select({ ...NO_FILTERS, theme: "two-high" });
    const texts = [...unzipStored(outputs.get("texts.zip") as Uint8Array).values()].flatMap((t) => (JSON.parse(t) as TextChunk).records);
    expect(byTheme.rows.length).toBe(texts.filter((t) => t.themes.some(([label]) => label === "two-high")).length);
    expect(byTheme.rows.length).toBeGreaterThan(0);
    expect(data.select({ ...NO_FILTERS, county: "431003", type: "大气" }).rows.length).toBe(
      cases.filter((c) => c.area.code === "431003" && effectiveTypes(c).types.includes("大气")).length,
    );
  });
});

describe("shipped texts", () => {
  it("every case is in exactly one chunk, and no planted personal data is anywhere", () => {
    const files = unzipStored(outputs.get("texts.zip") as Uint8Array);
    const seen = new Set<number>();
    for (let k = 0; k < TEXT_CHUNKS; k++) {
      const chunk = JSON.parse(files.get(`${String(k).padStart(2, "0")}.json`)!) as TextChunk;
      expect([chunk.start, chunk.end]).toEqual(chunkRange(k, data.length));
      for (const t of chunk.records) {
        expect(chunkOf(t.row, data.length)).toBe(k);
        seen.add(t.row);
      }
    }
    expect(seen.size).toBe(data.length);
    // data/sample/README.md, "Planted personal data"
    const planted = [
      "15254084261",
      "廖立新",
      "431024198411285580",
      "朱桂花",
      "138 5716 3218",
      "0735-7278774",
      "段春生",
      "431028198005161246",
      "43102519811110289X",
      "曹海军",
      "周长青",
      "137 2484 1547",
      "李满秀",
    ];
    const all = [...outputs.values()].map((v) => (typeof v === "string" ? v : Buffer.from(v).toString("utf8"))).join("\n");
    for (const p of planted) expect(all).not.toContain(p);
    expect(all).toContain("【已隐去】");
    const repeats = JSON.parse(outputs.get("repeats.json") as string) as RepeatsFile;
    expect(repeats.groups.length).toBeGreaterThan(5);
    for (const g of repeats.groups) expect(g.rows.length).toBe(g.size);
  });
});

describe("downloads", () => {
  const table = {
    name: "测试表",
    title: "测试（模拟数据）",
    headers: ["县（市、区）", "件数", "内容"],
    rows: [
      ["苏仙区", 71, '=HYPERLINK("http://x","y")'],
      ["北湖区", 53, "@SUM(A1)"],
      ["合计", 124, '-1 + 2, "引号"\n换行 <b>&</b>'],
    ],
  };

  it("XLSX opens in exceljs with the values, numbers as numbers and formulas neutralised", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(xlsxBytes([table, { ...table, name: "测试表" }])) as never);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["测试表", "测试表(2)"]);
    const ws = wb.worksheets[0]!;
    expect(ws.getCell("A1").value).toBe("测试（模拟数据）");
    expect(ws.getCell("A2").value).toBe("县（市、区）");
    expect(ws.getCell("B3").value).toBe(71);
    expect(ws.getCell("C3").value).toBe('\'=HYPERLINK("http://x","y")');
    expect(ws.getCell("C4").value).toBe("'@SUM(A1)");
    expect(ws.getCell("C5").value).toBe('\'-1 + 2, "引号"\n换行 <b>&</b>');
  });
});

describe("evidence highlighting", () => {
  it("splits the text into plain and marked pieces, longest words first, nothing lost", () => {
    const text = "养猪场臭气熏天，<script>臭气</script>";
    const p = pieces(text, [
      { word: "臭气", kind: "type", label: "大气" },
      { word: "臭气熏天", kind: "type", label: "大气" },
      { word: "养猪场", kind: "theme", label: "污染防治攻坚" },
      { word: "臭气", kind: "key", label: "健康" },
    ]);
    expect(p.map((x) => x.text).join("")).toBe(text);
    expect(p.filter((x) => x.marks).map((x) => x.text)).toEqual(["养猪场", "臭气熏天", "臭气"]);
    expect(p.find((x) => x.text === "臭气")!.marks!.map((m) => m.kind)).toEqual(["type", "key"]);
  });
});

describe("shipped evidence positions", () => {
  it("mark every evidence word where it is a word of the text (inside one jieba token, or whole tokens), never cutting a token", () => {
    const texts = [...unzipStored(outputs.get("texts.zip") as Uint8Array).values()].flatMap((t) => (JSON.parse(t) as TextChunk).records);
    let words = 0;
    let skipped = 0;
    for (const t of texts) {
      const evidence = new Set([...t.types, ...t.themes].flatMap(([, , w]) => w).concat(t.key.flatMap(([, w]) => w)));
      const at = new Map(t.at);
      const bounds = new Set<number>([0]);
      let end = 0;
      for (const tok of segment(t.text)) bounds.add((end += tok.length));
      for (const w of evidence) {
        words++;
        const starts = at.get(w) ?? [];
        skipped += t.text.split(w).length - 1 - starts.length;
        expect(starts.length, `${t.id} ${w}`).toBeGreaterThan(0);
        for (const s of starts) {
          expect(t.text.startsWith(w, s)).toBe(true);
          // inside one token, or whole tokens: a token boundary inside the word means it starts and ends on one
          const inside = [...bounds].some((b) => b > s && b < s + w.length);
          if (inside) expect(bounds.has(s) && bounds.has(s + w.length), `${t.id} ${w} @${s}`).toBe(true);
        }
      }
    }
    expect(words).toBeGreaterThan(1000);
    // some occurrences are not words (排到 in 安排到): they are left plain
    expect(skipped).toBeGreaterThan(0);
  });
});

describe("DUCHA_DATA", () => {
  it("is the sample by default, a file, or a folder (an .xlsx's .csv twin skipped)", () => {
    expect(dataInputs(undefined)).toEqual(sampleInputs());
    expect(sampleInputs()).toHaveLength(4);
    const dir = mkdtempSync(join(tmpdir(), "ducha-inputs-"));
    mkdirSync(join(dir, "snapshots"));
    for (const f of ["表.xlsx", "表.csv", "另一表.csv", "说明.txt", "snapshots/截至2023-08-31.csv", "~$表.xlsx"]) writeFileSync(join(dir, f), "x");
    expect(dataInputs(dir).map((f) => f.slice(dir.length + 1))).toEqual(["snapshots/截至2023-08-31.csv", "另一表.csv", "表.xlsx"]);
    expect(dataInputs(join(dir, "另一表.csv"))).toEqual([join(dir, "另一表.csv")]);
    expect(() => dataInputs(join(dir, "没有这个文件.csv"))).toThrow(DataInputError);
  });
});
