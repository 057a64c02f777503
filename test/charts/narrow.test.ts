import { describe, expect, it } from "vitest";
import type { TopLevelSpec } from "vega-lite";
import { NARROW_PX, fitLegends, fitTitle, mapSize, narrowSteps, wrapLine } from "../../src/charts/narrow.js";
import { typeByCountySpec } from "../../src/charts/heatmap.js";
import { typesSpec } from "../../src/charts/types.js";

const ems = (t: string) => [...t].reduce((s, ch) => s + (ch.charCodeAt(0) > 0x2e80 ? 1 : 0.55), 0);

describe("wrapLine", () => {
  it("keeps a line that fits", () => {
    expect(wrapLine("污染类型取自原表", 20)).toEqual(["污染类型取自原表"]);
  });

  it("breaks after punctuation near the end, every line within the width, nothing lost", () => {
    const note = "括号内为涉及该类的件数占全部 461 件的比例；一件涉及多类时每类各计一次";
    const lines = wrapLine(note, 27);
    expect(lines).toEqual(["括号内为涉及该类的件数占全部 461 件的比例；", "一件涉及多类时每类各计一次"]);
    for (const l of lines) expect(ems(l)).toBeLessThanOrEqual(27);
    expect(lines.join("")).toBe(note);
  });

  it("does not split a number or a date, and no line opens with closing punctuation", () => {
    const lines = wrapLine("办结日期取截至2023-12-31的数据，共 12,345 件。", 10);
    expect(lines.join("")).toBe("办结日期取截至2023-12-31的数据，共 12,345 件。");
    expect(lines.some((l) => l.includes("2023-12-31"))).toBe(true);
    expect(lines.some((l) => l.includes("12,345"))).toBe(true);
    for (const l of lines.slice(1)) expect(l).not.toMatch(/^[，。；、）]/);
  });

  it("cuts a line narrower than one character into one character a line", () => {
    expect(wrapLine("大气水", 0.5)).toEqual(["大", "气", "水"]);
  });
});

describe("fitTitle", () => {
  const spec = typesSpec(
    {
      dimensions: ["type"],
      rows: [
        { type: "大气", count: 174 },
        { type: "水", count: 132 },
      ],
      records: 461,
      typeSource: { official: 461, predicted: 0 },
      labels: {},
      keys: { type: ["大气", "水"] },
    } as never,
    { synthetic: true, prefecture: "郴州市" },
  );

  it("wraps the subtitle to the width (12 px notes), keeping every line's text", () => {
    const narrow = fitTitle(spec, 330) as { title: { text: string; subtitle: string[] } };
    const before = (spec as unknown as { title: { subtitle: string[] } }).title.subtitle;
    expect(narrow.title.subtitle.join("")).toBe(before.join(""));
    expect(narrow.title.subtitle.length).toBeGreaterThan(before.length);
    for (const l of narrow.title.subtitle) expect(ems(l) * 12).toBeLessThanOrEqual(330);
    expect(narrow.title.subtitle.at(-1)).toContain("模拟数据");
  });

  it("returns the spec itself when it fits, and never changes it", () => {
    const copy = JSON.stringify(spec);
    expect(fitTitle(spec, 2000)).toBe(spec);
    fitTitle(spec, 200);
    expect(JSON.stringify(spec)).toBe(copy);
  });
});

describe("fitLegends", () => {
  it("moves a right legend under the plot and puts a long one-row legend in two rows, at any depth", () => {
    const spec = {
      layer: [
        { mark: "rect", encoding: { color: { field: "n", type: "quantitative", legend: { orient: "right", gradientLength: 140 } } } },
        { mark: "bar", encoding: { color: { field: "t", type: "nominal", legend: { orient: "top", columns: 8 } } } },
      ],
      data: { values: [{ legend: { orient: "right" } }] },
    } as unknown as TopLevelSpec;
    const out = fitLegends(spec) as unknown as typeof spec & { layer: { encoding: { color: { legend: Record<string, unknown> } } }[] };
    expect(out.layer[0]!.encoding.color.legend).toEqual({ orient: "bottom", direction: "horizontal", gradientLength: 140 });
    expect(out.layer[1]!.encoding.color.legend).toEqual({ orient: "top", columns: 4 });
    // data is data: a row's field named legend is not a legend
    expect((out as unknown as { data: unknown }).data).toBe((spec as unknown as { data: unknown }).data);
    expect(NARROW_PX).toBeGreaterThan(390);
  });

  it("returns the spec itself when no legend needs it", () => {
    const spec = { mark: "bar", encoding: { color: { field: "t", type: "nominal", legend: { orient: "top", columns: 3 } } } } as unknown as TopLevelSpec;
    expect(fitLegends(spec)).toBe(spec);
  });
});

describe("narrowSteps", () => {
  it("narrows a heatmap's columns by the ratio (not below 14 px) and a facet's columns", () => {
    const heat = typeByCountySpec(
      {
        dimensions: ["county", "type"],
        rows: [
          { county: "431002", type: "大气", count: 3 },
          { county: "431003", type: "水", count: 2 },
        ],
        records: 5,
        typeSource: { official: 5, predicted: 0 },
        labels: { "431002": "北湖区", "431003": "苏仙区" },
        keys: { county: ["431002", "431003"], type: ["大气", "水"] },
      } as never,
      {},
    ) as unknown as { width: { step: number } };
    const step = heat.width.step;
    const out = narrowSteps(heat as unknown as TopLevelSpec, 0.5) as unknown as { width: { step: number } };
    expect(out.width.step).toBe(Math.max(14, Math.floor(step * 0.5)));
    const facet = { facet: { field: "panel" }, columns: 4, spec: { width: 112, mark: "line" } } as unknown as TopLevelSpec;
    expect((narrowSteps(facet, 0.6) as unknown as { columns: number }).columns).toBe(2);
    expect(narrowSteps(facet, 1)).toBe(facet);
    const fixed = { mark: "bar", width: 300 } as unknown as TopLevelSpec;
    expect(narrowSteps(fixed, 0.5)).toBe(fixed);
  });
});

describe("mapSize", () => {
  it("keeps the size in a card wide enough, and shrinks it in proportion in a narrower one (padding 10 px a side)", () => {
    expect(mapSize(undefined, 420, 400)).toEqual({ width: 420, height: 400 });
    expect(mapSize(881, 420, 400)).toEqual({ width: 420, height: 400 });
    expect(mapSize(440, 420, 400)).toEqual({ width: 420, height: 400 });
    expect(mapSize(351, 420, 400)).toEqual({ width: 331, height: Math.round((400 * 331) / 420) });
    expect(mapSize(100, 420, 400).width).toBe(160);
  });
});
