import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { pngSize } from "../../src/charts/render.js";
import { inkStats } from "../charts/helpers.js";
import { ducha, tempDir } from "./helpers.js";

const SAMPLE_CSV = "data/sample/郴州2023_信访件_模拟数据.csv";

describe("ducha chart", () => {
  it("--list names every chart with a Chinese description", () => {
    const r = ducha("chart", "--list");
    expect(r.code).toBe(0);
    for (const name of [
      "county-hotspots",
      "county-map",
      "type-by-county",
      "trend",
      "progress",
      "verification",
      "close-time",
      "themes",
      "theme-by-type",
      "repeats",
    ]) {
      expect(r.stdout).toContain(name);
    }
    expect(r.stdout).toContain("县区分布图");
    expect(r.stdout).toContain("需要：行政区域（县区）、是否属实");
  });

  it("draws the 郴州 county map of the bundled sample as a 2x PNG, marked 模拟数据", () => {
    const out = join(tempDir(), "分布图.png");
    const r = ducha("chart", "county-map", "--in", SAMPLE_CSV, "--out", out);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("已写出「县区分布图」");
    expect(r.stdout).toContain("模拟数据");
    const png = readFileSync(out);
    const { width, height } = pngSize(png);
    expect(width).toBeGreaterThan(900);
    expect(height).toBeGreaterThan(800);
    const stats = inkStats(png);
    expect(stats.ink).toBeGreaterThan(0.2);
    expect(stats.edgeInk).toBe(0);
  });

  it("prints a vega-lite spec with --format vl.json, and says why a chart cannot be drawn", () => {
    const r = ducha("chart", "trend", "--in", "test/fixtures/第5批_gbk.csv", "--format", "vl.json", "--unit", "batch");
    expect(r.code).toBe(0);
    const spec = JSON.parse(r.stdout);
    expect(spec.$schema).toContain("vega-lite");
    expect(JSON.stringify(spec.title)).toContain("各批次交办信访件数量");
    // the fixture has no 批次 anywhere (column, sheet, title or file name)
    const none = ducha("chart", "trend", "--in", "test/fixtures/stats-fixture.csv", "--format", "vl.json", "--unit", "batch");
    expect(none.code).toBe(1);
    expect(none.stderr).toContain("表中没有批次");
  });

  it("--no-repeats: the repeats chart says the analysis was skipped; other charts are drawn as before", () => {
    const skipped = ducha("chart", "repeats", "--in", SAMPLE_CSV, "--format", "vl.json", "--no-repeats");
    expect(skipped.code).toBe(1);
    expect(skipped.stderr).toContain("未做重复举报分析");
    const drawn = ducha("chart", "repeats", "--in", SAMPLE_CSV, "--format", "vl.json");
    expect(drawn.code).toBe(0);
    const a = ducha("chart", "types", "--in", SAMPLE_CSV, "--format", "vl.json", "--no-repeats");
    const b = ducha("chart", "types", "--in", SAMPLE_CSV, "--format", "vl.json");
    expect(a.code).toBe(0);
    expect(a.stdout).toBe(b.stdout);
  });

  it("rejects an unknown chart name (exit 2) and explains a missing font (exit 1)", () => {
    const bad = ducha("chart", "pie", "--in", SAMPLE_CSV);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("未知图名「pie」");
    const saved = process.env.DUCHA_CJK_FONT;
    process.env.DUCHA_CJK_FONT = "/nonexistent/NotoSansCJK.ttc";
    try {
      const r = ducha("chart", "types", "--in", SAMPLE_CSV, "--out", join(tempDir(), "t.png"));
      expect(r.code).toBe(1);
      expect(r.stderr).toContain("apt-get install fonts-noto-cjk");
    } finally {
      if (saved === undefined) delete process.env.DUCHA_CJK_FONT;
      else process.env.DUCHA_CJK_FONT = saved;
    }
  });
});
