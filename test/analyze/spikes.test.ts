import { describe, expect, it } from "vitest";
import { poissonUpperTail } from "../../src/analyze/poisson.js";
import { spikes } from "../../src/analyze/spikes.js";
import { complaint } from "./helpers.js";
import type { ClassifiedComplaint } from "../../src/model/classification.js";

const day = (i: number) => new Date(Date.UTC(2023, 5, 26 + i)).toISOString().slice(0, 10);

/** `counts[d]` complaints of `type` in `county` on day d. */
function series(county: string, counts: number[], type: "大气" | "水" = "水"): ClassifiedComplaint[] {
  return counts.flatMap((n, d) => Array.from({ length: n }, () => complaint({ county, date: day(d), official: [type] })));
}

/** Seeded Poisson draws (Knuth), for a noisy series without a spike. */
function poissonSeries(lambda: number, days: number, seed: number): number[] {
  let s = seed;
  const rnd = () => (s = (s * 1103515245 + 12345) % 2147483648) / 2147483648;
  return Array.from({ length: days }, () => {
    let k = 0;
    let p = 1;
    const l = Math.exp(-lambda);
    do {
      k++;
      p *= rnd();
    } while (p > l);
    return k - 1;
  });
}

describe("poissonUpperTail", () => {
  it("matches hand-computed tails", () => {
    // P(X >= 1 | 2) = 1 - e^-2
    expect(poissonUpperTail(1, 2)).toBeCloseTo(1 - Math.exp(-2), 12);
    // P(X >= 8 | 2) = 1 - e^-2 (1 + 2 + 2 + 4/3 + 2/3 + 4/15 + 4/45 + 8/315) = 0.00109672
    expect(poissonUpperTail(8, 2)).toBeCloseTo(1 - Math.exp(-2) * (1 + 2 + 2 + 4 / 3 + 2 / 3 + 4 / 15 + 4 / 45 + 8 / 315), 12);
    expect(poissonUpperTail(8, 2)).toBeCloseTo(0.00109672, 7);
    expect(poissonUpperTail(30, 2)).toBeGreaterThan(0);
    expect(poissonUpperTail(30, 2)).toBeLessThan(1e-20);
    expect(poissonUpperTail(0, 5)).toBe(1);
  });
});

describe("spikes", () => {
  it("flag a planted county-day far above the county's baseline", () => {
    // 苏仙区: about 2 a day for 20 days, 12 on day 10; 资兴市: a steady 2 a day
    const counts = [2, 1, 3, 2, 2, 1, 2, 3, 2, 2, 12, 2, 1, 2, 3, 2, 2, 1, 2, 2];
    const r = spikes([...series("431003", counts), ...series("431081", Array(20).fill(2))], { by: ["county"] });
    expect(r.spikes).toHaveLength(1);
    expect(r.spikes[0]).toMatchObject({ series: "county", county: "431003", countyName: "苏仙区", at: day(10), count: 12, baseline: 2, excess: 10 });
    expect(r.spikes[0]!.p).toBeLessThan(1e-5);
    expect(r.units).toHaveLength(20);
  });

  it("flag a county-type spike hidden in the county's total", () => {
    // 大气 is rare (0 or 1 a day) until 6 on day 5; water keeps the county total busy
    const air = [0, 1, 0, 0, 1, 6, 0, 1, 0, 0, 1, 0, 0, 1, 0];
    const r = spikes([...series("431003", air, "大气"), ...series("431003", Array(15).fill(4), "水")]);
    expect(r.spikes.map((s) => [s.series, s.type, s.at, s.count])).toEqual([["county-type", "大气", day(5), 6]]);
  });

  it("raise no alarm on a flat series or on plain Poisson noise", () => {
    expect(spikes(series("431003", Array(30).fill(5))).spikes).toEqual([]);
    const noisy = [
      ...series("431003", poissonSeries(2, 30, 7)),
      ...series("431081", poissonSeries(4, 30, 11)),
      ...series("431002", poissonSeries(0.5, 30, 13)),
    ];
    const r = spikes(noisy);
    expect(r.tests).toBeGreaterThan(50);
    expect(r.spikes).toEqual([]);
  });

  it("ignore a small excess even when it is improbable (fewer than 3 above baseline)", () => {
    // a quiet county: baseline floored at 0.5; 3 in a day is p = 0.014 and only 2.5 above
    expect(spikes(series("431003", [0, 0, 3, 0, 0, 0, 0, 0]), { alpha: 0.05 }).spikes).toEqual([]);
  });
});
