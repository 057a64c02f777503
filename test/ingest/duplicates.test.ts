import { describe, expect, it } from "vitest";
import { ingestBuffers } from "../../src/ingest/index.js";

// 受理编号 first in order (no lookup needed), then out of order: every repeat is found either way,
// and names the row of the first occurrence.
const csv = [
  "受理编号,交办问题基本情况,行政区域",
  "D2HN202306260003,某石材厂粉尘扰民,北湖区", // line 2
  "D2HN202306260005,某养猪场废水直排,苏仙区", // line 3
  "D2HN202306260007,某搅拌站夜间施工噪声,桂阳县", // line 4
  "D2HN202306260007,搅拌站噪声再次反映,桂阳县", // line 5: repeats line 4 while the ids were in order
  "D2HN202306260004,某选矿厂尾矿渗漏,宜章县", // line 6: out of order, new
  "D2HN202306260005,养猪场废水仍在直排,苏仙区", // line 7: repeats line 3
  "D2HN202306260004,选矿厂尾矿仍在渗漏,宜章县", // line 8: repeats line 6
  "D2HN202306260009,某冶炼厂废气,永兴县", // line 9: new
].join("\r\n");

describe("duplicate 受理编号 in one file", () => {
  it("warns on each repeat with the row where the id was first seen, in order or not", async () => {
    const r = await ingestBuffers([{ name: "第1批.csv", bytes: new TextEncoder().encode(csv) }]);
    expect(r.accepted).toBe(8);
    const dup = r.warnings.filter((w) => w.column === "受理编号").map((w) => [w.row, w.message]);
    expect(dup).toEqual([
      [5, "受理编号 D2HN202306260007 重复（首次出现在第4行）"],
      [7, "受理编号 D2HN202306260005 重复（首次出现在第3行）"],
      [8, "受理编号 D2HN202306260004 重复（首次出现在第6行）"],
    ]);
    // the first occurrence keeps the id as its key; repeats get the row in theirs
    expect(r.records.map((c) => c.key)).toEqual([
      "D2HN202306260003",
      "D2HN202306260005",
      "D2HN202306260007",
      "D2HN202306260007##5",
      "D2HN202306260004",
      "D2HN202306260005##7",
      "D2HN202306260004##8",
      "D2HN202306260009",
    ]);
  });
});
