import { tableColumnsOf } from "./columns.js";
import { type Enforcement, hasAction, parseEnforcement } from "./enforcement.js";
import { type AnalyzableComplaint, compareCountyKeys, countyKey, countyNamer } from "./keys.js";
import { type CaseOptions, casesOf } from "./snapshots.js";

/** Enforcement totals of a county (or of everything: county 全部). */
export interface EnforcementRow {
  county: string;
  countyName: string;
  records: number;
  /** records with a 处理和整改情况 or 责任人被处理情况 text: what the figures are read from */
  withText: number;
  /** records reporting at least one action */
  withAction: number;
  cases: number;
  /** fines with an amount */
  fines: number;
  fineYuan: number;
  orders: number;
  suspensions: number;
  seizures: number;
  transfers: number;
  interviewed: number;
  accountable: number;
}

/** The result of {@link enforcementByCounty}: enforcement and accountability counts by county and in total. */
export interface EnforcementResult {
  byCounty: EnforcementRow[];
  total: EnforcementRow;
  /**
   * Set when no record has a 处理和整改情况 or 责任人被处理情况 text (the table lacks the columns,
   * or every cell is blank): the figures are unknown, not 0, and must be shown as 无数据.
   */
  unavailable?: string;
}

function empty(county: string, countyName: string): EnforcementRow {
  return {
    county,
    countyName,
    records: 0,
    withText: 0,
    withAction: 0,
    cases: 0,
    fines: 0,
    fineYuan: 0,
    orders: 0,
    suspensions: 0,
    seizures: 0,
    transfers: 0,
    interviewed: 0,
    accountable: 0,
  };
}

function add(row: EnforcementRow, e: Enforcement, text: boolean): void {
  row.records++;
  if (text) row.withText++;
  if (hasAction(e)) row.withAction++;
  row.cases += e.cases;
  row.fines += e.fines.length;
  row.fineYuan = Math.round((row.fineYuan + e.fineYuan) * 100) / 100;
  row.orders += e.orders;
  row.suspensions += e.suspensions;
  row.seizures += e.seizures;
  row.transfers += e.transfers;
  row.interviewed += e.interviewed;
  row.accountable += e.accountable;
}

/**
 * Enforcement actions parsed from 处理和整改情况 (persons also from 责任人被处理情况), totalled per
 * county. One record per case (its latest snapshot: a later snapshot repeats and extends the
 * text) unless `{ allRows: true }`. Without any such text the result says `unavailable`.
 */
export function enforcementByCounty(input: readonly AnalyzableComplaint[], options: CaseOptions = {}): EnforcementResult {
  const records = casesOf(input, options);
  const rows = new Map<string, EnforcementRow>();
  const total = empty("全部", "全部");
  const nameOf = countyNamer(records);
  for (const r of records) {
    const text = Boolean(r.rectification?.trim() || r.accountability?.trim());
    const e = parseEnforcement(r.rectification, r.accountability);
    const k = countyKey(r);
    let row = rows.get(k);
    if (!row) rows.set(k, (row = empty(k, nameOf(r.area))));
    add(row, e, text);
    add(total, e, text);
  }
  const byCounty = [...rows.values()].sort((a, b) => compareCountyKeys(a.county, b.county));
  return { byCounty, total, ...(total.withText ? {} : { unavailable: enforcementMissing(records) }) };
}

/** Why enforcement figures cannot be given for records none of which has a text to read them from. */
export function enforcementMissing(records: readonly AnalyzableComplaint[]): string {
  if (!records.length) return "没有信访件";
  const cols = tableColumnsOf(records);
  if (!cols.includes("rectification") && !cols.includes("accountability")) return "表中没有“处理和整改情况”列";
  return "“处理和整改情况”均未填";
}
