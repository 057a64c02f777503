import { readFileSync } from "node:fs";
import { dataPath } from "../util/paths.js";
import { stripControls } from "./controls.js";
import { foldFullWidth } from "./normalize.js";

export { stripControls } from "./controls.js";

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

// ---------------------------------------------------------------------------------------------
// Folding: the patterns run on a copy of the text of the same length (every character maps to
// one character), so positions found in the copy are positions in the text.
// ---------------------------------------------------------------------------------------------

const CN_DIGIT: Record<string, string> = {
  〇: "0",
  零: "0",
  一: "1",
  幺: "1",
  二: "2",
  两: "2",
  三: "3",
  四: "4",
  五: "5",
  六: "6",
  七: "7",
  八: "8",
  九: "9",
};

// the full-width forms that matter to the patterns: digits, letters, ＋－．＠＿ and parentheses
// (not the full-width punctuation every Chinese text is full of); the ideographic space
const FOLDED = /[\uff08\uff09\uff0b\uff0d\uff0e\uff10-\uff19\uff20-\uff3a\uff3f\uff41-\uff5a\u3000]/g;
const CN_RUN = /[〇零一幺二两三四五六七八九]{7,}/g;
const NUMBER_WORD = /电话|手机|号码|联系|座机|身份证|QQ|qq|微信/;

/**
 * Full-width forms (１３８, ＋８６, ＠, Ｘ) as ASCII, the ideographic space as a space, and, near a
 * word such as 电话, runs of seven or more Chinese digits (一三八零零一三八…, a number read out)
 * as digits.
 */
export function foldForMatching(text: string): string {
  let out = foldFullWidth(text, FOLDED);
  CN_RUN.lastIndex = 0;
  if (NUMBER_WORD.test(out) && CN_RUN.test(out)) out = out.replace(CN_RUN, (run) => [...run].map((c) => CN_DIGIT[c]).join(""));
  return out;
}

/** One separator between the digits of a number as people write it: 138-0013-8000, 138.0013.8005, 138 0013 8000. */
const S = "[-\u2010-\u2015.\u00b7\\s]";
const D = "(?<![0-9])";
const E = "(?![0-9])";

/**
 * Patterns for data that identifies a person, most specific first (run on the folded text), each
 * with what the text must contain for it to be worth running (a keyword pattern's lookbehind is
 * tried at every position: without its keyword in the text it cannot match).
 */
function patterns(): [PiiKind, RegExp, RegExp][] {
  const digits = /[0-9]{5}|[0-9]{2,4}[-\u2010-\u2015.\u00b7\s][0-9]{3}/;
  return [
    ["email", /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g, /@/],
    // 18-digit ID with a plausible birth date, written whole or in groups (431002 19800101 1234)
    ["id-card", new RegExp(`${D}[1-9]\\d{5}${S}?(?:19|20)\\d{2}${S}?(?:0[1-9]|1[0-2])${S}?(?:0[1-9]|[12]\\d|3[01])${S}?\\d{3}${S}?[\\dXx]${E}`, "g"), digits],
    // 15-digit old IDs only after a keyword
    ["id-card", new RegExp(`(?<=身份证(?:号码|号)?[:：\\s]*)\\d{15}${E}`, "g"), /身份证/],
    // a mobile number, its 11 digits in any grouping with one kind of separator
    ["mobile", new RegExp(`${D}(?:\\+?86${S}?)?1[3-9]\\d(?:${S}?\\d){8}${E}`, "g"), digits],
    ["landline", new RegExp(`${D}(?:\\(0\\d{2,3}\\)${S}?|0\\d{2,3}${S}?)\\d{3,4}${S}?\\d{4}${E}`, "g"), digits],
    // a local number right after 电话/座机/联系方式
    ["landline", new RegExp(`(?<=(?:电话|座机|固话|联系方式|号码)(?:号码|是|为)?[:：\\s]*)\\d{3,4}${S}?\\d{4}${E}`, "g"), /电话|座机|固话|联系方式|号码/],
    ["qq", /(?<=(?:QQ|qq|Qq|扣扣)(?:号码|号)?[:：\s]*)\d{5,11}(?!\d)/g, /QQ|qq|Qq|扣扣/],
    ["wechat", /(?<=(?:微信|微信号|VX|vx|Vx|WX|wx|WeChat|wechat)(?:号码|号)?[:：\s]*)[A-Za-z][-_A-Za-z0-9]{5,19}/g, /微信|VX|vx|Vx|WX|wx|WeChat|wechat/],
  ];
}

const SEPARATOR = new RegExp(S, "g");

/**
 * Whether a matched number is grouped as phone and ID numbers are written: one kind of separator
 * (a list of figures "13.5 14.2 15.6" mixes them), and a lone separator only after the area code
 * or the first three or four digits (13800000.00 is an amount, 138 0013 8000 a phone).
 */
function wellGrouped(kind: PiiKind, s: string): boolean {
  if (kind === "landline") return true; // its pattern already fixes where separators go
  if (kind !== "mobile" && kind !== "id-card") return true;
  const core = kind === "mobile" ? s.replace(new RegExp(`^\\+?86${S}?`), "") : s;
  const seps = core.match(SEPARATOR) ?? [];
  if (!seps.length) return true;
  if (new Set(seps.map((c) => (/\s/.test(c) ? " " : /[-\u2010-\u2015]/.test(c) ? "-" : c))).size > 1) return false;
  if (kind === "id-card") return true;
  const groups = core.split(SEPARATOR).map((g) => g.length);
  if (groups.length === 2) return [3, 4, 7].includes(groups[0]!) && seps[0] !== ".";
  return groups.every((g) => g >= 2);
}

/** A 统一社会信用代码 or tax number shortly before: its digits are a company's, not a person's. */
const CODE_BEFORE = /(?:信用代码|社会代码|组织机构代码|纳税人识别号|税号|注册号|营业执照号?)[^，。；\n]{0,6}$/;

// ---------------------------------------------------------------------------------------------
// Names. A name is recognised only where the text introduces a person: after 举报人/联系人/我叫
// (strong cues), after 我是/村民/居民 (weak cues, which also precede ordinary words), or opening
// the text before 来电/反映. 举报人张三、李四 gives both names.
// ---------------------------------------------------------------------------------------------

const CJK = "[\\u4e00-\\u9fa5]";
const STRONG_CUES = "举报人|来电人|来信人|投诉人|反映人|信访人|报案人|控告人|当事人|求助人|申请人|本人|我叫|名叫|姓名|联系人|署名|落款";
const WEAK_CUES = "我是|我姓|村民|居民|市民|群众|业主|住户";
// what may follow a name: punctuation, a digit (联系人郑六13800138066), or a word that ends it
const STRONG_AFTER =
  "(?=[，,。.；;：:、\\s（(）)！!？?0-9+_\\-/]|反映|举报|来电|来信|称|说|表示|投诉|家住|住在|住|电话|手机|联系|身份证|系|是|在|于|向|的|等|及|和|与|多次|一家|夫妇|村民|居民|$)";
const WEAK_AFTER = "(?=[，,。.；;：:、\\s（(0-9+_\\-/]|反映|举报|来电|来信|称|说|表示|投诉|电话|手机|联系|家住|住在|等|和|与|$)";

/** A name: 张三, 欧阳娜娜, 赵某某, 王先生, 小王, 老李. */
const name = () => `(?:(?:小|老|阿)(?:${surnames()})|(?:${surnames()})(?:某某|某|XX|xx|\\*{1,2}|先生|女士|师傅|老师|阿姨|大爷|大妈|${CJK}{1,2}?))`;

/** Characters that never belong to a given name after a weak cue ("村民都反映", "居民楼下", "群众多次"). */
const NOT_GIVEN = /[的了是在和与及等都也还已被把向从对们个村镇乡县区市省厂场店楼院校路街组队里边面周围附近反映称说表示来电信举报投诉多次一家户民小大]/;
/**
 * Words after a cue that start with a surname but are not names (本人居住在…, 举报人信息,
 * 信访人房屋后, 村民农田, 举报人曾多次向…: the last three from published rows).
 */
const NOT_NAME =
  /^(?:居民|居住|居家|村民|市民|业主|住户|群众|公民|附近|周边|周围|本地|当地|这里|那里|全村|全家|一名|一位|和平|时候|时常|时间|平时|信访|信息|信件|常年|常住|明显|都是|都在|都有|安全|方面|高速|国家|公司|公众|全部|全体|房屋|房子|房前|房后|农田|农房|农户|农业|农作物|农村|农民|农药|曾(?:多次|数次|几次|经|向|于|在|到|去|来|就|找|打|给|与|和|反映|举报|投诉|来电|来信))/;

/** After 居民/群众, words such as 居民楼, 群众关切, 居民阳台, 群众利益, 居民区, 居民点 start with a surname. */
const NOT_NAME_WEAK =
  /^(?:楼|关切|关心|关注|阳台|门口|房屋|房子|安全|安置|生活|健康|利益|权益|饮水|用水|出行|休息|正常|强烈|意见|诉求|满意|普遍|集中|纷纷|一致|长期|常年|日常|时常|经常|都|和|于|向|应|强|反|区|点)/;

interface NamePattern {
  re: RegExp;
  weak: boolean;
  /** what the text must contain for the pattern to be worth running */
  guard: RegExp;
}

function namePatterns(): NamePattern[] {
  return [
    { re: new RegExp(`(?<=(?:${STRONG_CUES})(?:为|系|是|叫)?[:：\\s]*)${name()}${STRONG_AFTER}`, "g"), weak: false, guard: new RegExp(STRONG_CUES) },
    { re: new RegExp(`(?<=(?:${WEAK_CUES})[:：\\s]*)${name()}${WEAK_AFTER}`, "g"), weak: true, guard: new RegExp(WEAK_CUES) },
    // a name opening the complaint: 张三来电反映…
    { re: new RegExp(`^${name()}(?=来电|来信|反映|举报|投诉)`, "g"), weak: false, guard: /^/ },
  ];
}

/**
 * Names without a cue word, recognised by what stands next to them (issue: a name right before or
 * after a phone or ID number, or before 反映/来电/电话): 王先生 138…反映, 李建国13800138000,
 * 龙翠英（身份证号）, 电话：138…，谭德胜 at the end of a sentence, 曾庆彪女士电话…, 廖金凤老师反映,
 * and a 张某某反映 inside the text (not only opening it). They run on a copy of the text in which
 * every number found is masked with {@link MASK}, so "next to a number" is one character class.
 */
const MASK = "\u0000";
const TITLE = "先生|女士|老师|师傅|阿姨|大爷|大妈";
const CUE_AFTER = "来电|来信|反映|举报|投诉|电话|手机|联系电话";
const adjacentName = () => `(?:${surnames()})(?:某某|某|XX|xx|\\*{1,2}|${TITLE}|${CJK}{1,2}?(?:${TITLE})?)`;
let adjacent: RegExp[] | undefined;
const adjacentRes = (): RegExp[] =>
  (adjacent ??= [
    // before a number: 李建国13800138000, 王先生 138…, 龙翠英（4310…）
    new RegExp(`${adjacentName()}(?=[\\s:：（(]*${MASK})`, "g"),
    // after a number, ending a clause or before what a person does: 电话：138…，谭德胜。 / …，谭德胜所述
    new RegExp(`(?<=${MASK}[）)]?[\\s，,、;；]*)${adjacentName()}(?=$|[。，,；;！!？?\\s”"）)]|所述|反映|称|说|表示|来电|来信|举报|投诉|等|家住|住在)`, "g"),
  ]);

let cueWindow: RegExp | undefined;
const PHONE_CUE = /电话|手机/;
const NUMBER_NEXT = /^(?:号码?)?(?:是|为)?[\s:：（(]*[0-9０-９+＋〇零一幺二两三四五六七八九]/;
const CUE_GLOBAL = new RegExp(CUE_AFTER, "g");

/**
 * Names just before 反映/来电/电话… and after punctuation or the start (，张某某反映, 。廖金凤老师反映,
 * 。曾庆彪女士电话): each cue's few characters before are tested, not the whole text, as nearly
 * every complaint says 反映.
 */
function cueNames(text: string): [number, number][] {
  const out: [number, number][] = [];
  // a bare name needs punctuation or the start before it; one with a title or 某 does not, and a
  // place's last character before it is not its surname (北湖区廖老师反映)
  if (!cueWindow) {
    const titled = `(?:${surnames()})${CJK}{0,2}?(?:某某|某|${TITLE})`;
    cueWindow = new RegExp(`(?:(?:^|[，,。；;：:、！!？?\\s（(”"])(${adjacentName()})|[区县市镇乡村组](${titled})|(${titled}))$`);
  }
  CUE_GLOBAL.lastIndex = 0;
  for (let m = CUE_GLOBAL.exec(text); m; m = CUE_GLOBAL.exec(text)) {
    const from = Math.max(0, m.index - 8);
    const w = cueWindow.exec(text.slice(from, m.index));
    const found = w?.[1] ?? w?.[2] ?? w?.[3];
    // 某手机店, 某电话亭: 某 before 手机/电话 is "a certain", unless a number follows (张某电话138…)
    if (found?.endsWith("某") && !found.endsWith("某某") && PHONE_CUE.test(m[0]) && !NUMBER_NEXT.test(text.slice(m.index + m[0].length))) continue;
    if (found && acceptAdjacent(found)) out.push([m.index - found.length, m.index]);
  }
  return out;
}

/** Whether a name found by its neighbours looks like one: a pseudonym (张某某) or title (王先生) always does. */
function acceptAdjacent(text: string): boolean {
  if (NOT_NAME.test(text)) return false;
  if (/(?:某|XX|xx|\*|先生|女士|老师|师傅|阿姨|大爷|大妈)$/.test(text)) return true;
  const given = text.slice(1);
  return !NOT_GIVEN.test(given.length > 1 ? given.slice(given.length - 2) : given);
}

/** Another name joined to the one just found: 举报人张三、李四 / 张三和李四. */
let nextName: RegExp | undefined;
const nextNameRe = () => (nextName ??= new RegExp(`[、和及与]${name()}${STRONG_AFTER}`, "y"));

function acceptName(text: string, weak: boolean): boolean {
  if (NOT_NAME.test(text)) return false;
  if (!weak) return true;
  // 村民周某: a table's own pseudonym (surname + 某) for a person complained about, not a name to hide
  if (NOT_NAME_WEAK.test(text) || /(?:某|XX|xx|\*)$/.test(text)) return false;
  // the surname is one or two characters; the rest must look like a given name
  const given = text.slice(1);
  return !NOT_GIVEN.test(given.length > 1 ? given.slice(given.length - 2) : given);
}

// ---------------------------------------------------------------------------------------------
// Bare names: a name nothing introduces (张三说…, 李建国家门口的猪场, 请联系李建国处理, 王秀英和
// 李建国反映). Only the 100 commonest surnames (data/dict/common-surnames.txt), one or two given
// characters, a boundary before (the start, punctuation, or 联系/找/和…) and what a person does or
// has after (说, 反映, 家门口, 一家, 老人, 等人…). A candidate that is a word of the dictionary
// (data/dict/not-names.txt: 黄河, 高速, 周边, 张家界, 王家湾, from jieba's dictionary and the
// place names) or whose given name ends like a place (王家, 李村, 张庄) is not a name.
// ---------------------------------------------------------------------------------------------

// the start, any character that is not Chinese (punctuation, a digit, a bracket, _ in a file name), a place's last character, or a verb that takes a person
const BARE_BEFORE = "^|[^\\u4e00-\\u9fa5]|[区县市镇乡村组]|联系|找|请|告诉|通知|询问|回访|走访|叫|让|被|和|与|跟|同|给";
const BARE_AFTER =
  "说|讲|称|表示|反映|投诉|举报|来电|来信|告诉|老人|老汉|老太|大爷|大妈|一家|夫妇|夫妻|两口子|等人|等村民|等群众|等住户|家(?:门口|门前|里|中|旁|附近|的|住|房|屋|院|楼|后|对面|隔壁)";
/** after 联系/找/通知: the person to see, then what is to be done or the end of the clause */
const CONTACT_AFTER = "处理|解决|核实|了解|协调|[，,。；;！!]|$";
/** given names that end like a place or a group of houses: 王家, 李村, 张庄, 刘湾 */
const PLACE_END = /[家村庄湾洞坪屯寨堡铺桥港坝塘冲岭沟垅岗镇乡县区市省路街园里组队场厂店楼院校边面周围近方部门局委会所站点处们]$/;
/**
 * Compound surnames of data/dict/surnames.txt that open ordinary words or places more often than
 * names (东方红, 西门口, 百里外, 南宫市, 长孙女): not looked for as a bare name's surname.
 */
const COMPOUND_NOT_BARE = new Set(["东方", "西门", "百里", "南宫", "长孙"]);
let bare: { after: RegExp; window: RegExp; verb: RegExp; contact: RegExp; one: RegExp; compound: RegExp } | undefined;
let notNames: Set<string> | undefined;

function bareRes() {
  if (bare) return bare;
  const chars = readFileSync(dataPath("dict", "common-surnames.txt"), "utf8")
    .split("\n")
    .filter((l) => !l.startsWith("#"))
    .flatMap((l) => l.trim().split(/\s+/))
    .filter(Boolean)
    .join("");
  // 欧阳娜娜说, 请联系司马光处理: the compound surnames (rare, so no given name is a word of theirs)
  const compound = surnames()
    .split("|")
    .filter((w) => w.length === 2 && !COMPOUND_NOT_BARE.has(w))
    .join("|");
  const surname = `(?:${compound}|[${chars}])`;
  const one = `${surname}${CJK}{1,2}`;
  bare = {
    // what follows a name is looked for first (a few places a text), then the few characters before
    after: new RegExp(BARE_AFTER, "g"),
    window: new RegExp(`(?:${BARE_BEFORE})(${one}(?:[、和与及]${one}){0,4})$`),
    // 请联系李建国处理: the verb is looked for, then the name right after it
    verb: /联系|找|通知|告诉/g,
    contact: new RegExp(`${one}(?=${CONTACT_AFTER})`, "y"),
    // one name of a chain: the shortest that a separator or the end follows (李和平和王五)
    one: new RegExp(`${surname}${CJK}{1,2}?(?=[、和与及]|$)`, "y"),
    compound: new RegExp(`^(?:${compound})`),
  };
  return bare;
}

const PSEUDONYM = /[某XxＸ×*＊]/;

/** Whether a candidate bare name is rather a word or a place (黄河, 周边, 王家湾, 李家村). */
function notName(candidate: string): boolean {
  notNames ??= new Set(
    readFileSync(dataPath("dict", "not-names.txt"), "utf8")
      .split("\n")
      .filter((l) => l && !l.startsWith("#")),
  );
  const compound = bareRes().compound.test(candidate);
  const given = candidate.slice(compound ? 2 : 1);
  return (
    notNames.has(candidate) ||
    (!compound && given.length === 2 && notNames.has(candidate.slice(0, 2)) && notNames.has(given)) ||
    PLACE_END.test(given) ||
    NOT_NAME.test(candidate) ||
    NOT_GIVEN.test(given.slice(-1))
  );
}

/**
 * Whether a chain (王秀英、李建国和张三) is names: none of them a word or place, and not all of them
 * a table's own pseudonym (云某某、卢某某等人 stays, as after 村民; 张某某和陈保护 goes whole).
 */
function chainNames(chain: string, one: RegExp): boolean {
  let at = 0;
  let real = false;
  while (at < chain.length) {
    one.lastIndex = at;
    const m = one.exec(chain);
    if (!m) return false;
    const given = m[0].slice(bareRes().compound.test(m[0]) ? 2 : 1);
    if (PSEUDONYM.test(given)) {
      if (!/^(?:某某?|XX?|xx?|ＸＸ?|××?|\*\*?|＊＊?)$/.test(given)) return false;
    } else if (notName(m[0])) return false;
    else real = true;
    at = m.index + m[0].length;
    if (at < chain.length) at++; // the separator
  }
  return real;
}

/** Bare names: [start, end] of each, a chain of names as one. */
function bareNames(text: string): [number, number][] {
  const { after, window, verb, contact, one } = bareRes();
  const out: [number, number][] = [];
  after.lastIndex = 0;
  for (let m = after.exec(text); m; m = after.exec(text)) {
    const w = window.exec(text.slice(Math.max(0, m.index - 20), m.index));
    if (w && chainNames(w[1]!, one)) out.push([m.index - w[1]!.length, m.index]);
  }
  verb.lastIndex = 0;
  for (let m = verb.exec(text); m; m = verb.exec(text)) {
    contact.lastIndex = m.index + m[0].length;
    const c = contact.exec(text);
    if (c && chainNames(c[0], one)) out.push([c.index, c.index + c[0].length]);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------

let compiled: [PiiKind, RegExp, RegExp][] | undefined;
let names: NamePattern[] | undefined;

/**
 * What every piece of personal data needs somewhere in the text: digits (five in a row, or
 * groups of them with separators), an e-mail's @, a WeChat mention, a word that introduces a
 * person, or a surname opening the text before 来电/反映. Text without any of these (most cells)
 * skips the full set of patterns.
 */
const DIGITS = /[0-9０-９]{5}|[0-9０-９]{2,4}[-－—.．·\s\u00a0\u3000][0-9０-９]{3}|[〇零一幺二两三四五六七八九]{7}/;
const AT = /[@＠]/;
const WECHAT = /微信|VX|vx|Vx|WX|wx|WeChat|wechat|ＷＸ|ｗｘ/i;
let nameTrigger: RegExp | undefined;
const nameTriggerRe = () => (nameTrigger ??= new RegExp(`${STRONG_CUES}|${WEAK_CUES}|^(?:${surnames()})${CJK}{0,3}?(?:来电|来信|反映|举报|投诉)`));

/** Whether a text may contain personal data (a fast check before {@link findPii}). */
export function mayContainPii(text: string): boolean {
  return DIGITS.test(text) || AT.test(text) || WECHAT.test(text) || nameTriggerRe().test(text) || cueNames(text).length > 0 || bareNames(text).length > 0;
}

/** Every piece of personal data found in a text, in order, without overlaps. */
export function findPii(text: string): PiiMatch[] {
  if (!text) return [];
  const digits = DIGITS.test(text);
  const hasName = nameTriggerRe().test(text);
  const bareFound = bareNames(text);
  if (!digits && !hasName && !AT.test(text) && !WECHAT.test(text) && !cueNames(text).length && !bareFound.length) return [];
  compiled ??= patterns();
  names ??= namePatterns();
  const folded = foldForMatching(text);
  const found: PiiMatch[] = [];
  const add = (kind: PiiKind, start: number, end: number) => {
    if (!found.some((f) => start < f.end && end > f.start)) found.push({ kind, start, end, text: text.slice(start, end) });
  };
  for (const [kind, re, guard] of compiled) {
    if (!guard.test(folded)) continue;
    re.lastIndex = 0;
    for (let m = re.exec(folded); m; m = re.exec(folded)) {
      if (!m[0]) {
        re.lastIndex++;
        continue;
      }
      if (!wellGrouped(kind, m[0])) {
        re.lastIndex = m.index + 1;
        continue;
      }
      // a credit code's digits, or a case number such as D320000201806250030 (受理编号 begin with letters)
      if (kind === "id-card" && (CODE_BEFORE.test(folded.slice(Math.max(0, m.index - 16), m.index)) || /[A-Za-z]/.test(folded[m.index - 1] ?? ""))) continue;
      add(kind, m.index, m.index + m[0].length);
    }
  }
  if (hasName) {
    for (const { re, weak, guard } of names) {
      if (!guard.test(folded)) continue;
      re.lastIndex = 0;
      for (let m = re.exec(folded); m; m = re.exec(folded)) {
        if (!m[0] || !acceptName(m[0], weak)) continue;
        let end = m.index + m[0].length;
        // 举报人张三、李四: the names joined to this one
        const next = nextNameRe();
        for (;;) {
          next.lastIndex = end;
          const n = next.exec(folded);
          if (!n || !acceptName(n[0].slice(1), weak)) break;
          end += n[0].length;
        }
        add("name", m.index, end);
        re.lastIndex = end;
      }
    }
  }
  // names known by their neighbours, after the cued ones (so that 举报人张三、李四 stays one match)
  for (const [start, end] of cueNames(folded)) add("name", start, end);
  // names nothing introduces (张三说…), found on the text itself (folding keeps every Chinese character)
  for (const [start, end] of bareFound) add("name", start, end);
  const numbers = found.filter((f) => f.kind === "mobile" || f.kind === "landline" || f.kind === "id-card");
  if (numbers.length) {
    let masked = folded;
    for (const f of numbers) masked = masked.slice(0, f.start) + MASK.repeat(f.end - f.start) + masked.slice(f.end);
    for (const re of adjacentRes()) {
      re.lastIndex = 0;
      for (let m = re.exec(masked); m; m = re.exec(masked)) {
        if (!m[0]) {
          re.lastIndex++;
          continue;
        }
        if (acceptAdjacent(m[0])) add("name", m.index, m.index + m[0].length);
      }
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

/**
 * Replace the complainant's phone numbers, ID-card numbers, e-mail, QQ and WeChat ids and
 * name (where the text introduces a person) with 【已隐去】. Enterprise names, places,
 * officials' titles, dates, amounts and case numbers are left as they are.
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

// ---------------------------------------------------------------------------------------------
// The gate: what every string leaving the program passes through. Redact first, then strip
// control characters, then cut (cutting first could leave 10 of 11 digits of a phone number).
// ---------------------------------------------------------------------------------------------

/** Cut to at most `max` characters (code points), the last of them the mark of the cut (… by default). */
export function clip(s: string, max: number, mark = "…"): string {
  if (s.length <= max) return s;
  const chars = [...s];
  return chars.length <= max ? s : `${chars.slice(0, Math.max(0, max - mark.length)).join("")}${mark}`;
}

/** A redacted excerpt: redact the whole text, then cut. */
export function excerpt(text: string, max: number, mark = "…"): string {
  return clip(redact(text), max, mark);
}

/** Options of {@link gate}. */
export interface GateOptions {
  /** keep personal data (the user asked for it with --keep-pii); control characters are still removed */
  keepPii?: boolean;
  /** printed on a terminal: also remove carriage returns and bidi overrides */
  terminal?: boolean;
  /** cut after redacting */
  max?: number;
  /**
   * strings in which {@link findPii} found no personal data (e.g. by the classifier's own search):
   * redacting them would leave them unchanged, so they are not searched again
   */
  clean?: ReadonlySet<string>;
}

/** The one gate for a string that leaves the program: redact, strip control characters, then cut. */
export function gate(s: string, options: GateOptions = {}): string {
  let out = options.keepPii || options.clean?.has(s) ? s : redact(s);
  out = stripControls(out, options.terminal);
  return options.max !== undefined ? clip(out, options.max) : out;
}

/**
 * A copy of a JSON-like value with every string (and object key) through {@link gate}.
 * Numbers, booleans and null are kept; typed arrays and Buffers are returned as they are.
 */
export function gateDeep<T>(value: T, options: GateOptions = {}): T {
  const walk = (v: unknown): unknown => {
    if (typeof v === "string") return gate(v, options);
    if (v === null || typeof v !== "object" || ArrayBuffer.isView(v)) return v;
    if (Array.isArray(v)) return v.map(walk);
    if (v instanceof Date) return v;
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) out[gate(k, options)] = walk(x);
    return out;
  };
  return walk(value) as T;
}

/** JSON text with every string through the gate. */
export function gatedJson(value: unknown, options: GateOptions & { indent?: number } = {}): string {
  return JSON.stringify(gateDeep(value, options), null, options.indent);
}

const isPlain = (v: unknown): v is Record<string, unknown> | unknown[] =>
  Array.isArray(v) || (v !== null && typeof v === "object" && [Object.prototype, null].includes(Object.getPrototypeOf(v) as object | null));

/**
 * The JSON of {@link gatedJson}, written in pieces, one line each: the arrays and plain objects
 * of the first `depth` levels (default 3: the value, its members, theirs) are opened and their members written one by one, each through the
 * gate. The lines parse to the same value as `gatedJson(value)`, but a summary of a million
 * complaints (hundreds of MB of repeat groups) is never held as one gated copy and one string.
 */
export function writeGatedJson(value: unknown, write: (line: string) => void, options: GateOptions = {}, depth = 3): void {
  const walk = (v: unknown, level: number, prefix: string, suffix: string): void => {
    if (level >= depth || !isPlain(v)) {
      write(`${prefix}${gatedJson(v, options) ?? "null"}${suffix}`);
      return;
    }
    const entries: [string | undefined, unknown][] = Array.isArray(v)
      ? v.map((x) => [undefined, x])
      : Object.entries(v).filter(([, x]) => x !== undefined && typeof x !== "function" && typeof x !== "symbol");
    const [open, close] = Array.isArray(v) ? ["[", "]"] : ["{", "}"];
    if (!entries.length) {
      write(`${prefix}${open}${close}${suffix}`);
      return;
    }
    write(`${prefix}${open}`);
    entries.forEach(([k, x], i) => {
      const key = k === undefined ? "" : `${JSON.stringify(gate(k, options))}:`;
      walk(x, level + 1, key, i < entries.length - 1 ? "," : "");
    });
    write(`${close}${suffix}`);
  };
  walk(value, 0, "", "");
}

// ---------------------------------------------------------------------------------------------
// Columns and records
// ---------------------------------------------------------------------------------------------

/**
 * Columns whose whole content is personal data: blanked, not searched. A header that names a
 * person (举报人, 举报人信息, 联系人电话, 信访人姓名…) or a means of reaching one (联系电话, 手机,
 * 身份证号, 邮箱, 微信, 住址). A count (举报人数) is not personal.
 */
const PII_COLUMN =
  /^(?:(?:举报|来电|来信|投诉|信访|反映|报案|控告|求助|申请|当事|联系|实名)人|姓名|署名|证件|身份证)|电话|手机|身份证|证件号|联系方式|邮箱|电子邮件|e-?mail|^QQ|微信|住址|家庭地址|通讯地址/i;

/** Whether a column header names a person or a way to reach one: such columns are blanked in every export. */
export function isPiiColumn(header: string): boolean {
  const h = header.replace(/\s+/g, "").replace(/[（(][^）)]*[）)]$/, "");
  return PII_COLUMN.test(h) && !/(?:人数|数量|次数)$/.test(h);
}

/** What {@link redactComplaint} takes: a record with a text and its raw cells. */
export type Redactable = {
  text: string;
  raw: Record<string, string>;
  key?: string;
  source?: { file: string };
  area?: { raw: string };
  findings?: string | undefined;
  rectification?: string | undefined;
  accountability?: string | undefined;
  deadline?: string | undefined;
  seq?: string | undefined;
};

/**
 * A copy of a complaint fit to leave the library: every free-text field, raw cell, the area
 * as written and the source file name redacted; columns that hold only personal data (举报人,
 * 举报人信息, 联系电话…) replaced by the mark. A personal-looking header over the complaint text
 * itself (信访人反映问题) is redacted, not blanked.
 */
export function redactComplaint<T extends Redactable>(rec: T): T {
  return redactComplaintExcept(rec);
}

/**
 * Redactions of the strings that repeat from record to record (headers, the file name, the area
 * as written): each is searched once. Bounded: cleared when it grows past a few thousand.
 */
const repeated = new Map<string, string>();
function redactRepeated(v: string): string {
  let out = repeated.get(v);
  if (out === undefined) {
    if (repeated.size > 5000) repeated.clear();
    repeated.set(v, (out = redact(v)));
  }
  return out;
}

/**
 * {@link redactComplaint}, keeping the strings in `clean` without searching them: they are known
 * to hold no personal data (findPii found none in them, e.g. the classifier's own search). With
 * `found`, the strings searched here in which nothing was found are added to it, so that a later
 * gate (GateOptions.clean) need not search them again: redacting them leaves them as they are.
 */
export function redactComplaintExcept<T extends Redactable>(rec: T, clean?: ReadonlySet<string>, found?: Set<string>): T {
  const raw: Record<string, string> = {};
  const fields = new Set([rec.text, rec.findings, rec.rectification, rec.accountability].filter(Boolean));
  // with `found`, a string is searched once (受理编号 is both the key and a cell)
  const search = found
    ? (v: string): string => {
        if (found.has(v)) return v;
        const out = redact(v);
        if (out === v && v) found.add(v);
        return out;
      }
    : redact;
  const red = clean ? (v: string) => (clean.has(v) ? v : search(v)) : search;
  for (const [k, v] of Object.entries(rec.raw)) raw[redactRepeated(k)] = v && isPiiColumn(k) && !fields.has(v.trim()) ? REDACTED : red(v);
  const out: T = { ...rec, text: red(rec.text), raw };
  if (rec.findings) out.findings = red(rec.findings);
  if (rec.rectification) out.rectification = red(rec.rectification);
  if (rec.accountability) out.accountability = red(rec.accountability);
  if (rec.deadline) out.deadline = red(rec.deadline);
  if (rec.seq) out.seq = red(rec.seq);
  if (rec.area?.raw) out.area = { ...rec.area, raw: redactRepeated(rec.area.raw) };
  if (rec.source?.file) out.source = { ...rec.source, file: redactRepeated(rec.source.file) };
  if (rec.key) out.key = red(rec.key);
  return out;
}
