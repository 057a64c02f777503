/**
 * Planted personal data: fast-check arbitraries for the secrets (mobile numbers, ID numbers,
 * names, a landline, an e-mail) and the forms people write them in (issue 11), a generator of
 * hostile disclosure tables that plants every form in every column and in the file name, and
 * the checks that find any of it again in an output (text, CSV, XLSX, DOCX, SVG, HTML).
 */
import fc from "fast-check";
import { parseCsv } from "../../src/ingest/csv.js";
import { unzip } from "../report/unzip.js";

export interface Secrets {
  mobiles: string[];
  ids: string[];
  names: string[];
  /** names with a common surname, planted with nothing introducing them (张三说…, 请联系李建国处理) */
  bare: string[];
  landline: string;
  email: string;
}

const digits = (n: number) => fc.array(fc.integer({ min: 0, max: 9 }), { minLength: n, maxLength: n }).map((d) => d.join(""));
const mobile = fc.tuple(fc.constantFrom("13", "15", "17", "18", "19"), digits(9)).map(([a, b]) => a + b);
const idNumber = fc
  .tuple(
    fc.constantFrom("431002", "431003", "431021", "430102"),
    fc.integer({ min: 1950, max: 2005 }),
    fc.integer({ min: 1, max: 12 }),
    fc.integer({ min: 1, max: 28 }),
    digits(3),
    fc.constantFrom("X", "3", "7"),
  )
  .map(([area, y, m, d, seq, check]) => `${area}${y}${String(m).padStart(2, "0")}${String(d).padStart(2, "0")}${seq}${check}`);
// three-character names of uncommon given characters: they occur nowhere else in any output
const SURNAMES = ["赵", "钱", "孙", "郑", "冯", "褚", "蒋", "沈", "韩", "欧阳"];
const GIVEN = ["琰", "婧", "翊", "珂", "昶", "璐", "晔", "瑾", "彧", "珩", "湉", "劼"];
const name = fc.tuple(fc.constantFrom(...SURNAMES), fc.constantFrom(...GIVEN), fc.constantFrom(...GIVEN)).map(([s, a, b]) => s + a + b);
// a bare name is looked for only with the 100 commonest surnames (data/dict/common-surnames.txt)
const COMMON = ["王", "李", "张", "刘", "陈", "黄", "周", "赵", "孙", "郑", "蒋", "沈", "韩", "高", "林", "马", "田", "石", "金", "江", "方", "白", "万", "钱"];
const bareName = fc
  .tuple(fc.constantFrom(...COMMON), fc.constantFrom(...GIVEN), fc.option(fc.constantFrom(...GIVEN), { nil: "" }))
  .map(([s, a, b]) => s + a + b);

export const secretsArb: fc.Arbitrary<Secrets> = fc.record({
  mobiles: fc.uniqueArray(mobile, { minLength: 14, maxLength: 14 }),
  ids: fc.uniqueArray(idNumber, { minLength: 2, maxLength: 2 }),
  names: fc.uniqueArray(name, { minLength: 12, maxLength: 12 }),
  bare: fc.uniqueArray(bareName, { minLength: 5, maxLength: 5, selector: (n) => n.slice(0, 2) }),
  landline: digits(7).map((d) => `0735-${d}`),
  email: fc.tuple(fc.constantFrom("wxm", "zhao.lin", "sun_q"), digits(4)).map(([a, b]) => `${a}${b}@163.com`),
});

const fullWidth = (s: string) => s.replace(/[0-9]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));

/**
 * Every form of the issue, each carrying its own secrets: 138.0013.8005, 1380-013-8000,
 * full-width digits, ID numbers with spaces, names after 村民…称 / 我是… / 居民…, the second name
 * in 举报人张三、李四, 联系人郑六13800138066, 举报人小王, and the plain forms.
 */
export function forms(s: Secrets): string[] {
  const [m0, m1, m2, m3, m4, m5, m6, m7] = s.mobiles as [string, string, string, string, string, string, string, string];
  const [n0, n1, n2, n3, n4, n5, n6, n7] = s.names as [string, string, string, string, string, string, string, string];
  const [id0, id1] = s.ids as [string, string];
  return [
    `联系电话${m0}`,
    `电话${m1.slice(0, 3)}.${m1.slice(3, 7)}.${m1.slice(7)}`,
    `手机${m2.slice(0, 4)}-${m2.slice(4, 7)}-${m2.slice(7)}`,
    `手机${fullWidth(m3)}`,
    `身份证号${id0.slice(0, 6)} ${id0.slice(6, 14)} ${id0.slice(14)}`,
    `身份证${id1}`,
    `村民${n0}称`,
    `我是${n1}，`,
    `居民${n2}反映`,
    `举报人${n3}、${n4}反映`,
    `联系人${n5}${m4}`,
    `举报人小${n6[0]}反映`,
    `来电人${n7}（电话${m5.slice(0, 3)} ${m5.slice(3, 7)} ${m5.slice(7)}）`,
    `座机${s.landline}`,
    `邮箱${s.email}`,
    `投诉人为${n0}，手机${m6}`,
    `我叫${n1}，电话+86-${m7}`,
    // names with no cue word, known by their neighbours (the pii18 audit)
    `${s.names[8]}${s.mobiles[8]}`,
    `电话：${s.mobiles[9]!.slice(0, 3)}-${s.mobiles[9]!.slice(3, 7)}-${s.mobiles[9]!.slice(7)}，${s.names[9]}`,
    `${s.names[10]}老师反映`,
    `${s.names[11]}女士电话${s.mobiles[10]}`,
    `${s.names[2]}（${id1}）`,
    // names nothing introduces (the pii20 audit): a person who speaks, has a house, is to be contacted, or is listed
    `${s.bare[0]}说`,
    `${s.bare[1]}家门口`,
    `请联系${s.bare[2]}处理`,
    `${s.bare[3]}和${s.bare[4]}反映`,
    `投诉人${s.bare[0]}多次反映`,
    `${s.bare[1]}、${s.bare[2]}等人称`,
  ];
}

/** The names planted: all of them (as forms or as bare names in 举报人 columns), and 小 + a surname. */
export function plantedNames(s: Secrets): string[] {
  return [...s.names, ...s.bare, `小${s.names[6]![0]}`];
}

/** Cells a spreadsheet would run as formulas, in every disguise the issue lists. */
export const FORMULAS = [
  '=HYPERLINK("http://x.example","点击")',
  " =1+1",
  "\n=1+1",
  "\u00a0=SUM(A1)",
  "\u3000=1+1",
  "＝1+1",
  "＋1",
  "－1+1",
  "@SUM(A1)",
  "+86 1",
  "-2+3",
];

/** Text that must survive: ordinary numbers, codes and place names. */
export const KEEP = ["刘家村村民", "占地100余亩", "噪声70分贝", "罚款2万元", "91431002MA4L1234XY", "2023年6月26日"];

export const HEADERS = [
  "序号",
  "受理编号",
  "交办时间",
  "交办问题基本情况",
  "行政区域",
  "污染类型",
  "调查核实情况",
  "是否属实",
  "处理和整改情况",
  "是否办结",
  "办结目标",
  "举报人",
  "举报人信息",
  "联系电话",
  "备注",
];

export interface PlantedTable {
  headers: string[];
  rows: string[][];
}

/**
 * A disclosure table with every form planted: in the complaint text (near its start, so that
 * 40-character excerpts would cut through it), in each other column, as bare names in 举报人
 * and 举报人信息, in a row rejected for an empty text, and in a column beyond the header. A few
 * complaints repeat one another (so repeat groups quote them), some rows have no 受理编号 (their
 * key comes from the file name), and formula disguises sit in every column.
 */
export function plantedTable(s: Secrets, batch: number, caseBase: number): PlantedTable {
  const f = forms(s);
  const county = ["北湖区", "苏仙区", "桂阳县"];
  const rows: string[][] = [];
  const at = (i: number) => f[i % f.length]!;
  for (let i = 0; i < f.length; i++) {
    const site =
      i % 3 === 0
        ? "刘家村村民反映，华塘镇宏达石材厂夜间生产粉尘很大，占地100余亩，噪声70分贝"
        : i % 3 === 1
          ? "郴江边某砂场采砂，洗砂废水直排河道"
          : "某养殖场臭气熏天，粪污流进农田";
    const caseNo =
      i % 4 === 3
        ? ""
        : `D2CZ2023${String(6 + Math.floor(i / 20)).padStart(2, "0")}${String(26 + (i % 4)).padStart(2, "0")}${String(caseBase + i).padStart(4, "0")}`;
    rows.push([
      String(i + 1),
      caseNo,
      "2023年6月26日",
      i % 4 === 1 ? `${FORMULAS[i % FORMULAS.length]}${at(i)}，${site}。` : `${at(i)}，${site}。`,
      i % 5 === 4 ? `${county[i % 3]}${at(i + 1)}` : county[i % 3]!,
      i % 2 ? "大气、噪声" : "水",
      `${FORMULAS[(i + 1) % FORMULAS.length]}经核实，${at(i + 2)}所述属实。`,
      i % 3 === 0 ? `属实（已回访${at(i + 3)}）` : "属实",
      `责令整改，罚款2万元；回访${at(i + 4)}。企业统一社会信用代码91431002MA4L1234XY`,
      i % 2 ? "已办结" : "阶段性办结",
      i % 4 === 0 ? `于2023年7月30日前，联系${at(i + 5)}` : "2023-07-30",
      s.names[i % s.names.length]!,
      `${s.names[(i + 1) % s.names.length]} ${s.mobiles[i % s.mobiles.length]}`,
      s.mobiles[(i + 2) % s.mobiles.length]!,
      `${FORMULAS[(i + 2) % FORMULAS.length]}${at(i + 6)}`,
    ]);
  }
  // a row rejected for an empty complaint text: its excerpt must not quote it
  rows.push(["99", "", "2023-06-27", "", "北湖区", "", "", "", "", "", "", s.names[0]!, `${s.names[2]} ${s.mobiles[0]}`, s.mobiles[1]!, at(3)]);
  // a cell beyond the header
  rows[1]!.push(`第${batch}批补充：${at(9)}`);
  return { headers: HEADERS, rows };
}

/** CSV text, RFC 4180, with a row whose quote never closes (a parse reject quoting personal data). */
export function toPlantedCsv(t: PlantedTable, broken: string): string {
  const field = (c: string) => (/[",\r\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c);
  const lines = [t.headers, ...t.rows].map((r) => r.map(field).join(","));
  lines.splice(3, 0, `88,,2023-06-28,"${broken}，某厂偷排,北湖区`);
  return `\uFEFF${lines.join("\r\n")}\r\n`;
}

// -------------------------------------------------------------------------------------------
// Finding it again
// -------------------------------------------------------------------------------------------

/** Digits as people may write them: full-width folded, separators between digits removed. */
function digitsView(text: string): string {
  return text.replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/(?<=\d)[\s\-－—.．·\u00a0\u3000]+(?=\d)/g, "");
}

/**
 * Which secrets a text still holds: a name, an e-mail, or 8 digits in a row of any planted
 * number (so a number cut after redaction failed, 10 of 11 digits, is found too).
 */
export function leaks(text: string, s: Secrets): string[] {
  const found: string[] = [];
  for (const n of plantedNames(s)) if (text.includes(n)) found.push(n);
  if (text.includes(s.email) || text.includes(s.email.split("@")[0]!)) found.push(s.email);
  const view = digitsView(text);
  for (const num of [...s.mobiles, ...s.ids.map((x) => x.replace(/X$/, "")), s.landline.replace("-", "")]) {
    for (let i = 0; i + 8 <= num.length; i++) {
      if (view.includes(num.slice(i, i + 8))) {
        found.push(num);
        break;
      }
    }
  }
  return found;
}

/** The text of an SVG a reader sees (text, titles, aria labels), without the geometry's numbers. */
export function svgText(svg: string): string {
  return svg.replace(
    /\s(?:d|transform|points|x|y|x1|x2|y1|y2|dx|dy|width|height|viewBox|r|cx|cy|rx|ry|stroke-width|font-size|opacity|fill-opacity|stroke-opacity|stroke-dasharray|stroke-miterlimit|offset)="[^"]*"/g,
    " ",
  );
}

/** The text of an HTML page, its embedded SVG images decoded. */
export function htmlText(html: string): string {
  const svgs: string[] = [];
  const rest = html.replace(/data:image\/svg\+xml;base64,([A-Za-z0-9+/=]+)/g, (_, b64: string) => {
    svgs.push(svgText(Buffer.from(b64, "base64").toString("utf8")));
    return "";
  });
  return [svgText(rest.replace(/data:[a-z/+]+;base64,[A-Za-z0-9+/=]+/g, "")), ...svgs].join("\n");
}

/** The text parts of an Office file (DOCX, XLSX): every XML part, media left out. */
export function officeText(bytes: Buffer): string {
  return [...unzip(bytes)]
    .filter(([name]) => /\.(xml|rels)$/.test(name))
    .map(([, data]) => data.toString("utf8"))
    .join("\n");
}

/** The cells of an XLSX as the strings a spreadsheet shows, and whether any is a formula. */
export function xlsxCells(bytes: Buffer): { cells: string[]; formulas: number } {
  const cells: string[] = [];
  let formulas = 0;
  for (const [name, data] of unzip(bytes)) {
    if (!/^xl\/(sharedStrings|worksheets\/sheet\d+)\.xml$/.test(name)) continue;
    const xml = data.toString("utf8");
    formulas += (xml.match(/<f[ >]/g) ?? []).length;
    for (const m of xml.matchAll(/<t(?: [^>]*)?>([\s\S]*?)<\/t>/g)) cells.push(unxml(m[1]!));
  }
  return { cells, formulas };
}

const unxml = (s: string) =>
  s
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCharCode(Number(n)))
    .replace(/&amp;/g, "&");

export const csvCells = (text: string): string[] => parseCsv(text.replace(/^\uFEFF/, "")).records.flatMap((r) => r.cells);

/**
 * A cell a spreadsheet would evaluate: after any leading white space (NBSP, U+3000, line breaks
 * included) an = + - @ or its full-width form, or a leading tab or carriage return. Plain
 * numbers and cells that start with the apostrophe are not.
 */
export function isLiveFormula(cell: string): boolean {
  if (cell.startsWith("'") || /^-?\d+(?:\.\d+)?$/.test(cell)) return false;
  return /^[\t\r]/.test(cell) || /^[\s\u00a0\u3000\u2000-\u200f\u2028\u2029\u202f\u205f\u2060\ufeff]*[=+\-@＝＋－＠﹦﹢﹣﹫]/.test(cell);
}
