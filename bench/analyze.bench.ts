/**
 * Aggregation speed and memory: 1,000,000 synthetic classified complaints, the full set of
 * count aggregations of `ducha stats` (dictionary-encoded columns, 15 count tables, rates, county
 * rates, hotspot ranking, spike detection, every result handed to danfojs as a DataFrame) against,
 * in the same run, a plain Map loop computing the same counts and rates. Prints both medians, the
 * ratio (target <= 3) and peak RSS (target <= 2 GB). Then, outside the ratio: the snapshot
 * analyses (latest, progress, overdue, time to close) on the million records, enforcement parsing
 * on 100,000 texts and repeat grouping on 20,000 (jieba).
 *
 *   npm run bench:analyze [-- records]
 */
import type { ClassifiedComplaint, Classification } from "../dist-lib/model/classification.js";
import type { AreaResolution } from "../dist-lib/model/complaint.js";
import {
  type Dimension,
  closureProgress,
  countBy,
  countyRanking,
  enforcementByCounty,
  latest,
  overdue,
  populationTable,
  rates,
  ratesBy,
  repeats,
  spikes,
  timeToClose,
  toColumns,
  toDataFrame,
} from "../dist-lib/analyze/index.js";
import { alternate, fmt, mulberry32, peakRssMb, pick } from "./util.js";

const N = Number(process.argv[2] ?? 1_000_000);
const rnd = mulberry32(20230626);

// shared pieces: records point at a few dozen objects, so a million of them stay small
const COUNTIES: [string, string][] = [
  ["431002", "北湖区"],
  ["431003", "苏仙区"],
  ["431021", "桂阳县"],
  ["431022", "宜章县"],
  ["431023", "永兴县"],
  ["431024", "嘉禾县"],
  ["431025", "临武县"],
  ["431026", "汝城县"],
  ["431027", "桂东县"],
  ["431028", "安仁县"],
  ["431081", "资兴市"],
];
const areas: AreaResolution[] = [
  ...COUNTIES.map(([code, county]): AreaResolution => ({
    raw: county,
    method: "cell",
    code,
    county,
    prefectureCode: "431000",
    prefecture: "郴州市",
    provinceCode: "430000",
    province: "湖南省",
  })),
  { raw: "", method: "unresolved" },
];
const TYPE_SETS = [["大气"], ["水"], ["噪声"], ["生态"], ["土壤"], ["大气", "噪声"], ["水", "大气"], ["固废"], ["其他"], ["辐射"], []] as const;
const THEME_SETS = [[], [], ["pollution-battle"], ["two-high"], ["protected-area", "yangtze"], ["responsibility"], ["carbon", "two-high"]] as const;
const classifications: Classification[] = [];
for (const types of TYPE_SETS.slice(0, 9)) {
  for (const themes of THEME_SETS) {
    classifications.push({
      types: (types.length ? types : ["其他"]).map((label) => ({ label, confidence: 0.8, evidence: [] })) as Classification["types"],
      subtypes: [],
      themes: themes.map((label) => ({ label, confidence: 0.7, evidence: [] })) as Classification["themes"],
      keyCase: { suggested: false, reasons: [] },
    });
  }
}
const TEXTS = [
  "华塘镇某石材加工厂粉尘很大，周边房屋落满灰尘",
  "夜间生产噪音扰民，吵得睡不着",
  "废水直排附近河沟，河水发黑发臭",
  "养猪场臭气熏天，居民不敢开窗",
  "违规开采，破坏山体植被",
  "尾矿渗漏，农田被污染",
  "烧烤店油烟直排，楼上住户受影响",
];
const RECTIFICATIONS = [
  "责令整改，罚款2万元",
  "立案处罚，罚款人民币30000元；约谈2人",
  "经核查不属实",
  "责令停产整治，查封扣押设备",
  "",
  "罚款3.5万元，问责1人",
];
const STATUSES = ["已办结", "阶段性办结", "正在办理", undefined] as const;
const VERIFICATIONS = ["属实", "基本属实", "部分属实", "不属实", undefined] as const;
const DATES = Array.from({ length: 120 }, (_, i) => new Date(Date.UTC(2023, 5, 26 + i)).toISOString().slice(0, 10));
const DEADLINES = ["2023-07-31", "2023-08-31", "2023年9月底前", "立行立改", undefined];
const EMPTY: readonly never[] = Object.freeze([]);

const t0 = performance.now();
const records: ClassifiedComplaint[] = new Array(N);
for (let i = 0; i < N; i++) {
  const d = Math.floor(rnd() * DATES.length);
  const status = pick(rnd, STATUSES);
  const official = rnd() < 0.8 ? pick(rnd, TYPE_SETS) : EMPTY;
  records[i] = {
    key: `K${i}`,
    source: { file: "bench.csv", row: i + 2 },
    batch: 1 + Math.floor(d / 6),
    date: DATES[d]!,
    text: pick(rnd, TEXTS),
    area: areas[rnd() < 0.01 ? 11 : Math.floor(rnd() * 11)]!,
    officialTypes: official as ClassifiedComplaint["officialTypes"],
    ...(status ? { status } : {}),
    ...(rnd() < 0.9 ? { verification: pick(rnd, VERIFICATIONS.slice(0, 4)) } : {}),
    ...(status === "已办结" && rnd() < 0.7 ? { closedDate: DATES[Math.min(DATES.length - 1, d + Math.floor(rnd() * 60))]! } : {}),
    deadline: pick(rnd, DEADLINES),
    rectification: pick(rnd, RECTIFICATIONS),
    raw: {},
    classification: classifications[Math.floor(rnd() * classifications.length)]!,
  } as ClassifiedComplaint;
}
const genMs = performance.now() - t0;

const TABLES: Dimension[][] = [
  ["county"],
  ["date"],
  ["month"],
  ["batch"],
  ["type"],
  ["theme"],
  ["status"],
  ["verification"],
  ["county", "type"],
  ["county", "date"],
  ["batch", "type"],
  ["county", "theme"],
  ["county", "status"],
  ["county", "verification"],
  ["type", "status"],
];
const population = populationTable();
let frames = 0;

/** ducha: encode once, count every table, rates, ranking, spikes; each result becomes a DataFrame. */
function ducha(): void {
  const cols = toColumns(records);
  for (const dims of TABLES) {
    toDataFrame(countBy(cols, dims).rows, { columns: [...dims, "count"] });
    frames++;
  }
  const r = rates(cols);
  const byCounty = ratesBy(cols, "county");
  toDataFrame(
    [...byCounty].map(([county, x]) => ({ county, verified: x.verifiedRate.value, closed: x.closedRate.value, closedOrPhase: x.closedOrPhaseRate.value })),
  );
  toDataFrame(countyRanking(cols, population));
  toDataFrame(spikes(cols).spikes);
  if (r.closedRate.denominator + r.closedRate.blank !== N) throw new Error("records lost");
}

/** The same counts and rates with plain Maps, one pass over the records. */
function mapLoop(): void {
  const maps = TABLES.map(() => new Map<string, number>());
  const bump = (m: Map<string, number>, k: string) => m.set(k, (m.get(k) ?? 0) + 1);
  const rate = new Map<string, number[]>();
  let verified = 0;
  let withVerification = 0;
  let closed = 0;
  let phase = 0;
  for (const c of records) {
    const county = c.area.code ?? "（未识别）";
    const date = c.date ?? "（未填）";
    const month = date.slice(0, 7);
    const batch = c.batch === undefined ? "（未填）" : String(c.batch);
    const types = c.officialTypes.length ? c.officialTypes : c.classification.types.map((t) => t.label);
    const themes = c.classification.themes.length ? c.classification.themes.map((t) => t.label) : ["（未填）"];
    const status = c.status ?? "（未填）";
    const verification = c.verification ?? "（未填）";
    const single = [county, date, month, batch];
    for (let k = 0; k < 4; k++) bump(maps[k]!, single[k]!);
    for (const t of types) bump(maps[4]!, t);
    for (const t of themes) bump(maps[5]!, t);
    bump(maps[6]!, status);
    bump(maps[7]!, verification);
    for (const t of types) bump(maps[8]!, `${county}|${t}`);
    bump(maps[9]!, `${county}|${date}`);
    for (const t of types) bump(maps[10]!, `${batch}|${t}`);
    for (const t of themes) bump(maps[11]!, `${county}|${t}`);
    bump(maps[12]!, `${county}|${status}`);
    bump(maps[13]!, `${county}|${verification}`);
    for (const t of types) bump(maps[14]!, `${t}|${status}`);
    let r = rate.get(county);
    if (!r) rate.set(county, (r = [0, 0, 0, 0, 0]));
    r[0]!++;
    if (c.verification) {
      withVerification++;
      r[1]!++;
      if (c.verification !== "不属实") {
        verified++;
        r[2]!++;
      }
    }
    if (c.status === "已办结") {
      closed++;
      r[3]!++;
    } else if (c.status === "阶段性办结") {
      phase++;
      r[4]!++;
    }
  }
  if (verified > withVerification || closed + phase > N || !maps[0]!.size) throw new Error("bad counts");
}

// the two must agree before they are timed
{
  const cols = toColumns(records);
  const t = countBy(cols, ["county", "type"]);
  const m = new Map<string, number>();
  for (const c of records)
    for (const ty of c.officialTypes.length ? c.officialTypes : c.classification.types.map((x) => x.label))
      m.set(`${c.area.code ?? "（未识别）"}|${ty}`, (m.get(`${c.area.code ?? "（未识别）"}|${ty}`) ?? 0) + 1);
  for (const r of t.rows) if (m.get(`${r.county}|${r.type}`) !== r.count) throw new Error(`mismatch at ${r.county} ${r.type}`);
}

const [duchaMs, mapMs] = (await alternate([ducha, mapLoop], 5)) as [number, number];
const peakCounts = await peakRssMb();

const time = (fn: () => unknown) => {
  const s = performance.now();
  fn();
  return performance.now() - s;
};
const snapMs = time(() => {
  const l = latest(records);
  closureProgress(records);
  overdue(records);
  timeToClose(records);
  if (l.length !== N) throw new Error("latest lost records");
});
const ENF = Math.min(N, 100_000);
const enfMs = time(() => enforcementByCounty(records.slice(0, ENF)));
const REP = Math.min(N, 20_000);
const repeatRecords = records.slice(0, REP).map((r, i) => ({ ...r, text: `${r.text}，第${i % 500}号${["厂", "场", "矿"][i % 3]}` }));
const repMs = time(() => repeats(repeatRecords));
const peak = await peakRssMb();

console.log(`analyze benchmark: ${fmt(N)} classified records (generated in ${fmt(genMs)} ms); median of 5 alternating runs`);
console.log(`  ducha (columns + ${TABLES.length} count tables + rates + ranking + spikes, ${TABLES.length + 3} DataFrames): ${fmt(duchaMs)} ms`);
console.log(`  plain Map loop (the same counts and rates):                                ${fmt(mapMs)} ms`);
console.log(`  ratio ducha / Map loop: ${fmt(duchaMs / mapMs, 2)}  (target <= 3)`);
console.log(`  peak RSS after the counts: ${fmt(peakCounts)} MB; at the end: ${fmt(peak)} MB  (target <= 2,048 MB)`);
console.log(
  `  outside the ratio: snapshots (latest, progress, overdue, time to close) on ${fmt(N)}: ${fmt(snapMs)} ms;` +
    ` enforcement on ${fmt(ENF)} texts: ${fmt(enfMs)} ms; repeats on ${fmt(REP)} (jieba): ${fmt(repMs)} ms`,
);
if (frames === 0) throw new Error("no frames");
