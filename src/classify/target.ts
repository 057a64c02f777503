import { divisions, shortName } from "../geo/divisions.js";
import { type TokenInfo, TokenSlot } from "./features.js";

/**
 * The complained-about target (某某公司/厂/矿/场/站/工地/餐馆…) and the town and village a
 * complaint names, read from its jieba tokens.
 *
 * A target is a token ending in a site word (石材加工厂, 矿业有限公司, 搅拌站), extended to the
 * left over name-like tokens (XX, 金贵, 某) and stopped by places, verbs and punctuation.
 * Polluters (厂, 矿, 公司, 工地, 店…) are preferred over residential places (小区, 社区), which
 * are more often where the complainant lives.
 */

const POLLUTER_SUFFIX = [
  "有限责任公司", "股份有限公司", "有限公司", "公司", "合作社", "集团",
  "厂", "矿", "矿业", "矿区", "矿山", "窑", "场", "站", "工地", "项目", "码头", "车间",
  "餐馆", "饭店", "酒店", "宾馆", "酒楼", "店", "大排档", "酒吧", "KTV", "农家乐", "作坊", "市场", "医院", "诊所",
  "基站", "变电站", "尾矿库", "渣场", "填埋场", "园区", "工业园",
];
const RESIDENTIAL_SUFFIX = ["小区", "花园", "家园", "公寓", "社区"];
/** words that end in a suffix but are not targets */
const NOT_TARGET = new Set([
  "现场", "市场监管", "广场", "农场", "立场", "当场", "下场", "在场", "场所", "工厂", "厂家", "厂里", "厂区", "厂房", "矿区", "矿山",
  "车站", "网站", "站点", "站长", "商店", "店里", "店面", "项目", "公司", "集团", "园区", "工业园", "医院", "市场",
  "场地", "操场", "停车场", "菜场", "林场", "机场", "战场", "会场", "考场", "剧场", "商场",
  "走过场", "过场", "收场", "出场", "到场", "官场", "赛场", "职场", "名利场", "排场", "登场", "退场", "入场",
  "作坊", "加工厂", "矿",
]);
/** tokens that end a name to the left */
const STOP_LEFT = new Set([
  "反映", "举报", "投诉", "称", "位于", "旁边", "旁", "附近", "对面", "隔壁", "有", "一家", "一个", "那家", "这家", "那个", "这个",
  "该", "个", "的", "在", "是", "和", "与", "及", "把", "被", "由", "对", "向", "从", "到", "我", "我们", "村里", "镇上", "县城",
  "城区", "新", "新建", "新开", "建", "开", "家", "上游", "下游", "后面", "前面", "门口", "里", "边", "后山",
  "周边", "周围", "边上", "沿岸", "岸边", "河边", "江边", "湖边", "山上", "山里", "山脚", "境内", "辖区", "当地", "本地",
]);
const NAME_LIKE = /^[\u4e00-\u9fa5A-Za-z0-9·（）()]+$/;
const VILLAGE = /^[\u4e00-\u9fa5A-Za-z]{1,5}村$/;
const NOT_VILLAGE = new Set(["农村", "乡村", "本村", "该村", "全村", "我村", "邻村", "村村", "新农村", "各村", "此村", "外村", "村村"]);
const TOWN = /^[\u4e00-\u9fa5]{1,6}(?:镇|乡|街道)$/;

let placeNames: { towns: Set<string>; counties: Set<string> } | undefined;
function places() {
  if (placeNames) return placeNames;
  const d = divisions();
  const counties = new Set<string>();
  for (const c of d.counties) {
    for (const [name, kind] of [[c.name, "county"], [c.prefecture, "prefecture"], [c.province, "province"]] as const) {
      counties.add(name);
      const s = shortName(name, kind);
      if (s) counties.add(s);
    }
  }
  placeNames = { towns: new Set(d.towns.map((t) => t.name)), counties };
  return placeNames;
}

const endsWithAny = (t: string, suffixes: readonly string[]) => suffixes.some((s) => t.endsWith(s));

/** What a token is, for target and place extraction; computed once per distinct token. */
interface Kind {
  town: boolean;
  village: boolean;
  place: boolean;
  polluter: boolean;
  residential: boolean;
  notTarget: boolean;
  stopLeft: boolean;
  nameLike: boolean;
}

const kinds = new Map<string, Kind>();

function kind(t: string): Kind {
  let k = kinds.get(t);
  if (k) return k;
  const p = places();
  const town = (p.towns.has(t) || TOWN.test(t)) && t !== "乡镇";
  const village = VILLAGE.test(t) && !NOT_VILLAGE.has(t);
  k = {
    town,
    village,
    place: p.counties.has(t) || town || village || (/[组路街巷]$/.test(t) && t.length <= 5),
    polluter: endsWithAny(t, POLLUTER_SUFFIX),
    residential: endsWithAny(t, RESIDENTIAL_SUFFIX) && t.length >= 3,
    notTarget: NOT_TARGET.has(t),
    stopLeft: STOP_LEFT.has(t),
    nameLike: NAME_LIKE.test(t),
  };
  if (kinds.size > 200_000) kinds.clear();
  kinds.set(t, k);
  return k;
}

/** The target name ending at token i, extended left over name-like tokens. */
function nameAt(tokens: readonly string[], i: number): string {
  let name = tokens[i]!;
  for (let j = i - 1; j >= 0 && j >= i - 8; j--) {
    const t = tokens[j]!;
    const k = kind(t);
    if (k.stopLeft || k.place || !k.nameLike || name.length + t.length > 16) break;
    name = t + name;
  }
  return name;
}

export interface TargetAndPlace {
  target?: string;
  place?: { town?: string; village?: string };
}

/**
 * @param infos the analyzer's per-token infos for these tokens, if at hand: each token's kind is
 *   then memoised on them instead of looked up by string
 */
export function findTargetAndPlace(tokens: readonly string[], infos?: readonly TokenInfo[]): TargetAndPlace {
  const kindAt = infos
    ? (i: number): Kind => {
        const slots = infos[i]!.slots;
        let k = slots[TokenSlot.TargetKind] as Kind | undefined;
        if (!k) slots[TokenSlot.TargetKind] = k = kind(tokens[i]!);
        return k;
      }
    : (i: number): Kind => kind(tokens[i]!);
  let polluter: string | undefined;
  let residential: string | undefined;
  let town: string | undefined;
  let village: string | undefined;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const k = kindAt(i);
    if (!town && k.town) town = t;
    else if (!village && k.village) village = t;
    if (polluter) continue;
    if (k.notTarget) {
      // 工厂 alone is no target, but 金贵工厂 is
      const prev = i > 0 ? kindAt(i - 1) : undefined;
      if (!(prev && prev.nameLike && !prev.stopLeft && !prev.place)) continue;
    }
    if (k.polluter) {
      const name = nameAt(tokens, i);
      if (name.length >= 2) polluter = name;
    } else if (!residential && k.residential) {
      residential = nameAt(tokens, i);
    }
  }
  const target = polluter ?? residential;
  const place = town || village ? { ...(town ? { town } : {}), ...(village ? { village } : {}) } : undefined;
  return { ...(target ? { target } : {}), ...(place ? { place } : {}) };
}
