import { parseArgs } from "node:util";
import { ingestFiles } from "../ingest/index.js";
// the files behind src/analyze/index.ts: the face also loads danfojs, which the CLI does not need
import { countBy } from "../analyze/count.js";
import { type AnalyzableComplaint, type Dimension, UNRESOLVED, parseDimensions } from "../analyze/keys.js";
import { type Grid, toGrid } from "../analyze/pivot.js";
import { formatRate, rateBasis } from "../analyze/rates.js";
import { formatFine, toWan } from "../text/format.js";
import { type StatsSummary, summarize } from "../analyze/summary.js";
import { type Table, outputFormat, writeTables } from "../export/table.js";
import { spikeSentence } from "../report/spikes.js";
import { writeGatedJson } from "../text/redact.js";
import { processGuard } from "../util/memory.js";
import { UsageError } from "./errors.js";
import { guardOutputs } from "./guard.js";
import { COMMON_INPUT_OPTIONS, ingestOptionsFrom } from "./ingest.js";
import type { Io } from "./output.js";
import { readPopulation } from "./population.js";
import { classifyForStatistics, maybeProgress } from "./slices.js";

export const STATS_HELP = `ducha stats — 统计信访件：按县区、类型、主题、是否属实、办理状态、日期计数，属实率、办结率，
重复举报、执法情况、突增、整改进度（count complaints, rates, repeats, enforcement, spikes, progress）

用法 Usage:
  ducha stats <文件...> [--json] [--by county,type] [--out 表.csv|表.xlsx] [--as-of 2023-07-16]

说明 Notes:
  同一受理编号出现在多个文件（如“截至2023年8月31日”的办理情况表）时，每件只计一次，取最新一期的状态；
  各期状态用于整改进度、逾期和办结用时。污染类型有官方值时用官方值，否则用自动分类结果（typeSource 说明各有多少件）。
  定义见 docs/analytics.md。

选项 Options:
  --json              打印一个 JSON 对象：total、byCounty（县名 -> 件数）、byPollutionType、byTheme、byStatus、
                      byVerification、byDate、byBatch、verifiedRate、closedRate、closedOrPhaseRate、rates、
                      hotspots、spikes、progress、overdue、timeToClose、repeats、enforcement。
  --by <维度,...>     交叉表的维度，任选：county（县区）、date（交办日期）、month（月份）、batch（批次）、
                      type（污染类型）、theme（督察主题）、status（办理状态）、verification（是否属实）。
                      两个维度输出二维表（含合计），其他输出长表。未给 --out 时打印到屏幕。
  --out <路径>        写出交叉表（.csv 或 .xlsx；.xlsx 另附各县区排名、执法情况和重复举报工作表）。
                      未给 --by 时按 county 输出。
  --as-of <日期>      没有“截至”日期的表的状态日期（默认取该表最晚的交办日期）。
  --no-repeats        不做重复举报分析（省去分词）。
  --context <地区>    信访件所属地区（默认 湖南省郴州市）：全国、一个省或一个市州，见 ducha ingest --help。
  --population <表>   常住人口表（CSV：区划代码或县（市、区）名称，常住人口），用于每10万人件数；
                      默认用自带的湖南省2020年人口普查数据（部分县区无数据）。
  --year, --batch     同 ducha ingest。
  -h, --help          显示本帮助。

示例 Examples:
  ducha stats data/sample/郴州2023_信访件_模拟数据.xlsx
  ducha stats 信访件.csv 截至2023年8月31日.csv --json > stats.json
  ducha stats 信访件.xlsx --by county,type --out 县区x类型.xlsx

退出码 Exit codes: 0 完成；1 文件无法读取；2 命令行用法错误。
`;

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function gridTable(name: string, grid: Grid, title?: string): Table {
  return { name, headers: grid.headers, rows: grid.rows, ...(title ? { title } : {}) };
}

/** A plain-text table with columns padded for CJK (full-width characters count 2). */
export function formatGrid(grid: Grid): string {
  const width = (s: string) => [...s].reduce((w, ch) => w + (/[\u1100-\uffef]/.test(ch) ? 2 : 1), 0);
  const cells = [grid.headers, ...grid.rows.map((r) => r.map(String))];
  const widths = grid.headers.map((_, i) => Math.max(...cells.map((r) => width(r[i] ?? ""))));
  return cells
    .map((r) =>
      r
        .map((c, i) => (typeof grid.rows[0]?.[i] === "number" || /^\d/.test(c) ? " ".repeat(widths[i]! - width(c)) + c : c + " ".repeat(widths[i]! - width(c))))
        .join("  ")
        .trimEnd(),
    )
    .join("\n");
}

function extraTables(s: StatsSummary): Table[] {
  return [
    {
      name: "县区排名",
      headers: ["排名", "县（市、区）", "区划代码", "件数", "占比", "常住人口（2020）", "每10万人件数", "每10万人排名", "说明"],
      rows: s.hotspots.map((h) => [
        h.rank,
        h.countyName,
        h.county === UNRESOLVED ? "" : h.county,
        h.count,
        Number((h.share * 100).toFixed(1)),
        h.population,
        h.per100k === null ? null : Number(h.per100k.toFixed(2)),
        h.rankPer100k,
        rankNote(h),
      ]),
    },
    ...(s.enforcement
      ? [
          {
            name: "执法情况",
            headers: [
              "县（市、区）",
              "区划代码",
              "件数",
              "有处理措施",
              "立案",
              "罚款笔数",
              "罚款金额（万元）",
              "责令整改",
              "责令停产",
              "查封扣押",
              "移送公安",
              "约谈人数",
              "问责人数",
            ],
            rows: [...s.enforcement.byCounty, s.enforcement.total].map((e) => [
              e.countyName,
              e.county === "全部" ? "" : e.county,
              e.records,
              e.withAction,
              e.cases,
              e.fines,
              toWan(e.fineYuan),
              e.orders,
              e.suspensions,
              e.seizures,
              e.transfers,
              e.interviewed,
              e.accountable,
            ]),
          },
        ]
      : []),
    ...(s.repeats
      ? [
          {
            name: "重复举报",
            headers: ["组", "县（市、区）", "件数", "首次交办", "最近交办", "受理编号", "办理状态", "归组理由"],
            rows: s.repeats.list.map((g) => [
              g.id,
              g.countyName,
              g.size,
              g.firstDate ?? "",
              g.lastDate ?? "",
              g.members.map((m) => m.key).join(" "),
              Object.entries(g.statuses)
                .map(([k, v]) => `${k}${v}`)
                .join("，"),
              g.reason,
            ]),
          },
        ]
      : []),
  ];
}

function rankNote(h: StatsSummary["hotspots"][number]): string {
  if (h.county === UNRESOLVED) return "县区未识别，不参与排名";
  if (h.note === "no population") return "无人口数据";
  return h.populationRounded ? "人口为约数（来源取整）" : "";
}

function printSummary(s: StatsSummary, io: Io): void {
  const line = (label: string, m: Record<string, number>) =>
    io.out(
      `${label}：${
        Object.entries(m)
          .map(([k, v]) => `${k} ${v}`)
          .join("，") || "无"
      }`,
    );
  const snap =
    s.records > s.total
      ? `（${s.records} 条记录${s.snapshots.length ? `，办理情况截至 ${s.snapshots.join("、")}` : ""}；同一受理编号只计一次，按最新一期的状态）`
      : "";
  io.out(`共 ${s.total} 件${snap}。`);
  line("县（市、区）", s.byCounty);
  const ts = s.typeSource;
  line(`污染类型（官方 ${ts.official} 件，自动分类 ${ts.predicted} 件${ts.none ? `，无 ${ts.none} 件` : ""}；一件可有多类）`, s.byPollutionType);
  line("督察主题（自动分类）", s.byTheme);
  if (s.unknown.verifiedRate) io.out(`是否属实：无数据（${s.unknown.verifiedRate}）`);
  else line("是否属实", s.byVerification);
  if (s.unknown.closedRate) io.out(`办理状态：无数据（${s.unknown.closedRate}）`);
  else line("办理状态", s.byStatus);
  const r = s.rates;
  const withBasis = (rt: typeof r.closedRate) => (rt.value === null ? formatRate(rt) : `${formatRate(rt)}（${rateBasis(rt)}）`);
  io.out(`属实率 ${withBasis(r.verifiedRate)}；办结率 ${withBasis(r.closedRate)}；办结及阶段性办结 ${formatRate(r.closedOrPhaseRate)}`);
  const k = s.keyCases;
  io.out(
    `重点件：${k.count === null ? `无数据（${k.reason}）` : `${k.count} 件（按案卷类别）`}${k.suggested ? `；按重点件规则建议关注 ${k.suggested} 件（仅为建议）` : ""}`,
  );
  const ranked = s.hotspots.filter((h) => h.rank !== null);
  const unresolved = s.hotspots.find((h) => h.rank === null);
  const top = ranked
    .slice(0, 5)
    .map((h) => `${h.countyName} ${h.count}${h.per100k !== null ? `（每10万人 ${h.per100k.toFixed(2)}${h.populationRounded ? "，人口为约数" : ""}）` : ""}`);
  io.out(`件数最多：${top.join("，") || "无（县区均未识别）"}${unresolved ? `；另有 ${unresolved.count} 件县区未识别` : ""}`);
  if (s.spikes.length)
    io.out(
      `突增（远高于本县日常水平）：${s.spikes
        .slice(0, 5)
        .map((p) => `${spikeSentence(p)}，p=${p.p.toExponential(1)}`)
        .join("；")}`,
    );
  if (s.overdue.at) io.out(`截至 ${s.overdue.at}：逾期未办结 ${s.overdue.count} 件`);
  const t = s.timeToClose;
  if (t.summary.n) {
    io.out(
      `办结用时：中位数 ${t.summary.median} 天，90% 在 ${t.summary.p90} 天内（${t.summary.n} 件${t.upperBound ? `，其中 ${t.upperBound} 件按首次显示已办结的一期计，为上限` : ""}）`,
    );
  }
  if (s.repeats) {
    io.out(
      `重复举报：${s.repeats.groups} 组，${s.repeats.records} 件${
        s.repeats.list.length
          ? `，如 ${s.repeats.list
              .slice(0, 3)
              .map((g) => `${g.countyName} ${g.size} 件（${g.members.map((m) => m.key).join("、")}）`)
              .join("；")}`
          : ""
      }`,
    );
  }
  if (s.unknown.enforcement) io.out(`执法：无数据（${s.unknown.enforcement}）`);
  else if (s.enforcement) {
    const e = s.enforcement.total;
    io.out(
      `执法：立案 ${e.cases}，罚款 ${e.fines} 笔共 ${formatFine(e.fineYuan)}，责令整改 ${e.orders}，责令停产 ${e.suspensions}，查封扣押 ${e.seizures}，约谈 ${e.interviewed} 人，问责 ${e.accountable} 人`,
    );
  }
}

export async function statsCommand(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      ...COMMON_INPUT_OPTIONS,
      json: { type: "boolean", default: false },
      by: { type: "string" },
      out: { type: "string" },
      "as-of": { type: "string" },
      "no-repeats": { type: "boolean", default: false },
      population: { type: "string" },
    },
  });
  if (values.help) {
    io.out(STATS_HELP);
    return 0;
  }
  if (!positionals.length) throw new UsageError("缺少输入文件（no input files）");
  let dims: Dimension[] | undefined;
  if (values.by) {
    try {
      dims = parseDimensions(values.by);
    } catch {
      throw new UsageError(`--by 只能是 county、date、month、batch、type、theme、status、verification 中的一个或几个（逗号分隔），收到「${values.by}」`);
    }
  }
  const format = values.out ? outputFormat(values.out) : undefined;
  if (values.out && format !== "csv" && format !== "xlsx") throw new UsageError(`--out 只支持 .csv 或 .xlsx：${values.out}`);
  const asOf = values["as-of"];
  if (asOf !== undefined && !ISO_DATE.test(asOf)) throw new UsageError(`--as-of 需要日期，如 2023-07-16，收到「${asOf}」`);

  // the population table is an input too: never overwritten
  const inputs = await guardOutputs([...positionals, ...(values.population ? [values.population] : [])], { "--out": values.out });
  const population = values.population ? readPopulation(values.population) : undefined;
  const ingested = await ingestFiles(positionals, ingestOptionsFrom(values));
  // classified slice by slice, each record replaced by its classified copy with only what the
  // statistics read: a national year's evidence lists would not fit beside the records
  const records: AnalyzableComplaint[] = ingested.records;
  await classifyForStatistics(records, io);
  const options = asOf ? { asOf } : {};
  // comparing the texts for repeats segments each one again: a bar of its own
  const repeatBar = values["no-repeats"] ? undefined : maybeProgress(io, "重复举报", records.length);
  const repeats = values["no-repeats"] ? false : repeatBar ? { onProgress: repeatBar.update } : true;
  const summary = summarize(records, { ...options, repeats, ...(population ? { population } : {}) });
  repeatBar?.done();

  const byDims = dims ?? (values.out ? ["county" as Dimension] : undefined);
  const grid = byDims ? toGrid(countBy(records, byDims, options)) : undefined;
  if (values.out && grid) {
    const title = `信访件统计（${summary.total} 件${summary.snapshots.length ? `，截至 ${summary.snapshots.at(-1)}` : ""}）`;
    const main = gridTable(byDims!.join("×"), grid, title);
    await writeTables(values.out, format === "xlsx" ? [main, ...extraTables(summary)] : [main], undefined, { inputs });
  }

  if (values.json) {
    // in pieces: at a million complaints the repeat groups alone are ~200 MB of JSON
    // (its pieces are garbage once written: the process's memory guard is ticked per piece)
    const memory = processGuard();
    writeGatedJson(summary, (line) => {
      io.out(line);
      memory.tick();
    });
    return 0;
  }
  printSummary(summary, io);
  if (grid && !values.out) io.out(`\n${formatGrid(grid)}`);
  if (values.out) io.out(`\n已写出交叉表（${byDims!.join("×")}）：${values.out}`);
  if (ingested.rejected) io.out(`\n注意：${ingested.rejected} 行无法读取，未计入（用 ducha ingest 查看原因）。`);
  return 0;
}
