/**
 * Classifications as the worker threads send them: one JSON array per chunk, each classification
 * an array and each label list flat ([label, confidence, evidence, label, …]) instead of objects
 * with their keys. The text is some 2.4 times shorter than the objects' JSON: less to write in the
 * worker, to copy between threads and to parse in the main thread, which rebuilds the very
 * objects (same keys, same order, same values) that the classifier made.
 */
import type { Classification, KeyCaseReason, LabelPrediction } from "../model/classification.js";

type Flat = (string | number | string[])[];
/** [types, subtypes, themes, 重点件 suggested (1/0), reasons, target or 0, [town, village, estate] (0 where absent) or 0] */
type Wire = [Flat, Flat, Flat, number, Flat, string | 0, (string | 0)[] | 0];

function flatLabels(ps: readonly LabelPrediction[]): Flat {
  const out: Flat = [];
  for (const p of ps) out.push(p.label, p.confidence, p.evidence);
  return out;
}

function labels<L extends string>(flat: Flat): LabelPrediction<L>[] {
  const out: LabelPrediction<L>[] = [];
  for (let i = 0; i < flat.length; i += 3) out.push({ label: flat[i] as L, confidence: flat[i + 1] as number, evidence: flat[i + 2] as string[] });
  return out;
}

/** The JSON text of classifications in the compact form (see {@link decodeClassifications}). */
export function encodeClassifications(cs: readonly Classification[]): string {
  const rows = new Array<Wire>(cs.length);
  for (let i = 0; i < cs.length; i++) {
    const c = cs[i]!;
    const reasons: Flat = [];
    for (const r of c.keyCase.reasons) reasons.push(r.rule, r.name, r.evidence);
    const p = c.place;
    rows[i] = [
      flatLabels(c.types),
      flatLabels(c.subtypes),
      flatLabels(c.themes),
      c.keyCase.suggested ? 1 : 0,
      reasons,
      c.target || 0,
      p ? [p.town || 0, p.village || 0, p.estate || 0] : 0,
    ];
  }
  return JSON.stringify(rows);
}

/**
 * Classifications from {@link encodeClassifications}'s text, as the classifier made them: keys in
 * its order, absent target and place fields left out (it sets them only when not empty).
 */
export function decodeClassifications(json: string): Classification[] {
  const rows = JSON.parse(json) as Wire[];
  const out = new Array<Classification>(rows.length);
  for (let i = 0; i < rows.length; i++) {
    const [types, subtypes, themes, suggested, flatReasons, target, place] = rows[i]!;
    const reasons: KeyCaseReason[] = [];
    for (let k = 0; k < flatReasons.length; k += 3)
      reasons.push({ rule: flatReasons[k] as string, name: flatReasons[k + 1] as string, evidence: flatReasons[k + 2] as string[] });
    const c: Classification = { types: labels(types), subtypes: labels(subtypes), themes: labels(themes), keyCase: { suggested: suggested === 1, reasons } };
    if (target) c.target = target;
    if (place) {
      const p: NonNullable<Classification["place"]> = {};
      if (place[0]) p.town = place[0];
      if (place[1]) p.village = place[1];
      if (place[2]) p.estate = place[2];
      c.place = p;
    }
    out[i] = c;
  }
  return out;
}
