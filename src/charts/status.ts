import type { TopLevelSpec } from "vega-lite";
import type { CountTable } from "../analyze/index.js";
import { CASE_STATUSES } from "../model/vocabulary.js";
import { type ChartOptions, frame, percent, withPrefecture } from "./options.js";
import { shareLayers } from "./shares.js";
import { STATUS_SCALE } from "./theme.js";

const MISSING = "（未填）";

export interface StatusOptions extends ChartOptions {
  /** the date of the state shown ("2023-07-16"), for the note */
  asOf?: string;
}

/**
 * 办理状态 by county at one date: one 100% bar per county (and one for all counties) split into
 * 已办结 / 阶段性办结 / 正在办理, with the 办结率 (已办结 over all cases) at the right. Takes
 * `countBy(cases, ["county", "status"])`.
 */
export function statusSpec(table: CountTable<"county" | "status">, options: StatusOptions = {}): TopLevelSpec {
  const width = options.width ?? 360;
  const layers = shareLayers(
    table,
    "status",
    {
      order: [...CASE_STATUSES, MISSING],
      dark: new Set(["已办结"]),
      rate: (m) => {
        const n = [...m.values()].reduce((s, v) => s + v, 0);
        return n ? `办结率 ${percent((m.get("已办结") ?? 0) / n)}` : "办结率 —";
      },
    },
    STATUS_SCALE([MISSING]),
    width,
  );
  return {
    ...frame(options, withPrefecture(options, "各县（市、区）信访件办理情况"), [
      `${options.asOf ? `截至 ${options.asOf}；` : ""}各段为占该县区件数的比例；办结率 = 已办结 ÷ 全部件数`,
    ]),
    width,
    height: options.height ?? { step: 22 },
    layer: layers,
  };
}
