/**
 * What the statistics read of a classification: labels with confidences to one decimal, the
 * 重点件 flag, target and place; the evidence words and 重点件 reasons (most of its memory) left
 * out. One definition for the classifier workers' "stats" results and the records that
 * `ducha stats`, `chart`, `report` and the dashboard keep for a national year.
 */
import type { Classification, LabelPrediction } from "../model/classification.js";

const NO_EVIDENCE: string[] = Object.freeze([]) as unknown as string[];
/**
 * Label lists are interned: a million complaints share a few thousand distinct lists (the
 * confidence kept to one decimal, which no statistic reads), instead of holding three arrays
 * of objects each.
 */
const labelLists = new Map<string, LabelPrediction[]>();
function labelsOnly<L extends string>(xs: readonly LabelPrediction<L>[]): LabelPrediction<L>[] {
  if (!xs.length) return NO_EVIDENCE as unknown as LabelPrediction<L>[];
  let key = "";
  for (const x of xs) key += `${x.label}\u0000${Math.round(x.confidence * 10)}\u0001`;
  let list = labelLists.get(key);
  if (!list) {
    list = Object.freeze(
      xs.map((x) => Object.freeze({ label: x.label, confidence: Math.round(x.confidence * 10) / 10, evidence: NO_EVIDENCE })),
    ) as unknown as LabelPrediction[];
    if (labelLists.size > 100_000) labelLists.clear();
    labelLists.set(key, list);
  }
  return list as LabelPrediction<L>[];
}
const SUGGESTED = Object.freeze({ suggested: true, reasons: Object.freeze([]) }) as unknown as Classification["keyCase"];
const NOT_SUGGESTED = Object.freeze({ suggested: false, reasons: Object.freeze([]) }) as unknown as Classification["keyCase"];

/**
 * What the statistics read of a classification: labels and confidences, the 重点件 suggestion,
 * the target and place. The evidence words and 重点件 reasons (most of its memory) are left out.
 */
export function statsClassification(c: Classification): Classification {
  return {
    types: labelsOnly(c.types),
    subtypes: labelsOnly(c.subtypes),
    themes: labelsOnly(c.themes),
    keyCase: c.keyCase.suggested ? SUGGESTED : NOT_SUGGESTED,
    ...(c.target !== undefined ? { target: c.target } : {}),
    ...(c.place !== undefined ? { place: c.place } : {}),
  };
}
