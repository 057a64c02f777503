import { describe } from "vitest";
import { loadRoundRows, roundFile } from "../../src/classify/real.js";
import { heldOutRoundChecks, rowsBefore } from "./held-out-round.js";

/**
 * The fourteenth held-out round (data/labelled/real/round14.tsv: 7 rows from 7 pages of 辽宁, 宁夏,
 * 广东, 浙江 and 湖南, by two collectors), collected and committed without any prediction on it and
 * scored once by `npm run eval -- --real-only --round14` (main ce52299, no classifier change since
 * round 12: 100% micro-F1, 7 of 7 exact); development rows since, with a floor under that score.
 */
describe("round 14 held-out rows", () => {
  heldOutRoundChecks({
    round: 14,
    name: "第十四轮",
    rows: loadRoundRows(14),
    file: roundFile(14),
    load: (file) => loadRoundRows(14, file),
    earlier: rowsBefore(14),
    afterId: 408,
    noteNamesRound: true,
    floor: { scored: 7, microF1: 0.99, exact: 7 },
  });
});
