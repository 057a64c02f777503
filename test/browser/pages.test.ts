/**
 * What a leader sees on 整改进度, 热点, 信访件检索 and in the menu, in a real browser (Debian's
 * chromium through playwright-core, as test/browser/dashboard.test.ts): the overdue list's columns
 * and order, the whole repeat table, the 执法问责 table, the query marked in search results (and a
 * query with <script> running nothing), 分析笔记 out of the leaders' menu. Builds the site on the
 * same fixture (test/fixtures/dashboard/); the expected rows are read from the built data files,
 * not copied from the page.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import type { Server } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { type Browser, type Page, chromium } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dashboardServer, listen } from "../../scripts/serve.js";
import type { CasesFile, RepeatsFile } from "../../src/dashboard/model.js";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const TABLES = join(ROOT, "test/fixtures/dashboard/tables");
const ARTIFACTS = join(ROOT, "test/.artifacts");
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

let out: string;
let base: string;
let server: Server;
let browser: Browser;

/** A built data file (its name carries a content hash: data/cases.<hash>.json). */
function dataFile<T>(name: string): T {
  const dir = join(out, "_file/data");
  const file = readdirSync(dir).find((f) => f.startsWith(`${name}.`) && f.endsWith(".json"));
  if (!file) throw new Error(`no data/${name}.json in ${dir}`);
  return JSON.parse(readFileSync(join(dir, file), "utf8")) as T;
}

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) throw new Error(`需要 Debian 的 chromium（${CHROMIUM}）：apt-get install chromium fonts-noto-cjk`);
  out = mkdtempSync(join(tmpdir(), "ducha-pages-"));
  const build = spawnSync(process.execPath, ["--import", "tsx", "scripts/dashboard-build.ts"], {
    cwd: ROOT,
    encoding: "utf8",
    env: { ...process.env, DUCHA_DATA: TABLES, DUCHA_OUT: out, DUCHA_CACHE: `${out}-cache` },
    timeout: 280_000,
    maxBuffer: 64 * 1024 * 1024,
  });
  if (build.status !== 0) throw new Error(`dashboard build failed (exit ${build.status}):\n${build.stdout.slice(-3000)}\n${build.stderr.slice(-3000)}`);
  server = dashboardServer(out);
  base = `http://127.0.0.1:${await listen(server, 0)}`;
  browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS });
}, 300_000);

afterAll(async () => {
  await browser?.close();
  server?.close();
  if (out) {
    rmSync(out, { recursive: true, force: true });
    rmSync(`${out}-cache`, { recursive: true, force: true });
  }
});

/** Open a page with no filter, fail on console errors or dialogs; screenshot on failure. */
async function visit(name: string, path: string, fn: (page: Page) => Promise<void>): Promise<void> {
  const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  const errors: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(m.text());
  });
  page.on("pageerror", (e) => errors.push(e.message));
  page.on("dialog", (d) => {
    errors.push(`dialog opened: ${d.message()}`);
    void d.dismiss();
  });
  try {
    await page.goto(base + path, { waitUntil: "networkidle" });
    await page.evaluate(() => sessionStorage.clear());
    await page.reload({ waitUntil: "networkidle" });
    await fn(page);
    expect(errors, "console errors").toEqual([]);
  } catch (e) {
    mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: join(ARTIFACTS, `pages-${name}.png`), fullPage: true }).catch(() => {});
    throw e;
  } finally {
    await page.close();
  }
}

/** The header and body cells of a table card. */
async function tableOf(page: Page, name: string): Promise<{ headers: string[]; rows: string[][] }> {
  const card = page.locator(`.ducha-table[data-table="${name}"]`);
  await card.waitFor();
  const headers = await card.locator("thead th").allTextContents();
  const rows = await card.locator("tbody tr").evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll("td")].map((td) => td.textContent ?? "")));
  return { headers, rows };
}

describe("整改进度", () => {
  it("lists the overdue cases with 投诉对象, a redacted summary and the 重点件 flag, most overdue first", async () => {
    const cases = dataFile<CasesFile>("cases");
    expect(cases.overdue.length, "the fixture must have overdue cases").toBeGreaterThan(1);
    await visit("progress", "/progress", async (page) => {
      const { headers, rows } = await tableOf(page, "逾期未办结信访件");
      for (const h of ["逾期天数", "受理编号", "投诉对象", "内容摘要", "重点件", "交办日期", "办结目标"]) expect(headers).toContain(h);
      expect(rows.length).toBe(Math.min(cases.overdue.length, 20));
      const days = rows.map((r) => Number(r[headers.indexOf("逾期天数")]!.replace(/\D/g, "")));
      expect(days).toEqual([...days].sort((a, b) => b - a));
      // the summary is the redacted text: no planted phone number, and not empty
      const summaries = rows.map((r) => r[headers.indexOf("内容摘要")]!);
      expect(summaries.every((s) => s.length > 0)).toBe(true);
      expect(summaries.join("\n")).not.toMatch(/1[3-9]\d{9}/);
      // the 重点件 column agrees with 案卷类别
      const keyIds = new Set(cases.overdue.filter((o) => cases.extras.category[o.row] === 1).map((o) => o.id));
      for (const r of rows) expect(r[headers.indexOf("重点件")] === "重点件").toBe(keyIds.has(r[headers.indexOf("受理编号")]!));
      // one date style: 2023年7月16日, never 2023-07-16
      expect(rows.flat().join(" ")).not.toMatch(/\d{4}-\d{2}-\d{2}/);
      // headers stay on one line: none is taller than two lines of text
      const heights = await page
        .locator('.ducha-table[data-table="逾期未办结信访件"] thead th')
        .evaluateAll((ths) => ths.map((th) => th.getBoundingClientRect().height));
      expect(Math.max(...heights)).toBeLessThan(48);
    });
  }, 60_000);
});

describe("热点", () => {
  it("shows every repeat group and the 执法问责 table", async () => {
    const repeats = dataFile<RepeatsFile>("repeats");
    expect(repeats.groups.length, "the fixture must have repeat groups").toBeGreaterThan(0);
    await visit("hotspots", "/hotspots", async (page) => {
      const { rows } = await tableOf(page, "重复举报");
      expect(rows.length).toBe(repeats.groups.length);
      // not cut by an inner scroll box: the last row is as tall as it is drawn
      const clipped = await page.locator('.ducha-table[data-table="重复举报"] .ducha-table-scroll').evaluate((d) => d.scrollHeight > d.clientHeight + 1);
      expect(clipped).toBe(false);
      const enforcement = await tableOf(page, "执法问责");
      expect(enforcement.headers).toContain("立案");
      expect(enforcement.headers).toContain("问责人数");
      expect(enforcement.rows.at(-1)?.[0]).toBe("合计");
      const cases = dataFile<CasesFile>("cases");
      expect(Number(enforcement.rows.at(-1)![1]!.replace(/\D/g, ""))).toBe(cases.columns.county.length);
    });
  }, 60_000);
});

describe("信访件检索", () => {
  it("marks the query in the results", async () => {
    await visit("search-mark", "/search", async (page) => {
      await page.getByRole("textbox", { name: "搜索" }).fill("臭");
      await page.waitForSelector(".ducha-results.is-ready mark.ev-query");
      const marks = await page.locator(".ducha-results td.text mark.ev-query").allTextContents();
      expect(marks.length).toBeGreaterThan(0);
      expect(new Set(marks)).toEqual(new Set(["臭"]));
    });
  }, 60_000);

  it("a query containing <script> is marked as text and runs nothing", async () => {
    await visit("search-xss", "/search", async (page) => {
      await page.getByRole("textbox", { name: "搜索" }).fill("<script>window.__xss=1</script>");
      await page
        .getByTestId("results-page")
        .filter({ hasText: /共 \d+ 条|没有/ })
        .waitFor();
      await page.waitForSelector(".ducha-results.is-ready mark.ev-query");
      const marks = await page.locator(".ducha-results td.text mark.ev-query").allTextContents();
      expect(marks).toContain("<script>window.__xss=1</script>");
      expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
      expect(await page.locator(".ducha-results td.text script").count()).toBe(0);
    });
  }, 60_000);
});

describe("navigation", () => {
  it("keeps 分析笔记 out of the leaders' menu, in a closed 分析人员 section", async () => {
    await visit("menu", "/", async (page) => {
      const top = await page.locator("#observablehq-sidebar > ol > li.observablehq-link a").allTextContents();
      expect(top).toContain("整改进度");
      expect(top.some((t) => t.includes("分析笔记"))).toBe(false);
      const section = page.locator("#observablehq-sidebar details", { hasText: "分析人员" });
      expect(await section.count()).toBe(1);
      expect(await section.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(false);
      expect(await section.locator("a", { hasText: "分析笔记" }).count()).toBe(1);
    });
  }, 60_000);
});
