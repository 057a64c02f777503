import { describe, expect, it } from "vitest";
import { sharedClassifier } from "../../src/classify/complaint-classifier.js";
import { decodeClassifications, encodeClassifications } from "../../src/classify/wire.js";
import type { Classification } from "../../src/model/classification.js";

describe("classifications between threads (wire.ts)", () => {
  it("decode(encode(x)) is x with the same keys in the same order, absent fields left out", () => {
    const texts = [
      // a target, a town and a village, 重点件 reasons (drinking water, a number of households)
      "宜章县梅田镇白石渡村某石材厂粉尘大，污水排入饮用水源，影响村里300户人家。",
      // no target, no place, no reasons
      "晚上很吵。",
      // an estate only, several types with evidence
      "阳光花园小区旁工地夜间施工噪音扰民，扬尘也大。",
      "",
    ];
    const cs = sharedClassifier().classifyMany(texts);
    expect(cs[0]!.target).toBeTruthy();
    expect(cs[0]!.keyCase.reasons.length).toBeGreaterThan(0);
    expect(cs[1]!.target).toBeUndefined();
    const wire = encodeClassifications(cs);
    const back = decodeClassifications(wire);
    expect(back).toStrictEqual(cs);
    // key order too: the JSON written from the decoded objects is the classifier's own
    expect(back.map((c) => JSON.stringify(c))).toEqual(cs.map((c) => JSON.stringify(c)));
    expect(wire.length).toBeLessThan(JSON.stringify(cs).length * 0.7);
  });

  it("keeps a confidence that is not a whole number of hundredths, and places with some parts only", () => {
    const cs: Classification[] = [
      {
        types: [{ label: "大气", confidence: 0.123, evidence: ["粉尘", "灰尘"] }],
        subtypes: [{ label: "扬尘", confidence: 1, evidence: ["粉尘"] }],
        themes: [],
        keyCase: { suggested: false, reasons: [] },
        place: { estate: "阳光花园小区" },
      },
      {
        types: [{ label: "水", confidence: 0, evidence: [] }],
        subtypes: [],
        themes: [],
        keyCase: { suggested: true, reasons: [{ rule: "drinking-water", name: "饮用水水源", evidence: ["饮用水源"] }] },
        target: "某石材厂",
        place: { town: "梅田镇", village: "白石渡村" },
      },
    ];
    const back = decodeClassifications(encodeClassifications(cs));
    expect(back).toStrictEqual(cs);
    expect(back.map((c) => JSON.stringify(c))).toEqual(cs.map((c) => JSON.stringify(c)));
  });
});
