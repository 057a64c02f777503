// @vitest-environment jsdom
/**
 * Long tables are drawn a page at a time (热点's repeat groups: 3,008 rows at 50,000 cases cost
 * seconds of layout): the first `limit` rows, then 再显示 `step` more or 显示全部; every row stays
 * reachable and the downloads always hold all of them.
 */
import { describe, expect, it, vi } from "vitest";
import { tableCard } from "../../src/dashboard/cards.js";

// no chart is drawn here: vega (which probes a canvas jsdom lacks) and vega-lite are not loaded
vi.mock("vega", () => ({
  View: class {},
  Warn: 2,
  logger: () => ({}),
  parse: () => {
    throw new Error("no charts in this test");
  },
}));
vi.mock("vega-lite", () => ({
  compile: () => {
    throw new Error("no charts in this test");
  },
}));

const table = (n: number) => ({ name: "重复举报", headers: ["组", "件数"], rows: Array.from({ length: n }, (_, i) => [`R${i + 1}`, n - i]) });

const bodyRows = (card: HTMLElement) => [...card.querySelectorAll("tbody tr")].map((tr) => tr.querySelector("td")!.textContent);
const button = (card: HTMLElement, text: string) =>
  [...card.querySelectorAll("button")].find((b) => b.textContent!.startsWith(text)) as HTMLButtonElement | undefined;

describe("a paged table card", () => {
  it("shows a page, adds a page on 再显示, shows every row on 显示全部, in order", () => {
    const card = tableCard(table(120), { limit: 50, step: 50, unit: "组" });
    expect(bodyRows(card)).toEqual(Array.from({ length: 50 }, (_, i) => `R${i + 1}`));
    expect(card.querySelector("[data-testid=rows-shown]")!.textContent).toBe("已显示 50 / 120 组");
    expect(button(card, "显示全部")!.textContent).toBe("显示全部 120 组");
    button(card, "再显示 50 组")!.click();
    expect(bodyRows(card)).toHaveLength(100);
    // the last page is shorter: the button says how many it adds
    expect(button(card, "再显示")!.textContent).toBe("再显示 20 组");
    button(card, "显示全部")!.click();
    expect(bodyRows(card)).toEqual(Array.from({ length: 120 }, (_, i) => `R${i + 1}`));
    expect(button(card, "再显示")).toBeUndefined();
    expect(button(card, "显示全部")).toBeUndefined();
    expect(card.querySelector("[data-testid=rows-shown]")!.textContent).toBe("共 120 组");
  });

  it("after the last 再显示 every row is shown once and the buttons are gone", () => {
    const card = tableCard(table(101), { limit: 50, step: 50 });
    button(card, "再显示")!.click();
    button(card, "再显示 1 行")!.click();
    const rows = bodyRows(card);
    expect(rows).toHaveLength(101);
    expect(new Set(rows).size).toBe(101);
    expect(button(card, "再显示")).toBeUndefined();
  });

  it("a table within its limit has no paging controls", () => {
    const card = tableCard(table(12), { limit: 50, step: 50 });
    expect(bodyRows(card)).toHaveLength(12);
    expect(card.querySelector("[data-testid=rows-shown]")).toBeNull();
    expect(button(card, "显示全部")).toBeUndefined();
  });
});

describe("a table card with phone headers", () => {
  it("keeps the full headers for wide screens and the downloads' heading, and the pieces for a phone", () => {
    const card = tableCard(
      { name: "对照", headers: ["污染类型", "原表标注（件）"], rows: [["大气", 3]] },
      {
        narrowHeaders: [
          ["污染", "类型"],
          ["原表", "标注"],
        ],
      },
    );
    expect(card.classList.contains("has-narrow")).toBe(true);
    const ths = [...card.querySelectorAll("thead th")];
    expect(ths.map((th) => th.querySelector(".ducha-th-full")!.textContent)).toEqual(["污染类型", "原表标注（件）"]);
    expect(ths.map((th) => [...th.querySelectorAll(".ducha-th-narrow > span")].map((s) => s.textContent))).toEqual([
      ["污染", "类型"],
      ["原表", "标注"],
    ]);
  });

  it("draws plain headers when none are given", () => {
    const card = tableCard({ name: "对照", headers: ["污染类型"], rows: [["大气"]] });
    expect(card.classList.contains("has-narrow")).toBe(false);
    expect(card.querySelector("thead th")!.innerHTML).toBe("污染类型");
  });
});
