import { readFileSync } from "node:fs";
import { dirname, join, normalize } from "node:path";
import { describe, expect, it } from "vitest";
import { CHART_CONFIG, FONT_STACK, STATUS_COLORS, TYPE_COLORS, VERIFICATION_COLORS } from "../../src/charts/index.js";
import { CASE_STATUSES, POLLUTION_TYPES, VERIFICATIONS } from "../../src/model/vocabulary.js";

/** CIELAB lightness of a #rrggbb colour (D65). */
function lightness(hex: string): number {
  const lin = (c: number) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
  const [r, g, b] = [1, 3, 5].map((i) => lin(parseInt(hex.slice(i, i + 2), 16) / 255)) as [number, number, number];
  const y = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  return y > 216 / 24389 ? 116 * Math.cbrt(y) - 16 : (24389 / 27) * y;
}

describe("theme", () => {
  it("gives each of the 8 pollution types its own colour", () => {
    expect(Object.keys(TYPE_COLORS)).toEqual([...POLLUTION_TYPES]);
    expect(new Set(Object.values(TYPE_COLORS)).size).toBe(8);
  });

  it.each([
    ["污染类型", POLLUTION_TYPES, TYPE_COLORS],
    ["办理状态", CASE_STATUSES, STATUS_COLORS],
    ["是否属实", VERIFICATIONS, VERIFICATION_COLORS],
  ] as const)("%s: lightness steps evenly dark to light, so greyscale print tells them apart", (_, order, colors) => {
    const l = order.map((k) => lightness((colors as Record<string, string>)[k]!));
    for (let i = 1; i < l.length; i++) expect(l[i]! - l[i - 1]!, `${order[i - 1]} -> ${order[i]}`).toBeGreaterThanOrEqual(4.5);
  });

  it("sets the CJK font stack everywhere text appears", () => {
    expect(FONT_STACK).toMatch(/^'Noto Sans CJK SC', 'Source Han Sans SC', 'Microsoft YaHei', 'PingFang SC', sans-serif$/);
    const c = CHART_CONFIG as Record<string, Record<string, unknown>>;
    expect(CHART_CONFIG.font).toBe(FONT_STACK);
    for (const part of ["title", "axis", "legend", "header"]) expect(JSON.stringify(c[part])).toContain("Noto Sans CJK SC");
  });
});

/** The files a module imports at run time (type-only imports left out), followed transitively. */
function runtimeImports(file: string, seen = new Set<string>()): Set<string> {
  if (seen.has(file)) return seen;
  seen.add(file);
  const src = readFileSync(file, "utf8");
  for (const m of src.matchAll(/^(?:import|export)\s+(?!type\b)([^;]*?)\s+from\s+"([^"]+)"/gm)) {
    const what = m[1]!;
    const spec = m[2]!;
    // `import { type A, type B } from` is type-only too
    if (
      /^\{[^}]*\}$/.test(what) &&
      what
        .slice(1, -1)
        .split(",")
        .every((x) => !x.trim() || x.trim().startsWith("type "))
    )
      continue;
    if (spec.startsWith(".")) runtimeImports(normalize(join(dirname(file), spec.replace(/\.js$/, ".ts"))), seen);
    else seen.add(spec);
  }
  return seen;
}

describe("browser safety", () => {
  it("the charts face (theme and spec builders) imports nothing Node-only", () => {
    const deps = [...runtimeImports("src/charts/index.ts")];
    expect(deps.filter((d) => d.startsWith("node:") || ["fs", "path", "@resvg/resvg-js", "nodejieba", "danfojs-node", "exceljs"].includes(d))).toEqual([]);
    // text/format.ts and text/normalize.ts import nothing: how figures and dates are written, and how
    // the vocabularies fold full-width labels, are shared with the charts
    expect(
      deps.filter(
        (d) => /charts\/(render|fonts|catalog)\.ts$|src\/(geo|analyze|text|classify|ingest)\//.test(d) && !/src\/text\/(format|normalize)\.ts$/.test(d),
      ),
    ).toEqual([]);
  });
});
