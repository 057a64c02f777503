import type { CaseStatus } from "../model/vocabulary.js";
import { type AnalyzableComplaint, countyKey, countyNamer } from "./keys.js";
import { type SnapshotOptions, daysBetween, statusAt, timelines } from "./snapshots.js";

/** A case past its 办结目标 and not 已办结 at the evaluation date. */
export interface OverdueCase {
  key: string;
  caseNo?: string;
  county: string;
  countyName: string;
  /** 交办 date */
  date?: string;
  /** 办结目标 as an ISO date */
  deadline: string;
  /** the date the state was evaluated at */
  at: string;
  status?: CaseStatus;
  daysOverdue: number;
}

/** The result of {@link overdue}: cases past their 办结目标 and not closed at the latest snapshot. */
export interface OverdueResult {
  at: string | undefined;
  cases: OverdueCase[];
  /** cases with a 办结目标 that is not a date (立行立改, 长期坚持): not evaluated */
  undated: number;
}

/**
 * The 办结目标 as an ISO date, or undefined for a target that is not a date (立行立改, 长期坚持).
 * Ingestion already turns dated targets, periods included (2023年7月底前 -> 2023-07-31), into
 * ISO dates (src/ingest/dates.ts).
 */
export function deadlineDate(deadline: string | undefined): string | undefined {
  return deadline && /^\d{4}-\d{2}-\d{2}$/.test(deadline) ? deadline : undefined;
}

/**
 * Overdue cases at date `at` (default: the latest snapshot date): the 办结目标 is before `at`
 * and the case is not 已办结 at `at`. A case is judged by its latest snapshot on or before
 * `at`; cases first seen after `at` are not judged.
 */
export function overdue(records: readonly AnalyzableComplaint[], options: SnapshotOptions & { at?: string } = {}): OverdueResult {
  const tl = timelines(records, options);
  const nameOf = countyNamer(records);
  const at =
    options.at ??
    tl.reduce<string | undefined>((m, t) => {
      const last = t.observations.at(-1)?.asOf;
      return last && (!m || last > m) ? last : m;
    }, undefined);
  const cases: OverdueCase[] = [];
  let undated = 0;
  if (!at) return { at, cases, undated };
  for (const t of tl) {
    const r = t.record;
    if (!t.observations.length || t.observations[0]!.asOf > at) continue;
    const given = t.observations.filter((o) => o.asOf <= at).at(-1)?.deadline ?? r.deadline;
    const deadline = deadlineDate(given);
    if (!deadline) {
      if (given) undated++;
      continue;
    }
    const status = statusAt(t, at);
    if (deadline >= at || status === "已办结") continue;
    cases.push({
      key: t.key,
      ...(r.caseNo ? { caseNo: r.caseNo } : {}),
      county: countyKey(r),
      countyName: nameOf(r.area),
      ...(t.date ? { date: t.date } : {}),
      deadline,
      at,
      ...(status ? { status } : {}),
      daysOverdue: daysBetween(deadline, at),
    });
  }
  cases.sort((a, b) => b.daysOverdue - a.daysOverdue || (a.key < b.key ? -1 : 1));
  return { at, cases, undated };
}
