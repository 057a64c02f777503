/**
 * Places of the sample: 郴州's eleven county-level units with their towns (from
 * data/divisions/towns-hunan.csv), invented villages, housing estates and enterprise names, and
 * the local context (rivers, mining areas, protected areas) the complaints talk about.
 *
 * Enterprise, estate and person names are invented by combining common characters; any likeness
 * to a real enterprise or person is accidental.
 */
import { readFileSync } from "node:fs";
import { type Rng, expand } from "./rng.js";

export interface County {
  code: string;
  name: string;
  /** 资兴 / 苏仙, as tables and people write it */
  short: string;
  /** share of complaints (relative) */
  weight: number;
  /** rectification speed: > 1 slower (cases close later) */
  slowness: number;
  rivers: readonly string[];
  /** local features complaints mention, by theme */
  mining: readonly string[];
  towns: readonly string[];
  /** 街道 (urban sub-districts) */
  streets: readonly string[];
  /** 镇/乡 (rural townships) */
  rural: readonly string[];
}

const COUNTY_DEFS: readonly Omit<County, "towns" | "streets" | "rural">[] = [
  { code: "431002", name: "北湖区", short: "北湖", weight: 15, slowness: 0.9, rivers: ["郴江", "西河", "燕泉河"], mining: ["石墨", "石材"] },
  { code: "431003", name: "苏仙区", short: "苏仙", weight: 15, slowness: 1.0, rivers: ["郴江", "东河", "许家洞河"], mining: ["钨", "铋", "钼", "有色金属"] },
  {
    code: "431021",
    name: "桂阳县",
    short: "桂阳",
    weight: 11,
    slowness: 1.05,
    rivers: ["舂陵江", "舂陵江", "春陵江", "西河", "欧阳海水库"],
    mining: ["铅锌", "有色金属", "石材"],
  },
  { code: "431022", name: "宜章县", short: "宜章", weight: 9, slowness: 1.35, rivers: ["武水", "长乐水", "白沙河"], mining: ["钨", "锡", "煤"] },
  { code: "431023", name: "永兴县", short: "永兴", weight: 9, slowness: 1.0, rivers: ["便江", "耒水", "西河"], mining: ["稀贵金属", "银", "煤"] },
  { code: "431024", name: "嘉禾县", short: "嘉禾", weight: 6, slowness: 0.85, rivers: ["钟水河", "钟水"], mining: ["铸造", "石灰", "煤"] },
  { code: "431025", name: "临武县", short: "临武", weight: 8, slowness: 1.45, rivers: ["武水", "甘溪河", "武水河"], mining: ["锡", "铅锌", "大理石"] },
  { code: "431026", name: "汝城县", short: "汝城", weight: 5, slowness: 1.05, rivers: ["集龙河", "热水河", "浙水"], mining: ["萤石", "钨"] },
  { code: "431027", name: "桂东县", short: "桂东", weight: 4, slowness: 1.0, rivers: ["沤江", "寨前河", "清泉河"], mining: ["钨"] },
  { code: "431028", name: "安仁县", short: "安仁", weight: 5, slowness: 0.95, rivers: ["永乐江", "排山河"], mining: ["砂石"] },
  { code: "431081", name: "资兴市", short: "资兴", weight: 9, slowness: 0.85, rivers: ["东江", "耒水", "东江湖"], mining: ["煤", "钨"] },
];

function loadTowns(): Map<string, string[]> {
  const csv = readFileSync(new URL("../../data/divisions/towns-hunan.csv", import.meta.url), "utf8");
  const towns = new Map<string, string[]>();
  for (const line of csv.split(/\r?\n/).slice(1)) {
    const [code, name] = line.split(",");
    if (!code || !name || !code.startsWith("4310")) continue;
    // state farms and development zones are not where villagers say they live
    if (/林场|开发区/.test(name)) continue;
    const list = towns.get(code) ?? [];
    list.push(name);
    towns.set(code, list);
  }
  return towns;
}

const TOWNS = loadTowns();

export const COUNTIES: readonly County[] = COUNTY_DEFS.map((c) => {
  const towns = TOWNS.get(c.code);
  if (!towns || towns.length === 0) throw new Error(`no towns for ${c.code} ${c.name}`);
  const streets = towns.filter((t) => t.endsWith("街道"));
  const rural = towns.filter((t) => !t.endsWith("街道"));
  return { ...c, towns, streets, rural };
});

export function countyByCode(code: string): County {
  const c = COUNTIES.find((x) => x.code === code);
  if (!c) throw new Error(`unknown county ${code}`);
  return c;
}

/** "华塘镇" -> "华塘", "仰天湖瑶族乡" -> "仰天湖", "便江街道" -> "便江". */
export function townShort(town: string): string {
  return town.replace(/(瑶族)?(街道|镇|乡)$/, "");
}

const VILLAGE_A = "石龙塘新大小高上下黄白长枫杉茶竹桃李刘陈何罗曹邓廖雷谢朱欧唐梅松柏莲荷金银铜水田岩坪湾洞".split("");
const VILLAGE_B = "岭湾冲坪洞田塘家山口源桥溪垅坳头背屋园江水井岗坑寨洲铺坊湖".split("");
const VILLAGE_WHOLE = [
  "田心",
  "新屋",
  "长富",
  "联合",
  "和平",
  "光明",
  "新民",
  "红星",
  "东风",
  "民主",
  "团结",
  "大塘背",
  "石灰冲",
  "黄泥坳",
  "枫树下",
  "樟木岭",
  "杨柳塘",
  "桐木坪",
  "茶叶冲",
  "高车头",
  "水口山",
  "铁炉坪",
  "五一",
  "新田岭",
  "老屋场",
  "荷叶塘",
  "板桥",
  "车田",
  "岩口",
  "塘湾",
  "沙田",
  "长冲",
  "梅子窝",
];

export function villageName(rng: Rng): string {
  if (rng.chance(0.3)) return `${rng.pick(VILLAGE_WHOLE)}村`;
  const a = rng.pick(VILLAGE_A);
  let b = rng.pick(VILLAGE_B);
  while (b === a) b = rng.pick(VILLAGE_B);
  return `${a}${b}村`;
}

export function groupName(rng: Rng): string {
  const n = rng.int(1, 16);
  return rng.weighted<string>([
    [`${n}组`, 5],
    [`第${n}组`, 1],
    [`${["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"][Math.min(n, 10) - 1]}组`, 2],
    [`${rng.pick(VILLAGE_A)}${rng.pick(VILLAGE_B)}组`, 2],
  ]);
}

const ESTATE_A = [
  "锦华",
  "东湖",
  "翰林",
  "金色",
  "南岭",
  "湘南",
  "盛世",
  "御景",
  "福城",
  "泰和",
  "康桥",
  "湖畔",
  "山水",
  "云龙",
  "龙凤",
  "江南",
  "阳光",
  "书香",
  "天悦",
  "鑫源",
  "华府",
  "名都",
  "桂花",
  "燕泉",
  "香樟",
  "碧桂",
  "凯旋",
  "和谐",
  "幸福",
];
const ESTATE_B = ["花园", "小区", "家园", "苑", "华府", "名城", "公馆", "新城", "佳苑", "雅居", "国际", "豪庭"];
export function estateName(rng: Rng): string {
  return `${rng.pick(ESTATE_A)}${rng.pick(ESTATE_B)}`;
}

const ROADS = [
  "人民路",
  "五岭大道",
  "郴州大道",
  "南岭大道",
  "青年大道",
  "国庆南路",
  "解放路",
  "燕泉路",
  "文化路",
  "北湖路",
  "飞虹路",
  "香雪路",
  "兴隆路",
  "建设路",
  "新华路",
  "工业大道",
  "滨江路",
  "健康路",
  "裕后街",
  "友谊路",
];
export function roadName(rng: Rng): string {
  return rng.pick(ROADS);
}

/** 字号: two characters as Chinese firms choose them. */
const BRAND = "鑫宏顺达泰丰源兴旺盛利恒金华远通鸿瑞嘉富昌隆祥发荣光明新宇晟腾锦宝安润永辉振晶湘南岭福吉和天正佳丰众诚信义邦凯盈德汇".split("");
export function brand(rng: Rng): string {
  const a = rng.pick(BRAND);
  let b = rng.pick(BRAND);
  while (b === a) b = rng.pick(BRAND);
  return a + b;
}

export const SURNAMES = [
  "李",
  "王",
  "张",
  "刘",
  "陈",
  "黄",
  "曹",
  "邓",
  "罗",
  "何",
  "谢",
  "雷",
  "廖",
  "唐",
  "朱",
  "周",
  "胡",
  "彭",
  "曾",
  "首",
  "欧阳",
  "袁",
  "肖",
  "侯",
  "蒋",
  "许",
  "段",
  "范",
];
const GIVEN = [
  "建国",
  "志强",
  "国平",
  "新华",
  "小红",
  "秀英",
  "桂花",
  "永福",
  "德明",
  "海军",
  "文斌",
  "丽萍",
  "春生",
  "满秀",
  "冬梅",
  "红军",
  "立新",
  "玉兰",
  "长青",
  "伟",
  "勇",
  "敏",
  "军",
  "芳",
  "平",
  "华",
];
export function personName(rng: Rng): string {
  return rng.pick(SURNAMES) + rng.pick(GIVEN);
}

export function schoolName(rng: Rng, town: string): string {
  return expand(
    rng,
    `[${townShort(town)}|${rng.pick(VILLAGE_A)}${rng.pick(VILLAGE_B)}|${rng.pick(["实验", "第一", "第二", "中心", "希望"])}][中心小学|小学|中学|幼儿园|学校]`,
  );
}

export const NATURE_RESERVES = {
  宜章县: { name: "莽山国家级自然保护区", short: ["莽山保护区", "莽山", "莽山自然保护区"], town: "莽山瑶族乡" },
  桂东县: { name: "八面山国家级自然保护区", short: ["八面山保护区", "八面山", "八面山自然保护区"], town: "寨前镇" },
  资兴市: { name: "东江湖风景名胜区", short: ["东江湖风景区", "东江湖", "东江湖库区"], town: "东江街道" },
} as const;
