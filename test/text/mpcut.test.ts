import { describe, expect, it } from "vitest";
import { loadCorpus } from "../../src/classify/corpus.js";
import { sharedClassifier } from "../../src/classify/complaint-classifier.js";
import { Analyzer } from "../../src/classify/features.js";
import { MpCutter, logRounded } from "../../src/text/mpcut.js";
import { cutBoth } from "../../src/text/segment.js";

describe("the JavaScript cut (mpcut.ts)", () => {
  it("gives nodejieba's tokens on every labelled complaint, as written and cleaned", () => {
    sharedClassifier(); // the classifier's words registered, as in a classification run
    for (const { text } of loadCorpus())
      for (const t of [text, Analyzer.clean(text)]) {
        const { nodejieba, used } = cutBoth(t);
        expect(used, t).toEqual(nodejieba);
      }
  });

  it("agrees on separators, Latin letters, digits, full-width forms, long runs and empty text", () => {
    const texts = [
      "",
      " ",
      "，。",
      "A栋3楼  的ktv包厢，晚上11:30以后还在唱歌。。",
      "PM2.5浓度超标\t\n噪声达到85dB（A）",
      "电话：138 0000 0000；身份证号430102199001011234",
      "ＡＢＣ公司　全角空格",
      "啊".repeat(600),
      "污水处理厂".repeat(120),
      "某某某某某某某某",
      "扬尘扬尘，扬尘。扬尘 扬尘",
    ];
    for (const t of texts) expect(cutBoth(t).used, t).toEqual(cutBoth(t).nodejieba);
  });

  it("leaves texts with surrogates to nodejieba (it turns a lone surrogate into U+FFFD)", () => {
    for (const t of ["工厂排污😷严重", "异味\uD83D扰民"]) {
      const { nodejieba, used } = cutBoth(t);
      expect(used).toEqual(nodejieba);
    }
    expect(cutBoth("异味\uD83D扰民").used.join("")).toContain("\uFFFD");
  });

  it("takes the path of greatest weight, the shorter word on a tie", () => {
    // sum of frequencies 8: 甲乙 (4) beats 甲|乙 (2 and 1): log(4/8) > log(2/8) + log(1/8)
    const c = new MpCutter("甲 2 n\n乙 1 n\n甲乙 4 n\n丙 1 n\n", []);
    expect(c.cut("甲乙丙")).toEqual(["甲乙", "丙"]);
    // unknown characters weigh the minimum and stand alone; a user word of one column weighs the median
    expect(c.cut("丁甲")).toEqual(["丁", "甲"]);
    const u = new MpCutter("甲 2 n\n乙 1 n\n丙 1 n\n丁 4 n\n", ["乙丙"]);
    expect(u.cut("乙丙")).toEqual(["乙丙"]);
    // a later entry of a word replaces the earlier one: 甲乙 of frequency 1 (sum 9) weighs less than
    // 甲|乙 (4 and 4), of frequency 8 more
    expect(new MpCutter("甲 4 n\n乙 4 n\n甲乙 1 n\n", []).cut("甲乙")).toEqual(["甲", "乙"]);
    expect(new MpCutter("甲 4 n\n乙 4 n\n甲乙 1 n\n", ["甲乙 8 n"]).cut("甲乙")).toEqual(["甲乙"]);
  });

  it("rounds its logs to the nearest double, where V8's Math.log is one unit off", () => {
    // ln(85 / 59492504) (59,492,504: the core dictionary's sum) is −13.4587096228957150…, nearer to
    // −13.458709622895716 (glibc's log, hence cppjieba's weight) than to V8's −13.458709622895714
    expect(logRounded(85 / 59492504)).toBe(-13.458709622895716);
    expect(Math.log(85 / 59492504)).toBe(-13.458709622895714);
    for (const x of [1, 2, 0.5, 10, 1e-8, 0.123456789]) expect(Math.abs(logRounded(x) - Math.log(x))).toBeLessThanOrEqual(Math.abs(Math.log(x)) * 2.3e-16);
  });
});

describe("the cutter's binary copy", () => {
  it("reads back a cutter that cuts the same, and refuses a copy that is not whole", () => {
    const built = new MpCutter("甲 4 n\n乙 4 n\n甲乙 1 n\n丙 3 n\n乙丙 5 n\n", ["丙丁 2 n", "戊"]);
    const bytes = built.toBinary();
    const read = MpCutter.fromBinary(bytes)!;
    for (const t of ["甲乙丙丁戊", "乙丙，甲乙", "己"]) expect(read.cut(t)).toEqual(built.cut(t));
    expect(MpCutter.fromBinary(bytes.subarray(0, bytes.length - 8))).toBeUndefined();
    expect(MpCutter.fromBinary(Buffer.from("not a table"))).toBeUndefined();
  });
});
