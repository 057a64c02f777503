import { readFileSync } from "node:fs";
import { dataPath } from "../util/paths.js";

/** The visible mark that replaces personal data. */
export const REDACTED = "【已隐去】";

/** The kinds of personal data redaction finds. */
export type PiiKind = "mobile" | "landline" | "id-card" | "email" | "qq" | "wechat" | "name";

/** A piece of personal data found in a text: its kind and where it is. */
export interface PiiMatch {
  kind: PiiKind;
  start: number;
  end: number;
  text: string;
}

let surnameRe: string | undefined;

/** The surname alternation from data/dict/surnames.txt, compound surnames first. */
export function surnames(): string {
  if (surnameRe) return surnameRe;
  const words = readFileSync(dataPath("dict", "surnames.txt"), "utf8")
    .split("\n")
    .filter((l) => !l.startsWith("#"))
    .flatMap((l) => l.trim().split(/\s+/))
    .filter(Boolean)
    .sort((a, b) => b.length - a.length);
  surnameRe = words.join("|");
  return surnameRe;
}

const D = "(?<![0-9０-９])";
const E = "(?![0-9０-９])";
const SEP = "[-－—\\s]?";

/** Patterns for data that identifies a person, most specific first. */
function patterns(): [PiiKind, RegExp][] {
  const cjk = "[\\u4e00-\\u9fa5]";
  // what may follow a name: a stop word or punctuation ends it
  const after = "(?=[，,。.；;：:、\\s（(）)！!？?]|反映|举报|来电|来信|称|说|表示|投诉|家住|住在|住|电话|手机|联系|身份证|系|是|在|于|向|的|等|及|和|多次|一家|夫妇|村民|居民|$)";
  return [
    ["email", /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g],
    // 18-digit ID with a plausible birth date; 15-digit old IDs only after a keyword
    ["id-card", new RegExp(`${D}[1-9]\\d{5}(?:19|20)\\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\\d|3[01])\\d{3}[\\dXx]${E}`, "g")],
    ["id-card", new RegExp(`(?<=身份证(?:号码|号)?[:：\\s]*)\\d{15}${E}`, "g")],
    ["mobile", new RegExp(`${D}(?:\\+?86${SEP})?1[3-9]\\d${SEP}\\d{4}${SEP}\\d{4}${E}`, "g")],
    ["landline", new RegExp(`${D}(?:[(（]0\\d{2,3}[)）]|0\\d{2,3}${SEP})\\d{7,8}${E}`, "g")],
    // a local number right after 电话/座机/联系方式
    ["landline", new RegExp(`(?<=(?:电话|座机|固话|联系方式|号码)(?:号码|是|为)?[:：\\s]*)\\d{7,8}${E}`, "g")],
    ["qq", /(?<=(?:QQ|qq|Qq|扣扣)(?:号码|号)?[:：\s]*)\d{5,11}(?!\d)/g],
    ["wechat", /(?<=(?:微信|微信号|VX|vx|Vx|WX|wx|WeChat|wechat)(?:号码|号)?[:：\s]*)[A-Za-z][-_A-Za-z0-9]{5,19}/g],
    // a name introduced as the complainant's: 举报人张三, 本人李某, 我叫王小明, 联系人：赵某某
    [
      "name",
      new RegExp(
        `(?<=(?:举报人|来电人|来信人|投诉人|反映人|信访人|报案人|控告人|当事人|本人|我叫|名叫|姓名|联系人|署名|落款)(?:为|系|是|叫)?[:：\\s]*)` +
          `(?:${surnames()})(?:某某|某|XX|xx|ＸＸ|\\*{1,2}|${cjk}{1,2}?)${after}`,
        "g",
      ),
    ],
    // a name opening the complaint: 张三来电反映…
    ["name", new RegExp(`^(?:${surnames()})(?:某某|某|${cjk}{1,2}?)(?=来电|来信|反映|举报|投诉)`, "g")],
  ];
}

let compiled: [PiiKind, RegExp][] | undefined;

/**
 * What every piece of personal data needs somewhere in the text: five digits in a row (phone,
 * ID, QQ), an e-mail's @, a WeChat mention, a word that introduces the complainant, or a
 * surname opening the text before 来电/反映. Text without any of these (most cells) skips the
 * full set of patterns.
 */
let gate: RegExp | undefined;
function gateRe(): RegExp {
  gate ??= new RegExp(
    "[0-9０-９]{5}|[0-9]{3}[-\\s][0-9]{4}|[@＠]|微信|VX|vx|Vx|WX|wx|WeChat|wechat|举报人|来电人|来信人|投诉人|反映人|信访人|报案人|控告人|当事人|本人|我叫|名叫|姓名|联系人|署名|落款" +
      `|^(?:${surnames()})[\\u4e00-\\u9fa5]{0,3}?(?:来电|来信|反映|举报|投诉)`,
  );
  return gate;
}

/** Whether a text may contain personal data (a fast check before {@link findPii}). */
export function mayContainPii(text: string): boolean {
  return gateRe().test(text);
}

const DIGITS = /[0-9０-９]{5}|[0-9]{3}[-\s][0-9]{4}/;
const AT = /[@＠]/;
const WECHAT = /微信|VX|vx|Vx|WX|wx|WeChat|wechat/;
const GROUP: Record<PiiKind, RegExp | "names"> = {
  email: AT, "id-card": DIGITS, mobile: DIGITS, landline: DIGITS, qq: DIGITS, wechat: WECHAT, name: "names",
};

/** Every piece of personal data found in a text, in order, without overlaps. */
export function findPii(text: string): PiiMatch[] {
  if (!text || !gateRe().test(text)) return [];
  compiled ??= patterns();
  // run each group of patterns only when its own cheap precondition holds
  const ok = new Map<RegExp | "names", boolean>();
  const found: PiiMatch[] = [];
  for (const [kind, re] of compiled) {
    const g = GROUP[kind];
    let pass = ok.get(g);
    if (pass === undefined) {
      pass = g === "names" ? NAME_TRIGGER.test(text) || nameStart().test(text) : g.test(text);
      ok.set(g, pass);
    }
    if (!pass) continue;
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      if (!m[0]) {
        re.lastIndex++;
        continue;
      }
      const start = m.index;
      const end = start + m[0].length;
      if (!found.some((f) => start < f.end && end > f.start)) found.push({ kind, start, end, text: m[0] });
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

const NAME_TRIGGER = /举报人|来电人|来信人|投诉人|反映人|信访人|报案人|控告人|当事人|本人|我叫|名叫|姓名|联系人|署名|落款/;
let nameStartRe: RegExp | undefined;
const nameStart = () => (nameStartRe ??= new RegExp(`^(?:${surnames()})[\\u4e00-\\u9fa5]{0,3}?(?:来电|来信|反映|举报|投诉)`));

/**
 * Replace the complainant's phone numbers, ID-card numbers, e-mail, QQ and WeChat ids and
 * name (where the text introduces the complainant) with 【已隐去】. Enterprise names, places
 * and officials' titles are left as they are.
 */
export function redact(text: string): string {
  if (!text) return text;
  const found = findPii(text);
  if (!found.length) return text;
  let out = "";
  let at = 0;
  for (const f of found) {
    out += text.slice(at, f.start) + REDACTED;
    at = f.end;
  }
  return out + text.slice(at);
}

/** Columns whose whole content is personal data: blanked, not searched. */
const PII_COLUMNS = /^(举报人|来电人|来信人|投诉人|信访人|反映人|联系人|姓名|联系电话|联系方式|电话|手机|手机号码?|身份证(号码?)?|证件号码?|邮箱|电子邮箱|QQ|微信)(姓名|号码|电话)?$/i;

/** Whether a column header names personal data (举报人, 联系电话, 身份证号 …): such columns are never exported. */
export function isPiiColumn(header: string): boolean {
  return PII_COLUMNS.test(header.replace(/\s+/g, ""));
}

/**
 * A copy of a complaint fit to leave the library: every free-text field and raw cell redacted,
 * and columns that hold only personal data (举报人, 联系电话…) replaced by the mark.
 */
export function redactComplaint<T extends { text: string; raw: Record<string, string>; findings?: string; rectification?: string; accountability?: string }>(rec: T): T {
  const raw: Record<string, string> = {};
  for (const [k, v] of Object.entries(rec.raw)) raw[k] = v && isPiiColumn(k) ? REDACTED : redact(v);
  const out: T = { ...rec, text: redact(rec.text), raw };
  if (rec.findings) out.findings = redact(rec.findings);
  if (rec.rectification) out.rectification = redact(rec.rectification);
  if (rec.accountability) out.accountability = redact(rec.accountability);
  return out;
}
