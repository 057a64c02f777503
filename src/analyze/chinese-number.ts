const DIGITS: Readonly<Record<string, number>> = {
  零: 0, 〇: 0, 一: 1, 壹: 1, 二: 2, 贰: 2, 两: 2, 三: 3, 叁: 3, 四: 4, 肆: 4,
  五: 5, 伍: 5, 六: 6, 陆: 6, 七: 7, 柒: 7, 八: 8, 捌: 8, 九: 9, 玖: 9,
};
const SMALL_UNITS: Readonly<Record<string, number>> = { 十: 10, 拾: 10, 百: 100, 佰: 100, 千: 1000, 仟: 1000 };
const BIG_UNITS: Readonly<Record<string, number>> = { 万: 1e4, 萬: 1e4, 亿: 1e8 };

/** The characters a number may be written with: Arabic digits, Chinese numerals and units. */
export const NUMBER_CHARS = "0-9０-９.．,，零〇一壹二贰两三叁四肆五伍六陆七柒八捌九玖十拾百佰千仟万萬亿";

/**
 * Read a number written with Arabic digits, Chinese numerals or both: "30000" -> 30000,
 * "3.5万" -> 35000, "五万" -> 50000, "十二万" -> 120000, "一万五千" -> 15000, "2万5千" -> 25000,
 * "1,200" -> 1200. Returns undefined when the text is not a number.
 */
export function parseChineseNumber(text: string): number | undefined {
  const s = text
    .replace(/[０-９．]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/(\d)[,，](?=\d{3})/g, "$1")
    .trim();
  if (!s) return undefined;
  if (/^\d+(?:\.\d+)?$/.test(s)) return Number(s);
  let total = 0; // completed 亿/万 sections
  let section = 0; // the current section below 万
  let pending: number | undefined; // a number waiting for its unit
  let seen = false;
  for (let i = 0; i < s.length; ) {
    const m = /^\d+(?:\.\d+)?/.exec(s.slice(i));
    if (m) {
      if (pending !== undefined) return undefined;
      pending = Number(m[0]);
      i += m[0].length;
      seen = true;
      continue;
    }
    const ch = s[i]!;
    if (ch in DIGITS) {
      if (pending !== undefined && DIGITS[ch] !== 0) return undefined;
      pending = DIGITS[ch] === 0 ? pending : DIGITS[ch];
      seen = true;
    } else if (ch in SMALL_UNITS) {
      section += (pending ?? 1) * SMALL_UNITS[ch]!;
      pending = undefined;
      seen = true;
    } else if (ch in BIG_UNITS) {
      const unit = BIG_UNITS[ch]!;
      const value = (section + (pending ?? 0)) || (seen ? 0 : 1);
      total = unit > 1e4 ? (total + value) * unit : total + value * unit;
      section = 0;
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
