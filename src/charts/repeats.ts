import type { TopLevelSpec } from "vega-lite";
import type { RepeatGroup } from "../analyze/index.js";
import { CASE_STATUSES } from "../model/vocabulary.js";
import { type ChartOptions, frame, roomyMax, withPrefecture } from "./options.js";
import { STATUS_SCALE } from "./theme.js";
import { formatDateRange } from "../text/format.js";

const MISSING = "未填";

export interface RepeatsOptions extends ChartOptions {
  /** the largest groups shown (default 15) */
  limit?: number;
}

/** What a repeat group is about: the shared target, else a member's target, else its first words. */
export function repeatTarget(group: RepeatGroup): string {
  for (const l of group.links) if (l.kind === "target") return l.target;
  const t = group.members.find((m) => m.target)?.target;
  if (t) return t;
  for (const l of group.links) if (l.kind === "text" && l.shared.length) return l.shared.slice(0, 3).join("、");
  return group.members[0]?.excerpt.slice(0, 12) ?? "";
}

/** "第2、3、4批", or the first and last date when batches are unknown. */
export function repeatWhen(group: RepeatGroup): string {
  const batches = group.members.map((m) => m.batch);
  if (batches.every((b) => b !== undefined)) return `第${[...new Set(batches)].join("、")}批`;
  if (group.firstDate && group.lastDate) return formatDateRange(group.firstDate, group.lastDate);
  return "";
}

/**
 * Repeat targets: one bar per group of repeat complaints (the same target in the same county),
 * the largest first, split by the members' 办理状态 and labelled with when they came. Takes
 * `repeats(cases).groups`, REDACTED first (the labels come from complaint text: see
 * `redact()` in src/text/redact.ts).
 */
export function repeatsSpec(groups: readonly RepeatGroup[], options: RepeatsOptions = {}): TopLevelSpec {
  const limit = options.limit ?? 15;
  const shown = [...groups].sort((a, b) => b.size - a.size || Number(a.id.slice(1)) - Number(b.id.slice(1))).slice(0, limit);
  const order = [...CASE_STATUSES, MISSING] as string[];
  const rows = shown.map((g) => ({ g, name: `${g.id} ${g.countyName} ${repeatTarget(g)}` }));
  const segments = rows.flatMap(({ g, name }) =>
    order.filter((s) => g.statuses[s]).map((s) => ({ name, status: s, order: order.indexOf(s), count: g.statuses[s]! })),
  );
  const labels = rows.map(({ g, name }) => ({ name, size: g.size, label: `${g.size} 件 ${repeatWhen(g)}` }));
  const max = Math.max(0, ...shown.map((g) => g.size));
  const scale = STATUS_SCALE([MISSING]);
  const present = order.filter((s) => segments.some((x) => x.status === s));
  const y = { field: "name", type: "nominal" as const, sort: rows.map((r) => r.name), title: null, axis: { ticks: false, domain: false, labelPadding: 6 } };
  const notes = [
    groups.length > shown.length ? `共 ${groups.length} 组，显示件数最多的 ${shown.length} 组` : `共 ${groups.length} 组`,
    "同一县区内同一对象或内容高度相似的信访件归为一组；颜色为各件最新办理状态",
  ];
  return {
    ...frame(options, withPrefecture(options, "重复举报的主要对象"), notes),
    width: options.width ?? 240,
    height: options.height ?? { step: 22 },
    layer: [
      {
        data: { values: segments },
        mark: { type: "bar", stroke: "#ffffff", strokeWidth: 0.8, height: { band: 0.7 } },
        encoding: {
          y,
          x: {
            field: "count",
            type: "quantitative",
            aggregate: "sum",
            title: "信访件（件）",
            scale: { domain: [0, roomyMax(max, 0.7)], nice: false },
            axis: { tickMinStep: 1, format: "d" },
          },
          color: {
            field: "status",
            type: "nominal",
            title: null,
            scale: { domain: scale.domain, range: scale.range },
            legend: { orient: "top", direction: "horizontal", values: present, columns: present.length },
          },
          order: { field: "order", type: "quantitative" },
        },
      },
      {
        data: { values: labels },
        mark: { type: "text", align: "left", baseline: "middle", dx: 4 },
        encoding: { y, x: { field: "size", type: "quantitative" }, text: { field: "label" } },
      },
    ],
  };
}
