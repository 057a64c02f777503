/** The generated case, before it is written as table rows. */
import type { CaseCategory, PollutionType, Verification } from "../../src/model/vocabulary.js";
import type { Claim } from "./compose.js";
import type { County } from "./geo.js";
import type { Actions, Part, Status } from "./official.js";
import type { KeyReason } from "./scenarios.js";

export const START_DATE = "2023-06-26";
export const BATCHES = 21;
export const END_OF_STATIONING = "2023-07-16";
export const SNAPSHOTS = ["2023-08-31", "2023-10-31", "2023-12-31"] as const;
export const SEED = 20230626;

export interface LabelSlip {
  caseNo: string;
  textTypes: PollutionType[];
  officialTypes: PollutionType[];
  note: string;
}

export interface PiiPlant {
  caseNo: string;
  kind: string;
  value: string;
}

export interface SpecialPlant {
  caseNo: string;
  what: string;
  /** the planted characters as they appear in the text */
  sample: string;
}

export interface Case {
  batch: number;
  date: string;
  /** acceptance order in the batch (the 受理编号 sequence) */
  seq: number;
  caseNo: string;
  channel: "来电" | "来信";
  county: County;
  areaCell: string;
  text: string;
  style: string;
  parts: Part[];
  /** parts as the investigation sees them (the spike's complainants live in other villages) */
  findingsParts: Part[];
  claims: Claim[];
  impacts: string[];
  namedSite: boolean;
  /** 污染类型 that the text supports (docs/labelling.md) */
  types: PollutionType[];
  /** the 污染类型 cell as written */
  typeCell: string;
  verification: Verification;
  category: CaseCategory;
  keyReasons: (KeyReason | "重复举报" | "群体性反映")[];
  /** group id of a repeat-complaint group; nth 0 is the first complaint */
  repeat?: { group: string; nth: number; firstCaseNo?: string; firstBatch?: number };
  spike: boolean;
  inaction: boolean;
  school: boolean;
  pastSolved?: PollutionType;
  /** timeline */
  phaseDate?: string;
  closeDate?: string;
  longTerm: boolean;
  deadlineCell: string;
  deadlineDate?: string;
  findings: string;
  actions?: Actions;
  /** 处理和整改情况 per snapshot date (END_OF_STATIONING and SNAPSHOTS) */
  actionText: Record<string, string>;
  accountabilityText: Record<string, string>;
}

export function statusAt(c: Case, asOf: string): Status {
  if (c.closeDate && c.closeDate <= asOf) return "已办结";
  if (c.phaseDate && c.phaseDate <= asOf) return "阶段性办结";
  return "正在办理";
}
