import { describe, expect, it } from "vitest";
import { classifyAll, compareWithOfficial } from "../../src/classify/index.js";
import type { Complaint } from "../../src/model/complaint.js";
import type { PollutionType } from "../../src/model/vocabulary.js";

const complaint = (row: number, text: string, officialTypes: PollutionType[]): Complaint => ({
  key: `k${row}`,
  source: { file: "t.csv", row },
  text,
  officialTypes,
  area: { raw: "", method: "unresolved" },
  raw: {},
});

describe("official-label QA", () => {
  it("counts agreement and lists the disagreements with the words behind the prediction", async () => {
    const records = [
      complaint(2, "某石材厂粉尘大，周边落满灰尘", ["大气"]), // agrees
      complaint(3, "某工地夜间施工噪音扰民，吵得睡不着", ["大气"]), // a labelling slip: noise labelled 大气
      complaint(4, "某采石场粉尘漫天，放炮噪音不停", ["大气"]), // official misses 噪声
      complaint(5, "基站辐射", []), // no official label: not compared
    ];
    const qa = compareWithOfficial(await classifyAll(records, { workers: 0 }));
    expect(qa.compared).toBe(3);
    expect(qa.agreed).toBe(1);
    expect(qa.agreement).toBeCloseTo(1 / 3);
    expect(qa.overlapping).toBe(2);
    // the slip, where nothing overlaps, is listed first
    expect(qa.disagreements.map((d) => d.source.row)).toEqual([3, 4]);
    expect(qa.disagreements[0]).toMatchObject({ official: ["大气"], predicted: ["噪声"], officialOnly: ["大气"] });
    expect(qa.disagreements[0]!.predictedOnly[0]!.evidence).toEqual(expect.arrayContaining(["噪音扰民"]));
    expect(qa.disagreements[1]!.officialOnly).toEqual([]);
    const air = qa.byType.find((t) => t.type === "大气")!;
    expect(air).toEqual({ type: "大气", official: 3, predicted: 2, both: 2 });
  });
});

describe("classifyAll", () => {
  it("gives the same results in worker threads as on the calling thread, in order", async () => {
    const texts = ["某石材厂粉尘大", "工地夜间施工噪音", "选矿废水直排", "稻田镉超标", "基站辐射", "倾倒建筑垃圾"];
    const records = texts.map((t, i) => complaint(i + 2, t, []));
    const inline = await classifyAll(records, { workers: 0 });
    const progress: number[] = [];
    const threaded = await classifyAll(records, { workers: 1, onProgress: (done) => progress.push(done) });
    expect(threaded.map((r) => r.classification)).toEqual(inline.map((r) => r.classification));
    expect(threaded.map((r) => r.key)).toEqual(records.map((r) => r.key));
    expect(progress.at(-1)).toBe(texts.length);
  }, 60_000);
});
