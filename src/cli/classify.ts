import { parseArgs } from "node:util";
import { type ClassifiedComplaint, THEME_NAMES, typeReview } from "../model/classification.js";
import {
  ClassifierPool,
  classifyAll,
  compareWithOfficial,
  defaultWorkers,
  type Disagreement,
  type OfficialComparison,
  type Scheme,
  parseScheme,
} from "../classify/index.js";
import type { Complaint } from "../model/complaint.js";
import { outsideScheme } from "../model/vocabulary.js";
import type { IngestResult } from "../ingest/index.js";
import { complaintsTable, type ExtraColumn, inputHeadersOf } from "../export/complaints.js";
import { csvLine, csvLines } from "../export/csv.js";
import { openOutput } from "../export/output.js";
import { type Table, gateTable, outputFormat, writeTables } from "../export/table.js";
import { ingestFiles } from "../ingest/index.js";
import { gatedJson, redact, redactComplaint, redactComplaintExcept } from "../text/redact.js";
import { UsageError } from "./errors.js";
import { guardOutputs } from "./guard.js";
import { COMMON_INPUT_OPTIONS, ingestOptionsFrom, printSummary, rejectsTable, warningsTable } from "./ingest.js";
import type { Io } from "./output.js";
import { classifyInSlices } from "../classify/slices.js";
import { maybeProgress } from "./slices.js";
import { trace } from "../util/trace.js";

export const CLASSIFY_HELP = `ducha classify — 给信访件分类：污染类型、子类、督察主题、重点件建议、投诉对象，并给出依据
（classify complaints by pollution type, sub-type and theme, with the words behind each label）

用法 Usage:
  ducha classify <文件...> --out 输出.csv|.xlsx|.json [--qa 不一致.csv] [--keep-pii] [--workers N]

读取方式与 ducha ingest 相同（同样的拒绝清单和警告）。输出保留输入的每一列，并增加：
  预测污染类型   默认按湖南/中央督察七类：大气、水、噪声、土壤、生态、辐射、其他（多个用“、”连接）；
                 --scheme eight 时为含“固废”的八类
  类型复核       预测多类时写“多类，建议复核”：分类器给出文中提到的每一类问题，而公开表的登记人
                 多半只写主要的一类；在真实公开表上，预测一类的与官方完全一致约六件中五件，
                 预测多类的约一半（见 docs/classification.md）
  污染子类       如 扬尘、施工噪声、重金属
  督察主题       本轮督察重点，如 污染防治攻坚与“夏季攻势”
  建议重点件（规则）  规则建议关注的写“建议”（不是督察组认定的重点件），重点件理由 写明触发的规则
  分类依据       每个标签的置信度和支持它的词语，如 大气(0.97)：粉尘、灰尘
  投诉对象       被投诉的企业或场所，乡镇街道、村
  与官方一致     表中有官方“污染类型”时：预测与官方是否完全一致（是/否）；七类方案下官方标为“固废”的写“不适用”

选项 Options:
  --out <路径>      输出文件（必填）：.csv（UTF-8 BOM）、.xlsx（另含“拒绝的行”“警告”“官方标注核对”工作表）或 .json
  --qa <路径>       写出预测与官方污染类型不一致的清单（.csv 或 .xlsx），供人工复核标注
  --scheme <方案>   seven（默认，七类，无固废：垃圾倾倒归土壤，垃圾桶、清运归其他，见 data/lexicon/waste-routing.tsv）
                    或 eight（八类，含固废，如 12369 平台和部分省份的表）
  --workers <N>     分类线程数；默认 3000 件以下不用线程，以上在 2 核及以下的机器用 1 个、更多核用 2 个
                    （每个线程启动约 1 秒、150 MB）
  --context <地区>  默认 湖南省郴州市；--year、--batch 同 ducha ingest
  --keep-pii        保留电话、身份证号和举报人姓名（仅供内部分析；默认隐去为【已隐去】）
  -h, --help        显示本帮助

示例 Examples:
  ducha classify data/sample/郴州2023_信访件_模拟数据.xlsx --out 分类结果.xlsx
  ducha classify 第1批.csv 第2批.csv --out 分类.csv --qa 标注核对.csv --workers 2

方法 Method: 词表（data/lexicon/，可由专家审阅）与在人工标注语料（data/labelled/）上训练的逻辑回归模型
（data/model/）结合，识别否定和“已解决”的表述。详见 docs/classification.md。
`;

const joinLabels = (xs: readonly { label: string }[]) => xs.map((x) => x.label).join("、");
const themeName = (id: string) => THEME_NAMES[id as keyof typeof THEME_NAMES] ?? id;

/** "大气(0.97)：粉尘、灰尘；噪声(0.91)：轰鸣｜主题 污染防治攻坚：扬尘" */
export function evidenceText(c: ClassifiedComplaint): string {
  const k = c.classification;
  const parts = k.types.map((t) => `${t.label}(${t.confidence.toFixed(2)})${t.evidence.length ? `：${t.evidence.join("、")}` : ""}`);
  const themes = k.themes.map((t) => `${themeName(t.label)}${t.evidence.length ? `：${t.evidence.join("、")}` : ""}`);
  return [parts.join("；"), themes.length ? `主题 ${themes.join("；")}` : ""].filter(Boolean).join("｜");
}

export const CLASSIFICATION_COLUMNS: ExtraColumn<ClassifiedComplaint>[] = [
  { header: "预测污染类型", value: (r) => joinLabels(r.classification.types) },
  { header: "类型复核", value: (r) => typeReview(r.classification) },
  { header: "污染子类", value: (r) => joinLabels(r.classification.subtypes) },
  { header: "督察主题", value: (r) => r.classification.themes.map((t) => themeName(t.label)).join("、") },
  { header: "建议重点件（规则）", value: (r) => (r.classification.keyCase.suggested ? "建议" : "") },
  { header: "重点件理由", value: (r) => r.classification.keyCase.reasons.map((x) => `${x.name}（${x.evidence.join("、")}）`).join("；") },
  { header: "分类依据", value: evidenceText },
  { header: "投诉对象", value: (r) => r.classification.target },
  { header: "乡镇街道", value: (r) => r.classification.place?.town },
  { header: "村", value: (r) => r.classification.place?.village },
];

/** Whether a row's official types can be compared with a classification in `scheme` (no 固废 in seven). */
const comparable = (r: Pick<Complaint, "officialTypes">, scheme: Scheme | undefined) =>
  r.officialTypes.length > 0 && outsideScheme(r.officialTypes, scheme).length === 0;

const agreementColumn = (scheme: Scheme | undefined): ExtraColumn<ClassifiedComplaint> => ({
  header: "与官方一致",
  value: (r) => {
    if (!r.officialTypes.length) return "";
    if (!comparable(r, scheme)) return "不适用";
    const p = new Set(r.classification.types.map((t) => t.label));
    return p.size === r.officialTypes.length && r.officialTypes.every((t) => p.has(t)) ? "是" : "否";
  },
});

export function qaTable(qa: OfficialComparison, keepPii: boolean): Table {
  return {
    name: "官方标注核对",
    headers: ["文件", "工作表", "行号", "受理编号", "官方污染类型", "预测污染类型", "官方有而预测无", "预测有而官方无（依据）", "投诉内容"],
    rows: qa.disagreements.map((d) => [
      d.source.file,
      d.source.sheet ?? "",
      d.source.row,
      // the official number only: a row without one is found by 文件/工作表/行号, not by an invented id
      d.caseNo ?? "",
      d.official.join("、"),
      d.predicted.join("、"),
      d.officialOnly.join("、"),
      d.predictedOnly.map((p) => `${p.label}(${p.confidence.toFixed(2)})：${p.evidence.join("、")}`).join("；"),
      keepPii ? d.text : redact(d.text),
    ]),
  };
}

/** Redact records in slices, yielding between them so worker messages are handled promptly. */
async function redactInSlices(records: readonly Complaint[]): Promise<Complaint[]> {
  const out: Complaint[] = [];
  for (let i = 0; i < records.length; i += 1000) {
    for (const r of records.slice(i, i + 1000)) out.push(redactComplaint(r));
    await new Promise((resolve) => setImmediate(resolve));
  }
  return out;
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

export async function classifyCommand(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      ...COMMON_INPUT_OPTIONS,
      out: { type: "string" },
      qa: { type: "string" },
      workers: { type: "string" },
      scheme: { type: "string" },
      json: { type: "boolean", default: false },
    },
  });
  if (values.help) {
    io.out(CLASSIFY_HELP);
    return 0;
  }
  if (!positionals.length) throw new UsageError("缺少输入文件（no input files）");
  if (!values.out) throw new UsageError("缺少 --out 输出文件（.csv、.xlsx 或 .json）");
  if (!outputFormat(values.out)) throw new UsageError(`--out 只支持 .csv、.xlsx、.json：${values.out}`);
  if (values.qa && outputFormat(values.qa) !== "csv" && outputFormat(values.qa) !== "xlsx") throw new UsageError(`--qa 只支持 .csv 或 .xlsx：${values.qa}`);
  let workers: number | undefined;
  if (values.workers !== undefined) {
    workers = Number(values.workers);
    if (!Number.isInteger(workers) || workers < 0 || workers > 16) throw new UsageError(`--workers 需要 0 到 16 的整数，收到「${values.workers}」`);
  }
  const keepPii = values["keep-pii"];
  let scheme: Scheme | undefined;
  try {
    scheme = values.scheme === undefined ? undefined : parseScheme(values.scheme);
  } catch (e) {
    throw new UsageError(`--scheme：${(e as Error).message}`);
  }
  const inputs = await guardOutputs(positionals, { "--out": values.out, "--qa": values.qa });

  trace("classify command");
  const options = ingestOptionsFrom(values);
  const format = outputFormat(values.out)!;
  // with --workers, start the threads now: their dictionaries load while the files are read
  const pool = workers ? new ClassifierPool(workers) : undefined;
  let result: IngestResult;
  try {
    result = await ingestFiles(positionals, options);
    trace(`ingested ${result.records.length}`);
  } catch (e) {
    await pool?.close();
    throw e;
  }
  if (format === "csv") {
    try {
      return await classifyToCsv(
        result,
        {
          out: values.out,
          ...(values.qa ? { qa: values.qa } : {}),
          keepPii,
          inputs,
          json: values.json,
          contextGiven: values.context !== undefined,
          ...(scheme ? { scheme } : {}),
          ...(workers !== undefined ? { workers } : {}),
          ...(pool ? { pool } : {}),
        },
        io,
      );
    } finally {
      await pool?.close();
    }
  }
  let classified: ClassifiedComplaint[];
  let redacted: Complaint[] | undefined;
  try {
    const bar = maybeProgress(io, "分类", result.records.length);
    const classifying = classifyAll(result.records, {
      ...(scheme ? { scheme } : {}),
      ...(workers !== undefined ? { workers } : {}),
      ...(pool ? { pool } : {}),
      ...(bar ? { onProgress: bar.update } : {}),
    });
    // redaction does not depend on the classification: do it while worker threads classify
    if (!keepPii && (pool || (workers ?? defaultWorkers(result.records.length)) > 0)) redacted = await redactInSlices(result.records);
    classified = await classifying;
    bar?.done();
  } finally {
    await pool?.close();
  }
  const qa = compareWithOfficial(classified.filter((r) => comparable(r, scheme)));
  const outside = classified.reduce((n, r) => n + (r.officialTypes.length && !comparable(r, scheme) ? 1 : 0), 0);

  const records: ClassifiedComplaint[] = keepPii
    ? classified
    : classified.map((c, i) => (redacted ? { ...redacted[i]!, classification: c.classification } : redactComplaint(c)));
  const extra = qa.compared || outside ? [...CLASSIFICATION_COLUMNS, agreementColumn(scheme)] : CLASSIFICATION_COLUMNS;
  const tables = [complaintsTable(records, { keepPii: true, extra }), rejectsTable(result, keepPii), warningsTable(result)];
  if (qa.compared) tables.push(qaTable(qa, keepPii));
  const write = { keepPii, inputs };
  await writeTables(values.out, tables, records, write);
  if (values.qa) await writeTables(values.qa, [qaTable(qa, keepPii)], undefined, write);

  return printed(
    classified,
    result,
    { ...qa, outside },
    { out: values.out, ...(values.qa ? { qa: values.qa } : {}), keepPii, json: values.json, contextGiven: values.context !== undefined },
    io,
  );
}

function printed(
  classified: readonly ClassifiedComplaint[],
  result: IngestResult,
  qa: OfficialComparison & { outside: number },
  o: { out: string; qa?: string; keepPii: boolean; json: boolean; contextGiven: boolean },
  io: Io,
): number {
  const byType = new Map<string, number>();
  for (const r of classified) for (const t of r.classification.types) byType.set(t.label, (byType.get(t.label) ?? 0) + 1);
  const suggested = classified.filter((r) => r.classification.keyCase.suggested).length;
  const several = classified.filter((r) => typeReview(r.classification)).length;
  return report(
    io,
    result,
    { ...qa, disagreements: qa.disagreements.length, outside: qa.outside },
    { byType, several, suggested, classified: classified.length },
    o,
  );
}

interface Tally {
  byType: Map<string, number>;
  /** complaints given several types (typeReview) */
  several: number;
  suggested: number;
  classified: number;
}

/** What classify prints: one JSON object with --json, else the ingest summary and the labels. */
function report(
  io: Io,
  result: IngestResult,
  qa: Pick<OfficialComparison, "compared" | "agreed" | "agreement" | "overlapping"> & {
    disagreements: number;
    /** rows whose official types the scheme cannot give (固废 in seven classes): not compared */
    outside: number;
  },
  tally: Tally,
  o: { out: string; qa?: string; keepPii: boolean; json: boolean; contextGiven: boolean },
): number {
  if (o.json) {
    io.out(
      gatedJson({
        rows: result.rows,
        accepted: result.accepted,
        rejected: result.rejected,
        qa: { compared: qa.compared, agreed: qa.agreed, agreement: qa.agreement, overlapping: qa.overlapping, outsideScheme: qa.outside },
      }),
    );
    return 0;
  }
  // classify's --json prints counts only: the lists are in the .xlsx output, or ducha ingest --json
  printSummary(result, io, o.keepPii, {
    contextGiven: o.contextGiven,
    rejectsList: "见 .xlsx 输出的“拒绝的行”工作表（--out 写成 .xlsx），或用 ducha ingest --rejects 输出",
    warningsList: "见 .xlsx 输出的“警告”工作表（--out 写成 .xlsx），或用 ducha ingest --json 输出",
  });
  io.out(
    `\n预测污染类型（一件可有多类）：${[...tally.byType]
      .sort((a, b) => b[1] - a[1])
      .map(([t, n]) => `${t} ${n}`)
      .join("，")}`,
  );
  if (tally.several)
    io.out(`其中 ${tally.several} 件预测为多类（“类型复核”列写“多类，建议复核”）：公开表的登记人多半只写主要的一类，这些件的类型请复核后再计数。`);
  io.out(`建议重点件：${tally.suggested} 件`);
  if (qa.compared) {
    io.out(
      `官方污染类型 ${qa.compared} 件：与预测完全一致 ${qa.agreed} 件（${pct(qa.agreement)}），至少一类一致 ${qa.overlapping} 件（${pct(qa.overlapping / qa.compared)}）。`,
    );
    if (qa.disagreements) io.out(`不一致 ${qa.disagreements} 件${o.qa ? `，清单见 ${o.qa}` : "，用 --qa 写出清单供人工复核"}。`);
  }
  if (qa.outside)
    io.out(
      `另有 ${qa.outside} 件官方标为“固废”：这是八类方案（全国 12369 平台和部分省份）的类别，七类方案没有固废，不计一致比例（不适用），也不算不一致；用 --scheme eight 按八类方案分类可比较这些信访件。`,
    );
  io.out(`\n已写出 ${tally.classified} 条分类结果：${o.out}${o.keepPii ? "（保留了个人信息）" : "（个人信息已隐去）"}`);
  return 0;
}

/** Rows formatted and written at a time, between which the worker threads' results are taken in. */
const WRITE_PART = 2000;

interface StreamOptions {
  out: string;
  qa?: string;
  keepPii: boolean;
  inputs: Map<string, string>;
  json: boolean;
  /** --context was given (no advice to give one) */
  contextGiven: boolean;
  scheme?: Scheme;
  workers?: number;
  pool?: ClassifierPool;
}

/**
 * classify --out x.csv in bounded memory: the records are classified slice by slice and each
 * slice is redacted, gated and appended to the output before the next one is classified, so
 * that no full set of classifications, redacted copies or output rows is ever held. Writes the
 * same bytes as the whole-table path. The records of `result` are dropped from it as they are
 * written.
 */
async function classifyToCsv(result: IngestResult, o: StreamOptions, io: Io): Promise<number> {
  // written rows are dropped from the ingest result (see below): nothing after reads them
  const records: Complaint[] = result.records;
  const compared = records.reduce((n, r) => n + (r.officialTypes.length ? 1 : 0), 0);
  const extra = compared ? [...CLASSIFICATION_COLUMNS, agreementColumn(o.scheme)] : CLASSIFICATION_COLUMNS;
  const inputHeaders = inputHeadersOf(records);
  const keep = o.keepPii ? { keepPii: true } : {};
  // the header line, exactly as complaintsTable + gateTable + toCsv write it
  const head = gateTable(complaintsTable([], { keepPii: true, extra, inputHeaders }), keep);
  const stream = await openOutput(o.out, o.inputs);
  const qa = { compared: 0, agreed: 0, agreement: 0, overlapping: 0 };
  const disagreements: Disagreement[] = [];
  let disagreeing = 0;
  let outside = 0;
  const tally: Tally = { byType: new Map(), several: 0, suggested: 0, classified: 0 };
  const bar = maybeProgress(io, "分类", records.length);
  try {
    await stream.write(`\uFEFF${csvLine(head.headers)}\r\n`);
    await classifyInSlices(
      records.length,
      (i) => records[i]!.text,
      async (start, results, piiFree) => {
        // written in parts, yielding between them, so that the workers' results are taken in
        // (and the next chunks sent) while this thread formats the slice
        for (let from = 0; from < results.length; from += WRITE_PART) {
          const part = results.slice(from, from + WRITE_PART);
          const rows = new Array<ClassifiedComplaint>(part.length);
          const official: ClassifiedComplaint[] = [];
          // strings searched for personal data with none found (texts by the workers, the other
          // cells while the row is redacted): the output gate does not search them again
          const clean = o.keepPii ? undefined : new Set<string>();
          for (let k = 0; k < part.length; k++) {
            const i = start + from + k;
            const rec = records[i]!;
            const classification = part[k]!;
            if (clean && piiFree?.(from + k)) clean.add(rec.text);
            // what compareWithOfficial reads, not a copy of the record
            if (rec.officialTypes.length && !comparable(rec, o.scheme)) outside++;
            else if (rec.officialTypes.length)
              official.push({
                key: rec.key,
                ...(rec.caseNo ? { caseNo: rec.caseNo } : {}),
                source: rec.source,
                officialTypes: rec.officialTypes,
                text: rec.text,
                classification,
              } as ClassifiedComplaint);
            for (const t of classification.types) tally.byType.set(t.label, (tally.byType.get(t.label) ?? 0) + 1);
            if (typeReview(classification)) tally.several++;
            if (classification.keyCase.suggested) tally.suggested++;
            // one copy per row: redactComplaint already returns a new object
            const row: ClassifiedComplaint = o.keepPii ? { ...rec, classification } : (redactComplaintExcept(rec, clean, clean) as ClassifiedComplaint);
            row.classification = classification;
            rows[k] = row;
            // the input record is not needed once its row is written: a national year's records
            // are let go slice by slice instead of all at the end
            records[i] = undefined as unknown as Complaint;
          }
          const q = compareWithOfficial(official);
          qa.compared += q.compared;
          qa.agreed += q.agreed;
          qa.overlapping += q.overlapping;
          disagreeing += q.disagreements.length;
          // the list only when it is written: a national year disagrees on some 100,000 rows
          if (o.qa) for (const d of q.disagreements) disagreements.push(d);
          tally.classified += part.length;
          const table = gateTable(complaintsTable(rows, { keepPii: true, extra, inputHeaders }), clean ? { ...keep, clean } : keep);
          await stream.write(`${csvLines(table.rows)}\r\n`);
          trace(`wrote ${start + from + part.length}`);
        }
      },
      {
        ...(o.scheme ? { scheme: o.scheme } : {}),
        ...(o.workers !== undefined ? { workers: o.workers } : {}),
        ...(o.pool ? { pool: o.pool } : {}),
        ...(bar ? { onProgress: bar.update } : {}),
      },
    );
    bar?.done();
    await stream.commit();
    trace("committed");
  } catch (e) {
    await stream.abort();
    throw e;
  }
  qa.agreement = qa.compared ? qa.agreed / qa.compared : 0;
  if (o.qa) {
    const strength = (d: Disagreement) => Math.max(0, ...d.predictedOnly.map((p) => p.confidence)) + (d.officialOnly.length ? 0.5 : 0);
    disagreements.sort((a, b) => strength(b) - strength(a));
    await writeTables(o.qa, [qaTable({ ...qa, byType: [], disagreements }, o.keepPii)], undefined, { keepPii: o.keepPii, inputs: o.inputs });
  }
  return report(io, result, { ...qa, disagreements: disagreeing, outside }, tally, o);
}
