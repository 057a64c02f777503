import { join } from "node:path";
import { parseArgs } from "node:util";
import {
  CHARTS,
  CHART_NAMES,
  type ChartName,
  ChartData,
  ChartDataError,
  type ChartSpecOptions,
  chartRecord,
  chartSpec,
  isChartName,
  needsOf,
} from "../charts/catalog.js";
import { FontNotFoundError, findCjkFont } from "../charts/fonts.js";
import { renderPng, renderSvg } from "../charts/render.js";
import type { AnalyzableComplaint } from "../analyze/keys.js";
import { ensureDir, writeOutput } from "../export/output.js";
import { contextProvinceCode } from "../geo/resolve.js";
import { ingestFiles } from "../ingest/index.js";
import { gateDeep } from "../text/redact.js";
import { CliError, UsageError } from "./errors.js";
import { guardOutputs } from "./guard.js";
import { COMMON_INPUT_OPTIONS, ingestOptionsFrom } from "./ingest.js";
import type { Io } from "./output.js";
import { readPopulation } from "./population.js";
import { classifyForStatistics } from "./slices.js";

const list = () => CHARTS.map((c) => `  ${c.name.padEnd(16)} ${c.title}：${c.description}\n  ${"".padEnd(16)} 需要：${needsOf(c)}`).join("\n");

export const CHART_HELP = () => `ducha chart — 画统计图：SVG、PNG（打印分辨率）或 vega-lite 规格（charts for the report, in Chinese）

用法 Usage:
  ducha chart <图名> --in <文件...> [--format png|svg|vl.json] [--out 图.png]
  ducha chart all --in <文件...> --out 图表目录/ [--format png]
  ducha chart --list

图名 Charts:
${list()}

选项 Options:
  --in <文件...>      信访件表格（CSV、XLSX、JSON），可给多个；“截至…”的办理情况表用于整改进度。
                      文件也可以直接写在图名后面。
  --format <格式>     png（默认，按 --scale 放大）、svg（矢量，可插入 Word/WPS）、vl.json（vega-lite 规格）。
                      未给时按 --out 的扩展名判断。
  --out <路径>        输出文件；图名为 all 时是目录（每张图一个文件）。svg、vl.json 未给 --out 时打印到标准输出。
  --scale <倍数>      PNG 的放大倍数，默认 2（A4 版心宽约 190 dpi）；3 约 290 dpi。
  --title <标题>      替换默认标题。
  --width, --height   绘图区宽、高（像素）。
  --unit <date|batch> 交办趋势按日期或批次（默认按日期；表中没有交办时间时按批次）。
  --as-of <日期>      没有“截至”日期的表的状态日期（默认取该表最晚的交办日期）。
  --population <表>   常住人口表（CSV），见 ducha stats --help。
  --synthetic         在图上注明“模拟数据”（文件名含“模拟数据”时自动注明）。
  --no-repeats        不做重复举报分析（全国一年的数据量下这是最慢的一步），不画重复举报图。
  --context, --year, --batch  同 ducha ingest。
  --list              列出所有图名。
  -h, --help          显示本帮助。

字体 Fonts:
  PNG 需要中文字体：自动查找 Noto Sans CJK、思源黑体、文泉驿、微软雅黑、苹方等；
  也可设置 DUCHA_CJK_FONT=/path/to/font.ttc。Debian/Ubuntu：sudo apt-get install fonts-noto-cjk。

示例 Examples:
  ducha chart county-map --in data/sample/郴州2023_信访件_模拟数据.xlsx --out 分布图.png
  ducha chart progress --in 信访件.xlsx 截至2023年8月31日.csv 截至2023年10月31日.csv --out 进度.svg
  ducha chart all --in data/sample/郴州2023_信访件_模拟数据.xlsx data/sample/snapshots/*.csv --out 图表/
  ducha chart trend --in 信访件.csv --unit batch --format vl.json > trend.vl.json

退出码 Exit codes: 0 完成；1 文件无法读取或无法作图；2 命令行用法错误。
`;

export type ChartFormat = "png" | "svg" | "vl.json";

/** The format a path's extension asks for. */
export function formatOfPath(path: string): ChartFormat | undefined {
  const p = path.toLowerCase();
  if (p.endsWith(".png")) return "png";
  if (p.endsWith(".svg")) return "svg";
  if (p.endsWith(".json")) return "vl.json";
  return undefined;
}

export const CHART_INPUT_OPTIONS = {
  ...COMMON_INPUT_OPTIONS,
  in: { type: "string", multiple: true },
  "as-of": { type: "string" },
  synthetic: { type: "boolean", default: false },
  population: { type: "string" },
  "no-repeats": { type: "boolean", default: false },
} as const;

/**
 * Read, classify (with a progress bar on a terminal) and prepare complaints for charts. The
 * records are classified slice by slice and each keeps only what charts and the report read (its
 * labels, 重点件 flag, target and place; the table's headers, not its cells), as `ducha stats`
 * does: a national year's full classifications and cells do not fit beside the records.
 */
export async function loadChartData(
  files: readonly string[],
  values: { context?: string; year?: string; batch?: string; "as-of"?: string; "keep-pii"?: boolean; population?: string; "no-repeats"?: boolean },
  io: Io,
): Promise<{ data: ChartData; rejected: number; synthetic: boolean }> {
  if (values["keep-pii"]) throw new UsageError("图表和报告中的投诉内容一律隐去个人信息，不支持 --keep-pii");
  const asOf = values["as-of"];
  if (asOf !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(asOf)) throw new UsageError(`--as-of 需要日期，如 2023-07-16，收到「${asOf}」`);
  const population = values.population ? readPopulation(values.population) : undefined;
  const ingestOptions = ingestOptionsFrom(values);
  const ingested = await ingestFiles([...files], ingestOptions);
  if (!ingested.records.length) throw new CliError("没有读到任何信访件（no complaints read）：用 ducha ingest 查看原因");
  const records: AnalyzableComplaint[] = ingested.records;
  const province = ingestOptions.context ? contextProvinceCode(ingestOptions.context) : undefined;
  await classifyForStatistics(records, io);
  return {
    data: new ChartData(records, {
      ...(asOf ? { asOf } : {}),
      ...(population ? { population } : {}),
      ...(values["no-repeats"] ? { repeats: false } : {}),
      // the map draws the province of --context when it names one, else the one with the most cases
      ...(province ? { province } : {}),
    }),
    rejected: ingested.rejected,
    synthetic: ingested.synthetic,
  };
}

function positiveNumber(name: string, v: string | undefined, max: number): number | undefined {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isFinite(n) || n <= 0 || n > max) throw new UsageError(`--${name} 需要 0 到 ${max} 之间的数，收到「${v}」`);
  return n;
}

/** Turn a missing font into the CLI's error with the installation advice. */
export function fontCheck(): void {
  try {
    findCjkFont();
  } catch (e) {
    if (e instanceof FontNotFoundError) throw new CliError(e.message);
    throw e;
  }
}

export async function chartCommand(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      ...CHART_INPUT_OPTIONS,
      format: { type: "string" },
      out: { type: "string" },
      scale: { type: "string" },
      title: { type: "string" },
      width: { type: "string" },
      height: { type: "string" },
      unit: { type: "string" },
      list: { type: "boolean", default: false },
    },
  });
  if (values.help) {
    io.out(CHART_HELP());
    return 0;
  }
  if (values.list) {
    io.out(`图名 Charts:\n${list()}`);
    return 0;
  }
  const [name, ...more] = positionals;
  if (!name) throw new UsageError(`缺少图名（chart name），可选：${CHART_NAMES.join("、")}，或 all`);
  if (name !== "all" && !isChartName(name)) throw new UsageError(`未知图名「${name}」，可选：${CHART_NAMES.join("、")}，或 all（ducha chart --list 查看说明）`);
  const files = [...(values.in ?? []), ...more];
  if (!files.length) throw new UsageError("缺少输入文件：--in <文件...>");
  let format: ChartFormat;
  if (values.format !== undefined) {
    if (values.format !== "png" && values.format !== "svg" && values.format !== "vl.json" && values.format !== "json") {
      throw new UsageError(`--format 只能是 png、svg 或 vl.json，收到「${values.format}」`);
    }
    format = values.format === "json" ? "vl.json" : values.format;
  } else format = (name !== "all" && values.out ? formatOfPath(values.out) : undefined) ?? "png";
  if (name === "all" && !values.out) throw new UsageError("图名为 all 时需要 --out <目录>");
  if (format === "png" && !values.out) throw new UsageError("PNG 需要 --out <文件.png>");
  if (values.unit !== undefined && values.unit !== "date" && values.unit !== "batch")
    throw new UsageError(`--unit 只能是 date 或 batch，收到「${values.unit}」`);
  const scale = positiveNumber("scale", values.scale, 8) ?? 2;
  const width = positiveNumber("width", values.width, 5000);
  const height = positiveNumber("height", values.height, 5000);
  if (format === "png") fontCheck();
  const inputs = await guardOutputs([...files, ...(values.population ? [values.population] : [])], name === "all" ? {} : { "--out": values.out });

  const { data, rejected, synthetic } = await loadChartData(files, values, io);
  const options: ChartSpecOptions = {
    synthetic: values.synthetic || synthetic,
    ...(values.title ? { title: values.title } : {}),
    ...(width ? { width } : {}),
    ...(height ? { height } : {}),
    ...(values.unit ? { unit: values.unit as "date" | "batch" } : {}),
  };

  const names: ChartName[] = name === "all" ? [...CHART_NAMES] : [name as ChartName];
  const ext = format === "vl.json" ? "vl.json" : format;
  if (name === "all") await ensureDir(values.out!);
  let failed = 0;
  for (const n of names) {
    const def = chartRecord(n);
    let spec;
    try {
      // every label and datum of a chart passes the output gate
      spec = gateDeep(chartSpec(n, data, options));
    } catch (e) {
      if (!(e instanceof ChartDataError)) throw e;
      if (name !== "all") throw new CliError(`无法画「${def.title}」：${e.message}`);
      io.err(`跳过「${def.title}」（${n}）：${e.message}`);
      continue;
    }
    const out = name === "all" ? join(values.out!, `${n}.${ext}`) : values.out;
    let bytes: string | Buffer;
    let what: string;
    if (format === "vl.json") {
      bytes = `${JSON.stringify(spec, null, 2)}\n`;
      what = "vega-lite 规格";
    } else if (format === "svg") {
      bytes = await renderSvg(spec);
      what = "SVG";
    } else {
      const png = await renderPng(spec, { scale });
      bytes = png.data;
      what = `PNG ${png.width}×${png.height}，${scale} 倍`;
      if (png.missingGlyphs.length) {
        failed++;
        io.err(
          `注意：字体 ${findCjkFont().family} 缺少这些字的字形，「${def.title}」中会显示为方框：${png.missingGlyphs.join(" ")}（设置 DUCHA_CJK_FONT 换用更全的字体）`,
        );
      }
    }
    if (!out) {
      io.out(typeof bytes === "string" ? bytes : bytes.toString("utf8"));
      continue;
    }
    await writeOutput(out, bytes, inputs);
    io.out(`已写出「${def.title}」（${n}，${what}）：${out}`);
  }
  if (options.synthetic && values.out) io.out("图中已注明：模拟数据，非真实信访件。");
  if (rejected) io.err(`注意：${rejected} 行无法读取，未计入（用 ducha ingest 查看原因）。`);
  return failed ? 1 : 0;
}
