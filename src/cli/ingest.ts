import { parseArgs } from "node:util";
import { type IngestOptions, type IngestResult, ingestFiles } from "../ingest/index.js";
import { DEFAULT_AREA_CONTEXT, parseAreaContext } from "../geo/resolve.js";
import { complaintsTable } from "../export/complaints.js";
import { type Table, outputFormat, writeTables } from "../export/table.js";
import { gatedJson, redact, redactComplaint } from "../text/redact.js";
import { UsageError } from "./errors.js";
import { guardOutputs } from "./guard.js";
import type { Io } from "./output.js";

export const INGEST_HELP = `ducha ingest — 读取信访件表格并检查每一行（read complaint tables, check every row）

用法 Usage:
  ducha ingest <文件...> [--out 输出.csv|.xlsx|.json] [--rejects 拒绝.csv] [--json]

输入 Input:
  CSV（UTF-8 有无 BOM、GBK/GB18030 自动识别）、XLSX（每个工作表；表头上方的标题行；合并单元格；
  工作表名“第3批”作为批次）、JSON（对象数组）。表头可以是“交办问题基本情况”“举报内容”“信访问题”等
  常见写法，见 docs/input-format.md。

  每一行数据要么被接受，要么列入拒绝清单并写明文件、工作表、行号、列和原因：
  只有“投诉内容为空”或“无法解析”（如引号未闭合）的行会被拒绝；无法识别的取值会保留并给出警告。

选项 Options:
  --out <路径>        写出规范化记录：.csv（UTF-8 BOM，Excel 可直接打开）、.xlsx 或 .json。
                      保留输入的每一列，后附识别出的县（市、区）、区划代码、批次、日期和规范取值。
  --rejects <路径>    写出被拒绝的行（.csv 或 .xlsx）：文件、工作表、行号、列、原因。
  --json              在标准输出打印一个 JSON 对象（rows、accepted、rejected、files、rejects、warnings）。
  --context <地区>    信访件所属地区，用于识别“苏仙”“资兴”等简称；默认 湖南省郴州市。
                      例：--context 湖南省永州市、--context 431100、--context 湖南省；
                      各省的表用 --context 全国。不在该地区的县区会给出提示。
  --year <年份>       “6月29日”这类没有年份的日期所用的年份（默认取表中其他日期或受理编号中的年份）。
  --batch <N>         所有行的批次（覆盖批次列、工作表名和标题）。
  --keep-pii          输出中保留电话、身份证号和举报人姓名（仅供内部分析；默认隐去为【已隐去】）。
  -h, --help          显示本帮助。

示例 Examples:
  ducha ingest data/sample/郴州2023_信访件_模拟数据.xlsx --out 信访件.xlsx --rejects 拒绝.csv
  ducha ingest 第1批.csv 第2批.xlsx --json > summary.json

退出码 Exit codes: 0 完成（即使有被拒绝的行）；1 文件无法读取；2 命令行用法错误。
`;

export const COMMON_INPUT_OPTIONS = {
  context: { type: "string" },
  year: { type: "string" },
  batch: { type: "string" },
  "keep-pii": { type: "boolean", default: false },
  help: { type: "boolean", short: "h", default: false },
} as const;

function positiveInt(name: string, v: string | undefined): number | undefined {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isInteger(n) || n <= 0) throw new UsageError(`--${name} 需要一个正整数，收到「${v}」`);
  return n;
}

/** The ingest options shared by ingest, classify, stats, chart and report. */
export function ingestOptionsFrom(values: { context?: string; year?: string; batch?: string }): IngestOptions {
  const year = positiveInt("year", values.year);
  if (year !== undefined && (year < 1990 || year > 2100)) throw new UsageError(`--year 超出范围：${year}`);
  const batch = positiveInt("batch", values.batch);
  let context;
  if (values.context) {
    try {
      // checked now, so a typo is a usage error and not a crash later
      context = parseAreaContext(values.context);
    } catch (e) {
      throw new UsageError(`--context 无法识别「${values.context}」：${(e as Error).message}`);
    }
  }
  return { ...(year !== undefined ? { year } : {}), ...(batch !== undefined ? { batch } : {}), ...(context ? { context } : {}) };
}

/** Rows that were rejected, as a table for --rejects. */
export function rejectsTable(result: IngestResult, keepPii: boolean): Table {
  return {
    name: "拒绝的行",
    headers: ["文件", "工作表", "行号", "列", "原因", "内容摘录"],
    rows: result.rejects.map((r) => [r.file, r.sheet ?? "", r.row, r.column, r.reason, keepPii ? (r.excerpt ?? "") : redact(r.excerpt ?? "")]),
  };
}

export function warningsTable(result: IngestResult): Table {
  return {
    name: "警告",
    headers: ["文件", "工作表", "行号", "列", "说明"],
    rows: result.warnings.map((w) => [w.file, w.sheet ?? "", w.row || "", w.column, w.message]),
  };
}

/** The one JSON object --json prints. */
export function summaryJson(result: IngestResult, keepPii: boolean) {
  return {
    rows: result.rows,
    accepted: result.accepted,
    rejected: result.rejected,
    files: result.files.map((f) => ({
      file: f.file,
      format: f.format,
      ...(f.encoding ? { encoding: f.encoding } : {}),
      rows: f.rows,
      accepted: f.accepted,
      rejected: f.rejected,
      sheets: f.sheets.map((s) => ({
        ...(s.sheet !== undefined ? { sheet: s.sheet } : {}),
        headerRow: s.headerRow,
        rows: s.rows,
        accepted: s.accepted,
        rejected: s.rejected,
        ...(s.batch !== undefined ? { batch: s.batch } : {}),
        ...(s.asOf ? { asOf: s.asOf } : {}),
        columns: s.recognised,
      })),
      skippedSheets: f.skippedSheets,
    })),
    rejects: result.rejects.map((r) => ({
      file: r.file,
      sheet: r.sheet ?? null,
      row: r.row,
      column: r.column,
      reason: r.reason,
      ...(r.excerpt ? { excerpt: keepPii ? r.excerpt : redact(r.excerpt) } : {}),
    })),
    warnings: result.warnings.map((w) => ({ file: w.file, sheet: w.sheet ?? null, row: w.row, column: w.column, message: w.message })),
  };
}

const where = (x: { file: string; sheet?: string; row: number }) => `${x.file}${x.sheet !== undefined ? `「${x.sheet}」` : ""}${x.row ? ` 第${x.row}行` : ""}`;

/** How the summary points to the full lists, and whether the user named the area (--context). */
export interface SummaryOptions {
  /** --context was given: no advice to give one */
  contextGiven?: boolean;
  /** where the full list of rejects is (default: --rejects or --json) */
  rejectsList?: string;
  /** where the full list of warnings is (default: --json) */
  warningsList?: string;
}

/**
 * "提示：…" when many rows lie outside the default area (湖南省郴州市) and no --context was given:
 * a table from elsewhere otherwise shows a screen of "是天津市河西区，不在郴州市" and no way out.
 */
export function contextAdvice(result: IngestResult): string | null {
  const outside = result.warnings.filter((w) => /，不在[^，。；]+$/.test(w.message)).length;
  if (outside < 10 || outside < 0.2 * result.accepted) return null;
  const area = `${DEFAULT_AREA_CONTEXT.province ?? ""}${DEFAULT_AREA_CONTEXT.prefecture ?? ""}`;
  return `提示：${outside} 行的县（市、区）不在默认地区${area}。表格来自其他地区时，请加 --context 全国（或所属的省、市，如 --context 山东省）重新运行。`;
}

/** The readable summary printed without --json. */
export function printSummary(result: IngestResult, io: Io, keepPii: boolean, options: SummaryOptions = {}): void {
  io.out(
    `读取 ${result.files.length} 个文件，共 ${result.rows} 行数据：接受 ${result.accepted} 行，拒绝 ${result.rejected} 行，警告 ${result.warnings.length} 条。`,
  );
  for (const f of result.files) {
    const sheets = f.format === "xlsx" ? `，${f.sheets.length} 个工作表` : "";
    const enc = f.encoding ? `，${f.encoding.toUpperCase()}` : "";
    io.out(`  ${f.file}（${f.format.toUpperCase()}${enc}${sheets}）：${f.rows} 行，接受 ${f.accepted}，拒绝 ${f.rejected}`);
    if (f.skippedSheets.length) io.out(`    跳过没有投诉内容列的工作表：${f.skippedSheets.join("、")}`);
  }
  const LIMIT = 20;
  if (result.rejects.length) {
    io.out(`\n拒绝的行（rejected rows）：`);
    for (const r of result.rejects.slice(0, LIMIT)) {
      const ex = r.excerpt ? `  〔${keepPii ? r.excerpt : redact(r.excerpt)}〕` : "";
      io.out(`  ${where(r)}${r.column ? ` [${r.column}]` : ""}：${r.reason}${ex}`);
    }
    if (result.rejects.length > LIMIT) io.out(`  ……另有 ${result.rejects.length - LIMIT} 行，完整清单${options.rejectsList ?? "用 --rejects 或 --json 输出"}`);
  }
  if (result.warnings.length) {
    io.out(`\n警告（warnings，数据已保留）：`);
    for (const w of result.warnings.slice(0, LIMIT)) io.out(`  ${where(w)}${w.column ? ` [${w.column}]` : ""}：${w.message}`);
    if (result.warnings.length > LIMIT) io.out(`  ……另有 ${result.warnings.length - LIMIT} 条，完整清单${options.warningsList ?? "用 --json 输出"}`);
  }
  const advice = options.contextGiven ? null : contextAdvice(result);
  if (advice) io.out(`\n${advice}`);
}

export async function ingestCommand(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { ...COMMON_INPUT_OPTIONS, out: { type: "string" }, rejects: { type: "string" }, json: { type: "boolean", default: false } },
  });
  if (values.help) {
    io.out(INGEST_HELP);
    return 0;
  }
  if (!positionals.length) throw new UsageError("缺少输入文件（no input files）");
  if (values.out && !outputFormat(values.out)) throw new UsageError(`--out 只支持 .csv、.xlsx、.json：${values.out}`);
  if (values.rejects && outputFormat(values.rejects) !== "csv" && outputFormat(values.rejects) !== "xlsx") {
    throw new UsageError(`--rejects 只支持 .csv 或 .xlsx：${values.rejects}`);
  }
  const keepPii = values["keep-pii"];
  const inputs = await guardOutputs(positionals, { "--out": values.out, "--rejects": values.rejects });
  const result = await ingestFiles(positionals, ingestOptionsFrom(values));

  const write = { keepPii, inputs };
  if (values.out) {
    const records = keepPii ? result.records : result.records.map(redactComplaint);
    const tables = [complaintsTable(records, { keepPii: true }), rejectsTable(result, keepPii), warningsTable(result)];
    await writeTables(values.out, tables, records, write);
  }
  if (values.rejects) await writeTables(values.rejects, [rejectsTable(result, keepPii)], undefined, write);

  if (values.json) io.out(gatedJson(summaryJson(result, keepPii), { keepPii }));
  else {
    printSummary(result, io, keepPii, { contextGiven: values.context !== undefined });
    if (values.out) io.out(`\n已写出 ${result.accepted} 条记录：${values.out}${keepPii ? "（保留了个人信息）" : "（个人信息已隐去）"}`);
    if (values.rejects) io.out(`已写出 ${result.rejected} 行拒绝清单：${values.rejects}`);
  }
  return 0;
}
