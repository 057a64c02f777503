import type { TopLevelSpec } from "vega-lite";
import type { CountTable } from "../analyze/index.js";
import { VERIFICATIONS } from "../model/vocabulary.js";
import { type ChartOptions, frame, withPrefecture } from "./options.js";
import { shareLayers, shareRate } from "./shares.js";
import { VERIFICATION_SCALE } from "./theme.js";
import { MISSING } from "../text/format.js";

const TRUE = new Set<string>(["属实", "基本属实", "部分属实"]);

/**
 * 是否属实 breakdown: one 100% bar per county (and one for all counties, on top) split into
 * 属实 / 基本属实 / 部分属实 / 不属实 / 未填, the shares written in wide enough segments, and the
 * 属实率 (属实 + 基本属实 + 部分属实 over cases with a value) at the right. Takes
 * `countBy(cases, ["county", "verification"])`.
 */
export function verificationSpec(table: CountTable<"county" | "verification">, options: ChartOptions = {}): TopLevelSpec {
  const width = options.width ?? 360;
  const layers = shareLayers(
    table,
    "verification",
    { order: [...VERIFICATIONS, MISSING], dark: new Set(["属实", "基本属实"]), rate: shareRate("属实率", TRUE) },
    VERIFICATION_SCALE([MISSING]),
    width,
  );
  return {
    ...frame(options, withPrefecture(options, "信访件查实情况（是否属实）"), [
      "各段为占该县区件数的比例；属实率 =（属实 + 基本属实 + 部分属实）÷ 填写了是否属实的件数",
    ]),
    width,
    height: options.height ?? { step: 22 },
    layer: layers,
  };
}
