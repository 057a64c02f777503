import { readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { Resvg } from "@resvg/resvg-js";
import type { TopLevelSpec } from "vega-lite";
import { describe, expect, it } from "vitest";
import { FONT_STACK } from "../../src/charts/index.js";
import { FontNotFoundError, findCjkFont, missingGlyphs } from "../../src/charts/fonts.js";
import { chineseAria } from "../../src/charts/aria.js";
import { estimateTextWidth, fontTextWidth } from "../../src/charts/measure.js";
import { pngSize, renderPng, renderSvg, svgText } from "../../src/charts/render.js";
import { tempDir } from "../cli/helpers.js";
import { inkStats } from "./helpers.js";

const GOLDEN = "test/golden/charts";
const spec = (name: string) => JSON.parse(readFileSync(join(GOLDEN, `${name}.vl.json`), "utf8")) as TopLevelSpec;

/**
 * The advance resvg really draws a line of text with: the ink box of "I<text>I" less that of
 * "II" (the bars make side bearings, e.g. of full-width brackets, count as they do in a line).
 */
function drawnWidth(text: string, size: number, bold: boolean): number {
  return inkWidth(`I${text}I`, size, bold) - inkWidth("II", size, bold);
}

function inkWidth(text: string, size: number, bold: boolean): number {
  const font = findCjkFont();
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="2000" height="100"><text x="10" y="60" font-family="${font.family}" font-size="${size}"${bold ? ' font-weight="bold"' : ""}>${text}</text></svg>`;
  const r = new Resvg(svg, { font: { fontFiles: font.files, loadSystemFonts: false, defaultFontFamily: font.family } });
  return r.getBBox()!.width;
}

describe("Chinese text measurement", () => {
  const lines = ["郴州市各县（市、区）信访件数量", "污染防治攻坚与“夏季攻势”", "71（15.4%）", "Noto Sans 2023年6月26日"];

  it("matches the width the font is drawn with (within 2%)", () => {
    const width = fontTextWidth(findCjkFont());
    for (const text of lines) {
      for (const [size, bold] of [
        [11, false],
        [16, true],
      ] as const) {
        const drawn = drawnWidth(text, size, bold);
        expect(Math.abs(width(text, size, bold) - drawn) / drawn, `${text} ${size}px`).toBeLessThan(0.02);
      }
    }
  });

  it("counts full-width characters as 1 em without a font (vega's own estimate gives 0.8)", () => {
    expect(estimateTextWidth("信访件数量", 10, false)).toBe(50);
    expect(estimateTextWidth("（属实）", 10, false)).toBe(40);
    expect(estimateTextWidth("2023", 10, false)).toBeCloseTo(22.1, 0);
  });
});

describe("renderSvg", () => {
  it("writes the Chinese title and labels with the CJK font stack", async () => {
    const svg = await renderSvg(spec("county-hotspots"));
    expect(svg.startsWith("<svg")).toBe(true);
    const text = svgText(svg);
    expect(text).toContain("郴州市各县（市、区）信访件数量");
    expect(text).toContain("资兴市");
    expect(text).toContain("模拟数据");
    expect(svg).toContain(`font-family="${FONT_STACK}"`);
  });

  it("makes the chart as wide as its longest title line really is", async () => {
    const s = spec("verification");
    const svg = await renderSvg(s);
    const width = Number(/<svg[^>]* width="(\d+)"/.exec(svg)![1]);
    const measure = fontTextWidth(findCjkFont());
    const subtitle = "各段为占该县区件数的比例；属实率 =（属实 + 基本属实 + 部分属实）÷ 填写了是否属实的件数";
    // the title starts at the padding (10 px) and must end inside the image
    expect(10 + measure(subtitle, 11, false)).toBeLessThanOrEqual(width);
  });

  it("measures without any font when asked (font: null)", async () => {
    const svg = await renderSvg(spec("themes"), { font: null });
    expect(svgText(svg)).toContain("信访件涉及的督察重点");
  });
});

describe("a saved SVG read by a screen reader", () => {
  const names = readdirSync(GOLDEN).map((f) => f.replace(".vl.json", ""));

  it.each(names)("%s: one image named in Chinese, none of vega's English roles or captions", async (name) => {
    const s = spec(name) as TopLevelSpec & { description: string };
    const svg = await renderSvg(s);
    const root = /^<svg\b[^>]*>/.exec(svg)![0];
    expect(root).toContain(' role="img"');
    expect(root).toContain(' lang="zh-CN"');
    // the spec's own description, in the label and in the <title> right after the root
    const label = /aria-label="([^"]*)"/
      .exec(root)![1]!
      .replace(/&quot;/g, '"')
      .replace(/&lt;/g, "<")
      .replace(/&gt;/g, ">")
      .replace(/&amp;/g, "&");
    expect(label).toBe(s.description);
    expect(label).toMatch(/^图表：[\u4e00-\u9fff]/);
    expect(svg.slice(root.length)).toMatch(/^<title>图表：[^<]+<\/title>/);
    // vega wrote "rect mark container", "group mark container", "Title text '…'" and graphics-* roles
    expect(svg).not.toMatch(/aria-roledescription=/);
    expect(svg.match(/\srole="[^"]*"/g)).toEqual([' role="img"']);
    expect(svg.match(/\saria-label="[^"]*"/g)).toHaveLength(1);
  });

  it("escapes the description and leaves text content alone, even text that looks like an attribute", () => {
    const svg =
      '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><g role="graphics-object" aria-roledescription="group mark container">' +
      '<text aria-label="Title text \'x\'"> role="x" aria-label="y" 罚款2万元</text></g></svg>';
    const out = chineseAria(svg, '图表：a "b" <c> & d');
    expect(out).toBe(
      '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10" role="img" aria-label="图表：a &quot;b&quot; &lt;c&gt; &amp; d" lang="zh-CN">' +
        '<title>图表：a &quot;b&quot; &lt;c&gt; &amp; d</title><g><text> role="x" aria-label="y" 罚款2万元</text></g></svg>',
    );
    expect(chineseAria("not an svg", "图表：x")).toBe("not an svg");
  });
});

describe("renderPng", () => {
  const names = readdirSync(GOLDEN).map((f) => f.replace(".vl.json", ""));

  it.each(names)("%s: 2x, not blank, nothing cut at the edges, no missing glyphs", async (name) => {
    const s = spec(name);
    const svg = await renderSvg(s);
    const cssWidth = Number(/<svg[^>]* width="(\d+)"/.exec(svg)![1]);
    const cssHeight = Number(/<svg[^>]* height="(\d+)"/.exec(svg)![1]);
    const png = await renderPng(s);
    expect(pngSize(png.data)).toEqual({ width: cssWidth * 2, height: cssHeight * 2 });
    expect(png.width).toBe(cssWidth * 2);
    expect(png.missingGlyphs).toEqual([]);
    const stats = inkStats(png.data, 8);
    expect(stats.ink).toBeGreaterThan(0.03);
    expect(stats.colours).toBeGreaterThan(20);
    // the 10 px padding (20 px at 2x) stays blank: no title, label or legend runs off the image
    expect(stats.edgeInk).toBe(0);
  });

  it("renders at another scale", async () => {
    const png = await renderPng(spec("themes"), { scale: 1 });
    const two = await renderPng(spec("themes"));
    expect(png.width * 2).toBe(two.width);
  });

  it("writes a file a viewer opens (PNG signature)", async () => {
    const png = await renderPng(spec("types"));
    const file = join(tempDir(), "types.png");
    writeFileSync(file, png.data);
    expect(readFileSync(file).subarray(1, 4).toString("latin1")).toBe("PNG");
  });
});

describe("fonts", () => {
  it("finds a Chinese sans-serif face with Chinese glyphs", () => {
    const font = findCjkFont();
    expect(font.files.length).toBeGreaterThan(0);
    expect(missingGlyphs(font, "郴州市苏仙区信访件属实率办结率（％）“两高”")).toEqual([]);
  });

  it("reports characters the font cannot draw instead of drawing boxes silently", () => {
    expect(missingGlyphs(findCjkFont(), "信访😀件")).toEqual(["😀"]);
  });

  it("fails with installation advice when no Chinese font can be found", () => {
    const saved = process.env.DUCHA_CJK_FONT;
    delete process.env.DUCHA_CJK_FONT;
    try {
      expect(() => findCjkFont({ known: [], fcList: false })).toThrow(FontNotFoundError);
      expect(() => findCjkFont({ known: [], fcList: false })).toThrow(/fonts-noto-cjk.*DUCHA_CJK_FONT/);
    } finally {
      if (saved !== undefined) process.env.DUCHA_CJK_FONT = saved;
    }
  });

  it("uses DUCHA_CJK_FONT, and says so when it points at nothing usable", () => {
    const saved = process.env.DUCHA_CJK_FONT;
    const real = findCjkFont().files[0]!;
    try {
      process.env.DUCHA_CJK_FONT = "/nonexistent/font.ttc";
      expect(() => findCjkFont()).toThrow(/DUCHA_CJK_FONT.*不存在/);
      process.env.DUCHA_CJK_FONT = "package.json";
      expect(() => findCjkFont()).toThrow(/不是含中文字形的字体/);
      process.env.DUCHA_CJK_FONT = real;
      expect(findCjkFont().files[0]).toBe(real);
    } finally {
      if (saved === undefined) delete process.env.DUCHA_CJK_FONT;
      else process.env.DUCHA_CJK_FONT = saved;
    }
  });
});
