import { readFileSync } from "node:fs";
import { divisions } from "../geo/divisions.js";
import { parseCsv } from "../ingest/csv.js";
import { decodeText } from "../ingest/decode.js";
import { dataPath } from "../util/paths.js";

/** The resident population (常住人口) of a county-level unit, with where the figure comes from. */
export interface PopulationEntry {
  code: string;
  name: string;
  /** undefined when no sourced figure is known */
  population?: number;
  /** the figure is rounded in its source (to 100 or 1,000 persons), not the census count itself */
  rounded?: boolean;
  /** the census 2020-11-01 (第七次全国人口普查) figure's publication */
  source?: string;
}

/** code -> entry */
export type PopulationTable = ReadonlyMap<string, PopulationEntry>;

/** A population table that cannot be read: names the file, the line and the column. */
export class PopulationTableError extends Error {
  override name = "PopulationTableError";
  constructor(
    readonly file: string,
    readonly line: number,
    readonly column: string,
    readonly reason: string,
  ) {
    super(`人口表 ${file}${line ? ` 第${line}行` : ""}${column ? `「${column}」列` : ""}：${reason}`);
  }
}

/** Header spellings of a population table (the bundled one's English names first). */
const HEADERS = {
  code: ["code", "区划代码", "行政区划代码", "代码", "统计用区划代码"],
  name: ["name", "县（市、区）", "县(市、区)", "县市区", "名称", "地区", "行政区域", "区县", "县区"],
  prefecture: ["prefecture", "市州", "地级市", "所属市", "市"],
  population: ["population", "常住人口", "常住人口（人）", "常住人口(人)", "人口", "人口数", "人口（人）", "人口(人)"],
  source: ["source", "来源", "数据来源", "资料来源"],
  precision: ["precision", "精度"],
} as const;

const norm = (h: string) =>
  h
    .replace(/[\s\u3000]/g, "")
    .replace(/^\uFEFF/, "")
    .toLowerCase();

/** "568,778" / "568778" / "56.88万" -> persons, and whether the figure is rounded. */
function headCount(cell: string): { value: number; rounded: boolean } | undefined {
  const s = cell.replace(/[\s,，]/g, "");
  const wan = /^(\d+(?:\.\d+)?)万(?:人)?$/.exec(s);
  if (wan) {
    const value = Math.round(Number(wan[1]) * 10_000);
    return value > 0 ? { value, rounded: true } : undefined;
  }
  const m = /^(\d+)(?:人)?$/.exec(s);
  if (!m) return undefined;
  const value = Number(m[1]);
  return value > 0 ? { value, rounded: false } : undefined;
}

let cached: PopulationTable | undefined;

/**
 * Read a population table. Default: data/population/hunan-2020.csv, Hunan's county-level units at
 * the 2020 census, see data/population/README.md (an empty population cell means no sourced
 * figure; `precision` says which figures are rounded).
 *
 * A user's table (CSV, UTF-8 or GBK) needs a population column (population / 常住人口 / 人口) and
 * either a GB/T 2260 code column (code / 区划代码) or a county name column (name / 县（市、区）),
 * optionally with the prefecture (市州) to tell apart names used in several places. Figures may
 * be written 568778, 568,778 or 56.88万 (read as rounded). Title lines above the header are skipped.
 *
 * @throws PopulationTableError naming the line and column of a cell that cannot be read
 */
export function populationTable(file?: string): PopulationTable {
  if (!file && cached) return cached;
  const label = file ?? "data/population/hunan-2020.csv";
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(file ?? dataPath("population", "hunan-2020.csv"));
  } catch (e) {
    throw new PopulationTableError(label, 0, "", (e as NodeJS.ErrnoException).code === "ENOENT" ? "文件不存在" : (e as Error).message);
  }
  const table = parsePopulation(decodeText(bytes).text, label);
  if (!file) cached = table;
  return table;
}

/** A population table from CSV text (see {@link populationTable}); `label` names it in errors. */
export function parsePopulation(text: string, label = "人口表"): PopulationTable {
  const { records } = parseCsv(text);
  const find = (cells: readonly string[], names: readonly string[]) => cells.findIndex((c) => names.some((n) => norm(n) === norm(c)));
  const headerAt = records.findIndex((r, i) => i < 15 && find(r.cells, HEADERS.population) >= 0);
  if (headerAt < 0) throw new PopulationTableError(label, 0, "", "找不到人口列（population、常住人口或人口）");
  const header = records[headerAt]!.cells;
  const col = {
    code: find(header, HEADERS.code),
    name: find(header, HEADERS.name),
    prefecture: find(header, HEADERS.prefecture),
    population: find(header, HEADERS.population),
    source: find(header, HEADERS.source),
    precision: find(header, HEADERS.precision),
  };
  if (col.code < 0 && col.name < 0)
    throw new PopulationTableError(label, records[headerAt]!.n, "", "需要区划代码列（code、区划代码）或县（市、区）名称列（name）");
  const d = divisions();
  const table = new Map<string, PopulationEntry>();
  for (const r of records.slice(headerAt + 1)) {
    const cell = (i: number) => (i >= 0 ? (r.cells[i]?.trim() ?? "") : "");
    if (r.cells.every((c) => !c.trim())) continue;
    let code = cell(col.code);
    const name = cell(col.name);
    if (code) {
      if (!/^\d{6}$/.test(code)) throw new PopulationTableError(label, r.n, header[col.code]!, `「${code}」不是六位区划代码`);
      if (!d.countyByCode.has(code) && !d.prefectureByCode.has(code))
        throw new PopulationTableError(label, r.n, header[col.code]!, `没有区划代码为 ${code} 的县级行政区`);
    } else if (name) {
      const pref = cell(col.prefecture);
      const hits = d.counties.filter((c) => c.name === name && (!pref || c.prefecture === pref || c.prefecture.startsWith(pref)));
      if (!hits.length) throw new PopulationTableError(label, r.n, header[col.name]!, `「${name}」不是县级行政区的名称${pref ? `（${pref}）` : ""}`);
      if (hits.length > 1) {
        throw new PopulationTableError(
          label,
          r.n,
          header[col.name]!,
          `「${name}」有重名（${hits.map((c) => `${c.province === c.prefecture ? "" : c.province}${c.prefecture}`).join("、")}），请给出区划代码或市州列`,
        );
      }
      code = hits[0]!.code;
    } else {
      throw new PopulationTableError(label, r.n, header[col.code >= 0 ? col.code : col.name]!, "缺少区划代码或名称");
    }
    const raw = cell(col.population);
    const count = raw ? headCount(raw) : undefined;
    if (raw && !count) throw new PopulationTableError(label, r.n, header[col.population]!, `「${raw}」不是人数`);
    const source = cell(col.source);
    const rounded = Boolean(count?.rounded || /^rounded|约|四舍五入/.test(cell(col.precision)));
    table.set(code, {
      code,
      name: name || (d.countyByCode.get(code)?.name ?? d.prefectureByCode.get(code)?.name ?? code),
      ...(count ? { population: count.value } : {}),
      ...(count && rounded ? { rounded: true } : {}),
      ...(source ? { source } : {}),
    });
  }
  return table;
}
