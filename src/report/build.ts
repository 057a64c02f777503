import { basename } from "node:path";
// the files behind src/analyze/index.ts: the face also loads danfojs, which the report does not need
import { countBy } from "../analyze/count.js";
import { enforcementByCounty } from "../analyze/enforcement-by-county.js";
import { type AnalyzableComplaint, compareCountyKeys } from "../analyze/keys.js";
import { type Rate, formatRate, rates, ratesBy } from "../analyze/rates.js";
import { spikes } from "../analyze/spikes.js";
import { CHARTS, type ChartData, ChartDataError, type ChartName, chartRecord, chartSpec } from "../charts/catalog.js";
import type { RepeatGroup } from "../analyze/repeats.js";
import { repeatTarget, repeatWhen } from "../charts/repeats.js";
import { SYNTHETIC_NOTE } from "../charts/theme.js";
import { THEME_NAMES } from "../model/classification.js";
import { redact } from "../text/redact.js";
import { spikeSentence } from "./spikes.js";
import { methodNote } from "./method.js";
import type { Block, Fact, ReportModel } from "./model.js";

/** Options of {@link buildReport}: title, input files and rejects for the note on method, 模拟数据, date, charts. */
export interface ReportOptions {
  /** the title; default "<市>生态环境保护督察信访件统计分析" */
  title?: string;
  /** the input files, for the note on method (names only are shown) */
  files?: readonly string[];
  /** rows that could not be read, for the note on method */
  rejected?: number;
  /** the data are 模拟数据: said under the title, on every chart and in the note */
  synthetic?: boolean;
  /** the report's date (ISO); default today */
  date?: string;
  /** the charts to include (default all that can be drawn) */
  charts?: readonly ChartName[];
  /** repeat groups listed in the table (default 15) */
  repeatLimit?: number;
}

const UNRESOLVED = "（未识别）";
const ALL = "全部";

const pct = (v: number | null | undefined, digits = 1) => (v === null || v === undefined ? "—" : `${(v * 100).toFixed(digits)}%`);
const int = (n: number) => n.toLocaleString("zh-CN");
/** "2023-06-26" -> "2023年6月26日" */
export const cnDate = (iso: string) => {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? `${m[1]}年${Number(m[2])}月${Number(m[3])}日` : iso;
};
/** "2023-06-26".."2023-07-16" -> "2023年6月26日至7月16日" */
const cnRange = (a: string, b: string) => (a === b ? cnDate(a) : a.slice(0, 4) === b.slice(0, 4) ? `${cnDate(a)}至${cnDate(b).slice(5)}` : `${cnDate(a)}至${cnDate(b)}`);
const wan = (yuan: number) => (yuan >= 10_000 ? `${(yuan / 10_000).toFixed(2).replace(/\.?0+$/, "")} 万元` : `${int(yuan)} 元`);

/** A redacted excerpt that says it is one: "来电反映：…的白烟带着刺鼻的味道，熏得大家……". */
const excerpt = (text: string) => {
  const t = redact(text).replace(/\s+/g, " ").trim();
  return t ? `${t.replace(/[，,、；;：:]$/, "")}……` : "";
};

/** "12、13、14" (batches), else when the group's complaints came. */
const batchesOf = (g: RepeatGroup) =>
  g.members.every((m) => m.batch !== undefined) ? [...new Set(g.members.map((m) => m.batch))].join("、") : repeatWhen(g);

/**
 * A 重点件 as the table says (案卷类别): null when the table does not say. The rule's suggestion
 * is separate, and only ever shown as a suggestion.
 */
export function isKeyCase(c: AnalyzableComplaint): { key: boolean | null; suggested: boolean } {
  return { key: c.category ? c.category === "重点件" : null, suggested: Boolean(c.classification?.keyCase.suggested) };
}

/** A headline rate: its value, or 无数据 with the reason. */
const rateFact = (label: string, r: Rate, detail: string): Fact =>
  r.value === null ? { label, value: "无数据", detail: r.reason ?? "" } : { label, value: formatRate(r), detail };

/** A rate in a table cell: "93.1%", or "无数据" (the note says why). */
const cell = (r: Rate | undefined): string => (!r || r.value === null ? "无数据" : formatRate(r));

const todayIso = () => {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
};

/**
 * The statistical annex of an inspection's feedback (反馈意见) from complaints: headline figures,
 * the table by county (件数, 属实率, 办结率, 重点件), the charts, the main repeat complaints
 * (redacted), enforcement totals and a note on method.
 */
export function buildReport(data: ChartData, options: ReportOptions = {}): ReportModel {
  const cases = data.cases;
  const cols = data.columns;
  const synthetic = Boolean(options.synthetic);
  const pref = data.prefecture;
  const place = pref?.name ?? "";
  const title = options.title ?? `${place}生态环境保护督察信访件统计分析`;
  // the report captions each figure: no title inside the image, the notes stay
  const chartOptions = { synthetic, title: "" };
  const wanted = new Set(options.charts ?? CHARTS.map((c) => c.name));

  // --- figures that frame the whole report
  const dates = cases.map((c) => c.date).filter((d): d is string => !!d).sort();
  const first = dates[0];
  const last = dates[dates.length - 1];
  const batches = new Set(cases.map((c) => c.batch).filter((b) => b !== undefined));
  const asOf = data.asOf;
  const r = rates(cols);
  const status = countBy(cols, ["status"]);
  const statusCount = (s: string) => status.rows.find((x) => x.status === s)?.count ?? 0;
  // a table without 是否办结 has no 办结率 (无数据, not 0%)
  const hasStatus = r.closedRate.value !== null;
  const keyFlags = cases.map(isKeyCase);
  // 重点件 only from 案卷类别: without the column there is no count, only the rule's suggestions
  const hasCategory = keyFlags.some((k) => k.key !== null);
  const keyCount = keyFlags.filter((k) => k.key).length;
  const suggestedCount = keyFlags.filter((k) => k.suggested).length;
  const enforcement = enforcementByCounty(cases);
  const noEnforcement = enforcement.unavailable;
  const groups = data.repeats;
  const inGroups = groups.reduce((s, g) => s + g.size, 0);
  const ranking = [...data.ranking].sort((a, b) => b.count - a.count);
  const types = countBy(cols, ["type"]);
  const topTypes = types.rows.filter((t) => t.type !== "（未填）").sort((a, b) => b.count - a.count).slice(0, 3);

  const unresolvedCount = data.ranking.find((x) => x.county === UNRESOLVED)?.count ?? 0;
  // why a whole column of the county table reads 无数据
  const rateNotes = [r.verifiedRate, r.closedRate].filter((x) => x.value === null).map((x) => `${x.reason}。`).filter((x, i, a) => a.indexOf(x) === i).join("");
  const subtitle: string[] = [];
  if (first && last) subtitle.push(`交办时间：${cnRange(first, last)}${batches.size ? `，共 ${batches.size} 批` : ""}`);
  if (asOf) subtitle.push(`办理情况截至：${cnDate(asOf)}`);
  if (synthetic) subtitle.push(`【${SYNTHETIC_NOTE}，仅供演示】`);

  const blocks: Block[] = [];
  const h1 = (text: string) => blocks.push({ kind: "heading", level: 1, text });
  const para = (text: string) => blocks.push({ kind: "paragraph", text });
  // a figure: the registry's chart under its registry caption
  const figure = (chart: ChartName, note?: string) => {
    if (!wanted.has(chart)) return;
    try {
      const spec = chartSpec(chart, data, chartOptions);
      blocks.push({ kind: "figure", figure: { chart, caption: chartRecord(chart).caption(data), spec, ...(note ? { note } : {}) } });
    } catch (e) {
      if (!(e instanceof ChartDataError)) throw e;
    }
  };

  // 一、总体情况
  h1("一、总体情况");
  const e = enforcement.total;
  const facts: Fact[] = [
    { label: "信访件", value: `${int(cases.length)} 件`, detail: first && last ? `${cnRange(first, last)}${batches.size ? `，${batches.size} 批` : ""}` : "" },
    rateFact("属实率", r.verifiedRate, `属实、基本属实、部分属实 ${r.verifiedRate.numerator} 件 / 填写了是否属实的 ${r.verifiedRate.denominator} 件`),
    rateFact("办结率", r.closedRate, `已办结 ${statusCount("已办结")} 件 / 填写了办理状态的 ${r.closedRate.denominator} 件${asOf ? `，截至 ${cnDate(asOf)}` : ""}；含阶段性办结 ${pct(r.closedOrPhaseRate.value)}`),
    hasCategory
      ? { label: "重点件", value: `${keyCount} 件`, detail: `按案卷类别，占 ${pct(cases.length ? keyCount / cases.length : null)}` }
      : { label: "重点件", value: "无数据", detail: `表中没有“案卷类别”；按规则建议关注 ${suggestedCount} 件（仅为建议）` },
    { label: "重复举报", value: `${groups.length} 组`, detail: `涉及 ${inGroups} 件` },
    noEnforcement
      ? { label: "立案处罚", value: "无数据", detail: noEnforcement }
      : { label: "立案处罚", value: `${e.cases} 起`, detail: `罚款 ${wan(e.fineYuan)}；约谈 ${e.interviewed} 人，问责 ${e.accountable} 人（据 ${e.withText} 件的处理情况）` },
  ];
  blocks.push({ kind: "facts", facts });
  const top3 = ranking.filter((x) => x.county !== UNRESOLVED && x.count > 0).slice(0, 3);
  const summary = [
    first && last ? `${cnRange(first, last)}，督察组${batches.size ? `分 ${batches.size} 批` : ""}交办${place ? `${place}` : ""}信访件 ${cases.length} 件。` : `共有信访件 ${cases.length} 件。`,
    top3.length ? `从区域看，${top3.map((x) => `${x.countyName}（${x.count} 件）`).join("、")}件数居前。` : "",
    topTypes.length ? `从类型看，${topTypes.map((t) => `${t.type}（${t.count} 件）`).join("、")}问题最为集中。` : "",
    r.verifiedRate.denominator ? `经调查核实，属实（含基本属实、部分属实）${r.verifiedRate.numerator} 件，属实率 ${pct(r.verifiedRate.value)}${r.verifiedRate.blank ? `（${r.verifiedRate.blank} 件未填是否属实，不计入）` : ""}。` : "",
    hasStatus ? `${asOf ? `截至 ${cnDate(asOf)}，` : ""}已办结 ${statusCount("已办结")} 件，阶段性办结 ${statusCount("阶段性办结")} 件，正在办理 ${statusCount("正在办理")} 件，办结率 ${pct(r.closedRate.value)}${r.closedRate.blank ? `（${r.closedRate.blank} 件未填办理状态，不计入）` : ""}。` : "",
    unresolvedCount ? `另有 ${unresolvedCount} 件无法确定所属县（市、区），列为“（未识别）”。` : "",
  ].join("");
  para(summary);

  // 二、各县（市、区）情况
  h1("二、各县（市、区）情况");
  const byCountyRates = ratesBy(cols, "county");
  const keyByCounty = new Map<string, number>();
  cases.forEach((c, i) => {
    const k = keyFlags[i]!;
    if (hasCategory ? k.key : k.suggested) keyByCounty.set(c.area.code ?? UNRESOLVED, (keyByCounty.get(c.area.code ?? UNRESOLVED) ?? 0) + 1);
  });
  const countyRows = [...data.ranking].sort((a, b) => compareCountyKeys(a.county, b.county));
  // per 100,000 residents only when every county with cases has a sourced population
  const withPop = countyRows.every((x) => x.county === UNRESOLVED || x.count === 0 || x.population !== null);
  const rows = countyRows.map((x) => {
    const rr = byCountyRates.get(x.county);
    return [
      x.countyName, int(x.count), pct(x.share), cell(rr?.verifiedRate), cell(rr?.closedRate),
      cell(rr?.closedOrPhaseRate), int(keyByCounty.get(x.county) ?? 0),
      ...(withPop ? [x.per100k === null ? "—" : `${x.per100k.toFixed(2)}${x.populationRounded ? "*" : ""}`] : []),
    ];
  });
  const resolved = countyRows.filter((x) => x.county !== UNRESOLVED);
  const totalPop = resolved.reduce((s, x) => s + (x.population ?? 0), 0);
  const resolvedCases = resolved.reduce((s, x) => s + x.count, 0);
  rows.push([
    "合计", int(cases.length), cases.length ? "100.0%" : "—", cell(r.verifiedRate), cell(r.closedRate), cell(r.closedOrPhaseRate), int(hasCategory ? keyCount : suggestedCount),
    ...(withPop ? [totalPop ? ((resolvedCases / totalPop) * 100_000).toFixed(2) : "—"] : []),
  ]);
  blocks.push({
    kind: "table",
    table: {
      caption: "各县（市、区）信访件情况",
      headers: ["县（市、区）", "信访件（件）", "占比", "属实率", "办结率", "含阶段性办结", hasCategory ? "重点件（件）" : "建议关注重点件（件）", ...(withPop ? ["每10万人件数"] : [])],
      rows,
      totalRow: true,
      widths: [1.4, 1.1, 0.9, 0.9, 0.9, 1.3, 1.1, ...(withPop ? [1.1] : [])],
      note: [
        "属实率、办结率的定义见“说明”，未填写的不计入；“无数据”表示原表没有该栏或全部未填。",
        rateNotes,
        hasCategory ? "" : "原表没有“案卷类别”，“建议关注重点件”为本工具按规则提示的件数，仅为建议，不是督察组认定的重点件。",
        asOf ? `办理情况截至 ${cnDate(asOf)}。` : "",
        withPop ? `每10万人件数按第七次全国人口普查（2020年）常住人口计算${countyRows.some((x) => x.populationRounded && x.count) ? "，带 * 的人口为来源中的约数" : ""}。` : "",
      ].join(""),
    },
  });
  figure("county-hotspots");
  figure("county-map");

  // 三、问题类型
  h1("三、反映的主要问题");
  const ts = types.typeSource;
  para(
    `按污染类型分，${types.rows.filter((t) => t.type !== "（未填）").sort((a, b) => b.count - a.count).map((t) => `${t.type} ${t.count} 件（${pct(t.count / Math.max(1, cases.length))}）`).join("，")}。` +
      `一件信访件涉及多个类型的，在每个类型下各计一次。${ts.predicted ? `其中 ${ts.predicted} 件原表未填污染类型，采用自动分类结果。` : ""}`,
  );
  figure("types");
  figure("type-by-county");
  const themes = countBy(cols, ["theme"]).rows.filter((t) => t.theme !== "（未填）").sort((a, b) => b.count - a.count);
  if (themes.length) {
    para(`对照本轮督察重点，自动分类显示：${themes.slice(0, 4).map((t) => `涉及“${((THEME_NAMES as Record<string, string>)[t.theme] ?? t.theme).replace(/“/g, "‘").replace(/”/g, "’")}”的 ${t.count} 件`).join("，")}。`);
  }
  figure("themes");

  // 四、交办趋势
  h1("四、交办趋势");
  // the most improbable first; a county-type spike names its type
  const sp = spikes(cols).spikes.slice(0, 3);
  para(
    (first && last ? `交办件数按日分布如图。` : "") +
      (sp.length
        ? `以下县区（或县区某类问题）交办件数明显高于其日常水平（泊松检验 p < 0.001 且超出 3 件以上），建议关注是否为集中反映同一问题：${sp.map(spikeSentence).join("；")}。`
        : first && last ? "各县区单日交办件数未见明显突增。" : "表中没有交办时间，无法分析交办趋势。"),
  );
  figure("trend");

  // 五、查处和整改情况
  h1("五、查处和整改情况");
  figure("verification");
  figure("progress");
  if (noEnforcement) {
    para(`执法和问责情况无数据：${noEnforcement}，无法统计立案、罚款、约谈和问责情况。`);
  } else {
    para(
      `根据 ${e.withText} 件信访件“处理和整改情况”的记载，共立案 ${e.cases} 起，罚款 ${e.fines} 笔共计 ${wan(e.fineYuan)}，责令整改 ${e.orders} 次，责令停产 ${e.suspensions} 次，查封扣押 ${e.seizures} 次，移送公安 ${e.transfers} 次；约谈 ${e.interviewed} 人，问责 ${e.accountable} 人。${e.withText < e.records ? `另有 ${e.records - e.withText} 件未填写处理和整改情况，不计入。` : ""}`,
    );
  }
  if (!noEnforcement) {
    const enfRows = [...enforcement.byCounty, { ...enforcement.total, countyName: "合计" }].map((x) => [
      x.county === ALL ? "合计" : x.countyName, int(x.withAction), int(x.cases), int(x.fines), x.fineYuan ? (x.fineYuan / 10_000).toFixed(2) : "0",
      int(x.orders), int(x.suspensions), int(x.seizures), int(x.transfers), int(x.interviewed), int(x.accountable),
    ]);
    blocks.push({
      kind: "table",
      table: {
        caption: "各县（市、区）执法和问责情况",
        headers: ["县（市、区）", "有处理措施", "立案", "罚款笔数", "罚款金额", "责令整改", "责令停产", "查封扣押", "移送公安", "约谈人数", "问责人数"],
        rows: enfRows,
        totalRow: true,
        widths: [1.5, 0.9, 0.8, 0.8, 1.1, 0.8, 0.8, 0.8, 0.8, 0.8, 0.8],
        note: "单位：有处理措施为件，立案为起，罚款金额为万元，责令整改、责令停产、查封扣押、移送公安为提及次数，约谈、问责为人。从“处理和整改情况”文字识别，口径见“说明”。",
      },
    });
  }

  // 六、重复举报
  h1("六、重复举报");
  if (groups.length) {
    para(`同一对象被多次举报的有 ${groups.length} 组、${inGroups} 件，说明相关问题整改不到位或群众反映未得到及时回应，建议作为督察整改的重点跟踪。`);
    figure("repeats");
    const limit = options.repeatLimit ?? 15;
    const listed = [...groups].sort((a, b) => b.size - a.size || Number(a.id.slice(1)) - Number(b.id.slice(1))).slice(0, limit);
    blocks.push({
      kind: "table",
      table: {
        caption: "重复举报的主要对象",
        headers: ["组", "县区", "对象", "件数", "交办批次", "办理状态", "首次举报内容（节选）"],
        rows: listed.map((g) => [
          g.id, g.countyName, repeatTarget(g), String(g.size), batchesOf(g),
          Object.entries(g.statuses).map(([k, v]) => `${k} ${v}`).join("，"),
          excerpt(g.members[0]?.excerpt ?? ""),
        ]),
        align: ["left", "left", "left", "right", "left", "left", "left"],
        widths: [0.55, 0.85, 1.3, 0.45, 1.0, 1.1, 2.95],
        note: `投诉内容已隐去个人信息。${groups.length > listed.length ? `共 ${groups.length} 组，列出件数最多的 ${listed.length} 组。` : ""}`,
      },
    });
  } else {
    para("未发现同一对象的重复举报。");
  }

  // 七、说明
  h1("七、说明");
  blocks.push({
    kind: "list",
    items: methodNote({
      files: (options.files ?? []).map((f) => basename(f)),
      records: data.records.length,
      cases: cases.length,
      rejected: options.rejected ?? 0,
      snapshots: [...new Set(data.records.map((x) => x.asOf).filter((x): x is string => !!x))].sort(),
      typeSource: cols.typeSourceCounts,
      keyOfficial: hasCategory ? keyCount : null,
      keySuggested: suggestedCount,
      upperBoundCases: data.progress.upperBoundCases,
      synthetic,
    }),
  });

  return { title, subtitle, synthetic, date: options.date ?? todayIso(), blocks };
}
