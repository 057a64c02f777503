import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from "geojson";
import type { TopLevelSpec } from "vega-lite";
import type { CountyProperties } from "../geo/boundaries.js";
import { type ChartOptions, frame, withPrefecture } from "./options.js";
import { TEXT_ON_LIGHT } from "./theme.js";
import { UNRESOLVED } from "../text/format.js";
import { type Province, provinceOfCode } from "../model/provinces.js";

/**
 * A county's count: `countyRanking()` rows, or any rows with a GB/T code and a number. A row
 * whose county is （未识别） counts in the total and is said in the note.
 */
export interface CountyCount {
  /** GB/T 2260 code, e.g. "431081" */
  county: string;
  count: number;
}

export interface MapOptions extends ChartOptions {
  /** decimal places kept of the coordinates (default 3, about 100 m: plenty at county scale) */
  precision?: number;
}

/** A label as two text layers: a white halo underneath, dark text on top (legible on any fill). */
function labelLayers(field: string, mark: { fontSize: number; fontWeight?: "bold"; dy: number }) {
  const transform = [{ filter: "datum.properties.labelled" }];
  const encoding = {
    longitude: { field: "properties.lon", type: "quantitative" as const },
    latitude: { field: "properties.lat", type: "quantitative" as const },
    text: { field },
  };
  return [
    {
      transform,
      mark: { type: "text" as const, ...mark, color: "#ffffff", stroke: "#ffffff", strokeWidth: 3, strokeOpacity: 0.85, strokeJoin: "round" as const },
      encoding,
    },
    { transform, mark: { type: "text" as const, ...mark, color: TEXT_ON_LIGHT }, encoding },
  ];
}

const RAD = Math.PI / 180;
const mercY = (lat: number) => Math.log(Math.tan(Math.PI / 4 + (lat * RAD) / 2));

interface MercatorBox {
  x0: number;
  x1: number;
  y0: number;
  y1: number;
}

/** The bounds of shapes in mercator units (x = longitude in radians, y = mercator y). */
function mercatorBox(geometries: readonly (Polygon | MultiPolygon)[]): MercatorBox {
  const b = { x0: Infinity, x1: -Infinity, y0: Infinity, y1: -Infinity };
  for (const g of geometries) {
    const polys = g.type === "Polygon" ? [g.coordinates] : g.coordinates;
    for (const poly of polys) {
      for (const [lon, lat] of poly[0]!) {
        const x = lon! * RAD;
        const y = mercY(lat!);
        b.x0 = Math.min(b.x0, x);
        b.x1 = Math.max(b.x1, x);
        b.y0 = Math.min(b.y0, y);
        b.y1 = Math.max(b.y1, y);
      }
    }
  }
  return b;
}

/**
 * Decide which counties get a label (properties.labelled): the most complaints first, each label
 * (name over count, about 1 em per character) kept only if it overlaps no label already kept.
 * Positions come from the mercator fit of `box` into width × height, as vega-lite fits it.
 * Returns how many were left out.
 */
function placeLabels(features: Feature[], box: MercatorBox, width: number, height: number): number {
  const k = Math.min(width / (box.x1 - box.x0 || 1), height / (box.y1 - box.y0 || 1));
  const kept: { x0: number; x1: number; y0: number; y1: number }[] = [];
  const order = [...features].sort((a, b) => (b.properties!.count as number) - (a.properties!.count as number));
  let hidden = 0;
  for (const f of order) {
    const p = f.properties!;
    const x = ((p.lon as number) * RAD - box.x0) * k;
    const y = (box.y1 - mercY(p.lat as number)) * k;
    const w = Math.max([...(p.name as string)].length * 12, [...(p.label as string)].length * 7) / 2 + 2;
    const r = { x0: x - w, x1: x + w, y0: y - 19, y1: y + 15 };
    const clash = kept.some((q) => r.x0 < q.x1 && r.x1 > q.x0 && r.y0 < q.y1 && r.y1 > q.y0);
    p.labelled = !clash;
    if (clash) hidden++;
    else kept.push(r);
  }
  return hidden;
}

/** Counties labelled with name and count up to this many (a prefecture has at most about 20). */
const MAX_LABELLED = 30;

const round = (v: number, p: number) => Math.round(v * 10 ** p) / 10 ** p;

function roundRing(ring: Position[], p: number): Position[] {
  const out: Position[] = [];
  for (const [x, y] of ring) {
    const pt: Position = [round(x!, p), round(y!, p)];
    const last = out[out.length - 1];
    if (!last || last[0] !== pt[0] || last[1] !== pt[1]) out.push(pt);
  }
  return out;
}

/** Signed distance from a point to a polygon's outline: positive inside, negative outside. */
function signedDistance(x: number, y: number, rings: readonly (readonly Position[])[]): number {
  let isInside = false;
  let min = Infinity;
  for (const ring of rings) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [ax, ay] = ring[i]! as [number, number];
      const [bx, by] = ring[j]! as [number, number];
      if (ay > y !== by > y && x < ((bx - ax) * (y - ay)) / (by - ay) + ax) isInside = !isInside;
      // distance to the segment a-b
      let dx = bx - ax;
      let dy = by - ay;
      let px = ax;
      let py = ay;
      if (dx || dy) {
        const t = ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy);
        if (t > 1) [px, py] = [bx, by];
        else if (t > 0) [px, py] = [ax + dx * t, ay + dy * t];
      }
      dx = x - px;
      dy = y - py;
      min = Math.min(min, dx * dx + dy * dy);
    }
  }
  return (isInside ? 1 : -1) * Math.sqrt(min);
}

/**
 * Where to write a county's name: the pole of inaccessibility of its largest part (the inside
 * point farthest from the outline, found by refining a grid as in Mapbox's polylabel), so the
 * label sits well inside crescents and narrow shapes where a centroid would not.
 */
export function labelPoint(geometry: Polygon | MultiPolygon): [number, number] {
  const polygons = geometry.type === "Polygon" ? [geometry.coordinates] : geometry.coordinates;
  let rings = polygons[0]!;
  let bestArea = -1;
  for (const poly of polygons) {
    const ring = poly[0]!;
    let a = 0;
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) a += ring[j]![0]! * ring[i]![1]! - ring[i]![0]! * ring[j]![1]!;
    if (Math.abs(a) > bestArea) [bestArea, rings] = [Math.abs(a), poly];
  }
  const outer = rings[0]!;
  const xs = outer.map((p) => p[0]!);
  const ys = outer.map((p) => p[1]!);
  const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const size = Math.min(x1 - x0, y1 - y0);
  if (!(size > 0)) return [x0, y0];
  const precision = size / 200;
  type Cell = { x: number; y: number; h: number; d: number; max: number };
  const cell = (x: number, y: number, h: number): Cell => {
    const d = signedDistance(x, y, rings);
    return { x, y, h, d, max: d + h * Math.SQRT2 };
  };
  let best = cell((x0 + x1) / 2, (y0 + y1) / 2, 0);
  const queue: Cell[] = [];
  const h0 = size / 2;
  for (let x = x0; x < x1; x += size) for (let y = y0; y < y1; y += size) queue.push(cell(x + h0, y + h0, h0));
  while (queue.length) {
    queue.sort((a, b) => a.max - b.max);
    const c = queue.pop()!;
    if (c.d > best.d) best = c;
    if (c.max - best.d <= precision) continue;
    const h = c.h / 2;
    queue.push(cell(c.x - h, c.y - h, h), cell(c.x + h, c.y - h, h), cell(c.x - h, c.y + h, h), cell(c.x + h, c.y + h, h));
  }
  return [best.x, best.y];
}

/**
 * The base map's source and status, on every map: the boundaries are open data, not a 标准地图,
 * so a map for publication must be redrawn on one and go through 审图 (地图审核).
 */
export const BASE_MAP_NOTE = "底图：开源县界数据，仅示意，未经审图；公开发布须用标准地图并送审";

/** Sequential blues of 2 to 6 classes (ColorBrewer Blues, as d3's schemeBlues): lightness falls with the count. */
const BLUES: Readonly<Record<number, readonly string[]>> = {
  2: ["#c6dbef", "#3182bd"],
  3: ["#deebf7", "#9ecae1", "#3182bd"],
  4: ["#eff3ff", "#bdd7e7", "#6baed6", "#2171b5"],
  5: ["#eff3ff", "#bdd7e7", "#6baed6", "#3182bd", "#08519c"],
  // the lightest class a shade lighter than ColorBrewer's, so neighbours differ by 7 L* or more
  6: ["#f7fbff", "#c6dbef", "#9ecae1", "#6baed6", "#3182bd", "#08519c"],
};

/** The classes of a 分级设色 map (see {@link countClasses}). */
export interface CountClasses {
  /** "0–19", "20–39", … (single counts "0", "1", … when the step is 1) */
  labels: string[];
  /** one colour per class, lighter to darker */
  colors: string[];
  /** the label of the class a count falls in */
  of: (count: number) => string;
}

/**
 * Count classes for a 分级设色 map: at most 5 of equal width, a round step (1, 2, 5 × 10ⁿ),
 * from 0 to the largest count: labels "0–19", "20–39", …, their colours and the class of a count.
 */
export function countClasses(max: number): CountClasses {
  const top = Math.max(1, max);
  const target = top / 5;
  const magnitude = 10 ** Math.floor(Math.log10(Math.max(1, target)));
  const step = [1, 2, 5, 10].map((m) => m * magnitude).find((s) => s >= target)!;
  const n = Math.max(2, Math.floor(top / step) + 1);
  const labels = Array.from({ length: n }, (_, i) => (step === 1 ? `${i}` : `${i * step}–${(i + 1) * step - 1}`));
  const colors = [...(BLUES[n] ?? BLUES[6]!)];
  return { labels, colors, of: (count) => labels[Math.min(n - 1, Math.floor(count / step))]! };
}

/**
 * Complaints of counties outside the province `provinceCode` (e.g. "430000"): the base map is one
 * province's counties (src/geo/boundaries.ts), so these are never drawn; the map's note and a
 * page without a map say how many there are. Counties not resolved are not counted here.
 */
export function outsideProvinceCount(counts: readonly CountyCount[], provinceCode: string): number {
  const prefix = provinceCode.slice(0, 2);
  return counts.reduce((s, c) => s + (c.county !== UNRESOLVED && !c.county.startsWith(prefix) ? c.count : 0), 0);
}

/**
 * The province a map's counties lie in (that of its first county), or undefined for an empty
 * map. The base maps are one province each (data/geo/counties-<code>.topo.json).
 */
export function provinceOfBoundaries(boundaries: FeatureCollection<Polygon | MultiPolygon, CountyProperties>): Province | undefined {
  const first = boundaries.features[0];
  return first ? provinceOfCode(first.properties.code) : undefined;
}

/**
 * Choropleth map of complaints by county: each county shaded by its class of count (分级设色:
 * at most 5 classes whose lightness falls with the count, so it prints in greyscale) and labelled with its name and
 * count. `boundaries` are the counties to draw, of one province, e.g. `countyBoundaries("431000")`
 * for 郴州's 11 or `provinceCountyBoundaries("山东")`; counts are joined by GB/T code and
 * counties without a row show 0. The note splits the total: drawn + outside the map (in the
 * province: other prefectures, or units the base map lacks) + outside the province (其他省份,
 * never drawn) + county unresolved = all the rows' counts.
 */
export function countyMapSpec(
  counts: readonly CountyCount[],
  boundaries: FeatureCollection<Polygon | MultiPolygon, CountyProperties>,
  options: MapOptions = {},
): TopLevelSpec {
  const p = options.precision ?? 3;
  const byCode = new Map<string, number>();
  for (const c of counts) byCode.set(c.county, (byCode.get(c.county) ?? 0) + c.count);
  const max = Math.max(1, ...boundaries.features.map((f) => byCode.get(f.properties.code) ?? 0));
  const shown = boundaries.features.reduce((s, f) => s + (byCode.get(f.properties.code) ?? 0), 0);
  const total = counts.reduce((s, c) => s + c.count, 0);
  const unresolved = byCode.get(UNRESOLVED) ?? 0;
  const outside = total - shown - unresolved;
  // a row of another province than the map's can never be drawn, and the note says so plainly
  const province = provinceOfBoundaries(boundaries);
  const outsideProvince = province ? outsideProvinceCount(counts, province.code) : 0;
  const classes = countClasses(max);
  const features = boundaries.features.map((f): Feature => {
    const g = f.geometry;
    const geometry: Polygon | MultiPolygon =
      g.type === "Polygon"
        ? { type: "Polygon", coordinates: g.coordinates.map((r) => roundRing(r, p)) }
        : { type: "MultiPolygon", coordinates: g.coordinates.map((poly) => poly.map((r) => roundRing(r, p))) };
    const [lon, lat] = f.properties.labelPoint ?? labelPoint(g);
    const count = byCode.get(f.properties.code) ?? 0;
    return {
      type: "Feature",
      id: f.properties.code,
      geometry,
      properties: {
        code: f.properties.code,
        name: f.properties.name,
        count,
        class: classes.of(count),
        label: `${count} 件`,
        lon: round(lon, 4),
        lat: round(lat, 4),
      },
    };
  });
  const width = options.width ?? 460;
  const box = mercatorBox(boundaries.features.map((f) => f.geometry));
  // as tall as the shape is for its width (mercator), within reason
  const height = options.height ?? Math.max(240, Math.min(620, Math.round((width * (box.y1 - box.y0)) / (box.x1 - box.x0 || 1))));
  // a prefecture's counties are labelled; a province's 100-odd would only cover each other.
  // Labels that would overlap a bigger county's are left out (the county table has the figures).
  const labelled = features.length <= MAX_LABELLED;
  const hidden = labelled ? placeLabels(features, box, width, height) : features.length;
  const parts = [
    outside - outsideProvince > 0 ? `图示范围外 ${outside - outsideProvince} 件` : "",
    province && outsideProvince > 0 ? `${province.name}外 ${outsideProvince} 件（底图只有${province.name}的县界，省外不绘）` : "",
    unresolved > 0 ? `县区未识别 ${unresolved} 件` : "",
  ].filter(Boolean);
  const notes = [parts.length ? `共 ${total} 件：图中 ${shown} 件，${parts.join("，")}` : `按行政区域计，共 ${shown} 件`];
  if (hidden) notes.push(labelled ? `${hidden} 个面积较小的县区未标注` : "县区较多，未逐一标注");

  return {
    ...frame(options, withPrefecture(options, "信访件分布（按县、市、区）"), notes, [BASE_MAP_NOTE]),
    width,
    height,
    data: { values: features },
    projection: { type: "mercator" },
    layer: [
      {
        mark: { type: "geoshape", stroke: "#ffffff", strokeWidth: 1.2 },
        encoding: {
          // 分级设色: a few classes of equal, round width, each one shade (a print tells 4-5 shades apart, not a gradient)
          color: {
            field: "properties.class",
            type: "ordinal",
            title: "信访件（件）",
            scale: { domain: classes.labels, range: classes.colors },
            legend: { orient: "right", symbolType: "square", symbolSize: 220, symbolStrokeColor: "#888888", symbolStrokeWidth: 0.5 },
          },
        },
      },
      // a prefecture's counties are labelled; a province's 100-odd would only cover each other
      ...(labelled && hidden < features.length
        ? [...labelLayers("properties.name", { fontSize: 12, fontWeight: "bold", dy: -7 }), ...labelLayers("properties.label", { fontSize: 12, dy: 8 })]
        : []),
    ],
  };
}
