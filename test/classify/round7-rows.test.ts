import { describe, expect, it } from "vitest";
import { loadRealRows, loadRoundRows, roundFile } from "../../src/classify/real.js";
import { heldOutRoundChecks } from "./held-out-round.js";

/**
 * The seventh held-out round (data/labelled/real/round7.tsv), frozen before any prediction on it
 * was printed and scored once by `npm run eval -- --real-only --round7` (main 31c8b10, after that
 * session's tuning, cls12: 80.0% micro-F1 [70.5–87.9], 18 of 31 exact); development rows since,
 * with a floor under that score.
 */
describe("round 7 held-out rows", () => {
  const rows = loadRoundRows(7);
  heldOutRoundChecks({
    round: 7,
    name: "第七轮",
    rows,
    file: roundFile(7),
    load: (file) => loadRoundRows(7, file),
    earlier: [...loadRealRows(), ...loadRoundRows(6)],
    afterId: 160,
    noteNamesRound: true,
    floor: { scored: 31, microF1: 0.76, exact: 16 },
  });

  it("reads the eleven-class cell of the Zhuzhou 2018 table (扬尘) as 大气", () => {
    const zhuzhou = rows.find((r) => r.id === "N163")!;
    expect(zhuzhou.official).toBe("扬尘");
    expect(zhuzhou.officialTypes).toEqual(["大气"]);
    expect(zhuzhou.scheme).toBe("eight");
  });

  it("reads the cell that closes its list with 等 (咸宁 2024) as the three types it names", () => {
    const xianning = rows.find((r) => r.id === "N189")!;
    expect(xianning.official).toBe("辐射、噪声、固废等");
    expect(xianning.officialTypes).toEqual(["辐射", "噪声", "固废"]);
  });
});
