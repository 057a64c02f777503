/**
 * Writes test/fixtures/real/多省信访件_仅内容和区域.csv from the 58 rows R001-R058 of
 * data/labelled/real/rows.tsv (copied verbatim from published disclosure tables of 14
 * provincial-level units, a source page on every row; the one complainant phone number a page
 * carried is redacted there): the table a user gets when compiling published rows from many
 * provinces, laid out as an office would export it from Excel (UTF-8 with BOM, CRLF, a title
 * line, then 序号, 行政区域, 交办问题基本情况). It has no 是否属实, 是否办结, 处理和整改情况 or 案卷类别
 * column: the figures built on those must come out unknown, not 0. The hand-labelled targets and
 * places of the same rows are test/fixtures/real/targets.tsv. Run: npx tsx scripts/make-real-fixture.ts
 */
import { readFileSync, writeFileSync } from "node:fs";

const [header, ...lines] = readFileSync(new URL("../data/labelled/real/rows.tsv", import.meta.url), "utf8")
  .trim()
  .split(/\r?\n/);
const cols = header!.split("\t");
const at = (name: string) => cols.indexOf(name);
const quote = (s: string) => (/[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
const rows = lines
  .map((l) => l.split("\t"))
  .filter((c) => /^R\d{3}$/.test(c[at("id")]!))
  .map((c, i) => [String(i + 1), c[at("region")]!, c[at("text")]!].map(quote).join(","));
const out = ["各地生态环境保护督察群众信访举报件公开情况（汇编）,,", "序号,行政区域,交办问题基本情况", ...rows];
writeFileSync(new URL("../test/fixtures/real/多省信访件_仅内容和区域.csv", import.meta.url), "\uFEFF" + out.join("\r\n") + "\r\n");
console.log(`${rows.length} rows`);
