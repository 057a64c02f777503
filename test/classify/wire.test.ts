import { describe, expect, it } from "vitest";
import { sharedClassifier } from "../../src/classify/complaint-classifier.js";
import { decodeClassifications, encodeClassifications } from "../../src/classify/wire.js";

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
});
