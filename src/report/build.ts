/**
 * The annex's content model from complaints, section by section (src/report/sections/): each
 * section reads the shared figures of {@link reportContext} and appends its blocks.
 */
import { basename } from "node:path";
import type { ChartData } from "../charts/catalog.js";
import { SYNTHETIC_NOTE } from "../charts/theme.js";
import { countSeveralPredicted } from "../model/classification.js";
import { formatDate, formatDateRange } from "../text/format.js";
import { type ReportOptions, ReportBlocks, reportContext } from "./context.js";
import { methodNote } from "./method.js";
import type { ReportModel } from "./model.js";
import { countiesSection } from "./sections/counties.js";
import { handlingSection } from "./sections/handling.js";
import { overviewSection } from "./sections/overview.js";
import { problemsSection } from "./sections/problems.js";
import { repeatsSection } from "./sections/repeats.js";
import { trendSection } from "./sections/trend.js";

export { type ReportOptions, cnDate, isKeyCase } from "./context.js";

const todayIso = () => {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
};

/**
 * The statistical annex of an inspection's feedback (反馈意见) from complaints: headline figures,
 * the tables by county (件数, 属实率, 办结率, 重点件; types; 办结率 at each 截至 date), the
 * charts, the overdue and 重点件 lists and the main repeat complaints (redacted), enforcement
 * totals and a note on method.
 */
export function buildReport(data: ChartData, options: ReportOptions = {}): ReportModel {
  const ctx = reportContext(data, options);
  const out = new ReportBlocks(ctx);
  overviewSection(ctx, out);
  countiesSection(ctx, out);
  problemsSection(ctx, out);
  trendSection(ctx, out);
  handlingSection(ctx, out);
  repeatsSection(ctx, out);
  out.h1("七、说明");
  out.blocks.push({
    kind: "list",
    items: methodNote({
      files: (options.files ?? []).map((f) => basename(f)),
      records: data.records.length,
      cases: ctx.cases.length,
      rejected: options.rejected ?? 0,
      snapshots: [...new Set(data.records.map((x) => x.asOf).filter((x): x is string => !!x))].sort(),
      typeSource: data.columns.typeSourceCounts,
      severalPredicted: countSeveralPredicted(data.columns),
      keyOfficial: ctx.hasCategory ? ctx.keyCount : null,
      keySuggested: ctx.suggestedCount,
      upperBoundCases: data.progress.upperBoundCases,
      synthetic: ctx.synthetic,
    }),
  });

  const subtitle: string[] = [];
  if (ctx.first && ctx.last) subtitle.push(`交办时间：${formatDateRange(ctx.first, ctx.last)}${ctx.batches ? `，共 ${ctx.batches} 批` : ""}`);
  if (ctx.asOf) subtitle.push(`办理情况截至：${formatDate(ctx.asOf)}`);
  if (ctx.synthetic) subtitle.push(`【${SYNTHETIC_NOTE}，仅供演示】`);
  const title = options.title ?? `${ctx.place}生态环境保护督察信访件统计分析`;
  return { title, subtitle, synthetic: ctx.synthetic, date: options.date ?? todayIso(), blocks: out.blocks };
}
