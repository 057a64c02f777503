import { describe } from "vitest";
import { loadRoundRows, roundFile } from "../../src/classify/real.js";
import { heldOutRoundChecks, rowsBefore } from "./held-out-round.js";

/**
 * The thirteenth held-out round (data/labelled/real/round13.tsv: 6 rows from 5 pages of five
 * provinces), collected and committed without any prediction on it and scored once by
 * `npm run eval -- --real-only --round13` (main f986bab, no classifier change since round 12:
 * 93.3% micro-F1 [84.2–100], 5 of 6 exact); development rows since, with a floor under that score.
 */
describe("round 13 held-out rows", () => {
  heldOutRoundChecks({
    round: 13,
    name: "第十三轮",
    rows: loadRoundRows(13),
    file: roundFile(13),
    load: (file) => loadRoundRows(13, file),
    earlier: rowsBefore(13),
    afterId: 402,
    noteNamesRound: true,
    floor: { scored: 6, microF1: 0.9, exact: 5 },
  });
});
