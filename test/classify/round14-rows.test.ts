import { describe } from "vitest";
import { loadRoundRows, roundFile } from "../../src/classify/real.js";
import { heldOutRoundChecks, rowsBefore } from "./held-out-round.js";

/**
 * The fourteenth held-out round (data/labelled/real/round14.tsv), collected and committed without
 * any prediction on it; not yet scored (`npm run eval -- --real-only --round14` scores it, once, by
 * the lead). No floor, so nothing here classifies its rows: the checks are that they load as
 * held-out, ids after N408, every cell maps, no text or page repeats rows.tsv or rounds 6–13, no
 * phone or ID number.
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
  });
});
