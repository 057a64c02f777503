import { describe, expect, it } from "vitest";
import { REDACTED, findPii, redact, redactComplaint } from "../../src/text/redact.js";

describe("redact", () => {
  it.each([
    ["联系电话13907351234。", "联系电话【已隐去】。"],
    ["手机 139 0735 1234", "手机 【已隐去】"],
    ["电话+86-139-0735-1234", "电话【已隐去】"],
    ["座机0735-2223344", "座机【已隐去】"],
    ["座机（0735）2223344", "座机【已隐去】"],
    ["电话：2223344", "电话：【已隐去】"],
    ["身份证号430102198507153216", "身份证号【已隐去】"],
    ["身份证43010219850715321X，", "身份证【已隐去】，"],
    ["身份证号码：430102850715321", "身份证号码：【已隐去】"],
    ["邮箱 wang.xm@163.com", "邮箱 【已隐去】"],
    ["QQ：12345678", "QQ：【已隐去】"],
    ["微信号：wang_xm88", "微信号：【已隐去】"],
  ])("%s", (text, expected) => {
    expect(redact(text)).toBe(expected);
  });

  it("removes names where the text introduces the complainant", () => {
    expect(redact("举报人张三反映，某厂粉尘大")).toBe(`举报人${REDACTED}反映，某厂粉尘大`);
    expect(redact("本人李某，家住白露塘镇")).toBe(`本人${REDACTED}，家住白露塘镇`);
    expect(redact("我叫王小明，住在北湖区")).toBe(`我叫${REDACTED}，住在北湖区`);
    expect(redact("投诉人为赵某某，")).toBe(`投诉人为${REDACTED}，`);
    expect(redact("联系人：欧阳娜娜 电话")).toBe(`联系人：${REDACTED} 电话`);
    expect(redact("张建国来电反映村里砂场扬尘")).toBe(`${REDACTED}来电反映村里砂场扬尘`);
  });

  it("leaves enterprises, places, officials and ordinary numbers alone", () => {
    const keep = [
      "举报人反映镇长刘某不作为，张三石材厂夜间生产。",
      "郴州来电反映某冶炼厂废气。",
      "来电人称：某养猪场臭气熏天。",
      "举报人家住桂阳县，罚款50000元，2023年6月26日交办，编号D2CZ202306260001。",
      "距离学校不到200米，已经三年了，每天排放12000吨。",
    ];
    for (const t of keep) expect(redact(t)).toBe(t);
  });

  it("reports what it found with positions", () => {
    const t = "举报人张三，电话13907351234";
    expect(findPii(t).map((m) => [m.kind, t.slice(m.start, m.end)])).toEqual([["name", "张三"], ["mobile", "13907351234"]]);
  });

  it("redacts every text field and raw cell of a record, and blanks personal-data columns", () => {
    const rec = {
      text: "举报人张三反映", findings: "经核实举报人张三所述属实", rectification: "电话13907351234回访", accountability: "无",
      raw: { 交办问题基本情况: "举报人张三反映", 联系电话: "0735-2223344", 举报人: "张三", 行政区域: "北湖区" },
    };
    const r = redactComplaint(rec);
    expect(r.text).toBe(`举报人${REDACTED}反映`);
    expect(r.rectification).toBe(`电话${REDACTED}回访`);
    expect(r.raw).toEqual({ 交办问题基本情况: `举报人${REDACTED}反映`, 联系电话: REDACTED, 举报人: REDACTED, 行政区域: "北湖区" });
    expect(rec.text).toBe("举报人张三反映"); // the original is untouched
  });
});
