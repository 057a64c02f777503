/**
 * Personal data never leaves, end to end (issue 11). fast-check draws the secrets; they are
 * planted in every form the issue lists, in every column, in the file and sheet names, in a
 * rejected row and a broken CSV line, in three tables (CSV, XLSX, JSON). Then every command runs
 * on them and every output is read back the way a person would see it: stdout and stderr, --json,
 * CSV, XLSX, JSON, rejects, QA lists, stats, chart specs and SVG, the report as Markdown, HTML
 * (its SVG charts decoded) and DOCX, the dashboard's built site and the CSV/XLSX downloads its
 * pages offer. No secret may be found in any of it, no spreadsheet cell may be a live formula,
 * and ordinary numbers and place names must come through. The heavy parts (the site, the
 * annex) are built once for the whole file.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import ExcelJS from "exceljs";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { printSummary, rejectsTable, summaryJson, warningsTable } from "../../src/cli/ingest.js";
import { gatedIo } from "../../src/cli/output.js";
import { complaintsTable } from "../../src/export/complaints.js";
import { toCsv } from "../../src/export/csv.js";
import { gateTable } from "../../src/export/table.js";
import { ingestBuffers } from "../../src/ingest/index.js";
import { gatedJson, redactComplaint } from "../../src/text/redact.js";
import { resultsTable } from "../../src/dashboard/results.js";
import { DashboardData } from "../../src/dashboard/select.js";
import type { CasesFile, TextChunk, TextRecord } from "../../src/dashboard/model.js";
import { xlsxBytes } from "../../src/dashboard/xlsx.js";
import type { ReportModel } from "../../src/report/model.js";
import { ducha, tempDir } from "../cli/helpers.js";
import {
  FORMULAS,
  HEADERS,
  KEEP,
  type Secrets,
  csvCells,
  forms,
  htmlText,
  isLiveFormula,
  leaks,
  officeText,
  plantedNames,
  plantedTable,
  secretsArb,
  svgText,
  toPlantedCsv,
  xlsxCells,
} from "./plant.js";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));

interface Output {
  label: string;
  text: string;
}
interface Sheet {
  label: string;
  cells: string[];
  formulas: number;
}

let secrets: Secrets;
const outputs: Output[] = [];
const sheets: Sheet[] = [];
const failures: string[] = [];
let ingestCsv = "";
let dashboardTexts = "";
let dashboardIds: string[] = [];
let inputText = "";
/** The build into a DUCHA_OUT holding a previous build, and a build on a folder holding a FIFO. */
const rebuilds: { label: string; code: number | null; stderr: string; seconds: number }[] = [];

function run(label: string, ...args: string[]): void {
  const r = ducha(...args);
  if (r.code !== 0) failures.push(`${label}: exit ${r.code}: ${r.stderr.slice(0, 300)}`);
  outputs.push({ label: `${label} (stdout+stderr)`, text: r.stdout + r.stderr });
}

function readOutput(label: string, path: string): void {
  const bytes = readFileSync(path);
  if (/\.(xlsx|docx)$/.test(path)) {
    outputs.push({ label, text: officeText(bytes) });
    if (path.endsWith(".xlsx")) sheets.push({ label, ...xlsxCells(bytes) });
  } else if (path.endsWith(".svg")) outputs.push({ label, text: svgText(bytes.toString("utf8")) });
  else if (/\.html?$/.test(path)) outputs.push({ label, text: htmlText(bytes.toString("utf8")) });
  else if (!path.endsWith(".png")) {
    const text = bytes.toString("utf8");
    outputs.push({ label, text });
    if (path.endsWith(".csv")) sheets.push({ label, cells: csvCells(text), formulas: 0 });
  }
}

const walk = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)]));

async function writeXlsx(path: string, sheet: string, headers: string[], rows: string[][]): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(sheet);
  ws.addRow(["郴州市生态环境保护督察交办件办理情况公开表（第2批）"]);
  ws.addRow(headers);
  for (const r of rows) ws.addRow(r);
  await wb.xlsx.writeFile(path);
}

async function runEverything(): Promise<void> {
  [secrets] = fc.sample(secretsArb, { numRuns: 1, seed: 20230626 }) as [Secrets];
  const s = secrets;
  const dir = tempDir();
  const data = join(dir, "data");
  const out = join(dir, "out");
  mkdirSync(data);
  mkdirSync(out);

  // three tables, personal data in their names too
  const csvPath = join(data, `第1批_举报人${s.names[8]}${s.mobiles[8]}.csv`);
  const xlsxPath = join(data, `第2批_我是${s.names[9]}_${s.bare[3]}反映.xlsx`);
  const jsonPath = join(data, `第3批_电话${s.mobiles[9]}.json`);
  const a = plantedTable(s, 1, 1);
  writeFileSync(csvPath, toPlantedCsv(a, `联系人${s.names[10]}${s.mobiles[10]}`));
  const b = plantedTable(s, 2, 101);
  await writeXlsx(xlsxPath, `联系人${s.names[11]}${s.mobiles[11]}、${s.bare[4]}说`, b.headers, b.rows);
  const c = plantedTable(s, 3, 201);
  writeFileSync(jsonPath, JSON.stringify(c.rows.map((r) => Object.fromEntries(HEADERS.map((h, i) => [h, r[i] ?? ""])))));
  const inputs = [csvPath, xlsxPath, jsonPath];
  inputText = [readFileSync(csvPath, "utf8"), officeText(readFileSync(xlsxPath)), readFileSync(jsonPath, "utf8"), ...inputs].join("\n");
  const o = (name: string) => join(out, name);

  // every command, every output
  run("ingest", "ingest", ...inputs, "--out", o("ingest.xlsx"), "--rejects", o("rejects.csv"));
  run("ingest --json", "ingest", ...inputs, "--json", "--out", o("ingest.csv"), "--rejects", o("rejects.xlsx"));
  run("ingest → json", "ingest", ...inputs, "--out", o("ingest.json"));
  run("classify", "classify", ...inputs, "--out", o("classify.xlsx"), "--qa", o("qa.csv"));
  run("classify --json", "classify", csvPath, jsonPath, "--out", o("classify.json"), "--json");
  run("classify → csv", "classify", xlsxPath, "--out", o("classify.csv"), "--qa", o("qa.xlsx"));
  run("stats → csv", "stats", ...inputs, "--out", o("stats.csv"));
  run("stats --json", "stats", ...inputs, "--json");
  run("stats → xlsx", "stats", ...inputs, "--by", "county,status", "--out", o("stats.xlsx"));
  run("chart all", "chart", "all", "--in", ...inputs, "--format", "vl.json", "--out", o("charts"));
  run("chart repeats svg", "chart", "repeats", "--in", ...inputs, "--out", o("repeats.svg"));
  // the text is what is checked: the annex's PNG charts at scale 1
  run("report md", "report", "--in", ...inputs, "--out", o("report/附件.md"), "--scale", "1");
  run("report html", "report", "--in", ...inputs, "--out", o("report.html"));
  run("report docx", "report", "--in", ...inputs, "--out", o("report.docx"), "--scale", "1");
  ingestCsv = readFileSync(o("ingest.csv"), "utf8");
  for (const f of walk(out)) readOutput(relative(out, f), f);

  // the dashboard, built once on the folder of tables
  const dist = join(dir, "dist");
  const buildSite = (tables: string) => {
    const t0 = performance.now();
    const r = spawnSync(process.execPath, ["--import", "tsx", "scripts/dashboard-build.ts"], {
      cwd: ROOT,
      encoding: "utf8",
      env: { ...process.env, DUCHA_DATA: tables, DUCHA_OUT: dist, DUCHA_CACHE: join(dir, "cache") },
      timeout: 400_000,
      maxBuffer: 64 << 20,
    });
    return { ...r, seconds: (performance.now() - t0) / 1000 };
  };
  // DUCHA_OUT holds a previous build (Framework refused to write over one: "file conflict")
  mkdirSync(join(dist, "_observablehq"), { recursive: true });
  mkdirSync(join(dist, "_import"));
  writeFileSync(join(dist, "index.html"), "<!doctype html><title>上一次生成的看板</title>");
  writeFileSync(join(dist, "_import", "style.css"), "body{}");
  writeFileSync(join(dist, "上一次.txt"), "stale");
  const build = buildSite(data);
  rebuilds.push({ label: "rebuild", code: build.status, stderr: build.stderr, seconds: build.seconds });
  const stale = readdirSync(dist).includes("上一次.txt");
  if (stale) failures.push("dashboard: the previous build's files are still in DUCHA_OUT");
  if (build.status !== 0) failures.push(`dashboard build: exit ${build.status}: ${build.stderr.slice(-500)}`);
  outputs.push({ label: "dashboard build (stdout+stderr)", text: build.stdout + build.stderr });
  const texts = new Map<number, TextRecord>();
  let cases: CasesFile | undefined;
  let casesBin: Buffer | undefined;
  let report: ReportModel | undefined;
  for (const f of walk(dist)) {
    const rel = `dist/${relative(dist, f)}`;
    if (/\.(json|html|css|txt|csv)$/.test(f)) readOutput(rel, f);
    else if (f.endsWith(".js")) {
      // code: only the names and e-mail are looked for (minified libraries are full of digits)
      outputs.push({ label: rel, text: readFileSync(f, "utf8").replace(/\d/g, "") });
    }
    if (/\/texts\/\d+\.[0-9a-f]+\.json$/.test(f)) for (const r of (JSON.parse(readFileSync(f, "utf8")) as TextChunk).records) texts.set(r.row, r);
    if (/\/cases\.[0-9a-f]+\.json$/.test(f)) cases = JSON.parse(readFileSync(f, "utf8")) as CasesFile;
    if (/\/cases\.[0-9a-f]+\.bin$/.test(f)) casesBin = readFileSync(f);
    if (/\/report\.[0-9a-f]+\.json$/.test(f)) report = JSON.parse(readFileSync(f, "utf8")) as ReportModel;
  }
  // a folder of tables holding a FIFO
  const withFifo = join(dir, "data-fifo");
  mkdirSync(withFifo);
  writeFileSync(join(withFifo, "表.csv"), "交办问题基本情况\n某厂粉尘\n");
  execFileSync("mkfifo", [join(withFifo, "管道.csv")]);
  const fifo = buildSite(withFifo);
  rebuilds.push({ label: "fifo", code: fifo.status, stderr: fifo.stderr, seconds: fifo.seconds });
  dashboardTexts = [...texts.values()].map((t) => t.text).join("\n");
  dashboardIds = [...texts.values()].map((t) => t.id);
  // the downloads the pages offer: the 信访件检索 table of every case, and each report table
  if (cases && casesBin) {
    const dash = new DashboardData(cases, casesBin);
    const table = resultsTable(dash, [...texts.keys()], texts, "信访件检索");
    const csv = toCsv(table);
    outputs.push({ label: "dashboard download 信访件检索.csv", text: csv });
    sheets.push({ label: "dashboard download 信访件检索.csv", cells: csvCells(csv), formulas: 0 });
    const xlsx = Buffer.from(xlsxBytes([table]));
    outputs.push({ label: "dashboard download 信访件检索.xlsx", text: officeText(xlsx) });
    sheets.push({ label: "dashboard download 信访件检索.xlsx", ...xlsxCells(xlsx) });
  } else failures.push("dashboard: no cases.json in dist");
  for (const b of report?.blocks ?? []) {
    if (b.kind !== "table") continue;
    const download = { name: b.table.caption, title: b.table.caption, headers: b.table.headers, rows: b.table.rows };
    const csv = toCsv(download);
    outputs.push({ label: `dashboard download ${b.table.caption}.csv`, text: csv });
    sheets.push({ label: `dashboard download ${b.table.caption}.csv`, cells: csvCells(csv), formulas: 0 });
    const xlsx = Buffer.from(xlsxBytes([download]));
    sheets.push({ label: `dashboard download ${b.table.caption}.xlsx`, ...xlsxCells(xlsx) });
  }
}

describe("every command and every export, run once on planted tables", () => {
  beforeAll(runEverything, 900_000);

  describe("planted personal data reaches no output", () => {
    it("every command and the dashboard build succeeded", () => {
      expect(failures).toEqual([]);
    });

    it("covers every form of the issue, every output kind and the dashboard", () => {
      expect(forms(secrets).length).toBeGreaterThanOrEqual(17);
      const labels = outputs.map((o) => o.label).join("\n");
      for (const kind of [
        "ingest.xlsx",
        "ingest.csv",
        "ingest.json",
        "rejects.csv",
        "rejects.xlsx",
        "classify.xlsx",
        "classify.json",
        "classify.csv",
        "qa.csv",
        "qa.xlsx",
        "stats.xlsx",
        "stats.csv",
        "charts/repeats.vl.json",
        "repeats.svg",
        "report/附件.md",
        "report.html",
        "report.docx",
        "dist/_file/data/cases.",
        "dist/_file/data/texts/",
        "dist/_file/data/repeats.",
        "dist/_file/data/report.",
        "dist/_file/data/analysis.",
        "dist/index.html",
        "dashboard download 信访件检索.xlsx",
        "ingest --json (stdout",
      ]) {
        expect(labels, kind).toContain(kind);
      }
      expect(outputs.length).toBeGreaterThan(60);
    });

    it("the search finds every secret in the inputs themselves", () => {
      expect(leaks(inputText, secrets).sort()).toEqual(
        [...plantedNames(secrets), secrets.email, ...secrets.mobiles, ...secrets.ids.map((x) => x.replace(/X$/, "")), secrets.landline.replace("-", "")].sort(),
      );
    });

    it("finds no name, number or e-mail in any of them", () => {
      const found = outputs.map((o) => `${o.label}: ${leaks(o.text, secrets).join("、")}`).filter((l) => !l.endsWith(": "));
      expect(found).toEqual([]);
    });

    it("keeps ordinary numbers, codes, dates and place names", () => {
      for (const k of KEEP) expect(ingestCsv, k).toContain(k);
      // the dashboard shows the complaint text: the place, the area and the noise level in it
      for (const k of ["刘家村村民反映", "占地100余亩", "噪声70分贝"]) expect(dashboardTexts, k).toContain(k);
      expect(ingestCsv).toContain("D2CZ202306260001");
    });

    it("gives rows without 受理编号 ids without a directory", () => {
      const json = outputs.find((o) => o.label === "ingest.json")!.text;
      const keys = [...json.matchAll(/"key": "([^"]+)"/g)].map((m) => m[1]!);
      const fileKeys = [...keys, ...dashboardIds].filter((k) => k.includes("#"));
      expect(fileKeys.length).toBeGreaterThanOrEqual(8);
      for (const k of fileKeys) expect(k).toMatch(/^第\d批_[^/\\]*#/);
    });
  });

  describe("the dashboard build", () => {
    it("rebuilds into a DUCHA_OUT holding a previous build, replacing it, without a stack trace", () => {
      const r = rebuilds.find((x) => x.label === "rebuild")!;
      expect(r.stderr).not.toMatch(/file conflict|\n\s+at /);
      expect(r.code).toBe(0);
    });

    it("fails at once, in one line, on a DUCHA_DATA folder holding a FIFO", () => {
      const r = rebuilds.find((x) => x.label === "fifo")!;
      expect(r.code).toBe(2);
      expect(r.stderr.trim().split("\n")).toHaveLength(1);
      expect(r.stderr).toContain("FIFO");
      expect(r.seconds).toBeLessThan(20);
    });
  });

  describe("no output cell is a live formula", () => {
    it("in any CSV or XLSX, the dashboard's downloads included", () => {
      expect(sheets.length).toBeGreaterThan(12);
      const live = sheets.flatMap((s) => [
        ...(s.formulas ? [`${s.label}: ${s.formulas} formulas`] : []),
        ...s.cells.filter(isLiveFormula).map((c) => `${s.label}: ${JSON.stringify(c)}`),
      ]);
      expect(live).toEqual([]);
      // the planted disguises did reach the spreadsheets, neutralised
      const all = sheets.flatMap((s) => s.cells).join("\n");
      for (const f of FORMULAS) expect(all, JSON.stringify(f)).toContain(`'${f}`);
    });
  });
});

describe("in the library, for any planted secrets (property)", () => {
  it("ingest's records, rejects, warnings, summary and printed lines hold none of them", async () => {
    await fc.assert(
      fc.asyncProperty(secretsArb, fc.integer({ min: 1, max: 30 }), async (s, batch) => {
        const t = plantedTable(s, batch, batch * 100);
        const name = `/tmp/第${batch}批_举报人${s.names[8]}${s.mobiles[8]}/联系人${s.names[9]}${s.mobiles[9]}.csv`;
        const r = await ingestBuffers([{ name, bytes: Buffer.from(toPlantedCsv(t, `我是${s.names[10]}，电话${s.mobiles[10]}`)) }]);
        expect(r.rejected).toBe(2);
        const printed: string[] = [];
        printSummary(r, gatedIo({ out: (x) => printed.push(x), err: (x) => printed.push(x), tty: false }), false);
        const texts = [
          toCsv(gateTable(complaintsTable(r.records.map(redactComplaint)))),
          toCsv(gateTable(rejectsTable(r, false))),
          toCsv(gateTable(warningsTable(r))),
          gatedJson(summaryJson(r, false)),
          gatedJson(r.records.map(redactComplaint)),
          printed.join("\n"),
        ];
        expect(texts.map((x) => leaks(x, s))).toEqual(texts.map(() => []));
      }),
      { numRuns: 40, seed: 11 },
    );
  });
});
