import { isPlaceName, isSingleCharWord, isStopWord, segment, useWords } from "../text/segment.js";
import { neutralizePii } from "./neutralize.js";
import { type KeyCaseCue, keyCaseWords } from "./keycase.js";
import type { LexEntry, Lexicon, NegationKind } from "./lexicon.js";
import type { TargetKind } from "./target.js";
import { TokenTable } from "./token-table.js";

/** A lexicon word found in a complaint. */
export interface Hit {
  entry: LexEntry;
  /** the token it was found in */
  token: number;
  /** the mention is negated or resolved (没有异味, 以前的废水问题已解决) */
  negated: boolean;
  /**
   * the mention follows a hedge in its clause (怀疑其没有环评手续, 可能使废土排入河道): a suspicion
   * or a possibility, still a feature but never decisive on its own
   */
  hedged: boolean;
}

/** What the classifier sees of a text. */
export interface Analysis {
  tokens: string[];
  /** what each token means (shared, cached objects: read-only) */
  infos: TokenInfo[];
  /** clause number of each token (clauses end at 。！？；，,;!? and line breaks) */
  clause: number[];
  typeHits: Hit[];
  themeHits: Hit[];
  /** for each content word (a model feature, see {@link featureWords}): its token's info, and whether the mention is negated */
  featureInfos: TokenInfo[];
  featureNegated: boolean[];
}

const PLACEHOLDER = /[XＸ]{2,}|×{2,}|\*{2,}/g;
const CLAUSE_END = /^[。！？；，,;!?\n\r]+$|^\s*\n/;
const NEG = "¬";

/**
 * Lexicon entries found in one token: whole-token matches first, else the longest words
 * inside it, without overlaps (选矿废水 -> 废水). Cached per token: a corpus has far fewer
 * distinct tokens than tokens.
 */
function tokenHits(lex: Lexicon, table: Map<string, LexEntry[]>, cache: Map<string, LexEntry[]>, token: string): LexEntry[] {
  let hits = cache.get(token);
  if (hits) return hits;
  hits = table.get(token) ?? [];
  if (!hits.length && token.length > 1) {
    const found: LexEntry[] = [];
    for (let i = 0; i < token.length;) {
      let matched = 0;
      for (let len = Math.min(lex.maxLength, token.length - i); len >= 1; len--) {
        if (len === token.length) continue;
        const e = table.get(token.slice(i, i + len));
        if (e) {
          found.push(...e);
          matched = len;
          break;
        }
      }
      i += matched || 1;
    }
    hits = found;
  }
  cache.set(token, hits);
  return hits;
}

/**
 * What a token means, computed once per distinct token. Later stages keep their own per-token
 * facts here too (the memo fields below, filled on first use), so that a token costs one hash
 * lookup for the whole pipeline. A memo written by one model or rule set is marked with its
 * owner, so that an info read by another recomputes it.
 */
export interface TokenInfo {
  /** the token itself */
  token: string;
  clauseEnd: boolean;
  types: LexEntry[];
  themes: LexEntry[];
  /** some lexicon entry was found in the token (types or themes not empty) */
  lexical: boolean;
  /** negation kinds of the token itself */
  cues: readonly NegationKind[];
  facility: boolean;
  history: boolean;
  resolved: boolean;
  contrast: boolean;
  /** a hedge (怀疑, 可能): the lexicon words after it in its clause are hedged */
  hedge: boolean;
  /** history, resolved or contrast: the token bears on whether its clause tells of a problem dealt with */
  bearsOnResolution: boolean;
  /** not a model feature: a stop word, punctuation, a number, a place name or a stray character */
  stop: boolean;
  /** the token names a place (兴宁镇, 塘冲村): no lexicon word is looked for inside it */
  place: boolean;
  /** the feature string when negated */
  negated: string;
  /** memo of CompiledModels.vector: the model it was computed for, and the token's word ids there (-1: no model word) */
  modelOwner: object | undefined;
  modelWord: number;
  modelNegatedWord: number;
  /** memo of findTargetAndPlace: what the token is for target and place extraction */
  targetKind: TargetKind | undefined;
  /** memo of KeyCaseMatcher.match: the matcher it was computed for, and the 重点件 cues in the token */
  keyCaseOwner: object | undefined;
  keyCaseCues: readonly KeyCaseCue[] | undefined;
}

const NO_CUES: readonly NegationKind[] = [];
const NO_ENTRIES: LexEntry[] = [];

export class Analyzer {
  private typeCache = new Map<string, LexEntry[]>();
  private themeCache = new Map<string, LexEntry[]>();
  private infoCache = new TokenTable<TokenInfo>();

  /** a before-cue of two to four characters anywhere, or a one-character one at the end */
  private beforeRe: RegExp;
  /** an after-cue of two to five characters, not preceded by 不 or 未 */
  private afterRe: RegExp;

  constructor(readonly lex: Lexicon) {
    // jieba must keep every lexicon word and 重点件 cue whole, or the analyzer would not see it
    // as one token (the bundled cues: training and evaluation read the same tokens as classify)
    useWords(lex.words);
    useWords(keyCaseWords());
    const cues = (kind: NegationKind, min: number, max: number) =>
      [...lex.negation]
        .filter(([w, k]) => k.includes(kind) && w.length >= min && w.length <= max)
        .map(([w]) => w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"))
        .sort((a, b) => b.length - a.length);
    const multi = cues("before", 2, 4);
    const single = cues("before", 1, 1);
    const never = "(?!)";
    this.beforeRe = new RegExp(`${multi.length ? multi.join("|") : never}|(?:${single.length ? single.join("|") : never})$`);
    const after = cues("after", 2, 5);
    this.afterRe = new RegExp(`(?<![不未])(?:${after.length ? after.join("|") : never})`);
  }

  private cues(token: string): readonly string[] {
    return this.lex.negation.get(token) ?? NO_CUES;
  }

  /** A token's info: one table lookup (small enough to be inlined where it is called for every token). */
  private info(t: string): TokenInfo {
    return this.infoCache.get(t) ?? this.newInfo(t);
  }

  private newInfo(t: string): TokenInfo {
    const cues = this.lex.negation.get(t) ?? NO_CUES;
    // a place is where, not what: 石灰村 is no complaint about 石灰 (unless the whole name is a lexicon word)
    const place = isPlaceName(t) && !this.lex.types.has(t) && !this.lex.themes.has(t);
    const types = place ? NO_ENTRIES : tokenHits(this.lex, this.lex.types, this.typeCache, t);
    const themes = place ? NO_ENTRIES : tokenHits(this.lex, this.lex.themes, this.themeCache, t);
    const i: TokenInfo = {
      token: t,
      clauseEnd: CLAUSE_END.test(t),
      types,
      themes,
      lexical: types.length > 0 || themes.length > 0,
      cues,
      facility: cues.includes("facility"),
      history: cues.includes("history"),
      resolved: cues.includes("resolved"),
      contrast: cues.includes("contrast"),
      hedge: cues.includes("hedge"),
      bearsOnResolution: cues.includes("history") || cues.includes("resolved") || cues.includes("contrast"),
      // a single character is a feature only if it is a word (灰, 吵) or a lexicon entry (熏)
      stop: place || isStopWord(t) || (t.length === 1 && !isSingleCharWord(t) && !this.lex.types.has(t) && !this.lex.themes.has(t)),
      place,
      negated: NEG + t,
      modelOwner: undefined,
      modelWord: -1,
      modelNegatedWord: -1,
      targetKind: undefined,
      keyCaseOwner: undefined,
      keyCaseCues: undefined,
    };
    if (this.infoCache.size > 200_000) {
      // the per-token lexicon hits are read only from here: they go with the infos they fed, or a
      // year of real text (far more distinct tokens than the generated rows) grows them without end
      this.infoCache.clear();
      this.typeCache.clear();
      this.themeCache.clear();
    }
    this.infoCache.set(t, i);
    return i;
  }

  /**
   * What the analyzer reads of a text: personal data and redaction marks neutralised
   * (neutralize.ts), "XX" placeholders for names read as 某. With `report`, says whether personal
   * data was found in `text` (see neutralizePii).
   */
  static clean(text: string, report?: { pii: boolean }): string {
    return neutralizePii(text, report).replace(PLACEHOLDER, "某");
  }

  /** The tokens the analyzer reads for a text (see {@link Analyzer.clean}). */
  static tokenize(text: string): string[] {
    return segment(Analyzer.clean(text));
  }

  analyze(text: string, tokens: string[] = Analyzer.tokenize(text)): Analysis {
    const n = tokens.length;
    const infos = new Array<TokenInfo>(n);
    const clause = new Array<number>(n);
    let c = 0;
    // clauses about a past problem that has been dealt with (原来的粉尘问题解决了), unless
    // they say it came back (整改后又反弹)
    let flags: Map<number, { history: boolean; resolved: boolean; contrast: boolean }> | undefined;
    for (let i = 0; i < n; i++) {
      const inf = (infos[i] = this.info(tokens[i]!));
      if (inf.clauseEnd) {
        clause[i] = -1;
        c++;
        continue;
      }
      clause[i] = c;
      if (!inf.bearsOnResolution) continue;
      flags ??= new Map();
      let f = flags.get(c);
      if (!f) flags.set(c, (f = { history: false, resolved: false, contrast: false }));
      f.history ||= inf.history;
      f.resolved ||= inf.resolved;
      f.contrast ||= inf.contrast;
    }
    const resolvedClause = (cl: number) => {
      const f = flags?.get(cl);
      return Boolean(f && f.history && f.resolved && !f.contrast);
    };

    const negatedAt = (i: number): boolean => {
      const cl = clause[i]!;
      if (resolvedClause(cl)) return true;
      // a negator right before: 没有异味, 没什么味道, 不是噪音的问题. One-character negators
      // (无, 没) must touch the word: 无组织排放粉尘 is not a negation.
      let before = "";
      for (let j = i - 1; j >= Math.max(0, i - 2) && clause[j] === cl; j--) before = tokens[j]! + before;
      if (before && this.beforeRe.test(before)) return true;
      // a cue right after, not itself negated: 噪音倒还好, 粉尘问题解决了, 说是达标的
      let after = "";
      for (let j = i + 1; j < Math.min(n, i + 4) && clause[j] === cl; j++) after += tokens[j];
      if (after && this.afterRe.test(after)) return true;
      return false;
    };

    const typeHits: Hit[] = [];
    const themeHits: Hit[] = [];
    const featureInfos: TokenInfo[] = [];
    const featureNegated: boolean[] = [];
    // the clause in which a hedge was last seen: words after it there are hedged
    let hedgeClause = -1;
    for (let i = 0; i < n; i++) {
      if (clause[i]! < 0) continue;
      const inf = infos[i]!;
      if (inf.hedge) hedgeClause = clause[i]!;
      let negated = false;
      if (inf.lexical) {
        // 没有油烟净化器 is a complaint about 油烟, not its negation
        negated = !inf.facility && negatedAt(i);
        const hedged = hedgeClause === clause[i];
        for (const entry of inf.types) typeHits.push({ entry, token: i, negated, hedged });
        for (const entry of inf.themes) themeHits.push({ entry, token: i, negated, hedged });
      } else if (flags && resolvedClause(clause[i]!)) negated = true;
      if (!inf.stop) {
        featureInfos.push(inf);
        featureNegated.push(negated);
      }
    }
    return { tokens, infos, clause, typeHits, themeHits, featureInfos, featureNegated };
  }
}

/**
 * The content words of an analysis as model features, negated mentions prefixed with ¬ (training
 * reads them; classification reads the infos' memoised feature ids instead, so the strings are
 * not built for every complaint).
 */
export function featureWords(a: Analysis): string[] {
  return a.featureInfos.map((inf, k) => (a.featureNegated[k] ? inf.negated : inf.token));
}
