import { describe, expect, it } from "vitest";
import { classify } from "../../src/classify/index.js";
import { loadLexicon } from "../../src/classify/lexicon.js";

// the default scheme: Hunan and the central inspection's seven classes (no 固废)
const types = (text: string) =>
  classify(text)
    .types.map((t) => t.label)
    .sort();

describe("pollution type", () => {
  it.each([
    ["北湖区华塘镇某石材加工厂生产时粉尘大，周边房屋落满灰尘。", ["大气"]],
    ["某小区旁工地每天夜间施工到凌晨两点，吵得居民睡不着。", ["噪声"]],
    ["某选矿厂选矿废水未经处理直排舂陵江，河水发黑。", ["水"]],
    ["村里稻田镉超标，种出来的稻谷不敢吃。", ["土壤"]],
    ["有人在莽山保护区内砍伐林木，破坏植被。", ["生态"]],
    ["小区楼顶新装了通信基站，担心电磁辐射影响健康。", ["辐射"]],
    ["某村山坳里被人倾倒了大量建筑垃圾。", ["土壤"]],
    ["对面商场的LED大屏亮到半夜，光污染严重。", ["其他"]],
  ])("%s -> %j", (text, expected) => {
    expect(types(text)).toEqual(expected);
  });

  it("gives every type a complaint names: a dusty and noisy quarry is 大气 and 噪声", () => {
    expect(types("某采石场粉尘漫天，放炮和破碎机的噪音从早到晚不停。")).toEqual(["噪声", "大气"].sort());
    expect(types("1、养猪场臭气熏天，村民不敢开窗；2、猪粪水直接排进村前的小河。")).toEqual(["大气", "水"].sort());
  });

  it("does not count negated or resolved problems", () => {
    expect(types("没有什么异味，就是粉尘大，屋顶全是灰。")).toEqual(["大气"]);
    expect(types("原来的粉尘问题解决了，但是现在晚上机器声很大，吵得睡不着。")).toEqual(["噪声"]);
    expect(types("之前的废水问题已经整改了，现在主要是晚上噪音扰民。")).toEqual(["噪声"]);
    expect(types("不是噪音的问题，是臭，猪场的臭味熏得人受不了。")).toEqual(["大气"]);
  });

  it("keeps a problem that came back after rectification", () => {
    expect(types("整改后又反弹，废水还是偷偷直排进河里。")).toEqual(["水"]);
  });

  it("combines 其他 with another type only for a decisive 其他 matter (私搭乱建, 危房), as real tables do", () => {
    for (const t of ["对面商场的LED大屏亮到半夜", "镇政府对村民反映的问题推诿扯皮", "粉尘大", "某厂废水直排", "违章建筑里的作坊噪音扰民"]) {
      const labels = types(t);
      expect(labels.length === 1 || !labels.includes("其他"), t).toBe(true);
    }
    expect(types("饭馆在消防通道私搭乱盖厨房，排放油烟，污染空气。")).toEqual(["其他", "大气"].sort());
    expect(types("小区山脚下堆满垃圾，危房没有拆除，存在安全隐患。")).toContain("其他");
  });

  it("adds 其他 for works without their environmental permit in the eight-class scheme, as Tianjin's 建设项目, but not for a suspicion", () => {
    const eight = (text: string) =>
      classify(text, { scheme: "eight" })
        .types.map((t) => t.label)
        .sort();
    // written as Tianjin's tables write it (建设项目、工业三堆扬尘、工业企业噪声)
    expect(eight("滨海新区某搅拌站无环保手续，每天夜间生产混凝土，噪声及扬尘污染严重。")).toEqual(["其他", "噪声", "大气"].sort());
    expect(eight("某工业园有一家加工厂没有环评手续，每天24小时生产，废水直排。")).toEqual(["其他", "水"].sort());
    // the seven-class tables write the pollution alone (round 6 N138 Benxi, N150 Panjin; round 7 N172 Taizhou)
    expect(types("某工业园有一家加工厂没有环评手续，每天24小时生产，废水直排。")).toEqual(["水"]);
    expect(types("某公司无环评手续，违规建设生产线，废气超标排放。")).toEqual(["大气"]);
    // …and a permit complaint with no pollution is still 其他
    expect(types("某村一家铸造厂无环评手续，仍在生产。")).toEqual(["其他"]);
    // every word marked 八类 in types.tsv's 方案 column behaves so
    const marked = [...loadLexicon().types.values()].flat().filter((e) => e.besideIn === "eight");
    expect(marked.length).toBeGreaterThanOrEqual(7);
    for (const { term } of marked) {
      const text = `某厂${term}，废水直排小河。`;
      expect(types(text), text).toEqual(["水"]);
      expect(eight(text), text).toEqual(["其他", "水"].sort());
    }
    // a suspicion is no decisive cue: 怀疑…未办理环评手续 beside waste water is only 水
    expect(eight("搅拌站下雨天将废水排入河里，投诉人怀疑该搅拌站未办理环评手续。")).toEqual(["水"]);
    // asking for the permit is no absence of it
    expect(eight("某厂废水直排，要求公开环评手续。")).toEqual(["水"]);
  });

  it("reads permits incomplete as permits missing, in the eight-class scheme only (round-9 row N223, round-7 row N191)", () => {
    const eight = (text: string) =>
      classify(text, { scheme: "eight" })
        .types.map((t) => t.label)
        .sort();
    // Tianjin 2018 writes 建设项目 异味污染; Zhejiang 其它、垃圾、水
    expect(eight("某小区附近某彩色印刷有限公司每天8:30-22:00进行黑白印刷，异味大，且环保手续不全。")).toEqual(["其他", "大气"].sort());
    expect(eight("某工业园内一家服装辅料公司生产设备环评手续不齐；每天排放污水120吨。")).toEqual(["其他", "水"].sort());
    // the seven-class tables write the pollution alone beside a missing permit
    expect(types("某小区附近某彩色印刷有限公司每天8:30-22:00进行黑白印刷，异味大，且环保手续不全。")).toEqual(["大气"]);
  });

  it("reads 废料 as waste, as 废渣 (round-9 row N200: 偷排废气废料 is 大气、固废)", () => {
    const eight = (text: string) =>
      classify(text, { scheme: "eight" })
        .types.map((t) => t.label)
        .sort();
    expect(eight("某区某化工有限公司经常晚上偷排废气废料。")).toEqual(["固废", "大气"].sort());
    // in the seven-class scheme waste beside another pollution with no cue of where it lies adds nothing
    expect(types("某区某化工有限公司经常晚上偷排废气废料。")).toEqual(["大气"]);
    expect(eight("没有什么废料，就是晚上噪音扰民。")).toEqual(["噪声"]);
  });

  it("reads groundwater as water pollution only when its clause says it is polluted (cls16: rows N076, N217, N230 against N012, N199)", () => {
    // round-10 row N230 (Henan, written 土壤): dumped waste that 污深[染]地下水源 is about the waste
    expect(types("某实业有限公司处理的工业废渣倒在某水泥厂东西两侧，约50万吨，严重影响村民正常生活，污深地下水源。")).toEqual(["土壤"]);
    // round-9 row N217 (written 土壤) and dev row N076 (written 生态、其他): a resource or a water level
    expect(types("某村霸破坏400余亩耕地的违法问题，其中破坏耕地挖百余亩大型鱼塘，后期需要抽取大量的地下水资源。")).not.toContain("水");
    expect(types("原某煤矿关闭后十多年一直没有污染治理，生态破坏严重，地下水位上涨，粮田沼泽化。")).not.toContain("水");
    // polluted groundwater stays decisive 水 (dev N012, round-8 N199: both written with 水)
    expect(types("某村东北角有养牛户，将粪便冲刷到附近坑塘内，异味大，污染地下水。")).toEqual(["大气", "水"].sort());
    expect(types("某村办公室寨子坡位置非法采石导致地下水受污染，植被被破坏。")).toEqual(["水", "生态"].sort());
    // the pollution word may stand anywhere in the clause, in any form (types.tsv's 同句 column)
    expect(types("某村非法采石导致地下水遭到污染，植被被破坏。")).toEqual(["水", "生态"].sort());
    expect(types("某村非法采石污染了地下水，植被被破坏。")).toEqual(["水", "生态"].sort());
  });

  it("reads water that dried up as ecological damage (cls19: rows N122, N133, N139; the corpus's small hydropower stations)", () => {
    // round-6 row N139 (Benxi, written 水,生态): wells that dried up after water was drawn off
    expect(types("某供水公司在某社区小河背沟做水库引水工程，铺设地下管网，导致小河背沟11户人家自留水井干枯。")).toContain("生态");
    // dev row N122 (Guangdong, written 生态、水): a reservoir that dried up
    expect(types("某镇水库以前的水源干净可以引用，现在水库干涸。")).toContain("生态");
    expect(types("某水电站把河水全部引走发电，下游河道常年断流。")).toContain("生态");
    // the words give no 水 of their own: a river drawn dry is 生态 alone in the corpus
    expect(types("某小水电站建成后，下游两公里河床干涸。")).toEqual(["生态"]);
    // 干枯 and 枯竭 count only when their clause names water: withered leaves are no dried-up river
    expect(types("某化工厂夜间偷排废气，周边菜地里的菜叶干枯。")).toEqual(["大气"]);
    // negated, they give nothing
    expect(types("河水没有干涸，就是晚上搅拌站噪音扰民。")).not.toContain("生态");
  });

  it("reads fire safety as a matter that is no pollution (其他) beside the pollution (cls19: rows N112, N178, R013)", () => {
    // dev row N112 (Chongqing, written 噪音,其他污染)
    expect(types("某小区楼下废品收购门市排放噪声扰民。投诉人担心该废品收购站滋生蚊虫，存在火灾隐患。")).toEqual(["其他", "噪声"].sort());
    // round-7 row N178 (Hunan, written 大气,其他污染)
    expect(types("小区内很多大垃圾桶露天敞开异味扰民；小区大门口成为了垃圾中转点，堵塞消防通道。")).toEqual(["其他", "大气"].sort());
    // a safety hazard that is not about fire stays a hint: four real rows write it without 其他
    expect(types("某村原宅基地上露天堆放各种垃圾，严重污染地下水及土壤，存在安全隐患。")).not.toContain("其他");
  });

  it("reads a traffic jam as a matter that is no pollution (其他) beside the horns", () => {
    expect(types("内环出口堵车严重；车辆鸣笛声，夜间飙车噪声扰民。")).toEqual(["其他", "噪声"].sort());
  });

  it("reads a pump as a noise source and stealthy waste gas as air, not as water (round-6 rows N149, N151)", () => {
    expect(types("滨河小区46号楼南侧15米处的自来水泵及供暖泵，产生噪声扰民")).toEqual(["噪声"]);
    expect(types("化工厂距居民区约100米，这些企业夜间偷排工业废气，影响周围居民生活。")).toEqual(["大气"]);
    // 偷排 with a water word is still water
    expect(types("某厂夜间偷排，河水发黑发臭。")).toContain("水");
  });

  it("reads a verb of discharge as a hint: what is discharged decides (dev row N115)", () => {
    expect(types("工业园区个别企业长期在凌晨到清晨六点以前偷排，群众长期闻到一种胶臭味道。")).toEqual(["大气"]);
    expect(types("某厂将生产废水偷排入河。")).toEqual(["水"]);
    expect(types("养殖场粪水排进村前小溪。")).toEqual(["水"]);
  });

  it("reads polluted land as 土壤, and food safety and a shed put up without permission as 其他 matters (round-6 rows N154, N157, N156)", () => {
    expect(types("某化工有限公司的生产废水未经处理直排地下，污染土地；公司生产时异味严重扰民。")).toEqual(["土壤", "大气", "水"].sort());
    expect(types("某村村民在家喂猪并提炼地沟油，废水直排，希望政府尽快处理。")).toEqual(["其他", "水"].sort());
    const shed = "某小区进门处配电箱旁私自搭建的停车棚遮挡，周围长期堆放生活垃圾。";
    expect(classify(shed, { scheme: "eight" }).types.map((t) => t.label)).toEqual(expect.arrayContaining(["固废", "其他"]));
    // 土地 alone stays a hint: land use is not pollution of the land
    expect(types("某公司违法占用土地建厂房，生产时粉尘很大。")).not.toContain("土壤");
  });

  it("shows the words behind each label, taken from the text, with a confidence", () => {
    const text = "某采石场粉尘漫天，放炮和破碎机的噪音从早到晚不停。";
    const r = classify(text);
    for (const t of r.types) {
      expect(t.confidence).toBeGreaterThanOrEqual(0.5);
      expect(t.confidence).toBeLessThanOrEqual(1);
      expect(t.evidence.length).toBeGreaterThan(0);
      for (const w of t.evidence) expect(text).toContain(w);
    }
    expect(r.types.find((t) => t.label === "大气")!.evidence).toContain("粉尘");
    expect(r.types.find((t) => t.label === "噪声")!.evidence).toContain("噪音");
  });

  it("reads XX placeholders as a name, not as letters", () => {
    expect(classify("郴州市XX矿业有限公司选矿废水直排").target).toBe("某矿业有限公司");
  });
});

describe("sub-types and themes", () => {
  it("predicts sub-types only under a predicted type", () => {
    const r = classify("某小区旁工地每天夜间施工到凌晨两点，打桩机吵得居民睡不着。");
    expect(r.subtypes.map((s) => s.label)).toContain("施工噪声");
    expect(r.subtypes.every((s) => ["施工噪声", "社会生活噪声", "工业噪声", "交通噪声"].includes(s.label))).toBe(true);
  });

  it("recognises the inspection's priority themes with their cues", () => {
    const r = classify("郴州某冶炼厂未批先建，烟囱冒黑烟，多次举报一直没有解决，环保局不作为。");
    const themes = r.themes.map((t) => t.label);
    expect(themes).toEqual(expect.arrayContaining(["two-high", "repeat-rectification", "responsibility"]));
    expect(r.themes.find((t) => t.label === "responsibility")!.evidence).toContain("不作为");
  });
});

describe("重点件 suggestion", () => {
  it("suggests a key case for a strong rule and says why", () => {
    const r = classify("某选矿厂废水直排东江湖饮用水源保护区，附近村民井水发黄。");
    expect(r.keyCase.suggested).toBe(true);
    expect(r.keyCase.reasons.map((x) => x.rule)).toContain("drinking-water");
  });

  it("needs two weak rules when no strong one fires", () => {
    expect(classify("工地夜间施工，离学校不到100米。").keyCase.suggested).toBe(false);
    const two = classify("工地夜间施工，离学校不到100米，多次举报一直未解决。").keyCase;
    expect(two.suggested).toBe(true);
    expect(two.reasons.map((x) => x.rule).sort()).toEqual(["repeat", "sensitive-site"]);
  });

  it("reads quantities for scale, in digits and Chinese numerals", () => {
    const r = classify("尾矿冲进下游农田，三百多亩稻田颗粒无收，全村都受影响。").keyCase;
    expect(r.reasons.find((x) => x.rule === "large-scale")!.evidence).toEqual(expect.arrayContaining(["三百多亩"]));
    expect(classify("某厂堆了20吨废渣").keyCase.reasons.some((x) => x.rule === "large-scale")).toBe(false);
  });

  it("counts harm to people as harm to health, not dead fish, livestock or trees", () => {
    expect(classify("村里多人患癌症死亡，怀疑与冶炼厂排放有关。").keyCase.reasons.map((x) => x.rule)).toContain("health");
    expect(classify("有人中毒住院，怀疑是废气导致。").keyCase.reasons.map((x) => x.rule)).toContain("health");
    for (const t of [
      "河里大量鱼类死亡，怀疑上游企业偷排废水。",
      "厂区周边树木大面积死亡，叶子发黄。",
      "养殖户的鸡鸭生病死亡，怀疑井水被污染。",
      "稻田里的禾苗死亡，庄稼绝收。",
    ]) {
      expect(
        classify(t).keyCase.reasons.map((x) => x.rule),
        t,
      ).not.toContain("health");
    }
  });

  it("ignores a negated cue", () => {
    expect(classify("附近没有学校，工地夜间施工扰民，多次举报。").keyCase.reasons.map((x) => x.rule)).toEqual(["repeat"]);
  });
});

describe("complaint target and place", () => {
  it.each([
    ["北湖区华塘镇某石材加工厂生产时粉尘大", "某石材加工厂", "华塘镇"],
    ["群众反映：苏仙区白露塘镇一家烧烤店油烟直排", "烧烤店", "白露塘镇"],
    ["资兴市东江湖周边某养猪场粪污直排", "某养猪场", undefined],
    ["湖南金旺铋业股份有限公司冶炼废气扰民", "金旺铋业股份有限公司", undefined],
    ["反映郴州大道边上那个搅拌站灰尘大", "搅拌站", undefined],
  ])("%s -> %s @ %s", (text, target, town) => {
    const r = classify(text);
    expect(r.target).toBe(target);
    expect(r.place?.town).toBe(town);
  });

  it("prefers the polluter over the housing estate where the complainant lives", () => {
    expect(classify("金桂小区居民反映，小区对面的宏达砖厂冒黑烟").target).toBe("宏达砖厂");
  });
});

describe("sub-types named by their source (data/lexicon/subtype-cues.tsv)", () => {
  const sub = (text: string) => classify(text).subtypes.find((s) => s.label === "养殖废水");

  it("gives a livestock farm's waste water the sub-type 养殖废水, with the farm word as evidence", () => {
    // real row N049 (华容县 2017, written 畜禽养殖污染): the model alone said 生活污水
    expect(sub("华容县章华镇治湖村九、十、十一组居民养猪，从镇上收集潲水，污水对环境影响很大。")?.evidence).toEqual(["养猪"]);
    // real row N169: the cue is found inside a longer word
    expect(sub("福州市闽侯县荆溪镇桐口林场桃田村山脚下，养猪场，污水直接排入桐溪。")?.evidence).toContain("养猪场");
  });

  it("gives no type: a farm's smell stays 大气, and a slaughterhouse or a restaurant's swill is no farm", () => {
    const smell = classify("村里的养猪场臭气熏天，晚上都不敢开窗。");
    expect(smell.types.map((t) => t.label)).toEqual(["大气"]);
    expect(smell.subtypes.map((s) => s.label)).not.toContain("养殖废水");
    // real row N158 (杀猪场 contains 猪场) and the sample's restaurant (潲水)
    expect(sub("达州市长江食品生猪杀猪场污水、噪声、臭气扰民")).toBeUndefined();
    expect(sub("餐馆餐厨废水直接倒进下水道，潲水直接往郴江里倒。")).toBeUndefined();
  });
});
