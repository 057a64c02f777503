import { divisions, shortName } from "../geo/divisions.js";

let placeRe: RegExp | undefined;

/** Hunan's province, prefecture, county and town names, longest first, as one pattern. */
function places(): RegExp {
  if (placeRe) return placeRe;
  const d = divisions();
  const names = new Set<string>(["湖南省", "湖南"]);
  for (const p of d.prefectures) {
    if (p.provinceCode !== "430000") continue;
    names.add(p.name);
    const s = shortName(p.name, "prefecture");
    if (s) names.add(s);
  }
  for (const c of d.counties) {
    if (c.provinceCode !== "430000") continue;
    names.add(c.name);
    const s = shortName(c.name);
    if (s) names.add(s);
  }
  for (const t of d.towns) names.add(t.name);
  const sorted = [...names].sort((a, b) => b.length - a.length).map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
  placeRe = new RegExp(`^(?:${sorted.join("|")})`);
  return placeRe;
}

/**
 * The complained-about target reduced to what identifies it within a county:
 * "郴州市苏仙区白露塘镇某某石材加工厂" and "白露塘镇XX石材加工厂" both become "石材加工厂";
 * "永兴县天安稀贵金属有限公司" becomes "天安稀贵金属公司".
 *
 * Removes leading place names (province, prefecture, county, town, also a generic 某某镇/乡/村),
 * 某/某某/XX/××/＊ placeholders, quotes and brackets, white space, and folds 有限公司 variants
 * to 公司. Returns "" when nothing specific is left (a bare 工厂).
 */
export function normalizeTarget(target: string): string {
  let s = target.replace(/[\s\u3000“”"'‘’《》「」【】()（）]/g, "");
  const re = places();
  for (let guard = 0; guard < 6; guard++) {
    const m = re.exec(s) ?? /^[\u4e00-\u9fa5Xx×＊*]{0,4}?(?:镇|乡|街道|村|社区|组)(?=.{2,})/.exec(s);
    if (!m || !m[0]) break;
    s = s.slice(m[0].length);
  }
  s = s
    // an owner (黄某的养鸡场) names nobody in particular: 养鸡场
    .replace(/[\u4e00-\u9fa5]某+的?(?=.)/g, "")
    .replace(/某+|[Xx×＊*]{1,3}/g, "")
    .replace(/(?:股份)?有限(?:责任)?公司/g, "公司")
    .replace(/^[的之在]/, "");
  return s.length >= 2 && !/^(?:公司|工厂|企业|厂|矿|场|站|小区|工地|餐馆|饭店)$/.test(s) ? s : "";
}

/** Words that say what kind of site a target is, not which one (longest first when matched). */
const GENERIC = [
  "有限公司",
  "公司",
  "矿业",
  "实业",
  "集团",
  "工业园",
  "产业园",
  "园区",
  "农家乐",
  "合作社",
  "养殖场",
  "养殖户",
  "厂",
  "场",
  "矿",
  "站",
  "库",
  "店",
  "园",
  "区",
  "点",
  "队",
  "户",
  "坑",
  "池",
  "窑",
  "房",
  "楼",
  "馆",
  "所",
  "选矿",
  "石材",
  "加工",
  "冶炼",
  "提炼",
  "精炼",
  "养猪",
  "养鸡",
  "养鸭",
  "养牛",
  "生猪",
  "养殖",
  "采石",
  "碎石",
  "砂石",
  "采砂",
  "洗砂",
  "制砂",
  "砖",
  "搅拌",
  "混凝土",
  "沥青",
  "尾矿",
  "矿渣",
  "渣土",
  "堆",
  "饲料",
  "化工",
  "水泥",
  "钢铁",
  "石灰",
  "石墨",
  "废品",
  "回收",
  "垃圾",
  "污水",
  "处理",
  "屠宰",
  "食品",
  "木材",
  "家具",
  "喷漆",
  "汽修",
  "洗车",
  "烧烤",
  "餐饮",
  "建材",
  "商砼",
  "石",
  "煤",
  "小",
  "大",
  "新",
  "老",
  "黑",
  "非法",
  "违法",
  "无证",
  "私人",
  "个体",
  "一家",
  "一个",
  "这家",
  "那家",
  "工地",
  "工程",
  "改造",
  "提质",
  "扩建",
  "新建",
  "施工",
  "酒家",
  "度假村",
  "山庄",
  "夜宵",
  "大排档",
  "超市",
  "中转站",
  "搅拌站",
  "稀土",
  "铅锌",
  "钨",
  "锡",
  "铋",
  "钼",
  "萤石",
  "铜",
  "铁",
  "锰",
  "金属",
  "有色",
  "洗矿",
  "选",
  "洗",
].sort((a, b) => b.length - a.length);

/**
 * The part of a normalised target that names one site: "东江饲料厂" -> "东江", "安丰冶炼厂" ->
 * "安丰", "选矿厂" and "小冶炼厂" -> "" (a kind of site, not a site). Generic words are removed
 * from the end, then from the start.
 */
export function siteName(normalized: string): string {
  let s = normalized;
  for (let changed = true; changed && s;) {
    changed = false;
    for (const g of GENERIC) {
      if (s.endsWith(g)) {
        s = s.slice(0, -g.length);
        changed = true;
        break;
      }
    }
  }
  for (let changed = true; changed && s;) {
    changed = false;
    for (const g of GENERIC) {
      if (s.startsWith(g) && s.length > g.length) {
        s = s.slice(g.length);
        changed = true;
        break;
      }
    }
  }
  return s.length >= 2 ? s : "";
}

/** Province, prefecture, county and town names at the start of a target (not villages). */
function stripAdmin(target: string): string {
  let s = target.replace(/[\s\u3000“”"'‘’《》「」【】()（）]/g, "");
  const re = places();
  for (let guard = 0; guard < 6; guard++) {
    const m = re.exec(s) ?? /^[\u4e00-\u9fa5]{1,4}?(?:镇|乡|街道)(?=.{2,})/.exec(s);
    if (!m || !m[0]) break;
    s = s.slice(m[0].length);
  }
  return s;
}

/** A word a site's name ends with: what makes 安丰冶炼厂 a site and 民周 not. */
const SITE_WORD =
  /(?:厂|场|站|矿|矿业|库|窑|店|馆|公司|合作社|集团|工地|项目|工程|作坊|码头|园|中心|农家乐|山庄|酒家|酒楼|酒吧|KTV|超市|医院|会所|储运|烧烤|夜宵|大排档|学校|塔|度假村|城)$/;
const BOILERPLATE = /(?:过场|现场|到场|在场|当场|出场|收场|立场|官场|草场)$/;
/** Where a site without a name is (柏寨村对面山上). */
const LOCATION_WORD = /(?:山上|后山|河边|河滩|路边|村口|居民点|山林|空地|田里|农田|山脚下?|林地|山坡|山沟)$/;

/**
 * What two complaints must share to be about the same target in one county: the target when it
 * names a site (安丰冶炼厂, whatever the places before it), else a kind of site, an owner or a
 * spot together with the village that identifies them (小坊村选矿厂, 唐洞村黄某的养鸡场 ->
 * 唐洞村黄某养鸡场, 桃田村村民周某 -> 桃田村周某, 柏寨村对面山上). "" when the target identifies
 * nothing (选矿厂, 不要走过场).
 */
export function targetKey(target: string): string {
  const core = normalizeTarget(target);
  // words that end like a site and name none (不要走过场, 请来现场)
  if (BOILERPLATE.test(core)) return "";
  if (core && SITE_WORD.test(core) && siteName(core)) return core;
  const m = /^([\u4e00-\u9fa5]{2,5}?村)(?:村民)?([\u4e00-\u9fa5]某+)?的?(.*)$/.exec(stripAdmin(target));
  if (!m) return "";
  const [, village, person = "", rest = ""] = m;
  const site = rest ? normalizeTarget(rest) || rest.replace(/某+/g, "") : "";
  if (!person && !SITE_WORD.test(site) && !LOCATION_WORD.test(site)) return "";
  return `${village}${person}${site}`;
}

/**
 * The kind of site a target is (东江饲料厂 -> 饲料厂, 唐洞村黄某的养鸡场 -> 养鸡场), when specific
 * enough to tell two sites of one village apart (not 厂, 公司, 饭店): "" otherwise.
 */
export function siteKind(target: string): string {
  const core = normalizeTarget(target);
  if (!SITE_WORD.test(core)) return "";
  const name = siteName(core);
  const kind = name && core.startsWith(name) ? core.slice(name.length) : core;
  return kind.length >= 3 && !/^(?:有限公司|股份公司|工厂|厂房|项目|工地|企业)$/.test(kind) ? kind : "";
}
