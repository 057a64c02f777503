/**
 * Plans and generates the cases of the sample: batches, counties, problems, texts, labels,
 * verification, key cases, repeat groups, the planted spike, the timeline and the official texts.
 */
import type { CaseCategory, PollutionType, Verification } from "../../src/model/vocabulary.js";
import { type Site, compose, makeSite } from "./compose.js";
import { COUNTIES, type County, countyByCode, personName, villageName } from "./geo.js";
import { BATCHES, type Case, END_OF_STATIONING, type LabelSlip, type PiiPlant, SNAPSHOTS, type SpecialPlant, START_DATE, statusAt } from "./model.js";
import { type Part, actions, addDays, confirmedAspects, findings, progressTail } from "./official.js";
import { Rng } from "./rng.js";
import { type Aspect, SCENARIOS, type Scenario, scenarioById } from "./scenarios.js";

/** Per-label shares aimed at (Hunan central 2024, with 固废 taken from the others). */
export const TYPE_TARGETS: Readonly<Record<PollutionType, number>> = { 大气: 27, 水: 21.5, 噪声: 16.5, 生态: 13.5, 土壤: 9, 固废: 4.5, 其他: 7, 辐射: 1 };
export const VERIFICATION_TARGETS: Readonly<Record<Verification, number>> = { 属实: 31, 基本属实: 8, 部分属实: 55, 不属实: 7 };

/** Base batch sizes, day 1 … 21 (before repeats and the spike are added). */
const BASE_SIZES = [8, 14, 18, 22, 24, 25, 24, 23, 26, 25, 24, 22, 24, 21, 20, 19, 18, 17, 16, 14, 12];

export const SPIKE = { county: "431023", town: "太和镇", batches: [12, 13, 14], counts: [4, 6, 3] } as const;
const REPEAT_GROUPS = 12;
const REPEAT_EXTRA = [3, 3, 3, 2, 2, 2, 2, 2, 2, 2, 2, 2]; // 27 repeat complaints

interface Slot {
  batch: number;
  county: County;
  kind: "normal" | "spike" | "repeat";
  /** repeat group id, for the first complaint (nth 0) and the repeats */
  group?: string;
  nth?: number;
}

export interface Generated {
  cases: Case[];
  slips: LabelSlip[];
  pii: PiiPlant[];
  special: SpecialPlant[];
  variants: { caseNo: string; cell: string }[];
  groups: { group: string; site: string; county: string; caseNos: string[]; batches: number[] }[];
  spikeSite: string;
}

export function batchDate(batch: number): string {
  return addDays(START_DATE, batch - 1);
}

function pickCounty(rng: Rng): County {
  return rng.weighted(COUNTIES.map((c) => [c, c.weight] as const));
}

function planSlots(rng: Rng): Slot[] {
  const slots: Slot[] = [];
  BASE_SIZES.forEach((n, i) => {
    const size = n + (i > 1 ? rng.int(-2, 2) : 0);
    for (let k = 0; k < size; k++) slots.push({ batch: i + 1, county: pickCounty(rng), kind: "normal" });
  });
  // repeat groups: first complaints in batches 2-12, repeats 2-8 days later in the same county
  const candidates = rng.shuffle(slots.filter((s) => s.batch >= 2 && s.batch <= 12));
  for (let g = 0; g < REPEAT_GROUPS; g++) {
    const first = candidates[g] as Slot;
    const id = `R${String(g + 1).padStart(2, "0")}`;
    first.group = id;
    first.nth = 0;
    let batch = first.batch;
    for (let n = 1; n <= (REPEAT_EXTRA[g] ?? 2); n++) {
      batch = Math.min(BATCHES, batch + rng.int(1, 6));
      slots.push({ batch, county: first.county, kind: "repeat", group: id, nth: n });
    }
  }
  SPIKE.batches.forEach((b, i) => {
    for (let k = 0; k < (SPIKE.counts[i] ?? 0); k++) slots.push({ batch: b, county: countyByCode(SPIKE.county), kind: "spike" });
  });
  // acceptance order within a batch is random
  const out: Slot[] = [];
  for (let b = 1; b <= BATCHES; b++) out.push(...rng.shuffle(slots.filter((s) => s.batch === b)));
  return out;
}

// ---------------------------------------------------------------------------------------------
// type choice

class TypeTally {
  counts = new Map<PollutionType, number>();
  total = 0;
  add(types: readonly PollutionType[]) {
    for (const t of types) this.counts.set(t, (this.counts.get(t) ?? 0) + 1);
    this.total += types.length;
  }
  /** > 1 when the type is behind its target share */
  need(t: PollutionType): number {
    const expected = (TYPE_TARGETS[t] / 100) * (this.total + 2);
    const have = this.counts.get(t) ?? 0;
    return Math.min(TYPE_TARGETS[t] < 3 ? 12 : 5, Math.max(0.08, 1 + (4 * (expected - have)) / (expected + 1.5)));
  }
}

function allowed(s: Scenario, county: County): boolean {
  return !s.only || s.only.includes(county.name);
}

function typesOf(s: Scenario): PollutionType[] {
  return [...new Set(s.aspects.map((a) => a.type))];
}

function typeWeight(s: Scenario, t: PollutionType): number {
  const tot = s.aspects.reduce((x, a) => x + (a.w ?? 1), 0);
  const w = s.aspects.filter((a) => a.type === t).reduce((x, a) => x + (a.w ?? 1), 0);
  return w / tot;
}

function pickAspect(rng: Rng, s: Scenario, t: PollutionType, avoid: readonly Aspect[] = []): Aspect | undefined {
  const list = s.aspects.filter((a) => a.type === t && !avoid.includes(a));
  if (list.length === 0) return undefined;
  return rng.weighted(list.map((a) => [a, a.w ?? 1] as const));
}

function chooseAspects(rng: Rng, s: Scenario, primary: PollutionType, k: number, tally: TypeTally): Aspect[] {
  const chosen: Aspect[] = [];
  const first = pickAspect(rng, s, primary);
  if (!first) throw new Error(`${s.id} has no ${primary}`);
  chosen.push(first);
  const others = typesOf(s).filter((t) => t !== primary && t !== "其他");
  const picked: PollutionType[] = [];
  while (picked.length < k - 1 && others.length > 0) {
    const t = rng.weighted(others.map((x) => [x, tally.need(x) * typeWeight(s, x)] as const));
    others.splice(others.indexOf(t), 1);
    picked.push(t);
    const a = pickAspect(rng, s, t);
    if (a) chosen.push(a);
  }
  // sometimes a second problem of a type already there (dust and trucks, two kinds of waste)
  if (rng.chance(0.18)) {
    const t = rng.pick(chosen).type;
    const extra = pickAspect(rng, s, t, chosen);
    if (extra) chosen.push(extra);
  }
  if (chosen.length > 1 && rng.chance(0.2)) {
    const [head, ...rest] = chosen;
    return [...rng.shuffle(rest), head as Aspect];
  }
  return chosen;
}

function scenarioFor(rng: Rng, county: County, primary: PollutionType, k: number, exclude: readonly string[] = []): Scenario | undefined {
  const list = SCENARIOS.filter(
    (s) =>
      allowed(s, county) &&
      !exclude.includes(s.id) &&
      s.aspects.some((a) => a.type === primary) &&
      (k <= 1 || typesOf(s).filter((t) => t !== "其他").length >= Math.min(k, 2)),
  );
  if (list.length === 0) return undefined;
  return rng.weighted(list.map((s) => [s, s.weight * (s.counties?.[county.name] ?? 1) * Math.sqrt(typeWeight(s, primary))] as const));
}

// ---------------------------------------------------------------------------------------------

export function generate(root: Rng): Generated {
  const planRng = root.fork("plan");
  const slots = planSlots(planRng);
  const tally = new TypeTally();
  const cases: Case[] = [];
  const groupSites = new Map<string, { site: Site; aspects: Aspect[]; caseNos: string[]; batches: number[] }>();
  const seqByBatch = new Map<number, number>();
  const spikeRng = root.fork("spike");
  const spikeSite = makeSite(spikeRng, scenarioById("smelter"), countyByCode(SPIKE.county), SPIKE.town);
  spikeSite.named = `${spikeSite.slots["字号"]}稀贵金属公司`;
  spikeSite.official = `永兴县${spikeSite.slots["字号"]}稀贵金属有限公司`;
  spikeSite.business = "稀贵金属综合回收（含银废料火法冶炼）";
  let spikeN = 0;

  slots.forEach((slot, i) => {
    const rng = root.fork(`case:${i}`);
    const seq = (seqByBatch.get(slot.batch) ?? 0) + 1;
    seqByBatch.set(slot.batch, seq);
    const date = batchDate(slot.batch);
    const channel: "来电" | "来信" = rng.chance(0.1) ? "来信" : "来电";
    const caseNo = `${channel === "来电" ? "D" : "X"}2CZ${date.replace(/-/g, "")}${String(seq).padStart(4, "0")}`;
    const county = slot.county;
    let parts: Part[];
    let findingsParts: Part[] | undefined;
    let repeat: Case["repeat"];
    let school = false;
    let pastSolved: Aspect | undefined;

    if (slot.kind === "spike") {
      spikeN++;
      const aspects: Aspect[] = [];
      const sc = spikeSite.scenario;
      aspects.push(pickAspect(rng, sc, "大气") as Aspect);
      const r = rng.next();
      if (r < 0.25) aspects.push(pickAspect(rng, sc, "水") as Aspect);
      else if (r < 0.35) aspects.push(pickAspect(rng, sc, "土壤") as Aspect);
      // complainants live around the plant, in other villages and estates
      const v = villageName(rng);
      const local: Site = { ...spikeSite, village: v, slots: { ...spikeSite.slots, 村: v } };
      parts = [{ site: local, aspects }];
      findingsParts = [{ site: spikeSite, aspects }];
      school = spikeN === 3 || spikeN === 9;
    } else if (slot.kind === "repeat" && slot.group) {
      const g = groupSites.get(slot.group);
      if (!g) throw new Error(`repeat ${slot.group} before its first complaint`);
      const sc = g.site.scenario;
      const main = g.aspects[0] as Aspect;
      const aspects = [rng.chance(0.6) ? main : (pickAspect(rng, sc, main.type, []) ?? main)];
      if (rng.chance(0.35)) {
        const other = rng.pick(sc.aspects);
        if (!aspects.includes(other) && other.type !== "其他") aspects.push(other);
      }
      parts = [{ site: g.site, aspects }];
      repeat = { group: slot.group, nth: slot.nth ?? 1, firstCaseNo: g.caseNos[0], firstBatch: g.batches[0] };
    } else {
      const r = rng.next();
      let k = r < 0.66 ? 1 : r < 0.945 ? 2 : 3;
      // radiation complaints rarely come with a second type, so they need a push as primary type
      const needs = (Object.keys(TYPE_TARGETS) as PollutionType[]).map((t) => [t, TYPE_TARGETS[t] * tally.need(t) * (t === "辐射" ? 1.5 : 1)] as const);
      let primary = rng.weighted(needs);
      if (slot.group) {
        // the first complaint of a repeat group is about a named business or site
        while (primary === "其他" || primary === "辐射") primary = rng.weighted(needs);
      }
      if (primary === "其他") k = 1;
      const exclude = slot.group ? ["officials", "procedure", "light", "soil", "dumping", "black-water", "square-dance", "burning"] : [];
      let sc = scenarioFor(rng, county, primary, k, exclude) ?? scenarioFor(rng, county, primary, 1, exclude);
      if (!sc) {
        primary = "大气";
        sc = scenarioFor(rng, county, primary, 1, exclude) as Scenario;
      }
      const multiSite = k >= 2 && !slot.group && primary !== "辐射" && rng.chance(0.14);
      if (multiSite) {
        const a1 = chooseAspects(rng, sc, primary, 1, tally);
        const site1 = makeSite(rng, sc, county);
        const others = (Object.keys(TYPE_TARGETS) as PollutionType[]).filter((t) => t !== primary && t !== "其他" && t !== "辐射");
        const t2 = rng.weighted(others.map((t) => [t, TYPE_TARGETS[t] * tally.need(t)] as const));
        const sc2 = scenarioFor(rng, county, t2, 1, [sc.id, "officials", "procedure", "light", "reserve"]);
        if (sc2) {
          const site2 = makeSite(rng, sc2, county, site1.town);
          site2.village = site1.village;
          site2.slots = { ...site2.slots, 村: site1.village };
          parts = [
            { site: site1, aspects: a1 },
            { site: site2, aspects: chooseAspects(rng, sc2, t2, k - 1, tally) },
          ];
        } else {
          parts = [{ site: site1, aspects: chooseAspects(rng, sc, primary, k, tally) }];
        }
      } else {
        parts = [{ site: makeSite(rng, sc, county), aspects: chooseAspects(rng, sc, primary, k, tally) }];
      }
      const p0 = parts[0] as Part;
      if (rng.chance(0.025)) {
        const used = new Set(p0.aspects.map((a) => a.type));
        const cand = p0.site.scenario.aspects.filter((a) => !used.has(a.type) && a.type !== "其他");
        if (cand.length) pastSolved = rng.pick(cand);
      }
      school = ["大气", "噪声", "水"].includes(primary) && rng.chance(0.035);
      if (slot.group) groupSites.set(slot.group, { site: p0.site, aspects: [...p0.aspects], caseNos: [], batches: [] });
    }

    const composed = compose({
      rng: rng.fork("text"),
      channel,
      date,
      parts,
      ...(repeat ? { repeat: { nth: repeat.nth } } : {}),
      ...(pastSolved ? { pastSolved } : {}),
      school,
    });
    const types = [...new Set(parts.flatMap((p) => p.aspects.map((a) => a.type)))];
    tally.add(types);
    if (slot.group) {
      const g = groupSites.get(slot.group);
      g?.caseNos.push(caseNo);
      g?.batches.push(slot.batch);
      if (slot.nth === 0) repeat = { group: slot.group, nth: 0 };
    }
    const keyReasons: Case["keyReasons"] = [];
    for (const p of parts) for (const a of p.aspects) if (a.key && !keyReasons.includes(a.key)) keyReasons.push(a.key);
    if (school) keyReasons.push("学校医院");
    if (repeat && repeat.nth > 0) keyReasons.push("重复举报");
    if (slot.kind === "spike") keyReasons.push("群体性反映");
    cases.push({
      batch: slot.batch,
      date,
      seq,
      caseNo,
      channel,
      county,
      areaCell: "",
      text: composed.text,
      style: composed.style,
      parts,
      findingsParts: findingsParts ?? parts,
      claims: composed.claims,
      impacts: composed.impacts,
      namedSite: composed.namedSite,
      types,
      typeCell: "",
      verification: "部分属实",
      category: "一般件",
      keyReasons,
      ...(repeat ? { repeat } : {}),
      spike: slot.kind === "spike",
      inaction: composed.inaction,
      school,
      ...(pastSolved ? { pastSolved: pastSolved.type } : {}),
      longTerm: false,
      deadlineCell: "",
      findings: "",
      actionText: {},
      accountabilityText: {},
    });
  });

  assignAreaCells(root.fork("area"), cases);
  assignVerification(root.fork("verification"), cases);
  assignCategory(root.fork("category"), cases);
  assignTimeline(root.fork("timeline"), cases);
  writeOfficialTexts(root, cases);
  const slips = assignLabels(root.fork("labels"), cases);
  const variants = assignVariants(root.fork("variants"), cases, slips);
  const pii = plantPii(root.fork("pii"), cases);
  const special = plantSpecial(root.fork("special"), cases);

  const groups = [...groupSites.entries()].map(([group, g]) => ({
    group,
    site: g.site.named,
    county: g.site.county.name,
    caseNos: g.caseNos,
    batches: g.batches,
  }));
  return { cases, slips, pii, special, variants, groups, spikeSite: `${spikeSite.official}（${spikeSite.town}）` };
}

// ---------------------------------------------------------------------------------------------

function assignAreaCells(rng: Rng, cases: Case[]) {
  const form = new Map<string, string>();
  for (const c of cases) {
    const key = `${c.batch}:${c.county.code}`;
    let cell = form.get(key);
    if (!cell) {
      cell = rng.weighted<string>([
        [c.county.name, 84],
        [`郴州市${c.county.name}`, 9],
        [c.county.short, 7],
      ]);
      form.set(key, cell);
    }
    c.areaCell = cell;
  }
}

function assignVerification(rng: Rng, cases: Case[]) {
  const counts: Record<Verification, number> = { 属实: 0, 基本属实: 0, 部分属实: 0, 不属实: 0 };
  const order = rng.shuffle(cases);
  order.forEach((c, i) => {
    const nAspects = c.parts.reduce((x, p) => x + p.aspects.length, 0);
    const mod: Record<Verification, number> = { 属实: 1, 基本属实: 1, 部分属实: 1, 不属实: 1 };
    if (nAspects > 1) {
      mod.部分属实 *= 1.5;
      mod.属实 *= 0.8;
    }
    if (c.repeat && c.repeat.nth > 0) {
      mod.属实 *= 1.8;
      mod.不属实 *= 0.2;
    }
    if (c.spike) {
      mod.属实 *= 2;
      mod.不属实 *= 0.1;
    }
    if (c.types.includes("辐射")) {
      mod.不属实 *= 6;
      mod.属实 *= 0.3;
    }
    if (c.types.includes("其他")) {
      mod.不属实 *= 2.2;
    }
    if (c.types.includes("土壤")) {
      mod.部分属实 *= 1.3;
    }
    if (c.style === "short") {
      mod.属实 *= 1.3;
    }
    const weights = (Object.keys(VERIFICATION_TARGETS) as Verification[]).map((v) => {
      const expected = (VERIFICATION_TARGETS[v] / 100) * (i + 1);
      const need = Math.min(6, Math.max(0.05, 1 + (3 * (expected - counts[v])) / (expected + 2)));
      return [v, VERIFICATION_TARGETS[v] * mod[v] * need] as const;
    });
    const v = rng.weighted(weights);
    counts[v]++;
    c.verification = v;
  });
}

function assignCategory(rng: Rng, cases: Case[]) {
  const scored = cases.map((c) => {
    let s = 0;
    for (const r of c.keyReasons) {
      s +=
        r === "饮用水源"
          ? 3
          : r === "重金属"
            ? 2.5
            : r === "危险废物"
              ? 2.5
              : r === "自然保护地"
                ? 3
                : r === "学校医院"
                  ? 2.5
                  : r === "重复举报"
                    ? 1.6
                    : r === "群体性反映"
                      ? 1.4
                      : 1;
    }
    if (c.verification === "不属实") s *= 0.3;
    if (s > 0) s += rng.next() * 1.5;
    return { c, s };
  });
  scored.sort((a, b) => b.s - a.s);
  const n = Math.round(cases.length * 0.07);
  scored.forEach(({ c, s }, i) => {
    c.category = (i < n && s > 0 ? "重点件" : "一般件") as CaseCategory;
  });
}

const LONG_TERM_SUBS = new Set(["社会生活噪声", "油烟", "生活垃圾", "黑臭水体", "重金属", "农用地污染", "交通噪声", "矿山修复", "自然保护地"]);

function monthEnd(y: number, m: number): string {
  const d = new Date(Date.UTC(y, m, 0));
  return d.toISOString().slice(0, 10);
}

function deadlineText(rng: Rng, iso: string): string {
  const [y, m, d] = iso.split("-").map(Number);
  return rng.weighted<string>([
    [`${y}年${m}月${d}日前`, 14],
    [`${y}年${m}月底前`, 1.5],
    [`${y}年${m}月${d}日`, 1],
  ]);
}

function assignTimeline(rng: Rng, cases: Case[]) {
  const n = cases.length;
  const scored = cases.map((c) => {
    const subs = c.parts.flatMap((p) => p.aspects.map((a) => a.sub));
    let z = rng.normal(0, 0.75);
    z += (c.county.slowness - 1) * 3.2;
    z += ((c.batch - 1) / 20) * 1.2;
    z += c.verification === "不属实" ? -2.2 : c.verification === "属实" ? 0.15 : c.verification === "基本属实" ? 0 : 0.1;
    if (c.category === "重点件") z += 0.7;
    if (c.types.includes("生态")) z += 0.45;
    if (c.types.includes("土壤")) z += 0.7;
    if (subs.some((s) => ["社会生活噪声", "油烟", "露天焚烧"].includes(s))) z -= 0.5;
    if (c.types.includes("其他")) z -= 0.3;
    if (c.spike) z += 0.4;
    const minLag = c.verification === "不属实" ? rng.int(2, 6) : rng.int(4, 12);
    return { c, z, subs, minLag };
  });
  scored.sort((a, b) => a.z - b.z);
  // 1. closed by the end of stationing: the easiest cases that can be closed in time
  const nClosedEarly = Math.round(n * 0.345);
  const early = new Set<Case>();
  for (const x of scored) {
    if (early.size >= nClosedEarly) break;
    const first = addDays(x.c.date, x.minLag);
    if (first > END_OF_STATIONING) continue;
    const slack = (Date.parse(END_OF_STATIONING) - Date.parse(first)) / 86400000;
    x.c.closeDate = addDays(first, Math.round(slack * Math.pow(rng.next(), 1.5)));
    early.add(x.c);
  }
  // 2. the others close later, in order of difficulty
  const rest = scored.filter((x) => !early.has(x.c));
  const points: [number, string][] = [
    [0.345, END_OF_STATIONING],
    [0.605, "2023-08-31"],
    [0.855, "2023-10-31"],
    [0.966, "2023-12-31"],
    [1, "2024-06-30"],
  ];
  rest.forEach((x, r) => {
    const { c, subs } = x;
    const q = 0.345 + ((r + 0.5) / rest.length) * (1 - 0.345);
    let seg = 1;
    while (seg < points.length - 1 && q > (points[seg] as [number, string])[0]) seg++;
    const [q0, d0] = points[seg - 1] as [number, string];
    const [q1, d1] = points[seg] as [number, string];
    const span = (Date.parse(d1) - Date.parse(d0)) / 86400000;
    const close = addDays(d0, Math.max(1, Math.round(((q - q0) / (q1 - q0)) * span)));
    c.longTerm = subs.some((s) => LONG_TERM_SUBS.has(s)) && seg >= 2 && rng.chance(0.5);
    if (close <= "2023-12-31" && !(c.longTerm && seg >= 4 && rng.chance(0.5))) c.closeDate = close;
  });
  // 3. 阶段性办结: ~20% of all cases by the end of stationing, more later
  const nPhaseEarly = Math.round(n * 0.2);
  let phaseEarly = 0;
  for (const { c } of rest) {
    const openUntil = c.closeDate ?? "2024-03-31";
    if (phaseEarly < nPhaseEarly && addDays(c.date, 3) <= END_OF_STATIONING && (c.longTerm || rng.chance(0.8))) {
      const slack = (Date.parse(END_OF_STATIONING) - Date.parse(addDays(c.date, 3))) / 86400000;
      c.phaseDate = addDays(c.date, 3 + Math.round(slack * rng.next()));
      phaseEarly++;
    } else if (c.longTerm || rng.chance(0.62)) {
      const from = END_OF_STATIONING;
      const days = (Date.parse(openUntil) - Date.parse(from)) / 86400000;
      if (days > 6) c.phaseDate = addDays(from, 1 + Math.round((days - 2) * (c.longTerm ? 0.3 : 0.3 + 0.5 * rng.next()) * rng.next()));
    }
  }
  // 4. 办结目标
  for (const { c } of scored) {
    if (c.verification === "不属实") {
      c.deadlineCell = rng.chance(0.75) ? "立行立改" : deadlineText(rng, monthEnd(2023, 7));
      continue;
    }
    if (c.longTerm) {
      c.deadlineCell = "长期坚持";
      continue;
    }
    if (c.closeDate && c.closeDate <= END_OF_STATIONING && rng.chance(0.55)) {
      c.deadlineCell = "立行立改";
      continue;
    }
    let iso: string;
    const missed = SNAPSHOTS.filter((s) => !c.closeDate || s < c.closeDate);
    if (missed.length > 0 && rng.chance(c.closeDate ? 0.14 : 0.4)) {
      // a target that is missed: due before a snapshot at which the case is still open
      const s = rng.pick(missed);
      const [y, m] = s.split("-").map(Number) as [number, number];
      iso = monthEnd(y, m - rng.int(1, 2));
      if (iso < addDays(c.date, 14)) iso = monthEnd(2023, 7);
    } else {
      const target = c.closeDate ?? addDays("2023-12-31", rng.int(30, 150));
      let [y, m] = target.split("-").map(Number) as [number, number];
      if (rng.chance(0.25)) m += 1;
      if (m > 12) {
        m -= 12;
        y += 1;
      }
      iso = monthEnd(y, m);
      if (y === 2024 && rng.chance(0.5)) iso = rng.pick(["2024-06-30", "2024-12-31"]);
    }
    c.deadlineDate = iso;
    c.deadlineCell = deadlineText(rng, iso);
  }
}

function writeOfficialTexts(root: Rng, cases: Case[]) {
  const byCaseNo = new Map(cases.map((c) => [c.caseNo, c]));
  for (const c of cases) {
    const rng = root.fork(`official:${c.caseNo}`);
    const confirmed = confirmedAspects(rng, c.findingsParts, c.verification);
    const first = c.repeat?.firstCaseNo ? byCaseNo.get(c.repeat.firstCaseNo) : undefined;
    c.findings = findings(
      {
        rng,
        parts: c.findingsParts,
        claims: c.claims,
        impacts: c.impacts,
        verification: c.verification,
        namedSite: c.namedSite,
        date: c.date,
        ...(first ? { repeatRef: `第${first.batch}批${first.caseNo}` } : {}),
      },
      confirmed,
    );
    const a = actions({
      rng,
      parts: c.findingsParts,
      verification: c.verification,
      confirmed,
      date: c.date,
      key: c.category === "重点件",
      repeat: (c.repeat?.nth ?? 0) > 0,
      inaction: c.inaction,
    });
    c.actions = a;
    const s0 = statusAt(c, END_OF_STATIONING);
    const base = `${a.text}${progressTail(rng, s0, END_OF_STATIONING, c.closeDate, true, c.longTerm)}`;
    c.actionText[END_OF_STATIONING] = base;
    c.accountabilityText[END_OF_STATIONING] = a.accountability;
    let prev = s0;
    let text = base;
    for (const s of SNAPSHOTS) {
      const st = statusAt(c, s);
      if (st !== prev || st !== "已办结") {
        if (!(st === "已办结" && prev === "已办结")) text = `${text}\n${progressTail(rng, st, s, c.closeDate, false, c.longTerm)}`;
      }
      prev = st;
      c.actionText[s] = text;
      const later = a.laterAccountability && s >= a.laterAccountability.from ? `；${a.laterAccountability.text}` : "";
      c.accountabilityText[s] = `${a.accountability}${later}`;
    }
  }
}

// ---------------------------------------------------------------------------------------------
// labels as written

const SLIP_KINDS: readonly { from: PollutionType; to: PollutionType; note: string }[] = [
  { from: "噪声", to: "大气", note: "噪声投诉被标为大气" },
  { from: "水", to: "土壤", note: "水污染被标为土壤" },
  { from: "土壤", to: "水", note: "农田污染被标为水" },
  { from: "生态", to: "其他", note: "生态破坏被标为其他" },
  { from: "固废", to: "生态", note: "固废问题被标为生态" },
  { from: "大气", to: "噪声", note: "大气问题（扬尘/废气/异味）被标为噪声" },
  { from: "固废", to: "大气", note: "固废被标为大气" },
  { from: "生态", to: "水", note: "生态破坏被标为水" },
];

function assignLabels(rng: Rng, cases: Case[]): LabelSlip[] {
  for (const c of cases) c.typeCell = c.types.join("、");
  const n = Math.round(cases.length * 0.03);
  const slips: LabelSlip[] = [];
  const pool = rng.shuffle(cases.filter((c) => !c.spike));
  const used = new Set<string>();
  let guard = 0;
  while (slips.length < n && guard++ < 10000) {
    const mode = rng.next();
    // a kind of slip first, then a case it fits, so that no one kind dominates
    const kind = rng.pick(SLIP_KINDS);
    const c = pool.find((x) => !used.has(x.caseNo) && (mode >= 0.65 || (x.types.includes(kind.from) && !x.types.includes(kind.to))) && rng.chance(0.3));
    if (!c) continue;
    let official: PollutionType[] | undefined;
    let note: string;
    if (mode < 0.65) {
      const s = kind;
      official = c.types.map((t) => (t === s.from ? s.to : t)).filter((t, i, a) => a.indexOf(t) === i);
      if (official.includes("其他") && official.length > 1) continue;
      note = s.note;
    } else if (mode < 0.85) {
      if (c.types.length < 2) continue;
      const drop = rng.pick(c.types.slice(1));
      official = c.types.filter((t) => t !== drop);
      note = `漏标${drop}`;
    } else {
      if (c.types.includes("其他")) continue;
      const add = rng.pick((["大气", "水", "噪声"] as PollutionType[]).filter((t) => !c.types.includes(t)));
      official = [...c.types, add];
      note = `多标${add}`;
    }
    used.add(c.caseNo);
    slips.push({ caseNo: c.caseNo, textTypes: [...c.types], officialTypes: official, note });
    c.typeCell = official.join("、");
  }
  return slips;
}

function assignVariants(rng: Rng, cases: Case[], slips: readonly LabelSlip[]): { caseNo: string; cell: string }[] {
  const out: { caseNo: string; cell: string }[] = [];
  const slipped = new Set(slips.map((s) => s.caseNo));
  const n = Math.round(cases.length * 0.05);
  for (const c of rng.shuffle(cases)) {
    if (out.length >= n) break;
    if (slipped.has(c.caseNo)) continue;
    const parts = c.typeCell.split("、");
    const idx = parts.findIndex((p) => p === "噪声" || p === "其他" || p === "大气");
    if (idx < 0) continue;
    const p = parts[idx];
    const dust = c.parts.some((x) => x.aspects.some((a) => a.sub === "扬尘"));
    parts[idx] = p === "噪声" ? "噪音" : p === "其他" ? "其它" : dust && rng.chance(0.6) ? "扬尘" : "大气污染";
    c.typeCell = parts.join("、");
    out.push({ caseNo: c.caseNo, cell: c.typeCell });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// planted personal data and unsafe characters

function idNumber(rng: Rng, county: County): string {
  const y = rng.int(1955, 1995);
  const m = rng.int(1, 12);
  const d = rng.int(1, 28);
  const body = `${county.code}${y}${String(m).padStart(2, "0")}${String(d).padStart(2, "0")}${String(rng.int(10, 99))}${rng.int(0, 9)}`;
  const w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(body[i]) * (w[i] as number);
  return body + "10X98765432"[sum % 11];
}

function mobile(rng: Rng): string {
  return `1${rng.pick(["39", "38", "37", "35", "58", "86", "87", "52", "80", "89", "77", "99"])}${String(rng.int(0, 99999999)).padStart(8, "0")}`;
}

/** A clerk's opener such as 来电反映： / 有群众多次来电反映， / 石龙村部分村民联名来信反映： */
const OPENER = /^[^：，。\n]{0,14}?(反映|称)[：，]/;

function plantPii(rng: Rng, cases: Case[]): PiiPlant[] {
  const out: PiiPlant[] = [];
  const n = Math.round(cases.length * 0.03);
  const pool = rng.shuffle(cases.filter((c) => !c.text.startsWith("=")));
  for (const c of pool.slice(0, n)) {
    const name = personName(rng);
    const masked = `${name.slice(0, name.length > 2 && ["欧阳"].includes(name.slice(0, 2)) ? 2 : 1)}某某`;
    const phone = mobile(rng);
    const landline = `0735-${rng.int(2, 8)}${String(rng.int(0, 999999)).padStart(6, "0")}`;
    const id = idNumber(rng, c.county);
    const form = rng.int(0, 6);
    let kind: string;
    let value: string;
    switch (form) {
      case 0:
        c.text = `${c.text}（举报人：${name}，联系电话：${phone}）`;
        kind = "姓名、手机号";
        value = `${name}；${phone}`;
        break;
      case 1:
        c.text = `举报人${masked}（电话${phone}）反映：${c.text.replace(OPENER, "")}`;
        kind = "手机号（姓名已部分隐去）";
        value = `${masked}；${phone}`;
        break;
      case 2:
        c.text = `本人${name}，身份证号${id}，${c.text.replace(OPENER, "")}`;
        kind = "姓名、身份证号";
        value = `${name}；${id}`;
        break;
      case 3:
        c.text = `${c.text}联系人：${name}，座机${landline}。`;
        kind = "姓名、座机";
        value = `${name}；${landline}`;
        break;
      case 4:
        c.text = `${c.text}如需核实请联系${name}，手机${phone}。`;
        kind = "姓名、手机号";
        value = `${name}；${phone}`;
        break;
      case 5:
        c.text = `${c.text}我叫${name}，电话${phone.slice(0, 3)} ${phone.slice(3, 7)} ${phone.slice(7)}，不怕打击报复。`;
        kind = "姓名、手机号（带空格）";
        value = `${name}；${phone.slice(0, 3)} ${phone.slice(3, 7)} ${phone.slice(7)}`;
        break;
      default:
        c.text = `${c.text}（来电人${masked}，身份证${id}，要求回复）`;
        kind = "身份证号";
        value = id;
    }
    out.push({ caseNo: c.caseNo, kind, value });
  }
  return out;
}

function plantSpecial(rng: Rng, cases: Case[]): SpecialPlant[] {
  const out: SpecialPlant[] = [];
  const used = new Set<string>();
  const take = (pred: (c: Case) => boolean): Case | undefined => {
    const c = rng.shuffle(cases).find((x) => !used.has(x.caseNo) && pred(x) && !/举报人|身份证|联系人|手机|电话1/.test(x.text));
    if (c) used.add(c.caseNo);
    return c;
  };
  const noise = take((c) => c.types.includes("噪声") && c.text.endsWith("。"));
  if (noise) {
    noise.text = `${noise.text}自己用手机软件测过，晚上噪音>70分贝。`;
    out.push({ caseNo: noise.caseNo, what: "> 字符", sample: "噪音>70分贝" });
  }
  const dust = take((c) => c.parts.some((p) => p.aspects.some((a) => a.sub === "扬尘")) && c.text.endsWith("。"));
  if (dust) {
    dust.text = `${dust.text}听说标准要求PM10<150，这里肯定超标。`;
    out.push({ caseNo: dust.caseNo, what: "< 字符", sample: "PM10<150" });
  }
  const letter = take((c) => c.channel === "来信" && c.text.endsWith("。"));
  if (letter) {
    letter.text = `${letter.text}附：现场照片3张&视频1段。`;
    out.push({ caseNo: letter.caseNo, what: "& 字符", sample: "照片3张&视频1段" });
  }
  const quote = take((c) => c.parts[0]?.site.scenario.site.mode === "business" && c.text.endsWith("。"));
  if (quote) {
    quote.text = `${quote.text}老板还说"我上面有人，不怕你们告"。`;
    out.push({ caseNo: quote.caseNo, what: "ASCII 双引号", sample: '"我上面有人，不怕你们告"' });
  }
  const bar = take((c) => c.parts[0]?.site.scenario.id === "ktv") ?? take((c) => c.parts[0]?.site.scenario.id === "restaurant");
  if (bar) {
    bar.text = `${bar.text}${/[。！？]$/.test(bar.text) ? "" : "。"}店门口的招牌上写的是"K&T Bar"。`;
    out.push({ caseNo: bar.caseNo, what: "& 与 ASCII 双引号", sample: '"K&T Bar"' });
  }
  const prank = take((c) => c.channel === "来信" && c.text.endsWith("。"));
  if (prank) {
    prank.text = `${prank.text}<script>alert(1)</script>`;
    out.push({ caseNo: prank.caseNo, what: "恶作剧脚本标签", sample: "<script>alert(1)</script>" });
  }
  const formula = take((c) => c.channel === "来信");
  if (formula) {
    formula.text = `=HYPERLINK("http://example.com/xianchang.jpg","现场照片")${formula.text}`;
    out.push({ caseNo: formula.caseNo, what: "以 = 开头的单元格（公式注入）", sample: '=HYPERLINK("http://example.com/xianchang.jpg","现场照片")' });
  }
  return out;
}

export { pickCounty };
