import type { CaseCategory, CaseStatus, Channel, PollutionType, Verification } from "./vocabulary.js";

/** Where a record came from, as the user would find it again. */
export interface SourceRef {
  /** the file as given on the command line or to the API */
  file: string;
  /** worksheet name for XLSX; absent for CSV and JSON */
  sheet?: string;
  /**
   * The row number as the user sees it: the Excel row number, the line number in a text
   * editor for CSV (the line where the record starts), or the 1-based element index in JSON.
   */
  row: number;
}

/** How the 行政区域 of a complaint was resolved to a county-level unit. */
export interface AreaResolution {
  /** the cell as written ("" when the table has no area or the cell is empty) */
  raw: string;
  /** GB/T 2260 code of the county-level unit, e.g. "431003" */
  code?: string;
  /** official county name, e.g. "苏仙区" */
  county?: string;
  /** prefecture code and name, e.g. "431000" / "郴州市" */
  prefectureCode?: string;
  prefecture?: string;
  /** province code and name, e.g. "430000" / "湖南省" */
  provinceCode?: string;
  province?: string;
  /**
   * - "cell": from the 行政区域 cell
   * - "text": the cell was empty or named only the prefecture; a county name was found in the text
   * - "unresolved": no county could be determined (kept, with a warning)
   */
  method: "cell" | "text" | "unresolved";
}

/**
 * One complaint (信访件) as read from a disclosure table. Official values are normalised to the
 * vocabularies in `vocabulary.ts`; the raw cells are always kept in `raw`.
 */
export interface Complaint {
  /** stable key: the 受理编号 when present, else `file#sheet#row` */
  key: string;
  source: SourceRef;
  /** 序号 */
  seq?: string;
  /** 受理编号 */
  caseNo?: string;
  /** 批次 (1-based), from a column, the sheet name (第3批) or the file name */
  batch?: number;
  /** 交办时间 as ISO date "YYYY-MM-DD" */
  date?: string;
  /** 交办问题基本情况 — the complaint text (never empty in an accepted record) */
  text: string;
  area: AreaResolution;
  /** 污染类型 as given by the table, normalised and de-duplicated; [] when absent (shared: read-only) */
  officialTypes: readonly PollutionType[];
  /** 是否属实 */
  verification?: Verification;
  /** 是否办结 / 办理状态 */
  status?: CaseStatus;
  /** 案卷类别 */
  category?: CaseCategory;
  /** 受理渠道, from a column or from the 受理编号 prefix */
  channel?: Channel;
  /** 调查核实情况 */
  findings?: string;
  /** 处理和整改情况 */
  rectification?: string;
  /** 责任人被处理情况 */
  accountability?: string;
  /** 办结目标 / 整改时限: an ISO date when the cell is a date, else the text as written */
  deadline?: string;
  /** 办结时间 as ISO date, when the table has one */
  closedDate?: string;
  /**
   * The date of the status snapshot this row belongs to ("截至2023年8月31日" in the title or
   * the file name), when the table is one of several snapshots of the same cases.
   */
  asOf?: string;
  /** every cell of the input row, by its header as written, in column order */
  raw: Record<string, string>;
}

/** A row that could not become a {@link Complaint}. */
export interface Reject extends SourceRef {
  /** the column concerned, by its header as written ("" when the whole row is concerned) */
  column: string;
  reason: string;
  /** the row's cells, joined, for the user to recognise it (truncated) */
  excerpt?: string;
}

/** Something kept but worth the user's attention: an unknown value, an unresolved area, a duplicate id. */
export interface Warning extends SourceRef {
  column: string;
  message: string;
}
