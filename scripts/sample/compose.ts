/**
 * Composes the complaint text (交办问题基本情况) from a site and the problems reported about it,
 * in the voices seen in published 边督边改 tables: the clerk's summary of a phone call
 * ("来电反映：……"), a villager's own words, a formal letter with a numbered list, a one-line
 * note, an angry question.
 */
import type { PollutionType } from "../../src/model/vocabulary.js";
import { type County, NATURE_RESERVES, brand, estateName, groupName, roadName, schoolName, SURNAMES, townShort, villageName } from "./geo.js";
import { type Rng, type Slots, cn, expand } from "./rng.js";
import type { Aspect, Scenario } from "./scenarios.js";

/** A concrete site: one enterprise, farm, pond or hillside, stable across repeat complaints. */
export interface Site {
  id: string;
  scenario: Scenario;
  county: County;
  town: string;
  village: string;
  group: string;
  slots: Record<string, string>;
  /** how complainants name it */
  named: string;
  /** registered name used by the investigation */
  official: string;
  business: string;
  foundedYear: number;
  /** permits state, for findings */
  permits: string;
}

const ORES: Record<string, readonly string[]> = {
  北湖区: ["石墨", "铅锌"],
  苏仙区: ["钨", "铋", "钼", "萤石"],
  桂阳县: ["铅锌", "铜"],
  宜章县: ["钨", "锡", "煤"],
  永兴县: ["煤", "铅锌"],
  嘉禾县: ["煤", "锰"],
  临武县: ["锡", "铅锌"],
  汝城县: ["萤石", "钨"],
  桂东县: ["钨", "萤石"],
  安仁县: ["钨", "稀土"],
  资兴市: ["煤", "钨", "铅锌"],
};
const LOCALITY: Record<string, readonly string[]> = {
  北湖区: ["鲁塘", "石盖塘"],
  苏仙区: ["柿竹园", "东坡", "玛瑙山"],
  桂阳县: ["黄沙坪", "宝山", "雷坪"],
  宜章县: ["瑶岗仙", "梅田", "杨梅山"],
  永兴县: ["油麻", "马田"],
  嘉禾县: ["袁家", "坦坪"],
  临武县: ["香花岭", "三十六湾", "金江"],
  汝城县: ["大坪", "延寿"],
  桂东县: ["寨前", "清泉"],
  安仁县: ["牌楼", "龙市"],
  资兴市: ["三都", "周源山", "汤溪"],
};

let siteCounter = 0;

export function makeSite(rng: Rng, scenario: Scenario, county: County, preferTown?: string): Site {
  const setting = scenario.site.setting;
  let town: string;
  if (preferTown) town = preferTown;
  else if (scenario.id === "hotspring" && county.name === "汝城县") town = "热水镇";
  else if (scenario.id === "reserve") {
    const r = NATURE_RESERVES[county.name as keyof typeof NATURE_RESERVES];
    town = r && rng.chance(0.5) && county.towns.includes(r.town) ? r.town : rng.pick(county.rural.length ? county.rural : county.towns);
  } else if (setting === "urban" && county.streets.length > 0 && rng.chance(0.8)) town = rng.pick(county.streets);
  else if (setting === "rural" && county.rural.length > 0) town = rng.pick(county.rural);
  else town = rng.pick(county.towns);
  const urbanSite = town.endsWith("街道") && setting !== "rural";
  const village = urbanSite ? villageName(rng).replace(/村$/, "社区") : villageName(rng);
  const group = groupName(rng);
  const reserve = NATURE_RESERVES[county.name as keyof typeof NATURE_RESERVES];
  const genericRiver = rng.chance(0.2);
  const river = genericRiver ? rng.pick(["村前的小河", "旁边的小溪", "村里的小河", "下游的小河"]) : rng.pick(county.rivers);
  const slots: Record<string, string> = {
    县: county.name,
    镇: town,
    镇短: townShort(town),
    村: village,
    组: group,
    河: river,
    字号: brand(rng),
    姓: rng.pick(SURNAMES),
    小区: estateName(rng),
    路: roadName(rng),
    学: schoolName(rng, town),
    矿: rng.pick(ORES[county.name] ?? ["铅锌"]),
    湖: county.name === "资兴市" ? rng.pick(["东江湖", "东江湖", "小东江"]) : `${rng.pick(["龙潭", "石门", "大冲", "长塘", "高峰", "白沙"])}水库`,
    保: reserve ? rng.pick(reserve.short) : `${townShort(town)}森林公园`,
    塘: rng.pick(["大塘", "山塘", "水塘", "池塘"]),
    地名: rng.pick(LOCALITY[county.name] ?? [townShort(town)]),
    县短: county.short,
    河官: genericRiver ? "附近溪沟" : river,
    设施: rng.pick(["移动基站", "5G基站", "通信基站", "信号塔", "变电站", "高压线", "110千伏变电站"]),
  };
  const variant = scenario.site.variants ? rng.pick(scenario.site.variants) : {};
  for (const [k, v] of Object.entries(variant)) slots[k] = expand(rng, v, { ...slots, n: cn(rng.int(2, 9)) });
  const named = expand(rng, rng.pick(scenario.site.named), slots);
  let official = expand(rng, rng.pick(scenario.site.official), slots);
  if (scenario.id === "construction") {
    official = named.replace(/工地$/, "").replace(/项目$/, "") + (named.includes("工程") ? "" : "项目");
  } else if (!scenario.site.enterprise && scenario.site.mode === "business") {
    const quoted = /“(.+?)”/.exec(named);
    const bare = quoted ? (quoted[1] as string) : named.replace(/^.*?(楼下的|上的|门口的|的)/, "");
    official = `${bare}${rng.chance(0.6) ? "（个体工商户）" : ""}`;
  }
  const business = expand(rng, rng.pick(scenario.site.business), { ...slots, n: cn(rng.int(2, 9)) });
  const permits = scenario.site.enterprise
    ? rng.weighted<string>([
        ["环评手续齐全，已取得排污许可证", 4],
        ["已办理环评手续并完成竣工环保验收", 3],
        ["已进行排污登记", 2],
        ["环评手续不全，未办理排污许可", 1],
        ["未办理环评手续", 1],
      ])
    : "";
  siteCounter++;
  return {
    id: `S${String(siteCounter).padStart(4, "0")}`,
    scenario,
    county,
    town,
    village,
    group,
    slots,
    named,
    official,
    business,
    foundedYear: rng.int(2005, 2021),
    permits,
  };
}

const TIMES = ["每天晚上", "一到晚上", "半夜", "凌晨两三点", "晚上十点以后", "每天早上五六点", "白天晚上都", "周末", "夜里", "晚上", "深夜"];
const SINCE = ["长期", "一直", "近半年来", "今年以来", "从去年开始就", "这两年", "最近一个多月", "几年来一直", "自今年4月以来", "近期", "最近"];
const DISTANCES = ["30米", "50多米", "二三十米", "一百来米", "不到20米", "十几米"];
const MU = ["3亩", "5.6亩", "8亩", "12亩", "2.3亩", "20余亩", "15亩", "30多亩", "6.8亩", "1.5亩"];

/** The slots an aspect template may use, for one complaint about one site. */
export function textSlots(rng: Rng, site: Site, short: readonly string[], date: string): Slots {
  return {
    ...site.slots,
    短: () => rng.pick(short),
    名: site.named,
    全名: site.official,
    时: () => rng.pick(TIMES),
    久: () => rng.pick(SINCE),
    距: () => rng.pick(DISTANCES),
    亩: () => rng.pick(MU),
    n: () => cn(rng.int(2, 9)),
    基层: site.town.endsWith("街道") || site.scenario.site.setting === "urban" ? "[社区|街道办|社区居委会]" : "[镇政府|镇里|村委会|村干部]",
    日: () => {
      const d = new Date(`${date}T00:00:00Z`);
      d.setUTCDate(d.getUTCDate() - rng.int(20, 200));
      return `${d.getUTCFullYear()}年${d.getUTCMonth() + 1}月${d.getUTCDate()}日`;
    },
  };
}

// ---------------------------------------------------------------------------------------------
// banks

const OPENERS_PHONE: readonly (readonly [string, number])[] = [
  ["来电反映：", 6],
  ["来电人反映：", 4],
  ["群众来电反映，", 3],
  ["来电人称，", 2],
  ["举报人称：", 2],
  ["有群众反映：", 2],
  ["群众反映：", 4],
  ["反映：", 1],
  ["", 9],
  ["来电反映，", 2],
  ["来电人反映，", 2],
  ["群众反映，", 2],
  ["来电者反映：", 1],
];
const OPENERS_LETTER: readonly (readonly [string, number])[] = [
  ["来信反映：", 6],
  ["来信人反映：", 3],
  ["群众来信反映，", 3],
  ["有群众来信反映：", 2],
  ["", 3],
  ["来信称：", 1],
  ["{村}部分村民联名来信反映：", 1],
];
const OPENERS_REPEAT = ["有群众多次反映：", "群众再次反映：", "来电人再次反映，", "又有群众反映：", "有群众多次来电反映，"];

const IMPACT: Record<PollutionType, { plain: readonly string[]; formal: readonly string[] }> = {
  大气: {
    plain: [
      "[臭得|熏得|呛得][不敢开窗|门窗都要关死|饭都吃不下]",
      "晚上睡觉都被[熏醒|呛醒]",
      "[衣服|被子][都不敢|不敢]晒在外面",
      "[老人小孩|家里老人|孩子][天天|经常]咳嗽",
      "[菜叶上|屋顶上|桌子上]全是灰",
      "[出门|走在路上]要[戴口罩|捂着鼻子]",
      "[村民|居民|我们][苦不堪言|怨声载道|天天受罪]",
      "[在家|家里]待都待不住",
    ],
    formal: ["严重影响周边居民正常生活", "对周边群众身体健康造成影响", "周边群众意见很大", "严重影响周边空气质量", "影响周边居民生活"],
  },
  水: {
    plain: [
      "河里的鱼都死了",
      "[以前|原来]能[洗衣服|游泳|洗菜]，现在都不敢下河了",
      "井水都不能喝了",
      "[牛|鸭子]喝了河水都[生病|死了]",
      "[田里|稻田]的水都是[黑的|黄的]",
      "[下游|下面]几个村[吃水|用水]都成了问题",
      "[整条河|河沟]都[变了颜色|毁了]",
    ],
    formal: ["威胁下游群众饮水安全", "对{河}水质造成影响", "影响农田灌溉", "对周边水环境造成污染", "影响下游村民生产生活用水"],
  },
  噪声: {
    plain: [
      "晚上吵得睡不着",
      "[孩子|小孩][没法|不能][写作业|学习|睡觉]",
      "[老人|家里老人][心脏不好|身体不好]，被吵得受不了",
      "[天天|每天晚上]都要[戴耳塞|吃安眠药]才能睡",
      "[白天|上夜班的]人[根本|]没法补觉",
      "[一家人|全家][都神经衰弱了|都休息不好]",
    ],
    formal: ["严重影响周边居民休息", "严重干扰周边群众正常生活", "周边居民反映强烈", "影响周边学生学习和居民休息"],
  },
  土壤: {
    plain: ["[种出来的|收的][稻谷|米|菜]都不敢吃", "菜地里的菜长不起来", "[田|地]里[颗粒无收|种什么死什么]", "[祖祖辈辈种的|好好的]田[毁了|废了]"],
    formal: ["影响农产品质量安全", "对周边耕地造成污染", "影响群众身体健康和农业生产"],
  },
  固废: {
    plain: ["[路都走不了|车都过不去]", "[堆得像小山一样|越堆越多]", "[看着|看了]让人[心疼|寒心]"],
    formal: ["影响村容村貌", "影响周边环境卫生", "存在环境安全隐患"],
  },
  生态: {
    plain: ["[看着|看了][心疼|让人心疼]", "[子孙后代|以后的人]怎么办", "[生态|环境]破坏[太严重了|得不成样子]"],
    formal: ["破坏了生态环境", "造成水土流失", "对生态环境造成严重破坏", "存在[地质灾害|安全]隐患"],
  },
  辐射: {
    plain: ["[家里老人|老人|孩子]最近[经常头晕|睡不好]，怀疑[跟辐射有关|是辐射导致的]", "[住户|居民|大家][都很担心|心里不踏实]"],
    formal: ["周边居民担心辐射影响身体健康", "引起周边群众恐慌"],
  },
  其他: { plain: ["[老百姓|大家|我们][有意见|很有意见]", "[大家|群众]心里不踏实"], formal: ["群众意见较大", "损害了群众的合法权益"] },
};

const INACTION_BUSINESS = [
  "每次[检查|来查]之前[老板|他们]都[提前知道消息|提前停产]，[检查完|人一走]又[照旧|恢复生产]",
  "[罚了款|罚过几次]也没用，[照样|还是][老样子|我行我素]",
  "[听说|据说][老板|他们][有关系|有后台]，[谁都不怕|没人敢管]",
];
const INACTION = [
  "[多次|几次][向|找]{基层}反映[无果|都没用|没人管]",
  "打过[12345|12369|市长热线|环保热线][好几次|很多次]，[都没有|一直没]解决",
  "[环保局|生态环境分局|环保部门]的人来看过一次就[没下文了|走了]",
  "{基层}[说|讲][管不了|这是县里的项目，他们管不了]",
  "[怀疑|村民怀疑][有人|有关部门|镇里有人][包庇|充当保护伞]",
  "[有关部门|监管部门][相互推诿|不作为|监管不力]",
  "{基层}来人看了看，说[会处理|马上整改]，[结果|可是][到现在|至今][还是老样子|一点变化都没有]",
];
const DEMAND_BUSINESS = ["要求依法关停。", "强烈要求[关停|搬迁]。", "要求[赔偿|补偿]损失。", "要求[停产|停工]整改。", "请求依法查处。"];
const DEMAND = [
  "请求督察组督促整改。",
  "希望督察组来现场看看。",
  "恳请督察组帮我们解决。",
  "希望尽快解决。",
  "请求督察组督办。",
  "要求[检测|监测]并公开结果。",
  "请求给[村民|群众|我们]一个说法。",
  "希望政府[管一管|重视]。",
  "请督察组一定要管一管！",
  "希望彻底整改，不要走过场。",
  "希望[有关部门|相关部门][认真|切实]处理。",
  "请求[尽快|早日][处理|解决]。",
];
const REPEAT_MARKERS = [
  "之前已经举报过，整改后又反弹了",
  "[上次|之前]督察组交办后停了[几天|一段时间]，现在又[开始了|恢复原样了]",
  "[这个问题|该问题][2021年|上一轮]督察时就反映过，至今没有解决",
  "这已经是[第三次|第二次|好几次]反映了",
  "[前几天|前段时间|上个星期]已经[打过电话|反映过]，[到现在|至今]没有任何变化",
  "[整改|检查]只是走过场，[现在|人一走][又恢复|又照旧]了",
  "[此前|之前][多次|已]反映，问题[一直|始终]没有解决",
];
const QUESTIONS = ["为什么一直没人管？", "到底有没有人管？", "难道就没人能管吗？", "这样下去[我们|老百姓]还怎么生活？", "环保部门[干什么去了|都不管吗]？"];
const CONNECTORS = ["，", "，", "，", "，而且", "；另外，", "。另外，", "。同时，", "，并且", "。此外，"];

export interface Claim {
  aspect: Aspect;
  /** the clause(s) said about it */
  text: string;
}

export interface ComposeInput {
  rng: Rng;
  channel: "来电" | "来信";
  date: string;
  /** one or two sites (two: a multi-problem complaint about neighbouring sites) */
  parts: readonly { site: Site; aspects: readonly Aspect[] }[];
  repeat?: { nth: number };
  /** a problem of another type the complainant says is solved (must not be labelled) */
  pastSolved?: Aspect;
  school?: boolean;
}

export interface Composed {
  text: string;
  claims: Claim[];
  impacts: string[];
  /** the complaint named the site (vs 某/一家) */
  namedSite: boolean;
  /** the complaint says officials did not act */
  inaction: boolean;
  style: string;
}

function locPhrase(rng: Rng, site: Site, full: boolean): string {
  const { county, town, village, group } = site;
  const urban = town.endsWith("街道") || site.scenario.site.setting === "urban";
  if (urban) {
    return expand(rng, full ? "[郴州市{县}{镇}|{县}{镇}|{县}{路}|{县}]" : "[{镇}|{路}|{县}{镇}|]", site.slots);
  }
  const options: [string, number][] = full
    ? [
        [`郴州市${county.name}${town}${village}`, 2],
        [`${county.name}${town}${village}${group}`, 3],
        [`${county.name}${town}${village}`, 4],
        [`${county.name}${town}`, 3],
        [`${town}${village}`, 2],
      ]
    : [
        [`${town}${village}`, 4],
        [`${town}${village}${group}`, 2],
        [`${town}`, 2],
        [`${village}`, 1],
        [`${county.name}${town}`, 2],
      ];
  return rng.weighted(options);
}

/** First mention of the site, with its place: "北湖区华塘镇某石材加工厂". */
function firstMention(rng: Rng, site: Site, named: boolean, full: boolean): string {
  const slots = site.slots;
  const name = named ? site.named : expand(rng, rng.pick(site.scenario.site.anon), slots);
  let loc = locPhrase(rng, site, full);
  // do not say the village or road twice
  if (name.includes(site.village)) loc = loc.replace(site.village, "").replace(site.group, "");
  if (name.includes(slots["路"] ?? "\u0000")) loc = loc.replace(slots["路"] ?? "", "");
  if (name.includes(slots["小区"] ?? "\u0000") && loc.endsWith(slots["小区"] ?? "\u0000")) loc = loc.slice(0, -(slots["小区"] ?? "").length);
  if (/^(有人|有老板|一伙人|一个老板|几个|一些|一家公司|有|不知道是谁)/.test(name) || (!named && /^\{?(村里|附近|我们)/.test(name))) {
    return `${loc}${name}`;
  }
  if (named) {
    return rng.weighted<string>([
      [`${loc}${loc && !/[的]$/.test(loc) && rng.chance(0.5) ? "的" : ""}${name}`, 6],
      [`位于${loc || site.town}的${name}`, 2],
      [`${name}（位于${loc || site.town}）`, 1],
    ]);
  }
  return `${loc}${name}`;
}

/** A clause of the complaint; `own` when it has its own subject (template starts with ^). */
interface Said {
  text: string;
  own: boolean;
}

function sayAll(rng: Rng, aspects: readonly Aspect[], slots: Slots, claims: Claim[]): Said[] {
  const out: Said[] = [];
  for (const a of aspects) {
    const n = rng.chance(0.15) ? 2 : 1;
    const templates = rng.sample(a.say, n);
    const own = (templates[0] ?? "").startsWith("^");
    const text = templates.map((t) => expand(rng, t.replace(/^\^/, ""), slots)).join("，");
    claims.push({ aspect: a, text });
    out.push({ text, own });
  }
  return out;
}

/**
 * "该厂" + clauses, with a comma when the first clause has its own subject (an adverb of time
 * that would then dangle is dropped).
 */
function after(subject: string, says: readonly Said[], rng: Rng, since = ""): string {
  const first = says[0];
  const own = Boolean(subject && first?.own);
  return `${subject}${own ? "，" : since}${joinClauses(
    rng,
    says.map((s) => s.text),
  )}`;
}

function joinClauses(rng: Rng, clauses: readonly string[]): string {
  let s = clauses[0] ?? "";
  for (let i = 1; i < clauses.length; i++) s += rng.pick(CONNECTORS) + clauses[i];
  return s;
}

const AIR_PLAIN: Record<string, readonly string[]> = {
  扬尘: [
    "[菜叶上|屋顶上|桌子上]全是灰",
    "[衣服|被子][都不敢|不敢]晒在外面",
    "[出门|走在路上]要[戴口罩|捂着鼻子]",
    "[老人小孩|家里老人|孩子][天天|经常]咳嗽",
    "[窗户|门窗][都不敢开|天天要擦]",
  ],
  油烟: ["[熏得|呛得][不敢开窗|门窗都要关死]", "[衣服|被子][都不敢|不敢]晒在外面", "家里[全是|都是]油烟味", "[窗户|纱窗]上[全是油|一层油]"],
  "恶臭/异味": [
    "[臭得|熏得][不敢开窗|门窗都要关死|饭都吃不下]",
    "晚上睡觉都被[熏醒|臭醒]",
    "[村民|居民|我们][苦不堪言|怨声载道|天天受罪]",
    "[在家|家里]待都待不住",
    "[出门|走在路上]要[戴口罩|捂着鼻子]",
  ],
  工业废气: [
    "[熏得|呛得][不敢开窗|门窗都要关死]",
    "晚上睡觉都被[熏醒|呛醒]",
    "[老人小孩|家里老人|孩子][天天|经常]咳嗽",
    "[村民|居民|我们][苦不堪言|怨声载道|天天受罪]",
    "[出门|走在路上]要[戴口罩|捂着鼻子]",
  ],
  露天焚烧: ["[熏得|呛得][不敢开窗|门窗都要关死]", "[老人小孩|家里老人|孩子][天天|经常]咳嗽", "[衣服|被子][都不敢|不敢]晒在外面"],
};

function impactFor(rng: Rng, aspects: readonly Aspect[], formal: boolean, slots: Slots): string {
  const a = rng.pick(aspects);
  if (!formal && a.impact && rng.chance(0.7)) return expand(rng, rng.pick(a.impact), slots);
  const air = AIR_PLAIN[a.sub];
  if (!formal && a.type === "大气" && air) return expand(rng, rng.pick(air), slots);
  const bank = IMPACT[a.type];
  return expand(rng, rng.pick(formal ? bank.formal : bank.plain), slots);
}

function demand(rng: Rng, site: Site, slots: Slots): string {
  const business = site.scenario.site.mode === "business" && site.scenario.site.enterprise;
  return expand(rng, business && rng.chance(0.35) ? rng.pick(DEMAND_BUSINESS) : rng.pick(DEMAND), slots);
}

let saidInaction = false;

function inaction(rng: Rng, site: Site, slots: Slots): string {
  saidInaction = true;
  const business = site.scenario.site.mode === "business";
  return end(expand(rng, business && rng.chance(0.3) ? rng.pick(INACTION_BUSINESS) : rng.pick(INACTION), slots));
}

function end(s: string): string {
  return /[。！？!?]$/.test(s) ? s : `${s}。`;
}

function opener(rng: Rng, input: ComposeInput, slots: Slots): string {
  if (input.repeat && rng.chance(0.45)) return rng.pick(OPENERS_REPEAT);
  return expand(rng, rng.weighted(input.channel === "来电" ? OPENERS_PHONE : OPENERS_LETTER), slots);
}

export function compose(input: ComposeInput): Composed {
  saidInaction = false;
  const c = composeText(input);
  return { ...c, inaction: saidInaction };
}

function composeText(input: ComposeInput): Omit<Composed, "inaction"> {
  const { rng } = input;
  const first = input.parts[0];
  if (!first) throw new Error("compose without parts");
  const claims: Claim[] = [];
  const impacts: string[] = [];
  const shortOf = (site: Site) => site.scenario.site.short;
  const slots0 = textSlots(rng, first.site, shortOf(first.site), input.date);
  const repeatText = input.repeat ? expand(rng, rng.pick(REPEAT_MARKERS), slots0) : "";
  const named = input.repeat !== undefined || rng.chance(0.45);
  const schoolText = input.school ? expand(rng, "[旁边|附近|{距}外]就是{学}，[几百个|很多][学生|孩子][在那里上学|受影响]", slots0) : "";

  // a multi-site letter: always a numbered list
  if (input.parts.length > 1) {
    const op = opener(rng, input, slots0);
    const place = rng.chance(0.5) ? `${first.site.county.name}${first.site.town}${first.site.village}` : `${first.site.town}${first.site.village}`;
    const items = input.parts.map((p) => {
      const s = textSlots(rng, p.site, shortOf(p.site), input.date);
      const mention = firstMention(rng, p.site, rng.chance(0.5), false).replace(new RegExp(`^(${p.site.county.name})?${p.site.town}${p.site.village}`), "");
      return after(mention, sayAll(rng, p.aspects, s, claims), rng);
    });
    const sep = rng.chance(0.4) ? "\n" : "";
    let text = `${op}${place}存在[以下|如下|多个]环境问题：`;
    text = expand(rng, text, slots0) + sep;
    items.forEach((it, i) => {
      text += `${i + 1}、${it}${i === items.length - 1 ? "。" : "；"}${sep}`;
    });
    if (rng.chance(0.5)) text += inaction(rng, first.site, slots0);
    if (rng.chance(0.6)) text += demand(rng, first.site, slots0);
    return { text: text.replace(/\n$/, ""), claims, impacts, namedSite: false, style: "multi-site" };
  }

  const { site, aspects } = first;
  const slots = slots0;
  const style = rng.weighted<string>([
    ["standard", 38],
    ["first-person", 18],
    ["formal", site.scenario.site.mode === "actor" ? 0 : 13],
    ["short", input.repeat ? 4 : 15],
    ["question", 9],
    ["long", site.scenario.site.mode === "business" && site.scenario.site.enterprise ? 12 : 0],
  ]);
  const past = input.pastSolved
    ? expand(rng, `[以前|之前|去年]反映的${rng.pick(input.pastSolved.noun)}问题已经[解决了|整改好了]，[但是|可是|]现在`, slots)
    : "";
  const mode = site.scenario.site.mode;

  if (style === "short" && !input.repeat) {
    const mention = firstMention(rng, site, named, rng.chance(0.6));
    const says = sayAll(rng, aspects, slots, claims);
    const op = rng.chance(0.5) ? "" : opener(rng, input, slots);
    return { text: `${op}${end(after(`${mention}${past}`, says, rng))}`, claims, impacts, namedSite: named, style };
  }

  if (style === "long") return { ...longLetter(input, site, aspects, named, slots, claims, impacts, repeatText, schoolText, past), style };

  if (style === "formal") {
    const op = opener(rng, input, slots);
    const mention = firstMention(rng, site, named, true);
    const nouns = aspects.map((a) => rng.pick(a.noun));
    const uniq = [...new Set(nouns)];
    let text = `${op}${mention}${rng.pick(["存在", "长期存在", "一直存在", "涉嫌存在"])}${uniq.join("、")}${uniq.length > 1 && rng.chance(0.5) ? "等" : ""}问题`;
    const says = sayAll(rng, aspects, slots, claims);
    const sep = rng.chance(0.35) ? "\n" : "";
    if (says.length > 1 || rng.chance(0.4)) {
      text += `，具体[如下|为]：${sep}`;
      const items = says.map((s, i) => (s.own ? s.text : `${i === 0 || rng.chance(0.5) ? expand(rng, "{短}", slots) : ""}${s.text}`));
      if (schoolText) items.push(schoolText);
      if (rng.chance(0.45)) items.push(inaction(rng, site, slots).replace(/。$/, ""));
      items.forEach((s, i) => {
        text += `${i + 1}、${s}${i === items.length - 1 ? "。" : "；"}${sep}`;
      });
    } else {
      text += `。${after(`${says[0]?.own ? "" : expand(rng, "{短}", slots)}${past}`, says, rng)}`;
      if (schoolText) text += `，${schoolText}`;
      const imp = impactFor(rng, aspects, true, slots);
      text += `，${imp}。`;
    }
    text += demand(rng, site, slots);
    if (repeatText) text = `${text}${end(repeatText)}`;
    return { text: expand(rng, text, slots).replace(/\n$/, ""), claims, impacts, namedSite: named, style };
  }

  if (style === "first-person") {
    const op = opener(rng, input, slots);
    const urban = site.town.endsWith("街道") || site.scenario.site.setting === "urban";
    const who = urban
      ? expand(rng, "[我家住在{县}{镇}{小区}|我是{县}{镇}{小区}的[业主|住户]|我住在{镇}{小区}]，", slots)
      : expand(rng, `[我是|我们是]${rng.chance(0.5) ? "{县}" : ""}{镇}{村}[{组}|]的[村民|老百姓|]，`, slots);
    let intro: string;
    let subject: string;
    if (mode === "actor") {
      const who2 = named ? site.named : expand(rng, rng.pick(site.scenario.site.anon), slots);
      intro = `${expand(rng, "[最近|这段时间|近来|]", slots)}${who2}`;
      subject = "";
    } else if (mode === "place") {
      const place = named ? site.named : expand(rng, rng.pick(site.scenario.site.anon), slots).replace(/^的/, "");
      intro = `${expand(rng, urban ? "[我们小区|我们这里|我家楼下]" : "[我们村|我们这里|村里]", slots)}${/^(上游|附近|周边|的)/.test(place) ? "" : "的"}${place.replace(site.village, "").replace(/^的/, "的")}`;
      subject = "";
    } else {
      const kind = expand(rng, rng.pick(site.scenario.site.kind ?? ["厂"]), slots);
      const near = urban ? "[我们小区旁边|楼下|小区门口|我家对面|离我家{距}的地方]" : "[我们村|村里|我家旁边|家门口|屋后面|离我家{距}的地方]";
      intro = named
        ? `${expand(rng, `${near}[有|开了|建了][一家|个|]`, slots)}${site.named}，`
        : `${expand(rng, `${near}[有|开了|建了][一家|个|一个]`, slots)}${kind}，`;
      subject = expand(rng, "[{短}|他们|]", slots);
    }
    const says = sayAll(rng, aspects, slots, claims);
    const since = mode !== "actor" && rng.chance(0.4) ? rng.pick(SINCE) : "";
    let text = `${op}${who}${after(`${intro}${subject}${past}`, says, rng, since)}`;
    if (schoolText) text += `，${schoolText}`;
    const imp = impactFor(rng, aspects, false, slots);
    impacts.push(imp);
    text += `，${imp}。`;
    if (repeatText) text += end(repeatText);
    if (rng.chance(0.5)) text += inaction(rng, site, slots);
    if (rng.chance(0.6)) text += demand(rng, site, slots);
    return { text, claims, impacts, namedSite: named, style };
  }

  // standard and question
  const op = opener(rng, input, slots);
  const mention = firstMention(rng, site, named, rng.chance(0.7));
  const since = site.scenario.site.mode !== "actor" && rng.chance(0.3) ? rng.pick(SINCE) : "";
  const says = sayAll(rng, aspects, slots, claims);
  let text = `${op}${after(`${mention}${past}`, says, rng, since)}`;
  if (schoolText) text += `，${schoolText}`;
  if (rng.chance(0.7)) {
    const formal = rng.chance(0.4);
    const imp = impactFor(rng, aspects, formal, slots);
    if (!formal) impacts.push(imp);
    text += `，${imp}`;
  }
  if (style === "question") {
    text += `。${repeatText ? end(repeatText) : ""}${expand(rng, rng.pick(QUESTIONS), slots)}`;
    if (rng.chance(0.4)) text += demand(rng, site, slots);
    return { text, claims, impacts, namedSite: named, style };
  }
  text += "。";
  if (repeatText) text += end(repeatText);
  if (rng.chance(0.35)) text += inaction(rng, site, slots);
  if (rng.chance(0.5)) text += demand(rng, site, slots);
  return { text, claims, impacts, namedSite: named, style };
}

const ASKS = [
  "[责令|要求]{短正}立即停产整改",
  "对周边{介质}进行[检测|监测]并[向村民|向群众|]公开结果",
  "依法追究[相关人员|失职人员]的责任",
  "对受损的{受损}给予赔偿",
  "[彻底|尽快][关停|搬迁]{短正}",
  "加强日常监管，防止问题反弹",
  "[公开|公布]{短正}的环评和排污许可情况",
  "[派人|安排专人]到现场[调查|暗访]，不要提前打招呼",
];
const BACKGROUND = ["自{年}年[建成|开办|投产]以来[，|]", "[从|自]{年}年开始[，|]", "[这几年|近几年]来", "[多年来|长期以来]"];

function longLetter(
  input: ComposeInput,
  site: Site,
  aspects: readonly Aspect[],
  named: boolean,
  slots: Slots,
  claims: Claim[],
  impacts: string[],
  repeatText: string,
  schoolText: string,
  past: string,
): { text: string; claims: Claim[]; impacts: string[]; namedSite: boolean } {
  const { rng } = input;
  const op = opener(rng, input, slots);
  const urban = site.town.endsWith("街道") || site.scenario.site.setting === "urban";
  const medium: Record<string, string> = { 水: "水体", 大气: "空气", 土壤: "土壤" };
  const sl: Slots = {
    ...slots,
    年: String(rng.int(2012, 2021)),
    介质: medium[aspects[0]?.type ?? ""] ?? "环境",
    受损: urban ? "[房屋|住户]" : "[农田|房屋|庄稼]",
    短正: site.scenario.site.short.find((x) => x.startsWith("该")) ?? `该${expand(rng, site.scenario.site.kind?.[0] ?? "厂", slots)}`,
  };
  const who = rng.chance(0.6) ? expand(rng, urban ? "我们是{县}{镇}{小区}的[业主|住户]，" : "我们是{县}{镇}{村}[{组}|]的[村民|全体村民|部分村民]，", sl) : "";
  const mention = firstMention(rng, site, named, !who);
  const background = site.scenario.id === "construction" ? "自[今年|去年][3|4|5]月开工以来" : rng.pick(BACKGROUND);
  let text = `${op}${who}${mention}${expand(rng, background, sl)}[严重|]影响周边${urban ? "[群众|居民]" : "[群众|村民]"}的[生产生活|正常生活|身体健康]，[具体|现]反映如下：`;
  text = expand(rng, text, sl);
  const sep = rng.chance(0.5) ? "\n" : "";
  const items: string[] = [];
  for (const a of aspects) {
    const n = Math.min(a.say.length, rng.int(2, 3));
    const said = rng.sample(a.say, n).map((t) => expand(rng, t.replace(/^\^/, ""), sl));
    claims.push({ aspect: a, text: said.join("，") });
    let item = `${expand(rng, "{短}", sl)}${past && items.length === 0 ? past : ""}${said.join("，")}`;
    if (rng.chance(0.7)) {
      const imp = impactFor(rng, [a], false, sl);
      impacts.push(imp);
      item += `，${imp}`;
    }
    items.push(item);
  }
  if (schoolText) items.push(schoolText);
  if (repeatText) items.push(repeatText);
  const i1 = inaction(rng, site, sl).replace(/。$/, "");
  let i2 = rng.chance(0.5) ? inaction(rng, site, sl).replace(/。$/, "") : "";
  if (i2.slice(0, 4) === i1.slice(0, 4)) i2 = "";
  items.push(i2 ? `${i1}，${i2}` : i1);
  text += sep;
  items.forEach((it, i) => {
    text += `${i + 1}、${it}${i === items.length - 1 ? "。" : "；"}${sep}`;
  });
  const asks = rng.sample(ASKS, rng.int(2, 3)).map((a) => expand(rng, a, sl));
  const nums = ["一是", "二是", "三是"];
  text += `${expand(rng, "[为此，|为此|现]", sl)}${urban ? "[我们|居民们]" : "[我们|村民们]"}[恳请|请求|强烈要求]督察组：${asks.map((a, i) => `${nums[i]}${a}`).join("；")}。`;
  return { text: expand(rng, text, sl), claims, impacts, namedSite: named };
}

export { IMPACT };
