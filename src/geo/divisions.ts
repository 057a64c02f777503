import { readFileSync } from "node:fs";
import { dataPath } from "../util/paths.js";

/** A county-level unit (县级行政区) with its GB/T 2260 code. */
export interface County {
  code: string;
  name: string;
  prefectureCode: string;
  prefecture: string;
  provinceCode: string;
  province: string;
}

/** A prefecture-level unit (地级行政区); municipalities count as their own prefecture. */
export interface Prefecture {
  code: string;
  name: string;
  provinceCode: string;
  province: string;
}

/** A township or street (乡镇、街道) of a county. */
export interface Town {
  countyCode: string;
  name: string;
}

/** Hunan's administrative divisions (GB/T 2260): prefectures, counties and townships, from data/geo. */
export interface Divisions {
  counties: readonly County[];
  prefectures: readonly Prefecture[];
  /** Hunan's township-level units (乡, 镇, 街道) */
  towns: readonly Town[];
  countyByCode: ReadonlyMap<string, County>;
  prefectureByCode: ReadonlyMap<string, Prefecture>;
}

function readCsv(file: string): string[][] {
  return readFileSync(dataPath("divisions", file), "utf8")
    .trim()
    .split("\n")
    .slice(1)
    .map((line) => line.split(","));
}

let cached: Divisions | undefined;

/** The bundled GB/T 2260 division tables (loaded once per process). */
export function divisions(): Divisions {
  if (cached) return cached;
  const counties = readCsv("counties.csv").map(([code, name, prefectureCode, prefecture, provinceCode, province]): County => ({
    code: code!,
    name: name!,
    prefectureCode: prefectureCode!,
    prefecture: prefecture!,
    provinceCode: provinceCode!,
    province: province!,
  }));
  const prefectures = readCsv("prefectures.csv").map(([code, name, provinceCode, province]): Prefecture => ({
    code: code!,
    name: name!,
    provinceCode: provinceCode!,
    province: province!,
  }));
  const towns = readCsv("towns-hunan.csv").map(([countyCode, name]): Town => ({ countyCode: countyCode!, name: name! }));
  cached = {
    counties,
    prefectures,
    towns,
    countyByCode: new Map(counties.map((c) => [c.code, c])),
    prefectureByCode: new Map(prefectures.map((p) => [p.code, p])),
  };
  return cached;
}

/** Counties of one prefecture, e.g. `countiesOf("431000")` -> 郴州's 11 units. */
export function countiesOf(prefectureCode: string): County[] {
  return divisions().counties.filter((c) => c.prefectureCode === prefectureCode);
}

// "江华瑶族自治县": a lazy name of two or more characters, then one or more 族, then 自治县.
const AUTONOMOUS = /^(.{2,}?)(?:[\u4e00-\u9fa5]{1,5}?族)+自治[县旗州区]$/;
const COUNTY_SUFFIX = /(?:林区|特区|新区|区|县|市|旗)$/;
const PREFECTURE_SUFFIX = /(?:地区|盟|市)$/;
const PROVINCE_SUFFIX = /(?:壮族自治区|回族自治区|维吾尔自治区|自治区|特别行政区|省|市)$/;

/**
 * The short form people write for a unit: 苏仙区 -> 苏仙, 资兴市 -> 资兴, 江华瑶族自治县 -> 江华,
 * 湘西土家族苗族自治州 -> 湘西. Returns undefined when the short form would be a single character
 * (城区 -> 城) or nothing is left to strip.
 */
export function shortName(name: string, kind: "county" | "prefecture" | "province" = "county"): string | undefined {
  const re = kind === "county" ? COUNTY_SUFFIX : kind === "prefecture" ? PREFECTURE_SUFFIX : PROVINCE_SUFFIX;
  const autonomous = kind === "province" ? null : AUTONOMOUS.exec(name);
  const short = autonomous ? autonomous[1]! : name.replace(re, "");
  return short.length >= 2 && short !== name ? short : undefined;
}
