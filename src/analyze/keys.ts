import type { Classification } from "../model/classification.js";
import { THEME_NAMES, effectiveTypes } from "../model/classification.js";
import type { AreaResolution, Complaint } from "../model/complaint.js";

/** What the analyses read: a complaint, classified or not. */
export type AnalyzableComplaint = Complaint & { classification?: Classification };

/**
 * The dimensions complaints are counted by. Keys are always strings:
 * - `county`: GB/T 2260 code ("431003"); names are in the result's `labels`
 * - `date`: 交办 date "2023-06-29"; `month`: "2023-06"
 * - `batch`: 批次 as a string ("3")
 * - `type`: 污染类型, official when the table has one, predicted otherwise (multi-label)
 * - `theme`: 督察主题 id ("carbon"; predicted, multi-label); names are in `labels`
 * - `status`: 办理状态 ("已办结"); `verification`: 是否属实 ("属实")
 */
export type Dimension = "county" | "date" | "month" | "batch" | "type" | "theme" | "status" | "verification";
/** Every {@link Dimension}, in the order tables show them. */
export const DIMENSIONS: readonly Dimension[] = ["county", "date", "month", "batch", "type", "theme", "status", "verification"];

/** Chinese names of the dimensions, for headers. */
export const DIMENSION_NAMES: Readonly<Record<Dimension, string>> = {
  county: "县（市、区）",
  date: "交办日期",
  month: "交办月份",
  batch: "批次",
  type: "污染类型",
  theme: "督察主题",
  status: "办理状态",
  verification: "是否属实",
};

import { MISSING, NO_THEME, UNRESOLVED } from "../text/format.js";

/** Re-exported: the keys of what is not known are defined once, in text/format. */
export { MISSING, NO_THEME, UNRESOLVED };

/** Read a --by list: "county,type" -> ["county", "type"]; throws on an unknown name. */
export function parseDimensions(spec: string): Dimension[] {
  const dims = spec.split(/[,，\s]+/).filter(Boolean);
  if (!dims.length) throw new Error(`no dimension in: ${spec}`);
  for (const d of dims) {
    if (!(DIMENSIONS as readonly string[]).includes(d)) throw new Error(`unknown dimension: ${d} (use ${DIMENSIONS.join(", ")})`);
  }
  if (new Set(dims).size !== dims.length) throw new Error(`repeated dimension in: ${spec}`);
  return dims as Dimension[];
}

/** The case a record belongs to: the 受理编号, else the record key. Snapshots of one case share it. */
export const caseKey = (c: Complaint): string => c.caseNo ?? c.key;

export const countyKey = (c: Complaint): string => c.area.code ?? UNRESOLVED;

/** The readable label of a key: county code -> name, theme id -> Chinese name, else the key. */
export function themeName(id: string): string {
  return (THEME_NAMES as Record<string, string>)[id] ?? id;
}

/** The keys of one record for one dimension (several for multi-label dimensions). */
export function keysOf(c: AnalyzableComplaint, dim: Dimension): string[] {
  switch (dim) {
    case "county":
      return [countyKey(c)];
    case "date":
      return [c.date ?? MISSING];
    case "month":
      return [c.date ? c.date.slice(0, 7) : MISSING];
    case "batch":
      return [c.batch !== undefined ? String(c.batch) : MISSING];
    case "type": {
      const t = effectiveTypes(c).types;
      return t.length ? [...t] : [MISSING];
    }
    case "theme": {
      const t = c.classification?.themes.map((x) => x.label) ?? [];
      return t.length ? t : [NO_THEME];
    }
    case "status":
      return [c.status ?? MISSING];
    case "verification":
      return [c.verification ?? MISSING];
  }
}

/** County keys in code order, （未识别） last. */
export const compareCountyKeys = (a: string, b: string): number => (a === UNRESOLVED ? 1 : b === UNRESOLVED ? -1 : a < b ? -1 : 1);

/** "天津市南开区", "湖北省仙桃市", "东莞市": a county with its prefecture (or province) in front. */
export function qualifiedCountyName(area: AreaResolution): string {
  const county = area.county ?? area.code ?? UNRESOLVED;
  if (!area.prefecture || area.code === area.prefectureCode) return county;
  const parent = area.prefecture.includes("直辖") ? (area.province ?? "") : area.prefecture;
  return `${parent}${county}`;
}

/**
 * How county names are shown for a set of records: plain (苏仙区) when they all lie in one
 * prefecture, with the prefecture in front (铜陵市郊区, 阳泉市郊区) when they span several, so
 * that no two counties read alike. Unresolved areas read （未识别）.
 */
export function countyNamer(records: readonly { area: AreaResolution }[]): (area: AreaResolution) => string {
  const prefectures = new Set<string>();
  let last: AreaResolution | undefined;
  for (const r of records) {
    if (r.area === last) continue;
    last = r.area;
    if (r.area.code && r.area.prefectureCode) prefectures.add(r.area.prefectureCode);
    if (prefectures.size > 1) break;
  }
  const qualify = prefectures.size > 1;
  return (area) => (!area.code ? UNRESOLVED : qualify ? qualifiedCountyName(area) : (area.county ?? area.code));
}
