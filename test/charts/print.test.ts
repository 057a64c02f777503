/**
 * Charts that survive print (issue 12, item 10): every chart of the registry fits the A4 text
 * width of the annex, its text is at least 9 pt there and dark, and series stay apart in
 * greyscale (lightness steps, dashes, direct labels).
 */
import type { TopLevelSpec } from "vega-lite";
import { beforeAll, describe, expect, it } from "vitest";
import type { AnalyzableComplaint } from "../../src/analyze/keys.js";
import { CHARTS, ChartData, ChartDataError, chartSpec } from "../../src/charts/catalog.js";
import { countClasses } from "../../src/charts/map.js";
import { renderSvg } from "../../src/charts/render.js";
import { STATUS_COLORS, TYPE_COLORS, VERIFICATION_COLORS } from "../../src/charts/theme.js";
import { ingestFiles } from "../../src/ingest/index.js";
import { TEXT_WIDTH_PX } from "../../src/report/docx.js";
import { buildReport } from "../../src/report/build.js";

/** CIELAB L* of a "#rrggbb" colour: what is left of it in a greyscale print. */
function lightness(hex: string): number {
  const lin = (c: number) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
  const [r, g, b] = [1, 3, 5].map((i) => lin(Number.parseInt(hex.slice(i, i + 2), 16) / 255)) as [number, number, number];
  const y = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  return y > 216 / 24389 ? 116 * Math.cbrt(y) - 16 : (24389 / 27) * y;
}

const expand = (hex: string) => (hex.length === 4 ? `#${[...hex.slice(1)].map((c) => c + c).join("")}` : hex);

let data: ChartData;
const specs = new Map<string, TopLevelSpec>();

beforeAll(async () => {
  const records = (await ingestFiles(["data/sample/郴州2023_信访件_模拟数据.csv", "data/sample/snapshots/郴州2023_办理情况_截至2023-10-31_模拟数据.csv"]))
    .records as AnalyzableComplaint[];
  data = new ChartData(records);
  for (const c of CHARTS) {
    try {
      // as the report draws them: no title (the caption is under the figure), 模拟数据 noted
      specs.set(c.name, chartSpec(c.name, data, { title: "", synthetic: true }));
    } catch (e) {
      if (!(e instanceof ChartDataError)) throw e;
    }
  }
});

describe("charts at print size", () => {
  it("draws every chart of the sample no wider than the text block, with text of at least 12 px (9 pt) in dark ink", async () => {
    expect(specs.size).toBeGreaterThanOrEqual(9);
    for (const [name, spec] of specs) {
      const svg = await renderSvg(spec);
      const width = Number(/<svg[^>]* width="([\d.]+)"/.exec(svg)![1]);
      expect(width, name).toBeLessThanOrEqual(TEXT_WIDTH_PX);
      const texts = [...svg.matchAll(/<text [^>]*>/g)].map((m) => m[0]).filter((t) => !/opacity="0"/.test(t));
      expect(texts.length, name).toBeGreaterThan(0);
      for (const t of texts) {
        expect(Number(/font-size="([\d.]+)px"/.exec(t)?.[1] ?? 0), `${name}: ${t}`).toBeGreaterThanOrEqual(12);
        const fill = expand(/fill="(#[0-9a-fA-F]{3,6})"/.exec(t)?.[1] ?? "#000000");
        // white is text on a dark cell; anything else is dark (L* 40 or below: not pale grey)
        if (fill.toLowerCase() !== "#ffffff") expect(lightness(fill), `${name}: ${fill}`).toBeLessThanOrEqual(40);
      }
    }
  });

  it("writes dates in notes the Chinese way (2023年12月31日, not 2023-12-31)", () => {
    for (const [name, spec] of specs) expect(JSON.stringify(spec.title ?? ""), name).not.toMatch(/\d{4}-\d{2}-\d{2}/);
  });
});

describe("series apart in greyscale", () => {
  it("steps the lightness of each palette evenly, far enough to tell neighbours apart", () => {
    const steps = (colors: Record<string, string>) => {
      const l = Object.values(colors).map(lightness);
      return l.slice(1).map((x, i) => x - l[i]!);
    };
    for (const d of steps(TYPE_COLORS as Record<string, string>)) expect(d).toBeGreaterThanOrEqual(6);
    for (const d of steps(STATUS_COLORS as Record<string, string>)) expect(d).toBeGreaterThanOrEqual(15);
    for (const d of steps(VERIFICATION_COLORS as Record<string, string>)) expect(d).toBeGreaterThanOrEqual(14);
  });

  it("writes each type's initial inside the trend's segments (图6): eight greys need names", () => {
    const layers = (specs.get("trend") as unknown as { layer: { mark: { type: string }; data: { values: { text: string; at: string }[] } }[] }).layer;
    const text = layers.find((l) => l.mark.type === "text")!;
    const initials = new Set(text.data.values.map((v) => v.text));
    // the sample's days have tall 大气, 水 and 噪声 segments at least
    expect([...initials]).toEqual(expect.arrayContaining(["气", "水", "噪"]));
    for (const i of initials) expect(["气", "水", "噪", "土", "固", "生", "辐", "其"]).toContain(i);
    expect(JSON.stringify(specs.get("trend")!.title)).toContain("气＝大气");
  });

  it("names the categories on the 全部 bar of 是否属实 and 办理情况 (图7), so the order reads without the legend's colours", () => {
    for (const name of ["verification", "status"]) {
      const layers = (specs.get(name) as unknown as { layer: { mark: { type: string }; data: { values: { name: string; label: string }[] } }[] }).layer;
      const labels = layers
        .find((l) => l.mark.type === "text")!
        .data.values.filter((v) => v.name === "全部" && v.label)
        .map((v) => v.label);
      expect(
        labels.some((l) => /^[\u4e00-\u9fff]+ \d+%$/.test(l)),
        `${name}: ${labels.join(", ")}`,
      ).toBe(true);
    }
  });

  it("draws the progress series in different forms: a band, a dashed thin line, a solid thick line", () => {
    const layers = (specs.get("progress") as unknown as { spec: { layer: { mark: { type: string; strokeDash?: number[]; strokeWidth?: number } }[] } }).spec
      .layer;
    const lines = layers.filter((l) => l.mark.type === "line").map((l) => `${JSON.stringify(l.mark.strokeDash ?? [])}/${l.mark.strokeWidth}`);
    expect(new Set(lines).size).toBe(lines.length);
    expect(layers.some((l) => l.mark.type === "area")).toBe(true);
  });

  it("classes the map (分级设色): a few round classes, darker with the count, and says the base map needs 审图", () => {
    // 71 cases at most: classes of 20
    const c = countClasses(71);
    expect(c.labels).toEqual(["0–19", "20–39", "40–59", "60–79"]);
    expect(c.of(0)).toBe("0–19");
    expect(c.of(20)).toBe("20–39");
    expect(c.of(71)).toBe("60–79");
    expect(countClasses(5).labels).toEqual(["0", "1", "2", "3", "4", "5"]);
    for (const max of [1, 5, 7, 71, 100, 1234]) {
      const l = countClasses(max).colors.map(lightness);
      expect(l.length).toBeLessThanOrEqual(6);
      for (let i = 1; i < l.length; i++) expect(l[i - 1]! - l[i]!).toBeGreaterThanOrEqual(7);
      expect(countClasses(max).of(max)).toBe(countClasses(max).labels.at(-1));
    }
    const map = specs.get("county-map") as unknown as {
      layer: { encoding?: { color?: { type: string; scale: { domain: string[] } } } }[];
      title: { text: string[] };
    };
    expect(map.layer[0]!.encoding!.color!.type).toBe("ordinal");
    expect(map.title.text.join("")).toContain("审图");
    // and the annex says it in text under the figure
    const annex = buildReport(data, { charts: ["county-map"] });
    const fig = annex.blocks.find((b) => b.kind === "figure");
    expect(fig?.kind === "figure" && fig.figure.note).toMatch(/审图/);
  });
});
