import type { Complaint } from "../model/complaint.js";

/**
 * Where each 受理编号 of a file was first seen, for the duplicate warning. Tables mostly list
 * their cases in 受理编号 order: while every id is greater than the one before, none can repeat
 * an earlier one and nothing is hashed (a map of a national year's ids cost a tenth of
 * ingestion). At the first id that is not greater, a map of the ids seen so far is built from
 * their records, once, and answers from then on.
 */
export class FirstSeen {
  /** the greatest id so far, while the ids come in order */
  private last: string | undefined;
  /** the records added while the ids came in order */
  private inOrder: Complaint[] = [];
  private map: Map<string, Complaint> | undefined;

  /** The record where `caseNo` was first seen, if it was. */
  get(caseNo: string): Complaint | undefined {
    if (!this.map) {
      if (this.last === undefined || caseNo > this.last) return undefined;
      this.map = new Map();
      for (const r of this.inOrder) this.map.set(r.caseNo!, r);
      this.inOrder = [];
    }
    return this.map.get(caseNo);
  }

  /** `caseNo` is first seen in `record` (whose caseNo it is); `get(caseNo)` returned nothing. */
  set(caseNo: string, record: Complaint): void {
    if (this.map) {
      this.map.set(caseNo, record);
      return;
    }
    this.inOrder.push(record);
    this.last = caseNo;
  }
}
