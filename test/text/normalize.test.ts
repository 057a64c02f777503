/**
 * The one text-normalisation module, with the cases each of the copies it replaced handled: the
 * label, header and county-cell keys (model/vocabulary, ingest/columns, geo/resolve), the
 * redactor's same-length fold (text/redact), the fine amounts (analyze/enforcement), the 重点件
 * quantities (classify/keycase) and the batch numbers (ingest/normalize).
 */
import { describe, expect, it } from "vitest";
import { readQuantity } from "../../src/classify/keycase.js";
import { normalizeHeader } from "../../src/ingest/columns.js";
import { parseBatch } from "../../src/ingest/normalize.js";
import { normalizeLabel } from "../../src/model/vocabulary.js";
import { compact, foldFullWidth, parseChineseNumber } from "../../src/text/normalize.js";
import { foldForMatching } from "../../src/text/redact.js";

describe("foldFullWidth", () => {
  it("turns full-width ASCII forms into ASCII and the ideographic space into a space", () => {
    expect(foldFullWidth("ＡＢ１２３（甲）＋８６　ｘ＠ｙ．ｃｎ～！")).toBe("AB123(甲)+86 x@y.cn~!");
  });

  it("keeps every character in place (one for one), and leaves Chinese and half-width text alone", () => {
    const text = "电话：１３８　００１３　８０００，地址：Ｘ村";
    const folded = foldFullWidth(text);
    expect(folded).toHaveLength(text.length);
    expect(folded).toBe("电话:138 0013 8000,地址:X村");
    expect(foldFullWidth("噪声扰民 abc 123")).toBe("噪声扰民 abc 123");
  });

  it("folds only the characters asked for", () => {
    expect(foldFullWidth("１２，３４。（Ａ）", /[\uff10-\uff19]/g)).toBe("12，34。（Ａ）");
  });

  it("folds for the redactor the forms its patterns match, not the full-width punctuation of Chinese text", () => {
    expect(foldForMatching("联系：１３８－００１３－８０００，（Ｘ）")).toBe("联系：138-0013-8000，(X)");
    expect(foldForMatching("电话一三八零零一三八零零零")).toBe("电话13800138000");
  });
});

describe("compact and the keys built on it", () => {
  it("folds and removes every white space, line breaks and ideographic spaces included", () => {
    expect(compact(" 郴州市\n北湖区（Ａ）\u3000\t")).toBe("郴州市北湖区(A)");
  });

  it("makes labels, headers and county cells comparable however they are typed", () => {
    expect(normalizeLabel("  噪　声。")).toBe("噪声");
    expect(normalizeLabel("（大气）")).toBe("大气");
    expect(normalizeHeader("交办问题\n基本情况（举报内容）")).toBe("交办问题基本情况");
    expect(normalizeHeader("＊受理编号：")).toBe("受理编号");
    expect(normalizeHeader("行政区域（市、区）")).toBe("行政区域(市、区)");
  });
});

describe("parseChineseNumber", () => {
  it.each([
    ["30000", 30000],
    ["3.5万", 35000],
    ["五万", 50000],
    ["十二万", 120000],
    ["一万五千", 15000],
    ["2万5千", 25000],
    ["1,200", 1200],
    ["1，200", 1200],
    ["１，２００", 1200],
    ["３．５万", 35000],
    ["三千零五十", 3050],
    ["一百零五", 105],
    ["两千", 2000],
    ["十", 10],
    ["一十", 10],
    ["二十一", 21],
    ["壹佰贰拾", 120],
    ["1亿2000万", 120_000_000],
    ["二十万零五千", 205_000],
    ["零", 0],
    ["　十二　", 12],
  ])("%s = %d", (text, value) => expect(parseChineseNumber(text)).toBe(value));

  it.each(["", "若干", "二〇", "五零", "零五", "十十", "五十百", "十二三", "三四十", "几百", "一万 五千"])("%j is no number", (text) => {
    expect(parseChineseNumber(text)).toBeUndefined();
  });

  it("reads sizes as estimates when asked: 几 as 2, a range by its upper end, 上百 as 100", () => {
    const read = (s: string) => parseChineseNumber(s, { approximate: true });
    expect(read("几百")).toBe(200);
    expect(read("十几")).toBe(12);
    expect(read("几万")).toBe(20000);
    expect(read("三四十")).toBe(40);
    expect(read("一两百")).toBe(200);
    expect(read("上百")).toBe(100);
    expect(read("上万")).toBe(10000);
    // what is left of 数万 / 近万人: how many is not written
    expect(read("万")).toBeUndefined();
    expect(read("十二")).toBe(12);
  });
});

describe("the readers built on parseChineseNumber", () => {
  it("reads a 重点件 quantity as before", () => {
    for (const [s, n] of [
      ["120", 120],
      ["3.5", 3.5],
      ["三十", 30],
      ["两千", 2000],
      ["几百", 200],
      ["上千", 1000],
      ["一万二千", 12000],
      ["三四十", 40],
    ] as const) {
      expect(readQuantity(s)).toBe(n);
    }
  });

  it("reads a batch as before: digits, full-width digits and numerals up to 第九十九批; 0 and nonsense are none", () => {
    expect(parseBatch("3")).toBe(3);
    expect(parseBatch(" 第３批 ")).toBe(3);
    expect(parseBatch("第十二批")).toBe(12);
    expect(parseBatch("二十一")).toBe(21);
    expect(parseBatch("第二十批次")).toBe(20);
    expect(parseBatch("第　九十九　批")).toBe(99);
    expect(parseBatch("0")).toBeUndefined();
    expect(parseBatch("零")).toBeUndefined();
    expect(parseBatch("二〇")).toBeUndefined();
    expect(parseBatch("第1000批")).toBeUndefined();
    expect(parseBatch("第三批（补充）")).toBeUndefined();
  });
});
