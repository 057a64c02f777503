import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { AnalyzableComplaint } from "../../src/analyze/keys.js";
import { ChartData } from "../../src/charts/catalog.js";
import { ingestFiles } from "../../src/ingest/index.js";
import { type ReportModel, buildReport, esc, mdEscape, toHtml, toMarkdown, writeReport } from "../../src/report/index.js";
import { tempDir } from "../cli/helpers.js";
import { unzip } from "./unzip.js";
import { FIGURE_HEIGHT_PX, TEXT_TWIPS, emWidth, tableLayout } from "../../src/report/docx.js";
import { divisions } from "../../src/geo/divisions.js";
import { REPORT_MAX_COUNTIES } from "../../src/report/context.js";
import { typeSources } from "../../src/report/method.js";
import { parseAreaContext } from "../../src/geo/resolve.js";

const MAIN = "test/fixtures/stats-fixture.csv";
const SNAPSHOT = "test/fixtures/stats-snapshot_截至2023年8月31日.csv";
const PHONE = "13812345678";

let model: ReportModel;

/** The fixture plus a repeat complaint that carries the complainant's phone number. */
async function records(): Promise<AnalyzableComplaint[]> {
  const recs = (await ingestFiles([MAIN, SNAPSHOT])).records as AnalyzableComplaint[];
  const base = recs[0]!;
  const text = `来电人张三反映，电话${PHONE}，宏达石材厂切割石头粉尘很大，周边房屋落满灰尘，晚上还有噪声。`;
  const extra = [1, 2].map((n) => ({ ...base, key: `X${n}`, caseNo: `D2CZ20230627900${n}`, date: `2023-06-2${6 + n}`, text, raw: {} }));
  return [...recs, ...extra];
}

beforeAll(async () => {
  model = buildReport(new ChartData(await records()), { files: [MAIN, SNAPSHOT], date: "2023-09-01", synthetic: true });
});

describe("report model", () => {
  it("has the headline figures, the county table with a 合计 row, the charts and the note on method", () => {
    const kinds = model.blocks.map((b) => b.kind);
    expect(kinds).toContain("facts");
    const headings = model.blocks.filter((b) => b.kind === "heading").map((b) => (b as { text: string }).text);
    expect(headings[0]).toBe("一、总体情况");
    expect(headings.at(-1)).toBe("七、说明");
    const county = model.blocks.find((b) => b.kind === "table")! as Extract<ReportModel["blocks"][number], { kind: "table" }>;
    // the fixture has no 案卷类别: the rule's count is there, labelled as a suggestion
    expect(county.table.headers.slice(0, 7)).toEqual([
      "县（市、区）",
      "信访件（件）",
      "占比",
      "属实率",
      "办结率",
      "办结率（含阶段性）",
      "建议关注重点件（件）",
    ]);
    expect(county.table.note).toContain("仅为建议");
    const facts = (model.blocks.find((b) => b.kind === "facts") as Extract<ReportModel["blocks"][number], { kind: "facts" }>).facts;
    expect(facts.find((f) => f.label === "重点件")).toMatchObject({ value: "无数据" });
    expect(facts.find((f) => f.label === "重点件")!.detail).toContain("仅为建议");
    const total = county.table.rows.at(-1)!;
    expect(total.slice(0, 2)).toEqual(["合计", "12"]);
    const figures = model.blocks.filter((b) => b.kind === "figure").map((b) => (b as { figure: { chart: string } }).figure.chart);
    expect(figures).toEqual(expect.arrayContaining(["county-hotspots", "county-map", "type-by-county", "trend", "progress", "verification", "repeats"]));
    expect(model.subtitle.join("")).toContain("模拟数据");
  });

  it("says in the note on method how many predicted cases carry several types, and nothing when none do", async () => {
    // a table without 污染类型: every case counts its predicted types; one case (all its snapshot rows) gets two
    const recs = await records();
    const first = recs[0]!.caseNo;
    const pred = (labels: ("大气" | "噪声" | "水")[]) => ({
      types: labels.map((label) => ({ label, confidence: 0.9, evidence: [] })),
      subtypes: [],
      themes: [],
      keyCase: { suggested: false, reasons: [] },
    });
    const method = (rs: AnalyzableComplaint[]) =>
      (
        buildReport(new ChartData(rs), { date: "2023-09-01" })
          .blocks.filter((b) => b.kind === "list")
          .at(-1) as { items: string[] }
      ).items.join("\n");
    const two = method(recs.map((r) => ({ ...r, officialTypes: [], classification: pred(r.caseNo === first ? ["大气", "噪声"] : ["水"]) })));
    expect(two).toContain("其中 1 件标注了多个类型");
    expect(two).toContain("按类型计数可能偏多");
    const one = method(recs.map((r) => ({ ...r, officialTypes: [], classification: pred(["水"]) })));
    expect(one).toContain("采用自动分类结果");
    expect(one).not.toContain("多个类型");
    // no official type in the table: the note does not say 采用原表（0 件）
    expect(one).toContain("原表未填写污染类型，采用自动分类结果");
    expect(one).not.toContain("采用原表（");
  });

  it("names only the sources of 污染类型 that were used", () => {
    expect(typeSources({ official: 0, predicted: 12, none: 0 })).toBe("原表未填写污染类型，采用自动分类结果（12 件）");
    expect(typeSources({ official: 9, predicted: 0, none: 0 })).toBe("采用原表填写的污染类型（9 件）");
    expect(typeSources({ official: 9, predicted: 3, none: 1 })).toBe(
      "原表填写了污染类型的，采用原表（9 件）；未填写的，采用自动分类结果（3 件）；1 件无法确定",
    );
  });

  it("leaves out of the county table a rate the whole table cannot give, and says why under it", async () => {
    // 58 published rows of 13 provinces with only 内容 and 行政区域: no 是否属实, no 办理状态
    const recs = (await ingestFiles(["test/fixtures/real/多省信访件_仅内容和区域.csv"], { context: parseAreaContext("全国") }))
      .records as AnalyzableComplaint[];
    const m = buildReport(new ChartData(recs), { date: "2023-09-01" });
    const county = m.blocks.find((b) => b.kind === "table")! as Extract<ReportModel["blocks"][number], { kind: "table" }>;
    expect(county.table.headers).toEqual(["县（市、区）", "信访件（件）", "占比", "建议关注重点件（件）"]);
    expect(county.table.rows.every((row) => row.length === 4 && !row.includes("无数据"))).toBe(true);
    expect(county.table.note).toContain("表中没有“是否属实”列，属实率无数据，未列。");
    expect(county.table.note).toContain("表中没有“是否办结”列，办结率无数据，未列。");
    // with the columns, a county whose cases all leave 是否属实 blank still reads 无数据 in its cell
    expect(model.blocks.find((b) => b.kind === "table")).toMatchObject({
      table: { headers: expect.arrayContaining(["属实率", "办结率", "办结率（含阶段性）"]) },
    });
  });

  it("counts 重点件 from 案卷类别 only, when the table has it", async () => {
    const recs = (await records()).map((r, i) => ({ ...r, category: i % 5 === 0 ? ("重点件" as const) : ("一般件" as const) }));
    const m = buildReport(new ChartData(recs), { date: "2023-09-01" });
    const county = m.blocks.find((b) => b.kind === "table")! as Extract<ReportModel["blocks"][number], { kind: "table" }>;
    expect(county.table.headers[6]).toBe("重点件（件）");
    const facts = (m.blocks.find((b) => b.kind === "facts") as Extract<ReportModel["blocks"][number], { kind: "facts" }>).facts;
    const cases = new ChartData(recs).cases;
    expect(facts.find((f) => f.label === "重点件")!.value).toBe(`${cases.filter((c) => c.category === "重点件").length} 件`);
  });

  it("shows the trend by 批次 when the table has batches but no 交办时间 (第N批 only in the title)", async () => {
    const recs = (await records()).map((r, i) => ({ ...r, date: undefined, batch: i % 2 ? 5 : 6 }));
    const m = buildReport(new ChartData(recs), { date: "2023-09-01" });
    const trend = m.blocks.find((b) => b.kind === "figure" && b.figure.chart === "trend") as Extract<ReportModel["blocks"][number], { kind: "figure" }>;
    expect(trend.figure.caption).toBe("各批次交办信访件数量及污染类型");
    const paras = m.blocks.filter((b) => b.kind === "paragraph").map((b) => (b as { text: string }).text);
    expect(paras).toContain("表中没有交办时间，交办件数按批次分布如图；无法按日分析突增。");
    expect(paras.join("")).toContain(`督察组分 2 批交办郴州市信访件 ${new ChartData(recs).cases.length} 件。`);
  });

  it("draws at most 40 counties a figure, the most cases first, and no figure taller than a page (a table of 60 counties)", async () => {
    // a table from many places: the per-county figures were a metre tall in Word, cut at the page's foot
    const base = (await records())[0]!;
    const counties = divisions().counties.slice(0, 60);
    const recs = counties.flatMap((c, i) =>
      Array.from({ length: i < 5 ? 3 : 1 }, (_, n) => ({
        ...base,
        key: `K${i}-${n}`,
        caseNo: `D2HN2023062${String(i).padStart(3, "0")}${n}`,
        area: {
          raw: c.name,
          code: c.code,
          county: c.name,
          prefectureCode: c.prefectureCode,
          prefecture: c.prefecture,
          provinceCode: c.provinceCode,
          province: c.province,
          method: "cell" as const,
        },
        raw: {},
      })),
    );
    const m = buildReport(new ChartData(recs), { date: "2023-09-01" });
    const county = (m.blocks.find((b) => b.kind === "table") as Extract<ReportModel["blocks"][number], { kind: "table" }>).table;
    // the table keeps every county (and 合计)
    expect(county.rows).toHaveLength(61);
    const hotspots = (
      m.blocks.find((b) => b.kind === "figure" && b.figure.chart === "county-hotspots") as Extract<ReportModel["blocks"][number], { kind: "figure" }>
    ).figure;
    const names = (hotspots.spec as { data: { values: { name: string; count: number }[] } }).data.values.map((v) => v.name);
    expect(names).toHaveLength(REPORT_MAX_COUNTIES);
    // the five counties with 3 cases are all drawn
    for (const c of counties.slice(0, 5)) expect(names.some((n) => n.endsWith(c.name))).toBe(true);
    expect(hotspots.note).toContain("县（市、区）较多（60 个），图中只列件数最多的 40 个，其余 20 个见“各县（市、区）信访件情况”表。");
    const heat = (
      m.blocks.find((b) => b.kind === "figure" && b.figure.chart === "type-by-county") as Extract<ReportModel["blocks"][number], { kind: "figure" }>
    ).figure;
    const heatNames = new Set((heat.spec as { data: { values: { name: string }[] } }).data.values.map((v) => v.name));
    expect(heatNames.size).toBe(REPORT_MAX_COUNTIES);
    // the county × type table as the figures: 40 counties, the other 20 (one case each) in one row, 合计 unchanged
    const byType = (
      m.blocks.find((b) => b.kind === "table" && b.table.caption === "各县（市、区）信访件污染类型分布") as Extract<
        ReportModel["blocks"][number],
        { kind: "table" }
      >
    ).table;
    expect(byType.rows).toHaveLength(REPORT_MAX_COUNTIES + 2);
    const rest = byType.rows.at(-2)!;
    const total = byType.rows.at(-1)!;
    expect(rest.slice(0, 2)).toEqual(["其余 20 个县区", "20"]);
    expect(total.slice(0, 2)).toEqual(["合计", String(5 * 3 + 55)]);
    // every case of the base row carries the same types: each type column of 其余 is 20, of 合计 70
    const typeCols = byType.headers.slice(2);
    expect(typeCols.length).toBeGreaterThan(0);
    for (let i = 0; i < typeCols.length; i++) {
      expect(rest[2 + i]).toBe("20");
      expect(total[2 + i]).toBe("70");
    }
    // the five counties with 3 cases are listed by name, and the listed rows add up with 其余 to 合计
    for (const c of counties.slice(0, 5)) expect(byType.rows.some((r) => r[0]!.endsWith(c.name) && r[1] === "3")).toBe(true);
    expect(byType.rows.slice(0, -1).reduce((s, r) => s + Number(r[1]), 0)).toBe(70);
    expect(byType.note).toContain("县（市、区）较多（60 个），表中只列件数最多的 40 个，其余 20 个合为一行");
    // in Word every figure fits the text block: width 156 mm, height at most FIGURE_HEIGHT_PX
    const path = join(tempDir(), "多县.docx");
    await writeReport(m, path);
    const doc = unzip(readFileSync(path)).get("word/document.xml")!.toString("utf8");
    const extents = [...doc.matchAll(/<wp:extent cx="(\d+)" cy="(\d+)"/g)].map((x) => ({ w: Number(x[1]) / 9525, h: Number(x[2]) / 9525 }));
    expect(extents.length).toBeGreaterThan(3);
    for (const e of extents) expect(e.h).toBeLessThanOrEqual(FIGURE_HEIGHT_PX + 1);
    expect(FIGURE_HEIGHT_PX).toBeLessThan(((225 / 25.4) * 96) | 0);
  });

  it("writes fines in 万元 with the unit in the header and two decimals in every row, as the published tables do", () => {
    const t = model.blocks.find((b) => b.kind === "table" && b.table.caption.includes("执法和问责")) as Extract<
      ReportModel["blocks"][number],
      { kind: "table" }
    >;
    const col = t.table.headers.indexOf("罚款金额（万元）");
    expect(col).toBe(4);
    // 资兴市: 5万元 (case 1), 30000元 (case 2), and the two added copies of case 1 (5万元 each) = 18 万元;
    // 北湖区 3.5万元 (case 6); 宜章县 五万元 (case 8); 合计 26.5 万元 (hand-computed from the fixture)
    const fines = Object.fromEntries(t.table.rows.map((r) => [r[0], r[col]]));
    expect(fines).toMatchObject({ 资兴市: "18.00", 北湖区: "3.50", 宜章县: "5.00", 合计: "26.50" });
    for (const r of t.table.rows) expect(r[col]).toMatch(/^\d{1,3}(,\d{3})*\.\d{2}$/);
    expect(t.table.note).not.toContain("罚款金额为万元");
  });

  it("shows complaint text only redacted", () => {
    const all = JSON.stringify(model);
    expect(all).not.toContain(PHONE);
    expect(all).not.toContain("张三");
    expect(all).toContain("【已隐去】");
  });
});

describe("report writers", () => {
  it("writes a .docx: A4, page numbers, Chinese fonts, tables and the charts as PNG", async () => {
    const path = join(tempDir(), "统计附件.docx");
    const written = await writeReport(model, path);
    expect(written.missingGlyphs).toEqual([]);
    const files = unzip(readFileSync(path));
    const doc = files.get("word/document.xml")!.toString("utf8");
    expect(doc.match(/<w:tbl>/g)?.length).toBeGreaterThanOrEqual(4);
    expect(doc).toContain("合计");
    expect(doc).toContain("表1 各县（市、区）信访件情况");
    expect(doc).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    expect(doc).not.toContain(PHONE);
    const media = [...files.keys()].filter((k) => k.startsWith("word/media/") && k.endsWith(".png"));
    const figures = model.blocks.filter((b) => b.kind === "figure").length;
    expect(media).toHaveLength(figures);
    for (const m of media) expect(files.get(m)!.subarray(1, 4).toString("latin1")).toBe("PNG");
  });

  describe("公文 conventions of the Word annex (GB/T 9704)", () => {
    let files: Map<string, Buffer>;
    let doc: string;
    /** the text of each paragraph of the body, in order, tables included */
    let paragraphs: string[];
    const text = (xml: string) => [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join("");

    beforeAll(async () => {
      const path = join(tempDir(), "统计附件.docx");
      await writeReport(model, path);
      files = unzip(readFileSync(path));
      doc = files.get("word/document.xml")!.toString("utf8");
      paragraphs = [...doc.matchAll(/<w:p>.*?<\/w:p>|<w:p [^>]*>.*?<\/w:p>/gs)].map((m) => text(m[0]));
    });

    it("names 方正小标宋简体 for the title, 仿宋_GB2312 for the body, 黑体 and 楷体_GB2312 for headings, each with a fallback", () => {
      const styles = files.get("word/styles.xml")!.toString("utf8");
      const eastAsia = (styleXml: string) => /w:eastAsia="([^"]+)"/.exec(styleXml)?.[1];
      const style = (id: string) => new RegExp(`<w:style [^>]*w:styleId="${id}".*?</w:style>`, "s").exec(styles)?.[0] ?? "";
      expect(eastAsia(/<w:docDefaults>.*?<\/w:docDefaults>/s.exec(styles)![0])).toBe("仿宋_GB2312");
      expect(eastAsia(style("Title"))).toBe("方正小标宋简体");
      expect(eastAsia(style("Heading1"))).toBe("黑体");
      expect(eastAsia(style("Heading2"))).toBe("楷体_GB2312");
      // 三号 body, 二号 title
      expect(/<w:docDefaults>.*?<w:sz w:val="32"\/>/s.test(styles)).toBe(true);
      expect(style("Title")).toContain('<w:sz w:val="44"/>');
      const fonts = files.get("word/fontTable.xml")!.toString("utf8");
      expect(fonts).toMatch(/<w:font w:name="仿宋_GB2312"><w:altName w:val="仿宋"\/>/);
      expect(fonts).toMatch(/<w:font w:name="方正小标宋简体"><w:altName w:val="[^"]+"\/>/);
      expect(fonts).toMatch(/<w:font w:name="楷体_GB2312"><w:altName w:val="楷体"\/>/);
    });

    it("opens with 附件 at the top left, then the title; headings 一、 and （一）", () => {
      expect(paragraphs[0]).toBe("附件");
      expect(paragraphs[1]).toBe(model.title);
      const h2 = [...doc.matchAll(/<w:pStyle w:val="Heading2"\/>.*?<\/w:p>/gs)].map((m) => text(m[0]));
      expect(h2[0]).toBe("（一）查实情况");
      const h1 = [...doc.matchAll(/<w:pStyle w:val="Heading1"\/>.*?<\/w:p>/gs)].map((m) => text(m[0]));
      expect(h1.every((h) => /^[一二三四五六七八九十]+、/.test(h))).toBe(true);
    });

    it("numbers pages — 1 — (odd pages right, even pages left)", () => {
      const footers = [...files.entries()].filter(([k]) => /word\/footer\d*\.xml/.test(k)).map(([, v]) => v.toString("utf8"));
      expect(footers).toHaveLength(2);
      for (const f of footers) {
        expect(text(f).replace(/\s/g, "")).toBe("——");
        expect(f).toMatch(/— <\/w:t>.*PAGE.*<w:t xml:space="preserve"> —/s);
      }
      expect(footers.map((f) => /<w:jc w:val="(\w+)"/.exec(f)![1]).sort()).toEqual(["left", "right"]);
      expect(files.get("word/settings.xml")!.toString("utf8")).toContain("<w:evenAndOddHeaders/>");
    });

    it("writes dates the Chinese way and credits no software in the text (the properties may)", () => {
      const body = paragraphs.join("\n");
      expect(body).toContain("编制日期：2023年9月1日");
      expect(body).not.toMatch(/\d{4}-\d{2}-\d{2}/);
      expect(body).not.toMatch(/ducha|自动生成|本工具/i);
      const footers = [...files.entries()]
        .filter(([k]) => /word\/(footer|header)\d*\.xml/.test(k))
        .map(([, v]) => text(v.toString("utf8")))
        .join("");
      expect(footers).not.toMatch(/ducha/i);
      expect(files.get("docProps/core.xml")!.toString("utf8")).toContain("ducha");
    });

    it("carries no shaded cards: no cell shading anywhere", () => {
      expect(doc).not.toContain("<w:shd");
    });

    it("sizes columns from the content: no figure, percentage or 受理编号 breaks across lines", () => {
      const cellMargins = 2 * 57;
      for (const b of model.blocks) {
        if (b.kind !== "table") continue;
        const { size, widths } = tableLayout(b.table, TEXT_TWIPS);
        expect(widths.reduce((s, w) => s + w, 0)).toBe(TEXT_TWIPS);
        b.table.headers.forEach((_, i) => {
          for (const row of b.table.rows)
            for (const token of row[i]!.match(/[^\u2e80-\uffff\s]+/g) ?? [])
              expect(emWidth(token) * size * 10, `${b.table.caption}: ${token}`).toBeLessThanOrEqual(widths[i]! - cellMargins);
        });
      }
      // the enforcement table seen with 1482.5/5: equal widths would give 8844/11 = 804 twips, 1482.55 needs 7 × 0.65 em at 12 pt
      const headers = [
        "县（市、区）",
        "有处理措施",
        "立案",
        "罚款笔数",
        "罚款金额（万元）",
        "责令整改",
        "责令停产",
        "查封扣押",
        "移送公安",
        "约谈人数",
        "问责人数",
      ];
      const t = { headers, rows: [["苏仙区", "58", "32", "30", "1,482.55", "54", "5", "3", "5", "28", "9"]] };
      const { size, widths } = tableLayout(t, TEXT_TWIPS);
      expect(size).toBe(24);
      expect(widths[4]!).toBeGreaterThan(4.2 * 240 + cellMargins);
      // a short name stays on one line, a header breaks no narrower than half
      expect(widths[0]!).toBeGreaterThanOrEqual(3 * 240);
    });

    it("leaves room for the bold 合计 row: its figures are wider than the same digits in regular text", () => {
      // the county × type table of 102 tables from many provinces: "20" in the bold total row of
      // 水 broke into two lines in LibreOffice (DejaVu Serif Bold digits are 0.696 em)
      const headers = ["县（市、区）", "信访件（件）", "大气", "水", "噪声", "土壤", "固废", "生态", "辐射", "其他"];
      const rows = [
        ["甘南藏族自治州舟曲县", "2", "0", "0", "0", "0", "0", "2", "0", "0"],
        ["天津市滨海新区", "12", "10", "0", "2", "0", "0", "0", "0", "2"],
        ["（未识别）", "16", "10", "2", "4", "2", "2", "2", "0", "2"],
        ["合计", "102", "64", "20", "30", "4", "6", "6", "2", "10"],
      ];
      const { size, widths } = tableLayout({ headers, rows, totalRow: true }, TEXT_TWIPS);
      const boldDigit = 0.696 * size * 10;
      headers.forEach((_, i) => expect(widths[i]!, headers[i]).toBeGreaterThanOrEqual(rows[3]![i]!.length * boldDigit + 2 * 57));
    });

    it("puts one 资料来源 line under every numbered table", () => {
      const tables = model.blocks.filter((b) => b.kind === "table").length;
      expect(tables).toBeGreaterThanOrEqual(5);
      expect(doc.match(/<w:tbl>/g)).toHaveLength(tables);
      const sources = paragraphs.filter((p) => p.startsWith("资料来源："));
      expect(sources).toHaveLength(tables);
      // each directly after its table
      for (const m of doc.matchAll(/<\/w:tbl>(<w:p>.*?<\/w:p>|<w:p [^>]*>.*?<\/w:p>)/gs)) expect(text(m[1]!)).toMatch(/^资料来源：督察组交办信访件/);
    });
  });

  it("writes Markdown with the charts beside it", async () => {
    const dir = tempDir();
    const written = await writeReport(model, join(dir, "report.md"));
    const md = readFileSync(join(dir, "report.md"), "utf8");
    expect(readdirSync(join(dir, "report_files")).filter((f) => f.endsWith(".png"))).toHaveLength(written.figures);
    expect(md).toContain("](report_files/01-county-hotspots.png)");
    expect(md).toMatch(/\| \*\*合计\*\* \| \*\*12\*\* \|/);
  });

  it("escapes every text in HTML and Markdown (complaint text is untrusted)", () => {
    const hostile = '<script>alert(1)</script> & "K&T Bar" =HYPERLINK("x") | *a* [b](c)';
    const m: ReportModel = {
      ...model,
      blocks: [
        { kind: "paragraph", text: hostile },
        { kind: "table", table: { caption: hostile, headers: ["a<b"], rows: [[hostile]], source: hostile } },
        { kind: "list", items: [hostile] },
      ],
    };
    const html = toHtml(m, () => undefined);
    expect(html).not.toContain("<script");
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;K&amp;T Bar&quot;");
    expect(html).toContain("a&lt;b");
    expect(html).toContain("default-src 'none'");
    expect(html).toMatch(/@page \{ size: A4;/);
    expect(html).toContain('counter(page) " 页 共 " counter(pages)');
    const md = toMarkdown(m, () => undefined);
    expect(md).not.toContain("<script");
    expect(md).toContain("\\| \\*a\\* \\[b\\](c)");
    expect(esc(`'"<>&`)).toBe("&#39;&quot;&lt;&gt;&amp;");
    expect(mdEscape("1. 第一\n第二")).toBe("1\\. 第一 第二");
  });
});
