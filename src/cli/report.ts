import { basename } from "node:path";
import { parseArgs } from "node:util";
import { findCjkFont } from "../charts/fonts.js";
import { buildReport, reportFormat, writeReport } from "../report/index.js";
import { CHART_INPUT_OPTIONS, fontCheck, loadChartData } from "./chart.js";
import { gateDeep } from "../text/redact.js";
import { UsageError } from "./errors.js";
import { guardOutputs } from "./guard.js";
import type { Io } from "./output.js";

export const REPORT_HELP = `ducha report — 生成督察反馈意见的统计附件（Word / Markdown / HTML）
（the statistical annex of the inspection feedback, in Chinese）

用法 Usage:
  ducha report --in <文件...> --out 统计附件.docx [--title 标题]

内容 Contents:
  总体情况（主要数字）、各县（市、区）情况表（件数、占比、属实率、办结率、重点件，含合计）、
  县区热点图和分布地图、污染类型（含县区×类型表）、督察重点、交办趋势、是否属实、整改进度
  （各期办结率表、办结用时、逾期未办结信访件表）、重点件表、执法和问责情况表、
  重复举报（图和表）、说明（数据来源、分类方法、比率定义、重点件规则）。投诉内容一律隐去个人信息。
  Word 文档按公文附件格式：左上角“附件”，标题方正小标宋简体，正文仿宋_GB2312，一级标题黑体、
  二级标题楷体_GB2312，页码“— 1 —”，每张表下注明资料来源；图为打印分辨率的 PNG。

选项 Options:
  --in <文件...>      信访件表格（CSV、XLSX、JSON），可给多个；“截至…”的办理情况表用于整改进度。
                      文件也可以直接写在命令后面。
  --out <路径>        .docx（Word）、.md（Markdown，图放在同名 _files 目录）或 .html（可直接打印为 A4）。
  --title <标题>      报告标题（默认“<市>生态环境保护督察信访件统计分析”）。
  --scale <倍数>      图的放大倍数，默认 2（约 190 dpi）。
  --date <日期>       编制日期（默认今天），如 2023-08-01。
  --as-of <日期>      没有“截至”日期的表的状态日期（默认取该表最晚的交办日期）。
  --population <表>   常住人口表（CSV），见 ducha stats --help。
  --synthetic         注明“模拟数据”（文件名含“模拟数据”时自动注明）。
  --no-repeats        不做重复举报分析（全国一年的数据量下这是最慢的一步）；附件中注明未分析。
  --context, --year, --batch  同 ducha ingest。
  -h, --help          显示本帮助。

字体 Fonts:
  Word 和 Markdown 中的图需要中文字体，见 ducha chart --help。

示例 Examples:
  ducha report --in data/sample/郴州2023_信访件_模拟数据.xlsx data/sample/snapshots/*.csv --out 统计附件.docx
  ducha report --in 信访件.xlsx --out 统计附件.html
  ducha report 信访件.csv 截至2023年8月31日.csv --out 附件/统计.md

退出码 Exit codes: 0 完成；1 文件无法读取或缺少字体；2 命令行用法错误。
`;

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export async function reportCommand(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { ...CHART_INPUT_OPTIONS, out: { type: "string" }, title: { type: "string" }, scale: { type: "string" }, date: { type: "string" } },
  });
  if (values.help) {
    io.out(REPORT_HELP);
    return 0;
  }
  const files = [...(values.in ?? []), ...positionals];
  if (!files.length) throw new UsageError("缺少输入文件：--in <文件...>");
  if (!values.out) throw new UsageError("缺少 --out <统计附件.docx|.md|.html>");
  const format = reportFormat(values.out);
  if (!format) throw new UsageError(`--out 只支持 .docx、.md 或 .html：${values.out}`);
  const scale = values.scale === undefined ? 2 : Number(values.scale);
  if (!(scale > 0 && scale <= 8)) throw new UsageError(`--scale 需要 0 到 8 之间的数，收到「${values.scale}」`);
  if (values.date !== undefined && !ISO_DATE.test(values.date)) throw new UsageError(`--date 需要日期，如 2023-08-01，收到「${values.date}」`);
  if (format !== "html") fontCheck();
  const inputs = await guardOutputs([...files, ...(values.population ? [values.population] : [])], { "--out": values.out });

  const loaded = await loadChartData(files, values, io);
  const { data, rejected } = loaded;
  const synthetic = values.synthetic || loaded.synthetic;
  // every string of the report (titles, tables, excerpts, file names) passes the output gate
  const model = gateDeep(
    buildReport(data, {
      files: files.map((f) => basename(f)),
      rejected,
      synthetic,
      ...(values.title ? { title: values.title } : {}),
      ...(values.date ? { date: values.date } : {}),
    }),
  );
  const written = await writeReport(model, values.out, { format, scale, inputs });
  const kind = { docx: "Word 文档", md: "Markdown", html: "HTML（可打印为 A4）" }[format];
  io.out(`已写出统计附件（${kind}，${data.cases.length} 件，${written.figures} 张图）：${written.path}`);
  if (written.images.length) io.out(`图片 ${written.images.length} 张：${written.images[0]!.replace(/[^/\\]+$/, "")}`);
  if (synthetic) io.out("报告已注明：模拟数据，非真实信访件。");
  if (written.missingGlyphs.length) {
    io.err(`注意：字体 ${findCjkFont().family} 缺少这些字的字形，图中会显示为方框：${written.missingGlyphs.join(" ")}（设置 DUCHA_CJK_FONT 换用更全的字体）`);
    return 1;
  }
  if (rejected) io.err(`注意：${rejected} 行无法读取，未计入（用 ducha ingest 查看原因）。`);
  return 0;
}
