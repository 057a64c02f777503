import { createHash } from "node:crypto";
import { existsSync, readFileSync, renameSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { createRequire } from "node:module";
import { threadId } from "node:worker_threads";
import { dirname, join } from "node:path";
import nodejieba from "nodejieba";
import { divisions, shortName } from "../geo/divisions.js";
import { MpCutter } from "./mpcut.js";
import { dataPath } from "../util/paths.js";

/**
 * A dictionary file that is missing or malformed. nodejieba aborts the whole process on a
 * missing file and misbehaves on malformed lines, so every file is checked here first.
 */
export class DictionaryError extends Error {
  override name = "DictionaryError";
  constructor(
    readonly file: string,
    readonly reason: string,
    readonly line?: number,
  ) {
    super(`${file}${line ? ` 第${line}行` : ""}: ${reason}`);
  }
}

/** Dictionaries for jieba: user dictionaries (default the domain one), stop words, the idf table, core or full main dictionary. */
export interface SegmenterOptions {
  /**
   * User dictionaries in jieba's format ("词 [词频] [词性]" a line; lines starting with # are
   * comments). Default: data/dict/domain.txt. Hunan's place names are always added.
   */
  userDicts?: string[];
  /** load jieba's idf table so that keywords() works (6 MB, ~0.2 s); default false */
  keywords?: boolean;
  /** stop words, one a line; default data/dict/stopwords.txt */
  stopWords?: string;
  /**
   * jieba's main dictionary: "core" (default) keeps the 137,000 words of frequency >= 5 of
   * jieba's 349,000, which loads in a third of the time and half the memory with the same
   * classification scores (npm run eval); "full" is jieba's own.
   */
  dictionary?: "core" | "full";
  /** more words to keep whole (e.g. the classifier's lexicon words); they stay registered for later loads */
  words?: Iterable<string>;
}

/** Words of jieba's dictionary kept in the "core" dictionary. */
export const CORE_MIN_FREQUENCY = 5;

const LINE = /^(\S+?)(?: (\d+))?(?: ([A-Za-z]+))?$/;

/** Read and check a user dictionary; returns clean "word freq tag" lines. */
export function readUserDict(file: string): string[] {
  if (!existsSync(file)) throw new DictionaryError(file, "词典文件不存在（dictionary file not found）");
  const bytes = readFileSync(file);
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new DictionaryError(file, "词典不是 UTF-8 编码（dictionary is not UTF-8）");
  }
  const out: string[] = [];
  text
    .replace(/^\uFEFF/, "")
    .split(/\r?\n/)
    .forEach((raw, i) => {
      const line = raw.trim();
      if (!line || line.startsWith("#")) return;
      const m = LINE.exec(line.replace(/[ \t]+/g, " "));
      if (!m) throw new DictionaryError(file, `格式应为“词 [词频] [词性]”，收到「${line.slice(0, 40)}」`, i + 1);
      const [, word, freq, tag] = m;
      if (freq !== undefined && Number(freq) <= 0) throw new DictionaryError(file, `词频必须是正整数：「${line}」`, i + 1);
      out.push([word, freq ?? "", tag ?? (freq ? "n" : "")].filter(Boolean).join(" "));
    });
  return out;
}

/**
 * Words that callers need jieba to keep whole (the classifier's lexicon words and 重点件 cues,
 * given by the classifier through {@link useWords}); the segmenter knows nothing of the files
 * they come from.
 */
const callerWords = new Set<string>();
/** callerWords has words that the loaded dictionary lacks */
let wordsChanged = false;

/**
 * Ask the segmenter to keep these words whole (one token each). Words with white space are
 * ignored. If jieba was already loaded without some of them, it is reloaded on
 * the next cut; callers register their words before they segment (the classifier does so in its
 * constructor).
 */
export function useWords(words: Iterable<string>): void {
  for (const raw of words) {
    const w = raw.trim();
    if (!w || w.startsWith("#") || /\s/.test(w) || callerWords.has(w)) continue;
    callerWords.add(w);
    wordsChanged = true;
  }
}

function wordLines(): string[] {
  return [...callerWords].map((w) => `${w} 3000 n`);
}

/** Hunan's counties, towns and prefectures (full and short forms), as dictionary lines. */
function placeLines(): string[] {
  const d = divisions();
  const words = new Set<string>();
  for (const c of d.counties) {
    if (c.provinceCode !== "430000") continue;
    words.add(c.name);
    const s = shortName(c.name);
    if (s) words.add(s);
  }
  for (const p of d.prefectures) {
    if (p.provinceCode !== "430000") continue;
    words.add(p.name);
    const s = shortName(p.name, "prefecture");
    if (s) words.add(s);
  }
  for (const t of d.towns) words.add(t.name);
  return [...words].map((w) => `${w} 2000 ns`);
}

let loaded: { stopWords: Set<string> } | undefined;
let singleChars: Set<string> | undefined;

/**
 * Whether a single character is a word worth a feature (data/dict/single-chars.txt: 灰, 吵, 水…).
 * Other single characters are mostly fragments of names jieba does not know.
 */
export function isSingleCharWord(char: string): boolean {
  singleChars ??= new Set(readUserDict(dataPath("dict", "single-chars.txt")).map((l) => l.split(" ")[0]!));
  return singleChars.has(char);
}
let loadedKeywords = false;
let loadedOptions: SegmenterOptions = {};

/** A temp file written once, named after its content's hash. */
function tempFile(prefix: string, content: string | (() => string), key?: string): string {
  const text = typeof content === "string" ? content : undefined;
  const hash = createHash("sha1")
    .update(key ?? text!)
    .digest("hex")
    .slice(0, 12);
  const file = join(tmpdir(), `${prefix}-${hash}.utf8`);
  if (!existsSync(file)) {
    const tmp = `${file}.${process.pid}.tmp`;
    writeFileSync(tmp, text ?? (content as () => string)());
    renameSync(tmp, file);
  }
  return file;
}

function coreDictionary(full: string): string {
  const st = statSync(full);
  return tempFile(
    "ducha-jieba-core",
    () => {
      const keep: string[] = [];
      for (const line of readFileSync(full, "utf8").split("\n")) {
        const freq = Number(line.split(" ")[1]);
        if (freq >= CORE_MIN_FREQUENCY) keep.push(line);
      }
      return `${keep.join("\n")}\n`;
    },
    `${full}:${st.size}:${st.mtimeMs}:${CORE_MIN_FREQUENCY}`,
  );
}

const tinyIdf = () => tempFile("ducha-idf", "的 1.0\n");

/**
 * A valid HMM model that knows one character. `cut` runs with HMM off (segment() below), so it
 * never reads the model; only keywords() (jieba's extractor cuts with HMM on) needs the real one.
 * nodejieba.load parses the model twice (for its segmenter and for the TextRank extractor it
 * always builds): ~20 ms of a worker's start saved, the tokens unchanged.
 */
const stubHmm = () => tempFile("ducha-hmm", "0 0 0 0\n0 0 0 0\n0 0 0 0\n0 0 0 0\n0 0 0 0\n的:0\n的:0\n的:0\n的:0\n");

/**
 * Load jieba's default dictionary plus the domain and place dictionaries, once per process.
 * The merged user dictionary is written to a content-addressed file in the temp folder (jieba
 * only reads files) after every line was checked.
 */
export function loadSegmenter(options: SegmenterOptions = {}): void {
  if (options.words) useWords(options.words);
  if (loaded && !wordsChanged && !(options.keywords && !loadedKeywords)) return;
  const files = options.userDicts ?? [dataPath("dict", "domain.txt")];
  const lines = [...files.flatMap(readUserDict), ...wordLines(), ...placeLines()];
  const stopFile = options.stopWords ?? dataPath("dict", "stopwords.txt");
  const stopWords = new Set(readUserDict(stopFile).map((l) => l.split(" ")[0]!));

  const jiebaDir = join(dirname(createRequire(import.meta.url).resolve("nodejieba/package.json")), "submodules/cppjieba/dict");
  for (const f of ["jieba.dict.utf8", "hmm_model.utf8", "idf.utf8", "stop_words.utf8"].map((n) => join(jiebaDir, n))) {
    if (!existsSync(f)) throw new DictionaryError(f, "nodejieba 的默认词典缺失，请重新安装依赖（npm ci）");
  }
  const mainDict = join(jiebaDir, "jieba.dict.utf8");
  const dict = (options.dictionary ?? process.env.DUCHA_JIEBA_DICT ?? "core") === "full" ? mainDict : coreDictionary(mainDict);
  // jieba's keyword extractor loads its idf table (6 MB) on load(); classification never uses
  // it, so a one-line table is given unless keywords() is wanted
  const idfDict = options.keywords ? join(jiebaDir, "idf.utf8") : tinyIdf();
  const hmmDict = options.keywords ? join(jiebaDir, "hmm_model.utf8") : stubHmm();
  // the merged user dictionary goes to a content-addressed file in the temp folder (jieba only
  // reads files) after every line was checked
  const args = () => ({ dict, hmmDict, userDict: tempFile("ducha-user-dict", `${lines.join("\n")}\n`), idfDict });
  // cuts in JavaScript (mpcut.ts: the same tokens, without nodejieba's ~0.75 s load per thread);
  // nodejieba for keywords() and DUCHA_SEGMENTER=nodejieba, and loaded on first need for a text
  // with UTF-16 surrogates
  if (options.keywords || process.env.DUCHA_SEGMENTER === "nodejieba") {
    nodejieba.load(args());
    cutter = undefined;
    jieba = undefined;
  } else {
    cutter = cutterFor(dict, lines);
    jieba = args;
  }
  loadedKeywords = Boolean(options.keywords);
  loadedOptions = options;
  wordsChanged = false;
  loaded = { stopWords };
}

/**
 * The JavaScript cutter of a main dictionary and user lines, from a copy in the temp folder named
 * after their content (written on first use, like the core dictionary and the compiled models).
 */
function cutterFor(dict: string, lines: readonly string[]): MpCutter {
  const bytes = readFileSync(dict);
  const key = createHash("sha1").update(bytes).update("\u0000").update(lines.join("\n")).update(":mpcut1").digest("hex").slice(0, 16);
  const copy = join(tmpdir(), `ducha-mpcut-${key}.bin`);
  try {
    const cached = MpCutter.fromBinary(readFileSync(copy));
    if (cached) return cached;
  } catch {
    // no copy yet
  }
  const built = new MpCutter(bytes.toString("utf8"), lines);
  try {
    const tmp = `${copy}.${process.pid}.${threadId}.tmp`;
    writeFileSync(tmp, built.toBinary());
    renameSync(tmp, copy);
  } catch {
    // only a copy: the next start builds again
  }
  return built;
}

/** the JavaScript cutter of the loaded dictionaries (undefined: nodejieba cuts) */
let cutter: MpCutter | undefined;
/** nodejieba's load() arguments for the loaded dictionaries, while it is not loaded with them */
let jieba: (() => { dict: string; hmmDict: string; userDict: string; idfDict: string }) | undefined;
const SURROGATE = /[\uD800-\uDFFF]/;

/** jieba's exact mode with HMM off, as nodejieba.cut(text) gives it. */
function cut(text: string): string[] {
  if (cutter && !SURROGATE.test(text)) return cutter.cut(text);
  return jiebaCut(text);
}

/** nodejieba's cut, loading it with the segmenter's dictionaries on first need. */
function jiebaCut(text: string): string[] {
  if (jieba) {
    nodejieba.load(jieba());
    jieba = undefined;
  }
  return nodejieba.cut(text);
}

/**
 * The raw cut of {@link segment} (before place names are joined) by nodejieba and by the cutter
 * that `segment` uses, for checking that they agree (test/text/mpcut.test.ts, scripts/check-mpcut.ts).
 */
export function cutBoth(text: string): { nodejieba: string[]; used: string[] } {
  if (!loaded || wordsChanged) loadSegmenter(loadedOptions);
  const used = cut(text);
  return { nodejieba: jiebaCut(text), used };
}

/** Words of a text (jieba's exact mode with the domain dictionary, HMM off). */
export function segment(text: string): string[] {
  if (!loaded || wordsChanged) loadSegmenter(loadedOptions);
  return joinPlaceNames(cut(text));
}

/** the last characters of a token that may name a division (镇, 村, 街道…): only such tokens are looked up as places */
const PLACE_END = new Set([..."省市州盟县旗区镇乡村道组"]);
/** suffixes that end a place name cut into pieces (烧|田|村); 组 only after a village or community */
const PLACE_SUFFIX = /(?:村|镇|乡|街道|社区)$/;
/**
 * a village suffix glued to a locative or to the next 村 (烧|田|村上|粮|组, 荷叶|塘|村村|旁边): the 村 ends
 * the name, the rest stays a word
 */
const VILLAGE_LOCATIVE = /^村[上里内边口头中外旁前后村]$/;
/** a piece of a name: no division of its own (沂源县|鲁|村镇 is 沂源县|鲁村镇, not one name) */
const DIVISION_END = /[省市州盟县旗区镇乡村]$/;
const HAN = /^[\u4e00-\u9fa5]+$/;

/**
 * Join the pieces of a division name that jieba cut apart right after another place: 南岳镇|烧|田|村上
 * becomes 南岳镇|烧田村|上, 章华镇|治|湖|村 becomes 章华镇|治湖村, 黄泥|坳|村 after a town 黄泥坳村. A name
 * is one to three Chinese characters of tokens that are no stop words, places or divisions, ended by a token that is or ends
 * in 村, 镇, 乡, 街道 or 社区 (组 after a village or community); otherwise the tokens stay as cut. Places
 * say where, not what: joined, 烧田村 gives no 烧 and 石灰冲村 no 石灰.
 */
export function joinPlaceNames(tokens: string[]): string[] {
  // most texts have no short token that may end a place name after another token: nothing to do
  let any = false;
  for (let j = 1; j < tokens.length && !any; j++) any = tokens[j]!.length <= 2 && endsPlace(tokens[j]!);
  if (!any) return tokens;
  let out: string[] | undefined;
  // the previous token (in out) is a place: known after a join, else looked up when a suffix is near
  let joinedBefore = false;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (i > 0 && suffixAhead(tokens, i)) {
      const before = out ? out[out.length - 1]! : tokens[i - 1]!;
      if (joinedBefore || (before.length > 1 && PLACE_END.has(before[before.length - 1]!) && isPlaceName(before))) {
        const joined = placeAfter(tokens, i, before);
        if (joined) {
          out ??= tokens.slice(0, i);
          out.push(joined.name);
          if (joined.rest) out.push(joined.rest);
          i = joined.end;
          joinedBefore = !joined.rest;
          continue;
        }
      }
    }
    out?.push(t);
    joinedBefore = false;
  }
  return out ?? tokens;
}

/** Whether a token that may end a place name (村, 田村, 街道, 村上, 组) follows within three tokens after i: a cheap test before any look-up. */
function suffixAhead(tokens: readonly string[], i: number): boolean {
  for (let j = i + 1; j < tokens.length && j <= i + 3; j++) {
    const t = tokens[j]!;
    if (t.length > 2) return false;
    if (endsPlace(t)) return true;
  }
  return false;
}

/** A token of at most two characters that may end a place name. */
function endsPlace(t: string): boolean {
  const last = t[t.length - 1]!;
  return last === "村" || last === "镇" || last === "乡" || last === "组" || t === "街道" || t === "社区" || (t[0] === "村" && VILLAGE_LOCATIVE.test(t));
}

/** The place name that starts at token i, right after the place `before`, if its pieces make one. */
function placeAfter(tokens: readonly string[], i: number, before: string): { name: string; rest: string; end: number } | undefined {
  const group = /(?:村|社区)$/.test(before);
  let name = "";
  for (let j = i; j < tokens.length && j < i + 5; j++) {
    const t = tokens[j]!;
    if (name) {
      const locative = VILLAGE_LOCATIVE.test(t);
      const whole = name + (locative ? "村" : t);
      const suffix = locative || (t.length <= 2 && PLACE_SUFFIX.test(t)) || (group && t === "组");
      if (suffix && isPlaceName(whole)) {
        return { name: whole, rest: locative ? t.slice(1) : "", end: j };
      }
    }
    if (!HAN.test(t) || isStopWord(t) || DIVISION_END.test(t) || isPlaceName(t) || name.length + t.length > 3) return undefined;
    name += t;
  }
  return undefined;
}

/** Whether a token carries no meaning for classification: stop words, punctuation, numbers. */
export function isStopWord(word: string): boolean {
  if (!loaded) loadSegmenter();
  return loaded!.stopWords.has(word) || !/[\u4e00-\u9fa5A-Za-z]/.test(word);
}

const VILLAGE = /^[\u4e00-\u9fa5]{1,4}村$/;
const TOWN = /^[\u4e00-\u9fa5]{1,5}(?:镇|乡|街道|社区|管理区|开发区|新区)$/;
const GROUP = /^[\u4e00-\u9fa5]{1,3}组$/;
/** words of place shape that name no particular place */
const NOT_PLACE = new Set([
  "农村",
  "乡村",
  "本村",
  "该村",
  "全村",
  "我村",
  "邻村",
  "村村",
  "新农村",
  "各村",
  "此村",
  "外村",
  "山村",
  "渔村",
  "城中村",
  "自然村",
  "行政村",
  "乡镇",
  "城乡",
  "家乡",
  "下乡",
  "老乡",
  "故乡",
  "本乡",
  "城镇",
  "集镇",
  "全镇",
  "本镇",
  "该镇",
  "各乡镇",
  "乡乡",
  "小城镇",
  "小组",
  "工作组",
  "督察组",
  "调查组",
  "专案组",
  "联合组",
  "机组",
  "班组",
  "村民小组",
  "检查组",
  "本社区",
  "该社区",
  "开发区",
  "新区",
  "经开区",
  "高新区",
  "管理区",
]);

let places: Set<string> | undefined;
function placeNames(): Set<string> {
  if (places) return places;
  const d = divisions();
  places = new Set<string>();
  for (const c of d.counties) {
    for (const [name, kind] of [
      [c.name, "county"],
      [c.prefecture, "prefecture"],
      [c.province, "province"],
    ] as const) {
      places.add(name);
      const s = shortName(name, kind);
      if (s && s.length > 1) places.add(s);
    }
  }
  for (const t of d.towns) places.add(t.name);
  return places;
}

/**
 * Whether a word names a place: a province, prefecture or county of China (full or short name),
 * one of Hunan's towns, or a word shaped like a village, town, street or group (塘冲村, 兴宁镇,
 * 身家组). Places say where, not what: they are neither features nor evidence.
 */
export function isPlaceName(word: string): boolean {
  if (word.length < 2 || NOT_PLACE.has(word)) return false;
  return placeNames().has(word) || VILLAGE.test(word) || TOWN.test(word) || GROUP.test(word);
}

/** Content words of a text: segmented, stop words and punctuation removed. */
export function contentWords(text: string): string[] {
  return segment(text).filter((w) => !isStopWord(w));
}

/** The text's most characteristic words by TF-IDF (jieba's idf table), best first. */
export function keywords(text: string, topN = 5): { word: string; weight: number }[] {
  // jieba's idf table is left out by default (classification does not use it): load it now
  if (!loadedKeywords) loadSegmenter({ ...loadedOptions, keywords: true });
  return nodejieba
    .extract(text, topN * 3)
    .filter((k: { word: string }) => !isStopWord(k.word))
    .slice(0, topN)
    .map((k: { word: string; weight: number }) => ({ word: k.word, weight: k.weight }));
}
