import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { dataPath } from "../../src/util/paths.js";
import {
  POLLUTION_TYPES,
  PollutionType,
  channelFromCaseNo,
  normalizeLabel,
  parseCategory,
  parsePollutionTypes,
  parseStatus,
  parseVerification,
} from "../../src/model/vocabulary.js";

describe("vocabularies", () => {
  it("keeps the official values as data and English names in code", () => {
    expect(PollutionType.Air).toBe("大气");
    expect(POLLUTION_TYPES).toEqual(["大气", "水", "噪声", "土壤", "固废", "生态", "辐射", "其他"]);
  });

  it("splits multi-valued 污染类型 on 、 , ， ; / and spaces, normalising variants", () => {
    expect(parsePollutionTypes("大气、噪音")).toEqual({ values: ["大气", "噪声"], unknown: [] });
    expect(parsePollutionTypes("扬尘,油烟，恶臭 废气")).toEqual({ values: ["大气"], unknown: [] });
    expect(parsePollutionTypes("垃圾/固体废物；生态破坏")).toEqual({ values: ["固废", "生态"], unknown: [] });
    expect(parsePollutionTypes("其它污染")).toEqual({ values: ["其他"], unknown: [] });
    expect(parsePollutionTypes("群众身边的生态环境问题")).toEqual({ values: [], unknown: [], noType: true });
  });

  it("reads a list closed by 等 as the types named, but keeps 等 on its own or after an unknown word unknown", () => {
    expect(parsePollutionTypes("噪声、等")).toEqual({ values: ["噪声"], unknown: ["等"] });
    expect(parsePollutionTypes("管理等")).toEqual({ values: [], unknown: ["管理等"] });
  });

  // DOMAIN.md section 6: every variant seen in published tables loads and maps
  it.each([
    ["商业散煤", ["大气"]],
    ["生活散煤", ["大气"]],
    ["交通噪声", ["噪声"]],
    ["拆迁扬尘", ["大气"]],
    ["施工扬尘", ["大气"]],
    ["区域异味", ["大气"]],
    ["餐饮污染", ["大气"]],
    ["工业废水", ["水"]],
    ["粉尘", ["大气"]],
    ["建设项目 电磁辐射", ["辐射"]],
    ["工业企业噪声 异味污染", ["噪声", "大气"]],
    ["交通噪声,餐饮污染", ["噪声", "大气"]],
    ["施工噪声、施工扬尘", ["噪声", "大气"]],
    ["气面源", ["大气"]],
    ["1、政府管理 2、气面源 3、气工业源", ["其他", "大气"]],
    ["大气,水", ["大气", "水"]],
    ["噪音", ["噪声"]],
    ["垃圾", ["固废"]],
    ["垃圾、其他", ["固废", "其他"]],
    ["声", ["噪声"]],
    ["油烟、噪声", ["大气", "噪声"]],
    ["固废污染", ["固废"]],
    ["生态环境", ["生态"]],
    ["生态破坏", ["生态"]],
    ["大气 水 固(危)废", ["大气", "水", "固废"]],
    ["水 扬尘", ["水", "大气"]],
    ["机动车尾气", ["大气"]],
    ["其他噪声", ["噪声"]],
    ["社会生活噪声", ["噪声"]],
    ["海洋", ["水"]],
    // the central inspection of 中国黄金集团 2021 labels by activity (round 6, N143–N144)
    ["矿山开发", ["生态"]],
    // 会昌 (Jiangxi provincial 2023) 第二十四批 writes mining as 矿产开采 (round 11)
    ["矿产开采", ["生态"]],
    ["尾渣尾矿", ["固废"]],
    // a list closed by 等 ("etc."): 咸宁 central 2024 (round 7, N189)
    ["辐射、噪声、固废等", ["辐射", "噪声", "固废"]],
    ["大气等", ["大气"]],
    // 湖州 2023 第1批 writes the medium as 涉气 (round 8)
    ["涉气", ["大气"]],
  ])("maps the published variant %s", (cell, values) => {
    expect(parsePollutionTypes(cell)).toEqual({ values, unknown: [] });
  });

  it("reads every 污染类型 cell of the real rows (data/labelled/real) without an unknown part", () => {
    const cells = readFileSync(dataPath("labelled", "real", "rows.tsv"), "utf8")
      .trim()
      .split("\n")
      .slice(1)
      .map((l) => l.split("\t")[2]!);
    expect(cells.length).toBeGreaterThan(100);
    for (const c of cells) {
      const p = parsePollutionTypes(c);
      expect(p.unknown, c).toEqual([]);
      expect(p.values.length > 0 || p.noType, c).toBe(true);
    }
  });

  it("reads all eleven classes of Hunan's 2017 scheme", () => {
    const old = ["大气污染", "噪声污染", "生态破坏", "餐饮油烟", "垃圾污染", "畜禽养殖", "水污染", "固废污染", "重金属污染", "扬尘污染", "其它污染"];
    const mapped = old.map((o) => parsePollutionTypes(o));
    expect(mapped.every((m) => m.unknown.length === 0 && m.values.length > 0)).toBe(true);
    expect(mapped.map((m) => m.values.join("+"))).toEqual(["大气", "噪声", "生态", "大气", "固废", "水+大气", "水", "固废", "土壤", "大气", "其他"]);
  });

  it("normalises 是否属实, 办理状态 and 案卷类别 variants", () => {
    expect(["属实", "是", "基本属实", "部分属实", "部份属实", "不属实", "否"].map(parseVerification)).toEqual([
      "属实",
      "属实",
      "基本属实",
      "部分属实",
      "部分属实",
      "不属实",
      "不属实",
    ]);
    expect(["已办结", "阶段性办结", "正在办理", "未办结", "办理中", "拟销号", " 已办结。"].map(parseStatus)).toEqual([
      "已办结",
      "阶段性办结",
      "正在办理",
      "正在办理",
      "正在办理",
      "阶段性办结",
      "已办结",
    ]);
    expect(["重点件", "一般件", "一般"].map(parseCategory)).toEqual(["重点件", "一般件", "一般件"]);
    expect(parseVerification("待核实")).toBeUndefined();
  });

  it("reads the channel from a Hunan 受理编号", () => {
    expect(channelFromCaseNo("D2YU202403200003")).toBe("来电");
    expect(channelFromCaseNo("X2CZ202306260003")).toBe("来信");
    expect(channelFromCaseNo("123")).toBeUndefined();
  });

  it("folds full-width characters and trims punctuation", () => {
    expect(normalizeLabel(" 噪音。")).toBe("噪音");
    expect(normalizeLabel("（大气）")).toBe("大气");
  });
});
