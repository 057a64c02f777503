import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { Resvg } from "@resvg/resvg-js";
import { expect } from "vitest";

/**
 * Compare a value with its golden JSON file; UPDATE_GOLDEN=1 rewrites the file. A missing file
 * is written and the test fails, so a new golden file is always looked at before it is trusted.
 */
export function expectGolden(file: string, value: unknown): void {
  const text = `${JSON.stringify(value, null, 2)}\n`;
  if (process.env.UPDATE_GOLDEN === "1" || !existsSync(file)) {
    const existed = existsSync(file);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, text);
    if (!existed && process.env.UPDATE_GOLDEN !== "1") throw new Error(`golden file written, check it and re-run: ${file}`);
    return;
  }
  expect(JSON.parse(text)).toEqual(JSON.parse(readFileSync(file, "utf8")));
}

/** The RGBA pixels of a PNG (decoded by resvg through an <image>). */
export function pngPixels(png: Buffer): { width: number; height: number; pixels: Uint8Array } {
  const width = png.readUInt32BE(16);
  const height = png.readUInt32BE(20);
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><image href="data:image/png;base64,${png.toString("base64")}" width="${width}" height="${height}"/></svg>`;
  const image = new Resvg(svg).render();
  return { width, height, pixels: new Uint8Array(image.pixels) };
}

/** Non-white pixels and distinct colours of an image, and whether a band at its edges is blank. */
export function inkStats(png: Buffer, band = 4): { ink: number; colours: number; edgeInk: number } {
  const { width, height, pixels } = pngPixels(png);
  let ink = 0;
  let edgeInk = 0;
  const colours = new Set<number>();
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 4;
      const [r, g, b] = [pixels[i]!, pixels[i + 1]!, pixels[i + 2]!];
      colours.add((r << 16) | (g << 8) | b);
      if (r < 235 || g < 235 || b < 235) {
        ink++;
        if (x < band || y < band || x >= width - band || y >= height - band) edgeInk++;
      }
    }
  }
  return { ink: ink / (width * height), colours: colours.size, edgeInk };
}
