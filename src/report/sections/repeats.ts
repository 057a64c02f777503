/** 六、重复举报: the repeat groups, figure and table (redacted). */
import type { RepeatGroup } from "../../analyze/repeats.js";
import { repeatTarget, repeatWhen } from "../../charts/repeats.js";
import { type ReportBlocks, type ReportContext, excerptOf } from "../context.js";

/** "12、13、14" (batches), else when the group's complaints came. */
const batchesOf = (g: RepeatGroup) => (g.members.every((m) => m.batch !== undefined) ? [...new Set(g.members.map((m) => m.batch))].join("、") : repeatWhen(g));

export function repeatsSection(ctx: ReportContext, out: ReportBlocks): void {
  const groups = ctx.groups;
  out.h1("六、重复举报");
  if (ctx.repeatsSkipped) {
    out.para("本次统计未做重复举报分析（生成时选择了不分析重复举报），重复举报情况需另行统计。");
    return;
  }
  if (!groups.length) {
    out.para("未发现同一对象的重复举报。");
    return;
  }
  out.para(`同一对象被多次举报的有 ${groups.length} 组、${ctx.inGroups} 件，说明相关问题整改不到位或群众反映未得到及时回应，建议作为督察整改的重点跟踪。`);
  out.figure("repeats");
  const limit = ctx.options.repeatLimit ?? 15;
  const listed = [...groups].sort((a, b) => b.size - a.size || Number(a.id.slice(1)) - Number(b.id.slice(1))).slice(0, limit);
  out.table({
    caption: "重复举报的主要对象",
    headers: ["组", "县区", "对象", "件数", "交办批次", "办理状态", "首次举报内容（节选）"],
    rows: listed.map((g) => [
      g.id,
      g.countyName,
      repeatTarget(g),
      String(g.size),
      batchesOf(g),
      Object.entries(g.statuses)
        .map(([k, v]) => `${k} ${v}`)
        .join("，"),
      excerptOf(g.members[0]?.excerpt ?? ""),
    ]),
    align: ["left", "left", "left", "right", "left", "left", "left"],
    source: `${ctx.source}；重复举报按“说明”中的规则归组。`,
    note: `投诉内容已隐去个人信息。${groups.length > listed.length ? `共 ${groups.length} 组，列出件数最多的 ${listed.length} 组。` : ""}`,
  });
}
