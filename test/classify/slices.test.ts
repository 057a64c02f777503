import { describe, expect, it } from "vitest";
import { statsClassification, statsRecord } from "../../src/classify/slices.js";
import type { Classification } from "../../src/model/classification.js";
import type { Complaint } from "../../src/model/complaint.js";

const complaint = (row: number, text: string): Complaint => ({
  key: `K${row}`,
  source: { file: "信访件.csv", row },
  caseNo: `K${row}`,
  date: "2023-06-26",
  text,
  area: {
    raw: "永兴县",
    method: "cell",
    code: "431023",
    county: "永兴县",
    prefectureCode: "431000",
    prefecture: "郴州市",
    provinceCode: "430000",
    province: "湖南省",
  },
  officialTypes: [],
  status: "已办结",
  findings: "已立案查处，罚款2万元",
  raw: { 受理编号: `K${row}`, 交办问题基本情况: text, 行政区域: "永兴县", 处理和整改情况: "已立案查处，罚款2万元" },
});
const classification = (confidence: number): Classification => ({
  types: [
    { label: "大气", confidence, evidence: ["粉尘"] },
    { label: "噪声", confidence: 0.7, evidence: ["噪音"] },
  ],
  subtypes: [{ label: "扬尘", confidence: 0.9, evidence: ["粉尘"] }],
  themes: [],
  keyCase: { suggested: true, reasons: [{ rule: "x", words: ["y"] }] } as unknown as Classification["keyCase"],
  target: "石材厂",
});

describe("statsRecord: the record as the statistics read it", () => {
  it("keeps every field the analysis reads and the table's headers, drops the cells' second copy and the evidence", () => {
    const c = complaint(3, "石材厂粉尘大，噪音扰民");
    const r = statsRecord(c, classification(0.93));
    for (const k of ["key", "source", "caseNo", "date", "text", "status", "findings", "officialTypes"] as const) expect(r[k]).toEqual(c[k]);
    expect(r.area).toEqual(c.area);
    // which columns the table has survives (tableColumnsOf reads the headers), the cells do not
    expect(Object.keys(r.raw)).toEqual(Object.keys(c.raw));
    expect(Object.values(r.raw).every((v) => v === "")).toBe(true);
    expect(r.classification!.types.map((t) => t.label)).toEqual(["大气", "噪声"]);
    expect(r.classification!.types.every((t) => t.evidence.length === 0)).toBe(true);
    expect(r.classification!.keyCase.suggested).toBe(true);
    expect(r.classification!.target).toBe("石材厂");
    // the input record is not changed
    expect(c.raw["交办问题基本情况"]).toBe("石材厂粉尘大，噪音扰民");
  });

  it("shares what repeats: one header object per sheet, one area per resolution, one label list per label set", () => {
    const a = statsRecord(complaint(3, "粉尘"), classification(0.93));
    const b = statsRecord(complaint(4, "噪音"), classification(0.91));
    expect(b.raw).toBe(a.raw);
    expect(b.area).toBe(a.area);
    expect(b.classification!.types).toBe(a.classification!.types);
    // a different label set is its own list
    const c = statsRecord(complaint(5, "粉尘"), { ...classification(0.93), types: [{ label: "水", confidence: 0.8, evidence: [] }] });
    expect(c.classification!.types.map((t) => t.label)).toEqual(["水"]);
    expect(c.classification!.types).not.toBe(a.classification!.types);
  });
});

describe('the workers\' "stats" results', () => {
  it("give stats the same records as full classifications: nothing stats reads is lost in the worker", () => {
    for (const conf of [0.93, 0.95, 0.449, 0.5, 0.05, 1]) {
      const full = classification(conf);
      // what a worker sends in "stats" mode: the compact classification, as JSON
      const compact = JSON.parse(JSON.stringify(statsClassification(full))) as typeof full;
      expect(compact.types.every((t) => t.evidence.length === 0)).toBe(true);
      expect(compact.keyCase.reasons).toEqual([]);
      expect(statsClassification(compact)).toEqual(statsClassification(full));
      expect(JSON.stringify(statsRecord(complaint(3, "粉尘"), compact))).toBe(JSON.stringify(statsRecord(complaint(3, "粉尘"), full)));
    }
  });
});
