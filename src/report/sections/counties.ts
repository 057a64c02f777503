/** 二、各县（市、区）情况: the county table, the ranking and the map. */
import { compareCountyKeys } from "../../analyze/keys.js";
import { type Rate, formatRate, ratesBy } from "../../analyze/rates.js";
import { NO_DATA, NO_VALUE, formatDate, formatPercent as pct } from "../../text/format.js";
import { type ReportBlocks, type ReportContext, UNRESOLVED, int } from "../context.js";

/** A rate in a table cell: "93.1%", or "无数据" (the note says why). */
export const rateCell = (r: Rate | undefined): string => (!r || r.value === null ? NO_DATA : formatRate(r));

export function countiesSection(ctx: ReportContext, out: ReportBlocks): void {
  const { cases, rates: r, data } = ctx;
  out.h1("二、各县（市、区）情况");
  const byCountyRates = ratesBy(data.columns, "county");
  const keyByCounty = new Map<string, number>();
  cases.forEach((c, i) => {
    const k = ctx.keyFlags[i]!;
    if (ctx.hasCategory ? k.key : k.suggested) keyByCounty.set(c.area.code ?? UNRESOLVED, (keyByCounty.get(c.area.code ?? UNRESOLVED) ?? 0) + 1);
  });
  const countyRows = [...data.ranking].sort((a, b) => compareCountyKeys(a.county, b.county));
  // per 100,000 residents only when every county with cases has a sourced population
  const withPop = countyRows.every((x) => x.county === UNRESOLVED || x.count === 0 || x.population !== null);
  // a rate the whole table cannot give (no such column, or all blank) is no column: a column of
  // 无数据 down every county tells the reader nothing the note does not
  const rateColumns = (
    [
      ["属实率", r.verifiedRate, (x) => x?.verifiedRate],
      ["办结率", r.closedRate, (x) => x?.closedRate],
      ["办结率（含阶段性）", r.closedOrPhaseRate, (x) => x?.closedOrPhaseRate],
    ] as const satisfies readonly (readonly [string, Rate, (x: ReturnType<typeof byCountyRates.get>) => Rate | undefined])[]
  ).filter(([, total]) => total.value !== null);
  const rows = countyRows.map((x) => {
    const rr = byCountyRates.get(x.county);
    return [
      x.countyName,
      int(x.count),
      pct(x.share),
      ...rateColumns.map(([, , of]) => rateCell(of(rr))),
      int(keyByCounty.get(x.county) ?? 0),
      ...(withPop ? [x.per100k === null ? NO_VALUE : `${x.per100k.toFixed(2)}${x.populationRounded ? "*" : ""}`] : []),
    ];
  });
  const resolved = countyRows.filter((x) => x.county !== UNRESOLVED);
  const totalPop = resolved.reduce((s, x) => s + (x.population ?? 0), 0);
  const resolvedCases = resolved.reduce((s, x) => s + x.count, 0);
  rows.push([
    "合计",
    int(cases.length),
    cases.length ? "100.0%" : NO_VALUE,
    ...rateColumns.map(([, total]) => rateCell(total)),
    int(ctx.hasCategory ? ctx.keyCount : ctx.suggestedCount),
    ...(withPop ? [totalPop ? ((resolvedCases / totalPop) * 100_000).toFixed(2) : NO_VALUE] : []),
  ]);
  // why a rate is not in the table
  const missing = (
    [
      ["属实率", r.verifiedRate],
      ["办结率", r.closedRate],
    ] as const
  ).filter(([, x]) => x.value === null);
  const rateNotes = [...new Set(missing.map(([, x]) => x.reason))]
    .map(
      (reason) =>
        `${reason}，${missing
          .filter(([, x]) => x.reason === reason)
          .map(([name]) => name)
          .join("、")}无数据，未列。`,
    )
    .join("");
  out.table({
    caption: "各县（市、区）信访件情况",
    headers: [
      "县（市、区）",
      "信访件（件）",
      "占比",
      ...rateColumns.map(([name]) => name),
      ctx.hasCategory ? "重点件（件）" : "建议关注重点件（件）",
      ...(withPop ? ["每10万人件数"] : []),
    ],
    rows,
    totalRow: true,
    source: `${ctx.source}${withPop ? "；常住人口为第七次全国人口普查（2020年）数据" : ""}。`,
    note: [
      rateColumns.length ? "属实率、办结率的定义见“说明”，未填写的不计入；“无数据”表示该县（市、区）的信访件均未填写。" : "",
      rateNotes,
      ctx.hasCategory ? "" : "原表没有“案卷类别”，“建议关注重点件”为按规则提示的件数，仅为建议，不是督察组认定的重点件。",
      ctx.asOf ? `办理情况截至${formatDate(ctx.asOf)}。` : "",
      withPop && countyRows.some((x) => x.populationRounded && x.count) ? "带 * 的人口为来源中的约数。" : "",
    ].join(""),
  });
  out.figure("county-hotspots");
  // the open boundaries are no 标准地图: say so in text the writer cannot miss
  out.figure("county-map", "底图为开源县界数据，仅示意，未经审图。公开发布前须改用标准地图，并按规定送审取得审图号。");
}
