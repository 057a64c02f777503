/**
 * Classifications as the worker threads send them: per chunk, one JSON text holding each distinct
 * string once (labels, evidence words, rule names, targets, places) and every classification as
 * a run of small whole numbers that point into that table; a chunk of 500 repeats its labels and
 * evidence words thousands of times. The text is ~28% shorter than the keyless arrays of strings
 * this replaced (to copy between threads and to keep in the queue of chunks waiting to be
 * written); the main thread parses numbers instead of strings (decoding takes half the time),
 * allocates each string once per chunk, and rebuilds the very objects (same keys, same order, same
 * values) that the classifier made. (Writing the table with \u escapes, to make the whole text
 * ASCII and one byte a character, cost the worker more than it saved.)
 */
import type { Classification, KeyCaseReason, LabelPrediction } from "../model/classification.js";

/*
 * The numbers, per classification: for types, subtypes and themes each, a count and per label
 * `label, confidence, evidence count, evidence…`; 重点件 suggested (1/0); a count of reasons and
 * per reason `rule, name, evidence count, evidence…`; the target (1, or 0 when absent); the place: 0
 * when absent, else 1 and town, village, estate (1, or 0 when absent). Strings are indexes into the
 * table, but targets and places (mostly each complaint's own) are taken in order from the list of
 * names. A confidence is its hundredths (the classifier rounds to them; JSON
 * writes and reads a whole number faster than a fraction), or -1 followed by the number itself
 * when it is not a whole number of hundredths.
 */
type Wire = [strings: string[], numbers: number[], names: string[]];

/** The strings of one chunk, each once. */
class Strings {
  readonly list: string[] = [];
  private ids = new Map<string, number>();
  id(s: string): number {
    let i = this.ids.get(s);
    if (i === undefined) {
      i = this.list.length;
      this.list.push(s);
      this.ids.set(s, i);
    }
    return i;
  }
}

function pushWords(out: number[], strings: Strings, words: readonly string[]): void {
  out.push(words.length);
  for (const w of words) out.push(strings.id(w));
}

function pushLabels(out: number[], strings: Strings, ps: readonly LabelPrediction[]): void {
  out.push(ps.length);
  for (const p of ps) {
    out.push(strings.id(p.label));
    const hundredths = Math.round(p.confidence * 100) | 0; // an int, so that the array stays one of small integers
    if (hundredths / 100 === p.confidence && hundredths >= 0) out.push(hundredths);
    else out.push(-1, p.confidence);
    pushWords(out, strings, p.evidence);
  }
}

/** 1 after adding a name to the list, 0 for none. */
function name(names: string[], s: string | undefined): number {
  if (!s) return 0;
  names.push(s);
  return 1;
}

/** The JSON text of classifications in the compact form (see {@link decodeClassifications}). */
export function encodeClassifications(cs: readonly Classification[]): string {
  const strings = new Strings();
  const out: number[] = [];
  const names: string[] = [];
  for (const c of cs) {
    pushLabels(out, strings, c.types);
    pushLabels(out, strings, c.subtypes);
    pushLabels(out, strings, c.themes);
    out.push(c.keyCase.suggested ? 1 : 0, c.keyCase.reasons.length);
    for (const r of c.keyCase.reasons) {
      out.push(strings.id(r.rule), strings.id(r.name));
      pushWords(out, strings, r.evidence);
    }
    // targets and places are mostly each complaint's own: written in order, not looked up
    out.push(name(names, c.target));
    const p = c.place;
    if (p) out.push(1, name(names, p.town), name(names, p.village), name(names, p.estate));
    else out.push(0);
  }
  return JSON.stringify([strings.list, out, names] satisfies Wire);
}

/**
 * Classifications from {@link encodeClassifications}'s text, as the classifier made them: keys in
 * its order, absent target and place fields left out (it sets them only when not empty).
 */
export function decodeClassifications(json: string): Classification[] {
  const [strings, v, names] = JSON.parse(json) as Wire;
  let k = 0;
  let at = 0;
  const words = (): string[] => {
    const n = v[k++]!;
    const out = new Array<string>(n);
    for (let i = 0; i < n; i++) out[i] = strings[v[k++]!]!;
    return out;
  };
  const labels = <L extends string>(): LabelPrediction<L>[] => {
    const n = v[k++]!;
    const out = new Array<LabelPrediction<L>>(n);
    for (let i = 0; i < n; i++) {
      const label = strings[v[k++]!] as L;
      const h = v[k++]!;
      const confidence = h < 0 ? v[k++]! : h / 100;
      out[i] = { label, confidence, evidence: words() };
    }
    return out;
  };
  const out: Classification[] = [];
  while (k < v.length) {
    const types = labels<Classification["types"][number]["label"]>();
    const subtypes = labels();
    const themes = labels<Classification["themes"][number]["label"]>();
    const suggested = v[k++] === 1;
    const reasons = new Array<KeyCaseReason>(v[k++]!);
    for (let i = 0; i < reasons.length; i++) {
      const rule = strings[v[k++]!]!;
      const name = strings[v[k++]!]!;
      reasons[i] = { rule, name, evidence: words() };
    }
    const c: Classification = { types, subtypes, themes, keyCase: { suggested, reasons } };
    if (v[k++]) c.target = names[at++]!;
    if (v[k++]) {
      const p: NonNullable<Classification["place"]> = {};
      if (v[k++]) p.town = names[at++]!;
      if (v[k++]) p.village = names[at++]!;
      if (v[k++]) p.estate = names[at++]!;
      c.place = p;
    }
    out.push(c);
  }
  return out;
}
