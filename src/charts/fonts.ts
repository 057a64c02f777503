/**
 * Finding a Chinese font for rendering charts outside the browser, and reading its metrics so
 * that vega lays text out with the widths the font really has. Node only.
 *
 * The search: $DUCHA_CJK_FONT, then the usual files of Debian/Ubuntu, Fedora, Arch, macOS and
 * Windows, then whatever `fc-list :lang=zh` reports. A face qualifies when its character map
 * covers common Chinese characters, so a chart never shows boxes instead of characters.
 */
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { FONT_FAMILIES } from "./theme.js";

/** No usable Chinese font: the message says how to get one. */
export class FontNotFoundError extends Error {
  override name = "FontNotFoundError";
}

export const FONT_HELP =
  "找不到中文字体，请安装 fonts-noto-cjk（Debian/Ubuntu: sudo apt-get install fonts-noto-cjk）或设置 DUCHA_CJK_FONT=/path/to/font.ttc" +
  " (no Chinese font found: install fonts-noto-cjk, e.g. `sudo apt-get install fonts-noto-cjk`, or set DUCHA_CJK_FONT to a .ttf/.otf/.ttc file)";

/** Characters a face must have to count as a Chinese font. */
const PROBE = "中文字体郴州县区信访件属实办结";

/** One face of a font file (a .ttc holds several) with what layout needs: advances by character. */
export interface FontFace {
  file: string;
  /** index of the face in a collection (0 for a single font) */
  index: number;
  /** family name as fonts databases match it, e.g. "Noto Sans CJK SC" */
  family: string;
  /** OS/2 weight class: 400 regular, 700 bold */
  weight: number;
  unitsPerEm: number;
  /** the glyph of a code point, 0 when the face has none */
  glyph(codePoint: number): number;
  /** advance width of a glyph in font units */
  advance(glyph: number): number;
}

/** The Chinese font charts are rendered with. */
export interface CjkFont {
  family: string;
  regular: FontFace;
  bold?: FontFace;
  /** the font files to hand to the renderer */
  files: string[];
}

// --- reading OpenType ------------------------------------------------------------------------

class Reader {
  constructor(readonly b: Buffer) {}
  u16 = (o: number) => this.b.readUInt16BE(o);
  i16 = (o: number) => this.b.readInt16BE(o);
  u32 = (o: number) => this.b.readUInt32BE(o);
  tag = (o: number) => this.b.toString("latin1", o, o + 4);
}

function faceOffsets(r: Reader): number[] {
  const tag = r.tag(0);
  if (tag === "ttcf") {
    const n = r.u32(8);
    return Array.from({ length: n }, (_, i) => r.u32(12 + 4 * i));
  }
  if (tag === "OTTO" || tag === "true" || r.u32(0) === 0x00010000) return [0];
  throw new Error("not a TrueType/OpenType font (.ttf, .otf, .ttc)");
}

function tables(r: Reader, at: number): Map<string, { offset: number; length: number }> {
  const n = r.u16(at + 4);
  const out = new Map<string, { offset: number; length: number }>();
  for (let i = 0; i < n; i++) {
    const rec = at + 12 + 16 * i;
    out.set(r.tag(rec), { offset: r.u32(rec + 8), length: r.u32(rec + 12) });
  }
  return out;
}

function familyName(r: Reader, name: { offset: number }): string {
  const base = name.offset;
  const count = r.u16(base + 2);
  const strings = base + r.u16(base + 4);
  let best: { score: number; text: string } | undefined;
  for (let i = 0; i < count; i++) {
    const rec = base + 6 + 12 * i;
    const [platform, encoding, language, id, length, offset] = [r.u16(rec), r.u16(rec + 2), r.u16(rec + 4), r.u16(rec + 6), r.u16(rec + 8), r.u16(rec + 10)];
    if (id !== 1 && id !== 16) continue;
    const raw = r.b.subarray(strings + offset, strings + offset + length);
    let text: string;
    if (platform === 3 || platform === 0) text = Buffer.from(raw).swap16().toString("utf16le");
    else if (platform === 1 && encoding === 0) text = raw.toString("latin1");
    else continue;
    // the typographic family (16) over the legacy one (1); Windows English over others
    const score = (id === 16 ? 4 : 0) + (platform === 3 && language === 0x409 ? 2 : platform === 3 ? 1 : 0);
    if (!best || score > best.score) best = { score, text };
  }
  return best?.text ?? "";
}

/** A code point -> glyph lookup from the best Unicode cmap subtable (format 12, else 4). */
function cmapLookup(r: Reader, cmap: { offset: number }): (cp: number) => number {
  const base = cmap.offset;
  const n = r.u16(base + 2);
  let f12: number | undefined;
  let f4: number | undefined;
  for (let i = 0; i < n; i++) {
    const rec = base + 4 + 8 * i;
    const [platform, encoding] = [r.u16(rec), r.u16(rec + 2)];
    const sub = base + r.u32(rec + 4);
    const format = r.u16(sub);
    const unicode = platform === 0 || (platform === 3 && (encoding === 1 || encoding === 10));
    if (!unicode) continue;
    if (format === 12) f12 ??= sub;
    else if (format === 4) f4 ??= sub;
  }
  if (f12 !== undefined) {
    const groups = r.u32(f12 + 12);
    const g0 = f12 + 16;
    return (cp) => {
      let lo = 0;
      let hi = groups - 1;
      while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        const at = g0 + 12 * mid;
        if (cp < r.u32(at)) hi = mid - 1;
        else if (cp > r.u32(at + 4)) lo = mid + 1;
        else return r.u32(at + 8) + (cp - r.u32(at));
      }
      return 0;
    };
  }
  if (f4 !== undefined) {
    const segs = r.u16(f4 + 6) / 2;
    const ends = f4 + 14;
    const starts = ends + 2 * segs + 2;
    const deltas = starts + 2 * segs;
    const ranges = deltas + 2 * segs;
    return (cp) => {
      if (cp > 0xffff) return 0;
      for (let s = 0; s < segs; s++) {
        if (cp > r.u16(ends + 2 * s)) continue;
        const start = r.u16(starts + 2 * s);
        if (cp < start) return 0;
        const rangeOffset = r.u16(ranges + 2 * s);
        if (!rangeOffset) return (cp + r.i16(deltas + 2 * s)) & 0xffff;
        const g = r.u16(ranges + 2 * s + rangeOffset + 2 * (cp - start));
        return g ? (g + r.i16(deltas + 2 * s)) & 0xffff : 0;
      }
      return 0;
    };
  }
  return () => 0;
}

/** Every face of a font file. Throws when the file is not a font. */
export function readFontFaces(file: string): FontFace[] {
  const r = new Reader(readFileSync(file));
  return faceOffsets(r).map((at, index) => {
    const t = tables(r, at);
    const need = (tag: string) => {
      const x = t.get(tag);
      if (!x) throw new Error(`font has no ${tag} table`);
      return x;
    };
    const head = need("head");
    const hhea = need("hhea");
    const hmtx = need("hmtx");
    const os2 = t.get("OS/2");
    const metrics = r.u16(hhea.offset + 34);
    return {
      file,
      index,
      family: familyName(r, need("name")),
      weight: os2 ? r.u16(os2.offset + 4) : 400,
      unitsPerEm: r.u16(head.offset + 18),
      glyph: cmapLookup(r, need("cmap")),
      advance: (g: number) => r.u16(hmtx.offset + 4 * Math.min(g, metrics - 1)),
    };
  });
}

// --- finding one ---------------------------------------------------------------------------

/** Well-known places of Chinese sans-serif fonts, best first: [regular, bold?]. */
const KNOWN: readonly (readonly [string, string?])[] = [
  ["/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc", "/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc"],
  ["/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc", "/usr/share/fonts/noto-cjk/NotoSansCJK-Bold.ttc"],
  ["/usr/share/fonts/google-noto-cjk/NotoSansCJK-Regular.ttc", "/usr/share/fonts/google-noto-cjk/NotoSansCJK-Bold.ttc"],
  ["/usr/share/fonts/google-noto-sans-cjk-vf-fonts/NotoSansCJK-VF.ttc"],
  ["/usr/share/fonts/opentype/noto/NotoSansCJKsc-Regular.otf", "/usr/share/fonts/opentype/noto/NotoSansCJKsc-Bold.otf"],
  ["/usr/share/fonts/adobe-source-han-sans/SourceHanSansSC-Regular.otf", "/usr/share/fonts/adobe-source-han-sans/SourceHanSansSC-Bold.otf"],
  ["/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"],
  ["/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc"],
  ["/usr/share/fonts/wqy-microhei/wqy-microhei.ttc"],
  ["/System/Library/Fonts/PingFang.ttc"],
  ["/System/Library/Fonts/Hiragino Sans GB.ttc"],
  ["/System/Library/Fonts/STHeiti Light.ttc", "/System/Library/Fonts/STHeiti Medium.ttc"],
  ["/Library/Fonts/Arial Unicode.ttf"],
  ["C:\\Windows\\Fonts\\msyh.ttc", "C:\\Windows\\Fonts\\msyhbd.ttc"],
  ["C:\\Windows\\Fonts\\simhei.ttf"],
];

const covers = (face: FontFace, text = PROBE) => [...text].every((ch) => face.glyph(ch.codePointAt(0)!) !== 0);

/** The face of a file to use: one of the stack's families first, then any face covering Chinese. */
function pickFace(faces: readonly FontFace[], family?: string): FontFace | undefined {
  const ok = faces.filter((f) => covers(f));
  if (family) return ok.find((f) => f.family === family);
  for (const name of FONT_FAMILIES) {
    const f = ok.find((x) => x.family === name);
    if (f) return f;
  }
  // a simplified-Chinese face of a multi-language collection ("… SC", "… GB")
  return ok.find((f) => /\b(SC|GB|CN)\b|简/.test(f.family)) ?? ok[0];
}

function load(regular: string, bold?: string): CjkFont | undefined {
  let faces: FontFace[];
  try {
    faces = readFontFaces(regular);
  } catch {
    return undefined;
  }
  const face = pickFace(faces);
  if (!face) return undefined;
  let boldFace: FontFace | undefined;
  if (bold && bold !== regular && existsSync(bold)) {
    try {
      boldFace = pickFace(readFontFaces(bold), face.family);
    } catch {
      boldFace = undefined;
    }
  }
  return { family: face.family, regular: face, ...(boldFace ? { bold: boldFace } : {}), files: boldFace ? [regular, bold!] : [regular] };
}

/** The bold sibling of a font file by name: NotoSansCJK-Regular.ttc -> NotoSansCJK-Bold.ttc. */
const boldSibling = (file: string): string | undefined => {
  const b = file.replace(/Regular(?=[^/\\]*$)/, "Bold");
  return b !== file ? b : undefined;
};

function fcList(): string[] {
  try {
    const r = spawnSync("fc-list", [":lang=zh", "file", "family"], { encoding: "utf8", timeout: 5000 });
    if (r.status !== 0 || !r.stdout) return [];
    const lines = r.stdout.split("\n").filter(Boolean);
    // sans-serif first: a chart in 宋体 or a serif face looks wrong
    const rank = (l: string) => (/Sans|Hei|黑|YaHei|PingFang/i.test(l) ? 0 : /Serif|Song|Ming|宋|明/i.test(l) ? 2 : 1);
    return [...new Set(lines.sort((a, b) => rank(a) - rank(b)).map((l) => l.slice(0, l.indexOf(":"))))];
  } catch {
    return [];
  }
}

let cached: CjkFont | undefined;
let cachedFor: string | undefined;

/** Where to look (tests narrow it to simulate a machine without fonts). */
export interface FontSearch {
  /** [regular, bold?] files to try in order; default the usual places on Linux, macOS, Windows */
  known?: readonly (readonly [string, string?])[];
  /** ask fontconfig (`fc-list :lang=zh`); default true */
  fcList?: boolean;
}

/**
 * The Chinese font charts are rendered with. $DUCHA_CJK_FONT (a .ttf, .otf or .ttc) wins;
 * a bold file next to it (…-Bold…) is used for titles when present. Throws
 * {@link FontNotFoundError} with installation advice when there is none.
 */
export function findCjkFont(search?: FontSearch): CjkFont {
  const env = process.env.DUCHA_CJK_FONT?.trim() || undefined;
  if (!search && cached && cachedFor === env) return cached;
  let font: CjkFont | undefined;
  if (env) {
    if (!existsSync(env)) throw new FontNotFoundError(`DUCHA_CJK_FONT 指向的文件不存在：${env}（file not found）。${FONT_HELP}`);
    font = load(env, boldSibling(env));
    if (!font) throw new FontNotFoundError(`DUCHA_CJK_FONT 指向的文件不是含中文字形的字体：${env}（not a font with Chinese glyphs）。${FONT_HELP}`);
  }
  for (const [regular, bold] of search?.known ?? KNOWN) {
    if (font) break;
    if (existsSync(regular)) font = load(regular, bold);
  }
  if (!font && search?.fcList !== false) {
    for (const file of fcList()) {
      font = load(file, boldSibling(file));
      if (font) break;
    }
  }
  if (!font) throw new FontNotFoundError(FONT_HELP);
  if (!search) {
    cached = font;
    cachedFor = env;
  }
  return font;
}

/** The characters of `text` the font has no glyph for (white space aside). */
export function missingGlyphs(font: CjkFont, text: string): string[] {
  const out = new Set<string>();
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (cp <= 0x20 || (cp >= 0x200b && cp <= 0x200f) || cp === 0xfeff) continue;
    if (!font.regular.glyph(cp)) out.add(ch);
  }
  return [...out];
}
