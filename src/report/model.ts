/**
 * The content of the statistical annex, built once and written as .docx, .md or .html. Every
 * string is final text (numbers formatted, complaint text redacted); the writers only lay out
 * and escape.
 */
import type { TopLevelSpec } from "vega-lite";
import type { ChartName } from "../charts/catalog.js";

/** The alignment of a table column. */
export type Align = "left" | "center" | "right";

/** A numbered table of the annex: caption, header, rows and column alignment. */
export interface ReportTable {
  /** numbered by the writers: "表1 各县（市、区）信访件情况" */
  caption: string;
  headers: string[];
  rows: string[][];
  /** the last row is a 合计 row (drawn bold) */
  totalRow?: boolean;
  /** per column; default left for the first, right for the others */
  align?: Align[];
  /** the 资料来源 line under the table (without the label): every numbered table has one */
  source: string;
  /** small print under the 资料来源 line (注：…) */
  note?: string;
}

/** A numbered figure of the annex: its chart, caption, vega-lite spec and note. */
export interface ReportFigure {
  chart: ChartName;
  /** numbered by the writers: "图1 各县（市、区）信访件数量" */
  caption: string;
  spec: TopLevelSpec;
  /** small print under the figure */
  note?: string;
}

/** A headline figure: "信访件 | 461 件 | 21 批，2023年6月26日至7月16日". */
export interface Fact {
  label: string;
  value: string;
  detail?: string;
}

/** One block of the annex, in reading order: a heading, a paragraph, a note, headline facts, a list, a table or a figure. */
export type Block =
  | { kind: "heading"; level: 1 | 2; text: string }
  | { kind: "paragraph"; text: string }
  | { kind: "note"; text: string }
  | { kind: "facts"; facts: Fact[] }
  | { kind: "list"; items: string[] }
  | { kind: "table"; table: ReportTable }
  | { kind: "figure"; figure: ReportFigure };

/** The annex's content, independent of the format it is written in (see {@link writeReport}). */
export interface ReportModel {
  title: string;
  /** lines under the title: coverage, data date, 模拟数据 */
  subtitle: string[];
  synthetic: boolean;
  /** ISO date the report was made */
  date: string;
  blocks: Block[];
}

/** Figures and tables numbered in order: block index -> "图3" / "表2". */
export function numbering(model: ReportModel): Map<number, string> {
  const out = new Map<number, string>();
  let fig = 0;
  let tab = 0;
  model.blocks.forEach((b, i) => {
    if (b.kind === "figure") out.set(i, `图${++fig}`);
    else if (b.kind === "table") out.set(i, `表${++tab}`);
  });
  return out;
}

/** The default alignment of a table's columns: the first left, numbers right. */
export const alignOf = (t: ReportTable, i: number): Align => t.align?.[i] ?? (i === 0 ? "left" : "right");
