/**
 * Dates as they appear in Chinese government tables: Excel serial numbers (45106), 2023/6/29,
 * 2023-06-29, 2023.6.29, 20230629, 2023年6月29日, and 6月29日 (the year from context).
 * Times after the date are ignored. Results are ISO "YYYY-MM-DD".
 */

const pad = (n: number) => String(n).padStart(2, "0");

function iso(y: number, m: number, d: number): string | undefined {
  if (y < 1990 || y > 2100 || m < 1 || m > 12 || d < 1) return undefined;
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return d <= days ? `${y}-${pad(m)}-${pad(d)}` : undefined;
}

/** Excel's day 0 is 1899-12-30 (its 1900 leap-year bug is before any date we read). */
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

export function fromExcelSerial(serial: number): string | undefined {
  if (!(serial >= 32874 && serial < 73051)) return undefined; // 1990-01-01 .. 2099-12-31
  const d = new Date(EXCEL_EPOCH + Math.floor(serial) * 86_400_000);
  return iso(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

const FULL = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?/;
/** Deadlines written as a period: 2023年7月底前, 2023年9月中旬, 2023年底前, 2023年12月 */
const PERIOD = /^(\d{4})\s*年\s*(?:(\d{1,2})\s*月\s*(底|末|上旬|中旬|下旬)?|(底|末))/;
const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();
const COMPACT = /^(\d{4})(\d{2})(\d{2})(?:\D|$)/;
const MONTH_DAY = /^(\d{1,2})\s*月\s*(\d{1,2})\s*日?|^(\d{1,2})[/-](\d{1,2})$/;
const SERIAL = /^\d{5}(?:\.\d+)?$/;

/** A date cell read: the ISO date, or why it is not one. */
export type DateParse = { ok: true; date: string } | { ok: false; reason: "empty" | "no-year" | "invalid" };

/**
 * Parse a date cell. `year` supplies the year of "6月29日"-style cells; without it they fail
 * with reason "no-year".
 */
export function parseDate(cell: string, year?: number): DateParse {
  const s = cell.trim().replace(/[\uFF10-\uFF19]/g, (c) => String(c.charCodeAt(0) - 0xff10));
  if (!s) return { ok: false, reason: "empty" };
  let m = FULL.exec(s);
  if (m) {
    const d = iso(+m[1]!, +m[2]!, +m[3]!);
    return d ? { ok: true, date: d } : { ok: false, reason: "invalid" };
  }
  if (SERIAL.test(s)) {
    const d = fromExcelSerial(Number(s));
    return d ? { ok: true, date: d } : { ok: false, reason: "invalid" };
  }
  m = PERIOD.exec(s);
  if (m) {
    // the last day of the period: a deadline "by the end of July" is 07-31
    const y = +m[1]!;
    if (m[4] || !m[2]) return { ok: true, date: `${y}-12-31` };
    const mo = +m[2];
    if (mo < 1 || mo > 12) return { ok: false, reason: "invalid" };
    const day = m[3] === "上旬" ? 10 : m[3] === "中旬" ? 20 : lastDay(y, mo);
    return { ok: true, date: iso(y, mo, day)! };
  }
  m = COMPACT.exec(s);
  if (m) {
    const d = iso(+m[1]!, +m[2]!, +m[3]!);
    return d ? { ok: true, date: d } : { ok: false, reason: "invalid" };
  }
  m = MONTH_DAY.exec(s);
  if (m) {
    if (year === undefined) return { ok: false, reason: "no-year" };
    const d = iso(year, +(m[1] ?? m[3])!, +(m[2] ?? m[4])!);
    return d ? { ok: true, date: d } : { ok: false, reason: "invalid" };
  }
  return { ok: false, reason: "invalid" };
}

/** The year a cell states explicitly, for inferring the year of "6月29日" cells. */
export function explicitYear(cell: string): number | undefined {
  const s = cell.trim();
  const m = FULL.exec(s) ?? COMPACT.exec(s);
  if (m) return +m[1]!;
  if (SERIAL.test(s)) {
    const d = fromExcelSerial(Number(s));
    return d ? +d.slice(0, 4) : undefined;
  }
  return undefined;
}

/** "截至2023年8月31日", "截止2023-08-31": the as-of date of a status snapshot. */
export function findAsOfDate(text: string): string | undefined {
  const m = /截[至止](?:到)?\s*(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})/.exec(text);
  return m ? iso(+m[1]!, +m[2]!, +m[3]!) : undefined;
}
