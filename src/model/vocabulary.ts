/**
 * The official vocabularies of inspection complaint tables, and the one table that maps the
 * Chinese values users see to the English identifiers used in code.
 *
 * Values are kept as the official Chinese terms ("大气", "已办结"): they are what users read
 * and what tables contain. Code refers to them through the identifier objects, e.g.
 * `PollutionType.Air === "大气"`.
 */

import { compact } from "../text/normalize.js";

/** 污染类型 — the current scheme (Hunan's seven classes plus 固废 used elsewhere). */
export const PollutionType = {
  Air: "大气",
  Water: "水",
  Noise: "噪声",
  Soil: "土壤",
  SolidWaste: "固废",
  Ecology: "生态",
  Radiation: "辐射",
  Other: "其他",
} as const;
export type PollutionType = (typeof PollutionType)[keyof typeof PollutionType];
/** The official 污染类型 values in the scheme's order (大气, 水, 噪声 …). */
export const POLLUTION_TYPES: readonly PollutionType[] = Object.values(PollutionType);

/** The seven-class scheme of Hunan and the central inspection (no 固废): see src/classify/scheme.ts. */
export const SEVEN_TYPES: readonly PollutionType[] = ["大气", "水", "噪声", "土壤", "生态", "辐射", "其他"];
/** The eight-class scheme of the national 12369 platform and several provinces (with 固废). */
export const EIGHT_TYPES: readonly PollutionType[] = ["大气", "水", "噪声", "土壤", "固废", "生态", "辐射", "其他"];

/** 是否属实 — whether the investigation found the complaint true. */
export const Verification = { True: "属实", MostlyTrue: "基本属实", PartlyTrue: "部分属实", False: "不属实" } as const;
export type Verification = (typeof Verification)[keyof typeof Verification];
/** The 是否属实 values in order: 属实, 基本属实, 部分属实, 不属实. */
export const VERIFICATIONS: readonly Verification[] = Object.values(Verification);

/** 是否办结 / 办理状态 — where the case is in its life. */
export const CaseStatus = { Closed: "已办结", PhaseClosed: "阶段性办结", InProgress: "正在办理" } as const;
export type CaseStatus = (typeof CaseStatus)[keyof typeof CaseStatus];
/** The 办理状态 values in order, most finished first. */
export const CASE_STATUSES: readonly CaseStatus[] = Object.values(CaseStatus);

/** 案卷类别 — ordinary or key case. */
export const CaseCategory = { Ordinary: "一般件", Key: "重点件" } as const;
export type CaseCategory = (typeof CaseCategory)[keyof typeof CaseCategory];
/** The two 件别 values in order: 一般件, 重点件. */
export const CASE_CATEGORIES: readonly CaseCategory[] = Object.values(CaseCategory);

/** 受理渠道 — how the complaint arrived. */
export const Channel = { Phone: "来电", Letter: "来信", Online: "网络", Visit: "来访" } as const;
export type Channel = (typeof Channel)[keyof typeof Channel];
/** The ways a complaint reached the group (来电, 来信 …), in order. */
export const CHANNELS: readonly Channel[] = Object.values(Channel);

/**
 * Variant spellings seen in real tables, mapped to the official value. Keys are compared after
 * {@link normalizeLabel} (full-width folded, spaces and trailing punctuation removed).
 *
 * 污染类型 includes the 2017 eleven-class scheme (大气污染, 噪声污染, 生态破坏, 餐饮油烟, 垃圾污染,
 * 畜禽养殖, 水污染, 固废污染, 重金属污染, 扬尘污染, 其它污染), the source-based labels of Tianjin
 * (商业散煤, 交通噪声, 施工扬尘, 区域异味, 餐饮污染, 工业废水, 建设项目 电磁辐射…), Shanghai's
 * 气面源/气工业源 (2016), Chongqing's one-character 声/气/水/渣 (2018) and 海洋 (Hainan, Guangdong).
 * Where an old class maps to more than one current class (畜禽养殖: smell and manure water), all
 * of them are listed. See docs/classification.md, "Official schemes".
 */
export const POLLUTION_TYPE_ALIASES: Readonly<Record<string, readonly PollutionType[]>> = {
  大气: ["大气"],
  大气污染: ["大气"],
  空气: ["大气"],
  空气污染: ["大气"],
  废气: ["大气"],
  // 湖州's 2023 table writes the medium as 涉气 ("concerns the air")
  涉气: ["大气"],
  气: ["大气"],
  扬尘: ["大气"],
  扬尘污染: ["大气"],
  粉尘: ["大气"],
  油烟: ["大气"],
  餐饮油烟: ["大气"],
  油烟污染: ["大气"],
  恶臭: ["大气"],
  异味: ["大气"],
  臭气: ["大气"],
  废气污染: ["大气"],
  烟尘: ["大气"],
  大气环境: ["大气"],
  异味污染: ["大气"],
  区域异味: ["大气"],
  恶臭异味: ["大气"],
  商业散煤: ["大气"],
  生活散煤: ["大气"],
  散煤: ["大气"],
  散煤污染: ["大气"],
  燃煤污染: ["大气"],
  施工扬尘: ["大气"],
  拆迁扬尘: ["大气"],
  道路扬尘: ["大气"],
  堆场扬尘: ["大气"],
  工业三堆扬尘: ["大气"],
  工业三堆: ["大气"],
  喷漆异味: ["大气"],
  工业废气: ["大气"],
  机动车尾气: ["大气"],
  尾气: ["大气"],
  餐饮污染: ["大气"],
  气面源: ["大气"],
  气工业源: ["大气"],
  秸秆焚烧: ["大气"],
  露天焚烧: ["大气"],
  挥发性有机物: ["大气"],
  水: ["水"],
  水污染: ["水"],
  废水: ["水"],
  污水: ["水"],
  水体污染: ["水"],
  黑臭水体: ["水"],
  水环境: ["水"],
  工业废水: ["水"],
  生活污水: ["水"],
  海洋: ["水"],
  海洋污染: ["水"],
  水源: ["水"],
  饮用水: ["水"],
  噪声: ["噪声"],
  噪音: ["噪声"],
  噪声污染: ["噪声"],
  噪音污染: ["噪声"],
  声: ["噪声"],
  交通噪声: ["噪声"],
  施工噪声: ["噪声"],
  建筑施工噪声: ["噪声"],
  社会生活噪声: ["噪声"],
  工业噪声: ["噪声"],
  工业企业噪声: ["噪声"],
  噪声扰民: ["噪声"],
  其他噪声: ["噪声"],
  其它噪声: ["噪声"],
  生活噪声: ["噪声"],
  土壤: ["土壤"],
  土壤污染: ["土壤"],
  重金属: ["土壤"],
  重金属污染: ["土壤"],
  土壤环境: ["土壤"],
  固废: ["固废"],
  固体废物: ["固废"],
  固体废弃物: ["固废"],
  固废污染: ["固废"],
  垃圾: ["固废"],
  垃圾污染: ["固废"],
  危险废物: ["固废"],
  危废: ["固废"],
  建筑垃圾: ["固废"],
  生活垃圾: ["固废"],
  "固(危)废": ["固废"],
  固危废: ["固废"],
  渣: ["固废"],
  尾渣尾矿: ["固废"],
  固体废物污染: ["固废"],
  生态: ["生态"],
  生态破坏: ["生态"],
  生态环境破坏: ["生态"],
  非法采矿: ["生态"],
  矿山开发: ["生态"],
  矿产开采: ["生态"],
  非法采砂: ["生态"],
  生态环境: ["生态"],
  生态污染: ["生态"],
  生态类: ["生态"],
  辐射: ["辐射"],
  辐射污染: ["辐射"],
  电磁辐射: ["辐射"],
  核辐射: ["辐射"],
  建设项目电磁辐射: ["辐射"],
  其他: ["其他"],
  其它: ["其他"],
  其他污染: ["其他"],
  其它污染: ["其他"],
  其他问题: ["其他"],
  政府管理: ["其他"],
  建设项目: ["其他"],
  光污染: ["其他"],
  畜禽养殖: ["水", "大气"],
  畜禽养殖污染: ["水", "大气"],
  养殖污染: ["水", "大气"],
};

/**
 * Cells that say there is no pollution type: the third round's 问题类型 often holds only
 * 群众身边的生态环境问题 (or 群众身边生态环境问题). Read as "no official type", without a warning.
 */
export const NO_TYPE_LABELS: ReadonlySet<string> = new Set(["群众身边的生态环境问题", "群众身边生态环境问题", "群众身边的生态环境", "无"]);

/** Spellings of 是否属实 found in published tables, normalised, to the official value. */
export const VERIFICATION_ALIASES: Readonly<Record<string, Verification>> = {
  属实: "属实",
  是: "属实",
  查实: "属实",
  情况属实: "属实",
  基本属实: "基本属实",
  部分属实: "部分属实",
  部份属实: "部分属实",
  不属实: "不属实",
  否: "不属实",
  不实: "不属实",
  查无实据: "不属实",
  情况不属实: "不属实",
};

/**
 * 拟销号 (proposed for closing, awaiting acceptance) is counted as 阶段性办结: the work is done
 * but the case is not yet closed, so it must not raise the 办结率.
 */
export const STATUS_ALIASES: Readonly<Record<string, CaseStatus>> = {
  已办结: "已办结",
  办结: "已办结",
  已完成: "已办结",
  完成: "已办结",
  已销号: "已办结",
  已整改: "已办结",
  阶段性办结: "阶段性办结",
  阶段办结: "阶段性办结",
  拟销号: "阶段性办结",
  阶段性完成: "阶段性办结",
  正在办理: "正在办理",
  未办结: "正在办理",
  办理中: "正在办理",
  正在整改: "正在办理",
  整改中: "正在办理",
  未完成: "正在办理",
  否: "正在办理",
  是: "已办结",
};

/** Spellings of 件别 found in published tables, normalised (see {@link normalizeLabel}), to the official value. */
export const CATEGORY_ALIASES: Readonly<Record<string, CaseCategory>> = {
  一般件: "一般件",
  一般: "一般件",
  一般信访件: "一般件",
  普通件: "一般件",
  重点件: "重点件",
  重点: "重点件",
  重点信访件: "重点件",
  重要件: "重点件",
};

/** Spellings of 信访方式 found in published tables, normalised, to the official value. */
export const CHANNEL_ALIASES: Readonly<Record<string, Channel>> = {
  来电: "来电",
  电话: "来电",
  电话举报: "来电",
  热线: "来电",
  来信: "来信",
  信件: "来信",
  邮件: "来信",
  信访: "来信",
  网络: "网络",
  网上: "网络",
  网络举报: "网络",
  微信: "网络",
  来访: "来访",
  走访: "来访",
};

/** Fold full-width ASCII, drop spaces and surrounding punctuation: "  噪音。" -> "噪音". */
export function normalizeLabel(value: string): string {
  return compact(value).replace(/^[.,;:!?。，、；：！？"'“”‘’()（）【】[\]]+|[.,;:!?。，、；：！？"'“”‘’()（）【】[\]]+$/g, "");
}

/** Separators between several 污染类型 in one cell: 、 , ， ; ； / and white space. */
export const MULTI_VALUE_SEPARATOR = /[、,，;；/／\s\u3000]+/;

/** A cell read as a list of official labels: what was recognised, and the parts that were not. */
export interface LabelParse<T> {
  values: T[];
  /** parts of the cell that matched no known value, in their original spelling */
  unknown: string[];
  /** the cell says there is no type (群众身边的生态环境问题): not an unknown value */
  noType?: boolean;
}

/**
 * A label as typed, or without a trailing 类 (大气类) or 等 ("etc.": 咸宁 2024 wrote 辐射、噪声、固废等, the
 * list of types closing with 等); 等 alone stays unknown.
 */
const ALIAS_KEY = (key: string) =>
  POLLUTION_TYPE_ALIASES[key] ?? POLLUTION_TYPE_ALIASES[key.replace(/类$/, "")] ?? POLLUTION_TYPE_ALIASES[key.replace(/等$/, "")];
/** numbering inside a cell listing one type per problem: "1、政府管理 2、气面源" */
const NUMBERING = /^(?:\d+|[一二三四五六七八九十]+|[(（]\d+[)）])$/;

/**
 * Parse a 污染类型 cell: "大气、噪音" -> {values: ["大气", "噪声"], unknown: []}. The whole cell is
 * tried first (Tianjin's "建设项目 电磁辐射" is one label), then its parts.
 */
export function parsePollutionTypes(cell: string): LabelParse<PollutionType> {
  const whole = normalizeLabel(cell);
  if (NO_TYPE_LABELS.has(whole)) return { values: [], unknown: [], noType: true };
  const direct = whole ? ALIAS_KEY(whole) : undefined;
  if (direct) return { values: [...direct], unknown: [] };
  const values: PollutionType[] = [];
  const unknown: string[] = [];
  for (const part of cell.split(MULTI_VALUE_SEPARATOR)) {
    const key = normalizeLabel(part.replace(/^\d+[、.．]/, ""));
    if (!key || NUMBERING.test(key)) continue;
    const mapped = ALIAS_KEY(key);
    if (mapped) {
      for (const v of mapped) if (!values.includes(v)) values.push(v);
    } else if (!NO_TYPE_LABELS.has(key)) {
      unknown.push(part.trim());
    }
  }
  return { values, unknown };
}

function lookup<T>(table: Readonly<Record<string, T>>, cell: string): T | undefined {
  const key = normalizeLabel(cell);
  return key ? table[key] : undefined;
}

/** A 是否属实 cell as the official value, or undefined when it is not one. */
export const parseVerification = (cell: string): Verification | undefined => lookup(VERIFICATION_ALIASES, cell);
/** A 办理状态 cell as the official value, or undefined when it is not one. */
export const parseStatus = (cell: string): CaseStatus | undefined => lookup(STATUS_ALIASES, cell);
/** A 件别 cell as the official value, or undefined when it is not one. */
export const parseCategory = (cell: string): CaseCategory | undefined => lookup(CATEGORY_ALIASES, cell);
/** A 信访方式 cell as the official value, or undefined when it is not one. */
export const parseChannel = (cell: string): Channel | undefined => lookup(CHANNEL_ALIASES, cell);

/**
 * The channel encoded in a Hunan 受理编号 such as `D2YU202403200003` (D 来电, X 来信, W 网络).
 */
export function channelFromCaseNo(caseNo: string): Channel | undefined {
  if (!CASE_NO.test(caseNo)) return undefined;
  const c = caseNo.charCodeAt(0) | 0x20; // lower-case
  return c === 0x64 ? "来电" : c === 0x78 ? "来信" : "网络";
}
const CASE_NO = /^[DXWdxw]\d?[A-Za-z]{2}\d{8}/;
