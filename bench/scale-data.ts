/**
 * A large disclosure-style CSV for the scale benches (模拟数据): complaints from the sample
 * generator (bench/complaints.ts) with the usual columns — 受理编号, 批次, 交办时间, text,
 * 行政区域, 污染类型, 是否属实, 处理和整改情况, 是否办结 — about 300 bytes a row. Written in
 * pieces, so a million rows never sit in memory as one string. Reused when already present.
 *
 *   node --import tsx bench/scale-data.ts 1000000   # -> bench/.out/scale-1000000.csv
 */
import { closeSync, existsSync, mkdirSync, openSync, renameSync, writeSync } from "node:fs";
import { generate } from "../scripts/sample/generate.js";
import { Rng } from "../scripts/sample/rng.js";
import { mulberry32, pick } from "./util.js";

const q = (s: string) => (/[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
const VERIFICATION = ["属实", "基本属实", "部分属实", "不属实"];
const STATUS = ["已办结", "阶段性办结", "正在办理"];
const ACTIONS = ["责令整改，罚款2万元", "已责令停产整顿", "立案查处", "已完成整改", "约谈企业负责人1人", ""];

/** The path of an n-row scale CSV, generating it when missing. */
export function scaleCsv(n: number, dir = "bench/.out"): string {
  mkdirSync(dir, { recursive: true });
  const path = `${dir}/scale-${n}.csv`;
  if (existsSync(path)) return path;
  const tmp = `${path}.part`;
  const fd = openSync(tmp, "w");
  writeSync(
    fd,
    "\uFEFF信访件公开情况一览表（基准测试用模拟数据）\r\n序号,受理编号,批次,交办时间,交办问题基本情况,行政区域,污染类型,是否属实,处理和整改情况,是否办结\r\n",
  );
  const rnd = mulberry32(650_000);
  // one simulated inspection (~460 complaints) per seed, as bench/complaints.ts does, written
  // seed by seed so memory stays flat
  let written = 0;
  for (let seed = 1; written < n; seed++) {
    let cases;
    try {
      cases = generate(new Rng(seed * 7919)).cases;
    } catch {
      continue; // a few seeds cannot plant everything the generator plants
    }
    const lines: string[] = [];
    for (const c of cases) {
      if (written >= n) break;
      written++;
      lines.push(
        [
          written,
          `${c.caseNo}-${seed}`,
          c.batch,
          c.date,
          q(c.text),
          q(c.areaCell),
          q(c.typeCell),
          pick(rnd, VERIFICATION),
          q(pick(rnd, ACTIONS)),
          pick(rnd, STATUS),
        ].join(","),
      );
    }
    writeSync(fd, `${lines.join("\r\n")}\r\n`);
  }
  closeSync(fd);
  renameSync(tmp, path);
  return path;
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(scaleCsv(Number(process.argv[2] ?? 100_000)));
