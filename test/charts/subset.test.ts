/**
 * Charts are drawn with the Chinese font cut down to their own characters (src/charts/subset.ts):
 * the picture must be the one the full font draws, for regular and bold text, and a new text
 * must get the characters it needs.
 */
import { statSync } from "node:fs";
import { Resvg } from "@resvg/resvg-js";
import { describe, expect, it } from "vitest";
import { findCjkFont } from "../../src/charts/fonts.js";
import { svgText, svgToPng } from "../../src/charts/render.js";
import { fontFilesFor } from "../../src/charts/subset.js";

const font = findCjkFont();
const svgOf = (lines: string[]) =>
  `<svg xmlns="http://www.w3.org/2000/svg" width="640" height="${40 + 40 * lines.length}">` +
  lines
    .map((t, i) => `<text x="12" y="${40 + 40 * i}" font-family="${font.family}" font-size="22"${i === 0 ? ' font-weight="bold"' : ""}>${t}</text>`)
    .join("") +
  "</svg>";

/** The PNG resvg draws with the whole font files (what every chart cost before subsetting). */
const fullFontPng = (svg: string, scale: number) =>
  Buffer.from(
    new Resvg(svg, {
      fitTo: { mode: "zoom", value: scale },
      background: "#ffffff",
      font: { fontFiles: font.files, loadSystemFonts: false, defaultFontFamily: font.family, sansSerifFamily: font.family },
      logLevel: "off",
    })
      .render()
      .asPng(),
  );

describe("font subsets for charts", () => {
  it("draw exactly what the full font draws, bold titles included", () => {
    const svg = svgOf([
      "郴州市信访件污染类型构成",
      "大气 174（37.7%）；噪声 98",
      "苏仙区·资兴市 “夏季攻势” 2023-07-16",
      "Noto Sans CJK 模拟数据，非真实信访件",
    ]);
    const png = svgToPng(svg, font, 2);
    expect(png.missingGlyphs).toEqual([]);
    expect(png.data.equals(fullFontPng(svg, 2))).toBe(true);
    // and the text is really drawn: without it the picture differs
    expect(png.data.equals(svgToPng(svgOf(["", "", "", ""]), font, 2).data)).toBe(false);
  });

  it("are small files, one per face, made again for a text with other characters", () => {
    const a = fontFilesFor(font, "郴州市信访件");
    expect(a).toHaveLength(font.bold ? 2 : 1);
    for (const f of a) expect(statSync(f).size).toBeLessThan(200_000);
    expect(a.every((f) => !font.files.includes(f))).toBe(true);
    expect(fontFilesFor(font, "郴州市信访件")).toEqual(a);
    const b = fontFilesFor(font, "桂东县汝城县");
    expect(b).not.toEqual(a);
    const svg = svgOf(["桂东县", "汝城县 临武县"]);
    expect(svgToPng(svg, font, 1).data.equals(fullFontPng(svg, 1))).toBe(true);
    expect(svgText(svg)).toContain("临武县");
  });
});
