import { describe } from "vitest";
import { loadRealRows, loadRoundRows, roundFile } from "../../src/classify/real.js";
import { heldOutRoundChecks } from "./held-out-round.js";

/**
 * The eleventh held-out round (data/labelled/real/round11.tsv: 11 rows from 10 pages of eight
 * provinces, collected by two collectors), frozen before any prediction on it was printed and
 * scored once by `npm run eval -- --real-only --round11` (main ceba05c, after that session's
 * tuning, cls19: 74.1% micro-F1 [56.0–90.3], 6 of 11 exact); development rows since, with a floor
 * under that score.
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
    floor: { scored: 11, microF1: 0.7, exact: 5 },
  });
});
