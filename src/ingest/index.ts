import { basename, extname } from "node:path";
import type { Complaint, Reject, Warning } from "../model/complaint.js";
import { type AreaContext, AreaResolver } from "../geo/resolve.js";
import { CsvReader } from "./csv.js";
import { type TextEncoding, decodeText, looksBinary } from "./decode.js";
import { IngestError } from "./errors.js";
import { FirstSeen } from "./first-seen.js";
import { readJson } from "./json.js";
import { type NormalizeContext, type RowSource, type SheetResult, gridSource, readTables } from "./normalize.js";
import { checkInputFile, readInputFile } from "./read.js";
import { readXlsx } from "./xlsx.js";
import { redact } from "../text/redact.js";

export { IngestError } from "./errors.js";
export { DEFAULT_MAX_BYTES, readInputFile } from "./read.js";
export { parseCsv, type CsvParse, type CsvRecord } from "./csv.js";
export { parseDate, fromExcelSerial } from "./dates.js";
export { FIELDS, mapHeaders, normalizeHeader, type Field } from "./columns.js";
export { parseBatch } from "./normalize.js";

/** The kinds of file ingestion reads. */
export type FileFormat = "csv" | "xlsx" | "json";

/** What ingestion made of one file: format, encoding, rows accepted and rejected, sheets read and skipped. */
export interface FileSummary {
  file: string;
  format: FileFormat;
  /** text encoding detected (CSV and JSON) */
  encoding?: TextEncoding;
  /** data rows below the header(s), blank rows not counted */
  rows: number;
  accepted: number;
  rejected: number;
  sheets: SheetResult[];
  /** worksheets without a complaint-text column, skipped */
  skippedSheets: string[];
}

/** Records and rejects of all files read: every data row is in exactly one of them. */
export interface IngestResult {
  /** data rows in all files; always accepted + rejected */
  rows: number;
  accepted: number;
  rejected: number;
  records: Complaint[];
  rejects: Reject[];
  warnings: Warning[];
  files: FileSummary[];
  /**
   * The input says it is synthetic: 模拟数据 in a file name, a sheet name or a title row. Charts,
   * reports and the dashboard then say so too.
   */
  synthetic: boolean;
}

/** Context the tables do not give: the prefecture, the year of short dates, the batch. */
export interface IngestOptions {
  /** province and prefecture the complaints belong to; default 湖南省郴州市 */
  context?: AreaContext;
  /** year of "6月29日"-style dates when the table gives none */
  year?: number;
  /** batch (批次) for every row, overriding columns, sheet names and titles */
  batch?: number;
  /** the display name of a buffer passed without a path */
  name?: string;
  /** the most bytes read from one file (default 500 MB, or $DUCHA_MAX_INPUT_MB) */
  maxBytes?: number;
}

/** A file given as bytes (a browser upload, a buffer), with the name used in messages. */
export interface InputFile {
  /** name used in messages (a path or a label) */
  name: string;
  bytes: Uint8Array;
}

const NO_BYTES = new Uint8Array(0);
const XLSX_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0];
const startsWith = (b: Uint8Array, magic: number[]) => magic.every((m, i) => b[i] === m);

/**
 * The file as record keys name it (rows without 受理编号): its name without directory, redacted,
 * made unique among the files of one run (两个目录下的同名文件 get 表.csv and 表.csv(2)).
 */
function keyLabel(name: string, used: Set<string>): string {
  const base = redact(basename(name)) || "input";
  let label = base;
  for (let i = 2; used.has(label); i++) label = `${base}(${i})`;
  used.add(label);
  return label;
}

/** A file too large to hold as one string or to parse: a message, not a crash. */
function tooLarge(name: string, e: unknown): never {
  if (e instanceof RangeError) throw new IngestError(name, `文件太大，无法读入内存（${e.message}）；请按批次拆分（file too large）`);
  throw e;
}

function emptyResult(): IngestResult {
  return { rows: 0, accepted: 0, rejected: 0, records: [], rejects: [], warnings: [], files: [], synthetic: false };
}

/** Read one file's bytes into the result. Throws {@link IngestError} when the file is not a readable table. */
async function ingestInto(
  input: InputFile | (() => Promise<InputFile>),
  result: IngestResult,
  resolver: AreaResolver,
  options: IngestOptions,
  labels: Set<string>,
): Promise<void> {
  // a file read here (not a caller's buffer) is only referenced from this frame, so its bytes
  // are garbage once decoded: a 340 MB CSV does not sit beside its own parsed rows
  let file: InputFile | undefined = typeof input === "function" ? await input() : input;
  const name = file.name;
  let bytes: Uint8Array = file.bytes;
  file = undefined; // eslint-disable-line no-useless-assignment -- drops the last reference to the bytes
  if (bytes.length === 0) throw new IngestError(name, "文件是空的（empty file）");
  const ext = extname(name).toLowerCase();
  let format: FileFormat;
  let encoding: TextEncoding | undefined;
  let sources: RowSource[];
  let repaired = false;

  if (startsWith(bytes, OLE_MAGIC)) {
    throw new IngestError(
      name,
      "这是旧版 Excel 97-2003（.xls）或其他 Office 二进制文件，请在 Excel 中“另存为” .xlsx 后再导入（legacy .xls is not supported; save as .xlsx）",
    );
  }
  if (startsWith(bytes, XLSX_MAGIC)) {
    format = "xlsx";
    try {
      sources = (await readXlsx(bytes)).map(gridSource);
      bytes = NO_BYTES;
    } catch (e) {
      throw new IngestError(name, `无法读取 Excel 文件（${(e as Error).message}）；文件可能已损坏或不是 .xlsx`);
    }
  } else {
    const bom = bytes[0] === 0xef || bytes[0] === 0xff || bytes[0] === 0xfe;
    if (!bom && looksBinary(bytes)) throw new IngestError(name, "不是表格文件（文件内容是二进制数据）；支持 CSV、XLSX 和 JSON");
    let text: string;
    try {
      const decoded = decodeText(bytes);
      bytes = NO_BYTES;
      encoding = decoded.encoding;
      text = decoded.text;
      repaired = decoded.repaired;
    } catch (e) {
      tooLarge(name, e);
    }
    if (!text.trim()) throw new IngestError(name, "文件是空的（only white space）");
    const first = text.trimStart()[0];
    try {
      if (ext === ".json" || ((first === "[" || first === "{") && ext !== ".csv" && ext !== ".tsv" && ext !== ".txt")) {
        format = "json";
        const j = readJson(text);
        if ("error" in j) throw new IngestError(name, j.error);
        sources = [gridSource({ ...j.grid, repaired })];
      } else {
        format = "csv";
        // read row by row as the rows are normalised: no grid of every row's cells is kept
        const reader = new CsvReader(text, ext === ".tsv" ? "\t" : undefined);
        sources = [{ ...(repaired ? { repaired } : {}), next: () => reader.next(), errors: reader.errors }];
      }
    } catch (e) {
      tooLarge(name, e);
    }
  }
  const ctx: NormalizeContext = {
    file: name,
    resolver,
    ...(options.year !== undefined ? { year: options.year } : {}),
    ...(options.batch !== undefined ? { batch: options.batch } : {}),
    fileLabel: basename(name),
    keyLabel: keyLabel(name, labels),
    ...(encoding ? { encoding } : {}),
    records: result.records,
    rejects: result.rejects,
    warnings: result.warnings,
    seenCaseNos: new FirstSeen(),
  };
  const summary: FileSummary = { file: name, format, ...(encoding ? { encoding } : {}), rows: 0, accepted: 0, rejected: 0, sheets: [], skippedSheets: [] };
  for (const src of sources) {
    // several tables one under another in a sheet are read one by one
    let tables: (SheetResult | undefined)[];
    try {
      tables = readTables(src, ctx);
    } catch (e) {
      // a CSV is parsed while its rows are read
      if (format === "csv") tooLarge(name, e);
      throw e;
    }
    for (const s of tables) {
      if (!s) {
        if (src.sheet !== undefined) summary.skippedSheets.push(src.sheet);
        continue;
      }
      summary.sheets.push(s);
      summary.rows += s.rows;
      summary.accepted += s.accepted;
      summary.rejected += s.rejected;
    }
  }
  if (!summary.sheets.length) {
    const what = format === "xlsx" ? `所有工作表（${summary.skippedSheets.join("、") || "无"}）` : "前15行";
    throw new IngestError(name, `${what}中都找不到投诉内容列（如“交办问题基本情况”“举报内容”“信访问题”），无法识别为信访件表格（no complaint-text column）`);
  }
  for (const sheet of summary.skippedSheets) {
    result.warnings.push({ file: name, sheet, row: 0, column: "", message: `工作表「${sheet}」中没有投诉内容列，已跳过` });
  }
  const SYNTHETIC = /模拟数据|synthetic/i;
  if (SYNTHETIC.test(basename(name)) || summary.sheets.some((sh) => SYNTHETIC.test(`${sh.sheet ?? ""} ${sh.title ?? ""}`))) result.synthetic = true;
  result.files.push(summary);
  result.rows += summary.rows;
  result.accepted += summary.accepted;
  result.rejected += summary.rejected;
}

/**
 * Flag a 受理编号 that appears in several files of the same date: the same table given twice.
 * Status snapshots (tables with different 截至 dates) repeat their cases by design.
 */
function flagCrossFileDuplicates(result: IngestResult): void {
  if (result.files.length < 2) return;
  const first = new Map<string, Complaint>();
  for (const r of result.records) {
    if (!r.caseNo) continue;
    const k = `${r.caseNo}@${r.asOf ?? ""}`;
    const f = first.get(k);
    if (!f) first.set(k, r);
    else if (f.source.file !== r.source.file) {
      result.warnings.push({
        ...r.source,
        column: "受理编号",
        message: `受理编号 ${r.caseNo} 也出现在 ${f.source.file}${f.source.sheet ? `「${f.source.sheet}」` : ""}第${f.source.row}行：同一张表是否导入了两次？`,
      });
    }
  }
}

/** Ingest buffers (e.g. uploads). */
export async function ingestBuffers(inputs: readonly InputFile[], options: IngestOptions = {}): Promise<IngestResult> {
  const result = emptyResult();
  const resolver = new AreaResolver(options.context);
  const labels = new Set<string>();
  for (const input of inputs) await ingestInto(input, result, resolver, options, labels);
  flagCrossFileDuplicates(result);
  return result;
}

/**
 * Read complaint tables (CSV, XLSX, JSON) into typed records. Every data row ends in
 * `records` or in `rejects`; values that are kept but doubtful produce `warnings`.
 *
 * @throws IngestError when a file cannot be read at all (missing, not a regular file, too large,
 *   empty, binary, no text column)
 */
export async function ingestFiles(paths: readonly string[], options: IngestOptions = {}): Promise<IngestResult> {
  // every path is checked (regular file, within the cap) before any is parsed: a FIFO or a
  // device fails at once, not after the other files were read; then each file is read, parsed
  // and let go in turn
  for (const p of paths) await checkInputFile(p, options.maxBytes);
  const result = emptyResult();
  const resolver = new AreaResolver(options.context);
  const labels = new Set<string>();
  for (const p of paths) await ingestInto(async () => ({ name: p, bytes: await readInputFile(p, options.maxBytes) }), result, resolver, options, labels);
  flagCrossFileDuplicates(result);
  return result;
}

/** One file. */
export function ingestFile(path: string, options: IngestOptions = {}): Promise<IngestResult> {
  return ingestFiles([path], options);
}
