/**
 * A figure the table cannot give reads 无数据, never 0: on a real table that has no 交办时间, 批次 or
 * 办结目标 (test/fixtures/real/, published rows of 14 provinces), 总览 showed 交办 “0 天” and a red
 * “0 件” 逾期未办结.
 */
import { beforeAll, describe, expect, it, vi } from "vitest";
import { buildDashboardData } from "../../src/dashboard/build.js";
import { headlines, keyCases, leagueTable } from "../../src/dashboard/cards.js";
import type { CasesFile, EnforcementFile } from "../../src/dashboard/model.js";
import { DashboardData } from "../../src/dashboard/select.js";
import { sampleInputs } from "../../src/dashboard/inputs.js";

// no chart is drawn here: vega (which probes a canvas jsdom lacks) and vega-lite are not loaded
vi.mock("vega", () => ({ View: class {}, Warn: 2, logger: () => ({}), parse: () => ({}) }));
vi.mock("vega-lite", () => ({ compile: () => ({}) }));

const enforcement = new Map<string, EnforcementFile>();

async function dashboard(files: string[]): Promise<DashboardData> {
  const out = await buildDashboardData(files);
  enforcement.set(files[0]!, JSON.parse(out.get("enforcement.json") as string) as EnforcementFile);
  return new DashboardData(JSON.parse(out.get("cases.json") as string) as CasesFile, out.get("cases.bin") as Uint8Array);
}

const text = (root: HTMLElement, id: string) => root.querySelector(`[data-testid="${id}"]`)!.textContent;
const detail = (root: HTMLElement, id: string) => root.querySelector(`[data-testid="${id}"]`)!.parentElement!.querySelector(".ducha-detail")!.textContent;

let real: DashboardData;
let sample: DashboardData;

beforeAll(async () => {
  // the data step reads bundled files (node), the cards build DOM: a document of their own
  // (jsdom ships no types: imported by a name TypeScript does not resolve)
  const jsdom = "jsdom";
  const { JSDOM } = (await import(jsdom)) as { JSDOM: new (html: string) => { window: { document: Document } } };
  (globalThis as { document?: Document }).document = new JSDOM("").window.document;
  real = await dashboard(["test/fixtures/real/多省信访件_仅内容和区域.csv"]);
  sample = await dashboard(sampleInputs());
}, 240_000);

describe("总览's headline figures", () => {
  it("say 无数据 for 交办 and 逾期未办结 when the table has no dates, batches or 办结目标", () => {
    const figures = headlines(real, real.select());
    expect(text(figures, "fig-batches")).toBe("无数据");
    expect(detail(figures, "fig-batches")).toBe("表中没有交办时间或批次");
    const key = keyCases(real, real.select());
    expect(text(key, "fig-overdue")).toBe("无数据");
    expect(key.querySelector('[data-testid="fig-overdue"]')!.classList.contains("is-nodata")).toBe(true);
    // the league's 逾期未办结 column: — in every row and a line saying why, not a column of 0
    const league = leagueTable(real, real.select());
    const overdue = [...league.querySelectorAll("tbody tr")].map((tr) => tr.querySelectorAll("td")[3]!.textContent);
    expect(overdue.length).toBeGreaterThan(0);
    expect(new Set(overdue)).toEqual(new Set(["—"]));
    expect(league.querySelector(".ducha-detail")!.textContent).toContain("表中没有办结目标，逾期未办结无数据（—）。");
  });

  it("keep （未识别） out of the league ranking and count it apart, with no level mark", () => {
    // the fixture's 58 rows: 46 resolve to 28 counties, 12 (宝山区, 河东区, 沣西新城 …) to none,
    // as `ducha stats` lists them; the ranking showed （未识别） as a county, marked by level
    const league = leagueTable(real, real.select());
    const counties = [...league.querySelectorAll("tbody tr")].map((tr) => tr.getAttribute("data-county"));
    expect(counties).toHaveLength(28);
    expect(counties).not.toContain("（未识别）");
    expect(league.querySelector('[data-testid="league-unresolved"]')!.textContent).toBe("另有未识别行政区域 12 件（无法确定县（市、区）），不参与排名。");
    // the rows the data step ships are the page's own: no （未识别） there either
    expect(real.file.league!.map((r) => r.county)).not.toContain("（未识别）");
    // a table where every county resolves says nothing of the kind
    expect(leagueTable(sample, sample.select()).querySelector('[data-testid="league-unresolved"]')).toBeNull();
  });

  it("still count batches and overdue cases when the table gives them, and 0 件 is then a real zero", () => {
    const all = sample.select();
    expect(text(headlines(sample, all), "fig-batches")).toMatch(/^\d+ 批$/);
    expect(text(keyCases(sample, all), "fig-overdue")).toMatch(/^[\d,]+ 件$/);
    const sampleLeague = leagueTable(sample, all);
    expect([...sampleLeague.querySelectorAll("tbody tr")].every((tr) => /^[\d,]+$/.test(tr.querySelectorAll("td")[3]!.textContent!))).toBe(true);
    // a filter that leaves no case: the table has dates, so 0 (with what is missing in this range)
    const none = sample.select({ from: "2099-01-01", to: "2099-01-02", batch: null, county: null, type: null, theme: null });
    expect(none.rows.length).toBe(0);
    expect(text(keyCases(sample, none), "fig-overdue")).toBe("0 件");
  });
});

describe("热点's 执法问责", () => {
  it("ships why there are no figures when the table has no 处理和整改情况, and nothing of the kind when it has", () => {
    // the page then shows 无数据 and this reason, not a table of zeros (as ducha stats and the report)
    expect(enforcement.get("test/fixtures/real/多省信访件_仅内容和区域.csv")!.unavailable).toBe("表中没有“处理和整改情况”列");
    const withText = enforcement.get(sampleInputs()[0]!)!;
    expect(withText.unavailable).toBeUndefined();
    expect(withText.withAction.reduce((s, v) => s + v, 0)).toBeGreaterThan(0);
  });
});
