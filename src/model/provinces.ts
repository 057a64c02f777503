/**
 * The 31 province-level units of the mainland (省、自治区、直辖市) with their GB/T 2260 codes and
 * short names, as data/divisions/prefectures.csv lists them (test/geo/provinces.test.ts checks
 * the two agree). Plain data, no disk: usable in the browser (the map's note names the province).
 */

/** A province-level unit. */
export interface Province {
  /** six-digit GB/T 2260 code, e.g. "430000" */
  code: string;
  /** official name, e.g. "湖南省", "广西壮族自治区", "北京市" */
  name: string;
  /** the short form people write, e.g. "湖南", "广西", "北京" */
  short: string;
}

const TABLE: readonly (readonly [code: string, name: string, short: string])[] = [
  ["110000", "北京市", "北京"],
  ["120000", "天津市", "天津"],
  ["130000", "河北省", "河北"],
  ["140000", "山西省", "山西"],
  ["150000", "内蒙古自治区", "内蒙古"],
  ["210000", "辽宁省", "辽宁"],
  ["220000", "吉林省", "吉林"],
  ["230000", "黑龙江省", "黑龙江"],
  ["310000", "上海市", "上海"],
  ["320000", "江苏省", "江苏"],
  ["330000", "浙江省", "浙江"],
  ["340000", "安徽省", "安徽"],
  ["350000", "福建省", "福建"],
  ["360000", "江西省", "江西"],
  ["370000", "山东省", "山东"],
  ["410000", "河南省", "河南"],
  ["420000", "湖北省", "湖北"],
  ["430000", "湖南省", "湖南"],
  ["440000", "广东省", "广东"],
  ["450000", "广西壮族自治区", "广西"],
  ["460000", "海南省", "海南"],
  ["500000", "重庆市", "重庆"],
  ["510000", "四川省", "四川"],
  ["520000", "贵州省", "贵州"],
  ["530000", "云南省", "云南"],
  ["540000", "西藏自治区", "西藏"],
  ["610000", "陕西省", "陕西"],
  ["620000", "甘肃省", "甘肃"],
  ["630000", "青海省", "青海"],
  ["640000", "宁夏回族自治区", "宁夏"],
  ["650000", "新疆维吾尔自治区", "新疆"],
];

/** The 31 provinces, by code. */
export const PROVINCES: readonly Province[] = TABLE.map(([code, name, short]) => Object.freeze({ code, name, short }));

const byCode = new Map(PROVINCES.map((p) => [p.code, p]));
const byName = new Map(PROVINCES.flatMap((p) => [[p.name, p] as const, [p.short, p] as const]));

/**
 * The province of a GB/T 2260 code (a province's, a prefecture's or a county's: its first two
 * digits), e.g. "431081" -> 湖南省; undefined for a code of no mainland province.
 */
export function provinceOfCode(code: string): Province | undefined {
  return /^\d{6}$/.test(code) ? byCode.get(`${code.slice(0, 2)}0000`) : undefined;
}

/**
 * A province named by its code ("430000", or any code inside it), its name ("湖南省") or its
 * short name ("湖南"); undefined when it names none.
 */
export function findProvince(spec: string): Province | undefined {
  const s = spec.trim();
  return /^\d{6}$/.test(s) ? provinceOfCode(s) : byName.get(s);
}
