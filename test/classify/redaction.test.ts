import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { classify } from "../../src/classify/index.js";
import { loadRealRows } from "../../src/classify/real.js";
import { REDACTED, redact } from "../../src/text/redact.js";

/**
 * The redaction mark and what it replaced are never features: a redacted complaint gets exactly
 * the classification of its original (labels, confidences, themes, 重点件, evidence, target).
 * The dashboard classifies redacted texts and `ducha stats` the originals; their counts agree.
 */

// complaint sentences in the register of published tables (development rows only)
const sentences = loadRealRows()
  .filter((r) => r.split === "dev")
  .map((r) => r.text.slice(0, 120));
const digit = fc.integer({ min: 0, max: 9 }).map(String);
const digits = (n: number) => fc.array(digit, { minLength: n, maxLength: n }).map((d) => d.join(""));
const mobile = fc.tuple(fc.constantFrom("13", "15", "17", "18", "19"), digits(9)).map(([a, b]) => a + b);
const landline = fc.tuple(fc.constantFrom("0735-", "0731-", "(0735)"), digits(7)).map(([a, b]) => a + b);
const idCard = fc
  .tuple(digits(6), fc.integer({ min: 1950, max: 2005 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 }), digits(3))
  .map(([area, y, m, d, s]) => `${area.replace(/^0/, "4")}${y}${String(m).padStart(2, "0")}${String(d).padStart(2, "0")}${s}X`);
const name = fc
  .tuple(fc.constantFrom("张", "李", "王", "刘", "陈", "欧阳", "黄", "周"), fc.constantFrom("伟", "秀英", "建国", "小明", "某", "某某", "强"))
  .map(([s, g]) => s + g);
const pii = fc.oneof(
  mobile,
  landline,
  idCard,
  fc.tuple(fc.constantFrom("举报人", "来电人", "投诉人", "信访人"), name).map(([k, n]) => `${k}${n}，`),
  fc.tuple(name, mobile).map(([n, m]) => `${n}，${m}，`),
  fc.tuple(fc.constantFrom("联系电话：", "电话", "手机："), mobile).map(([k, m]) => `${k}${m}。`),
);
const complaint = fc
  .array(fc.tuple(fc.constantFrom(...sentences), fc.option(pii)), { minLength: 1, maxLength: 3 })
  .map((parts) => parts.map(([s, p]) => (p ? `${p}${s}` : s)).join(""));

describe("redaction and classification", () => {
  it("a redacted text is classified exactly as its original (property, development rows with personal data)", () => {
    fc.assert(
      fc.property(complaint, (text) => {
        const red = redact(text);
        expect(classify(red)).toEqual(classify(text));
      }),
      { numRuns: 150, seed: 9 },
    );
  });

  it("the mark itself gives nothing: evidence never contains a piece of it", () => {
    const c = classify(`群众反映，${REDACTED}反映党政同责落实不到位，某厂粉尘大，${REDACTED}多次举报，监管部门不作为。`);
    for (const l of [...c.types, ...c.subtypes, ...c.themes]) for (const w of l.evidence) expect("【已隐去】".includes(w) || w.includes("隐去")).toBe(false);
  });

  it("a complainant's name and phone before the text change no label", () => {
    // given names that are also words of the lexicons (森林, 保护, 环保, 湘江, 清水, 绿地)
    const wordName = fc
      .tuple(fc.constantFrom("陈", "王", "赵", "周", "李"), fc.constantFrom("森林", "保护", "环保", "湘江", "清水", "绿地"))
      .map(([s, g]) => s + g);
    const anyName = fc.oneof(name, wordName);
    const prefix = fc.oneof(
      fc.tuple(anyName, mobile).map(([n, m]) => `${n}，${m}，`),
      fc.tuple(anyName, mobile).map(([n, m]) => `举报人${n}（电话${m}）反映：`),
      fc.tuple(anyName, landline).map(([n, l]) => `来电人：${n}，联系电话：${l}。`),
      fc.tuple(anyName, mobile, idCard).map(([n, m, id]) => `${n} ${m} 身份证${id} `),
      // names nothing introduces (redacted since pii20)
      anyName.map((n) => `${n}说：`),
      fc.tuple(anyName, anyName).map(([a, b]) => `${a}和${b}反映，`),
      fc.tuple(anyName, mobile).map(([n, m]) => `请联系${n}，手机${m}。`),
    );
    const labels = (t: string) => {
      const c = classify(t);
      return { types: c.types.map((x) => x.label), subtypes: c.subtypes.map((x) => x.label), themes: c.themes.map((x) => x.label), key: c.keyCase.suggested };
    };
    fc.assert(
      fc.property(prefix, fc.constantFrom(...sentences), (p, text) => {
        expect(labels(p + text)).toEqual(labels(text));
      }),
      { numRuns: 150, seed: 4 },
    );
  });
});
