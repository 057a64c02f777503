/**
 * The dashboard's data step: read the tables, redact, classify, analyse with the public API, and
 * write what the browser may see (aggregates, encoded columns, redacted texts). Node only.
 *
 * Privacy by construction: every record is redacted (`redactComplaint`) right after reading, so
 * nothing computed afterwards (targets, evidence words, repeat-group excerpts) can carry a phone
 * number, an ID number or a complainant's name. Only fields listed in ./model.ts leave this file.
 */
import { closeSync, mkdirSync, mkdtempSync, openSync, readFileSync, readSync, rmSync, writeFileSync, writeSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import {
  ChartData,
  ChartDataError,
  type ClassifiedComplaint,
  type CountyFeature,
  POLLUTION_TYPES,
  REDACTED,
  buildReport,
  caseKey,
  contextProvinceCode,
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
import { countBy } from "../analyze/count.js";
import { enforcementMissing } from "../analyze/enforcement-by-county.js";
import { MISSING } from "../analyze/keys.js";
import { labelPoint } from "../charts/map.js";
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
  TEXT_HEAD,
  TEXT_INDEX_BITS,
  TEXT_PIECES_FROM,
  TEXT_PIECE_SIZE,
  TextPieces,
  type TextIndex,
  type TextRecord,
  addPairs,
  chunkRange,
  FIRST_COUNTS,
  FIRST_PROGRESS_ROWS,
  cubeOf,
  encodeColumns,
  pieceFile,
  piecesPerGroup,
  packColumns,
  CUBE_DIMENSIONS,
  type CUBE_COLUMNS,
} from "./model.js";
import { gate, gatedJson } from "../text/redact.js";
import { isPlaceName, segment } from "../text/segment.js";
import { wordStarts } from "./highlight.js";
import { closeTimesOf, progressOf } from "./closure.js";
import { leagueRows } from "./league.js";
import { DashboardData } from "./select.js";
import { ZipStream } from "./zip.js";
import { dataContext } from "./inputs.js";

/** The files of the dashboard's data folder, by name (data/cases.json, data/texts.zip …). */
export type DashboardOutputs = Map<string, string | Uint8Array>;

const TYPE_BIT = new Map<string, number>(POLLUTION_TYPES.map((t, i) => [t, 1 << i]));
const CATEGORY = { 一般件: 0, 重点件: 1 } as const;
/** Links (and reasons) of a repeat group shipped: enough to say why, not every pair of a big group. */
const LINKS_SHOWN = 3;
/** Repeat groups in the summary repeats.json of a large data set (the largest), and members listed in each. */
const REPEATS_SHOWN = 300;
const MEMBERS_SHOWN = 20;
/** Characters of the complaint shown in the overdue list (after redaction). */
const OVERDUE_SUMMARY = 60;

/** First grid index whose date is on or after d (grid.length when after all): as closureProgress buckets. */

/** A label as shipped; evidence words that redaction removed from the text are dropped. */
function label(l: { label: string; confidence: number; evidence: string[] }, text: string): ShippedLabel {
  return [l.label, l.confidence, l.evidence.filter((w) => w && !w.includes(REDACTED) && text.includes(w)).slice(0, 6)];
}

/** A case's text record without its row (set when the chunks are written, in the page's order). */
function textRecord(c: ClassifiedComplaint): Omit<TextRecord, "row"> {
  const k = c.classification;
  const text = c.text;
  const target = k.target ? redact(k.target) : undefined;
  const types = k.types.map((l) => label(l, text));
  const themes = k.themes.map((l) => label(l, text));
  const key = k.keyCase.suggested ? k.keyCase.reasons.map((r) => [r.name, r.evidence.filter((w) => text.includes(w)).slice(0, 6)] as [string, string[]]) : [];
  // where each evidence word stands as a word (排到 not in 安排到): the browser has no segmenter
  const words = [...types, ...themes].flatMap(([, , w]) => w).concat(key.flatMap(([, w]) => w));
  const at = wordStarts(text, words, () => segment(text), isPlaceName);
  return { id: caseKey(c), text, types, themes, key, at, ...(target ? { target } : {}) };
}

/** The counties to map (ChartData.boundaries: one province's, or a prefecture's of it), coordinates rounded to ~100 m; null without any county resolved. */
function geoFor(data: ChartData) {
  let all;
  try {
    all = data.boundaries;
  } catch (e) {
    if (e instanceof ChartDataError) return null;
    throw e;
  }
  const round = (v: number) => Math.round(v * 1000) / 1000;
  const features = all.features.map((f): CountyFeature => {
    const geometry: CountyFeature["geometry"] =
      f.geometry.type === "Polygon"
        ? { type: "Polygon", coordinates: f.geometry.coordinates.map((r) => r.map(([x, y]) => [round(x!), round(y!)])) }
        : { type: "MultiPolygon", coordinates: f.geometry.coordinates.map((p) => p.map((r) => r.map(([x, y]) => [round(x!), round(y!)]))) };
    // the label's place, searched here once (0.13–0.16 s of a page's first second in Chromium)
    return { ...f, geometry, properties: { ...f.properties, labelPoint: labelPoint(geometry) } };
  });
  return { type: "FeatureCollection" as const, features };
}

export interface BuildLog {
  (message: string): void;
}

export interface DataOptions {
  /** ship the cases in the order of their count cube (`CaseCube`), enforcement summed per filter cell; default: above AGGREGATE_FROM cases */
  aggregate?: boolean;
  /** ship the largest repeat groups in repeats.json, all of them in repeats-all.json; default: above REPEATS_SUMMARY_FROM cases */
  repeatsSummary?: boolean;
  /** ship the texts as small pieces in county order (`TextPieces`); default: above TEXT_PIECES_FROM cases */
  textPieces?: boolean;
  /** most cases in a piece (default TEXT_PIECE_SIZE) */
  textPieceSize?: number;
  /** the area the tables come from, as ducha's --context (全国, 山东省, 431100); default 湖南省郴州市 */
  context?: string;
}

/**
 * Above this many cases the cases ship in the order of their count cube (cases.bin's columns
 * compress to ~1 byte a case gzip in that order: 634 kB at a national year's 650,000) and
 * enforcement as sums per filter cell.
 */
export const AGGREGATE_FROM = 200_000;
/** Above this many cases repeats.json is a summary: every group of 100,000 cases is ~1 MB gzip. */
export const REPEATS_SUMMARY_FROM = 60_000;

/** Read, redact, classify and analyse `files`; returns the data folder's files (written to a temporary folder first). */
export async function buildDashboardData(files: readonly string[], log: BuildLog = () => {}, options: DataOptions = {}): Promise<DashboardOutputs> {
  const dir = mkdtempSync(join(tmpdir(), "ducha-data-"));
  try {
    const names = await writeDashboardData(files, dir, log, options);
    const out: DashboardOutputs = new Map();
    for (const name of names) out.set(name, /\.(zip|bin)$/.test(name) ? new Uint8Array(readFileSync(join(dir, name))) : readFileSync(join(dir, name), "utf8"));
    return out;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Read, redact, classify and analyse `files`; write the data folder's files into `dir` (each as
 * soon as it is made, so a national year's files are never all in memory) and return their names.
 */
export async function writeDashboardData(files: readonly string[], dir: string, log: BuildLog = () => {}, options: DataOptions = {}): Promise<string[]> {
  const t0 = performance.now();
  mkdirSync(dir, { recursive: true });
  const names: string[] = [];
  const put = (name: string, data: string | Uint8Array) => {
    writeFileSync(join(dir, name), data);
    names.push(name);
  };
  const context = options.context ? dataContext(options.context) : undefined;
  const ingest = await ingestFiles(files, context ? { context } : {});
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
  // each slice's text records (what the search page shows, with evidence) go to a scratch file
  // as the slice completes, gated, as JSON without their row; offsets[p] is where case p's starts
  const scratch = join(dir, ".texts.scratch");
  const scratchFd = openSync(scratch, "w");
  const offsets = new Float64Array(latestRecords.length + 1);
  const positionOf = new Map<string, number>();
  const compact: Classification[] = new Array<Classification>(latestRecords.length);
  try {
    await classifyInSlices(
      latestRecords.length,
      (i) => latestRecords[i]!.text,
      (start, results) => {
        const parts = results.map((k, j) => {
          const p = start + j;
          const c = latestRecords[p]!;
          positionOf.set(caseKey(c), p);
          compact[p] = statsClassification(k);
          const bytes = Buffer.from(gatedJson(textRecord({ ...c, classification: k })), "utf8");
          offsets[p + 1] = offsets[p]! + bytes.length;
          return bytes;
        });
        writeSync(scratchFd, Buffer.concat(parts));
      },
    );
  } finally {
    closeSync(scratchFd);
  }
  latestRecords.length = 0;
  const all = records.map((r) => statsRecord(r, compact[positionOf.get(caseKey(r))!]!));
  compact.length = 0;
  records.length = 0; // the redacted records with their cells: `all` holds what is used below
  // the analyses of the charts and the report, shared (ChartData computes each once)
  // the map draws the inspection's province when DUCHA_CONTEXT names one, else the one with the most cases
  const province = context ? contextProvinceCode(context) : undefined;
  const chartData = new ChartData(all, province ? { province } : {});
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
  // a large data set ships its cases in the order of their count cube (the page's rows)
  const aggregate = options.aggregate ?? n > AGGREGATE_FROM;
  const encoded = encodeColumns(cols);
  const cubed = aggregate ? cubeOf(cols, extras, n) : undefined;
  /** the row the page shows case i at */
  const shippedRow = new Int32Array(n);
  for (let k = 0; k < n; k++) shippedRow[cubed ? cubed.order[k]! : k] = k;
  const shipped = (i: number) => shippedRow[i]!;

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
  // the per-case values as typed arrays in cases.bin: no JSON decoding in the page
  const perCase = Object.fromEntries(
    CUBE_DIMENSIONS.map((d): [string, ArrayLike<number>] => [d, d in extras ? extras[d as keyof CaseExtras] : cols[d as (typeof CUBE_COLUMNS)[number]]]),
  );
  // with a cube, the cases in its order: the page views the columns as they are, no expanding
  const inOrder = (values: ArrayLike<number>, order: Int32Array): Int32Array => {
    const out = new Int32Array(n);
    for (let k = 0; k < n; k++) out[k] = values[order[k]!]!;
    return out;
  };
  const { layout: packed, bytes: casesBin } = packColumns(
    cubed ? Object.fromEntries(Object.entries(perCase).map(([d, values]) => [d, inOrder(values, cubed.order)])) : perCase,
    n,
  );
  const casesFile: CasesFile = {
    meta,
    columns: encoded,
    extras: { category: [], keySuggested: [], predictedTypes: [], progressSlot: [], closedSlot: [], phaseSlot: [], closeDays: [], closeExact: [] },
    packed,
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
          row: shipped(row),
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
    keyCases: cases.flatMap((c, i): [number, string][] => (extras.category[i] === 1 ? [[shipped(i), caseKey(c)]] : [])),
  };
  // the 总览's first screen: the league table of the unfiltered data, by the page's own function
  const page = new DashboardData(casesFile, casesBin);
  casesFile.league = leagueRows(page, page.select());
  // and the unfiltered count tables of the first screens' charts, by the library's own countBy
  casesFile.counts = FIRST_COUNTS.map((dims) => countBy(page.cols, dims));
  // and 整改进度's progress and close times, unless a national grid makes them large
  const everything = page.select();
  const firstProgress = progressOf(page, everything);
  if (firstProgress.rows.length <= FIRST_PROGRESS_ROWS) {
    casesFile.progress = firstProgress;
    casesFile.closeTimes = closeTimesOf(page, everything);
  }
  put("cases.json", gatedJson(casesFile));
  put("cases.bin", casesBin);
  put("meta.json", gatedJson({ meta } satisfies MetaFile));
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
        rows: g.members.flatMap((m) => (rowOf.has(m.key) ? [shipped(rowOf.get(m.key)!)] : [])),
      };
    }),
  };
  if (options.repeatsSummary ?? n > REPEATS_SUMMARY_FROM) {
    // a national year's ~50,000 groups are ~9 MB gzip: the page gets the largest, the rest on demand
    // rows ascending as differences (a group's rows are near each other in the cube's order): a
    // third of the bytes
    const largest = [...repeatsFile.groups]
      .sort((a, b) => b.size - a.size || Number(a.id.slice(1)) - Number(b.id.slice(1)))
      .slice(0, REPEATS_SHOWN)
      .map((g) => {
        const rows = [...g.rows].sort((x, y) => x - y);
        return { ...g, members: g.members.slice(0, MEMBERS_SHOWN), rows: rows.map((r, j) => (j ? r - rows[j - 1]! : r)) };
      });
    const summary: RepeatsFile = { deltaRows: true, groups: largest, total: { groups: groups.length, complaints: groups.reduce((s, g) => s + g.size, 0) } };
    put("repeats.json", gatedJson(summary));
    put("repeats-all.json", gatedJson(repeatsFile));
  } else {
    put("repeats.json", gatedJson(repeatsFile));
    put("repeats-all.json", gatedJson({ groups: [] } satisfies RepeatsFile)); // repeats.json has them all
  }
  log(`重复举报 ${groups.length} 组（${Math.round(performance.now() - t3)} ms）`);

  const t4 = performance.now();
  const report = buildReport(chartData, { files: files.map((f) => basename(f)), rejected: ingest.rejected, synthetic });
  put("report.json", gatedJson(report));
  put("geo.json", gatedJson(geoFor(chartData)));
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
  // in the page's row order; with a cube, summed per filter cell (the rows of one county × date
  // × batch × types × themes, consecutive in the cube's order): a filter selects whole cells, so
  // the page's sums over a selection are the same
  const caseAt = new Int32Array(n);
  for (let i = 0; i < n; i++) caseAt[shipped(i)] = i;
  const filterColumns = [cols.date, cols.county, cols.batch, cols.types, cols.themes];
  const groupRows: number[] = [];
  for (let k = 0, cell = -1; k < n; k++) {
    const i = caseAt[k]!;
    const prev = k ? caseAt[k - 1]! : -1;
    if (!cubed || prev < 0 || filterColumns.some((col) => col[i] !== col[prev])) {
      cell++;
      groupRows.push(0);
    }
    groupRows[cell]!++;
    const c = cases[i]!;
    const e = parseEnforcement(c.rectification, c.accountability);
    const values: [Exclude<keyof EnforcementFile, "groupRows" | "unavailable">, number][] = [
      ["cases", e.cases],
      ["fines", e.fines.length],
      ["fineYuan", e.fineYuan],
      ["orders", e.orders],
      ["suspensions", e.suspensions],
      ["seizures", e.seizures],
      ["transfers", e.transfers],
      ["interviewed", e.interviewed],
      ["accountable", e.accountable],
      ["withAction", hasAction(e) ? 1 : 0],
    ];
    for (const [name, v] of values) enforcement[name][cell] = (enforcement[name][cell] ?? 0) + v;
  }
  if (cubed) enforcement.groupRows = groupRows;
  // no text to read figures from: the page says 无数据 and why, as ducha stats and the report do
  if (!cases.some((c) => c.rectification?.trim() || c.accountability?.trim())) enforcement.unavailable = enforcementMissing(cases);

  put("enforcement.json", JSON.stringify(enforcement)); // numbers only

  // the texts, each read back from the scratch file and written to an archive as soon as its
  // chunk (or piece) is made: one chunk's records in memory at a time
  const scratchIn = openSync(scratch, "r");
  const index: TextIndex = { bits: TEXT_INDEX_BITS, chunks: [] };
  /** Row r's record as JSON, and the character pairs a search matches (the shipped text, 受理编号, 投诉对象) added to `pairs`. */
  const recordOf = (r: number, pairs?: Uint8Array): string => {
    const p = positionOf.get(caseKey(cases[caseAt[r]!]!))!;
    const bytes = Buffer.alloc(offsets[p + 1]! - offsets[p]!);
    readSync(scratchIn, bytes, 0, bytes.length, offsets[p]!);
    const json = bytes.toString("utf8");
    if (pairs) {
      const t = JSON.parse(json) as Omit<TextRecord, "row">;
      for (const s of [t.text, t.id, t.target ?? ""]) addPairs(pairs, s, TEXT_INDEX_BITS);
    }
    // the row is the case's place in the page's data, known only now
    return `{"row":${r},${json.slice(1)}`;
  };
  const chunkJson = (start: number, end: number, records: string[]) => Buffer.from(`{"start":${start},"end":${end},"records":[${records.join(",")}]}`, "utf8");
  /** An archive written entry by entry. */
  const archive = (name: string) => {
    const z = new ZipStream();
    const fd = openSync(join(dir, name), "w");
    names.push(name);
    return {
      add: (entry: string, data: Uint8Array) => z.add(entry, data).forEach((part) => writeSync(fd, part)),
      close: () => {
        try {
          for (const part of z.end()) writeSync(fd, part);
        } finally {
          closeSync(fd);
        }
      },
    };
  };
  try {
    if (options.textPieces ?? n > TEXT_PIECES_FROM) {
      // each row chunk (an index group) as pieces in county order, one archive a group (Framework
      // reads a whole archive for each file it takes out of it: 32 small ones, not one of 360 MB);
      // the page computes the same order from its county column
      const pieces = new TextPieces(
        Int32Array.from({ length: n }, (_, r) => cols.county[caseAt[r]!]!),
        piecesPerGroup(n, options.textPieceSize ?? TEXT_PIECE_SIZE),
      );
      index.perGroup = pieces.perGroup;
      const rowAt = pieces.rowsInOrder();
      for (let g = 0; g < TEXT_CHUNKS; g++) {
        const [start, end] = chunkRange(g, n);
        const pairs = new Uint8Array((1 << TEXT_INDEX_BITS) / 8);
        const zip = archive(`texts-p-${String(g).padStart(2, "0")}.zip`);
        try {
          for (let k = 0; k < pieces.perGroup; k++) {
            const [from, to] = [Math.min(end, start + k * pieces.size), Math.min(end, start + (k + 1) * pieces.size)];
            const records: string[] = [];
            for (let p = from; p < to; p++) records.push(recordOf(rowAt[p]!, pairs));
            zip.add(pieceFile(g, k).slice(5), chunkJson(from, to, records));
          }
        } finally {
          zip.close();
        }
        index.chunks.push(Buffer.from(pairs).toString("base64"));
      }
      // the unfiltered first pages: the newest cases (newestFirst's order), from every county
      const missing = cols.dateKeys.indexOf(MISSING);
      const day = (r: number) => {
        const d = cols.date[caseAt[r]!]!;
        return d === missing ? -1 : d;
      };
      const head = Array.from({ length: n }, (_, r) => r)
        .sort((a, b) => day(b) - day(a) || b - a)
        .slice(0, TEXT_HEAD);
      put(
        "texts-head.json",
        chunkJson(
          0,
          head.length,
          head.map((r) => recordOf(r)),
        ),
      );
    } else {
      const zip = archive("texts.zip");
      try {
        for (let k = 0; k < TEXT_CHUNKS; k++) {
          const [start, end] = chunkRange(k, n);
          const records: string[] = [];
          const pairs = new Uint8Array((1 << TEXT_INDEX_BITS) / 8);
          for (let r = start; r < end; r++) records.push(recordOf(r, pairs));
          index.chunks.push(Buffer.from(pairs).toString("base64"));
          zip.add(`${String(k).padStart(2, "0")}.json`, chunkJson(start, end, records));
        }
      } finally {
        zip.close();
      }
    }
  } finally {
    closeSync(scratchIn);
    rmSync(scratch, { force: true });
  }
  put("texts-index.json", JSON.stringify(index)); // bit sets only
  log(`完成（共 ${Math.round(performance.now() - t0)} ms）`);
  return names;
}
