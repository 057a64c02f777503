/**
 * The dashboard classifies redacted texts, `ducha stats` the originals. Since neither the
 * redaction mark nor what it replaced is a feature, both count the same: every 污染类型 and
 * every 督察主题, on the bundled sample (which plants names and phone numbers in its texts).
 */
import { describe, expect, it } from "vitest";
import { buildDashboardData } from "../../src/dashboard/build.js";
import { sampleInputs } from "../../src/dashboard/inputs.js";
import { type CasesFile, decodeCases } from "../../src/dashboard/model.js";
import { THEME_NAMES, type Theme } from "../../src/model/classification.js";
import { ducha } from "../cli/helpers.js";

/** How many cases have each key's bit set. */
function bitCounts(keys: readonly string[], masks: ArrayLike<number>): Map<string, number> {
  const out = new Map<string, number>();
  keys.forEach((k, b) => {
    let n = 0;
    for (let i = 0; i < masks.length; i++) if (masks[i]! & (1 << b)) n++;
    if (n) out.set(k, n);
  });
  return out;
}

// complainants whose names are words (陈森林, 王保护, 赵环保, 周湘江) next to their phone numbers
const NAMES_AS_WORDS = ["test/fixtures/classify/姓名含词_信访件_模拟数据.csv"];

describe("dashboard and ducha stats on the same input", () => {
  it.each([
    ["the bundled sample", sampleInputs()],
    ["complainants whose names are words, with phone numbers", NAMES_AS_WORDS],
  ])(
    "count the same pollution types and themes: %s",
    async (_, inputs) => {
      const outputs = await buildDashboardData(inputs);
      const file = JSON.parse(outputs.get("cases.json") as string) as CasesFile;
      const { cols } = decodeCases(file, outputs.get("cases.bin") as Uint8Array);
      const r = ducha("stats", ...inputs, "--json", "--no-repeats");
      expect(r.code, r.stderr).toBe(0);
      const stats = JSON.parse(r.stdout) as { total: number; byPollutionType: Record<string, number>; byTheme: Record<string, number> };
      expect(file.meta.cases).toBe(stats.total);

      const themes = bitCounts(cols.themeKeys, cols.themes);
      const dashboardThemes = Object.fromEntries([...themes].filter(([k]) => k in THEME_NAMES).map(([k, n]) => [THEME_NAMES[k as Theme], n]));
      const statsThemes = Object.fromEntries(Object.entries(stats.byTheme).filter(([k]) => Object.values(THEME_NAMES).includes(k)));
      expect(Object.keys(dashboardThemes).length).toBeGreaterThanOrEqual(2);
      expect(dashboardThemes).toEqual(statsThemes);

      const types = bitCounts(cols.typeKeys, cols.types);
      for (const [type, n] of types) expect(stats.byPollutionType[type], type).toBe(n);
    },
    240_000,
  );
});
