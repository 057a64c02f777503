/**
 * The 信访件检索 page on built sites (issue 14: a national year's page keeps ≤ 2 MB and ≤ 1.5 s):
 * for each site, in a fresh browser context each time, the bytes and time to the first page of
 * complaints, then, from that page, to the first page after a county filter, a search, and a
 * search within the county. Sites given together are loaded alternately in the same run, so a
 * before/after ratio shares the machine's load.
 *
 *   node --import tsx bench/search.bench.ts DIST [DIST2 …] [--loads=3] [--query=养猪场]
 *     (DIST: a folder `npm run build` wrote, e.g. DUCHA_OUT of a national build)
 */
import { loadavg } from "node:os";
import { type Page, chromium } from "playwright-core";
import { fmt } from "./util.js";

const args = process.argv.slice(2);
const DISTS = args.filter((a) => !a.startsWith("--"));
const LOADS = Math.max(1, Number(args.find((a) => a.startsWith("--loads="))?.slice(8) ?? 3));
const QUERY = args.find((a) => a.startsWith("--query="))?.slice(8) ?? "养猪场";
if (!DISTS.length) {
  console.error("usage: node --import tsx bench/search.bench.ts DIST [DIST2 …] [--loads=3] [--query=养猪场]");
  process.exit(2);
}

interface Step {
  bytes: number;
  texts: number;
  ms: number;
}
type Scenario = "first" | "county" | "query" | "countyQuery";
const SCENARIOS: [Scenario, string][] = [
  ["first", "第一页（未筛选）"],
  ["county", "按县筛选后的第一页"],
  ["query", `检索“${QUERY}”`],
  ["countyQuery", `县内检索“${QUERY}”`],
];

/** Bytes (all, and text files only) of the requests finished while `action` runs, and its time. */
async function step(page: Page, action: () => Promise<void>): Promise<Step> {
  let bytes = 0;
  let texts = 0;
  const on = async (r: import("playwright-core").Request) => {
    const s = await r.sizes().catch(() => undefined);
    if (!s) return;
    bytes += s.responseBodySize + s.responseHeadersSize;
    if (/\/data\/texts/.test(r.url())) texts += s.responseBodySize + s.responseHeadersSize;
  };
  page.on("requestfinished", on);
  const t0 = performance.now();
  await action();
  const ms = performance.now() - t0;
  await page.waitForLoadState("networkidle");
  await page.waitForTimeout(300);
  page.off("requestfinished", on);
  return { bytes, texts, ms };
}

/** Wait for a results table rendered after the current one, with its texts. */
async function nextResults(page: Page, change: () => Promise<void>): Promise<void> {
  await page.evaluate(() => document.querySelectorAll(".ducha-results").forEach((e) => e.setAttribute("data-old", "")));
  await change();
  await page.waitForSelector(".ducha-results.is-ready:not([data-old]) td.text", { timeout: 600_000 });
}

/** A scenario in a fresh page; the county filtered is the first complaint's on the first page (recent cases on every site). */
async function run(page: Page, base: string, scenario: Scenario): Promise<Step> {
  const first = await step(page, async () => {
    await page.goto(`${base}/search`);
    await page.waitForSelector(".ducha-results.is-ready td.text", { timeout: 600_000 });
  });
  if (scenario === "first") return first;
  const county = page.locator('select[name="county"]');
  const name = (await page.locator(".ducha-results tbody tr td:nth-child(2)").first().textContent())!.trim();
  const value = await county.evaluate((s: HTMLSelectElement, n: string) => [...s.options].find((o) => o.text.startsWith(n))!.value, name);
  const search = page.getByRole("textbox", { name: "搜索" });
  if (scenario === "county") return step(page, () => nextResults(page, () => county.selectOption(value).then(() => {})));
  if (scenario === "query") return step(page, () => nextResults(page, () => search.fill(QUERY).then(() => search.press("Enter"))));
  await nextResults(page, () => county.selectOption(value).then(() => {}));
  await page.waitForLoadState("networkidle");
  return step(page, () => nextResults(page, () => search.fill(QUERY).then(() => search.press("Enter"))));
}

async function main(): Promise<void> {
  const { dashboardServer, listen } = await import("../scripts/serve.js");
  const servers = DISTS.map((d) => dashboardServer(d));
  const bases = await Promise.all(servers.map(async (s) => `http://127.0.0.1:${await listen(s, 0)}`));
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update"],
  });
  const results = new Map<string, Step[]>();
  try {
    for (let round = 0; round < LOADS; round++) {
      for (const [scenario] of SCENARIOS) {
        for (const [i, base] of bases.entries()) {
          const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
          const page = await context.newPage();
          page.on("pageerror", (e) => console.error(`${DISTS[i]} ${scenario}: ${e.message}`));
          const key = `${i}:${scenario}`;
          results.set(key, [...(results.get(key) ?? []), await run(page, base, scenario)]);
          await context.close();
        }
      }
    }
  } finally {
    await browser.close();
    for (const s of servers) s.close();
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  console.log(
    `信访件检索（${LOADS} 次中位数；负载 ${loadavg()
      .map((l) => l.toFixed(1))
      .join(" ")}）`,
  );
  for (const [scenario, label] of SCENARIOS) {
    console.log(`\n${label}`);
    for (const [i, dist] of DISTS.entries()) {
      const rs = results.get(`${i}:${scenario}`)!;
      const mb = (b: number) => `${(b / 1e6).toFixed(2)} MB`;
      console.log(
        `  ${dist}: ${mb(median(rs.map((r) => r.bytes)))}（其中信访内容 ${mb(median(rs.map((r) => r.texts)))}），${fmt(median(rs.map((r) => r.ms)))} ms（${rs.map((r) => fmt(r.ms)).join(" / ")}）`,
      );
    }
  }
}

await main();
