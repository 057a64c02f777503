import { describe, expect, it } from "vitest";
import { parseChineseNumber } from "../../src/text/normalize.js";
import { enforcementByCounty } from "../../src/analyze/enforcement-by-county.js";
import { parseEnforcement } from "../../src/analyze/enforcement.js";
import { complaint } from "./helpers.js";

describe("parseChineseNumber", () => {
  it.each([
    ["30000", 30000],
    ["3.5万", 35000],
    ["五万", 50000],
    ["十二万", 120000],
    ["一万五千", 15000],
    ["2万5千", 25000],
    ["1,200", 1200],
    ["三千零五十", 3050],
    ["两千", 2000],
    ["一百二十", 120],
    ["1亿2000万", 120_000_000],
    ["２万", 20000],
  ])("%s = %d", (text, value) => expect(parseChineseNumber(text)).toBe(value));

  it("is undefined for what is not a number", () => {
    expect(parseChineseNumber("若干")).toBeUndefined();
    expect(parseChineseNumber("")).toBeUndefined();
  });
});

const yuan = (t: string) => parseEnforcement(t).fines.map((f) => f.yuan);

describe("parseEnforcement: fines", () => {
  it.each([
    ["依法罚款5万元。", [50000]],
    ["对该企业罚款人民币30000元", [30000]],
    ["已罚款3.5万元", [35000]],
    ["罚款五万元", [50000]],
    ["处以1.5万元罚款", [15000]],
    ["并处罚款2000元", [2000]],
    ["对两家企业分别罚款2万元、3万元和5000元", [20000, 30000, 5000]],
    ["郴州市生态环境局永兴分局依法罚款人民币2.3万元", [23000]],
    ["罚没款1万元", [10000]],
    ["罚款金额共计12万元", [120000]],
  ])("%s", (text, expected) => expect(yuan(text)).toEqual(expected));

  it("marks 余 amounts as approximate lower bounds", () => {
    expect(parseEnforcement("共计罚款2万余元").fines).toEqual([{ yuan: 20000, text: "共计罚款2万余元", approximate: true }]);
  });

  it("uses the stated total instead of its items", () => {
    const e = parseEnforcement("对A厂罚款2万元，对B厂罚款3万元，共计罚款5万元。");
    expect(e.fineYuan).toBe(50000);
    expect(e.fines).toHaveLength(1);
  });

  it("adds several separate fines of one text", () => {
    expect(parseEnforcement("1、对甲公司罚款1万元；2、对乙公司罚款人民币8000元。").fineYuan).toBe(18000);
  });

  it("reads no fine when none was imposed", () => {
    expect(parseEnforcement("经核查，反映问题不属实，未罚款。").fines).toEqual([]);
    expect(parseEnforcement("责令整改，暂不予罚款").fineYuan).toBe(0);
  });
});

describe("parseEnforcement: actions and persons", () => {
  it("reads a typical 郴州 text", () => {
    const e = parseEnforcement(
      "1、郴州市生态环境局苏仙分局已责令其完善废气收集处理设施；2、郴州市生态环境局苏仙分局责令其拆除违规排放口；3、对其环境违法行为依法立案调查，已罚款12万元；4、约谈飞天山镇分管负责人等1人。",
    );
    expect(e).toMatchObject({ cases: 1, fineYuan: 120000, orders: 2, suspensions: 0, interviewed: 1, accountable: 0 });
  });

  it("counts 立案, not 不予立案", () => {
    expect(parseEnforcement("对甲厂立案处罚，对乙厂立案调查；丙厂不予立案。").cases).toBe(2);
  });

  it("tells suspensions and seizures from orders", () => {
    expect(parseEnforcement("责令停产整治，查封扣押生产设备2台。")).toMatchObject({ suspensions: 1, seizures: 1, orders: 0 });
    expect(parseEnforcement("责令限期整改。")).toMatchObject({ orders: 1 });
    expect(parseEnforcement("已移送公安机关行政拘留。")).toMatchObject({ transfers: 1 });
  });

  it.each([
    ["约谈洋塘乡分管负责人、荷坳村党支部书记等3人", 3, 0],
    ["对飞天山镇分管负责人进行约谈", 1, 0],
    ["约谈相关负责人", 1, 0],
    ["约谈2名村干部，问责1人", 2, 1],
    ["对3名责任人进行问责，其中诫勉谈话1人", 0, 3],
    ["给予党纪处分2人，通报批评1人", 0, 3],
    ["对镇分管领导诫勉谈话", 0, 1],
    ["约谈五人", 5, 0],
  ])("persons in %s", (text, interviewed, accountable) => {
    expect(parseEnforcement(text)).toMatchObject({ interviewed, accountable });
  });

  it("takes persons from 责任人被处理情况 when the rectification text names none", () => {
    expect(parseEnforcement("责令整改", "对洋塘乡分管负责人、村支书共2人进行约谈").interviewed).toBe(2);
    // no double count when both columns report the same interview
    expect(parseEnforcement("约谈2人", "对2人进行约谈").interviewed).toBe(2);
  });

  it("is empty for empty text", () => {
    expect(parseEnforcement(undefined)).toMatchObject({ cases: 0, fines: [], orders: 0, interviewed: 0 });
  });
});

describe("enforcementByCounty", () => {
  it("totals per county", () => {
    const r = enforcementByCounty([
      complaint({ county: "431003", rectification: "立案处罚，罚款5万元，约谈2人" }),
      complaint({ county: "431003", rectification: "罚款人民币30000元" }),
      complaint({ county: "431081", rectification: "经核查不属实" }),
    ]);
    expect(r.byCounty).toEqual([
      expect.objectContaining({ county: "431003", countyName: "苏仙区", records: 2, withAction: 2, cases: 1, fines: 2, fineYuan: 80000, interviewed: 2 }),
      expect.objectContaining({ county: "431081", records: 1, withAction: 0, fineYuan: 0 }),
    ]);
    expect(r.total).toMatchObject({ records: 3, withAction: 2, fines: 2, fineYuan: 80000 });
  });
});
