import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { classify } from "../../src/classify/index.js";
import { loadLexicon } from "../../src/classify/lexicon.js";
import { loadRealRows } from "../../src/classify/real.js";
import { loadWasteRules, parseScheme, routeWaste } from "../../src/classify/scheme.js";

const labels = (text: string, scheme: "seven" | "eight" = "seven") =>
  classify(text, { scheme })
    .types.map((t) => t.label)
    .sort();

describe("污染类型 schemes", () => {
  it("writes the Hunan/central seven classes by default and 固废 only in the eight-class scheme", () => {
    const text = "某村山坳里被人倾倒了大量建筑垃圾，无人清理。";
    expect(labels(text)).toEqual(["土壤"]);
    expect(labels(text, "eight")).toEqual(["固废"]);
    for (const t of ["某小区垃圾桶满溢，环卫清运不及时，脏乱差。", "某企业将工业废渣填埋在耕地里。", "垃圾中转站臭味熏人，夏天无法开窗。"]) {
      expect(labels(t)).not.toContain("固废");
    }
  });

  it("places waste by data/lexicon/waste-routing.tsv: land 土壤, bins and sanitation 其他, smell 大气, leachate 水", () => {
    expect(labels("某企业将工业废渣填埋在耕地里，土地无法耕种。")).toEqual(["土壤"]);
    expect(labels("某小区垃圾池长期无人清运，垃圾满溢，环境脏乱差。")).toEqual(["其他"]);
    expect(labels("垃圾中转站垃圾堆积，臭味熏人，居民无法开窗。")).toEqual(["大气"]);
    expect(labels("村民将生活垃圾倾倒在河边，渗滤液流入河中。")).toEqual(expect.arrayContaining(["水"]));
    expect(labels("镇垃圾填埋场库容满了，臭味很大，渗滤液流进小河。")).not.toContain("土壤");
    // leachate under its other names (round 7 N182): a landfill's leachate is 水, not its pile's 土壤
    expect(labels("某区垃圾填埋场垃圾堆积如山，垃圾渗透液直排，污染江水。")).toEqual(["水"]);
    expect(labels("某镇垃圾填埋场堆积过量，渗沥液外溢流入水库。")).toEqual(["水"]);
    // a pile left uncovered (苫盖 is covering against dust) is 大气 (round 7 N181)
    expect(labels("某选矿厂矿粉露天堆放未苫盖，刮风时影响周边村民。")).toContain("大气");
  });

  it("gives waste with no cue the default 土壤 only when the complaint names nothing else (round-6 N133, dev N103)", () => {
    // the waste is the whole complaint: 土壤 by default
    expect(labels("某村东墙边上有大量生活垃圾，无人处理。")).toEqual(["土壤"]);
    // the waste causes or sits beside another pollution, which is the complaint
    expect(labels("麦积区某段采用建筑垃圾铺路导致扬尘严重")).toEqual(["大气"]);
    expect(labels("芦山县近年来河道生态破坏严重，河边有许多垃圾，主要是砂石厂和小电站造成的。")).toEqual(["生态"]);
    // a cue of where the waste lies still gives its target beside the other pollution
    expect(labels("化工厂废水直排小河，废渣填埋在耕地里。")).toEqual(["土壤", "水"]);
    // 倾倒 says how the waste got there, not where it lies: no cue (round 7 N172, dev N028, N083, N066)
    expect(labels("某化工厂废气超标排放，废渣随意倾倒。")).toEqual(["大气"]);
    expect(routeWaste(["废渣", "随意", "倾倒"], loadWasteRules())).toEqual({ targets: ["土壤"], cues: [] });
    expect(labels("某村山坳里被人倾倒了大量建筑垃圾，无人清理。")).toEqual(["土壤"]); // alone, or with a place
    // the eight-class scheme keeps its 固废
    expect(labels("麦积区某段采用建筑垃圾铺路导致扬尘严重", "eight")).toEqual(["固废", "大气"].sort());
  });

  it("gives waste listed as a nuisance of its own (X、垃圾) its default 土壤 beside the other items (round 7 N165–N167, dev N113)", () => {
    // listed beside noise and sewage across a 、: the waste is a complaint item of its own
    expect(labels("某小区旁空地被占用搭建临时工棚，噪声、生活垃圾、污水扰民。")).toEqual(["土壤", "噪声", "水"].sort());
    expect(labels("某工地施工期间乱排污水、建筑垃圾，堵塞河道。")).toEqual(expect.arrayContaining(["土壤", "水"]));
    // listed beside its smell: 大气 for the smell and 土壤 for the waste
    expect(labels("某公园建设停工多年，垃圾、臭气扰民。")).toEqual(["土壤", "大气"].sort());
    // not listed (the waste causes the dust, or two kinds of waste are listed): unchanged
    expect(labels("某路段用建筑垃圾、砖渣铺路导致扬尘严重")).toEqual(["大气"]);
    expect(labels("垃圾中转站垃圾堆积，臭味熏人，居民无法开窗。")).toEqual(["大气"]);
    // negated waste is no item
    expect(labels("某饭店油烟直排扰民，噪声、油烟问题突出，没有垃圾。")).not.toContain("土壤");
  });

  it("reads the routing rules with their levels and reports a bad line", () => {
    const rules = loadWasteRules();
    expect(rules.some((r) => r.cue === "*" && r.target === "土壤")).toBe(true);
    expect(routeWaste("耕地里倾倒垃圾，垃圾桶也满了", rules).targets).toEqual(["土壤"]); // level 1 (耕地) wins
    expect(routeWaste("垃圾桶满了，清运不及时", rules).targets).toEqual(["其他"]);
    expect(routeWaste("一堆垃圾", rules)).toEqual({ targets: ["土壤"], cues: [] });
    // given the words, a cue must be a word or inside one: 堆放 is not in 垃圾堆|放点
    expect(routeWaste(["垃圾堆", "放", "点", "臭味", "熏人"], rules)).toEqual({ targets: ["大气"], cues: ["臭味"] });
    expect(routeWaste(["垃圾", "堆放", "点", "臭味", "熏人"], rules).targets).toEqual(["大气"]); // 堆放 (2) loses to 臭味 (1)
    expect(routeWaste(["分类垃圾桶", "满", "了"], rules)).toEqual({ targets: ["其他"], cues: ["垃圾桶"] });
    // a landfill is a site: 填埋 inside 垃圾填埋场 is no burial, its smell decides
    expect(routeWaste(["垃圾填埋场", "周边", "臭味", "大"], rules)).toEqual({ targets: ["大气"], cues: ["臭味"] });
    expect(routeWaste(["工业", "废渣", "填埋", "在", "耕地", "里"], rules).targets).toEqual(["土壤"]);
    const dir = mkdtempSync(join(tmpdir(), "route-"));
    writeFileSync(join(dir, "r.tsv"), "# c\n*\t土壤\t3\n垃圾桶\t固废\t2\n");
    expect(() => loadWasteRules(join(dir, "r.tsv"))).toThrow(/r\.tsv 第3行: 归入应为 土壤、其他、大气 或 水，收到「固废」/);
  });

  it("routes the development rows' waste complaints to one of their official types (all but one)", () => {
    // real rows in the seven-class scheme about waste; the exception is R032 (Gansu 2024), where
    // the registrar wrote 生态破坏 for construction waste left on farmland
    const rows = loadRealRows().filter((r) => r.split === "dev" && r.scheme === "seven" && !r.noType && /垃圾|废渣|废品/.test(r.text));
    expect(rows.length).toBeGreaterThanOrEqual(6);
    const misses: string[] = [];
    for (const r of rows) {
      const got = labels(r.text);
      expect(got, r.text).not.toContain("固废");
      if (!got.some((t) => r.officialTypes.includes(t))) misses.push(`${r.id} ${r.official}: ${got.join("、")}`);
    }
    expect(misses.length, misses.join("\n")).toBeLessThanOrEqual(1);
  });

  it("names the schemes in Chinese or English", () => {
    expect(parseScheme("七类")).toBe("seven");
    expect(parseScheme("8")).toBe("eight");
    expect(() => parseScheme("nine")).toThrow(/seven（七类，湖南\/中央督察）或 eight/);
  });
});

describe("recall of every problem in the text", () => {
  // decisive (weight 3) lexicon words of every type but 其他, which is never combined
  const lex = loadLexicon();
  const decisive = [...lex.types.values()].flat().filter((e) => e.weight === 3 && e.label !== "其他" && e.label !== "固废" && e.term.length > 1);
  const base = loadRealRows()
    .filter((r) => r.split === "dev")
    .map((r) => r.text.slice(0, 80));

  it("a decisive word, not negated, always yields its type whatever else the complaint is about", () => {
    fc.assert(
      fc.property(fc.constantFrom(...base), fc.constantFrom(...decisive), (text, e) => {
        const withCue = `${text}。另外，${e.term}问题突出。`;
        expect(labels(withCue, "eight"), `${e.term} (${e.label})`).toContain(e.label);
      }),
      { numRuns: 200, seed: 2 },
    );
  });

  it("gives a multi-problem summary all of its types", () => {
    expect(labels("群众反映，某路段大车通行噪声大，道路扬尘严重，严重影响周边居民生活。")).toEqual(["噪声", "大气"].sort());
    expect(labels("某厂排放废气，异味扰民，生产废水直排附近河道。")).toEqual(["大气", "水"].sort());
    expect(labels("该公司生产时大量粉尘污染，并将污水排入水塘。")).toEqual(["大气", "水"].sort());
    expect(labels("某企业污染当地空气，破坏当地生态环境。")).toEqual(expect.arrayContaining(["大气", "生态"]));
  });

  it("keeps negated words out: 没有异味 adds no 大气", () => {
    expect(labels("某工地夜间施工噪声扰民，没有异味。")).toEqual(["噪声"]);
  });
});

describe("ducha classify --scheme", () => {
  it("writes 预测污染类型 in the scheme asked for, and rejects an unknown one", async () => {
    const { ducha, tempDir } = await import("../cli/helpers.js");
    const { readFileSync: read } = await import("node:fs");
    const dir = tempDir();
    const csv = join(dir, "第1批.csv");
    writeFileSync(csv, "序号,交办问题基本情况,行政区域\n1,某村山坳里被人倾倒了大量建筑垃圾，无人清理。,北湖区\n");
    for (const [scheme, want] of [
      ["seven", "土壤"],
      ["eight", "固废"],
    ] as const) {
      const out = join(dir, `${scheme}.csv`);
      const r = ducha("classify", csv, "--out", out, "--scheme", scheme);
      expect(r.code, r.stderr).toBe(0);
      const [header, row] = read(out, "utf8")
        .replace(/^\uFEFF/, "")
        .trim()
        .split(/\r?\n/)
        .map((l) => l.split(","));
      expect(row![header!.indexOf("预测污染类型")]).toBe(want);
    }
    const bad = ducha("classify", csv, "--out", join(dir, "x.csv"), "--scheme", "nine");
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toMatch(/--scheme：污染类型分类方案应为 seven/);
  }, 60_000);
});
