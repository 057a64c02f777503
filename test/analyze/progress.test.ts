import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { progressSpec } from "../../src/charts/progress.js";
import { deadlineDate, overdue } from "../../src/analyze/overdue.js";
import { closureProgress } from "../../src/analyze/progress.js";
import { latest, snapshotDates, timelines } from "../../src/analyze/snapshots.js";
import { timeToClose } from "../../src/analyze/time-to-close.js";
import { complaint } from "./helpers.js";

// Three cases in a main table (no 截至: its state date is its latest 交办 date, 07-02) and two
// later snapshots. A closes by 办结时间 07-20; B is first seen closed at 09-30; C stays open.
const main = [
  complaint({ caseNo: "A", county: "431003", date: "2023-07-01", status: "正在办理", deadline: "2023-08-31", file: "main.csv" }),
  complaint({ caseNo: "B", county: "431003", date: "2023-07-01", status: "阶段性办结", deadline: "2023-07-31", file: "main.csv" }),
  complaint({ caseNo: "C", county: "431081", date: "2023-07-02", status: "正在办理", deadline: "2023-08-31", file: "main.csv" }),
];
const aug = [
  complaint({ caseNo: "A", county: "431003", date: "2023-07-01", status: "已办结", closedDate: "2023-07-20", asOf: "2023-08-31", file: "aug.csv" }),
  complaint({ caseNo: "B", county: "431003", date: "2023-07-01", status: "阶段性办结", deadline: "2023-07-31", asOf: "2023-08-31", file: "aug.csv" }),
  complaint({ caseNo: "C", county: "431081", date: "2023-07-02", status: "正在办理", deadline: "2023-08-31", asOf: "2023-08-31", file: "aug.csv" }),
];
const sep = [
  complaint({ caseNo: "B", county: "431003", date: "2023-07-01", status: "已办结", deadline: "2023-07-31", asOf: "2023-09-30", file: "sep.csv" }),
  complaint({ caseNo: "C", county: "431081", date: "2023-07-02", status: "正在办理", deadline: "2023-08-31", asOf: "2023-09-30", file: "sep.csv" }),
];
const all = [...sep, ...main, ...aug];

describe("snapshots", () => {
  it("date a main table by its latest 交办 date, or by the option", () => {
    expect(snapshotDates(main)).toEqual(["2023-07-02", "2023-07-02", "2023-07-02"]);
    expect(snapshotDates(main, { asOf: "2023-07-16" })[0]).toBe("2023-07-16");
  });

  it("latest() keeps one record per case, from the latest snapshot, whatever the input order", () => {
    const l = latest(all);
    expect(l.map((r) => [r.caseNo, r.asOf])).toEqual([
      ["B", "2023-09-30"],
      ["C", "2023-09-30"],
      ["A", "2023-08-31"],
    ]);
  });

  it("latest() chooses as the two-map definition does: latest snapshot, later record on a tie, first-appearance order", () => {
    // the definition latest() had before it became one pass over one map (mem19): kept here as
    // the reference; duplicate case numbers, ties, undated main tables and files without 交办 dates
    const reference = (records: readonly ReturnType<typeof complaint>[], asOf?: string) => {
      const dates = snapshotDates(records, asOf ? { asOf } : {});
      const best = new Map<string, number>();
      records.forEach((r, i) => {
        const k = r.caseNo ?? r.key;
        const j = best.get(k);
        if (j === undefined || (dates[i] ?? "") >= (dates[j] ?? "")) best.set(k, i);
      });
      const order = new Map<string, number>();
      records.forEach((r, i) => {
        const k = r.caseNo ?? r.key;
        if (!order.has(k)) order.set(k, i);
      });
      return [...order.keys()].map((k) => records[best.get(k)!]!);
    };
    const record = fc.record({
      caseNo: fc.option(fc.constantFrom("A", "B", "C", "D"), { nil: undefined }),
      date: fc.option(fc.constantFrom("2023-07-01", "2023-07-02", "2023-07-05"), { nil: undefined }),
      asOf: fc.option(fc.constantFrom("2023-08-31", "2023-09-30"), { nil: undefined }),
      file: fc.constantFrom("main.csv", "aug.csv", "sep.csv"),
    });
    fc.assert(
      fc.property(fc.array(record, { maxLength: 30 }), fc.option(fc.constant("2023-09-01"), { nil: undefined }), (specs, asOf) => {
        const records = specs.map((s) => complaint(Object.fromEntries(Object.entries(s).filter(([, v]) => v !== undefined))));
        const l = latest(records, asOf ? { asOf } : {});
        // the same records (identity), not copies
        expect(l).toEqual(reference(records, asOf));
        l.forEach((r, i) => expect(r).toBe(reference(records, asOf)[i]));
      }),
    );
    // by hand: C ties at 09-30 (x.csv, y.csv) above its main-table row (07-02): the later row, in C's first place
    const c1 = complaint({ caseNo: "C", asOf: "2023-09-30", file: "x.csv" });
    const c2 = complaint({ caseNo: "C", asOf: "2023-09-30", file: "y.csv" });
    expect(latest([c1, ...main, c2]).map((r) => r.source.file)).toEqual(["y.csv", "main.csv", "main.csv"]);
  });

  it("timelines give when a case closed, exact or as an upper bound", () => {
    const t = new Map(timelines(all).map((x) => [x.key, x]));
    expect(t.get("A")).toMatchObject({ closedOn: "2023-07-20", closedOnKind: "exact", phaseOn: "2023-07-20" });
    expect(t.get("B")).toMatchObject({ closedOn: "2023-09-30", closedOnKind: "upper-bound", phaseOn: "2023-07-02" });
    expect(t.get("C")!.closedOn).toBeUndefined();
    expect(t.get("B")!.observations.map((o) => o.status)).toEqual(["阶段性办结", "阶段性办结", "已办结"]);
  });
});

describe("closureProgress", () => {
  it("is cumulative per county over the first 交办 date, the snapshot and the 办结时间 dates", () => {
    const p = closureProgress(all);
    // the period starts when the first cases were transferred (07-01), not at the first state
    expect(p.dates).toEqual(["2023-07-01", "2023-07-02", "2023-07-20", "2023-08-31", "2023-09-30"]);
    expect(p.overall.map((r) => [r.date, r.cases, r.closed, r.closedOrPhase])).toEqual([
      ["2023-07-01", 2, 0, 0],
      ["2023-07-02", 3, 0, 1],
      ["2023-07-20", 3, 1, 2],
      ["2023-08-31", 3, 1, 2],
      ["2023-09-30", 3, 2, 2],
    ]);
    const suxian = p.rows.filter((r) => r.county === "431003");
    expect(suxian.map((r) => r.closedRate)).toEqual([0, 0, 0.5, 0.5, 1]);
    expect(p.rows.find((r) => r.county === "431081" && r.date === "2023-09-30")).toMatchObject({ countyName: "资兴市", cases: 1, closed: 0 });
    expect(p.upperBoundCases).toBe(1);
  });
});

describe("closureProgress and the progress chart cannot show the impossible", () => {
  const COUNTIES = ["431002", "431003", "431025"];
  const STATUSES = ["正在办理", "阶段性办结", "已办结", undefined] as const;
  const SNAPS = ["2023-07-16", "2023-08-31", "2023-10-31", "2023-12-31"];
  const day = (i: number) => new Date(Date.UTC(2023, 5, 26 + i)).toISOString().slice(0, 10);
  /** Cases with random 交办 dates, statuses per snapshot (in any order, even backwards) and 办结时间. */
  const cases = fc.array(
    fc.record({
      county: fc.constantFrom(...COUNTIES),
      date: fc.option(fc.integer({ min: 0, max: 20 }), { nil: undefined }),
      states: fc.array(fc.constantFrom(...STATUSES), { minLength: SNAPS.length, maxLength: SNAPS.length }),
      closedAfter: fc.option(fc.integer({ min: 0, max: 150 }), { nil: undefined }),
    }),
    { minLength: 1, maxLength: 25 },
  );
  const recordsOf = (list: { county: string; date?: number; states: (typeof STATUSES)[number][]; closedAfter?: number }[]) =>
    list.flatMap((c, i) =>
      SNAPS.map((asOf, k) =>
        complaint({
          caseNo: `C${i}`,
          county: c.county,
          ...(c.date !== undefined ? { date: day(c.date) } : {}),
          ...(c.states[k] ? { status: c.states[k] } : {}),
          asOf,
          file: `${asOf}.csv`,
          ...(c.closedAfter !== undefined && c.states[k] === "已办结" ? { closedDate: day((c.date ?? 0) + c.closedAfter) } : {}),
        }),
      ),
    );

  it("含阶段性办结 ≥ 已办结 at every date in every county; the period starts at the first 交办 date", () => {
    fc.assert(
      fc.property(cases, (list) => {
        const records = recordsOf(list);
        const p = closureProgress(records);
        for (const r of [...p.rows, ...p.overall]) {
          expect(r.closedOrPhase).toBeGreaterThanOrEqual(r.closed);
          if (r.closedRate !== null) expect(r.closedOrPhaseRate!).toBeGreaterThanOrEqual(r.closedRate);
        }
        const dates = records
          .map((r) => r.date)
          .filter((d): d is string => !!d)
          .sort();
        // (a 办结时间 before every 交办 date, a slip in the table, may come earlier)
        if (dates.length) expect(p.dates.filter((d) => d <= dates[0]!).at(-1)).toBe(dates[0]);

        // the chart's curves, read as steps at every grid date: the band never dips below the line
        const spec = progressSpec(p) as unknown as {
          data: { values: { panel: string; date: string; closed: number; phase: number }[] };
          facet: { sort: string[] };
        };
        const byPanel = new Map<string, typeof spec.data.values>();
        for (const v of spec.data.values) byPanel.set(v.panel, [...(byPanel.get(v.panel) ?? []), v]);
        for (const [, pts] of byPanel) {
          for (const d of p.dates) {
            const at = pts.filter((x) => x.date <= d).at(-1);
            if (at) expect(at.phase).toBeGreaterThanOrEqual(at.closed);
          }
        }
        // one panel per county with cases, none empty
        expect(new Set(spec.facet.sort)).toEqual(new Set(byPanel.keys()));
        expect(spec.facet.sort).toHaveLength(new Set(list.map((c) => c.county)).size);
      }),
      { numRuns: 150 },
    );
  });
});

describe("overdue", () => {
  it("judges dated targets only: 立行立改 and 长期坚持 are left undated", () => {
    // ingestion turns 2023年8月底前 into 2023-08-31 (test/ingest/dates.test.ts)
    expect(deadlineDate("2023-07-31")).toBe("2023-07-31");
    expect(deadlineDate("立行立改")).toBeUndefined();
    expect(deadlineDate(undefined)).toBeUndefined();
  });

  it("lists cases past their deadline and not 已办结 at the date", () => {
    // 08-31: B's deadline 07-31 passed, 阶段性办结 is not closed -> overdue; C's 08-31 is not before 08-31
    expect(overdue(all, { at: "2023-08-31" }).cases.map((c) => [c.key, c.daysOverdue, c.status])).toEqual([["B", 31, "阶段性办结"]]);
    // 09-30 (the default, the latest snapshot): B closed; C overdue since 08-31
    const late = overdue(all);
    expect(late.at).toBe("2023-09-30");
    expect(late.cases.map((c) => [c.key, c.deadline, c.daysOverdue])).toEqual([["C", "2023-08-31", 30]]);
    // before any snapshot nothing can be judged
    expect(overdue(all, { at: "2023-07-01" }).cases).toEqual([]);
  });
});

describe("timeToClose", () => {
  it("uses 办结时间 when present, else the first closed snapshot as an upper bound", () => {
    const t = timeToClose(all);
    expect(t.cases.map((c) => [c.key, c.days, c.kind]).sort()).toEqual([
      ["A", 19, "exact"],
      ["B", 91, "upper-bound"],
    ]);
    expect(t).toMatchObject({ exact: 1, upperBound: 1, open: 1 });
    expect(t.summary).toMatchObject({ n: 2, median: 19, max: 91, mean: 55 });
    expect(t.histogram.find((b) => b.label === "16-30天")!.count).toBe(1);
    expect(t.histogram.find((b) => b.label === "91-180天")!.count).toBe(1);
    expect(t.byCounty).toEqual([expect.objectContaining({ county: "431003", countyName: "苏仙区", n: 2 })]);
  });
});
