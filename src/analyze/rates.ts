import { columnsOf, type Input } from "./count.js";
import { CASE_STATUSES, VERIFICATIONS } from "../model/vocabulary.js";

/** A share with what it was computed from; `value` is null when the denominator is 0. */
export interface Rate {
  value: number | null;
  numerator: number;
  denominator: number;
}

/** The headline rates of a set of complaints: 属实率 and 办结率, each with numerator and denominator. */
export interface Rates {
  /** (属实 + 基本属实 + 部分属实) / records with a 是否属实 value */
  verifiedRate: Rate;
  /** 已办结 / all records */
  closedRate: Rate;
  /** (已办结 + 阶段性办结) / all records */
  closedOrPhaseRate: Rate;
}

/** A rate from its numerator and denominator (value null when the denominator is 0). */
export const rate = (numerator: number, denominator: number): Rate => ({
  value: denominator ? numerator / denominator : null,
  numerator,
  denominator,
});

const TRUE_CODES = new Set(["属实", "基本属实", "部分属实"].map((v) => VERIFICATIONS.indexOf(v as never)));
const MISSING_VERIFICATION = VERIFICATIONS.length;
const CLOSED = CASE_STATUSES.indexOf("已办结");
const PHASE = CASE_STATUSES.indexOf("阶段性办结");

/**
 * The three rates of docs/analytics.md. Count one record per case (use `latest()` first when
 * the input holds several snapshots of the same cases).
 */
export function rates(input: Input): Rates {
  return ratesBy(input, undefined).get("")!;
}

/** The rates per group: `ratesBy(cols, cols.county)` keyed by county code. */
export function ratesBy(input: Input, group: "county" | undefined): Map<string, Rates> {
  const cols = columnsOf(input);
  const keys = group ? cols.countyKeys : [""];
  const g = keys.length;
  const total = new Float64Array(g);
  const withVerification = new Float64Array(g);
  const verified = new Float64Array(g);
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
    if (s === CLOSED) closed[k]!++;
    else if (s === PHASE) phase[k]!++;
  }
  const out = new Map<string, Rates>();
  keys.forEach((key, k) =>
    out.set(key, {
      verifiedRate: rate(verified[k]!, withVerification[k]!),
      closedRate: rate(closed[k]!, total[k]!),
      closedOrPhaseRate: rate(closed[k]! + phase[k]!, total[k]!),
    }),
  );
  return out;
}
