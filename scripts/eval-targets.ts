/**
 * Measures target (投诉对象) and place (乡镇, 村) extraction and repeat-complaint grouping:
 *
 * - on the 58 real published rows R001-R058 of data/labelled/real/rows.tsv, as the table
 *   test/fixtures/real/多省信访件_仅内容和区域.csv: against the hand-labelled gold file
 *   test/fixtures/real/targets.tsv (acceptable targets separated by |, "-" for none). Real rows
 *   hold no repeat complaint, so every group found there is a false one.
 * - on the bundled sample (模拟数据): against the repeat groups the generator planted
 *   (scripts/sample) and its planted spike (13 complaints about one smelter: the same target),
 *   pairwise and per group, and against the site each case names.
 *
 * Run: npm run eval:targets (add --list to print every miss). test/classify/targets-eval.test.ts
 * checks the same figures against floors.
 */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { type RepeatGroup, repeats } from "../src/analyze/repeats.js";
import { normalizeTarget, siteName } from "../src/analyze/target.js";
import { classifyAll } from "../src/classify/index.js";
import { parseAreaContext } from "../src/geo/resolve.js";
import { ingestFiles } from "../src/ingest/index.js";
import type { ClassifiedComplaint } from "../src/model/classification.js";
import { generate } from "./sample/generate.js";
import { SEED } from "./sample/model.js";
import { Rng } from "./sample/rng.js";

const clean = (s: string) => s.replace(/[\s“”"'‘’「」《》()（）]/g, "");
const pct = (n: number, d: number) => (d ? `${((n / d) * 100).toFixed(1)}%` : "—");

export interface Score {
  tp: number;
  fp: number;
  fn: number;
}
const score = (): Score => ({ tp: 0, fp: 0, fn: 0 });
export const precision = (s: Score) => (s.tp + s.fp ? s.tp / (s.tp + s.fp) : 1);
export const recall = (s: Score) => (s.tp + s.fn ? s.tp / (s.tp + s.fn) : 1);
const pr = (s: Score) => `precision ${pct(s.tp, s.tp + s.fp)} (${s.tp}/${s.tp + s.fp}), recall ${pct(s.tp, s.tp + s.fn)} (${s.tp}/${s.tp + s.fn})`;

/** One extraction against the acceptable answers (none: no answer expected). */
function judge(s: Score, predicted: string | undefined, accepted: readonly string[], ok: (p: string, a: string) => boolean): boolean {
  const hit = predicted !== undefined && accepted.some((a) => ok(predicted, a));
  if (hit) s.tp++;
  else {
    if (predicted !== undefined) s.fp++;
    if (accepted.length) s.fn++;
  }
  return hit || (predicted === undefined && !accepted.length);
}

export interface RealScores {
  target: Score;
  town: Score;
  village: Score;
  groups: RepeatGroup[];
  misses: string[];
  /** every extracted target, by row id */
  targets: Map<string, string | undefined>;
}

/** Targets, places and repeat groups on the 58 real rows, against the gold file. */
export async function measureReal(): Promise<RealScores> {
  const gold = new Map(
    readFileSync("test/fixtures/real/targets.tsv", "utf8")
      .trim()
      .split("\n")
      .slice(1)
      .map((l) => {
        const [id, target, town, village] = l.split("\t") as [string, string, string, string];
        return [id, { target: target === "-" ? [] : target.split("|").map(clean), town: town ? [town] : [], village: village ? [village] : [] }];
      }),
  );
  const ingested = await ingestFiles(["test/fixtures/real/多省信访件_仅内容和区域.csv"], { context: parseAreaContext("全国") });
  const rows = (await classifyAll(ingested.records)) as ClassifiedComplaint[];
  const out: RealScores = { target: score(), town: score(), village: score(), groups: repeats(rows).groups, misses: [], targets: new Map() };
  rows.forEach((r, i) => {
    const id = `R${String(i + 1).padStart(3, "0")}`;
    const g = gold.get(id)!;
    const c = r.classification;
    const target = c.target !== undefined ? clean(c.target) : undefined;
    out.targets.set(id, target);
    const eq = (p: string, a: string) => p === a;
    if (!judge(out.target, target, g.target, eq)) out.misses.push(`${id} 对象 ${target ?? "（无）"} ≠ ${g.target.join("|") || "（无）"}`);
    if (!judge(out.town, c.place?.town, g.town, eq)) out.misses.push(`${id} 乡镇 ${c.place?.town ?? "（无）"} ≠ ${g.town[0] ?? "（无）"}`);
    if (!judge(out.village, c.place?.village, g.village, eq)) out.misses.push(`${id} 村 ${c.place?.village ?? "（无）"} ≠ ${g.village[0] ?? "（无）"}`);
  });
  return out;
}

/**
 * The form of a planted site a reader would underline: 润远矿业在牌楼一带 -> 润远矿业,
 * 建设路上的发恒烧烤 -> 发恒烧烤, 鲁塘工业园里的祥瑞化工厂 -> 祥瑞化工厂.
 */
const siteTarget = (named: string) =>
  clean(named)
    .replace(/(?:公司)?在.*$/, "")
    .replace(/^.*?(?:路上的|街上的|大道上的|楼下的|门口的|旁边的|工业园里的|工业园的|产业园的|工业园里|街的)/, "");
const ESTABLISHMENT = /(厂|场|站|公司|矿业|矿|店|馆|库|工地|项目|园|酒家|饭店|农庄|山庄|KTV|酒吧|歌城|超市|药房|度假村|合作社|水厂|烧烤|夜宵|大排档|米粉店)$/;

export interface SampleScores {
  target: Score;
  /** pairs of cases put together, against the planted groups (the spike included) */
  pairs: { found: number; planted: number; common: number };
  /** the same without the spike's pairs */
  pairsWithoutSpike: { found: number; planted: number; common: number };
  groups: { found: number; planted: number; exact: number; spurious: RepeatGroup[] };
  /** per planted group: how many of its cases the largest found group holds */
  recovered: { name: string; size: number; together: number }[];
  misses: string[];
}

/** Targets and repeat groups on the bundled sample, against what its generator planted. */
export async function measureSample(): Promise<SampleScores> {
  const gen = generate(new Rng(SEED));
  const ingested = await ingestFiles(["data/sample/郴州2023_信访件_模拟数据.xlsx"]);
  const rows = (await classifyAll(ingested.records)) as ClassifiedComplaint[];
  const byCaseNo = new Map(rows.map((r) => [r.caseNo!, r]));

  // targets: the cases that name one establishment (a single site, its name in the text)
  const t = score();
  const misses: string[] = [];
  for (const c of gen.cases) {
    const site = c.parts[0]!.site;
    if (c.parts.length !== 1 || !c.namedSite || !c.text.includes(site.named)) continue;
    const gold = siteTarget(site.named);
    if (!ESTABLISHMENT.test(gold)) continue;
    const predicted = byCaseNo.get(c.caseNo)!.classification.target;
    // the same site: equal after normalising (places, 某, 有限公司), the same distinctive name,
    // or the site's owner (天宇矿业 for 天宇矿业白洞村尾矿库)
    const same = (p: string, a: string) => {
      const [np, na] = [normalizeTarget(p), normalizeTarget(a)];
      return (np !== "" && np === na) || (siteName(np) !== "" && (siteName(np) === siteName(na) || na.startsWith(np) || na.endsWith(np)));
    };
    if (!judge(t, predicted && clean(predicted), [gold], same)) misses.push(`${c.caseNo} 对象 ${predicted ?? "（无）"} ≠ ${gold}`);
  }

  const found = repeats(rows).groups;
  const spike = gen.cases.filter((c) => c.spike).map((c) => c.caseNo);
  const planted = [...gen.groups.map((g) => new Set(g.caseNos)), new Set(spike)];
  const names = [...gen.groups.map((g) => `${g.group} ${g.county} ${g.site}`), `突增 ${gen.spikeSite}`];
  const pairsOf = (groups: Set<string>[]) => new Set(groups.flatMap((g) => [...g].flatMap((a) => [...g].filter((b) => a < b).map((b) => `${a}|${b}`))));
  const foundSets = found.map((g) => new Set(g.members.map((m) => m.key)));
  const pairStats = (gold: Set<string>[], sets: Set<string>[]) => {
    const [g, f] = [pairsOf(gold), pairsOf(sets)];
    return { found: f.size, planted: g.size, common: [...f].filter((p) => g.has(p)).length };
  };
  const spikeSet = new Set(spike);
  return {
    target: t,
    pairs: pairStats(planted, foundSets),
    pairsWithoutSpike: pairStats(
      planted.slice(0, -1),
      foundSets.filter((f) => ![...f].some((k) => spikeSet.has(k))),
    ),
    groups: {
      found: found.length,
      planted: planted.length,
      exact: planted.filter((p) => foundSets.some((f) => f.size === p.size && [...p].every((k) => f.has(k)))).length,
      spurious: found.filter((_, i) => ![...pairsOf([foundSets[i]!])].some((p) => pairsOf(planted).has(p))),
    },
    recovered: planted.map((p, i) => ({
      name: names[i]!,
      size: p.size,
      together: Math.max(0, ...foundSets.map((f) => [...p].filter((k) => f.has(k)).length)),
    })),
    misses,
  };
}

async function main(): Promise<void> {
  const list = process.argv.includes("--list");
  const real = await measureReal();
  console.log("真实表 58 行（test/fixtures/real，人工标注 targets.tsv）");
  console.log(`  投诉对象：${pr(real.target)}`);
  console.log(`  乡镇：${pr(real.town)}；村：${pr(real.village)}`);
  console.log(`  重复举报组：${real.groups.length}（真实行中没有重复举报，每一组都是误报）${real.groups.map((g) => ` ${g.id}：${g.reason}`).join("")}`);
  if (list) for (const m of real.misses) console.log(`    ${m}`);

  const s = await measureSample();
  const p = (x: { found: number; planted: number; common: number }) =>
    `precision ${pct(x.common, x.found)} (${x.common}/${x.found}), recall ${pct(x.common, x.planted)} (${x.common}/${x.planted})`;
  console.log(`样本 461 件（模拟数据；scripts/sample 埋设的 ${s.groups.planted - 1} 组重复举报和 1 组突增，共 ${s.groups.planted} 组同一对象）`);
  console.log(`  投诉对象（${s.target.tp + s.target.fn} 件点名了一个企业或场所）：${pr(s.target)}`);
  console.log(`  重复举报，成对计：${p(s.pairs)}；不计突增：${p(s.pairsWithoutSpike)}`);
  console.log(
    `  找到 ${s.groups.found} 组，与埋设组完全一致 ${s.groups.exact}/${s.groups.planted} 组，无一对属于埋设组的 ${s.groups.spurious.length} 组${s.groups.spurious.map((g) => `（${g.id} ${g.countyName}：${g.reason}）`).join("")}`,
  );
  if (list) {
    for (const m of s.misses) console.log(`    ${m}`);
    for (const r of s.recovered) if (r.together < r.size) console.log(`    未完整找到 ${r.name}：最多 ${r.together}/${r.size} 件在同一组`);
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
