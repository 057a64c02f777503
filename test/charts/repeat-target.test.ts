import { describe, expect, it } from "vitest";
import type { RepeatGroup, RepeatLink, RepeatMember } from "../../src/analyze/index.js";
import { NO_TARGET, repeatTarget } from "../../src/charts/repeats.js";

const member = (key: string, target?: string): RepeatMember => ({ key, excerpt: "来电反映：某地夜间噪声扰民", ...(target ? { target } : {}) });
const group = (members: RepeatMember[], links: RepeatLink[]): RepeatGroup => ({
  id: "R1",
  county: "431081",
  countyName: "资兴市",
  size: members.length,
  statuses: {},
  members,
  links,
  reason: "",
});
const text = (shared: string[]): RepeatLink => ({ a: "A", b: "B", kind: "text", jaccard: 0.6, shared });

describe("repeatTarget: the 对象 of a repeat group is a name, not a list of words", () => {
  it("takes the target most members name, the longer of equals (东江饲料厂, not the link key 华府小区附近的饲料厂)", () => {
    const g = group(
      [member("A", "饲料厂"), member("B", "东江饲料厂"), member("C", "东江饲料厂")],
      [
        { a: "A", b: "B", kind: "target", target: "华府小区附近的饲料厂" },
        { a: "B", b: "C", kind: "target", target: "东江饲料厂" },
      ],
    );
    expect(repeatTarget(g)).toBe("东江饲料厂");
  });

  it("takes the link's key when it says more than the members' bare kind of site", () => {
    const g = group([member("A", "选矿厂"), member("B", "选矿厂")], [{ a: "A", b: "B", kind: "target", target: "小坊村附近的选矿厂" }]);
    expect(repeatTarget(g)).toBe("小坊村附近的选矿厂");
  });

  it("a group joined by similar text: the shared word naming a kind of site, never the shared words as a list", () => {
    const g = group([member("A"), member("B")], [text(["石材加工厂", "夜间", "粉尘很大", "噪声"])]);
    expect(repeatTarget(g)).toBe("石材加工厂");
  });

  it("says no object is written when the similar texts share no site word (the words are in the reason)", () => {
    const g = group([member("A"), member("B")], [text(["夜间", "粉尘很大", "噪声"])]);
    expect(repeatTarget(g)).toBe(NO_TARGET);
    expect(repeatTarget(g)).not.toContain("、");
  });
});
