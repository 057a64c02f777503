import { describe, expect, it } from "vitest";
import { loadRealRows, loadRoundRows, roundFile } from "../../src/classify/real.js";
import { heldOutRoundChecks } from "./held-out-round.js";

/**
 * The sixth held-out round (data/labelled/real/round6.tsv), frozen before any prediction on it was
 * printed and scored once by `npm run eval -- --round6` (main 3537149, after that session's
 * tuning: 80.4% micro-F1, 17 of 34 exact); development rows since, with a floor under that score.
 */
describe("round 6 held-out rows", () => {
  const rows = loadRoundRows(6);
  heldOutRoundChecks({
    round: 6,
    name: "第六轮",
    rows,
    file: roundFile(6),
    load: (file) => loadRoundRows(6, file),
    // rows.tsv holds every earlier row, the 58 shared development rows (R001–R058) included
    earlier: loadRealRows(),
    afterId: 126,
    floor: { scored: 34, microF1: 0.76, exact: 16 },
  });

  it("reads the space-separated cell of the Shanxi 2018 table as three types", () => {
    const shanxi = rows.find((r) => r.id === "N127")!;
    expect(shanxi.official).toBe("大气 土壤 水");
    expect(shanxi.officialTypes).toEqual(["大气", "土壤", "水"]);
  });
});
