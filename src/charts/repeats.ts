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

/** The 对象 of a repeat group whose complaints name no object and share no site word. */
export const NO_TARGET = "未写明对象（内容相似）";

/** A word that names a kind of site (养殖场, 石材厂, 饭店): what a text-only group may be about. */
const SITE_WORD = /(?:厂|场|站|矿|矿业|公司|合作社|工地|工程|作坊|码头|农家乐|山庄|饭店|酒家|酒楼|餐馆|超市|医院|学校|小区|楼盘)$/;

/**
 * What a repeat group is about, as a name (东江饲料厂), never a list of words: the target the
 * most members name (the longest of equals, so 东江饲料厂 beats 饲料厂), or the target key that
 * linked them when it says more (小坊村附近的选矿厂 beside a bare 选矿厂); for a group joined by
 * similar text alone, the longest shared word that names a kind of site, else {@link NO_TARGET}
 * (the shared words are in the group's reason).
 */
export function repeatTarget(group: RepeatGroup): string {
  const counts = new Map<string, number>();
  for (const m of group.members) if (m.target) counts.set(m.target, (counts.get(m.target) ?? 0) + 1);
  const named = [...counts].sort((a, b) => b[1] - a[1] || b[0].length - a[0].length)[0]?.[0];
  const linked = group.links.flatMap((l) => (l.kind === "target" ? [l.target] : []));
  if (named) return linked.find((t) => t.length > named.length && t.endsWith(named)) ?? named;
  if (linked[0]) return linked[0];
  const shared = group.links.flatMap((l) => (l.kind === "text" ? l.shared : []));
  return shared.filter((w) => w.length >= 3 && SITE_WORD.test(w)).sort((a, b) => b.length - a.length)[0] ?? NO_TARGET;
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
