import { describe } from "vitest";
import { loadRoundRows, roundFile } from "../../src/classify/real.js";
import { heldOutRoundChecks, rowsBefore } from "./held-out-round.js";

/**
 * The twelfth held-out round (data/labelled/real/round12.tsv: 6 rows from 5 pages of three
 * provinces), collected and committed without any prediction on it and scored once by
 * `npm run eval -- --real-only --round12` (main 00e4e4d, after speed20's JavaScript cut and pii20's
 * bare names, neither of which changes a label: 70.6% micro-F1 [40.0–93.3], 3 of 6 exact);
 * development rows since, with a floor under that score.
 */
describe("round 12 held-out rows", () => {
  heldOutRoundChecks({
    round: 12,
    name: "第十二轮",
    rows: loadRoundRows(12),
    file: roundFile(12),
    load: (file) => loadRoundRows(12, file),
    earlier: rowsBefore(12),
    afterId: 396,
    noteNamesRound: true,
    floor: { scored: 6, microF1: 0.7, exact: 3 },
  });
});
