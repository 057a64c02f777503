import { describe } from "vitest";
import { loadRealRows, loadRoundRows, roundFile } from "../../src/classify/real.js";
import { heldOutRoundChecks } from "./held-out-round.js";

/**
 * The twelfth held-out round (data/labelled/real/round12.tsv), collected and committed without any
 * prediction on it; not yet scored, so nothing here classifies a row (no floor until the lead's one
 * scoring with `npm run eval -- --real-only --round12`).
 */
describe("round 12 held-out rows", () => {
  heldOutRoundChecks({
    round: 12,
    name: "第十二轮",
    rows: loadRoundRows(12),
    file: roundFile(12),
    load: (file) => loadRoundRows(12, file),
    earlier: [
      ...loadRealRows(),
      ...loadRoundRows(6),
      ...loadRoundRows(7),
      ...loadRoundRows(8),
      ...loadRoundRows(9),
      ...loadRoundRows(10),
      ...loadRoundRows(11),
    ],
    afterId: 396,
    noteNamesRound: true,
  });
});
