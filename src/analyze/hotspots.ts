import { columnsOf, type Input } from "./count.js";
import { UNRESOLVED } from "./keys.js";
import type { PopulationTable } from "./population.js";
import type { CaseOptions } from "./snapshots.js";

/** One county in the hotspot ranking. */
export interface CountyRank {
  /** county code, or （未识别） */
  county: string;
  countyName: string;
  count: number;
  /** share of all complaints, 0..1 */
  share: number;
  /** rank by count among resolved counties, 1 = most; null for （未识别）, which is listed last */
  rank: number | null;
  /** 常住人口 (2020 census) when a sourced figure is known */
  population: number | null;
  /** the population figure is rounded in its source (to 100 persons) */
  populationRounded?: boolean;
  /** complaints per 100,000 residents; null without population or without complaints */
  per100k: number | null;
  /** rank by per100k among counties with complaints and a population; null otherwise */
  rankPer100k: number | null;
  /** "no population" when the table has no sourced figure for the county */
  note?: string;
}

/** Rows in ranking order: most complaints first, ties by code, （未识别） always last. */
export const compareRanks = (a: Pick<CountyRank, "county" | "count">, b: Pick<CountyRank, "county" | "count">): number =>
  a.county === UNRESOLVED
    ? b.county === UNRESOLVED
      ? 0
      : 1
    : b.county === UNRESOLVED
      ? -1
      : b.count - a.count || (a.county < b.county ? -1 : a.county > b.county ? 1 : 0);

/** Give ranks (ties share one) by count, then by per100k, to rows in ranking order. */
export function assignRanks(rows: CountyRank[]): CountyRank[] {
  rows.sort(compareRanks);
  let prev: CountyRank | undefined;
  for (const [i, r] of rows.entries()) {
    r.rank = r.county === UNRESOLVED ? null : prev && prev.count === r.count ? prev.rank : i + 1;
    if (r.county !== UNRESOLVED) prev = r;
    if (r.count === 0 || r.population === null) r.per100k = null;
  }
  const withPop = rows.filter((r) => r.per100k !== null).sort((a, b) => b.per100k! - a.per100k!);
  for (const r of rows) r.rankPer100k = null;
  withPop.forEach((r, i) => (r.rankPer100k = i > 0 && withPop[i - 1]!.per100k === r.per100k ? withPop[i - 1]!.rankPer100k : i + 1));
  return rows;
}

/**
 * Counties ranked by number of complaints and per 100,000 residents (population from
 * `populationTable()` or the one given). Ties share a rank. Complaints whose county is
 * unresolved are one row, （未识别）, listed last and not ranked. The per-capita rank covers the
 * counties with complaints and a sourced population only. Each case counts once (its latest
 * snapshot) unless `{ allRows: true }`.
 */
export function countyRanking(input: Input, population?: PopulationTable, options: CaseOptions = {}): CountyRank[] {
  const cols = columnsOf(input, options);
  const counts = new Float64Array(cols.countyKeys.length);
  for (let i = 0; i < cols.length; i++) counts[cols.county[i]!]!++;
  const total = cols.length;
  const rows: CountyRank[] = cols.countyKeys.map((county, k) => {
    const entry = county === UNRESOLVED ? undefined : population?.get(county);
    const pop = entry?.population;
    const count = counts[k]!;
    return {
      county,
      countyName: cols.countyNames.get(county) ?? entry?.name ?? county,
      count,
      share: total ? count / total : 0,
      rank: null,
      population: pop ?? null,
      ...(pop && entry?.rounded ? { populationRounded: true } : {}),
      per100k: pop ? (count / pop) * 100_000 : null,
      rankPer100k: null,
      ...(pop || county === UNRESOLVED ? {} : { note: "no population" }),
    };
  });
  return assignRanks(rows);
}

/**
 * A ranking with the counties that have no complaint added as zero rows (a prefecture's counties,
 * so that maps and tables show every one), re-ranked. Zero rows get no per-capita figure.
 */
export function withZeroCounties(
  ranks: readonly CountyRank[],
  counties: readonly { code: string; name: string; population?: number | null; rounded?: boolean }[],
): CountyRank[] {
  const seen = new Set(ranks.map((r) => r.county));
  const rows = [...ranks];
  for (const c of counties) {
    if (seen.has(c.code)) continue;
    seen.add(c.code);
    const pop = c.population ?? null;
    rows.push({
      county: c.code,
      countyName: c.name,
      count: 0,
      share: 0,
      rank: null,
      population: pop,
      ...(pop && c.rounded ? { populationRounded: true } : {}),
      per100k: null,
      rankPer100k: null,
      ...(pop ? {} : { note: "no population" }),
    });
  }
  return assignRanks(rows);
}
