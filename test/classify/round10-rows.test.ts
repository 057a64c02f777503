import { describe, expect, it } from "vitest";
import { loadRealRows, loadRoundRows, roundFile } from "../../src/classify/real.js";
import { heldOutRoundChecks } from "./held-out-round.js";

/**
 * The tenth held-out round (data/labelled/real/round10.tsv: pages of Anhui, Henan, Fujian,
 * Tianjin, Liaoning, Guangxi and seven more provinces, collected by three collectors), frozen before
 * any prediction on it was printed and scored once by `npm run eval -- --real-only --round10`
 * (main 7d0a279, after that session's tuning, cls15: 69.7% micro-F1 [58.8–79.1], 15 of 36 exact);
 * development rows since, with a floor under that score.
 */
describe("round 10 held-out rows", () => {
  const rows = loadRoundRows(10);
  heldOutRoundChecks({
    round: 10,
    name: "第十轮",
    rows,
    file: roundFile(10),
    load: (file) => loadRoundRows(10, file),
    earlier: [...loadRealRows(), ...loadRoundRows(6), ...loadRoundRows(7), ...loadRoundRows(8), ...loadRoundRows(9)],
    afterId: 224,
    noteNamesRound: true,
    floor: { scored: 36, microF1: 0.66, exact: 13 },
  });

  it("holds the three collectors' id ranges, north N225–N299, south N300–N379, by topic N380 on", () => {
    const ids = rows.map((r) => Number(r.id.slice(1)));
    expect(ids.filter((n) => n >= 225 && n < 300).length).toBe(12);
    expect(ids.filter((n) => n >= 300 && n < 380).length).toBe(18);
    expect(ids.filter((n) => n >= 380).length).toBe(6);
  });

  it("reads 来宾's run-together cell 土壤水, recorded with a space, as 土壤 and 水", () => {
    const laibin = rows.find((r) => r.id === "N383")!;
    expect(laibin.official).toBe("土壤 水");
    expect([...laibin.officialTypes].sort()).toEqual(["土壤", "水"].sort());
  });
});
