import { normalizeTarget, siteName } from "../analyze/target.js";
import { divisions, shortName } from "../geo/divisions.js";
import type { TokenInfo } from "./features.js";

/**
 * The complained-about target (某某公司/厂/矿/场/站/工地/餐馆…) and the town and village a
 * complaint names, read from its jieba tokens: what a reader would underline.
 *
 * A target is a quoted business name (“六毛一串烧烤”), or a token ending in a site word (石材加工厂,
 * 矿业有限公司, 搅拌站) extended to the left over name-like tokens (XX, 金贵, 某) and stopped by
 * places, directions, numbers, verbs and requests. Idioms that end like a site (走过场, 来现场)
 * are never targets; a site followed by 对面 is a landmark, one followed by 镇/村/路 a place name.
 * Polluters (厂, 矿, 公司, 工地, 店…) are preferred over residential places (小区, 社区), which
 * are more often where the complainant lives, and a project or factory over the industrial park
 * it stands in. A kind of site without a name (选矿厂) keeps the village written right before it
 * (小坊村选矿厂), and an owner written as 黄某的 (唐洞村黄某的养鸡场).
 *
 * jieba cuts rare names into single characters (雷/江村, 演/丰镇): a village or town is the
 * suffix token joined with the name characters before it, so names come out whole.
 */

const POLLUTER_SUFFIX = [
  "有限责任公司",
  "股份有限公司",
  "有限公司",
  "公司",
  "合作社",
  "集团",
  "厂",
  "矿",
  "矿业",
  "矿区",
  "矿山",
  "窑",
  "场",
  "站",
  "工地",
  "项目",
  "码头",
  "车间",
  "餐馆",
  "饭店",
  "饭馆",
  "酒店",
  "宾馆",
  "酒楼",
  "店",
  "大排档",
  "酒吧",
  "KTV",
  "农家乐",
  "作坊",
  "市场",
  "医院",
  "诊所",
  "基站",
  "变电站",
  "尾矿库",
  "渣场",
  "填埋场",
  "园区",
  "工业园",
  "信号塔",
  "会所",
  "储运",
  "洗车行",
  "垃圾房",
  "垃圾池",
  "酒家",
  "度假村",
  "山庄",
  "夜宵",
  "烧烤",
  "超市",
  "中转站",
  "搅拌站",
  "店铺",
  "工程",
];
/** sites that contain others: 工业园里的祥瑞化工厂 is about the 化工厂 */
const CONTAINER_SUFFIX = ["工业园", "产业园", "园区", "工业区", "开发区", "物流园"];
const RESIDENTIAL_SUFFIX = ["小区", "花园", "家园", "公寓", "社区"];
/** words that end like a site but never name one: idioms and requests (来现场, 不要走过场) */
const NEVER_TARGET = new Set([
  "现场",
  "走过场",
  "过场",
  "收场",
  "出场",
  "到场",
  "在场",
  "当场",
  "下场",
  "立场",
  "官场",
  "赛场",
  "职场",
  "名利场",
  "排场",
  "登场",
  "退场",
  "入场",
  "市场监管",
  "场所",
  "站点",
  "站长",
  "网站",
  "下站",
  "上站",
  "进站",
  "出站",
  "店里",
  "店面",
  "厂里",
  "厂家",
  "商场",
  "战场",
  "会场",
  "考场",
  "剧场",
  "机场",
  "操场",
  "场地",
  "立场",
  "车站",
  "菜场",
  "矿",
  // activities, not sites: 在后山选矿, 无证开采稀土矿 (洗矿场 is a site: the 场 is read with it)
  "选矿",
  "洗矿",
  "挖矿",
  "采矿",
  "开矿",
  "探矿",
  "炼矿",
  "屋场",
  "草场",
  // a site already named: 该厂, 这个厂
  "该厂",
  "此厂",
  "该公司",
  "该企业",
  "该场",
  "该店",
  "该站",
  "该项目",
  "该工地",
]);
/** kinds of site that a name right before them makes a target (金贵工厂), alone they are not */
const GENERIC_SITE = new Set([
  "工厂",
  "厂区",
  "厂房",
  "矿区",
  "矿山",
  "项目",
  "公司",
  "集团",
  "园区",
  "工业园",
  "医院",
  "市场",
  "作坊",
  "加工厂",
  "广场",
  "农场",
  "林场",
  "停车场",
  "烧烤",
  "夜宵",
  "超市",
  "工程",
  "店铺",
]);
/** tokens that end a name to the left */
const STOP_LEFT = new Set([
  "反映",
  "举报",
  "投诉",
  "称",
  "位于",
  "旁边",
  "旁",
  "附近",
  "对面",
  "斜对面",
  "隔壁",
  "有",
  "一家",
  "一个",
  "那家",
  "这家",
  "那个",
  "这个",
  "该",
  "个",
  "的",
  "在",
  "是",
  "和",
  "与",
  "及",
  "把",
  "被",
  "由",
  "对",
  "向",
  "从",
  "到",
  "我",
  "我们",
  "村里",
  "镇上",
  "县城",
  "城区",
  "新",
  "新建",
  "新开",
  "建",
  "开",
  "家",
  "上游",
  "下游",
  "后面",
  "前面",
  "门口",
  "里",
  "边",
  "后山",
  "周边",
  "周围",
  "边上",
  "沿岸",
  "岸边",
  "河边",
  "江边",
  "湖边",
  "山上",
  "山里",
  "山脚",
  "境内",
  "辖区",
  "当地",
  "本地",
  // directions, distances and addresses
  "东侧",
  "西侧",
  "南侧",
  "北侧",
  "东边",
  "西边",
  "南边",
  "北边",
  "路东",
  "路西",
  "路南",
  "路北",
  "一带",
  "靠近",
  "紧邻",
  "往",
  "方向",
  "号",
  "弄",
  "米",
  "公里",
  "亩",
  "栋",
  "楼",
  "单元",
  "室",
  "层",
  "国道",
  "省道",
  "县道",
  "高速",
  "大道",
  "路口",
  "交口",
  "交叉口",
  // verbs, requests and quantities
  "不要",
  "希望",
  "要求",
  "请",
  "请求",
  "恳请",
  "要",
  "来",
  "去",
  "私自",
  "擅自",
  "更改",
  "改变",
  "并",
  "并且",
  "还",
  "又",
  "也",
  "都",
  "就",
  "已",
  "已经",
  "一直",
  "多家",
  "几家",
  "两家",
  "多个",
  "几个",
  "一",
  "叫",
  "名叫",
  "名为",
  "以及",
  "或",
  "等",
  "占用",
  "非法",
  "县",
  "区",
  "市",
  "省",
  "镇",
  "乡",
  "村",
  "州",
  "组",
  "队",
  "一队",
  "二队",
  "三队",
  "路边",
  "无证",
  "开采",
  "盗采",
  "开挖",
  "偷偷",
  "违规",
  "近来",
  "最近",
  "近期",
  "目前",
  "现在",
  "如今",
  "长期",
  "常年",
  "每天",
  "晚上",
  "夜间",
  "白天",
  "今年",
  "去年",
  "近年来",
  "这段时间",
  "因",
  "因为",
  "由于",
  "导致",
  "关停",
  "取缔",
  "整治",
  "查处",
  "关闭",
  "搬迁",
  "拆除",
  "督促",
  "责令",
  "要求",
  "建议",
]);
/** single characters STOP_LEFT would stop at, but part of a name after a name character: 正/和/冶炼厂, 宇天/新/材料公司 */
const NAME_INSIDE = new Set(["和", "新", "开", "建", "家", "金", "华"]);
/** at the start of a name: words of time and manner that jieba glued to it (近来华达果业) */
const LEADING_NOISE = /^(?:近来|最近|近期|这段时间|目前|现在|如今|长期|常年|一直|今年以来|去年以来|近年来|近几年来?|偷偷|私自|擅自|非法|无证|开采|盗采|开挖)+/;
/** where a site without a name is: 柏寨村对面山上, 大塘背村9组居民点 */
const LOCATION = new Set([
  "对面",
  "对面山上",
  "山上",
  "后山",
  "河边",
  "河滩",
  "路边",
  "村口",
  "居民点",
  "山林",
  "空地",
  "田里",
  "农田",
  "山脚下",
  "山脚",
  "林地",
  "山坡",
  "山沟",
]);
const LOCATION_END = /(?:山上|后山|河边|河滩|路边|村口|居民点|山林|空地|田里|农田|山脚下?|林地|山坡|山沟)$/;
const ESTATE_SUFFIX = /(?:小区|花园|家园|公寓)$/;
/** after a site token: it is a landmark (永茂饭店斜对面), not the target */
const LANDMARK_AFTER = new Set(["对面", "斜对面"]);
/** after a site-like token: it is part of a place name (大场镇, 农场路, 站前大道) */
const PLACE_AFTER = new Set(["镇", "乡", "街道", "村", "社区", "路", "街", "大街", "大道", "巷", "口", "站口", "前"]);
/** a business name that ends a quotation: “六毛一串烧烤”, “嘉士德储运”, “百亚石材城” */
const QUOTED_BUSINESS =
  /(?:烧烤|夜宵|排档|会所|储运|物流|石材城|城|中心|工作室|农家乐|山庄|酒家|馆|行|坊|厂|店|公司|场|站|项目|工程|工地|酒吧|KTV|超市|广场|大厦|集团|合作社|花园|宾馆|酒店|饭店|餐厅|医院|诊所|学校)$/;
const OPEN_QUOTE = new Set(["“", '"', "「", "『", "‘"]);
const CLOSE_QUOTE = new Set(["”", '"', "」", "』", "’"]);
const CLAUSE_END = /^[，,。；;！!？?：:、\n\r\s（）()]+$/;
const NAME_LIKE = /^[\u4e00-\u9fa5A-Za-z0-9·（）()]+$/;
const CJK = /^[\u4e00-\u9fa5]+$/;
// 山村 and 村镇 alone are words, but 桃/山村 and 鲁/村镇 are names cut by jieba: a tail without a
// name before it gives no place (see placeAt)
const NOT_VILLAGE = new Set([
  "农村",
  "乡村",
  "本村",
  "该村",
  "全村",
  "我村",
  "邻村",
  "新农村",
  "各村",
  "此村",
  "外村",
  "进村",
  "出村",
  "回村",
  "到村",
  "入村",
  "驻村",
  "整村",
  "村",
]);
const NOT_TOWN = new Set(["乡镇", "城镇", "集镇", "古镇", "小镇", "镇", "乡", "街道", "城乡", "家乡", "下乡", "老乡", "同乡", "水乡", "他乡", "故乡"]);
/** single characters that never belong to a place name before 村/镇 */
const NOT_NAME_CHAR = new Set([
  "的",
  "了",
  "在",
  "和",
  "与",
  "及",
  "有",
  "个",
  "是",
  "到",
  "从",
  "向",
  "往",
  "对",
  "把",
  "被",
  "由",
  "该",
  "这",
  "那",
  "一",
  "两",
  "几",
  "多",
  "每",
  "各",
  "县",
  "区",
  "市",
  "省",
  "州",
  "镇",
  "乡",
  "村",
  "组",
  "路",
  "街",
  "道",
  "巷",
  "号",
  "弄",
  "里",
  "旁",
  "边",
  "后",
  "前",
  "上",
  "下",
  "内",
  "外",
  "去",
  "来",
  "进",
  "出",
  "回",
  "全",
  "本",
  "我",
  "你",
  "他",
  "其",
  "某",
  "等",
  "或",
  "又",
  "也",
  "都",
  "就",
  "还",
  "说",
  "称",
  "要",
  "请",
  "将",
  "已",
  "未",
  "不",
  "没",
  "很",
  "最",
  "更",
  "为",
  "以",
  "之",
  "于",
  "而",
  "且",
  "但",
  "却",
  "时",
]);

let placeNames: { towns: Set<string>; counties: Set<string> } | undefined;
function places() {
  if (placeNames) return placeNames;
  const d = divisions();
  const counties = new Set<string>();
  for (const c of d.counties) {
    for (const [name, kind] of [
      [c.name, "county"],
      [c.prefecture, "prefecture"],
      [c.province, "province"],
    ] as const) {
      counties.add(name);
      // short county names all over China are common words (光明, 和平, 新华): Hunan's only
      const s = kind === "county" && c.provinceCode !== "430000" ? undefined : shortName(name, kind);
      if (s) counties.add(s);
    }
  }
  placeNames = { towns: new Set(d.towns.map((t) => t.name)), counties };
  return placeNames;
}

const endsWithAny = (t: string, suffixes: readonly string[]) => suffixes.some((s) => t.endsWith(s));

/** What a token is, for target and place extraction; computed once per distinct token. */
export interface TargetKind {
  /** a whole town name (a known one, or 2+ characters before 镇/乡/街道) */
  town: boolean;
  /** ends in 镇/乡/街道 with at most one character before: the name may go on to the left */
  townTail: boolean;
  /** ends in 村 with at most one character before (江村, 村): the name may go on to the left */
  villageTail: boolean;
  village: boolean;
  place: boolean;
  polluter: boolean;
  container: boolean;
  residential: boolean;
  never: boolean;
  generic: boolean;
  stopLeft: boolean;
  nameLike: boolean;
  /** a single character that can be part of a place name */
  nameChar: boolean;
  clauseEnd: boolean;
  /** ends in 小区/花园/家园/公寓 */
  estate: boolean;
  /** one of 场厂站店库窑: a site word's last character that jieba cut off (洗矿/场) */
  siteChar: boolean;
  /** 房 or 池, glued to 垃圾/污水 before it */
  binChar: boolean;
  /** 垃圾 or 污水 */
  binStem: boolean;
  /** one to three Chinese characters */
  shortCjk: boolean;
  /** PLACE_AFTER or LANDMARK_AFTER: a site-like token before it is part of a place or a landmark */
  placeOrLandmarkAfter: boolean;
  /** estate, town, townTail, village or villageTail: the token may start or end a place name */
  placeLike: boolean;
  /** an opening quotation mark: a quoted business name may follow */
  openQuote: boolean;
}
type Kind = TargetKind;

const kinds = new Map<string, Kind>();

function kind(t: string): Kind {
  let k = kinds.get(t);
  if (k) return k;
  const p = places();
  const townLike = /^[\u4e00-\u9fa5]{1,6}(?:镇|乡|街道)$/.test(t) && !NOT_TOWN.has(t);
  const stem = t.replace(/(?:镇|乡|街道)$/, "");
  const villageLike = /^[\u4e00-\u9fa5]{1,5}村$/.test(t) && !NOT_VILLAGE.has(t) && !t.endsWith("度假村");
  k = {
    town: p.towns.has(t) || (townLike && stem.length >= 2),
    townTail: !p.towns.has(t) && (t === "镇" || t === "乡" || t === "街道" || (townLike && stem.length === 1)),
    // 东百里/村村/东侧: jieba glued the village's 村 to the next word's
    villageTail: t === "村" || t === "村村" || (villageLike && t.length === 2),
    village: villageLike && t.length >= 3,
    place: p.counties.has(t) || townLike || villageLike || (/[组路街巷]$/.test(t) && t.length <= 5),
    polluter: endsWithAny(t, POLLUTER_SUFFIX),
    container: endsWithAny(t, CONTAINER_SUFFIX),
    residential: endsWithAny(t, RESIDENTIAL_SUFFIX) && t.length >= 3,
    never: NEVER_TARGET.has(t) || t.endsWith("屋场"),
    generic: GENERIC_SITE.has(t),
    stopLeft: STOP_LEFT.has(t) || /^\d+$/.test(t),
    nameLike: NAME_LIKE.test(t),
    nameChar: t.length === 1 && CJK.test(t) && !NOT_NAME_CHAR.has(t),
    clauseEnd: CLAUSE_END.test(t),
    estate: ESTATE_SUFFIX.test(t),
    siteChar: /^[场厂站店库窑]$/.test(t),
    binChar: /^[房池]$/.test(t),
    binStem: /^(?:垃圾|污水)$/.test(t),
    shortCjk: /^[\u4e00-\u9fa5]{1,3}$/.test(t),
    placeOrLandmarkAfter: PLACE_AFTER.has(t) || LANDMARK_AFTER.has(t),
    placeLike: false,
    openQuote: OPEN_QUOTE.has(t),
  };
  k.placeLike = k.estate || k.town || k.townTail || k.village || k.villageTail;
  if (kinds.size > 200_000) kinds.clear();
  kinds.set(t, k);
  return k;
}

const sites = new Map<string, boolean>();

/** Whether a target name names one site (siteName of its normalised form), memoised: names repeat. */
function namesSite(name: string): boolean {
  let named = sites.get(name);
  if (named === undefined) {
    named = Boolean(siteName(normalizeTarget(name)));
    if (sites.size > 100_000) sites.clear();
    sites.set(name, named);
  }
  return named;
}

/** A place name found in the tokens: tokens [start, end], the whole name. */
interface PlaceSpan {
  start: number;
  end: number;
  name: string;
  kind: "town" | "village";
}

/**
 * The name of the place ending at token i (a village or town suffix token), joined with the
 * name characters before it: 雷/江村 -> 雷江村, 义/渡口/村 -> 义渡口村, 马/王/镇 -> 马王镇.
 * At most four characters before the suffix; a multi-character token only right before it.
 */
function placeAt(tokens: readonly string[], kindAt: (i: number) => Kind, i: number, suffix: "村" | "town"): PlaceSpan | undefined {
  const t = tokens[i] === "村村" ? "村" : tokens[i]!;
  let name = t;
  let start = i;
  const tail = t.replace(/(?:村|镇|乡|街道)$/, "");
  let singles = false;
  for (let j = i - 1; j >= 0 && j >= i - 4; j--) {
    const prev = tokens[j]!;
    const pk = kindAt(j);
    const stem = name.length - (t.length - tail.length);
    // single name characters (雷/江村), or a short word (大塘/背/村, 渡口/村, 金银滩/镇); a word
    // after single characters only up to three in all (新城/马/王/镇 is 马王镇)
    const adjacent = j === i - 1 && !tail;
    const word =
      prev.length >= 2 &&
      prev.length <= 3 &&
      CJK.test(prev) &&
      !pk.stopLeft &&
      !pk.polluter &&
      !pk.residential &&
      !LOCATION.has(prev) &&
      !/[区县市省州旗]$/.test(prev) &&
      (adjacent || (!pk.place && !places().counties.has(prev)));
    if (pk.nameChar && stem + 1 <= 4) {
      name = prev + name;
      start = j;
      singles = true;
      continue;
    }
    if (word && stem + prev.length <= (adjacent || !singles ? 4 : 3)) {
      name = prev + name;
      start = j;
      continue;
    }
    break;
  }
  const stem = name.replace(/(?:村|镇|乡|街道)$/, "");
  if (stem.length < 2) return undefined;
  return { start, end: i, name, kind: suffix === "村" ? "village" : "town" };
}

/** The person a name placeholder stands for: 黄/某 -> 黄某 (surname and 某). */
function personAt(tokens: readonly string[], i: number): { start: number; name: string } | undefined {
  const t = tokens[i]!;
  if (/^[\u4e00-\u9fa5]某{1,2}$/.test(t)) return { start: i, name: t };
  if (/^某{1,2}$/.test(t) && i > 0 && /^[\u4e00-\u9fa5]$/.test(tokens[i - 1]!) && !NOT_NAME_CHAR.has(tokens[i - 1]!))
    return { start: i - 1, name: tokens[i - 1]! + t };
  return undefined;
}

export interface TargetAndPlace {
  target?: string;
  place?: { town?: string; village?: string; estate?: string };
}

/**
 * @param infos the analyzer's per-token infos for these tokens, if at hand: each token's kind is
 *   then memoised on them instead of looked up by string
 */
export function findTargetAndPlace(tokens: readonly string[], infos?: readonly TokenInfo[]): TargetAndPlace {
  const n = tokens.length;
  // each token's kind, looked up once (memoised on the analyzer's infos when given)
  const kindsOf = new Array<Kind>(n);
  for (let i = 0; i < n; i++) {
    if (infos) {
      const inf = infos[i]!;
      kindsOf[i] = inf.targetKind ??= kind(tokens[i]!);
    } else kindsOf[i] = kind(tokens[i]!);
  }
  const kindAt = (i: number): Kind => kindsOf[i]!;

  // places first: whole names, and where they end (a kind of site keeps the village before it)
  let town: string | undefined;
  let village: string | undefined;
  const placeEnding = new Map<number, PlaceSpan>();
  let estate: string | undefined;
  for (let i = 0; i < n; i++) {
    const k = kindAt(i);
    // most tokens are neither an estate nor part of a place name
    if (!k.placeLike) continue;
    const next = tokens[i + 1];
    if (!estate && k.estate) {
      const prev = tokens[i - 1];
      if (tokens[i]!.length >= 4) estate = tokens[i];
      else if (prev && CJK.test(prev) && prev.length <= 3 && !kindAt(i - 1).stopLeft && !kindAt(i - 1).place && !placeEnding.has(i - 1))
        estate = prev + tokens[i];
    }
    let span: PlaceSpan | undefined;
    if (k.town) span = { start: i, end: i, name: tokens[i]!, kind: "town" };
    else if (k.townTail) span = placeAt(tokens, kindAt, i, "town");
    else if (k.village || k.villageTail) {
      // 万柳村大街 is a street; 村委会 and 村民 are no village names
      if (next && /^(?:大街|街|路|大道|巷)$/.test(next)) continue;
      // a three-character village may still be cut (郑家/河岩村)
      span = k.village && tokens[i]!.length > 3 ? { start: i, end: i, name: tokens[i]!, kind: "village" } : placeAt(tokens, kindAt, i, "村");
      // 往杨耀村方向: a direction, not where the problem is
      if (span && /^(?:往|向|朝)$/.test(tokens[span.start - 1] ?? "") && next === "方向") continue;
    }
    if (!span) continue;
    placeEnding.set(span.end, span);
    if (span.kind === "town") town ??= span.name;
    else village ??= span.name;
  }

  /** Token j can be part of a name: name-like, or 和/新 between name characters (正/和/冶炼厂). */
  const inName = (j: number): boolean => {
    const t = tokens[j]!;
    const k = kindAt(j);
    if (NAME_INSIDE.has(t)) return (j > 0 && kindAt(j - 1).nameChar) || (j + 1 < n && kindAt(j + 1).nameChar);
    return k.nameLike && !k.stopLeft && !k.place && !k.clauseEnd && !placeEnding.has(j) && !/^[一二三四五六七八九十两几多]家$/.test(t);
  };

  /** A road right before token j (健康/路, 文化路): a kind of site is named by it (健康路改造工程工地). */
  const roadBefore = (j: number): { start: number; name: string } | undefined => {
    const t = tokens[j];
    if (!t) return undefined;
    if (/^[\u4e00-\u9fa5]{2,5}(?:路|大道|街)$/.test(t)) {
      // 飞/虹路
      const lead = j > 0 && kindAt(j - 1).nameChar && t.length <= 3 ? tokens[j - 1]! : "";
      return { start: j - (lead ? 1 : 0), name: lead + t };
    }
    if (t === "路" || t === "大道" || t === "街") {
      // 飞/虹/路
      let name = t;
      let k = j - 1;
      for (; k >= 0 && /^[\u4e00-\u9fa5]{1,3}$/.test(tokens[k]!) && !kindAt(k).stopLeft && !kindAt(k).place && name.length + tokens[k]!.length <= 5; k--)
        name = tokens[k]! + name;
      return name.length > t.length ? { start: k + 1, name } : undefined;
    }
    return undefined;
  };

  /** The target name whose last token is at i (`last`: the name so far), extended left over name-like tokens. */
  const nameAt = (i: number, last = tokens[i]!): string => {
    let name = last;
    let j = i - 1;
    for (; j >= 0 && j >= i - 8; j--) {
      const t = tokens[j]!;
      // an owner: 黄某的养鸡场
      if (t === "的" && j > 0) {
        const person = personAt(tokens, j - 1);
        if (person && name.length + person.name.length < 16) {
          name = `${person.name}的${name}`;
          j = person.start;
          continue;
        }
      }
      if (!inName(j) || name.length + t.length > 16) break;
      name = t + name;
    }
    name = name.replace(LEADING_NOISE, "");
    // a kind of site is named by the village or road right before it: 小坊村选矿厂, 健康路改造工程工地
    if (!namesSite(name)) {
      const before = placeEnding.get(j);
      const road = before ? undefined : roadBefore(j);
      if (before?.kind === "village") name = before.name + name;
      else if (road) name = road.name + name;
    }
    return name;
  };

  let polluter: string | undefined;
  let container: string | undefined;
  let residential: string | undefined;
  let actor: string | undefined;
  let location: string | undefined;
  for (let i = 0; i < n && !polluter; i++) {
    const t = tokens[i]!;
    const k = kindAt(i);

    // a quoted business name: “六毛一串烧烤”, “西派国印”工程
    if (k.openQuote) {
      let j = i + 1;
      while (j < n && j - i <= 12 && !CLOSE_QUOTE.has(tokens[j]!) && !kindAt(j).clauseEnd) j++;
      if (j < n && CLOSE_QUOTE.has(tokens[j]!) && j > i + 1) {
        const inner = tokens.slice(i + 1, j).join("");
        const after = tokens[j + 1];
        const named = after && /^(?:工程|项目|工地)$/.test(after) ? inner + after : QUOTED_BUSINESS.test(inner) ? inner : undefined;
        if (named && named.length >= 2 && named.length <= 16 && !(after && LANDMARK_AFTER.has(after))) {
          polluter = named;
          break;
        }
      }
    }

    // the owner of a site as the complaint names them: 桃田村村民周某
    if (!actor && t === "村民" && placeEnding.get(i - 1)?.kind === "village") {
      const person = personAt(tokens, i + 1) ?? personAt(tokens, i + 2);
      if (person) actor = `${placeEnding.get(i - 1)!.name}村民${person.name}`;
    }

    // a site without a name, where it is: 柏寨村对面山上, 大塘背村9组居民点
    const here = placeEnding.get(i);
    if (!location && here?.kind === "village") {
      let phrase = "";
      for (let j = i + 1; j < n && j <= i + 4; j++) {
        const w = tokens[j]!;
        if (LOCATION.has(w) || /^(?:\d+|[一二三四五六七八九十]+)$/.test(w) || /^(?:\d+|[一二三四五六七八九十]+)?组$/.test(w)) phrase += w;
        else break;
      }
      if (LOCATION_END.test(phrase)) location = here.name + phrase;
    }
    // 洗矿/场: a site word jieba cut off its last character
    const after = tokens[i + 1];
    const ak = i + 1 < n ? kindAt(i + 1) : undefined;
    const glue = ak && (ak.siteChar || (ak.binChar && k.binStem));
    const glued = glue && k.shortCjk && !k.stopLeft && !k.place && !k.polluter ? t + after : undefined;
    if (glued && !(i + 2 < n && kindAt(i + 2).placeOrLandmarkAfter)) {
      const name = nameAt(i, glued);
      if (name.length >= 3) {
        polluter = name;
        break;
      }
    }
    if (k.never || k.place || placeEnding.has(i)) continue;
    // 工厂 alone is no target, but 金贵工厂 is
    if (k.generic && !(i > 0 && inName(i - 1))) continue;
    const next = after;
    if (ak?.placeOrLandmarkAfter) continue;
    if (k.polluter) {
      // 饭馆叫伊兰清真炉饺子: the name follows
      if (next === "叫" || next === "名叫") {
        let name = "";
        for (let j = i + 2; j < n && j < i + 10 && !kindAt(j).clauseEnd; j++) name += tokens[j];
        if (name.length >= 2 && name.length <= 12) {
          polluter = name;
          break;
        }
      }
      const name = nameAt(i);
      if (name.length < 2) continue;
      if (k.container) {
        container ??= name;
        continue;
      }
      polluter = name;
    } else if (!residential && k.residential) {
      residential = nameAt(i);
    }
  }
  // the park only when nothing in it is named
  const target = polluter ?? container ?? actor ?? location ?? residential;
  // built field by field (no spreads: this runs once per complaint), keys in the same order
  const out: TargetAndPlace = {};
  if (target) out.target = target;
  if (town || village || estate) {
    const place: NonNullable<TargetAndPlace["place"]> = {};
    if (town) place.town = town;
    if (village) place.village = village;
    if (estate) place.estate = estate;
    out.place = place;
  }
  return out;
}
