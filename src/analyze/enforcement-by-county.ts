import { type Enforcement, hasAction, parseEnforcement } from "./enforcement.js";
import { type AnalyzableComplaint, UNRESOLVED, countyKey } from "./keys.js";

/** Enforcement totals of a county (or of everything: county 全部). */
export interface EnforcementRow {
  county: string;
  countyName: string;
  records: number;
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
}

function empty(county: string, countyName: string): EnforcementRow {
  return { county, countyName, records: 0, withAction: 0, cases: 0, fines: 0, fineYuan: 0, orders: 0, suspensions: 0, seizures: 0, transfers: 0, interviewed: 0, accountable: 0 };
}

function add(row: EnforcementRow, e: Enforcement): void {
  row.records++;
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
 * county. Give one record per case (`latest()`): a later snapshot repeats and extends the text.
 */
export function enforcementByCounty(records: readonly AnalyzableComplaint[]): EnforcementResult {
  const rows = new Map<string, EnforcementRow>();
  const total = empty("全部", "全部");
  for (const r of records) {
    const e = parseEnforcement(r.rectification, r.accountability);
    const k = countyKey(r);
    let row = rows.get(k);
    if (!row) rows.set(k, (row = empty(k, r.area.county ?? k)));
    add(row, e);
    add(total, e);
  }
  const byCounty = [...rows.values()].sort((a, b) => (a.county === UNRESOLVED ? 1 : b.county === UNRESOLVED ? -1 : a.county < b.county ? -1 : 1));
  return { byCounty, total };
}
