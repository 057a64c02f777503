import { describe, expect, it } from "vitest";
import { TokenTable } from "../../src/classify/token-table.js";

describe("TokenTable (the analyzer's per-token cache)", () => {
  it("finds what was set, by content, not by identity of the string", () => {
    const t = new TokenTable<number>(4);
    t.set("粉尘", 1);
    t.set("噪声", 2);
    // jieba returns a fresh string for every token: equal content must find the entry
    const fresh = ["粉", "尘"].join("");
    expect(t.get(fresh)).toBe(1);
    expect(t.get("噪声")).toBe(2);
    expect(t.get("粉")).toBeUndefined();
    expect(t.get("")).toBeUndefined();
    t.set("粉尘", 3);
    expect(t.get("粉尘")).toBe(3);
    expect(t.size).toBe(2);
  });

  it("keeps every entry as it grows far past its first capacity, and forgets them all on clear", () => {
    const t = new TokenTable<string>(2);
    const words = Array.from({ length: 5000 }, (_, i) => `词${i}${String.fromCharCode(0x4e00 + (i % 500))}`);
    words.forEach((w, i) => t.set(w, `v${i}`));
    expect(t.size).toBe(5000);
    expect(words.every((w, i) => t.get(w) === `v${i}`)).toBe(true);
    expect(t.get("词5000")).toBeUndefined();
    t.clear();
    expect(t.size).toBe(0);
    expect(t.get(words[0]!)).toBeUndefined();
    t.set(words[0]!, "again");
    expect(t.get(words[0]!)).toBe("again");
  });
});
