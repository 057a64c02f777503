/** 五、查处和整改情况: 查实, 整改进度 (办结率 by 截至 date, 办结用时), overdue cases, 重点件, enforcement. */
import type { AnalyzableComplaint } from "../../analyze/keys.js";
import { overdue } from "../../analyze/overdue.js";
import type { ProgressRow } from "../../analyze/progress.js";
import { NO_DATA, NO_VALUE, UNRESOLVED, formatDate, formatMonthDay, formatPercent as pct, formatWan, toWan } from "../../text/format.js";
import { gate } from "../../text/redact.js";
import { type ReportBlocks, type ReportContext, int, wan } from "../context.js";

const ALL = "全部";
/** the longest excerpt of a complaint in a list (characters, after redaction) */
const EXCERPT = 24;

const target = (c: AnalyzableComplaint | undefined) => (c?.classification?.target ? gate(c.classification.target, { max: 20 }) : NO_VALUE);
const summary = (c: AnalyzableComplaint | undefined) => (c ? gate(c.text.replace(/\s+/g, " ").trim(), { max: EXCERPT }) : "");

export function handlingSection(ctx: ReportContext, out: ReportBlocks): void {
  out.h1("五、查处和整改情况");
  out.h2("（一）查实情况");
  const v = ctx.rates.verifiedRate;
  out.para(
    v.value === null
      ? `是否属实${NO_DATA}：${v.reason ?? ""}。`
      : `经调查核实，属实（含基本属实、部分属实）${v.numerator} 件，占填写了是否属实的 ${v.denominator} 件的 ${pct(v.value)}。`,
  );
  out.figure("verification");
  out.h2("（二）整改进度");
  progressTable(ctx, out);
  out.figure("progress");
  out.figure("close-time");
  overdueList(ctx, out);
  out.h2("（三）重点件");
  keyCaseList(ctx, out);
  out.h2("（四）执法和问责");
  enforcement(ctx, out);
}

/** 办结率 of each county at each 截至 date of the snapshots (and the latest state). */
function progressTable(ctx: ReportContext, out: ReportBlocks): void {
  const p = ctx.data.progress;
  const snapshots = [...new Set(ctx.data.records.map((r) => r.asOf).filter((d): d is string => !!d))].filter((d) => p.dates.includes(d)).sort();
  if (snapshots.length < 2) {
    out.para(
      ctx.hasStatus
        ? `只有一期办理情况${ctx.asOf ? `（截至${formatDate(ctx.asOf)}）` : ""}，各县（市、区）办结率见表1。`
        : `办理状态${NO_DATA}：原表没有“是否办结”。`,
    );
    return;
  }
  const sameYear = snapshots.every((d) => d.slice(0, 4) === snapshots[0]!.slice(0, 4));
  const at = (rows: readonly ProgressRow[], d: string) => rows.find((r) => r.date === d);
  const byCounty = new Map<string, ProgressRow[]>();
  for (const r of p.rows) byCounty.set(r.county, [...(byCounty.get(r.county) ?? []), r]);
  const line = (name: string, rows: readonly ProgressRow[]) => [name, ...snapshots.map((d) => pct(at(rows, d)?.closedRate))];
  const rows = [...byCounty.values()].map((rows) => line(rows[0]!.countyName, rows));
  rows.push(line("合计", p.overall));
  const last = at(p.overall, snapshots.at(-1)!);
  out.para(
    `${snapshots.length} 期办理情况表中，全部信访件的办结率依次为 ${snapshots.map((d) => `${pct(at(p.overall, d)?.closedRate)}（截至${sameYear ? formatMonthDay(d) : formatDate(d)}）`).join("、")}` +
      `${last ? `；截至${formatDate(snapshots.at(-1)!)}，已办结 ${last.closed} 件` : ""}。`,
  );
  out.table({
    caption: "各县（市、区）各期办结率（按截至日期）",
    headers: ["县（市、区）", ...snapshots.map((d) => (sameYear ? formatMonthDay(d) : formatDate(d)))],
    rows,
    totalRow: true,
    source: `${ctx.source}。`,
    note: `办结率 = 截至该日已办结的件数 ÷ 截至该日交办的件数；办结日期取“办结时间”栏，没有的取首次显示已办结的一期表的截至日期。${sameYear ? `日期均为${snapshots[0]!.slice(0, 4)}年。` : ""}`,
  });
}

/** The cases past their 办结目标 and not 已办结, most overdue first (redacted). */
function overdueList(ctx: ReportContext, out: ReportBlocks): void {
  const o = overdue(ctx.data.records, ctx.data.options);
  if (!o.at) return;
  if (!o.cases.length) {
    out.para(
      `截至${formatDate(o.at)}，没有超过办结目标仍未办结的信访件${o.undated ? `（另有 ${o.undated} 件的办结目标不是日期，如“立行立改”“长期坚持”，未作判断）` : ""}。`,
    );
    return;
  }
  const limit = ctx.options.listLimit ?? 20;
  const byKey = new Map(ctx.cases.map((c, i) => [c.key, { c, key: ctx.keyFlags[i]!.key }]));
  const listed = o.cases.slice(0, limit);
  // 7月31日 when every 办结目标 falls in the year of the evaluation date (the note says which)
  const year = o.at.slice(0, 4);
  const sameYear = listed.every((x) => x.deadline.startsWith(year));
  const day = (d: string) => (sameYear ? formatMonthDay(d) : formatDate(d));
  out.para(
    `截至${formatDate(o.at)}，超过办结目标仍未办结的信访件 ${o.cases.length} 件，逾期最久的 ${o.cases[0]!.daysOverdue} 天，按逾期天数列出${o.cases.length > listed.length ? `前 ${listed.length} 件` : "如下"}。`,
  );
  out.table({
    caption: "逾期未办结信访件",
    headers: ["县区", "受理编号", "投诉对象", "反映问题（节选）", "办结目标", "逾期天数", "办理状态"],
    rows: listed.map((x) => {
      const c = byKey.get(x.key);
      return [
        x.countyName,
        x.caseNo ?? NO_VALUE,
        `${target(c?.c)}${c?.key ? "（重点件）" : ""}`,
        summary(c?.c),
        day(x.deadline),
        int(x.daysOverdue),
        x.status ?? "未填",
      ];
    }),
    align: ["left", "left", "left", "left", "left", "right", "left"],
    source: `${ctx.source}。`,
    note: `投诉内容已隐去个人信息；重点件按案卷类别标注。${sameYear ? `办结目标均为${year}年。` : ""}逾期天数从办结目标算至${formatDate(o.at)}。${o.cases.length > listed.length ? `共 ${o.cases.length} 件，列出逾期最久的 ${listed.length} 件。` : ""}${o.undated ? `另有 ${o.undated} 件的办结目标不是日期（如“立行立改”），未作判断。` : ""}`,
  });
}

/** The 重点件 of the table (案卷类别), with their state; without the column, why there is none. */
function keyCaseList(ctx: ReportContext, out: ReportBlocks): void {
  if (!ctx.hasCategory) {
    out.para(`重点件${NO_DATA}：原表没有“案卷类别”。按规则建议关注的有 ${ctx.suggestedCount} 件（仅为建议，以督察组认定为准）。`);
    return;
  }
  const keys = ctx.cases.filter((_, i) => ctx.keyFlags[i]!.key);
  if (!keys.length) {
    out.para("原表“案卷类别”中没有重点件。");
    return;
  }
  const open = keys.filter((c) => c.status !== "已办结").length;
  out.para(
    `按案卷类别，重点件 ${keys.length} 件，${ctx.asOf ? `截至${formatDate(ctx.asOf)}` : "目前"}已办结 ${keys.length - open} 件，未办结 ${open} 件${open ? "，未办结的排在前面" : ""}。`,
  );
  const limit = ctx.options.listLimit ?? 20;
  const rank = (c: AnalyzableComplaint) => (c.status === "已办结" ? 2 : c.status === "阶段性办结" ? 1 : 0);
  const listed = [...keys].sort((a, b) => rank(a) - rank(b) || (a.date ?? "").localeCompare(b.date ?? "") || a.key.localeCompare(b.key)).slice(0, limit);
  out.table({
    caption: "重点件办理情况",
    headers: ["县区", "受理编号", "投诉对象", "反映问题（节选）", "是否属实", "办理状态"],
    rows: listed.map((c) => [c.area.county ?? UNRESOLVED, c.caseNo ?? NO_VALUE, target(c), summary(c), c.verification ?? "未填", c.status ?? "未填"]),
    align: ["left", "left", "left", "left", "left", "left"],
    source: `${ctx.source}。`,
    note: `投诉内容已隐去个人信息。${keys.length > listed.length ? `共 ${keys.length} 件，列出 ${listed.length} 件（未办结的在前）。` : ""}`,
  });
}

function enforcement(ctx: ReportContext, out: ReportBlocks): void {
  const { unavailable, total: e, byCounty } = ctx.enforcement;
  if (unavailable) {
    out.para(`执法和问责情况${NO_DATA}：${unavailable}，无法统计立案、罚款、约谈和问责情况。`);
    return;
  }
  out.para(
    `根据 ${e.withText} 件信访件“处理和整改情况”的记载，共立案 ${e.cases} 起，罚款 ${e.fines} 笔共计 ${wan(e.fineYuan)}，责令整改 ${e.orders} 次，责令停产 ${e.suspensions} 次，查封扣押 ${e.seizures} 次，移送公安 ${e.transfers} 次；约谈 ${e.interviewed} 人，问责 ${e.accountable} 人。${e.withText < e.records ? `另有 ${e.records - e.withText} 件未填写处理和整改情况，不计入。` : ""}`,
  );
  const rows = [...byCounty, { ...e, countyName: "合计" }].map((x) => [
    x.county === ALL ? "合计" : x.countyName,
    int(x.withAction),
    int(x.cases),
    int(x.fines),
    formatWan(toWan(x.fineYuan)),
    int(x.orders),
    int(x.suspensions),
    int(x.seizures),
    int(x.transfers),
    int(x.interviewed),
    int(x.accountable),
  ]);
  out.table({
    caption: "各县（市、区）执法和问责情况",
    headers: ["县（市、区）", "有处理措施", "立案", "罚款笔数", "罚款金额（万元）", "责令整改", "责令停产", "查封扣押", "移送公安", "约谈人数", "问责人数"],
    rows,
    totalRow: true,
    source: `${ctx.source}中的“处理和整改情况”“责任人被处理情况”栏。`,
    note: "单位：有处理措施为件，立案为起，责令整改、责令停产、查封扣押、移送公安为提及次数，约谈、问责为人。从文字识别，口径见“说明”。",
  });
}
