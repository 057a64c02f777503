import type { Classification, ClassifiedComplaint, Theme } from "../../src/model/classification.js";
import type { AreaResolution } from "../../src/model/complaint.js";
import type { CaseStatus, PollutionType, Verification } from "../../src/model/vocabulary.js";

const COUNTIES: Record<string, string> = {
  "431002": "北湖区",
  "431003": "苏仙区",
  "431021": "桂阳县",
  "431022": "宜章县",
  "431023": "永兴县",
  "431081": "资兴市",
};

const areas = new Map<string, AreaResolution>();
function area(code: string | undefined): AreaResolution {
  const k = code ?? "";
  let a = areas.get(k);
  if (!a) {
    a = code
      ? {
          raw: COUNTIES[code] ?? code,
          method: "cell",
          code,
          county: COUNTIES[code] ?? code,
          prefectureCode: "431000",
          prefecture: "郴州市",
          provinceCode: "430000",
          province: "湖南省",
        }
      : { raw: "", method: "unresolved" };
    areas.set(k, a);
  }
  return a;
}

export interface Spec {
  key?: string;
  caseNo?: string;
  county?: string;
  date?: string;
  batch?: number;
  text?: string;
  official?: PollutionType[];
  predicted?: PollutionType[];
  themes?: Theme[];
  target?: string;
  verification?: Verification;
  status?: CaseStatus;
  deadline?: string;
  closedDate?: string;
  asOf?: string;
  file?: string;
  rectification?: string;
  accountability?: string;
}

let n = 0;

/** A classified complaint built directly (no ingestion, no classifier). */
export function complaint(s: Spec = {}): ClassifiedComplaint {
  n++;
  const classification: Classification = {
    types: (s.predicted ?? ["其他"]).map((label) => ({ label, confidence: 0.9, evidence: [] })),
    subtypes: [],
    themes: (s.themes ?? []).map((label) => ({ label, confidence: 0.9, evidence: [] })),
    keyCase: { suggested: false, reasons: [] },
    ...(s.target ? { target: s.target } : {}),
  };
  return {
    key: s.key ?? s.caseNo ?? `t.csv##${n}`,
    source: { file: s.file ?? "t.csv", row: n },
    ...(s.caseNo ? { caseNo: s.caseNo } : {}),
    ...(s.batch !== undefined ? { batch: s.batch } : {}),
    ...(s.date ? { date: s.date } : {}),
    text: s.text ?? "来电反映有污染问题",
    area: area(s.county === undefined ? "431003" : s.county || undefined),
    officialTypes: s.official ?? [],
    ...(s.verification ? { verification: s.verification } : {}),
    ...(s.status ? { status: s.status } : {}),
    ...(s.deadline ? { deadline: s.deadline } : {}),
    ...(s.closedDate ? { closedDate: s.closedDate } : {}),
    ...(s.asOf ? { asOf: s.asOf } : {}),
    ...(s.rectification ? { rectification: s.rectification } : {}),
    ...(s.accountability ? { accountability: s.accountability } : {}),
    raw: {},
    classification,
  };
}
