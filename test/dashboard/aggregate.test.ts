/**
 * A national year's dashboard ships its cases in the order of their count cube (cases.bin) and a
 * summary of the repeat groups (repeats.json, every group in repeats-all.json). On the bundled
 * sample, both forms of the data step must give the pages the same figures: every count, rate,
 * ranking, progress curve, close time, overdue list and league row, under filters too; and each
 * row in the cube's order must be the case its text record, repeat groups and enforcement
 * figures say it is.
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { FeatureCollection, MultiPolygon, Polygon } from "geojson";
import { countyMapSpec, labelPoint } from "../../src/charts/map.js";
import type { CountyProperties } from "../../src/geo/boundaries.js";
import { countBy, rates } from "../../src/node.js";
import { buildDashboardData } from "../../src/dashboard/build.js";
import { closeTimesOf, overdueOf, progressOf } from "../../src/dashboard/closure.js";
import { sampleInputs } from "../../src/dashboard/inputs.js";
import { leagueRows } from "../../src/dashboard/league.js";
import {
  type CasesFile,
  type EnforcementFile,
  type RepeatsFile,
  type TextChunk,
  type TextIndex,
  type TextRecord,
  CUBE_DIMENSIONS,
  FIRST_COUNTS,
  TEXT_CHUNKS,
  TEXT_HEAD,
  TextPieces,
  chunkOf,
  pieceFile,
  chunksFor,
  enforcementRows,
  repeatGroups,
  unpackColumns,
} from "../../src/dashboard/model.js";
import { newestFirst, searchRows } from "../../src/dashboard/results.js";
import { DashboardData, type Filters, NO_FILTERS } from "../../src/dashboard/select.js";

type Outputs = Map<string, string | Uint8Array>;

/** The stored entries of texts.zip: name and chunk. */
function textEntries(bytes: Uint8Array): Map<string, TextChunk> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const out = new Map<string, TextChunk>();
  for (let at = 0; view.getUint32(at, true) === 0x04034b50;) {
    const size = view.getUint32(at + 18, true);
    const nameLength = view.getUint16(at + 26, true);
    const name = Buffer.from(bytes.subarray(at + 30, at + 30 + nameLength)).toString("utf8");
    const start = at + 30 + nameLength + view.getUint16(at + 28, true);
    out.set(name, JSON.parse(Buffer.from(bytes.subarray(start, start + size)).toString("utf8")) as TextChunk);
    at = start + size;
  }
  return out;
}

/** The text files of a data step: texts.zip's chunks (NN.json), or the pieced form's (p/GG/KK.json from texts-p-GG.zip). */
function textFiles(out: Outputs): Map<string, TextChunk> {
  const files = new Map<string, TextChunk>();
  for (const [name, v] of out) {
    const group = /^texts-p-(\d\d)\.zip$/.exec(name)?.[1];
    if (name === "texts.zip" || group) for (const [entry, c] of textEntries(v as Uint8Array)) files.set(group ? `p/${group}/${entry}` : entry, c);
  }
  return files;
}

/** Every shipped text record, by row. */
function textsByRow(out: Outputs): Map<number, TextRecord> {
  const rows = new Map<number, TextRecord>();
  for (const c of textFiles(out).values()) for (const t of c.records) rows.set(t.row, t);
  return rows;
}

let perCase: Outputs;
let cubed: Outputs;
let a: DashboardData;
let b: DashboardData;

beforeAll(async () => {
  perCase = await buildDashboardData(sampleInputs());
  // DUCHA_AGGREGATE=1's forms, with texts in pieces of 5 cases (perGroup 4 on the sample's ~600)
  cubed = await buildDashboardData(sampleInputs(), () => {}, { aggregate: true, repeatsSummary: true, textPieces: true, textPieceSize: 5 });
  a = new DashboardData(JSON.parse(perCase.get("cases.json") as string) as CasesFile, perCase.get("cases.bin") as Uint8Array);
  b = new DashboardData(JSON.parse(cubed.get("cases.json") as string) as CasesFile, cubed.get("cases.bin") as Uint8Array);
}, 240_000);

const FIELDS = ["cases", "fines", "fineYuan", "orders", "suspensions", "seizures", "transfers", "interviewed", "accountable", "withAction"] as const;

const FILTERS: Partial<Filters>[] = [
  {},
  { county: "431003" },
  { type: "噪声" },
  { theme: "two-high" },
  { batch: "12" },
  { from: "2023-07-01", to: "2023-07-05" },
  { county: "431003", type: "大气" },
];

describe("the cases of cases.bin in count-cube order", () => {
  it("carries every case once, per case, ordered by the cube's dimensions; no per-case arrays in cases.json", () => {
    const file = b.file;
    expect(file.columns.county).toEqual([]);
    expect(file.extras.closeDays).toEqual([]);
    const packed = unpackColumns(file.packed, cubed.get("cases.bin") as Uint8Array);
    expect([...packed.keys()].sort()).toEqual([...CUBE_DIMENSIONS].sort());
    expect(file.packed.length).toBe(a.length);
    expect(b.length).toBe(a.length);
    // rows whose combination (CUBE_DIMENSIONS in order) is below the previous row's: none in the
    // cube's order, which keeps a filter cell's cases together (enforcement's sums per cell rely
    // on it); some in the per-case path, which keeps the cases' own order
    const below = (out: Outputs, file: CasesFile) => {
      const p = unpackColumns(file.packed, out.get("cases.bin") as Uint8Array);
      const dims = CUBE_DIMENSIONS.map((d) => p.get(d)!);
      let k = 0;
      for (let r = 1; r < file.packed.length; r++) {
        const d = dims.find((col) => col[r] !== col[r - 1]);
        if (d && d[r]! < d[r - 1]!) k++;
      }
      return k;
    };
    expect(below(cubed, file)).toBe(0);
    expect(below(perCase, a.file)).toBeGreaterThan(0);
  });

  it.each(FILTERS)("gives the pages the figures of the per-case arrays: %o", (f) => {
    const filters = { ...NO_FILTERS, ...f };
    const x = a.select(filters);
    const y = b.select(filters);
    expect(y.rows.length).toBe(x.rows.length);
    expect(x.rows.length).toBeGreaterThan(0);
    for (const dims of [
      ["county", "type"],
      ["theme", "type"],
      ["county", "verification"],
      ["county", "status"],
      ["date"],
      ["batch"],
      ["county", "theme"],
    ] as const)
      expect(countBy(y.cols, [...dims]).rows, dims.join("×")).toEqual(countBy(x.cols, [...dims]).rows);
    expect(rates(y.cols)).toEqual(rates(x.cols));
    expect(y.cols.typeSourceCounts).toEqual(x.cols.typeSourceCounts);
    expect(b.ranking(y)).toEqual(a.ranking(x));
    expect(progressOf(b, y)).toEqual(progressOf(a, x));
    expect(closeTimesOf(b, y)).toEqual(closeTimesOf(a, x));
    const overdue = (d: DashboardData, s: typeof x) => overdueOf(d, s).map((o) => [o.id, o.county, o.date, o.days, o.key]);
    expect(overdue(b, y)).toEqual(overdue(a, x));
    expect(leagueRows(b, y)).toEqual(leagueRows(a, x));
    // the 热点's 执法问责 table: per county of the selection (the cube path ships sums per entry)
    const enforcement = (d: DashboardData, out: Outputs, s: typeof x) => {
      const e = enforcementRows(JSON.parse(out.get("enforcement.json") as string) as EnforcementFile);
      const by = new Map<string, number[]>();
      for (const r of s.rows) {
        const county = d.cols.countyKeys[d.cols.county[r]!]!;
        const acc = by.get(county) ?? by.set(county, new Array<number>(FIELDS.length).fill(0)).get(county)!;
        FIELDS.forEach((k, j) => (acc[j]! += e[k][r]!));
      }
      return [...by].sort();
    };
    expect(enforcement(b, cubed, y)).toEqual(enforcement(a, perCase, x));
    expect(
      enforcement(a, perCase, x).some(([, v]) => v[9]! > 0),
      "some case with a measure",
    ).toBe(true);
    for (const column of ["category", "keySuggested", "predictedTypes", "closeExact"] as const)
      expect(
        b.countWhere(y, b.extras[column], (v) => v > 0),
        column,
      ).toBe(a.countWhere(x, a.extras[column], (v) => v > 0));
  });

  it("has the sample's overdue cases and 重点件 (so the lists above compared something)", () => {
    expect(a.file.overdue.length).toBeGreaterThan(0);
    expect(b.file.keyCases.map(([, id]) => id).sort()).toEqual(a.file.keyCases.map(([, id]) => id).sort());
    expect(a.file.keyCases.length).toBeGreaterThan(0);
    expect(b.file.league).toEqual(a.file.league);
    // enforcement sums per filter cell: some cells hold several cases (so the sums above were sums)
    const groups = (JSON.parse(cubed.get("enforcement.json") as string) as EnforcementFile).groupRows!;
    expect(groups.reduce((s, c) => s + c, 0)).toBe(a.length);
    expect(groups.some((c) => c > 1)).toBe(true);
  });
});

describe("the unfiltered count tables of cases.json", () => {
  it.each([
    ["per case", () => a],
    ["cube order", () => b],
  ] as const)("are countBy() of the shipped cases, by every FIRST_COUNTS dimension list (%s)", (_, data) => {
    const d = data();
    expect(d.file.counts!.map((t) => t.dimensions)).toEqual(FIRST_COUNTS);
    for (const t of d.file.counts!) {
      const counted = countBy(d.cols, t.dimensions);
      expect(t, t.dimensions.join("×")).toEqual(counted);
      expect(t.rows.length).toBeGreaterThan(1);
      // the page's countBy gives the shipped table unfiltered
      expect(d.countBy(d.select(), t.dimensions)).toEqual(counted);
    }
  });

  it("are used unfiltered only: a filtered view counts its own cases", () => {
    const shipped = b.file.counts!.find((t) => t.dimensions.join() === "type")!;
    const marked = { ...b.file, counts: [{ ...shipped, records: -1 }] };
    const d = new DashboardData(marked, cubed.get("cases.bin") as Uint8Array);
    expect(d.countBy(d.select(), ["type"]).records).toBe(-1);
    const sel = d.select({ ...NO_FILTERS, county: "431003" });
    expect(d.countBy(sel, ["type"])).toEqual(countBy(sel.cols, ["type"]));
    expect(d.countBy(sel, ["type"]).records).toBe(sel.rows.length);
    // dimensions not shipped are counted
    expect(d.countBy(d.select(), ["county", "type"])).toEqual(countBy(d.cols, ["county", "type"]));
  });
});

describe("the unfiltered progress and close times of cases.json", () => {
  it.each([
    ["per case", () => a, () => perCase],
    ["cube order", () => b, () => cubed],
  ] as const)("are progressOf() and closeTimesOf() of the shipped cases, unfiltered (%s)", (_, data, out) => {
    const d = data();
    expect(d.file.progress).toBeDefined();
    expect(d.file.closeTimes).toBeDefined();
    // the same data without them: the page's functions count every case
    const bare = new DashboardData({ ...d.file, progress: undefined, closeTimes: undefined }, out().get("cases.bin") as Uint8Array);
    const counted = progressOf(bare, bare.select());
    expect(counted.rows.length).toBeGreaterThan(1);
    expect(d.file.progress).toEqual(counted);
    expect(progressOf(d, d.select())).toEqual(counted);
    // through JSON: the open last bucket (180天以上, to Infinity) comes back as it was
    const times = closeTimesOf(bare, bare.select());
    expect(times.histogram.at(-1)!.to).toBe(Infinity);
    expect(closeTimesOf(d, d.select())).toEqual(times);
    expect(times.summary.n).toBeGreaterThan(0);
  });

  it("are used unfiltered only, and as a copy: a filtered view computes its own", () => {
    const progress = structuredClone(b.file.progress!);
    progress.upperBoundCases = -1;
    const closeTimes = { ...structuredClone(b.file.closeTimes!), open: -1 };
    const d = new DashboardData({ ...b.file, progress, closeTimes }, cubed.get("cases.bin") as Uint8Array);
    const got = progressOf(d, d.select());
    expect(got.upperBoundCases).toBe(-1);
    expect(closeTimesOf(d, d.select()).open).toBe(-1);
    got.rows.length = 0; // a page changing what it got does not change what is shipped
    expect(progressOf(d, d.select()).rows.length).toBe(b.file.progress!.rows.length);
    const sel = d.select({ ...NO_FILTERS, county: "431003" });
    expect(progressOf(d, sel).upperBoundCases).toBeGreaterThanOrEqual(0);
    expect(closeTimesOf(d, sel).open).toBeGreaterThanOrEqual(0);
    expect(progressOf(d, sel).overall.at(-1)!.cases).toBe(sel.rows.length);
  });
});

describe("rows in the cube's order", () => {
  it("are the cases their text records, 重点件 and overdue entries name", () => {
    const ta = textsByRow(perCase);
    const tb = textsByRow(cubed);
    expect(tb.size).toBe(b.length);
    const rowA = new Map([...ta].map(([r, t]) => [t.id, r]));
    // every row of the cube shows the case of the same id in the per-case data: same county,
    // date, status, types, close time; the same text record
    const c = (d: DashboardData, r: number) => [
      d.cols.countyKeys[d.cols.county[r]!],
      d.cols.dateKeys[d.cols.date[r]!],
      d.cols.statusKeys[d.cols.status[r]!],
      d.cols.types[r],
      d.cols.themes[r],
      d.extras.category[r],
      d.extras.closeDays[r],
      d.extras.closedSlot[r],
    ];
    let moved = 0;
    for (const [r, t] of tb) {
      const ra = rowA.get(t.id)!;
      if (ra !== r) moved++;
      expect(c(b, r), t.id).toEqual(c(a, ra));
      expect({ ...t, row: ra }).toEqual(ta.get(ra));
    }
    expect(moved, "the cube orders the cases differently, so the check above could fail").toBeGreaterThan(0);
    for (const [r, id] of b.file.keyCases) expect(tb.get(r)!.id).toBe(id);
    for (const o of b.file.overdue) expect(tb.get(o.row)!.id).toBe(o.id);
  });

  it("repeats.json is a summary of repeats-all.json, whose groups are the per-case file's, member rows mapped", () => {
    const ra = JSON.parse(perCase.get("repeats.json") as string) as RepeatsFile;
    const all = JSON.parse(cubed.get("repeats-all.json") as string) as RepeatsFile;
    const file = JSON.parse(cubed.get("repeats.json") as string) as RepeatsFile;
    expect(file.deltaRows).toBe(true);
    const summary = { ...file, groups: repeatGroups(file) };
    expect(JSON.parse(perCase.get("repeats-all.json") as string)).toEqual({ groups: [] });
    expect(ra.total).toBeUndefined();
    expect(summary.total).toEqual({ groups: ra.groups.length, complaints: ra.groups.reduce((s, g) => s + g.size, 0) });
    const ta = textsByRow(perCase);
    const tb = textsByRow(cubed);
    const ids = (t: Map<number, TextRecord>, rows: number[]) => rows.map((r) => t.get(r)!.id).sort();
    expect(all.groups.map((g) => g.id)).toEqual(ra.groups.map((g) => g.id));
    all.groups.forEach((g, i) => {
      const { rows, ...rest } = g;
      const { rows: rowsA, ...restA } = ra.groups[i]!;
      expect(rest).toEqual(restA);
      expect(ids(tb, rows)).toEqual(ids(ta, rowsA));
    });
    // the summary: the largest groups, largest first, every row kept
    const sizes = ra.groups.map((g) => g.size).sort((x, y) => y - x);
    expect(summary.groups.map((g) => g.size)).toEqual(sizes.slice(0, summary.groups.length));
    for (const g of summary.groups) expect(g.rows).toEqual([...all.groups.find((x) => x.id === g.id)!.rows].sort((x, y) => x - y));
  });

  it("every shipped file of the cube path keeps personal data out and says 模拟数据", () => {
    const text = [...cubed.values()].map((v) => (typeof v === "string" ? v : Buffer.from(v).toString("utf8"))).join("\n");
    // data/sample/README.md, "Planted personal data"
    for (const p of ["15254084261", "廖立新", "431024198411285580", "138 5716 3218", "0735-7278774", "43102519811110289X", "曹海军"])
      expect(text).not.toContain(p);
    expect(text).toContain("【已隐去】");
    expect(b.meta.synthetic).toBe(true);
  });
});

describe("the search's chunk index (texts-index.json)", () => {
  it("finds what a search over all texts finds, opening fewer chunks for a rare word", async () => {
    for (const [out, d] of [
      [perCase, a],
      [cubed, b],
    ] as const) {
      const texts = textsByRow(out);
      const index = JSON.parse(out.get("texts-index.json") as string) as TextIndex;
      // the page's mapping: row chunks, or the pieced form's county-ordered groups
      const pieces = index.perGroup ? new TextPieces(d.cols.county, index.perGroup) : undefined;
      const groupOf = (r: number) => (pieces ? pieces.groupOf(r) : chunkOf(r, d.length));
      let opened = new Set<number>();
      const load = (rows: readonly number[]) => {
        for (const r of rows) opened.add(groupOf(r));
        return Promise.resolve(new Map(rows.map((r) => [r, texts.get(r)!])));
      };
      const mayContain = (words: readonly string[]) => {
        const ok = chunksFor(index, words);
        return Promise.resolve((r: number) => ok[groupOf(r)]!);
      };
      const all = [...texts.keys()].sort((x, y) => x - y);
      const someId = texts.get(all[all.length >> 1]!)!.id;
      const target = [...texts.values()].find((t) => t.target && t.target.length >= 4)!.target!;
      for (const query of ["养猪场", "噪声 夜间", "臭", someId, target, "【已隐去】", "没有这样的企业名称", "养猪场 没有这样"]) {
        opened = new Set();
        const everything = await searchRows(all, query, load);
        const loadedAll = opened.size;
        opened = new Set();
        expect(await searchRows(all, query, load, mayContain), query).toEqual(everything);
        expect(opened.size, query).toBeLessThanOrEqual(loadedAll);
        if (query === someId) {
          expect(everything.length).toBeGreaterThan(0);
          expect(opened.size, "a 受理编号 is in few chunks").toBeLessThan(loadedAll / 2);
        }
        if (query.startsWith("没有这样")) expect(opened.size, "a name no text has opens (almost) nothing").toBeLessThan(4);
      }
    }
  });
});

describe("the texts of a national year (row chunks as small pieces in county order, DUCHA_AGGREGATE=1)", () => {
  it("puts each case once in the piece the page computes from its county column, a county's cases of a chunk in few pieces", () => {
    const files = textFiles(cubed);
    expect(cubed.has("texts.zip")).toBe(false);
    const index = JSON.parse(cubed.get("texts-index.json") as string) as TextIndex;
    expect(index.perGroup).toBe(Math.ceil(Math.ceil(b.length / TEXT_CHUNKS) / 5));
    expect(index.chunks).toHaveLength(TEXT_CHUNKS);
    const pieces = new TextPieces(b.cols.county, index.perGroup!);
    expect(pieces.size).toBeLessThanOrEqual(5);
    expect(files.size).toBe(TEXT_CHUNKS * index.perGroup!);
    const seen = new Map<number, number>();
    for (let g = 0; g < TEXT_CHUNKS; g++)
      for (let k = 0; k < pieces.perGroup; k++) {
        const chunk = files.get(pieceFile(g, k))!;
        expect(chunk, pieceFile(g, k)).toBeDefined();
        expect(chunk.records.length).toBeLessThanOrEqual(pieces.size);
        for (const t of chunk.records) {
          // the index group is the row chunk, as in the per-case form
          expect(chunkOf(t.row, b.length)).toBe(g);
          expect(pieces.pieceOf(t.row), `row ${t.row}`).toEqual([g, k]);
          seen.set(t.row, (seen.get(t.row) ?? 0) + 1);
        }
      }
    expect(seen.size).toBe(b.length);
    expect([...seen.values()].every((v) => v === 1)).toBe(true);
    // within a chunk, a county's cases are consecutive pieces: at most ceil(count / size) + 1
    const county = b.cols.county;
    for (let g = 0; g < TEXT_CHUNKS; g++)
      for (let c = 0; c < b.cols.countyKeys.length; c++) {
        const rows = Array.from({ length: b.length }, (_, r) => r).filter((r) => county[r] === c && chunkOf(r, b.length) === g);
        if (!rows.length) continue;
        const ks = new Set(rows.map((r) => pieces.pieceOf(r)[1]));
        expect(ks.size, b.cols.countyKeys[c]).toBeLessThanOrEqual(Math.ceil(rows.length / pieces.size) + 1);
        expect(Math.max(...ks) - Math.min(...ks) + 1).toBe(ks.size);
      }
  });

  it("ships the unfiltered first pages apart (texts-head.json): the newest cases as the page orders them, the same records", () => {
    const head = (JSON.parse(cubed.get("texts-head.json") as string) as TextChunk).records;
    const newest = newestFirst(
      b,
      Array.from({ length: b.length }, (_, r) => r),
    ).slice(0, TEXT_HEAD);
    expect(head.map((t) => t.row)).toEqual(newest);
    const all = textsByRow(cubed);
    for (const t of head) expect(t).toEqual(all.get(t.row));
    // the newest cases come from several counties: without it the first page would open several pieces
    const pieces = new TextPieces(b.cols.county, (JSON.parse(cubed.get("texts-index.json") as string) as TextIndex).perGroup!);
    expect(new Set(newest.slice(0, 20).map((r) => pieces.pieceOf(r).join("/"))).size).toBeGreaterThan(3);
  });

  it("gives the same records, case for case, and the same index as the per-case path's chunks", () => {
    const byId = (m: Map<number, TextRecord>) => new Map([...m.values()].map((t) => [t.id, { ...t, row: 0 }]));
    expect(byId(textsByRow(cubed))).toEqual(byId(textsByRow(perCase)));
  });
});

describe("geo.json", () => {
  it("carries each county's label point, the one the map would search for in the shipped shape, so the map draws the same", () => {
    const geo = JSON.parse(perCase.get("geo.json") as string) as FeatureCollection<Polygon | MultiPolygon, CountyProperties>;
    expect(geo.features.length).toBeGreaterThan(5);
    for (const f of geo.features) expect(f.properties.labelPoint, f.properties.name).toEqual(labelPoint(f.geometry));
    const bare = {
      ...geo,
      features: geo.features.map((f) => {
        const properties = { ...f.properties };
        delete properties.labelPoint;
        return { ...f, properties };
      }),
    };
    const counts = countBy(a.cols, ["county"]).rows.map((r) => ({ county: String(r.county), count: r.count }));
    expect(counts.length).toBeGreaterThan(5);
    expect(countyMapSpec(counts, geo)).toEqual(countyMapSpec(counts, bare));
  });
});
