import { describe, expect, it } from "vitest";
import { NOT_IN_SCHEME, agreementTable, severalTypesNote } from "../../src/dashboard/agreement.js";
import type { PollutionType } from "../../src/model/vocabulary.js";

const row = (official: PollutionType[], predicted: PollutionType[]) => ({
  officialTypes: official,
  classification: { types: predicted.map((label) => ({ label, confidence: 0.9, evidence: [] })) } as never,
});

/*
 * Five cases of an eight-class table, classified in the seven-class scheme (no 固废):
 *   大气 -> 大气; 大气、水 -> 大气; 固废 -> 土壤; 固废 -> 土壤、大气; 固废 -> 其他.
 * 大气: 2 official, 3 predicted, 2 both (100.0%); 水: 1, 0, 0 (0.0%: a real miss);
 * 固废: 3 official, none predicted: 不适用, the note says 土壤 2, 大气 1, 其他 1.
 */
const cases = [row(["大气"], ["大气"]), row(["大气", "水"], ["大气"]), row(["固废"], ["土壤"]), row(["固废"], ["土壤", "大气"]), row(["固废"], ["其他"])];

describe("分类's agreement table", () => {
  it("does not score 固废 rows the seven-class classifier cannot give: 不适用 and a note, not 0.0%", () => {
    const t = agreementTable(cases);
    const byType = Object.fromEntries(t.rows.map((r) => [r[0], r.slice(1)]));
    expect(byType["大气"]).toEqual([2, 3, 2, "100.0%"]);
    expect(byType["水"]).toEqual([1, 0, 0, "0.0%"]);
    expect(byType["固废"]).toEqual([3, 0, 0, NOT_IN_SCHEME]);
    expect(t.notes).toHaveLength(1);
    expect(t.notes[0]).toContain("原表中 3 件标为“固废”");
    expect(t.notes[0]).toContain("七类方案没有固废");
    expect(t.notes[0]).toContain("归入土壤 2 件、大气 1 件、其他 1 件");
    expect(t.notes[0]).toContain("不表示自动分类出错");
    // a phone's header per column, in pieces that join to a shorter form of the full one
    expect(t.narrowHeaders.map((h) => h.join(""))).toEqual(["污染类型", "原表标注", "自动分类", "两者一致", "一致比例"]);
    expect(t.narrowHeaders).toHaveLength(t.headers.length);
  });

  it("scores 固废 when the predictions have it (an eight-class classification), with no note", () => {
    const t = agreementTable([row(["固废"], ["固废"]), row(["固废"], ["土壤"])]);
    expect(t.rows.find((r) => r[0] === "固废")).toEqual(["固废", 2, 1, 1, "50.0%"]);
    expect(t.notes).toEqual([]);
  });
});

describe("分类's note on several-type predictions", () => {
  it("counts the predicted rows with more than one type bit, never an official one, and says nothing when there are none", () => {
    // bits: 1 大气, 2 水, 4 噪声 …; typeSource 0 official, 1 predicted, 2 none
    const cols = { length: 5, typeSource: [1, 1, 0, 1, 2], types: [1 | 4, 2, 1 | 2, 1 | 2 | 4, 0] };
    const note = severalTypesNote(cols);
    expect(note).toContain("自动分类的信访件中 2 件分为多类");
    expect(note).toContain("多类，建议复核");
    expect(severalTypesNote({ length: 2, typeSource: [1, 0], types: [4, 1 | 2] })).toBe("");
  });
});
