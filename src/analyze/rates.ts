import { missingReason } from "./columns.js";
import { columnsOf, type Input } from "./count.js";
import type { CaseOptions } from "./snapshots.js";
import { CASE_STATUSES, VERIFICATIONS } from "../model/vocabulary.js";

/**
 * A share with what it was computed from. Blank cells are left out of the denominator (unknown is
 * not "no"); `value` is null when nothing is left, and `reason` says why (the table has no such
 * column, or every cell is blank).
 */
export interface Rate {
  value: number | null;
  numerator: number;
  /** records with a value in the rate's column */
  denominator: number;
  /** records left out because the cell is blank */
  blank: number;
  /** why `value` is null, in Chinese ("表中没有“是否办结”列"); absent when there is a value */
  reason?: string;
}

/** The headline rates of a set of complaints: 属实率 and 办结率, each with numerator and denominator. */
export interface Rates {
  /** (属实 + 基本属实 + 部分属实) / records with a 是否属实 value */
  verifiedRate: Rate;
  /** 已办结 / records with a 是否办结 value */
  closedRate: Rate;
  /** (已办结 + 阶段性办结) / records with a 是否办结 value */
  closedOrPhaseRate: Rate;
}

/** A rate from its numerator and denominator, with the rows left out as blank; value null (and a reason) when the denominator is 0. */
export const rate = (numerator: number, denominator: number, blank = 0, reason?: string): Rate => ({
  value: denominator ? numerator / denominator : null,
  numerator,
  denominator,
  blank,
  ...(!denominator ? { reason: reason ?? "没有可计算的信访件" } : {}),
});

/** "93.1%", or "无数据（表中没有“是否办结”列）" when the rate cannot be given. */
export function formatRate(r: Rate, digits = 1): string {
  return r.value === null ? `无数据（${r.reason ?? "没有可计算的信访件"}）` : `${(r.value * 100).toFixed(digits)}%`;
}

/** What the rate is over, for a note: "429/461 件；另有 3 件未填，不计入". */
export function rateBasis(r: Rate): string {
  if (r.value === null) return r.reason ?? "";
  return `${r.numerator}/${r.denominator} 件${r.blank ? `；另有 ${r.blank} 件未填，不计入` : ""}`;
}

const TRUE_CODES = new Set(["属实", "基本属实", "部分属实"].map((v) => VERIFICATIONS.indexOf(v as never)));
const MISSING_VERIFICATION = VERIFICATIONS.length;
const MISSING_STATUS = CASE_STATUSES.length;
const CLOSED = CASE_STATUSES.indexOf("已办结");
const PHASE = CASE_STATUSES.indexOf("阶段性办结");

/**
 * The three rates of docs/analytics.md, blanks excluded from each denominator. Each case counts
 * once (its latest snapshot) unless `{ allRows: true }`.
 */
export function rates(input: Input, options: CaseOptions = {}): Rates {
  return ratesBy(input, undefined, options).get("")!;
}

/** The rates per group: `ratesBy(cols, "county")` keyed by county code. */
export function ratesBy(input: Input, group: "county" | undefined, options: CaseOptions = {}): Map<string, Rates> {
  const cols = columnsOf(input, options);
  const keys = group ? cols.countyKeys : [""];
  const g = keys.length;
  const total = new Float64Array(g);
  const withVerification = new Float64Array(g);
  const verified = new Float64Array(g);
  const withStatus = new Float64Array(g);
  const closed = new Float64Array(g);
  const phase = new Float64Array(g);
  for (let i = 0; i < cols.length; i++) {
    const k = group ? cols.county[i]! : 0;
    total[k]!++;
    const v = cols.verification[i]!;
    if (v !== MISSING_VERIFICATION) {
      withVerification[k]!++;
      if (TRUE_CODES.has(v)) verified[k]!++;
    }
    const s = cols.status[i]!;
    if (s !== MISSING_STATUS) withStatus[k]!++;
    if (s === CLOSED) closed[k]!++;
    else if (s === PHASE) phase[k]!++;
  }
  // the reason is the table's: a county whose cells are all blank says so too
  const why = (field: "verification" | "status", n: number, groupTotal: number) =>
    missingReason({ tableColumns: cols.tableColumns, length: groupTotal }, field, n);
  const out = new Map<string, Rates>();
  keys.forEach((key, k) => {
    const vr = why("verification", withVerification[k]!, total[k]!);
    const sr = why("status", withStatus[k]!, total[k]!);
    out.set(key, {
      verifiedRate: rate(verified[k]!, withVerification[k]!, total[k]! - withVerification[k]!, vr),
      closedRate: rate(closed[k]!, withStatus[k]!, total[k]! - withStatus[k]!, sr),
      closedOrPhaseRate: rate(closed[k]! + phase[k]!, withStatus[k]!, total[k]! - withStatus[k]!, sr),
    });
  });
  return out;
}
