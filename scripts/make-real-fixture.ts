/**
 * Writes test/fixtures/real/多省信访件_仅内容和区域.csv from test/fixtures/real/dev_rows.tsv (58 rows
 * copied verbatim from published disclosure tables of 14 provincial-level units, a source page on
 * every row): the table a user gets when compiling published rows from many provinces, laid out as
 * an office would export it from Excel (UTF-8 with BOM, CRLF, a title line, then 序号, 行政区域,
 * 交办问题基本情况). It has no 是否属实, 是否办结, 处理和整改情况 or 案卷类别 column: the figures built
 * on those must come out unknown, not 0. Run: npx tsx scripts/make-real-fixture.ts
 */
import { readFileSync, writeFileSync } from "node:fs";

const dir = new URL("../test/fixtures/real/", import.meta.url);
const [header, ...lines] = readFileSync(new URL("dev_rows.tsv", dir), "utf8").trim().split("\n");
const cols = header!.split("\t");
const at = (name: string) => cols.indexOf(name);
const quote = (s: string) => (/[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
const rows = lines.map((l, i) => {
  const c = l.split("\t");
  return [String(i + 1), c[at("行政区域")]!, c[at("交办问题基本情况")]!].map(quote).join(",");
});
const out = ["各地生态环境保护督察群众信访举报件公开情况（汇编）,,", "序号,行政区域,交办问题基本情况", ...rows];
writeFileSync(new URL("多省信访件_仅内容和区域.csv", dir), "\uFEFF" + out.join("\r\n") + "\r\n");
console.log(`${rows.length} rows`);
