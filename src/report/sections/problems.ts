/** 三、反映的主要问题: pollution types, county × type, 督察重点. */
import { countBy } from "../../analyze/count.js";
import { compareCountyKeys } from "../../analyze/keys.js";
import { THEME_NAMES } from "../../model/classification.js";
import { POLLUTION_TYPES } from "../../model/vocabulary.js";
import { formatPercent as pct } from "../../text/format.js";
import { MISSING, NO_THEME, REPORT_MAX_COUNTIES, type ReportBlocks, type ReportContext, UNRESOLVED, countiesBeyond, int } from "../context.js";

export function problemsSection(ctx: ReportContext, out: ReportBlocks): void {
  const { cases, types, data } = ctx;
  out.h1("三、反映的主要问题");
  const ts = types.typeSource;
  out.para(
    `按污染类型分，${types.rows
      .filter((t) => t.type !== MISSING)
      .sort((a, b) => b.count - a.count)
      .map((t) => `${t.type} ${t.count} 件（${pct(t.count / Math.max(1, cases.length))}）`)
      .join("，")}。` + `一件信访件涉及多个类型的，在每个类型下各计一次。${ts.predicted ? `其中 ${ts.predicted} 件原表未填污染类型，采用自动分类结果。` : ""}`,
  );
  out.figure("types");
  out.figure("type-by-county");
  countyByTypeTable(ctx, out);
  const themes = countBy(data.columns, ["theme"])
    .rows.filter((t) => t.theme !== NO_THEME)
    .sort((a, b) => b.count - a.count);
  if (themes.length) {
    out.para(
      `对照本轮督察重点，自动分类显示：${themes
        .slice(0, 4)
        .map((t) => `涉及“${((THEME_NAMES as Record<string, string>)[t.theme] ?? t.theme).replace(/“/g, "‘").replace(/”/g, "’")}”的 ${t.count} 件`)
        .join("，")}。`,
    );
  }
  out.figure("themes");
}

/** 县区 × 污染类型 as a table: the heat table's figures, for writers who quote them. */
function countyByTypeTable(ctx: ReportContext, out: ReportBlocks): void {
  const t = countBy(ctx.data.columns, ["county", "type"]);
  const types: string[] = POLLUTION_TYPES.filter((x) => t.keys.type.includes(x));
  if (t.keys.type.includes(MISSING)) types.push(MISSING);
  if (!types.some((x) => x !== MISSING)) return;
  const cell = new Map(t.rows.map((r) => [`${r.county}\u0000${r.type}`, r.count]));
  const byCounty = new Map(ctx.data.ranking.map((x) => [x.county, x]));
  // as the figures: the counties with the most cases, the rest summed in one row (181 counties ran to 7 pages)
  const dropped = countiesBeyond(ctx.data.ranking, REPORT_MAX_COUNTIES);
  const counties = t.keys.county.slice().sort(compareCountyKeys);
  const line = (name: string, cs: readonly string[]) => [
    name,
    int(cs.reduce((s, c) => s + (byCounty.get(c)?.count ?? 0), 0)),
    ...types.map((ty) => int(cs.reduce((s, c) => s + (cell.get(`${c}\u0000${ty}`) ?? 0), 0))),
  ];
  const listed = counties.filter((c) => !dropped?.codes.has(c));
  const rows = listed.filter((c) => c !== UNRESOLVED).map((c) => line(byCounty.get(c)?.countyName ?? t.labels[c] ?? c, [c]));
  if (dropped) rows.push(line(`其余 ${int(dropped.codes.size)} 个县区`, [...dropped.codes]));
  if (listed.includes(UNRESOLVED)) rows.push(line(byCounty.get(UNRESOLVED)?.countyName ?? t.labels[UNRESOLVED] ?? UNRESOLVED, [UNRESOLVED]));
  rows.push(["合计", int(ctx.cases.length), ...types.map((ty) => int(t.rows.filter((r) => r.type === ty).reduce((s, r) => s + r.count, 0)))]);
  out.table({
    caption: "各县（市、区）信访件污染类型分布",
    headers: ["县（市、区）", "信访件（件）", ...types.map((x) => (x === MISSING ? "未填" : x))],
    rows,
    totalRow: true,
    source: `${ctx.source}。`,
    note: `单位：件。一件信访件涉及多个类型的，在每个类型下各计一次，故各类型之和可能大于信访件数。${ctx.types.typeSource.predicted ? "原表未填污染类型的，采用自动分类结果。" : ""}${
      dropped
        ? `县（市、区）较多（${int(dropped.counties)} 个），表中只列件数最多的 ${REPORT_MAX_COUNTIES} 个，其余 ${int(dropped.codes.size)} 个合为一行，各县（市、区）件数见“各县（市、区）信访件情况”表。`
        : ""
    }`,
  });
}
