import type { ClassifiedComplaint } from "../model/classification.js";
import type { SourceRef } from "../model/complaint.js";
import { POLLUTION_TYPES, type PollutionType } from "../model/vocabulary.js";

/** A complaint whose official 污染类型 differs from the prediction. */
export interface Disagreement {
  /** the record's key: its 受理编号, or `file#sheet#row` when the table has none (see {@link Disagreement.caseNo}) */
  key: string;
  /** the 受理编号 as the table gives it; absent when the row has none */
  caseNo?: string;
  source: SourceRef;
  official: PollutionType[];
  predicted: PollutionType[];
  /** official labels the text gives no evidence for */
  officialOnly: PollutionType[];
  /** predicted labels missing from the official ones, with the words behind them */
  predictedOnly: { label: PollutionType; confidence: number; evidence: string[] }[];
  /** the complaint text, for the inspector to judge */
  text: string;
}

/** How the classifier's 污染类型 compares with the table's own labels. */
export interface OfficialComparison {
  /** complaints that have an official 污染类型 */
  compared: number;
  /** official and predicted sets are equal */
  agreed: number;
  /** agreed / compared */
  agreement: number;
  /** the sets share at least one type */
  overlapping: number;
  /** per type: how often the official label and the prediction agree */
  byType: { type: PollutionType; official: number; predicted: number; both: number }[];
  disagreements: Disagreement[];
}

/**
 * Compare the official 污染类型 of a table with the predictions, so that an inspector can catch
 * mislabelled cases (or classifier mistakes). Complaints without an official label are skipped.
 * Disagreements are listed with the most confident contradicting prediction first.
 */
export function compareWithOfficial(records: readonly ClassifiedComplaint[]): OfficialComparison {
  const byType = POLLUTION_TYPES.map((type) => ({ type, official: 0, predicted: 0, both: 0 }));
  const at = new Map(POLLUTION_TYPES.map((t, i) => [t, i]));
  const disagreements: Disagreement[] = [];
  let compared = 0;
  let agreed = 0;
  let overlapping = 0;
  for (const r of records) {
    if (!r.officialTypes.length) continue;
    compared++;
    const official = new Set(r.officialTypes);
    const predicted = new Set(r.classification.types.map((t) => t.label));
    for (const t of official) byType[at.get(t)!]!.official++;
    for (const t of predicted) {
      byType[at.get(t)!]!.predicted++;
      if (official.has(t)) byType[at.get(t)!]!.both++;
    }
    const same = official.size === predicted.size && [...official].every((t) => predicted.has(t));
    if (same) agreed++;
    if ([...official].some((t) => predicted.has(t))) overlapping++;
    if (!same) {
      disagreements.push({
        key: r.key,
        ...(r.caseNo ? { caseNo: r.caseNo } : {}),
        source: r.source,
        official: [...official],
        predicted: [...predicted],
        officialOnly: [...official].filter((t) => !predicted.has(t)),
        predictedOnly: r.classification.types
          .filter((t) => !official.has(t.label))
          .map((t) => ({ label: t.label, confidence: t.confidence, evidence: t.evidence })),
        text: r.text,
      });
    }
  }
  const strength = (d: Disagreement) => Math.max(0, ...d.predictedOnly.map((p) => p.confidence)) + (d.officialOnly.length ? 0.5 : 0);
  disagreements.sort((a, b) => strength(b) - strength(a));
  return { compared, agreed, agreement: compared ? agreed / compared : 0, overlapping, byType, disagreements };
}
