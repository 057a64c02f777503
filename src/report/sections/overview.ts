/** 一、总体情况: the headline figures and the summary paragraph. */
import { type Rate, formatRate } from "../../analyze/rates.js";
import { NO_DATA, formatDate, formatDateRange, formatPercent as pct } from "../../text/format.js";
import { type ReportBlocks, type ReportContext, UNRESOLVED, int, wan } from "../context.js";
import type { Fact } from "../model.js";

/** A headline rate: its value, or 无数据 with the reason. */
const rateFact = (label: string, r: Rate, detail: string): Fact =>
  r.value === null ? { label, value: NO_DATA, detail: r.reason ?? "" } : { label, value: formatRate(r), detail };

export function overviewSection(ctx: ReportContext, out: ReportBlocks): void {
  const { cases, rates: r, first, last, batches, asOf, enforcement, place } = ctx;
  const e = enforcement.total;
  const noEnforcement = enforcement.unavailable;
  out.h1("一、总体情况");
  const facts: Fact[] = [
    {
      label: "信访件",
      value: `${int(cases.length)} 件`,
      detail: first && last ? `${formatDateRange(first, last)}${batches ? `，${batches} 批` : ""}` : batches ? `${batches} 批` : "",
    },
    rateFact("属实率", r.verifiedRate, `属实、基本属实、部分属实 ${r.verifiedRate.numerator} 件 / 填写了是否属实的 ${r.verifiedRate.denominator} 件`),
    rateFact(
      "办结率",
      r.closedRate,
      `已办结 ${ctx.statusCount("已办结")} 件 / 填写了办理状态的 ${r.closedRate.denominator} 件${asOf ? `，截至${formatDate(asOf)}` : ""}；含阶段性办结 ${pct(r.closedOrPhaseRate.value)}`,
    ),
    ctx.hasCategory
      ? { label: "重点件", value: `${ctx.keyCount} 件`, detail: `按案卷类别，占 ${pct(cases.length ? ctx.keyCount / cases.length : null)}` }
      : { label: "重点件", value: NO_DATA, detail: `表中没有“案卷类别”；按规则建议关注 ${ctx.suggestedCount} 件（仅为建议）` },
    ctx.repeatsSkipped
      ? { label: "重复举报", value: NO_DATA, detail: "本次未做重复举报分析" }
      : { label: "重复举报", value: `${ctx.groups.length} 组`, detail: `涉及 ${ctx.inGroups} 件` },
    noEnforcement
      ? { label: "立案处罚", value: NO_DATA, detail: noEnforcement }
      : {
          label: "立案处罚",
          value: `${e.cases} 起`,
          detail: `罚款 ${wan(e.fineYuan)}；约谈 ${e.interviewed} 人，问责 ${e.accountable} 人（据 ${e.withText} 件的处理情况）`,
        },
  ];
  out.blocks.push({ kind: "facts", facts });
  const ranking = [...ctx.data.ranking].sort((a, b) => b.count - a.count);
  const top3 = ranking.filter((x) => x.county !== UNRESOLVED && x.count > 0).slice(0, 3);
  const unresolved = ctx.data.ranking.find((x) => x.county === UNRESOLVED)?.count ?? 0;
  out.para(
    [
      first && last
        ? `${formatDateRange(first, last)}，督察组${batches ? `分 ${batches} 批` : ""}交办${place}信访件 ${cases.length} 件。`
        : batches
          ? `督察组分 ${batches} 批交办${place}信访件 ${cases.length} 件。`
          : `共有信访件 ${cases.length} 件。`,
      top3.length ? `从区域看，${top3.map((x) => `${x.countyName}（${x.count} 件）`).join("、")}件数居前。` : "",
      ctx.topTypes.length ? `从类型看，${ctx.topTypes.map((t) => `${t.type}（${t.count} 件）`).join("、")}问题最为集中。` : "",
      r.verifiedRate.denominator
        ? `经调查核实，属实（含基本属实、部分属实）${r.verifiedRate.numerator} 件，属实率 ${pct(r.verifiedRate.value)}${r.verifiedRate.blank ? `（${r.verifiedRate.blank} 件未填是否属实，不计入）` : ""}。`
        : "",
      ctx.hasStatus
        ? `${asOf ? `截至${formatDate(asOf)}，` : ""}已办结 ${ctx.statusCount("已办结")} 件，阶段性办结 ${ctx.statusCount("阶段性办结")} 件，正在办理 ${ctx.statusCount("正在办理")} 件，办结率 ${pct(r.closedRate.value)}${r.closedRate.blank ? `（${r.closedRate.blank} 件未填办理状态，不计入）` : ""}。`
        : "",
      unresolved ? `另有 ${unresolved} 件无法确定所属县（市、区），列为“${UNRESOLVED}”。` : "",
    ].join(""),
  );
}
