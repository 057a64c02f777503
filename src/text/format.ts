/**
 * How figures and dates are written for readers, in one place: the CLI, the report, the charts
 * and the dashboard all show a percentage, a count or a date the same way. No imports: safe in a
 * browser and in the light core.
 *
 * Conventions for what is not known: a rate or figure that cannot be given reads {@link NO_DATA}
 * (“无数据”, never 0 or 0%), with the reason beside it where there is room; an empty table cell
 * reads {@link NO_VALUE} (“—”).
 */

/** A figure the table cannot give (no such column, every cell blank): “无数据”, never 0. */
export const NO_DATA = "无数据";

/** An empty cell in a table of figures: “—”. */
export const NO_VALUE = "—";

/** The key of a value the table does not give (no 是否属实, no date, no type): “（未填）”. */
export const MISSING = "（未填）";

/**
 * The 督察重点 key of a complaint that touches none of the priority themes: “未涉及”. Not （未填）:
 * themes come from the classifier, never from an input cell, so nothing was left blank.
 */
export const NO_THEME = "未涉及";

/** The county key of a complaint whose county could not be resolved: “（未识别）”. */
export const UNRESOLVED = "（未识别）";

/** 0.1234 -> "12.3%" (`digits` after the point, default 1); null or undefined -> "—". */
export function formatPercent(share: number | null | undefined, digits = 1): string {
  return share === null || share === undefined ? NO_VALUE : `${(share * 100).toFixed(digits)}%`;
}

let integerFormat: Intl.NumberFormat | undefined;

/**
 * 12345 -> "12,345": a count with thousands separators, as zh-CN writes it (what
 * `toLocaleString("zh-CN")` gives, with one formatter for every call instead of one per call).
 * A safe integer is grouped by hand: the formatter's first construction loads the locale's data,
 * 25-60 ms of a dashboard page's first second (Chromium, the 50,000-case benchmark).
 */
export function formatInteger(n: number): string {
  if (Number.isSafeInteger(n) && !Object.is(n, -0)) {
    const digits = String(Math.abs(n));
    const grouped = digits.length > 3 ? digits.replace(/\B(?=(\d{3})+$)/g, ",") : digits;
    return n < 0 ? `-${grouped}` : grouped;
  }
  return (integerFormat ??= new Intl.NumberFormat("zh-CN")).format(n);
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** "2023-07-16" -> "2023年7月16日"; anything else as given; null or undefined -> "". */
export function formatDate(iso: string | null | undefined): string {
  const m = iso ? ISO_DATE.exec(iso) : null;
  return m ? `${m[1]}年${Number(m[2])}月${Number(m[3])}日` : (iso ?? "");
}

/** "2023-07-16" -> "7月16日" (the year is clear from the context); anything else as given. */
export function formatMonthDay(iso: string): string {
  const m = ISO_DATE.exec(iso);
  return m ? `${Number(m[2])}月${Number(m[3])}日` : iso;
}

/**
 * A span of days: "2023年6月26日至7月16日" (the year written once when both days share it),
 * "2022年12月30日至2023年1月3日", or one day when `from` and `to` are the same.
 */
export function formatDateRange(from: string, to: string): string {
  if (from === to) return formatDate(from);
  if (ISO_DATE.test(from) && ISO_DATE.test(to) && from.slice(0, 4) === to.slice(0, 4)) return `${formatDate(from)}至${formatMonthDay(to)}`;
  return `${formatDate(from)}至${formatDate(to)}`;
}

/** Whether `text` is a day written "2023-07-16" (the form the formatters above turn into Chinese). */
export const isIsoDate = (text: string): boolean => ISO_DATE.test(text);

/**
 * Fines are written in 万元, as the published tables write them (罚款2.3万元, 罚款人民币9.5万元):
 * {@link toWan} is the figure of a table cell (a number, so a spreadsheet can add it up; the
 * column header says “（万元）”), {@link formatWan} that cell as shown, with two decimals in
 * every row of the column (4.00, 12.35, 合计 1,482.55), and {@link formatFine} an amount in a
 * sentence, unit included (共计 16.5 万元; below 1 万元 in 元: 5,000 元).
 */
export const toWan = (yuan: number): number => Math.round(yuan / 100) / 100;

/** 4 -> "4.00", 1482.55 -> "1,482.55": a 罚款金额（万元） cell, from its figure in 万元 ({@link toWan}). */
export function formatWan(wan: number): string {
  const [whole, cents] = Math.abs(wan).toFixed(2).split(".") as [string, string];
  return `${wan < 0 ? "-" : ""}${formatInteger(Number(whole))}.${cents}`;
}

/** 165000 -> "16.5 万元", 5000 -> "5,000 元": a fine in a sentence. */
export const formatFine = (yuan: number): string => (yuan >= 10_000 ? `${(yuan / 10_000).toFixed(2).replace(/\.?0+$/, "")} 万元` : `${formatInteger(yuan)} 元`);
