/**
 * How far exact-set agreement with the registrars can go, measured on the real rows
 * (data/labelled/real/rows.tsv and round6.tsv … round12.tsv; rows without an official type left
 * out): the registrars of different tables write different sets of types for complaints that name
 * the same problems, so even a classifier that knew exactly which problems a text names could not
 * agree with all of them.
 *
 * 1. Ceiling: rows are grouped by the types their text names (the types of the non-negated
 *    lexicon words of weight ≥ w in data/lexicon/types.tsv, with the scheme of the source). Any
 *    rule that maps what a text names to a set of types gives one set per group, so it agrees
 *    exactly with at most the most frequent official set of each group. Measured on the very rows
 *    it is computed from, and every group of one row counts as agreeing: an upper bound, and an
 *    optimistic one.
 * 2. The same grouping learned from the other rows (leave one row out: the most frequent official
 *    set among the other rows of its group, the classifier's prediction when the group has no
 *    other row): what a registrar-convention learner would score.
 * 3. The committed classifier on the same rows. Its lexicon was written while reading most of
 *    these rows (rounds 6–12 after each was scored once), so this is no held-out figure.
 * 4. Pairs of predicted types: for each pair the classifier predicts, how the registrars wrote
 *    those rows (大气+噪声 written both, 大气 alone, 噪声 alone …).
 *
 *   npx tsx scripts/eval-ceiling.ts
 */
import { Classifier } from "../src/classify/classifier.js";
import { type RealRow, loadRealRows, loadRoundRows, scoredRounds } from "../src/classify/real.js";

const classifier = new Classifier();
// the rounds scored once (development rows): a round still held out is never classified here
const rounds = scoredRounds();
const rows: RealRow[] = [...loadRealRows(), ...rounds.flatMap((n) => loadRoundRows(n))].filter((r) => !r.noType);
const setKey = (labels: Iterable<string>) => [...new Set(labels)].sort().join("+");
const pct = (n: number, d: number) => `${((n / d) * 100).toFixed(1)}%`;

const seen = rows.map((r) => {
  const { types, analysis } = classifier.labels(r.text, undefined, r.scheme);
  return { row: r, hits: analysis.typeHits.filter((h) => !h.negated), official: setKey(r.officialTypes), predicted: setKey(types.map((t) => t.label)) };
});
const n = seen.length;
const classifierExact = seen.filter((s) => s.predicted === s.official).length;
console.log(`Real rows with an official type: ${n} (rows.tsv and rounds ${rounds.join(", ")})\n`);

for (const minWeight of [1, 2, 3]) {
  const named = seen.map((s) => `${setKey(s.hits.filter((h) => h.entry.weight >= minWeight).map((h) => h.entry.label))}|${s.row.scheme}`);
  const groups = new Map<string, Map<string, number>>();
  seen.forEach((s, i) => {
    const g = groups.get(named[i]!) ?? new Map<string, number>();
    g.set(s.official, (g.get(s.official) ?? 0) + 1);
    groups.set(named[i]!, g);
  });
  let ceiling = 0;
  for (const g of groups.values()) ceiling += Math.max(...g.values());
  let learned = 0;
  seen.forEach((s, i) => {
    const others = new Map(groups.get(named[i]!)!);
    others.set(s.official, others.get(s.official)! - 1);
    const best = [...others.entries()].filter(([, c]) => c > 0).sort((a, b) => b[1] - a[1])[0];
    if ((best ? best[0] : s.predicted) === s.official) learned++;
  });
  console.log(`named types = lexicon words of weight ≥ ${minWeight}: ${groups.size} groups`);
  console.log(`  ceiling of any rule on the named types (in-sample, optimistic): ${ceiling} of ${n} exact (${pct(ceiling, n)})`);
  console.log(`  the rule learned from the other rows (leave one out):            ${learned} of ${n} exact (${pct(learned, n)})`);
}
console.log(
  `\nthe committed classifier (not held out: its lexicon was written reading these rows): ${classifierExact} of ${n} exact (${pct(classifierExact, n)})`,
);

console.log("\nRows given exactly two types, by the pair: how their registrars wrote them");
const pairs = new Map<string, Map<string, number>>();
for (const s of seen) {
  if (s.predicted.split("+").length !== 2) continue;
  const p = pairs.get(s.predicted) ?? new Map<string, number>();
  p.set(s.official, (p.get(s.official) ?? 0) + 1);
  pairs.set(s.predicted, p);
}
for (const [pair, written] of [...pairs.entries()].sort((a, b) => sum(b[1]) - sum(a[1]))) {
  if (sum(written) < 3) continue;
  const parts = [...written.entries()].sort((a, b) => b[1] - a[1]).map(([w, c]) => `${w} ${c}`);
  console.log(`  ${pair.padEnd(8, "　")} ${String(sum(written)).padStart(3)} rows: ${parts.join(", ")}`);
}

function sum(m: Map<string, number>): number {
  let t = 0;
  for (const v of m.values()) t += v;
  return t;
}
