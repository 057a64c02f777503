/**
 * Text as tables and complaints write it, made comparable, in one place: full-width forms
 * folded to ASCII (１２３, ＡＢ, （）), white space squeezed out of labels and headers, and numbers
 * written with Chinese numerals read as numbers (十二, 3.5万, 三四十). No imports: safe in a
 * browser and in the light core (the official vocabularies use it).
 */

// ---------------------------------------------------------------------------------------------
// Full-width forms
// ---------------------------------------------------------------------------------------------

/** The full-width forms of ASCII ！..～ (U+FF01–U+FF5E) and the ideographic space U+3000. */
export const FULL_WIDTH = /[\uFF01-\uFF5E\u3000]/g;

/** One full-width form as ASCII ("１" -> "1", "（" -> "("), the ideographic space as a space. */
export const halfWidth = (c: string): string => (c === "\u3000" ? " " : String.fromCharCode(c.charCodeAt(0) - 0xfee0));

/**
 * Full-width forms as ASCII and the ideographic space as a space: "ＡＢ１２３（甲）" ->
 * "AB123(甲)". Every character maps to one character, so a position found in the result is the
 * same position in `text`. `only` (a global regexp matching a subset of the full-width forms U+FF01–U+FF5E and U+3000)
 * narrows what is folded, for a caller that must leave, say, Chinese punctuation as it is.
 */
export function foldFullWidth(text: string, only: RegExp = FULL_WIDTH): string {
  return text.replace(only, halfWidth);
}

/**
 * A label or header as a key: full-width folded and every white space removed (the ideographic
 * space and line breaks inside a merged header too): " 郴州市\n北湖区（Ａ） " -> "郴州市北湖区(A)".
 */
export function compact(text: string): string {
  return foldFullWidth(text).replace(/\s+/g, "");
}

// ---------------------------------------------------------------------------------------------
// Chinese numerals
// ---------------------------------------------------------------------------------------------

const DIGITS: Readonly<Record<string, number>> = {
  零: 0,
  〇: 0,
  一: 1,
  壹: 1,
  二: 2,
  贰: 2,
  两: 2,
  三: 3,
  叁: 3,
  四: 4,
  肆: 4,
  五: 5,
  伍: 5,
  六: 6,
  陆: 6,
  七: 7,
  柒: 7,
  八: 8,
  捌: 8,
  九: 9,
  玖: 9,
};
const SMALL_UNITS: Readonly<Record<string, number>> = { 十: 10, 拾: 10, 百: 100, 佰: 100, 千: 1000, 仟: 1000 };
const BIG_UNITS: Readonly<Record<string, number>> = { 万: 1e4, 萬: 1e4, 亿: 1e8 };

/** The characters a number may be written with: Arabic digits, Chinese numerals and units (a regexp class body). */
export const NUMBER_CHARS = "0-9０-９.．,，零〇一壹二贰两三叁四肆五伍六陆七柒八捌九玖十拾百佰千仟万萬亿";

/** How loosely {@link parseChineseNumber} reads. */
export interface NumberReading {
  /**
   * Read a number as an estimate, the way complaints give sizes: 几 as 2 (几百 = at least a
   * couple of hundred), a range by its upper end (三四十 = 40, 一两百 = 200), 上百/上千 as 100/1000.
   * A 万 or 亿 with nothing before it (what is left of 数万, 近万) is no number.
   */
  approximate?: boolean;
}

/**
 * Read a number written with Arabic digits, Chinese numerals or both: "30000" -> 30000,
 * "3.5万" -> 35000, "五万" -> 50000, "十二万" -> 120000, "一万五千" -> 15000, "2万5千" -> 25000,
 * "一百零五" -> 105, "1,200" -> 1200, "１２" -> 12. Returns undefined when the text is not a number.
 * With `approximate`, also "几百" -> 200, "三四十" -> 40, "上千" -> 1000 ({@link NumberReading}).
 */
export function parseChineseNumber(text: string, reading: NumberReading = {}): number | undefined {
  const approximate = reading.approximate === true;
  const s = foldFullWidth(text)
    .replace(/(\d),(?=\d{3})/g, "$1") // 1,200 and 1，200 (folded to ",")
    .trim();
  if (!s) return undefined;
  if (/^\d+(?:\.\d+)?$/.test(s)) return Number(s);
  if (approximate) {
    const up = /^上([十百千万])$/.exec(s);
    if (up) return SMALL_UNITS[up[1]!] ?? BIG_UNITS[up[1]!];
  }
  let total = 0; // completed 亿/万 sections
  let section = 0; // the current section below 万
  let pending: number | undefined; // a number waiting for its unit
  let smallest = Infinity; // the last of 十/百/千 in the current section
  let seen = false;
  for (let i = 0; i < s.length;) {
    const m = /^\d+(?:\.\d+)?/.exec(s.slice(i));
    if (m) {
      if (pending !== undefined) return undefined;
      pending = Number(m[0]);
      i += m[0].length;
      seen = true;
      continue;
    }
    const ch = s[i]!;
    const digit = approximate && ch === "几" ? 2 : DIGITS[ch];
    if (digit !== undefined) {
      // 零 holds a place (一百零五), it does not lead (零五); a digit after a digit is an error
      // (二〇, 十二三), or in an estimate a range (三四十)
      if (!approximate && (pending !== undefined || (digit === 0 && !seen && s.length > 1))) return undefined;
      pending = digit === 0 ? pending : digit;
      seen = true;
    } else if (ch in SMALL_UNITS) {
      const unit = SMALL_UNITS[ch]!;
      // units fall within a section (三千零五十); 十十 or 五十百 is no number
      if (!approximate && unit >= smallest) return undefined;
      section += (pending ?? 1) * unit;
      smallest = unit;
      pending = undefined;
      seen = true;
    } else if (ch in BIG_UNITS) {
      if (approximate && !seen) return undefined;
      const unit = BIG_UNITS[ch]!;
      const value = section + (pending ?? 0) || (seen ? 0 : 1);
      total = unit > 1e4 ? (total + value) * unit : total + value * unit;
      section = 0;
      smallest = Infinity;
      pending = undefined;
      seen = true;
    } else {
      return undefined;
    }
    i++;
  }
  if (!seen) return undefined;
  return total + section + (pending ?? 0);
}
