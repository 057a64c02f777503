import { describe } from "vitest";
import { loadRealRows, loadRoundRows, roundFile } from "../../src/classify/real.js";
import { heldOutRoundChecks } from "./held-out-round.js";

/**
 * The eleventh held-out round (data/labelled/real/round11.tsv), collected and committed without
 * any prediction on it: not yet scored, so no floor and nothing here classifies its rows. The lead
 * scores it once with `npm run eval -- --real-only --round11`.
 */
describe("round 11 held-out rows", () => {
  heldOutRoundChecks({
    round: 11,
    name: "第十一轮",
    rows: loadRoundRows(11),
    file: roundFile(11),
    load: (file) => loadRoundRows(11, file),
    earlier: [...loadRealRows(), ...loadRoundRows(6), ...loadRoundRows(7), ...loadRoundRows(8), ...loadRoundRows(9), ...loadRoundRows(10)],
    afterId: 385,
    noteNamesRound: true,
  });
});
