/**
 * The dashboard's data step: read the tables, redact, classify, analyse with the public API, and
 * write what the browser may see (aggregates, encoded columns, redacted texts). Node only.
 *
 * Privacy by construction: every record is redacted (`redactComplaint`) right after reading, so
 * nothing computed afterwards (targets, evidence words, repeat-group excerpts) can carry a phone
 * number, an ID number or a complainant's name. Only fields listed in ./model.ts leave this file.
 */
import { basename } from "node:path";
import {
  ChartData,
  ChartDataError,
  type ClassifiedComplaint,
  type CountyFeature,
  POLLUTION_TYPES,
  REDACTED,
  buildReport,
  caseKey,
  countiesOf,
  hasAction,
  ingestFiles,
  latest,
  overdue,
  parseEnforcement,
  populationTable,
  redact,
  redactComplaint,
  timeToClose,
  timelines,
} from "../node.js";
import { gridSlot } from "../analyze/progress.js";
import { classifyInSlices, statsClassification, statsRecord } from "../classify/slices.js";
import type { Classification } from "../model/classification.js";
import {
  type CaseExtras,
  type CasesFile,
  type DashboardMeta,
  type EnforcementFile,
  MODEL_VERSION,
  type MetaFile,
  type PopulationRow,
  type RepeatsFile,
  type ShippedLabel,
  TEXT_CHUNKS,
  type TextChunk,
  type TextRecord,
  chunkRange,
  encodeColumns,
} from "./model.js";
import { gate, gatedJson } from "../text/redact.js";
import { isPlaceName, segment } from "../text/segment.js";
import { wordStarts } from "./highlight.js";
import { leagueRows } from "./league.js";
import { DashboardData } from "./select.js";
import { zip } from "./zip.js";

/** The files of the dashboard's data folder, by name (data/cases.json, data/texts.zip …). */
export type DashboardOutputs = Map<string, string | Uint8Array>;

const TYPE_BIT = new Map<string, number>(POLLUTION_TYPES.map((t, i) => [t, 1 << i]));
const CATEGORY = { 一般件: 0, 重点件: 1 } as const;
/** Links (and reasons) of a repeat group shipped: enough to say why, not every pair of a big group. */
const LINKS_SHOWN = 3;
/** Characters of the complaint shown in the overdue list (after redaction). */
const OVERDUE_SUMMARY = 60;

/** First grid index whose date is on or after d (grid.length when after all): as closureProgress buckets. */

/** A label as shipped; evidence words that redaction removed from the text are dropped. */
function label(l: { label: string; confidence: number; evidence: string[] }, text: string): ShippedLabel {
  return [l.label, l.confidence, l.evidence.filter((w) => w && !w.includes(REDACTED) && text.includes(w)).slice(0, 6)];
}

function textRecord(c: ClassifiedComplaint, row: number): TextRecord {
  const k = c.classification;
  const text = c.text;
  const target = k.target ? redact(k.target) : undefined;
  const types = k.types.map((l) => label(l, text));
  const themes = k.themes.map((l) => label(l, text));
  const key = k.keyCase.suggested ? k.keyCase.reasons.map((r) => [r.name, r.evidence.filter((w) => text.includes(w)).slice(0, 6)] as [string, string[]]) : [];
  // where each evidence word stands as a word (排到 not in 安排到): the browser has no segmenter
  const words = [...types, ...themes].flatMap(([, , w]) => w).concat(key.flatMap(([, w]) => w));
  const at = wordStarts(text, words, () => segment(text), isPlaceName);
  return { row, id: caseKey(c), text, types, themes, key, at, ...(target ? { target } : {}) };
}

/** The counties to map (ChartData.boundaries: the prefecture's), coordinates rounded to ~100 m; null without Hunan counties. */
function geoFor(data: ChartData) {
  let all;
  try {
    all = data.boundaries;
  } catch (e) {
    if (e instanceof ChartDataError) return null;
    throw e;
  }
  const round = (v: number) => Math.round(v * 1000) / 1000;
  const features = all.features.map((f): CountyFeature => ({
    ...f,
    geometry:
      f.geometry.type === "Polygon"
        ? { type: "Polygon", coordinates: f.geometry.coordinates.map((r) => r.map(([x, y]) => [round(x!), round(y!)])) }
        : { type: "MultiPolygon", coordinates: f.geometry.coordinates.map((p) => p.map((r) => r.map(([x, y]) => [round(x!), round(y!)]))) },
  }));
  return { type: "FeatureCollection" as const, features };
}

export interface BuildLog {
  (message: string): void;
}

/** Read, redact, classify and analyse `files`; returns the data folder's files. */
export async function buildDashboardData(files: readonly string[], log: BuildLog = () => {}): Promise<DashboardOutputs> {
  const t0 = performance.now();
  const ingest = await ingestFiles(files);
  if (!ingest.records.length) throw new Error(`没有可用的信访件记录（读取 ${files.length} 个文件，${ingest.rejected} 行被拒绝）`);
  // privacy first: nothing below ever sees an unredacted text
  const records = ingest.records.map(redactComplaint);
  ingest.records.length = 0; // the unredacted copies are not used again
  log(`读取 ${files.length} 个文件，${records.length} 条记录（${Math.round(performance.now() - t0)} ms）`);

  const t1 = performance.now();
  // classify each case once (its latest text), in slices: what the search page shows of a case
  // (its text record, with evidence) is made from each slice and the full classification
  // dropped; the analyses keep the compact records `ducha stats` keeps (labels, 重点件 flag,
  // target, place; header-only cells), so a national year does not hold every evidence list
  const latestRecords = latest(records);
  const shown = new Map<string, TextRecord>();
  const compact = new Map<string, Classification>();
  await classifyInSlices(
    latestRecords.length,
    (i) => latestRecords[i]!.text,
    (start, results) => {
      results.forEach((k, j) => {
        const c = latestRecords[start + j]!;
        const key = caseKey(c);
        shown.set(key, textRecord({ ...c, classification: k }, -1)); // row set when the chunks are written
        compact.set(key, statsClassification(k));
      });
    },
  );
  latestRecords.length = 0;
  const all = records.map((r) => statsRecord(r, compact.get(caseKey(r))!));
  compact.clear();
  records.length = 0; // the redacted records with their cells: `all` holds what is used below
  // the analyses of the charts and the report, shared (ChartData computes each once)
  const chartData = new ChartData(all);
  const cases = chartData.cases as ClassifiedComplaint[];
  log(`分类 ${cases.length} 件（${Math.round(performance.now() - t1)} ms）`);

  const t2 = performance.now();
  const cols = chartData.columns;
  const progress = chartData.progress;
  const grid = progress.dates;
  // the same records as ChartData's: timelines() are computed once for all of these
  const byKey = new Map(timelines(all).map((t) => [t.key, t]));
  const ttc = new Map(timeToClose(all).cases.map((c) => [c.key, c]));
  const od = overdue(all);

  const n = cases.length;
  const extras: CaseExtras = {
    category: new Array<number>(n),
    keySuggested: new Array<number>(n),
    predictedTypes: new Array<number>(n),
    progressSlot: new Array<number>(n),
    closedSlot: new Array<number>(n),
    phaseSlot: new Array<number>(n),
    closeDays: new Array<number>(n),
    closeExact: new Array<number>(n),
  };
  cases.forEach((c, i) => {
    const key = caseKey(c);
    const t = byKey.get(key);
    extras.category[i] = c.category ? CATEGORY[c.category] : 2;
    extras.keySuggested[i] = c.classification.keyCase.suggested ? 1 : 0;
    extras.predictedTypes[i] = c.classification.types.reduce((m, l) => m | (TYPE_BIT.get(l.label) ?? 0), 0);
    extras.progressSlot[i] = t?.date ? gridSlot(grid, t.date) : 0;
    extras.closedSlot[i] = t?.closedOn ? gridSlot(grid, t.closedOn) : -1;
    extras.phaseSlot[i] = t?.phaseOn ? gridSlot(grid, t.phaseOn) : -1;
    const close = ttc.get(key);
    extras.closeDays[i] = close ? close.days : -1;
    extras.closeExact[i] = close?.kind === "exact" ? 1 : 0;
  });
  const rowOf = new Map(cases.map((c, i) => [caseKey(c), i]));

  const prefecture = chartData.prefecture ?? null;
  const population = populationTable();
  const counties: PopulationRow[] = [];
  const seen = new Set<string>();
  const addCounty = (code: string, name: string) => {
    if (seen.has(code)) return;
    seen.add(code);
    const entry = population.get(code);
    counties.push({ code, name, population: entry?.population ?? null, ...(entry?.population && entry.rounded ? { rounded: true } : {}) });
  };
  if (prefecture && prefecture.code.startsWith("43")) for (const c of countiesOf(prefecture.code)) addCounty(c.code, c.name);
  for (const [code, name] of cols.countyNames) addCounty(code, name);

  const snapshots = [...new Set(all.map((r) => r.asOf).filter((x): x is string => !!x))].sort();
  const latestDate = cols.dateKeys.filter((d) => /^\d{4}-/.test(d)).at(-1) ?? null;
  const sources = ingest.files.map((f) => {
    const asOf = f.sheets.find((s) => s.asOf)?.asOf;
    return { file: basename(f.file), records: f.accepted, ...(asOf ? { asOf } : {}) };
  });
  const synthetic = ingest.synthetic;
  const meta: DashboardMeta = {
    title: `${prefecture?.name ?? ""}督察信访件分析`,
    synthetic,
    prefecture,
    sources,
    cases: n,
    records: all.length,
    rejected: ingest.rejected,
    snapshots,
    asOf: snapshots.at(-1) ?? latestDate,
    version: MODEL_VERSION,
  };
  const casesFile: CasesFile = {
    meta,
    columns: encodeColumns(cols),
    extras,
    progressDates: grid,
    upperBoundCases: progress.upperBoundCases,
    overdueAt: od.at ?? null,
    overdue: od.cases
      .filter((c) => rowOf.has(c.key))
      .map((c) => {
        const row = rowOf.get(c.key)!;
        const target = cases[row]!.classification.target;
        // 投诉对象 and a short summary for the overdue list: redacted, then cut (the output gate)
        return {
          row,
          id: c.key,
          deadline: c.deadline,
          days: c.daysOverdue,
          ...(c.status ? { status: c.status } : {}),
          ...(target ? { target: gate(target, { max: 24 }) } : {}),
          summary: gate(cases[row]!.text, { max: OVERDUE_SUMMARY }),
        };
      }),
    undatedDeadlines: od.undated,
    counties,
    keyCases: cases.flatMap((c, i): [number, string][] => (extras.category[i] === 1 ? [[i, caseKey(c)]] : [])),
  };
  // the 总览's first screen: the league table of the unfiltered data, by the page's own function
  const shipped = new DashboardData(casesFile);
  casesFile.league = leagueRows(shipped, shipped.select());
  log(`进度、逾期、办结用时、办结率排名（${Math.round(performance.now() - t2)} ms）`);

  const t3 = performance.now();
  const groups = chartData.repeats;
  const repeatsFile: RepeatsFile = {
    groups: groups.map((g) => {
      // what the pages show: every member's id, date and status; the first links and reasons
      const reasons = g.reason.split("；");
      return {
        ...g,
        members: g.members.map((m, i) => ({ ...m, excerpt: i === 0 ? m.excerpt.slice(0, 20) : "" })),
        links: g.links.slice(0, LINKS_SHOWN),
        reason: reasons.slice(0, LINKS_SHOWN).join("；") + (reasons.length > LINKS_SHOWN ? `；等共 ${reasons.length} 处关联` : ""),
        rows: g.members.map((m) => rowOf.get(m.key)!).filter((r) => r !== undefined),
      };
    }),
  };
  log(`重复举报 ${groups.length} 组（${Math.round(performance.now() - t3)} ms）`);

  const t4 = performance.now();
  const report = buildReport(chartData, { files: files.map((f) => basename(f)), rejected: ingest.rejected, synthetic });
  log(`报告附件（${Math.round(performance.now() - t4)} ms）`);

  const enforcement: EnforcementFile = {
    cases: [],
    fines: [],
    fineYuan: [],
    orders: [],
    suspensions: [],
    seizures: [],
    transfers: [],
    interviewed: [],
    accountable: [],
    withAction: [],
  };
  for (const c of cases) {
    const e = parseEnforcement(c.rectification, c.accountability);
    enforcement.cases.push(e.cases);
    enforcement.fines.push(e.fines.length);
    enforcement.fineYuan.push(e.fineYuan);
    enforcement.orders.push(e.orders);
    enforcement.suspensions.push(e.suspensions);
    enforcement.seizures.push(e.seizures);
    enforcement.transfers.push(e.transfers);
    enforcement.interviewed.push(e.interviewed);
    enforcement.accountable.push(e.accountable);
    enforcement.withAction.push(hasAction(e) ? 1 : 0);
  }

  const encoder = new TextEncoder();
  const chunks: { name: string; data: Uint8Array }[] = [];
  for (let k = 0; k < TEXT_CHUNKS; k++) {
    const [start, end] = chunkRange(k, n);
    const records = cases.slice(start, end).map((c, j) => {
      // the row is the case's place in cases.json, known only now (ChartData orders the cases)
      const t = shown.get(caseKey(c))!;
      t.row = start + j;
      return t;
    });
    const chunk: TextChunk = { start, end, records };
    chunks.push({ name: `${String(k).padStart(2, "0")}.json`, data: encoder.encode(gatedJson(chunk)) });
  }

  // every file passes the output gate (the file names in meta, ids, labels): the records were
  // redacted on reading, this is the second lock
  const out: DashboardOutputs = new Map();
  out.set("cases.json", gatedJson(casesFile));
  out.set("meta.json", gatedJson({ meta } satisfies MetaFile));
  out.set("repeats.json", gatedJson(repeatsFile));
  out.set("enforcement.json", JSON.stringify(enforcement)); // numbers only
  out.set("geo.json", gatedJson(geoFor(chartData)));
  out.set("report.json", gatedJson(report));
  out.set("texts.zip", zip(chunks));
  log(`完成（共 ${Math.round(performance.now() - t0)} ms）`);
  return out;
}
