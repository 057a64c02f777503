import { describe, expect, it } from "vitest";
import { type EvidenceWord, pieces, queryWords, wordStarts } from "../../src/dashboard/highlight.js";
import { isPlaceName, segment, useWords } from "../../src/text/segment.js";

describe("query words in the search results", () => {
  it("splits the query on white space, as the search matches it, without repeats", () => {
    expect(queryWords("  养猪场  臭气 养猪场 ").map((w) => w.word)).toEqual(["养猪场", "臭气"]);
    expect(queryWords("   ")).toEqual([]);
  });

  it("marks the query where it matched even inside a longer evidence word", () => {
    // 臭味 is evidence for 大气; the user searched 臭: the hit must show
    const out = pieces("屋里臭味很重，臭不可闻", [...queryWords("臭"), { word: "臭味", kind: "type", label: "大气" }]);
    expect(out.filter((p) => p.marks?.some((m) => m.kind === "query")).map((p) => p.text)).toEqual(["臭", "臭"]);
    expect(out.map((p) => p.text).join("")).toBe("屋里臭味很重，臭不可闻");
  });

  it("keeps markup in a query as plain text", () => {
    const q = "<script>x</script>";
    const out = pieces(`前文${q}后文`, queryWords(q));
    expect(out).toEqual([{ text: "前文" }, { text: q, marks: [{ word: q, kind: "query", label: q }] }, { text: "后文" }]);
  });
});

describe("evidence is marked where it is a word, not a substring", () => {
  const ev = (word: string, label = "水"): EvidenceWord => ({ word, kind: "type", label });
  it("does not mark 排到 inside 安排到, and marks it where the sewage is let out", () => {
    const text = "工厂安排到夜里生产，污水排到河里";
    const tokens = ["工厂", "安排", "到", "夜里", "生产", "，", "污水", "排到", "河里"];
    const p = pieces(
      text,
      [ev("排到")],
      wordStarts(text, ["排到"], () => tokens),
    );
    expect(p.filter((x) => x.marks).map((x) => x.text)).toEqual(["排到"]);
    // the one mark is the second 排到 (offset 12), and the text is whole
    expect(p.map((x) => x.text)).toEqual(["工厂安排到夜里生产，污水", "排到", "河里"]);
  });

  it("marks a lexicon word inside a longer token (废水 in 选矿废水), as the classifier reads it", () => {
    const text = "选矿废水直排，废水发黑";
    const p = pieces(
      text,
      [ev("废水")],
      wordStarts(text, ["废水"], () => ["选矿废水", "直排", "，", "废水", "发黑"]),
    );
    expect(p.map((x) => x.text)).toEqual(["选矿", "废水", "直排，", "废水", "发黑"]);
  });

  it("never marks a word inside a place name", () => {
    const text = "石灰村的石灰厂石灰乱堆";
    const tokens = ["石灰村", "的", "石灰厂", "石灰", "乱堆"];
    const starts = wordStarts(
      text,
      ["石灰"],
      () => tokens,
      (t) => t.endsWith("村"),
    );
    expect(starts).toEqual([["石灰", [4, 7]]]);
  });

  it("a word found once needs no segmentation; a word not listed is not marked", () => {
    let cut = 0;
    const starts = wordStarts("晚上噪音很大", ["噪音", "晚上"], () => {
      cut++;
      return ["晚上", "噪音", "很大"];
    });
    expect(cut).toBe(0);
    expect(starts).toEqual([
      ["噪音", [2]],
      ["晚上", [0]],
    ]);
    const p = pieces("晚上噪音很大", [ev("噪音", "噪声"), ev("很大", "噪声")], starts);
    expect(p.filter((x) => x.marks).map((x) => x.text)).toEqual(["噪音"]);
  });

  it("refuses tokens that do not make up the text", () => {
    expect(() => wordStarts("排到排到", ["排到"], () => ["排到"])).toThrow(/tokens/);
  });

  it("with jieba's own cut: 安排到 is 安排|到, so only the real 排到 is marked", () => {
    useWords(["排到"]);
    const text = "老板安排到晚上偷偷生产，废水排到河里";
    expect(segment(text)).toContain("排到");
    const p = pieces(
      text,
      [ev("排到")],
      wordStarts(text, ["排到"], () => segment(text), isPlaceName),
    );
    expect(
      p
        .filter((x) => x.marks)
        .map((x) => [
          x.text,
          p
            .slice(0, p.indexOf(x))
            .map((y) => y.text)
            .join("").length,
        ]),
    ).toEqual([["排到", 14]]);
  });

  it("keeps markup in the text plain around real evidence, and the query still marks substrings", () => {
    const text = "<b>安排到</b>污水排到<script>河</script>";
    const tokens = ["<", "b", ">", "安排", "到", "</", "b", ">", "污水", "排到", "<", "script", ">", "河", "</", "script", ">"];
    const p = pieces(
      text,
      [...queryWords("排"), ev("排到")],
      wordStarts(text, ["排到"], () => tokens),
    );
    expect(p.map((x) => x.text).join("")).toBe(text);
    expect(p.filter((x) => x.marks?.some((m) => m.kind === "type")).map((x) => x.text)).toEqual([]);
    expect(p.filter((x) => x.marks?.some((m) => m.kind === "query")).map((x) => x.text)).toEqual(["排", "排"]);
    const noQuery = pieces(
      text,
      [ev("排到")],
      wordStarts(text, ["排到"], () => tokens),
    );
    expect(noQuery.filter((x) => x.marks).map((x) => x.text)).toEqual(["排到"]);
    expect(noQuery.find((x) => x.marks)!.text).not.toContain("<");
  });
});
