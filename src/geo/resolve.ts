import type { AreaResolution } from "../model/complaint.js";
import { compact } from "../text/normalize.js";
import { type County, type Prefecture, divisions, shortName } from "./divisions.js";

/**
 * Where the complaints come from, used to rank ambiguous names (several counties of China are
 * called 朝阳区) and to read short forms (苏仙 -> 苏仙区). Names or GB/T 2260 codes.
 */
export interface AreaContext {
  province?: string;
  prefecture?: string;
}

/** 湖南省郴州市, the seed inspection's prefecture. */
export const DEFAULT_AREA_CONTEXT: AreaContext = { province: "湖南省", prefecture: "郴州市" };

/** A cell resolved to a county, with a warning when the user should look at it. */
export interface AreaResult {
  area: AreaResolution;
  /** set when the user should look at this cell (unresolved, ambiguous, outside the context) */
  warning?: string;
}

interface Named<T> {
  name: string;
  items: T[];
}

/** Names grouped by first character, longest first, for prefix matching. */
class PrefixIndex<T> {
  private byFirst = new Map<string, Named<T>[]>();

  add(name: string, item: T): void {
    const first = name[0]!;
    let list = this.byFirst.get(first);
    if (!list) this.byFirst.set(first, (list = []));
    const entry = list.find((n) => n.name === name);
    if (entry) entry.items.push(item);
    else list.push({ name, items: [item] });
  }

  finish(): this {
    for (const list of this.byFirst.values()) list.sort((a, b) => b.name.length - a.name.length);
    return this;
  }

  /** Every name that `s` starts with, longest first. */
  *prefixes(s: string): Generator<Named<T>> {
    for (const n of this.byFirst.get(s[0] ?? "") ?? []) if (s.startsWith(n.name)) yield n;
  }

  get(name: string): T[] {
    return this.byFirst.get(name[0] ?? "")?.find((n) => n.name === name)?.items ?? [];
  }
}

interface Indexes {
  countyFull: PrefixIndex<County>;
  countyShort: PrefixIndex<County>;
  prefFull: PrefixIndex<Prefecture>;
  prefShort: PrefixIndex<Prefecture>;
  province: PrefixIndex<string>;
}

let indexes: Indexes | undefined;

function buildIndexes(): Indexes {
  if (indexes) return indexes;
  const d = divisions();
  const countyFull = new PrefixIndex<County>();
  const countyShort = new PrefixIndex<County>();
  for (const c of d.counties) {
    countyFull.add(c.name, c);
    const s = shortName(c.name);
    if (s) countyShort.add(s, c);
  }
  const prefFull = new PrefixIndex<Prefecture>();
  const prefShort = new PrefixIndex<Prefecture>();
  const province = new PrefixIndex<string>();
  for (const p of d.prefectures) {
    prefFull.add(p.name, p);
    const s = shortName(p.name, "prefecture");
    if (s) prefShort.add(s, p);
    // 湘西土家族苗族自治州 is commonly written 湘西州
    if (s && p.name.endsWith("自治州")) prefShort.add(`${s}州`, p);
  }
  const provinces = new Map(d.prefectures.map((p) => [p.provinceCode, p.province]));
  for (const [code, name] of provinces) {
    province.add(name, code);
    const s = shortName(name, "province");
    if (s) province.add(s, code);
  }
  indexes = {
    countyFull: countyFull.finish(),
    countyShort: countyShort.finish(),
    prefFull: prefFull.finish(),
    prefShort: prefShort.finish(),
    province: province.finish(),
  };
  return indexes;
}

function normalizeCell(cell: string): string {
  return compact(cell).replace(/\([^)]*\)$/, "");
}

function toArea(raw: string, c: County, method: AreaResolution["method"]): AreaResolution {
  return {
    raw,
    method,
    code: c.code,
    county: c.name,
    prefectureCode: c.prefectureCode,
    prefecture: c.prefecture,
    provinceCode: c.provinceCode,
    province: c.province,
  };
}

interface CellHit {
  county?: County;
  /** the counties an ambiguous name could be (several 宝山区): a text naming one's prefecture decides */
  candidates?: County[];
  /** the prefecture the cell named, when it named no county */
  scope?: Prefecture;
  /** the cell named something besides the prefecture that is not a county (郴州高新区) */
  unrecognised?: boolean;
  warning?: string;
  result?: AreaResult;
}

/** 湖南省郴州市苏仙区; a municipality's districts without the repeated name: 北京市朝阳区. */
export function fullCountyName(c: County): string {
  return c.province === c.prefecture ? `${c.province}${c.name}` : `${c.province}${c.prefecture}${c.name}`;
}

/** After a short county name, a word that makes it another unit's name (南湖新区, 衡阳市). */
const OTHER_UNIT = /^(?:新区|新城|开发区|高新区|经开区|经济开发区|工业园|园区|[区县市旗州盟])/;

/** "上海市宝山区" / "黑龙江省双鸭山市宝山区", for a warning. */
const placeOf = (c: County): string => fullCountyName(c);

function ambiguityWarning(cell: string, ambiguous: ReadonlySet<string>): string {
  return `行政区域「${cell}」有重名，无法确定：${[...ambiguous].join("；")}。请用 --context 指明省或市，或在行政区域中写明所属市`;
}

/** Names of a county's prefecture and province a text may use to say where it is. */
function placeNames(c: County): string[] {
  const out = [c.prefecture, shortName(c.prefecture, "prefecture"), c.province, shortName(c.province, "province")];
  return [...new Set(out.filter((n): n is string => !!n && n.length >= 2 && !n.includes("直辖")))];
}

let prefShortCache: Set<string> | undefined;
/** Short names of every prefecture: 衡阳, 长沙, 朝阳… */
function prefectureShortNames(): Set<string> {
  prefShortCache ??= new Set(
    divisions()
      .prefectures.map((p) => shortName(p.name, "prefecture"))
      .filter((n): n is string => !!n),
  );
  return prefShortCache;
}

interface TextMatcher {
  /** names by their first character, longest first */
  byFirst: Map<string, string[]>;
  byName: Map<string, { county: County; rank: number }>;
}

/**
 * Resolves 行政区域 cells to county-level units. Results per distinct cell are cached, so a
 * table of 100,000 rows with a few dozen distinct cells costs a few dozen resolutions.
 */
export class AreaResolver {
  readonly provinceCode: string | undefined;
  readonly prefectureCode: string | undefined;
  private cellCache = new Map<string, CellHit>();
  private textMatchers = new Map<string, TextMatcher>();

  constructor(context: AreaContext = DEFAULT_AREA_CONTEXT) {
    const ix = buildIndexes();
    const d = divisions();
    if (context.province) {
      const code = /^\d{6}$/.test(context.province) ? context.province : ix.province.get(normalizeCell(context.province))[0];
      // a code is a province only if some prefecture lies in it (990000 had been taken as one)
      if (!code || ![...d.prefectureByCode.values()].some((p) => p.provinceCode === code))
        throw new Error(`unknown province in area context: ${context.province}`);
      this.provinceCode = code;
    }
    if (context.prefecture) {
      const p = /^\d{6}$/.test(context.prefecture)
        ? d.prefectureByCode.get(context.prefecture)
        : this.pickPrefecture([...ix.prefFull.get(normalizeCell(context.prefecture)), ...ix.prefShort.get(normalizeCell(context.prefecture))]);
      if (!p) throw new Error(`unknown prefecture in area context: ${context.prefecture}`);
      this.prefectureCode = p.code;
      this.provinceCode ??= p.provinceCode;
    }
  }

  /** Resolve a 行政区域 cell; when it names no county, look for one in the complaint text. */
  resolve(cell: string, text = ""): AreaResult {
    const raw = cell.trim();
    let hit = this.cellCache.get(raw);
    if (!hit) {
      hit = this.resolveCell(normalizeCell(raw));
      this.cellCache.set(raw, hit);
    }
    if (hit.county) {
      // shared by every record with this cell: records treat their area as read-only
      hit.result ??= { area: toArea(raw, hit.county, "cell"), ...(hit.warning ? { warning: hit.warning } : {}) };
      return hit.result;
    }

    if (hit.candidates) {
      const chosen = text ? this.choose(hit.candidates, text) : undefined;
      if (chosen) {
        return { area: toArea(raw, chosen.county, "cell"), ...(this.outside(chosen.county, raw).warning ? this.outside(chosen.county, raw) : {}) };
      }
      return { area: { raw, method: "unresolved" }, warning: hit.warning! };
    }

    // national context: a prefecture the text names (吴忠市利通区…) narrows the search
    const scope = hit.scope ?? (!this.prefectureCode && !this.provinceCode && text ? this.prefectureInText(text) : undefined);
    const fromText = text ? this.findInText(text, scope?.code ?? this.prefectureCode) : undefined;
    if (fromText) {
      const warnings = [
        raw && (!hit.scope || hit.unrecognised) ? `行政区域「${raw}」无法识别，按投诉内容中的「${fromText.word}」定为${fromText.county.name}` : "",
        this.outside(fromText.county, raw || fromText.word).warning ?? "",
      ].filter(Boolean);
      return { area: toArea(raw, fromText.county, "text"), ...(warnings.length ? { warning: warnings.join("；") } : {}) };
    }
    const area: AreaResolution = { raw, method: "unresolved" };
    if (scope) {
      area.prefectureCode = scope.code;
      area.prefecture = scope.name;
      area.provinceCode = scope.provinceCode;
      area.province = scope.province;
    }
    const warning =
      hit.warning ??
      (raw
        ? hit.scope
          ? `行政区域「${raw}」未写到县（市、区），投诉内容中也没有县（市、区）名，只能定到${hit.scope.name}${this.outsidePrefecture(hit.scope)}`
          : `行政区域「${raw}」无法识别为县级行政区，已保留该件`
        : "行政区域为空，投诉内容中也没有县（市、区）名，已保留该件");
    return { area, warning };
  }

  /** "，不在湖南省" when a prefecture lies outside the context. */
  private outsidePrefecture(p: Prefecture): string {
    const d = divisions();
    if (this.prefectureCode && p.code !== this.prefectureCode) return `，不在${d.prefectureByCode.get(this.prefectureCode)?.name ?? this.prefectureCode}`;
    if (this.provinceCode && p.provinceCode !== this.provinceCode)
      return `，不在${d.prefectures.find((x) => x.provinceCode === this.provinceCode)?.province ?? this.provinceCode}`;
    return "";
  }

  private rank(c: { provinceCode: string; prefectureCode?: string }, scope?: Prefecture, provinceCode?: string): number {
    if (scope && c.prefectureCode === scope.code) return 0;
    if (!scope && !provinceCode && this.prefectureCode && c.prefectureCode === this.prefectureCode) return 0;
    const prov = scope?.provinceCode ?? provinceCode ?? this.provinceCode;
    if (prov && c.provinceCode === prov) return 1;
    return 2;
  }

  /** The best candidate by context; undefined when the best rank is shared (ambiguous). */
  private pick<T extends { provinceCode: string; prefectureCode?: string }>(items: T[], scope?: Prefecture, provinceCode?: string): T | undefined {
    if (items.length <= 1) return items[0];
    const ranked = items.map((c) => ({ c, r: this.rank(c, scope, provinceCode) })).sort((a, b) => a.r - b.r);
    return ranked[0]!.r < ranked[1]!.r ? ranked[0]!.c : undefined;
  }

  private pickPrefecture(items: Prefecture[]): Prefecture | undefined {
    return this.pick(items.map((p) => ({ ...p, prefectureCode: p.code })));
  }

  private resolveCell(s: string): CellHit {
    if (!s) return {};
    const ix = buildIndexes();
    const ambiguous = new Set<string>();
    const candidates: County[] = [];
    let provinceCode: string | undefined;
    const tryCounties = (rest: string, index: PrefixIndex<County>, scope?: Prefecture): County | undefined => {
      for (const n of index.prefixes(rest)) {
        // a short name followed by a unit word names another unit: 南湖新区 is not 南湖(区)
        if (index === ix.countyShort && OTHER_UNIT.test(rest.slice(n.name.length))) continue;
        const c = this.pick(n.items, scope, provinceCode);
        if (c) return c;
        const best = this.bestRanked(n.items, scope, provinceCode);
        candidates.push(...best.filter((b) => !candidates.includes(b)));
        ambiguous.add(`${n.name}可能是${best.map((i) => placeOf(i)).join("、")}`);
      }
      return undefined;
    };

    // A full county name first: 衡阳县 must not be read as 衡阳(市) + 县.
    const direct = tryCounties(s, ix.countyFull);
    if (direct) return { county: direct, ...this.outside(direct, s) };
    const directCandidates = candidates.length ? [...candidates] : undefined;

    let rest = s;
    let scope: Prefecture | undefined;
    for (const n of ix.province.prefixes(rest)) {
      provinceCode = n.items[0]!;
      rest = rest.slice(n.name.length);
      // a municipality is its own prefecture: 北京市朝阳区
      scope = divisions().prefectureByCode.get(provinceCode);
      break;
    }
    for (const index of scope ? [] : [ix.prefFull, ix.prefShort]) {
      for (const n of index.prefixes(rest)) {
        // 朝阳区 is not 朝阳(市) + 区
        if (index === ix.prefShort && /^[区县市州盟旗]/.test(rest.slice(n.name.length))) continue;
        const inProvince = provinceCode ? n.items.filter((p) => p.provinceCode === provinceCode) : n.items;
        const p = this.pickPrefecture(inProvince);
        if (p) {
          scope = p;
          rest = rest.slice(n.name.length);
          break;
        }
      }
      if (scope) break;
    }
    // a prefecture-level city without counties (东莞市) is its own county-level unit
    const only = scope && divisions().countyByCode.get(scope.code);
    if (only) return { county: only, ...this.outside(only, s) };
    if (!rest) return scope ? { scope } : directCandidates ? { candidates: directCandidates, warning: ambiguityWarning(s, ambiguous) } : {};

    const county = tryCounties(rest, ix.countyFull, scope) ?? tryCounties(rest, ix.countyShort, scope);
    if (county) return { county, ...this.outside(county, s) };

    // A town (镇, 乡, 街道) of Hunan written without its county: 白露塘镇 -> 苏仙区.
    const town = this.findInText(rest, scope?.code ?? this.prefectureCode, true);
    if (town) return { county: town.county };

    if (ambiguous.size) {
      return { ...(scope ? { scope } : {}), ...(candidates.length ? { candidates } : {}), warning: ambiguityWarning(s, ambiguous) };
    }
    return scope ? { scope, unrecognised: true } : {};
  }

  /** The candidates sharing the best context rank (all of them when none is nearer the context). */
  private bestRanked<T extends { provinceCode: string; prefectureCode?: string }>(items: T[], scope?: Prefecture, provinceCode?: string): T[] {
    const ranks = items.map((c) => this.rank(c, scope, provinceCode));
    const best = Math.min(...ranks);
    return items.filter((_, i) => ranks[i] === best);
  }

  /** The one candidate whose prefecture or province the text names (上海市宝山区…), if exactly one. */
  private choose(candidates: readonly County[], text: string): { county: County; word: string } | undefined {
    const named = candidates
      .map((c) => ({ county: c, word: placeNames(c).find((n) => text.includes(n)) }))
      .filter((x): x is { county: County; word: string } => x.word !== undefined);
    return named.length === 1 ? named[0] : undefined;
  }

  /** A prefecture named in full in the text (银川市, 吴忠市, 西宁市), the first one. */
  private prefectureInText(text: string): Prefecture | undefined {
    const ix = buildIndexes();
    for (let i = 0; i < text.length; i++) {
      for (const n of ix.prefFull.prefixes(text.slice(i, i + 12))) {
        if (n.items.length === 1 && n.name.length >= 3) return n.items[0];
      }
    }
    return undefined;
  }

  /** A warning when a resolved county lies outside the context prefecture or province. */
  private outside(c: County, cell: string): { warning?: string } {
    const d = divisions();
    if (this.prefectureCode && c.prefectureCode !== this.prefectureCode) {
      return { warning: `行政区域「${cell}」是${fullCountyName(c)}，不在${d.prefectureByCode.get(this.prefectureCode)?.name ?? this.prefectureCode}` };
    }
    if (this.provinceCode && c.provinceCode !== this.provinceCode) {
      const province = d.prefectures.find((p) => p.provinceCode === this.provinceCode)?.province ?? this.provinceCode;
      return { warning: `行政区域「${cell}」是${fullCountyName(c)}，不在${province}` };
    }
    return {};
  }

  private textMatcher(prefectureCode: string | undefined): TextMatcher {
    const key = prefectureCode ?? "";
    let m = this.textMatchers.get(key);
    if (m) return m;
    const d = divisions();
    const byName = new Map<string, { county: County; rank: number }>();
    const duplicate = new Set<string>();
    const add = (name: string, county: County, rank: number) => {
      const prev = byName.get(name);
      if (prev && prev.county.code !== county.code) {
        if (prev.rank === rank) duplicate.add(name);
        if (prev.rank <= rank) return;
      }
      byName.set(name, { county, rank });
    };
    // the whole country: full county names of three characters or more only (短名 and town names
    // repeat across provinces); names used twice are dropped below
    const national = !prefectureCode && !this.provinceCode;
    const local = national
      ? d.counties
      : d.counties.filter((c) => (prefectureCode ? c.prefectureCode === prefectureCode : c.provinceCode === this.provinceCode));
    const localSet = new Set(local);
    for (const c of local) if (!national || c.name.length >= 3) add(c.name, c, 0);
    if (!national) {
      for (const t of d.towns) {
        const c = d.countyByCode.get(t.countyCode);
        if (c && localSet.has(c) && t.name.length >= 3) add(t.name, c, 1);
      }
      const prefectureShort = prefectureShortNames();
      for (const c of local) {
        const s = shortName(c.name);
        // 衡阳 in a text is the city (衡阳市) more often than 衡阳县: only the full name counts
        if (s && !prefectureShort.has(s)) add(s, c, 2);
      }
    }
    for (const name of duplicate) byName.delete(name);
    const byFirst = new Map<string, string[]>();
    for (const name of [...byName.keys()].sort((a, b) => b.length - a.length)) {
      const list = byFirst.get(name[0]!);
      if (list) list.push(name);
      else byFirst.set(name[0]!, [name]);
    }
    m = { byFirst, byName };
    this.textMatchers.set(key, m);
    return m;
  }

  /**
   * The county a text names: a full county name first, then a town, then a short county name;
   * the earliest mention within the same kind.
   */
  findInText(text: string, prefectureCode: string | undefined, townsOnly = false): { county: County; word: string } | undefined {
    const { byFirst, byName } = this.textMatcher(prefectureCode);
    let best: { county: County; word: string; rank: number } | undefined;
    for (let i = 0; i < text.length; i++) {
      const names = byFirst.get(text[i]!);
      if (!names) continue;
      for (const name of names) {
        if (!text.startsWith(name, i)) continue;
        const hit = byName.get(name)!;
        if (!(townsOnly && hit.rank !== 1) && (!best || hit.rank < best.rank)) best = { county: hit.county, word: name, rank: hit.rank };
        i += name.length - 1; // leftmost-longest, like the regex it replaces
        break;
      }
      if (best?.rank === 0) break;
    }
    return best && { county: best.county, word: best.word };
  }
}

/** The whole country: no province or prefecture is nearer than another. */
export const NATIONAL_AREA_CONTEXT: AreaContext = {};

/**
 * Read a context given on the command line: "全国", "湖南省郴州市", "郴州市", "郴州", "湖南省",
 * "431000" (a prefecture) or "430000" (a province). Throws when it names no known province or
 * prefecture, so that a typo is reported where the user wrote it (--context, DUCHA_CONTEXT) and
 * not when the first row is read.
 */
export function parseAreaContext(spec: string): AreaContext {
  const context = readAreaContext(spec);
  new AreaResolver(context); // its constructor checks the names and codes
  return context;
}

/**
 * The province code of an area context (湖南省郴州市 -> "430000", 431100 -> "430000"); undefined
 * for the whole country (全国). Throws for names or codes that name nothing, as parseAreaContext.
 */
export function contextProvinceCode(context: AreaContext): string | undefined {
  return new AreaResolver(context).provinceCode;
}

function readAreaContext(spec: string): AreaContext {
  const s = normalizeCell(spec);
  if (/^(?:全国|中国|national|china|000000)$/i.test(s)) return NATIONAL_AREA_CONTEXT;
  if (/^\d{6}$/.test(s)) {
    if (s.endsWith("0000")) return { province: s };
    return { prefecture: s };
  }
  const ix = buildIndexes();
  for (const n of ix.province.prefixes(s)) {
    const rest = s.slice(n.name.length);
    return rest ? { province: n.name, prefecture: rest } : { province: n.name };
  }
  return { prefecture: s };
}
