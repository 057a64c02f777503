/**
 * 信访件检索 with a national year's texts (each row chunk as small pieces in county order,
 * texts-head.json for the first pages), forced on the bundled sample with DUCHA_AGGREGATE=1 and pieces of 5 cases, in Debian's
 * chromium: the first page shows every text from texts-head.json alone, a county filter fetches only
 * that county's few pieces, and a search finds the same complaints, in the same order, as a scan
 * of every shipped text. No console error, no request leaving localhost, phone width too.
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
import { type CasesFile, type TextChunk, type TextIndex, type TextRecord, TextPieces, pieceFile } from "../../src/dashboard/model.js";
import { newestFirst } from "../../src/dashboard/results.js";
import { DashboardData, NO_FILTERS } from "../../src/dashboard/select.js";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const ARTIFACTS = join(ROOT, "test/.artifacts");
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const PIECE = 5;

let out: string;
let base: string;
let server: Server;
let browser: Browser;
let data: DashboardData;
let pieces: TextPieces;
const texts = new Map<number, TextRecord>();

/** The JSON files of the site under _file/data/texts/, by name without the hash. */
function shipped(dir: string): Map<string, TextChunk> {
  const out = new Map<string, TextChunk>();
  const walk = (d: string, rel: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      if (e.isDirectory()) walk(join(d, e.name), `${rel}${e.name}/`);
      else out.set(`${rel}${e.name.replace(/\.[0-9a-f]{8}\.json$/, ".json")}`, JSON.parse(readFileSync(join(d, e.name), "utf8")) as TextChunk);
    }
  };
  walk(join(dir, "_file/data/texts"), "");
  return out;
}

const dataFile = <T>(name: string): T => {
  const f = readdirSync(join(out, "_file/data")).find((n) => n.startsWith(`${name}.`) && n.endsWith(".json"))!;
  return JSON.parse(readFileSync(join(out, "_file/data", f), "utf8")) as T;
};

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) throw new Error(`需要 Debian 的 chromium（${CHROMIUM}）：apt-get install chromium fonts-noto-cjk`);
  out = mkdtempSync(join(tmpdir(), "ducha-pieces-"));
  const build = spawnSync(process.execPath, ["--import", "tsx", "scripts/dashboard-build.ts"], {
    cwd: ROOT,
    encoding: "utf8",
    env: { ...process.env, DUCHA_DATA: "", DUCHA_AGGREGATE: "1", DUCHA_TEXT_PIECE: String(PIECE), DUCHA_OUT: out, DUCHA_CACHE: `${out}-cache` },
    timeout: 280_000,
    maxBuffer: 64 * 1024 * 1024,
  });
  if (build.status !== 0) throw new Error(`dashboard build failed (exit ${build.status}):\n${build.stdout.slice(-3000)}\n${build.stderr.slice(-3000)}`);
  const bin = readdirSync(join(out, "_file/data")).find((n) => n.startsWith("cases.") && n.endsWith(".bin"))!;
  data = new DashboardData(dataFile<CasesFile>("cases"), new Uint8Array(readFileSync(join(out, "_file/data", bin))));
  const index = dataFile<TextIndex>("texts-index");
  pieces = new TextPieces(data.cols.county, index.perGroup!);
  for (const [name, c] of shipped(out)) if (name.startsWith("p/")) for (const t of c.records) texts.set(t.row, t);
  server = dashboardServer(out);
  base = `http://127.0.0.1:${await listen(server, 0)}`;
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run"] });
}, 300_000);

afterAll(async () => {
  await browser?.close();
  server?.close();
  if (out) {
    rmSync(out, { recursive: true, force: true });
    rmSync(`${out}-cache`, { recursive: true, force: true });
  }
});

/** Open /search; `fn` gets the page and the text files fetched so far (names without hash). */
async function visit(name: string, width: number, fn: (page: Page, fetched: string[]) => Promise<void>): Promise<void> {
  const page = await browser.newPage({ viewport: { width, height: 900 } });
  const errors: string[] = [];
  const fetched: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(m.text());
  });
  page.on("pageerror", (e) => errors.push(e.message));
  page.on("request", (r) => {
    const url = r.url();
    if (!url.startsWith(base) && !/^(data|blob):/.test(url)) errors.push(`request leaving localhost: ${url}`);
    const m = /\/_file\/data\/(texts\/.*|texts-head)\.[0-9a-f]{8}\.json$/.exec(url);
    if (m) fetched.push(`${m[1]!.replace(/^texts\//, "")}.json`);
  });
  try {
    await page.goto(`${base}/search`, { waitUntil: "networkidle" });
    await page.waitForSelector(".ducha-results.is-ready td.text");
    await fn(page, fetched);
    expect(errors, "console errors").toEqual([]);
  } catch (e) {
    mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: join(ARTIFACTS, `search-pieces-${name}.png`), fullPage: true }).catch(() => {});
    throw e;
  } finally {
    await page.close();
  }
}

const shownIds = (page: Page) => page.locator(".ducha-results.is-ready tbody tr td.id").evaluateAll((tds) => tds.map((td) => td.firstChild?.textContent ?? ""));

/** Wait for a results table rendered after the current one. */
async function nextResults(page: Page, change: () => Promise<void>): Promise<void> {
  await page.evaluate(() => document.querySelectorAll(".ducha-results").forEach((e) => e.setAttribute("data-old", "")));
  await change();
  await page.waitForSelector(".ducha-results.is-ready:not([data-old]) td.text");
  await page.evaluate(() => document.querySelectorAll(".ducha-results[data-old]").forEach((e) => e.remove()));
}

describe("信访件检索 with texts in pieces", () => {
  it("shows the first page from texts-head.json alone: the newest cases, every text", async () => {
    await visit("first", 1400, async (page, fetched) => {
      const all = newestFirst(data, data.select(NO_FILTERS).rows);
      expect(await shownIds(page)).toEqual(all.slice(0, 20).map((r) => texts.get(r)!.id));
      expect(await page.locator(".ducha-results td.text", { hasText: "正在加载" }).count()).toBe(0);
      expect(fetched).toEqual(["texts-head.json"]);
    });
  }, 120_000);

  it("after a county filter fetches only that county's pieces and shows its newest cases", async () => {
    await visit("county", 1400, async (page, fetched) => {
      const county = data.cols.countyKeys.indexOf("431003");
      expect(county).toBeGreaterThanOrEqual(0);
      const rows = newestFirst(data, data.select({ ...NO_FILTERS, county: "431003" }).rows);
      await nextResults(page, () =>
        page
          .locator('select[name="county"]')
          .selectOption("431003")
          .then(() => {}),
      );
      expect(await shownIds(page)).toEqual(rows.slice(0, 20).map((r) => texts.get(r)!.id));
      const opened = fetched.filter((f) => f.startsWith("p/"));
      const needed = rows.slice(0, 20).filter((r) => !headRows().has(r));
      expect(new Set(opened)).toEqual(new Set(needed.map((r) => pieceFile(...pieces.pieceOf(r)))));
      // a county's cases of one row chunk are consecutive pieces
      const chunks = new Set(needed.map((r) => pieces.groupOf(r)));
      expect(opened.length).toBeLessThanOrEqual(chunks.size * (Math.ceil(20 / pieces.size) + 1));
    });
  }, 120_000);

  it("a search finds what a scan of every text finds, in the same order, with the query marked (phone width)", async () => {
    await visit("query", 390, async (page) => {
      const query = "臭 夜间";
      const words = query.split(" ");
      const expected = newestFirst(data, data.select(NO_FILTERS).rows).filter((r) => {
        const t = texts.get(r)!;
        return words.every((w) => t.text.includes(w) || t.id.includes(w) || (t.target ?? "").includes(w));
      });
      expect(expected.length).toBeGreaterThan(0);
      await nextResults(page, () => page.getByRole("textbox", { name: "搜索" }).fill(query));
      expect(await shownIds(page)).toEqual(expected.slice(0, 20).map((r) => texts.get(r)!.id));
      expect(await page.getByTestId("results-page").textContent()).toContain(`共 ${expected.length.toLocaleString("en-US")} 条`);
      const marks = await page.locator(".ducha-results td.text mark.ev-query").allTextContents();
      expect(new Set(marks)).toEqual(new Set(words));
    });
  }, 120_000);
});

/** The rows of texts-head.json (the unfiltered first pages). */
function headRows(): Set<number> {
  return new Set(dataFile<TextChunk>("texts-head").records.map((t) => t.row));
}
