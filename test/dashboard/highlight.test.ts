import { describe, expect, it } from "vitest";
import { pieces, queryWords } from "../../src/dashboard/highlight.js";

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
