import { describe, expect, it } from "vitest";
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
    expect(l.map((r) => [r.caseNo, r.asOf])).toEqual([["B", "2023-09-30"], ["C", "2023-09-30"], ["A", "2023-08-31"]]);
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
  it("is cumulative per county over the snapshot and 办结时间 dates", () => {
    const p = closureProgress(all);
    expect(p.dates).toEqual(["2023-07-02", "2023-07-20", "2023-08-31", "2023-09-30"]);
    expect(p.overall.map((r) => [r.date, r.cases, r.closed, r.closedOrPhase])).toEqual([
      ["2023-07-02", 3, 0, 1],
      ["2023-07-20", 3, 1, 2],
      ["2023-08-31", 3, 1, 2],
      ["2023-09-30", 3, 2, 2],
    ]);
    const suxian = p.rows.filter((r) => r.county === "431003");
    expect(suxian.map((r) => r.closedRate)).toEqual([0, 0.5, 0.5, 1]);
    expect(p.rows.find((r) => r.county === "431081" && r.date === "2023-09-30")).toMatchObject({ countyName: "资兴市", cases: 1, closed: 0 });
    expect(p.upperBoundCases).toBe(1);
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
    expect(t.cases.map((c) => [c.key, c.days, c.kind]).sort()).toEqual([["A", 19, "exact"], ["B", 91, "upper-bound"]]);
    expect(t).toMatchObject({ exact: 1, upperBound: 1, open: 1 });
    expect(t.summary).toMatchObject({ n: 2, median: 19, max: 91, mean: 55 });
    expect(t.histogram.find((b) => b.label === "16-30天")!.count).toBe(1);
    expect(t.histogram.find((b) => b.label === "91-180天")!.count).toBe(1);
    expect(t.byCounty).toEqual([expect.objectContaining({ county: "431003", countyName: "苏仙区", n: 2 })]);
  });
});
