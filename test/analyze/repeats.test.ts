import { describe, expect, it } from "vitest";
import { jaccard, shingles } from "../../src/analyze/minhash.js";
import { repeats } from "../../src/analyze/repeats.js";
import { normalizeTarget, siteName } from "../../src/analyze/target.js";
import { complaint } from "./helpers.js";

describe("normalizeTarget / siteName", () => {
  it("strips places, placeholders and company suffixes", () => {
    expect(normalizeTarget("郴州市永兴县天安稀贵金属有限公司")).toBe("天安稀贵金属公司");
    expect(normalizeTarget("永兴天安稀贵金属有限责任公司")).toBe("天安稀贵金属公司");
    expect(normalizeTarget("苏仙区白露塘镇某某石材加工厂")).toBe("石材加工厂");
    expect(normalizeTarget("XX村“安丰冶炼厂”")).toBe("安丰冶炼厂");
  });

  it("tells a site from a kind of site", () => {
    expect(siteName("安丰冶炼厂")).toBe("安丰");
    expect(siteName("东江饲料厂")).toBe("东江");
    expect(siteName("选矿厂")).toBe("");
    expect(siteName("小冶炼厂")).toBe("");
    expect(siteName("石材加工厂")).toBe("");
  });
});

describe("repeats", () => {
  // Planted: three complaints about 安丰冶炼厂 in 北湖区, worded differently (target rule);
  // two near-copies about a pig farm in 桂阳县 without a target (text rule); one
  // 安丰冶炼厂 in another county and generic 选矿厂 targets, which must not join.
  const records = [
    complaint({
      caseNo: "A1",
      county: "431002",
      date: "2023-06-30",
      status: "已办结",
      target: "北湖区华塘镇安丰冶炼厂",
      text: "来电反映：华塘镇安丰冶炼厂晚上偷偷排放黄烟，气味刺鼻，附近村民头痛。",
    }),
    complaint({
      caseNo: "A2",
      county: "431002",
      date: "2023-07-03",
      status: "正在办理",
      target: "安丰冶炼厂",
      text: "之前举报过的冶炼厂整改后又反弹了，半夜冒烟，庄稼叶子都发黄枯死。",
    }),
    complaint({
      caseNo: "A3",
      county: "431002",
      date: "2023-07-06",
      target: "郴州市北湖区安丰冶炼有限公司冶炼厂",
      text: "群众多次反映该厂废渣乱堆，下雨后渗滤液流进水塘，一直未解决。",
    }),
    complaint({
      caseNo: "B1",
      county: "431021",
      date: "2023-07-01",
      status: "阶段性办结",
      text: "桂阳县荷叶镇邓桥村有一个养猪场，猪粪水直接排进村里的水渠，臭气熏天，村民无法正常生活。",
    }),
    complaint({
      caseNo: "B2",
      county: "431021",
      date: "2023-07-05",
      text: "荷叶镇邓桥村养猪场猪粪水直接排进村里水渠，臭气熏天，村民无法正常生活，请督察组处理。",
    }),
    complaint({ caseNo: "C1", county: "431003", date: "2023-07-02", target: "安丰冶炼厂", text: "苏仙区有一家冶炼厂排放废气。" }),
    complaint({ caseNo: "D1", county: "431021", date: "2023-07-02", target: "选矿厂", text: "某选矿厂尾砂乱排，河水变浑。" }),
    complaint({ caseNo: "D2", county: "431021", date: "2023-07-08", target: "选矿厂", text: "山里的选矿厂噪音扰民，晚上机器一直响。" }),
  ];

  it("group the same target in the same county, worded differently, and say why", () => {
    const r = repeats(records);
    const a = r.groups.find((g) => g.members.some((m) => m.key === "A1"))!;
    expect(a.members.map((m) => m.key)).toEqual(["A1", "A2"]);
    expect(a).toMatchObject({
      county: "431002",
      countyName: "北湖区",
      size: 2,
      firstDate: "2023-06-30",
      lastDate: "2023-07-03",
      statuses: { 已办结: 1, 正在办理: 1 },
    });
    expect(a.links).toEqual([{ a: "A1", b: "A2", kind: "target", target: "安丰冶炼厂" }]);
    expect(a.reason).toBe("A1 与 A2：同一对象“安丰冶炼厂”");
  });

  it("group near-duplicate texts by Jaccard similarity with the shared words", () => {
    const r = repeats(records);
    const b = r.groups.find((g) => g.members.some((m) => m.key === "B1"))!;
    expect(b.members.map((m) => m.key)).toEqual(["B1", "B2"]);
    const link = b.links[0]!;
    expect(link.kind).toBe("text");
    if (link.kind !== "text") return;
    expect(link.jaccard).toBeGreaterThanOrEqual(0.5);
    expect(link.shared).toEqual(expect.arrayContaining(["养猪场", "臭气熏天"]));
    expect(b.reason).toMatch(/^B1 与 B2：文本相似度 Jaccard = 0\.\d\d，共同词语 /);
  });

  it("never join across counties, nor by a kind of site", () => {
    const r = repeats(records);
    const grouped = r.groups.flatMap((g) => g.members.map((m) => m.key));
    expect(grouped).not.toContain("C1");
    expect(grouped).not.toContain("D1");
    expect(grouped).not.toContain("D2");
    expect(grouped).not.toContain("A3"); // 安丰冶炼公司冶炼厂 is another name: not the same target string
    expect(r).toMatchObject({ records: 4, repeats: 2, threshold: 0.5 });
    expect(r.groups.map((g) => g.id)).toEqual(["R1", "R2"]);
  });

  it("count a case once across snapshots", () => {
    const snap = complaint({
      caseNo: "A1",
      county: "431002",
      date: "2023-06-30",
      status: "已办结",
      target: "安丰冶炼厂",
      asOf: "2023-08-31",
      text: records[0]!.text,
    });
    const r = repeats([...records, snap]);
    expect(r.groups.find((g) => g.members.some((m) => m.key === "A1"))!.size).toBe(2);
  });

  it("jaccard of shingles (words and word pairs)", () => {
    const a = shingles(["养猪场", "臭气", "熏天"]);
    expect([...a]).toEqual(["养猪场", "养猪场 臭气", "臭气", "臭气 熏天", "熏天"]);
    expect(jaccard(a, shingles(["养猪场", "臭气"]))).toBeCloseTo(3 / 5);
    expect(jaccard(new Set(), new Set())).toBe(0);
  });
});
