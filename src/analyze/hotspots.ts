import { columnsOf, type Input } from "./count.js";
import { UNRESOLVED } from "./keys.js";
import type { PopulationTable } from "./population.js";

/** One county in the hotspot ranking. */
export interface CountyRank {
  /** county code, or （未识别） */
  county: string;
  countyName: string;
  count: number;
  /** share of all complaints, 0..1 */
  share: number;
  /** rank by count, 1 = most */
  rank: number;
  /** 常住人口 (2020 census) when a sourced figure is known */
  population: number | null;
  /** complaints per 100,000 residents; null without population */
  per100k: number | null;
  /** rank by per100k among counties with a population; null without */
  rankPer100k: number | null;
  /** "no population" when the table has no sourced figure for the county */
  note?: string;
}

/**
 * Counties ranked by number of complaints and per 100,000 residents (population from
 * `populationTable()` or the one given). Ties share a rank.
 */
export function countyRanking(input: Input, population?: PopulationTable): CountyRank[] {
  const cols = columnsOf(input);
  const counts = new Float64Array(cols.countyKeys.length);
  for (let i = 0; i < cols.length; i++) counts[cols.county[i]!]!++;
  const total = cols.length;
  const rows: CountyRank[] = cols.countyKeys.map((county, k) => {
    const pop = county === UNRESOLVED ? undefined : population?.get(county)?.population;
    const count = counts[k]!;
    return {
      county,
      countyName: cols.countyNames.get(county) ?? population?.get(county)?.name ?? county,
      count,
      share: total ? count / total : 0,
      rank: 0,
      population: pop ?? null,
      per100k: pop ? (count / pop) * 100_000 : null,
      rankPer100k: null,
      ...(pop || county === UNRESOLVED ? {} : { note: "no population" }),
    };
  });
  rows.sort((a, b) => b.count - a.count || (a.county < b.county ? -1 : 1));
  rows.forEach((r, i) => (r.rank = i > 0 && rows[i - 1]!.count === r.count ? rows[i - 1]!.rank : i + 1));
  const withPop = rows.filter((r) => r.per100k !== null).sort((a, b) => b.per100k! - a.per100k!);
  withPop.forEach((r, i) => (r.rankPer100k = i > 0 && withPop[i - 1]!.per100k === r.per100k ? withPop[i - 1]!.rankPer100k : i + 1));
  return rows;
}
