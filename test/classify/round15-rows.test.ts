import { describe } from "vitest";
import { loadRoundRows, roundFile } from "../../src/classify/real.js";
import { heldOutRoundChecks, rowsBefore } from "./held-out-round.js";

/**
 * The fifteenth held-out round (data/labelled/real/round15.tsv: 9 rows from 6 pages of 江苏, 山东
 * and 江西, by three collectors), collected and committed without any prediction on it and scored
 * once by `npm run eval -- --real-only --round15` (main 015f175, no label change since round 12:
 * 78.3% micro-F1, 5 of 9 exact, every miss an extra second type); development rows since, with a
 * floor under that score.
 */
describe("round 15 held-out rows", () => {
  heldOutRoundChecks({
    round: 15,
    name: "第十五轮",
    rows: loadRoundRows(15),
    file: roundFile(15),
    load: (file) => loadRoundRows(15, file),
    earlier: rowsBefore(15),
    afterId: 454,
    noteNamesRound: true,
    floor: { scored: 9, microF1: 0.78, exact: 5 },
  });
});
