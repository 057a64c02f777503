import type { Complaint } from "../model/complaint.js";
import { redactComplaint } from "../text/redact.js";
import type { Table } from "./table.js";

/** A column added to an export: its header and how to compute its value. */
export interface ExtraColumn<T> {
  header: string;
  /** the cell of one complaint */
  value: (item: T) => string | number | undefined;
}

/** How {@link complaintsTable} writes complaints: personal data kept or not (default not), extra columns, the table's name and title. */
export interface ComplaintTableOptions<T extends Complaint> {
  /** keep phone numbers, ID numbers and names (internal analysis only); default false */
  keepPii?: boolean;
  /** columns added after the input columns (e.g. predictions) */
  extra?: readonly ExtraColumn<T>[];
  name?: string;
  title?: string;
  /** the input columns, when the table is one slice of a larger output (the columns of the whole input, so every slice writes the same header) */
  inputHeaders?: readonly string[];
}

/** The input columns of records: the union over all files, in order of first appearance. */
export function inputHeadersOf(records: readonly Complaint[]): string[] {
  const inputHeaders: string[] = [];
  const seen = new Set<string>();
  for (const r of records) {
    for (const h of Object.keys(r.raw)) {
      if (!seen.has(h)) {
        seen.add(h);
        inputHeaders.push(h);
      }
    }
  }
  return inputHeaders;
}

/** The normalised values ingestion adds after the input columns. */
const NORMALISED: ExtraColumn<Complaint>[] = [
  { header: "县（市、区）", value: (r) => r.area.county },
  { header: "区划代码", value: (r) => r.area.code },
  { header: "批次（识别）", value: (r) => r.batch },
  { header: "交办日期（识别）", value: (r) => r.date },
  { header: "污染类型（规范）", value: (r) => r.officialTypes.join("、") },
  { header: "是否属实（规范）", value: (r) => r.verification },
  { header: "办理状态（规范）", value: (r) => r.status },
  { header: "受理渠道（识别）", value: (r) => r.channel },
];

/**
 * Records as a table that keeps every input column as written (the union over all files, in
 * order of first appearance), preceded by where each row came from and followed by the
 * normalised values and any extra columns. Redacted unless `keepPii`.
 */
export function complaintsTable<T extends Complaint>(records: readonly T[], options: ComplaintTableOptions<T> = {}): Table {
  const inputHeaders = options.inputHeaders ? [...options.inputHeaders] : inputHeadersOf(records);
  const added = [...NORMALISED, ...(options.extra ?? [])] as ExtraColumn<T>[];
  const taken = new Set(["来源文件", "工作表", "行号", ...inputHeaders]);
  const addedHeaders = added.map((c) => {
    let h = c.header;
    while (taken.has(h)) h = `${h}*`;
    taken.add(h);
    return h;
  });
  const rows = new Array<(string | number)[]>(records.length);
  const nIn = inputHeaders.length;
  for (let k = 0; k < records.length; k++) {
    const rec = records[k]!;
    const r = options.keepPii ? rec : redactComplaint(rec);
    const row = new Array<string | number>(3 + nIn + added.length);
    row[0] = r.source.file;
    row[1] = r.source.sheet ?? "";
    row[2] = r.source.row;
    for (let i = 0; i < nIn; i++) row[3 + i] = r.raw[inputHeaders[i]!] ?? "";
    for (let i = 0; i < added.length; i++) row[3 + nIn + i] = added[i]!.value(r) ?? "";
    rows[k] = row;
  }
  return {
    name: options.name ?? "信访件",
    headers: ["来源文件", "工作表", "行号", ...inputHeaders, ...addedHeaders],
    rows,
    ...(options.title ? { title: options.title } : {}),
  };
}
