import { readFileSync } from "node:fs";
import { dataPath } from "../util/paths.js";

/** The resident population (常住人口) of a county-level unit, with where the figure comes from. */
export interface PopulationEntry {
  code: string;
  name: string;
  /** undefined when no sourced figure is known */
  population?: number;
  /** the census 2020-11-01 (第七次全国人口普查) figure's publication */
  source?: string;
}

/** code -> entry */
export type PopulationTable = ReadonlyMap<string, PopulationEntry>;

let cached: PopulationTable | undefined;

/**
 * Read a population CSV (code,name,prefecture,population,source,...; the header names the
 * columns). Default: data/population/hunan-2020.csv, Hunan's county-level units at the 2020
 * census, see data/population/README.md. An empty population cell means no sourced figure.
 */
export function populationTable(file?: string): PopulationTable {
  if (!file && cached) return cached;
  const text = readFileSync(file ?? dataPath("population", "hunan-2020.csv"), "utf8").replace(/^\uFEFF/, "");
  const [header, ...lines] = text.trim().split(/\r?\n/);
  const cols = header!.split(",");
  const at = (name: string) => {
    const i = cols.indexOf(name);
    if (i < 0) throw new Error(`population table has no column ${name}: ${file ?? "hunan-2020.csv"}`);
    return i;
  };
  const [iCode, iName, iPop, iSource] = [at("code"), at("name"), at("population"), at("source")];
  const table = new Map<string, PopulationEntry>();
  lines.forEach((line, n) => {
    if (!line.trim()) return;
    const cells = line.split(",");
    const code = cells[iCode]!.trim();
    const raw = cells[iPop]?.trim() ?? "";
    const population = raw ? Number(raw) : undefined;
    if (population !== undefined && !(Number.isInteger(population) && population > 0)) {
      throw new Error(`population table line ${n + 2}: not a head count: ${raw}`);
    }
    const source = cells[iSource]?.trim();
    table.set(code, { code, name: cells[iName]!.trim(), ...(population ? { population } : {}), ...(source ? { source } : {}) });
  });
  if (!file) cached = table;
  return table;
}
