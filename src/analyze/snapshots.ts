import type { CaseStatus } from "../model/vocabulary.js";
import { type AnalyzableComplaint, caseKey } from "./keys.js";

/** How status snapshots (办理情况表 of later dates) are read. */
export interface SnapshotOptions {
  /**
   * The state date of records without an `asOf` (a main table without 截至 in its title).
   * Default: the latest 交办 date among that file's records.
   */
  asOf?: string;
}

/** How the aggregations treat several records of one case (status snapshots). */
export interface CaseOptions extends SnapshotOptions {
  /**
   * Count every record given, each snapshot of a case included. Default false: one record per
   * case (受理编号), its latest snapshot (`latest()`).
   */
  allRows?: boolean;
}

/**
 * The date whose state each record shows: its `asOf` (截至… in the title or file name), else
 * the option, else the latest 交办 date of its file. Undefined when none can be known.
 */
export function snapshotDates(records: readonly AnalyzableComplaint[], options: SnapshotOptions = {}): (string | undefined)[] {
  const dateOf = snapshotDateOf(records, options);
  return records.map(dateOf);
}

/** {@link snapshotDates} one record at a time, without an array of a date per record. */
function snapshotDateOf(records: readonly AnalyzableComplaint[], options: SnapshotOptions): (r: AnalyzableComplaint) => string | undefined {
  const latestByFile = new Map<string, string>();
  if (!options.asOf) {
    for (const r of records) {
      if (r.asOf || !r.date) continue;
      const f = r.source.file;
      const d = latestByFile.get(f);
      if (!d || r.date > d) latestByFile.set(f, r.date);
    }
  }
  return (r) => r.asOf ?? options.asOf ?? latestByFile.get(r.source.file);
}

/**
 * One record per case (受理编号, else the record key): the one from the latest snapshot; on a
 * tie the later record in the input. Input order of first appearance is kept.
 */
export function latest<T extends AnalyzableComplaint>(records: readonly T[], options: SnapshotOptions = {}): T[] {
  // one pass and one map (a case's place in the output), the chosen records' indices in a typed
  // array: on a million records each map or array of that length is tens of megabytes of garbage
  const dateOf = snapshotDateOf(records, options);
  const slot = new Map<string, number>();
  const chosen = new Int32Array(records.length);
  let cases = 0;
  for (let i = 0; i < records.length; i++) {
    const r = records[i]!;
    const k = caseKey(r);
    const s = slot.get(k);
    if (s === undefined) {
      slot.set(k, cases);
      chosen[cases++] = i;
    } else if ((dateOf(r) ?? "") >= (dateOf(records[chosen[s]!]!) ?? "")) chosen[s] = i;
  }
  const out = new Array<T>(cases);
  for (let s = 0; s < cases; s++) out[s] = records[chosen[s]!]!;
  return out;
}

/**
 * The records an aggregation counts: one per case (`latest()`), or every record with
 * `allRows`. Returns `records` itself when no case repeats (nothing to choose).
 */
export function casesOf<T extends AnalyzableComplaint>(records: readonly T[], options: CaseOptions = {}): readonly T[] {
  if (options.allRows) return records;
  const seen = new Set<string>();
  for (const r of records) {
    const k = caseKey(r);
    if (seen.has(k)) return latest(records, options);
    seen.add(k);
  }
  return records;
}

/** What a case looked like at one snapshot. */
export interface Observation {
  asOf: string;
  status?: CaseStatus;
  /** 办结目标 as the snapshot gives it */
  deadline?: string;
}

/** The life of one case across snapshots. */
export interface CaseTimeline {
  key: string;
  /** the latest record of the case */
  record: AnalyzableComplaint;
  /** 交办 date */
  date?: string;
  /** snapshots in date order (one per date; the later record wins on a tie) */
  observations: Observation[];
  /** 办结时间 when a table gives one */
  closedDate?: string;
  /**
   * When the case became 已办结: the 办结时间, else the first snapshot that shows it closed (an
   * upper bound: it closed on or before that date).
   */
  closedOn?: string;
  closedOnKind?: "exact" | "upper-bound";
  /** When it was first 阶段性办结 or 已办结 (same rules) */
  phaseOn?: string;
}

const memo = new WeakMap<readonly AnalyzableComplaint[], { asOf: string | undefined; length: number; result: CaseTimeline[] }>();

/**
 * Per-case status timelines from snapshots (several tables of the same cases, or one with
 * 办结时间). The result for an array is reused by the next call with the same array, option and
 * length (progress, overdue and time to close share it): do not change records in place between calls.
 */
export function timelines(records: readonly AnalyzableComplaint[], options: SnapshotOptions = {}): CaseTimeline[] {
  const hit = memo.get(records);
  if (hit && hit.asOf === options.asOf && hit.length === records.length) return hit.result;
  const result = buildTimelines(records, options);
  memo.set(records, { asOf: options.asOf, length: records.length, result });
  return result;
}

function buildTimelines(records: readonly AnalyzableComplaint[], options: SnapshotOptions): CaseTimeline[] {
  const dates = snapshotDates(records, options);
  const byCase = new Map<string, { record: AnalyzableComplaint; recordDate: string; obs: Map<string, Observation>; closedDate?: string; date?: string }>();
  records.forEach((r, i) => {
    const k = caseKey(r);
    const d = dates[i] ?? "";
    let t = byCase.get(k);
    if (!t) byCase.set(k, (t = { record: r, recordDate: d, obs: new Map() }));
    else if (d >= t.recordDate) {
      t.record = r;
      t.recordDate = d;
    }
    if (d) t.obs.set(d, { asOf: d, ...(r.status ? { status: r.status } : {}), ...(r.deadline ? { deadline: r.deadline } : {}) });
    if (r.closedDate && (!t.closedDate || r.closedDate < t.closedDate)) t.closedDate = r.closedDate;
    t.date ??= r.date;
  });
  const out: CaseTimeline[] = [];
  for (const [key, t] of byCase) {
    const observations = [...t.obs.values()].sort((a, b) => (a.asOf < b.asOf ? -1 : 1));
    const firstClosed = observations.find((o) => o.status === "已办结")?.asOf;
    const firstPhase = observations.find((o) => o.status === "已办结" || o.status === "阶段性办结")?.asOf;
    const closedOn = t.closedDate ?? firstClosed;
    const phaseOn = [closedOn, firstPhase].filter((x): x is string => !!x).sort()[0];
    out.push({
      key,
      record: t.record,
      ...(t.date ? { date: t.date } : {}),
      observations,
      ...(t.closedDate ? { closedDate: t.closedDate } : {}),
      ...(closedOn ? { closedOn, closedOnKind: t.closedDate ? ("exact" as const) : ("upper-bound" as const) } : {}),
      ...(phaseOn ? { phaseOn } : {}),
    });
  }
  return out;
}

/** The status of a timeline at date `at`: the last observation on or before it. */
export function statusAt(t: CaseTimeline, at: string): CaseStatus | undefined {
  if (t.closedOn && t.closedOn <= at) return "已办结";
  let s: CaseStatus | undefined;
  for (const o of t.observations) {
    if (o.asOf > at) break;
    s = o.status;
  }
  return s;
}

/** Days from ISO date a to b (b - a). */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}
