import { describe } from "vitest";
import { loadRoundRows, roundFile } from "../../src/classify/real.js";
import { heldOutRoundChecks, rowsBefore } from "./held-out-round.js";

/**
 * The fifteenth held-out round (data/labelled/real/round15.tsv), collected and committed without
 * any prediction on it; not yet scored (`npm run eval -- --real-only --round15` scores it, once, by
 * the lead). No floor, so nothing here classifies its rows: the checks are that they load as
 * held-out, ids after N454, every cell maps, no text or page repeats rows.tsv or rounds 6–14, no
 * phone or ID number.
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
  });
});
