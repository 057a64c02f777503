/**
 * The county's side of a case: 调查核实情况 (findings, consistent with 是否属实), 处理和整改情况
 * (actions, with enforcement stated plainly: 责令整改, 立案处罚, 罚款X万元, 责令停产, 查封扣押,
 * 约谈N人, 问责N人) and 责任人被处理情况, at each status snapshot.
 */
import type { Verification } from "../../src/model/vocabulary.js";
import type { Claim, Site } from "./compose.js";
import type { County } from "./geo.js";
import { type Rng, cn, expand } from "./rng.js";
import type { Aspect } from "./scenarios.js";
import { textSlots } from "./compose.js";

export interface Enforcement {
  /** 立案处罚 */
  caseFiled: boolean;
  /** fine in yuan, 0 when none */
  fine: number;
  /** how the fine is written: "罚款3.2万元" / "罚款人民币32000元" */
  fineText: string;
  suspended: boolean;
  seized: boolean;
  /** 行政拘留 / 刑事拘留 persons */
  detained: number;
  /** officials interviewed (约谈) */
  interviewed: number;
  /** officials held accountable (问责) */
  accountable: number;
}

export interface Part {
  site: Site;
  aspects: readonly Aspect[];
}

function agencyNames(county: County) {
  const urban = county.name === "北湖区" || county.name === "苏仙区";
  return {
    env: `郴州市生态环境局${county.short}分局`,
    nat: urban ? `郴州市自然资源和规划局${county.short}分局` : `${county.name}自然资源局`,
    water: `${county.name}水利局`,
    forest: `${county.name}林业局`,
    city: `${county.name}城市管理和综合执法局`,
    housing: `${county.name}住房和城乡建设局`,
    agri: `${county.name}农业农村局`,
    police: urban ? `郴州市公安局${county.short}分局` : `${county.name}公安局`,
    health: `${county.name}卫生健康局`,
  };
}

export function agencyFor(a: Aspect, site: Site): string {
  const g = agencyNames(site.county);
  switch (a.sub) {
    case "施工噪声":
      return site.scenario.id === "construction" ? g.housing : g.env;
    case "社会生活噪声":
      return site.scenario.id === "auto-repair" ? g.env : site.scenario.id === "ktv" ? g.police : g.city;
    case "交通噪声":
      return g.police;
    case "油烟":
      return g.city;
    case "扬尘":
      return site.scenario.id === "construction" ? g.housing : g.env;
    case "建筑垃圾":
    case "生活垃圾":
      return site.scenario.id === "livestock" ? g.agri : site.town.endsWith("街道") ? g.city : `${site.town}人民政府`;
    case "非法采矿/采砂":
      return site.scenario.id === "sand" ? g.water : g.nat;
    case "矿山修复":
      return g.nat;
    case "毁林/破坏植被":
    case "自然保护地":
      return g.forest;
    case "河道岸线":
      return g.water;
    case "重金属":
    case "农用地污染":
      return site.scenario.id === "soil" ? g.agri : g.env;
    case "养殖废水":
      return site.scenario.id === "fishpond" ? g.agri : g.env;
    case "饮用水源":
      return g.water;
    default:
      if (a.type === "其他") return site.scenario.id === "officials" ? `${site.county.name}督察整改工作领导小组办公室` : g.env;
      return g.env;
  }
}

/** How the official texts refer to the site again: 该厂, 该店, 其. */
export function formalShort(site: Site): string[] {
  const forms = site.scenario.site.short.filter((x) => x.startsWith("该"));
  return forms.length ? forms : ["其", "当事人"];
}

function officialSlots(rng: Rng, site: Site, date: string) {
  return { ...textSlots(rng, site, formalShort(site), date), 河: site.slots["河官"] ?? site.slots["河"] ?? "附近溪沟" };
}

/** 县 / 区 / 市 督察整改办 */
function levelOf(county: County): string {
  return county.name.endsWith("区") ? "区" : county.name.endsWith("市") ? "市" : "县";
}

/** Where the site is, as the investigation writes it. */
function placeOf(site: Site): string {
  const urban = site.town.endsWith("街道") || site.scenario.site.setting === "urban";
  return urban && site.scenario.site.mode === "business"
    ? `${site.county.name}${site.town}${site.slots["路"] ?? ""}`
    : `${site.county.name}${site.town}${site.village}`;
}

function dateCn(iso: string): string {
  const [y, m, d] = iso.split("-").map(Number);
  return `${y}年${m}月${d}日`;
}
function dateShort(iso: string): string {
  const [, m, d] = iso.split("-").map(Number);
  return `${m}月${d}日`;
}
export function addDays(iso: string, n: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

// ---------------------------------------------------------------------------------------------
// findings

export interface FindingsInput {
  rng: Rng;
  parts: readonly Part[];
  claims: readonly Claim[];
  impacts: readonly string[];
  verification: Verification;
  namedSite: boolean;
  date: string;
  repeatOf?: string;
  /** 第N批 and 受理编号 of the earlier complaint */
  repeatRef?: string;
}

/** Which aspects the investigation confirms. */
export function confirmedAspects(rng: Rng, parts: readonly Part[], v: Verification): Set<Aspect> {
  const all = parts.flatMap((p) => p.aspects);
  const ok = new Set<Aspect>();
  if (v === "不属实") return ok;
  if (v === "属实" || v === "基本属实" || all.length === 1) {
    for (const a of all) ok.add(a);
    return ok;
  }
  // 部分属实 with several problems: the first is confirmed, at least one other is not
  const shuffled = [all[0] as Aspect, ...rng.shuffle(all.slice(1))];
  const keep = rng.int(1, shuffled.length - 1);
  shuffled.slice(0, keep).forEach((a) => ok.add(a));
  return ok;
}

export function findings(input: FindingsInput, confirmed: ReadonlySet<Aspect>): string {
  const { rng, parts, verification: v } = input;
  const sentences: string[] = [];
  parts.forEach((p, idx) => {
    const site = p.site;
    const slots = officialSlots(rng, site, input.date);
    let intro: string;
    const sc = site.scenario.site;
    const place = placeOf(site);
    const y = site.foundedYear;
    if (site.scenario.id === "construction") {
      intro = expand(
        rng,
        `${input.namedSite ? "" : "[群众|来电人|举报人]反映的工地为"}{全名}，位于${place}，建设单位为[郴州市|{县}]{字号}[置业|房地产开发|城市建设投资]有限公司，施工单位为湖南${site.slots["姓"] === "欧阳" ? "" : ""}[建工|{字号}建设|湘南建设]集团有限公司`,
        slots,
      );
    } else if (sc.enterprise && site.scenario.id !== "officials") {
      const kind = sc.kind?.[0] ? expand(rng, sc.kind[0], slots) : "企业";
      intro = expand(
        rng,
        `${input.namedSite ? "{全名}" : `[群众|来电人|举报人]反映的${kind}为{全名}，`}位于${place}，[于${y}年成立|成立于${y}年|于${y}年建成投产]，主要从事${site.business}${site.permits && site.scenario.id !== "procedure" ? `，${site.permits}` : ""}`,
        slots,
      );
    } else if (sc.mode === "business") {
      intro = expand(rng, `${input.namedSite ? "" : "[群众|来电人|举报人]反映的[店|经营场所|场所]为"}{全名}，位于${place}，[主要|]从事${site.business}`, slots);
    } else {
      intro = expand(rng, `[反映的|群众反映的|]问题[点位|地点][为|位于]${place}${site.town.endsWith("街道") ? "" : "[{组}|]"}`, slots);
    }
    const lines: string[] = [intro];
    for (const a of p.aspects) {
      lines.push(expand(rng, rng.pick(confirmed.has(a) ? a.found : a.notFound), slots));
    }
    sentences.push((parts.length > 1 ? `${idx + 1}、` : "") + lines.join("；").replace(/；$/, "") + "。");
  });
  const lvl = levelOf((parts[0] as Part).site.county);
  let text = `${rng.pick(["经核查，", "经现场核查，", "经调查核实，", "经核实，", `${dateShort(addDays(input.date, rng.int(0, 2)))}，${lvl}督察整改办会同相关部门到现场核查。`])}`;
  text = expand(rng, text, {});
  text += sentences.join(parts.length > 1 ? "\n" : "");
  if (input.repeatRef) text += `该问题与${input.repeatRef}反映问题为同一问题（重复件）。`;
  // degree: which part of the complaint is not confirmed
  const claimsDenied = input.claims.filter((c) => !confirmed.has(c.aspect));
  if (v === "部分属实" && claimsDenied.length === 0) {
    const candidates = [...input.impacts, ...input.claims.flatMap((c) => c.text.split("，").slice(1)).filter((x) => x.length >= 4 && x.length <= 18)];
    if (candidates.length > 0) {
      const quote = rng.pick(candidates);
      text += expand(rng, `[反映|群众反映|来电反映]“${quote}”的情况，[经走访调查，与实际情况不符|经[走访|走访周边群众|现场核查]未发现|与实际情况不符]。`, {});
    } else text += "但反映问题的严重程度与实际情况不符。";
  }
  if (v === "基本属实") {
    text += expand(
      rng,
      rng.pick([
        "反映问题基本属实，但[影响范围|规模]与反映情况略有出入。",
        "反映的主要问题属实，[个别|部分]细节与实际有出入。",
        `该问题[此前已被发现并开始整改|已于${dateShort(addDays(input.date, -rng.int(3, 20)))}被发现并责令整改]。`,
      ]),
      {},
    );
  }
  const conclusion: Record<Verification, readonly string[]> = {
    属实: ["群众反映问题属实。", "该问题属实。", "反映问题属实。"],
    基本属实: ["群众反映问题基本属实。", ""],
    部分属实: ["群众反映问题部分属实。", "该信访件反映问题部分属实。", "反映问题部分属实。"],
    不属实: ["群众反映问题不属实。", "反映问题不属实。", "该信访件反映问题不属实。"],
  };
  if (rng.chance(0.8)) text += rng.pick(conclusion[v]);
  return text.replace(/。。/g, "。");
}

// ---------------------------------------------------------------------------------------------
// actions

export interface ActionsInput {
  rng: Rng;
  parts: readonly Part[];
  verification: Verification;
  confirmed: ReadonlySet<Aspect>;
  date: string;
  key: boolean;
  repeat: boolean;
  /** the text mentions officials not acting */
  inaction: boolean;
}

const FINE_RANGES: Record<string, readonly [number, number]> = {
  扬尘: [10000, 100000],
  工业废气: [50000, 400000],
  "恶臭/异味": [20000, 200000],
  工业废水: [100000, 600000],
  矿山废水: [100000, 500000],
  养殖废水: [10000, 100000],
  工业噪声: [5000, 50000],
  施工噪声: [10000, 50000],
  社会生活噪声: [500, 5000],
  油烟: [5000, 20000],
  危险废物: [50000, 300000],
  工业固废: [20000, 200000],
  建筑垃圾: [5000, 50000],
  "非法采矿/采砂": [20000, 500000],
  "毁林/破坏植被": [10000, 200000],
  自然保护地: [50000, 300000],
  河道岸线: [10000, 100000],
  矿山修复: [50000, 300000],
  生活污水: [10000, 100000],
};

function fineText(rng: Rng, yuan: number): string {
  if (yuan >= 10000 && rng.chance(0.6)) {
    const wan = yuan / 10000;
    return `${rng.pick(["罚款", "处罚款", "罚款人民币"])}${Number.isInteger(wan) ? wan : wan.toFixed(1).replace(/\.0$/, "")}万元`;
  }
  return `${rng.pick(["罚款人民币", "罚款", "处罚款人民币"])}${yuan}元`;
}

function roundFine(rng: Rng, lo: number, hi: number): number {
  const x = lo + (hi - lo) * Math.pow(rng.next(), 1.6);
  const step = x >= 100000 ? 10000 : x >= 10000 ? 1000 : 500;
  return Math.max(step, Math.round(x / step) * step);
}

export interface Actions {
  text: string;
  enforcement: Enforcement;
  accountability: string;
  /** 责任人被处理情况 added later (after 07-16), with the snapshot it appears in */
  laterAccountability?: { from: string; text: string };
}

export function actions(input: ActionsInput): Actions {
  const { rng, parts, verification: v, confirmed } = input;
  const first = parts[0] as Part;
  const site = first.site;
  const slots = officialSlots(rng, site, input.date);
  const e: Enforcement = { caseFiled: false, fine: 0, fineText: "", suspended: false, seized: false, detained: 0, interviewed: 0, accountable: 0 };
  const items: string[] = [];
  if (v === "不属实") {
    items.push(
      expand(
        rng,
        rng.pick([
          "[针对群众关切|为消除群众疑虑]，{局}将该处纳入日常监管，[加强|加密]巡查频次",
          "{局}[已|]将[核查|监测]结果[向来电人|向举报人|向周边群众]反馈，[做好|并做好]解释工作",
          "[属地|{镇}][政府|]加强日常巡查，[发现问题及时处理|防止问题发生]",
        ]),
        { ...slots, 局: agencyFor(first.aspects[0] as Aspect, site) },
      ),
    );
    if (rng.chance(0.5)) items.push(expand(rng, "[向|与][来电人|举报人|周边群众][沟通|反馈][核查|调查]结果，[群众表示理解|做好解释工作]", slots));
    return { text: numbered(rng, items), enforcement: e, accountability: "无" };
  }
  for (const p of parts) {
    const pslots = officialSlots(rng, p.site, input.date);
    for (const a of p.aspects) {
      if (!confirmed.has(a)) continue;
      const agency = agencyFor(a, p.site);
      const template = rng.pick(a.fix);
      if (template.startsWith("!")) items.push(expand(rng, `${agency}${template.slice(1)}`, pslots));
      else items.push(expand(rng, `${agency}[现场|已|]责令[{短}|{短}|其]${template}`, pslots));
    }
  }
  // enforcement against an enterprise or a person
  const confirmedSubs = parts.flatMap((p) => p.aspects.filter((a) => confirmed.has(a)));
  const mainAspect = confirmedSubs[0] ?? (first.aspects[0] as Aspect);
  const punishable =
    site.scenario.id !== "officials" &&
    site.scenario.id !== "black-water" &&
    site.scenario.id !== "soil" &&
    site.scenario.id !== "domestic-sewage" &&
    site.scenario.id !== "landfill" &&
    site.scenario.id !== "radiation" &&
    site.scenario.id !== "drinking-water" &&
    site.scenario.id !== "square-dance";
  const pEnforce = v === "属实" ? 0.6 : v === "基本属实" ? 0.5 : 0.3;
  if (punishable && rng.chance(pEnforce + (input.key ? 0.2 : 0) + (input.repeat ? 0.15 : 0))) {
    const range = FINE_RANGES[mainAspect.sub] ?? [10000, 100000];
    e.caseFiled = true;
    e.fine = roundFine(rng, range[0], range[1]);
    e.fineText = fineText(rng, e.fine);
    const agency = agencyFor(mainAspect, site);
    const what = agency.includes("生态环境") ? "[违法行为|环境违法行为]" : "违法行为";
    items.push(expand(rng, `${agency}[对其|对该]${what}[依法|]立案[查处|调查]，[拟|已|依法]${e.fineText}`, slots));
    const serious = input.key || ["工业废气", "工业废水", "矿山废水", "危险废物", "非法采矿/采砂", "自然保护地"].includes(mainAspect.sub);
    if (serious && rng.chance(0.35)) {
      e.suspended = true;
      items.push(expand(rng, "[责令|依法责令][该企业|{短}|其]停产整治[，整改到位前不得恢复生产|]", slots));
    }
    if (serious && rng.chance(0.22)) {
      e.seized = true;
      items.push(expand(rng, `[对|依法对][其|该企业|涉案][生产设备|设施|挖机{n}台|车辆]实施查封扣押`, slots));
    }
    if (["危险废物", "非法采矿/采砂"].includes(mainAspect.sub) && rng.chance(0.35)) {
      e.detained = rng.int(1, 3);
      items.push(expand(rng, `[将|]案件移送[公安机关|{县}公安局]，[对|][相关|涉案]人员行政拘留${e.detained}人`, slots));
    }
  }
  // officials
  let accountability = "无";
  let later: Actions["laterAccountability"];
  if (input.inaction || input.repeat || input.key || rng.chance(0.06)) {
    if (rng.chance(input.inaction || input.repeat ? 0.6 : 0.35)) {
      e.interviewed = rng.int(1, 3);
      const who = [`${site.town}分管负责人`, `${site.village}党支部书记`, `${agencyFor(mainAspect, site)}相关负责人`].slice(0, e.interviewed);
      items.push(`约谈${who.join("、")}${e.interviewed > 1 ? `共${e.interviewed}人` : "1人"}`);
      accountability = `对${who.join("、")}${e.interviewed > 1 ? `共${e.interviewed}人` : ""}进行约谈`;
      if ((input.repeat || input.inaction) && rng.chance(0.35)) {
        e.accountable = rng.int(1, 3);
        const forms = rng.pick([`诫勉谈话${e.accountable}人`, `提醒谈话${e.accountable}人`, `批评教育${e.accountable}人`]);
        items.push(`问责${e.accountable}人`);
        accountability += `；对${site.town}[分管负责人|相关工作人员]等${e.accountable}人进行问责（${forms}）`;
        accountability = expand(rng, accountability, {});
        if (rng.chance(0.5)) later = { from: "2023-10-31", text: `经${site.county.name}纪委监委调查，给予${site.town}分管负责人政务警告处分` };
      }
    }
  }
  if (items.length === 0) items.push(expand(rng, "[{镇}|属地政府]加强日常巡查，[督促|要求][{短}|当事人]规范[生产|经营]", slots));
  return { text: numbered(rng, items), enforcement: e, accountability, laterAccountability: later };
}

function numbered(rng: Rng, items: readonly string[]): string {
  if (items.length === 1) return `${items[0]}。`;
  if (rng.chance(0.2)) return `${items.join("；")}。`;
  const sep = rng.chance(0.3) ? "\n" : "";
  return items.map((s, i) => `${i + 1}、${s}${i === items.length - 1 ? "。" : "；"}`).join(sep);
}

// ---------------------------------------------------------------------------------------------
// progress

export type Status = "已办结" | "阶段性办结" | "正在办理";

/** The sentence closing 处理和整改情况 for the status at a snapshot. */
export function progressTail(rng: Rng, status: Status, asOf: string, closeDate: string | undefined, first: boolean, longTerm: boolean): string {
  const when = dateCn(asOf);
  if (status === "已办结") {
    const c = closeDate ? dateCn(closeDate) : when;
    return first
      ? expand(rng, `[目前，|现][该问题|问题][已整改到位|已整改完成]，[已|并于${c}]办结。`, {})
      : expand(rng, `截至${when}，[该问题|问题][已整改完成|整改已完成]，于${c}通过[验收|县级验收]并销号。`, {});
  }
  if (status === "阶段性办结") {
    return first
      ? expand(
          rng,
          longTerm
            ? "[目前，|现][阶段性整改|主体整改]已完成，[后续|将]持续加强监管，[防止反弹|巩固整改成效]。"
            : "[目前，|现][主体整改|阶段性整改]已完成，[剩余|后续][整改|修复]工作正在推进。",
          {},
        )
      : expand(rng, `截至${when}，[阶段性整改|主体整改]已完成，[长效监管|后续整改|生态修复]工作持续推进。`, {});
  }
  return first
    ? expand(rng, "[目前，|现][整改|相关]工作正在[推进|有序推进]中。", {})
    : expand(rng, `截至${when}，[整改|治理]工作[仍在推进|正在推进|已完成约${cn(rng.int(3, 8))}成]。`, {});
}
