import type { TopLevelSpec } from "vega-lite";
import type { CountTable } from "../analyze/index.js";
import { CASE_STATUSES } from "../model/vocabulary.js";
import { type ChartOptions, frame, withPrefecture } from "./options.js";
import { shareLayers, shareRate } from "./shares.js";
import { STATUS_SCALE } from "./theme.js";
import { MISSING, formatDate } from "../text/format.js";

export interface StatusOptions extends ChartOptions {
  /** the date of the state shown ("2023-07-16"), for the note */
  asOf?: string;
}

/**
 * 办理状态 by county at one date: one 100% bar per county (and one for all counties) split into
 * 已办结 / 阶段性办结 / 正在办理 (and 未填), with the 办结率 (已办结 over the cases with a status) at
 * the right. Takes
 * `countBy(cases, ["county", "status"])`.
 */
export function statusSpec(table: CountTable<"county" | "status">, options: StatusOptions = {}): TopLevelSpec {
  const width = options.width ?? 360;
  const layers = shareLayers(
    table,
    "status",
    { order: [...CASE_STATUSES, MISSING], dark: new Set(["已办结"]), rate: shareRate("办结率", new Set(["已办结"])) },
    STATUS_SCALE([MISSING]),
    width,
  );
  return {
    ...frame(options, withPrefecture(options, "各县（市、区）信访件办理情况"), [
      `${options.asOf ? `截至${formatDate(options.asOf)}；` : ""}各段为占该县区件数的比例；办结率 = 已办结 ÷ 填写了办理状态的件数`,
    ]),
    width,
    height: options.height ?? { step: 22 },
    layer: layers,
  };
}
