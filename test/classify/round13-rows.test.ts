import { describe } from "vitest";
import { loadRealRows, loadRoundRows, roundFile } from "../../src/classify/real.js";
import { heldOutRoundChecks } from "./held-out-round.js";

/**
 * The thirteenth held-out round (data/labelled/real/round13.tsv), collected and committed without
 * any prediction on it; not yet scored (`npm run eval -- --real-only --round13` scores it, once, by
 * the lead). No floor, so nothing here classifies its rows: the checks are that they load as
 * held-out, ids after N402, every cell maps, no text or page repeats rows.tsv or rounds 6–12, no
 * phone or ID number.
 */
describe("round 13 held-out rows", () => {
  heldOutRoundChecks({
    round: 13,
    name: "第十三轮",
    rows: loadRoundRows(13),
    file: roundFile(13),
    load: (file) => loadRoundRows(13, file),
    earlier: [
      ...loadRealRows(),
      ...loadRoundRows(6),
      ...loadRoundRows(7),
      ...loadRoundRows(8),
      ...loadRoundRows(9),
      ...loadRoundRows(10),
      ...loadRoundRows(11),
      ...loadRoundRows(12),
    ],
    afterId: 402,
    noteNamesRound: true,
  });
});
