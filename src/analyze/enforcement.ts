import { NUMBER_CHARS, parseChineseNumber } from "../text/normalize.js";

/** A fine found in the text, in yuan. */
export interface Fine {
  yuan: number;
  /** the words it was read from, e.g. "罚款人民币2.3万元" */
  text: string;
  /** "2万余元": the amount is a lower bound */
  approximate: boolean;
}

/**
 * The enforcement actions one 处理和整改情况 text reports (rules in docs/analytics.md).
 * Counts are mentions of the action; persons are head counts.
 */
export interface Enforcement {
  /** 立案 (立案处罚, 立案调查, 依法立案) */
  cases: number;
  fines: Fine[];
  /** sum of `fines` (the stated totals when the text gives 共计/合计 and items) */
  fineYuan: number;
  /** 责令 … (整改, 改正, 拆除, 完善 …) and 限期整改, other than suspensions */
  orders: number;
  /** 责令停产 / 停业 / 停止生产 / 停工 / 关停 */
  suspensions: number;
  /** 查封 / 扣押 (查封扣押 once) */
  seizures: number;
  /** 移送公安 / 移送司法 / 行政拘留 */
  transfers: number;
  /** persons 约谈 */
  interviewed: number;
  /** persons 问责 (else the persons given 诫勉谈话, 处分, 通报批评, 免职) */
  accountable: number;
}

export const NO_ENFORCEMENT: Readonly<Enforcement> = Object.freeze({
  cases: 0,
  fines: [],
  fineYuan: 0,
  orders: 0,
  suspensions: 0,
  seizures: 0,
  transfers: 0,
  interviewed: 0,
  accountable: 0,
});

/** A clause: the text between 。；;！!? line breaks and list markers "1、" "（2）". */
function clauses(text: string): string[] {
  return text
    .split(/[。；;！!？?\n\r]+|(?:^|[，,\s])[（(]?\d{1,2}[）)、.．](?!\d)/)
    .map((s) => s.trim())
    .filter(Boolean);
}

const NEGATION = /(?:未|不予|免予|免于|无需|不需要?|暂不|没有|尚未|未予|不再)$/;
const negated = (clause: string, at: number) => NEGATION.test(clause.slice(Math.max(0, at - 4), at));

const AMOUNT = `([${NUMBER_CHARS}]+)(余|多)?元`;
/** 罚款(金额)(共计)(人民币)X元 | 处(以)X元(的)罚款 | 罚款 X万元、Y万元 */
const FINE_AFTER = new RegExp(`(共计|合计|总计|累计)?罚(?:没)?款(?:金额)?(?:共计|合计|总计|共|计)?(?:人民币)?${AMOUNT}`, "g");
const FINE_BEFORE = new RegExp(`(共计|合计|总计|累计)?(?:处以?|并处|作出|给予)(?:人民币)?${AMOUNT}(?:的)?罚(?:没)?款`, "g");
/** further amounts listed after a fine: "、3万元" "和5000元" */
const MORE_AMOUNTS = new RegExp(`^(?:[、，,和及与]\\s*(?:人民币)?${AMOUNT})`);

function amountOf(m: RegExpExecArray, offset: number): { yuan: number; approximate: boolean } | undefined {
  const yuan = parseChineseNumber(m[offset] ?? "");
  if (yuan === undefined || yuan <= 0) return undefined;
  return { yuan: Math.round(yuan * 100) / 100, approximate: Boolean(m[offset + 1]) };
}

function parseFines(text: string): Fine[] {
  const items: (Fine & { total: boolean; at: number })[] = [];
  const seen = new Set<number>();
  for (const re of [FINE_AFTER, FINE_BEFORE]) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      if (seen.has(m.index) || negated(text, m.index)) continue;
      seen.add(m.index);
      const a = amountOf(m, 2);
      if (!a) continue;
      items.push({ ...a, text: m[0], total: Boolean(m[1]), at: m.index });
      // "分别罚款2万元、3万元"
      let rest = text.slice(m.index + m[0].length);
      for (let more = MORE_AMOUNTS.exec(rest); more; more = MORE_AMOUNTS.exec(rest)) {
        const b = amountOf(more, 1);
        if (!b) break;
        items.push({ ...b, text: more[0].replace(/^[、，,和及与]\s*/, ""), total: false, at: m.index + 1 });
        rest = rest.slice(more[0].length);
      }
    }
  }
  items.sort((a, b) => a.at - b.at);
  const totals = items.filter((f) => f.total);
  const use = totals.length && totals.length < items.length ? totals : items;
  return use.map(({ yuan, text: t, approximate }) => ({ yuan, text: t, approximate }));
}

const COUNT = new RegExp(`([${NUMBER_CHARS.replace(/[.．,，万萬亿]/g, "")}]+)\\s*(?:人|名)(?![次户家个])`);
const COUNT_ALL = new RegExp(COUNT.source, "g");

/**
 * Persons for each mention of a keyword: the "N人/N名" after it (up to the next keyword or the
 * clause end), else before it in the same stretch ("对…3人进行约谈"), else 1.
 */
function persons(clause: string, keyword: RegExp, stops: RegExp): number {
  let total = 0;
  const re = new RegExp(keyword.source, "g");
  let prevEnd = 0;
  for (let m = re.exec(clause); m; m = re.exec(clause)) {
    if (negated(clause, m.index)) {
      prevEnd = m.index + m[0].length;
      continue;
    }
    const after = clause.slice(m.index + m[0].length);
    const stop = after.search(stops);
    const window = stop >= 0 ? after.slice(0, stop) : after;
    const before = clause.slice(prevEnd, m.index);
    const beforeStop = Math.max(...[...before.matchAll(new RegExp(stops.source, "g"))].map((x) => (x.index ?? 0) + x[0].length), 0);
    const n = COUNT.exec(window)?.[1] ?? [...before.slice(beforeStop).matchAll(COUNT_ALL)].at(-1)?.[1];
    total += (n ? parseChineseNumber(n) : undefined) ?? 1;
    prevEnd = m.index + m[0].length;
  }
  return total;
}

const INTERVIEW = /约谈/;
const ACCOUNT = /问责/;
const ACCOUNT_FORMS = /诫勉谈话|诫勉|(?:党纪|政务|行政|警告|记过|记大过|降级|撤职)处分|(?:给予|予以)?处分|通报批评|免职|撤职/;
const PERSON_STOPS = /约谈|问责|诫勉|处分|通报批评|免职|撤职|立案|罚款|责令/;

function count(clause: string, re: RegExp): number {
  let n = 0;
  const g = new RegExp(re.source, "g");
  for (let m = g.exec(clause); m; m = g.exec(clause)) if (!negated(clause, m.index)) n++;
  return n;
}

const CASE = /立案/;
const SUSPENSION_ORDER = /责令(?:其|该(?:厂|企业|公司|场|矿))?(?:立即)?(?:停产|停业|停止生产|停止建设|停止施工|停工|关停|关闭)/;
const SUSPENSION = new RegExp(`${SUSPENSION_ORDER.source}|停产整治|停产整顿|停业整顿|停止生产|关停`);
const SEIZURE = /查封(?:、|和|及|并)?扣押|查封|扣押/;
const TRANSFER = /移送(?:公安|司法|检察)(?:[^，,。；;]{0,8}?(?:行政|刑事)拘留)?|(?:行政|刑事)拘留/;

/**
 * Read the enforcement actions of one 处理和整改情况 text (and, for persons only, the
 * 责任人被处理情况 text when the first names none). Pure: same text, same result.
 *
 *   parseEnforcement("依法立案处罚，罚款人民币3万元；约谈2人") ->
 *     { cases: 1, fines: [{ yuan: 30000, ... }], fineYuan: 30000, interviewed: 2, ... }
 */
export function parseEnforcement(text: string | undefined, accountability?: string): Enforcement {
  if (!text && !accountability) return { ...NO_ENFORCEMENT, fines: [] };
  const t = text ?? "";
  const fines = parseFines(t);
  const out: Enforcement = { ...NO_ENFORCEMENT, fines, fineYuan: Math.round(fines.reduce((s, f) => s + f.yuan, 0) * 100) / 100 };
  for (const c of clauses(t)) {
    out.cases += count(c, CASE);
    const suspensions = count(c, SUSPENSION);
    out.suspensions += suspensions;
    // a 责令 that orders a suspension is not also an order to rectify
    const suspensionOrders = count(c, SUSPENSION_ORDER);
    const limit = count(c, /限期(?:整改|改正)/) - count(c, /责令(?:其)?限期(?:整改|改正)/);
    out.orders += count(c, /责令/) - suspensionOrders + Math.max(0, limit);
    out.seizures += count(c, SEIZURE);
    out.transfers += count(c, TRANSFER);
  }
  const people = (source: string) => {
    let interviewed = 0;
    let accountable = 0;
    let forms = 0;
    for (const c of clauses(source)) {
      interviewed += persons(c, INTERVIEW, PERSON_STOPS);
      accountable += persons(c, ACCOUNT, PERSON_STOPS);
      forms += persons(c, ACCOUNT_FORMS, PERSON_STOPS);
    }
    return { interviewed, accountable: accountable || forms };
  };
  let p = people(t);
  if (!p.interviewed && !p.accountable && accountability) p = people(accountability);
  out.interviewed = p.interviewed;
  out.accountable = p.accountable;
  return out;
}

/** Whether a record reports any action. */
export const hasAction = (e: Enforcement): boolean =>
  e.cases + e.fines.length + e.orders + e.suspensions + e.seizures + e.transfers + e.interviewed + e.accountable > 0;
