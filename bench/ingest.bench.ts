/**
 * Ingestion speed: a generated 100,000-row disclosure-style CSV, read by `ingestFiles` and, in
 * the same run, by a bare parse of the same file (read + UTF-8 decode + d3-dsv csvParseRows).
 * Prints rows/s for both and the ratio (wall; CPU time and the load average beside it, for a
 * shared machine). Target: ratio <= 2.
 *
 * Runs against the compiled library (dist-lib/, what the CLI runs), alternating the two
 * variants with a full GC before each timing, and reports medians.
 *
 *   npm run bench:ingest [-- rows]
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { loadavg } from "node:os";
import { csvParseRows } from "d3";
import { ingestFiles } from "../dist-lib/ingest/index.js";
import { alternate, fmt, mulberry32, pick } from "./util.js";

const N = Number(process.argv[2] ?? 100_000);
const rnd = mulberry32(20230626);
const areas = [
  "北湖区",
  "苏仙区",
  "桂阳县",
  "宜章县",
  "永兴县",
  "嘉禾县",
  "临武县",
  "汝城县",
  "桂东县",
  "安仁县",
  "资兴市",
  "苏仙",
  "资兴",
  "郴州市北湖区",
  "",
  "郴州市",
];
const towns = ["华塘镇", "白露塘镇", "五里牌镇", "东江街道", "便江镇", "莽山瑶族乡", "梅田镇"];
const sites = ["石材加工厂", "选矿厂", "养猪场", "搅拌站", "砂石场", "冶炼厂", "烧烤店", "建筑工地", "尾矿库"];
const problems = [
  "粉尘很大，周边房屋落满灰尘",
  "夜间生产噪音扰民",
  "废水直排附近河沟，河水发黑发臭",
  "臭气熏天，居民不敢开窗",
  "违规开采，破坏山体植被",
  "尾矿渗漏，农田被污染",
];
const types = ["大气", "水", "噪声", "生态", "土壤", "大气、噪声", "噪音", "其它"];
const verif = ["属实", "基本属实", "部分属实", "不属实"];
const status = ["已办结", "阶段性办结", "正在办理"];
const q = (s: string) => (/[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

mkdirSync("bench/.out", { recursive: true });
const file = `bench/.out/ingest-${N}.csv`;
const lines = [
  "郴州市交办信访件公开情况一览表（基准测试用模拟数据）",
  "序号,受理编号,交办时间,交办问题基本情况,行政区域,污染类型,调查核实情况,是否属实,处理和整改情况,是否办结",
];
for (let i = 1; i <= N; i++) {
  const day = 26 + (i % 21);
  const date = day <= 30 ? `2023/6/${day}` : `2023/7/${day - 30}`;
  const text = `${pick(rnd, towns)}某${pick(rnd, sites)}${pick(rnd, problems)}，${rnd() < 0.3 ? "1、多次反映未解决；\n2、" : ""}${pick(rnd, problems)}。`;
  lines.push(
    [
      i,
      `D2CZ2023${String(i).padStart(8, "0")}`,
      date,
      q(text),
      pick(rnd, areas),
      q(pick(rnd, types)),
      "经核查，情况属实",
      pick(rnd, verif),
      q("责令整改，罚款2万元"),
      pick(rnd, status),
    ].join(","),
  );
}
writeFileSync(file, `\uFEFF${lines.join("\r\n")}\r\n`);
const mb = readFileSync(file).length / 1e6;

let rows = 0;
// CPU time (user + system, the collector's threads included) of each run beside its wall time:
// on a shared machine the other jobs slow the wall clock more than they change the work done
const cpu: [number[], number[]] = [[], []];
const withCpu = (i: 0 | 1, fn: () => unknown) => async () => {
  const c0 = process.cpuUsage();
  await fn();
  const c = process.cpuUsage(c0);
  cpu[i].push((c.user + c.system) / 1000);
};
const [bare, ingest] = (await alternate(
  [
    withCpu(0, () => csvParseRows(new TextDecoder().decode(readFileSync(file))).length),
    withCpu(1, async () => {
      const r = await ingestFiles([file]);
      rows = r.rows;
      if (r.accepted + r.rejected !== r.rows) throw new Error("rows lost");
    }),
  ],
  7,
)) as [number, number];
// the timed runs' median (the first of each list is the warm-up)
const medianCpu = (xs: number[]) => xs.slice(1).sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)]!;
const [bareCpu, ingestCpu] = [medianCpu(cpu[0]), medianCpu(cpu[1])];

console.log(`ingest benchmark: ${fmt(N)} rows, ${fmt(mb, 1)} MB CSV (median of 7 alternating runs)`);
console.log(`  bare parse (read + decode + d3 csvParseRows): ${fmt(bare)} ms  ${fmt((N / bare) * 1000)} rows/s`);
console.log(`  ducha ingestFiles:                            ${fmt(ingest)} ms  ${fmt((rows / ingest) * 1000)} rows/s`);
console.log(`  ratio ingest / bare parse: ${fmt(ingest / bare, 2)}  (target <= 2)`);
console.log(`  CPU time: bare ${fmt(bareCpu)} ms, ingest ${fmt(ingestCpu)} ms, ratio ${fmt(ingestCpu / bareCpu, 2)}  (load average ${fmt(loadavg()[0]!, 1)})`);
