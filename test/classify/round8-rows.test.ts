import { describe, expect, it } from "vitest";
import { loadRealRows, loadRoundRows, roundFile } from "../../src/classify/real.js";
import { heldOutRoundChecks } from "./held-out-round.js";

/**
 * The eighth held-out round (data/labelled/real/round8.tsv), frozen before any prediction on it
 * was printed and scored once by `npm run eval -- --real-only --round8` (main f7f4495, after that
 * session's tuning, cls13: 85.7% micro-F1 [73.7–96.3], 5 of 8 exact); development rows since,
 * with a floor under that score.
 */
describe("round 8 held-out rows", () => {
  const rows = loadRoundRows(8);
  heldOutRoundChecks({
    round: 8,
    name: "第八轮",
    rows,
    file: roundFile(8),
    load: (file) => loadRoundRows(8, file),
    earlier: [...loadRealRows(), ...loadRoundRows(6), ...loadRoundRows(7)],
    afterId: 191,
    noteNamesRound: true,
    floor: { scored: 8, microF1: 0.76, exact: 4 },
  });

  it("reads 湖州's 涉气 (2023 第1批) as 大气", () => {
    const huzhou = rows.find((r) => r.id === "N192")!;
    expect(huzhou.official).toBe("涉气");
    expect(huzhou.officialTypes).toEqual(["大气"]);
  });

  it("reads the eleven-class cell of 恩施 2018 (噪声污染) as 噪声, in the eight-class scheme as 株洲 2018's 扬尘", () => {
    const enshi = rows.find((r) => r.id === "N194")!;
    expect(enshi.official).toBe("噪声污染");
    expect(enshi.officialTypes).toEqual(["噪声"]);
    expect(enshi.scheme).toBe("eight");
  });
});
