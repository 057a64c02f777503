/**
 * The summaries of times to close (整改进度's figures and tables): nearest-rank percentiles of the
 * durations in days, and their histogram, checked by hand on small lists given out of order.
 */
import { describe, expect, it } from "vitest";
import { durationHistogram, summarizeDurations } from "../../src/analyze/time-to-close.js";

describe("summarizeDurations", () => {
  it("sorts numerically (40 after 7, not before) and takes nearest-rank percentiles", () => {
    // sorted: 1 2 3 5 7 40; p25 = 2nd (ceil 1.5), median = 3rd, p75 = 5th (ceil 4.5), p90 = 6th (ceil 5.4)
    expect(summarizeDurations([5, 40, 1, 3, 7, 2])).toEqual({ n: 6, mean: 58 / 6, median: 3, p25: 2, p75: 7, p90: 40, max: 40 });
  });

  it("accepts a typed array, keeps repeated values and leaves its input as it was", () => {
    const days = Int32Array.from([10, 0, 10, 100, 10]);
    // sorted: 0 10 10 10 100
    expect(summarizeDurations(days)).toEqual({ n: 5, mean: 26, median: 10, p25: 10, p75: 10, p90: 100, max: 100 });
    expect(Array.from(days)).toEqual([10, 0, 10, 100, 10]);
  });

  it("has no figures for no durations", () => {
    expect(summarizeDurations([])).toEqual({ n: 0, mean: null, median: null, p25: null, p75: null, p90: null, max: null });
  });
});

describe("durationHistogram", () => {
  it("counts each duration in its bucket, the bounds included", () => {
    const counts = durationHistogram([0, 7, 8, 15, 16, 30, 31, 200, 3, 90, 91, 180, 181]).map((b) => [b.label, b.count]);
    expect(counts).toEqual([
      ["0-7天", 3],
      ["8-15天", 2],
      ["16-30天", 2],
      ["31-60天", 1],
      ["61-90天", 1],
      ["91-180天", 2],
      ["180天以上", 2],
    ]);
  });
});
