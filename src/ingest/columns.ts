/**
 * The columns of a disclosure table (边督边改公开情况一览表) and the header spellings seen in
 * real tables. A header is matched after {@link normalizeHeader}: exact spellings first, then
 * patterns, so "交办问题基本情况（举报内容）" and "信访问题" both find the complaint text.
 */

import { compact } from "../text/normalize.js";

/** A field of the complaint record that a column of a disclosure table fills. */
export type Field =
  | "seq"
  | "caseNo"
  | "batch"
  | "date"
  | "text"
  | "area"
  | "types"
  | "findings"
  | "verification"
  | "rectification"
  | "status"
  | "deadline"
  | "accountability"
  | "category"
  | "channel"
  | "closedDate";

export interface FieldSpec {
  field: Field;
  /** the canonical header, as in Hunan's tables */
  canonical: string;
  /** exact spellings (after normalisation) */
  variants: readonly string[];
  /** looser matches, tried after every exact spelling of every field failed */
  patterns?: readonly RegExp[];
}

export const FIELDS: readonly FieldSpec[] = [
  { field: "seq", canonical: "序号", variants: ["序号", "编号", "序"] },
  {
    field: "caseNo",
    canonical: "受理编号",
    variants: ["受理编号", "案卷编号", "举报编号", "信访编号", "交办编号", "转办编号", "件号", "受理号", "案件编号", "信访件编号"],
    patterns: [/编号$/],
  },
  { field: "batch", canonical: "批次", variants: ["批次", "交办批次", "转办批次", "批号"] },
  {
    field: "date",
    canonical: "交办时间",
    variants: ["交办时间", "接件时间", "交办日期", "受理时间", "受理日期", "转办时间", "转办日期", "信访时间", "举报时间", "来电时间", "日期", "时间"],
    patterns: [/^(交办|转办|受理|接件|举报)(时间|日期)/],
  },
  {
    field: "text",
    canonical: "交办问题基本情况",
    variants: [
      "交办问题基本情况",
      "案卷内容",
      "举报内容",
      "信访问题",
      "反映问题",
      "信访内容",
      "投诉内容",
      "反映问题基本情况",
      "举报问题",
      "问题描述",
      "群众反映问题",
      "信访问题基本情况",
      "交办问题",
      "反映内容",
      "信访举报内容",
      "问题基本情况",
      "举报事项",
      "信访事项",
      "主要问题",
      "反映的主要问题",
    ],
    patterns: [/^(交办|转办|信访|举报|反映|投诉).{0,4}(问题|内容|情况|事项)$/, /问题基本情况$/],
  },
  {
    field: "area",
    canonical: "行政区域",
    variants: [
      "行政区域",
      "所属区域",
      "区县",
      "属地",
      "所在地",
      "县市区",
      "县(市、区)",
      "县(市区)",
      "所属县市区",
      "地区",
      "区域",
      "所在区域",
      "所属地区",
      "行政区划",
    ],
    patterns: [/^(所属)?县.{0,4}区/, /行政区/],
  },
  { field: "types", canonical: "污染类型", variants: ["污染类型", "问题类型", "污染类别", "举报类型", "信访类型", "污染种类", "问题类别", "类型"] },
  { field: "findings", canonical: "调查核实情况", variants: ["调查核实情况", "核查情况", "调查情况", "核实情况", "调查核实", "核查结果"] },
  { field: "verification", canonical: "是否属实", variants: ["是否属实", "属实情况", "核实结果", "属实与否", "是否查实"] },
  {
    field: "rectification",
    canonical: "处理和整改情况",
    variants: ["处理和整改情况", "整改情况", "处理情况", "处理整改情况", "整改措施", "处理及整改情况", "处理和整改", "办理情况"],
  },
  { field: "status", canonical: "是否办结", variants: ["是否办结", "办理状态", "办结情况", "办理进度", "整改进度", "办结状态", "办理结果", "状态"] },
  { field: "deadline", canonical: "办结目标", variants: ["办结目标", "整改时限", "整改期限", "办结时限", "完成时限", "整改目标"] },
  {
    field: "accountability",
    canonical: "责任人被处理情况",
    variants: ["责任人被处理情况", "问责情况", "责任追究情况", "责任人处理情况", "追责问责情况", "问责"],
  },
  { field: "category", canonical: "案卷类别", variants: ["案卷类别", "件别", "案件类别", "信访件类别", "是否重点件"] },
  { field: "channel", canonical: "受理渠道", variants: ["受理渠道", "受理方式", "举报方式", "来源", "渠道", "信访方式", "举报渠道", "来电来信"] },
  { field: "closedDate", canonical: "办结时间", variants: ["办结时间", "办结日期", "销号时间", "销号日期", "完成时间"] },
];

/** "交办问题\n基本情况（举报内容）" -> "交办问题基本情况"; full-width folded; parenthesised notes dropped. */
export function normalizeHeader(header: string): string {
  return compact(header)
    .replace(/[*:]+/g, "")
    .replace(/\((?!市、区\)|市区\))[^)]*\)$/g, "")
    .replace(/\[[^\]]*\]$/g, "");
}

const EXACT = new Map<string, Field>();
for (const spec of FIELDS) for (const v of spec.variants) EXACT.set(normalizeHeader(v), spec.field);

export const CANONICAL: Readonly<Record<Field, string>> = Object.fromEntries(FIELDS.map((f) => [f.field, f.canonical])) as Record<Field, string>;

/**
 * Map a header row to fields. Each field is taken by the first column that matches it exactly;
 * the remaining columns are then tried against the patterns. Returns column index -> field.
 */
export function mapHeaders(headers: readonly string[]): Map<number, Field> {
  const mapped = new Map<number, Field>();
  const taken = new Set<Field>();
  headers.forEach((h, i) => {
    const f = EXACT.get(normalizeHeader(h));
    if (f && !taken.has(f)) {
      mapped.set(i, f);
      taken.add(f);
    }
  });
  headers.forEach((h, i) => {
    if (mapped.has(i)) return;
    const n = normalizeHeader(h);
    if (!n) return;
    for (const spec of FIELDS) {
      if (taken.has(spec.field) || !spec.patterns?.some((re) => re.test(n))) continue;
      mapped.set(i, spec.field);
      taken.add(spec.field);
      return;
    }
  });
  return mapped;
}

/**
 * Every spelling of the complaint-text header has one of the words 问题, 内容, 情况, 事项: a
 * character loop, not a regular expression, since this runs on the short cells of every row.
 */
function hasTextWord(cell: string): boolean {
  for (let i = 0, last = cell.length - 1; i < last; i++) {
    const c = cell.charCodeAt(i);
    const d = cell.charCodeAt(i + 1);
    if ((c === 0x95ee && d === 0x9898) || (c === 0x5185 && d === 0x5bb9) || (c === 0x60c5 && d === 0x51b5) || (c === 0x4e8b && d === 0x9879)) return true;
  }
  return false;
}

// data rows repeat their short cells (经核查，情况属实): remember the answer
let textCells = new Map<string, boolean>();
function namesText(cell: string): boolean {
  if (cell.length > 40 || !hasTextWord(cell)) return false;
  let v = textCells.get(cell);
  if (v === undefined) {
    if (textCells.size > 5000) textCells = new Map();
    textCells.set(cell, (v = headerField(cell) === "text"));
  }
  return v;
}

/** Header cells that name no field ducha reads but are common in real tables. */
const OTHER_HEADERS =
  /^(?:备注|说明|附注|备考|其他|其它|附件|牵头单位|责任单位|办理单位|承办单位|主办单位|协办单位|责任领导|责任人|联系人|举报人|举报人信息|联系电话|联系方式|信访人|来电人|反映人|投诉人|姓名|地址|住址|问题属性|序|No\.?)$/i;

/**
 * A row that reads as a header with the complaint-text column and nothing but header words:
 * 信访内容 | 备注, or a lone 投诉内容. Long cells or values mean data.
 */
function headerWordsOnly(cells: readonly string[]): boolean {
  let filled = 0;
  for (const c of cells) {
    const t = normalizeHeader(c);
    if (!t) continue;
    filled++;
    if (t.length > 16 || (!headerField(c) && !OTHER_HEADERS.test(t))) return false;
  }
  return filled > 0;
}

/**
 * Whether a row is a table's header: it names the complaint-text column and at least one other
 * known column, or only header words (信访内容 | 备注). Cells of a header are short.
 */
export function isHeaderRow(cells: readonly string[]): boolean {
  // fast path for data rows (this runs on every row): a header has a short cell naming the text column
  let named = false;
  for (let i = 0; i < cells.length && !named; i++) named = namesText(cells[i]!);
  if (!named) return false;
  const fields = new Set(mapHeaders(cells).values());
  if (!fields.has("text")) return false;
  if (cells.some((c) => c.trim().length > 30)) return false;
  return fields.size >= 2 || headerWordsOnly(cells);
}

/** How many rows from the top of a sheet the header is looked for in. */
export const HEADER_SCAN = 15;

/**
 * The header row among the first rows of a sheet: the first row that has a complaint-text
 * column and at least one other known column, or a complaint-text column among header words
 * only (信访内容 | 备注: a header, not a title); else the first with a complaint-text column.
 * Rows above it are title rows.
 */
export function findHeaderRow(rows: readonly (readonly string[])[], scan = HEADER_SCAN): number {
  let textOnly = -1;
  for (let i = 0; i < Math.min(rows.length, scan); i++) {
    const fields = new Set(mapHeaders(rows[i]!).values());
    if (!fields.has("text")) continue;
    if (fields.size >= 2 || headerWordsOnly(rows[i]!)) return i;
    if (textOnly < 0) textOnly = i;
  }
  // a table of complaint texts alone
  return textOnly;
}

/** The field a single header cell names, if any (exact spellings, then patterns). */
export function headerField(cell: string): Field | undefined {
  const n = normalizeHeader(cell);
  if (!n) return undefined;
  const exact = EXACT.get(n);
  if (exact) return exact;
  return FIELDS.find((spec) => spec.patterns?.some((re) => re.test(n)))?.field;
}

/**
 * Whether the row below a header continues it: a merged parent (办理情况) over sub-columns
 * (调查核实情况 | 是否属实 | 处理和整改情况), the other headers merged down over both rows. Every
 * filled cell repeats the cell above or is itself a known header, and at least one is a new one.
 */
export function continuesHeader(upper: readonly string[], lower: readonly string[]): boolean {
  let fresh = 0;
  for (let i = 0; i < lower.length; i++) {
    const cell = lower[i]!.trim();
    if (!cell) continue;
    if (cell === (upper[i] ?? "").trim()) continue;
    if (!headerField(cell)) return false;
    fresh++;
  }
  return fresh > 0;
}
