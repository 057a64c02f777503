import type { Complaint } from "./complaint.js";
import type { PollutionType } from "./vocabulary.js";

/**
 * The inspection's priority themes (督察重点), from its own announcement. Ids are code; the
 * Chinese names are what users read.
 */
export const Theme = {
  Carbon: "carbon",
  TwoHigh: "two-high",
  ProtectedArea: "protected-area",
  PollutionBattle: "pollution-battle",
  RepeatRectification: "repeat-rectification",
  Yangtze: "yangtze",
  Responsibility: "responsibility",
} as const;
export type Theme = (typeof Theme)[keyof typeof Theme];

/** The Chinese name of each theme id (督察重点), as the inspection's focus list words it. */
export const THEME_NAMES: Readonly<Record<Theme, string>> = {
  carbon: "碳达峰碳中和",
  "two-high": "“两高”项目与落后产能",
  "protected-area": "自然保护地",
  "pollution-battle": "污染防治攻坚与“夏季攻势”",
  "repeat-rectification": "历次督察反馈与信访件整改",
  yangtze: "长江经济带警示片问题",
  responsibility: "党政同责、一岗双责落实",
};
/** The theme ids, in the order of the inspection's focus list. */
export const THEMES: readonly Theme[] = Object.keys(THEME_NAMES) as Theme[];

/** 污染子类: each belongs to one pollution type (docs/labelling.md section 2). */
export const SUBTYPES: Readonly<Record<Exclude<PollutionType, "其他">, readonly string[]>> = {
  大气: ["扬尘", "油烟", "恶臭/异味", "工业废气", "露天焚烧"],
  水: ["生活污水", "工业废水", "黑臭水体", "养殖废水", "矿山废水", "饮用水源"],
  噪声: ["施工噪声", "社会生活噪声", "工业噪声", "交通噪声"],
  土壤: ["重金属", "农用地污染"],
  固废: ["生活垃圾", "建筑垃圾", "工业固废", "危险废物"],
  生态: ["非法采矿/采砂", "毁林/破坏植被", "自然保护地", "矿山修复", "河道岸线"],
  辐射: ["电磁辐射", "放射性"],
};

/** A predicted label with how sure the classifier is and the words that produced it. */
export interface LabelPrediction<L extends string = string> {
  label: L;
  /** 0..1; labels are predicted when confidence >= 0.5 */
  confidence: number;
  /** the words of the complaint that support the label, strongest first */
  evidence: string[];
}

/** Why a complaint is suggested as a 重点件 (key case): the rule that fired and its words. */
export interface KeyCaseReason {
  /** rule id from data/rules/key-case.json, e.g. "drinking-water" */
  rule: string;
  /** the rule's name as users read it, e.g. "饮用水水源" */
  name: string;
  evidence: string[];
}

/** What the classifier says about one complaint: types, sub-types, themes, 重点件 and target, each with its evidence. */
export interface Classification {
  /** predicted 污染类型, most confident first; never empty (其他 when nothing else) */
  types: LabelPrediction<PollutionType>[];
  /** predicted 污染子类 */
  subtypes: LabelPrediction[];
  /** predicted 督察主题 */
  themes: LabelPrediction<Theme>[];
  /** 重点件 suggestion */
  keyCase: { suggested: boolean; reasons: KeyCaseReason[] };
  /** the complained-about target (某某公司/厂/矿/场/站/小区/工地/餐馆), when one is named */
  target?: string;
  /** the town (乡镇/街道), village (村/社区) and housing estate (小区) named in the complaint */
  place?: { town?: string; village?: string; estate?: string };
}

/** A complaint with its classification. */
export interface ClassifiedComplaint extends Complaint {
  classification: Classification;
}

/**
 * The pollution types an analysis should count for a complaint: the official 污染类型 when the
 * table has one, the predicted ones otherwise. `source` says which.
 */
export function effectiveTypes(c: Complaint & { classification?: Classification }): {
  types: readonly PollutionType[];
  source: "official" | "predicted" | "none";
} {
  if (c.officialTypes.length) return { types: c.officialTypes, source: "official" };
  if (c.classification) return { types: c.classification.types.map((t) => t.label), source: "predicted" };
  return { types: [], source: "none" };
}

/** What {@link typeReview} writes for a complaint given several 污染类型. */
export const SEVERAL_TYPES_REVIEW = "多类，建议复核";

/**
 * Whether a complaint's predicted 污染类型 deserve a reader's look before they are counted:
 * {@link SEVERAL_TYPES_REVIEW} when several types were predicted, "" for one. The classifier
 * gives every problem a text names, while the registrars of published tables mostly write the
 * main one alone: on the real rows of data/labelled/real/, a one-type prediction agrees exactly
 * with the official cell about five times in six, a several-type one about half the time
 * (docs/classification.md, "Where not to trust it"; `npm run eval` prints both figures).
 */
export function typeReview(c: { readonly types: readonly unknown[] }): string {
  return c.types.length > 1 ? SEVERAL_TYPES_REVIEW : "";
}

/**
 * How many rows of a column set (the analyses' and the dashboard's columns) were given several
 * predicted types: `typeSource` 1 (the prediction is what is counted) and more than one bit in
 * `types`. A row with its table's own types never counts.
 */
export function countSeveralPredicted(cols: { readonly length: number; readonly typeSource: ArrayLike<number>; readonly types: ArrayLike<number> }): number {
  let several = 0;
  for (let i = 0; i < cols.length; i++) {
    const m = cols.types[i]!;
    if (cols.typeSource[i] === 1 && (m & (m - 1)) !== 0) several++;
  }
  return several;
}
