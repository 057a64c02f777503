import { OutputError } from "../export/output.js";
import { IngestError } from "../ingest/errors.js";
import { packageVersion } from "../util/paths.js";
import { dropEarlyWorkers } from "../classify/spawn.js";
import { commandEnded, startWorkersFor } from "./early.js";
import { CliError, UsageError } from "./errors.js";
import { type Io, gatedIo, processIo } from "./output.js";

type Command = (argv: string[], io: Io) => Promise<number>;

// each command's module is loaded only when it runs: charts pull in vega and resvg, the report
// docx, stats danfojs; `ducha classify` should not pay half a second for them
const lazy =
  <K extends string>(load: () => Promise<Record<K, Command>>, name: K): Command =>
  async (argv, io) =>
    (await load())[name](argv, io);
const ingestCommand = lazy(() => import("./ingest.js"), "ingestCommand");
const classifyCommand = lazy(() => import("./classify.js"), "classifyCommand");
const statsCommand = lazy(() => import("./stats.js"), "statsCommand");
const chartCommand = lazy(() => import("./chart.js"), "chartCommand");
const reportCommand = lazy(() => import("./report.js"), "reportCommand");

const COMMANDS: Record<string, { run: Command; summary: string }> = {
  ingest: { run: ingestCommand, summary: "读取信访件表格，逐行检查并输出规范记录（read and check complaint tables）" },
  classify: { run: classifyCommand, summary: "分类：污染类型、子类、督察主题、重点件建议、投诉对象及依据（classify with evidence）" },
  stats: { run: statsCommand, summary: "统计：县区、类型、属实率、办结率、重复举报、执法情况（counts, rates, repeats）" },
  chart: { run: chartCommand, summary: "统计图：县区热点、分布地图、类型、趋势、整改进度等，输出 PNG/SVG（charts）" },
  report: { run: reportCommand, summary: "统计附件：督察反馈意见的统计附件，Word（A4，含图表）、Markdown 或 HTML（report）" },
};

export const MAIN_HELP = () => `ducha — 生态环境保护督察信访件分析（ecological-environment inspection complaint analytics）

用法 Usage:
  ducha <命令> [选项]
  ducha <命令> --help      查看某个命令的说明和示例

命令 Commands:
${Object.entries(COMMANDS)
  .map(([name, c]) => `  ${name.padEnd(10)} ${c.summary}`)
  .join("\n")}

示例 Example:
  ducha ingest data/sample/郴州2023_信访件_模拟数据.xlsx --out 信访件.xlsx

文档 Docs: docs/（输入格式 docs/input-format.md）
`;

/**
 * Run the CLI; returns the exit code. Never throws: errors are printed without a stack trace.
 * Everything printed passes the output gate (redaction unless --keep-pii, no control characters).
 */
export async function run(argv: string[], rawIo: Io = processIo): Promise<number> {
  const [name, ...rest] = argv;
  const io = gatedIo(rawIo, rest.includes("--keep-pii"));
  if (!name || name === "-h" || name === "--help" || name === "help") {
    io.out(MAIN_HELP());
    return name ? 0 : 2;
  }
  if (name === "--version" || name === "-v") {
    io.out(`ducha ${packageVersion()}`);
    return 0;
  }
  const command = COMMANDS[name];
  if (!command) {
    io.err(`ducha: 未知命令「${name}」（unknown command）。运行 ducha --help 查看所有命令。`);
    return 2;
  }
  try {
    // before the command's modules load: the workers' start is a one-worker run's critical path
    // (bin/ducha.js started them already, before this module loaded: then this is a no-op)
    startWorkersFor(argv);
    return await command.run(rest, io);
  } catch (e) {
    if (e instanceof IngestError) {
      io.err(`ducha ${name}: 无法读取 ${e.file}：${e.reason}`);
      return 1;
    }
    if (e instanceof OutputError) {
      io.err(`ducha ${name}: 无法写出 ${e.path}：${e.reason}`);
      return 1;
    }
    if (e instanceof UsageError || (e as { code?: string }).code?.startsWith("ERR_PARSE_ARGS")) {
      io.err(`ducha ${name}: ${(e as Error).message}\n运行 ducha ${name} --help 查看用法。`);
      return 2;
    }
    if (e instanceof CliError) {
      io.err(`ducha ${name}: ${e.message}`);
      return e.exitCode;
    }
    io.err(`ducha ${name}: 内部错误（internal error）：${(e as Error).message}`);
    if (process.env.DUCHA_DEBUG) io.err(String((e as Error).stack));
    return 1;
  } finally {
    await dropEarlyWorkers();
    commandEnded();
  }
}
