import { createHash } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import nodejieba from "nodejieba";
import { divisions, shortName } from "../geo/divisions.js";
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

export interface SegmenterOptions {
  /**
   * User dictionaries in jieba's format ("词 [词频] [词性]" a line; lines starting with # are
   * comments). Default: data/dict/domain.txt. Hunan's place names are always added.
   */
  userDicts?: string[];
  /** stop words, one a line; default data/dict/stopwords.txt */
  stopWords?: string;
}

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
  text.replace(/^\uFEFF/, "").split(/\r?\n/).forEach((raw, i) => {
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

/**
 * Load jieba's default dictionary plus the domain and place dictionaries, once per process.
 * The merged user dictionary is written to a content-addressed file in the temp folder (jieba
 * only reads files) after every line was checked.
 */
export function loadSegmenter(options: SegmenterOptions = {}): void {
  if (loaded) return;
  const files = options.userDicts ?? [dataPath("dict", "domain.txt")];
  const lines = [...files.flatMap(readUserDict), ...placeLines()];
  const stopFile = options.stopWords ?? dataPath("dict", "stopwords.txt");
  const stopWords = new Set(readUserDict(stopFile).map((l) => l.split(" ")[0]!));

  const content = `${lines.join("\n")}\n`;
  const hash = createHash("sha1").update(content).digest("hex").slice(0, 12);
  const merged = join(tmpdir(), `ducha-user-dict-${hash}.utf8`);
  if (!existsSync(merged)) writeFileSync(merged, content);
  const jiebaDir = join(dirname(createRequire(import.meta.url).resolve("nodejieba/package.json")), "submodules/cppjieba/dict");
  for (const f of ["jieba.dict.utf8", "hmm_model.utf8", "idf.utf8", "stop_words.utf8"].map((n) => join(jiebaDir, n))) {
    if (!existsSync(f)) throw new DictionaryError(f, "nodejieba 的默认词典缺失，请重新安装依赖（npm ci）");
  }
  nodejieba.load({ userDict: merged });
  loaded = { stopWords };
}

/** Words of a text (jieba's exact mode with the domain dictionary, HMM off). */
export function segment(text: string): string[] {
  if (!loaded) loadSegmenter();
  return nodejieba.cut(text);
}

/** Whether a token carries no meaning for classification: stop words, punctuation, numbers. */
export function isStopWord(word: string): boolean {
  if (!loaded) loadSegmenter();
  return loaded!.stopWords.has(word) || !/[\u4e00-\u9fa5A-Za-z]/.test(word);
}

/** Content words of a text: segmented, stop words and punctuation removed. */
export function contentWords(text: string): string[] {
  return segment(text).filter((w) => !isStopWord(w));
}

/** The text's most characteristic words by TF-IDF (jieba's idf table), best first. */
export function keywords(text: string, topN = 5): { word: string; weight: number }[] {
  if (!loaded) loadSegmenter();
  return nodejieba
    .extract(text, topN * 3)
    .filter((k: { word: string }) => !isStopWord(k.word))
    .slice(0, topN)
    .map((k: { word: string; weight: number }) => ({ word: k.word, weight: k.weight }));
}
