/**
 * Text widths for laying out charts outside the browser. Without node-canvas vega estimates
 * every character as 0.8 em of Latin text, which clips Chinese titles, labels and legends; here
 * a width comes from the font's own advance widths, or, with no font at hand, from an estimate
 * that counts full-width characters as 1 em.
 */
import type { CjkFont } from "./fonts.js";

/** The width in px of one line of text at a font size, regular or bold. */
export type TextWidth = (text: string, fontSize: number, bold: boolean) => number;

/** East Asian wide and full-width characters (and the CJK punctuation drawn 1 em wide). */
export function isWide(cp: number): boolean {
  return (
    (cp >= 0x1100 && cp <= 0x115f) ||
    (cp >= 0x2e80 && cp <= 0x303e) ||
    (cp >= 0x3041 && cp <= 0x33ff) ||
    (cp >= 0x3400 && cp <= 0x4dbf) ||
    (cp >= 0x4e00 && cp <= 0x9fff) ||
    (cp >= 0xa000 && cp <= 0xa4cf) ||
    (cp >= 0xac00 && cp <= 0xd7a3) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0xfe30 && cp <= 0xfe4f) ||
    (cp >= 0xff00 && cp <= 0xff60) ||
    (cp >= 0xffe0 && cp <= 0xffe6) ||
    (cp >= 0x20000 && cp <= 0x3fffd) ||
    // “ ” ‘ ’ … — are full-width in Chinese fonts
    cp === 0x201c ||
    cp === 0x201d ||
    cp === 0x2018 ||
    cp === 0x2019 ||
    cp === 0x2026 ||
    cp === 0x2014
  );
}

/** Em widths of a sans-serif Latin (close to Noto Sans CJK's proportional Latin). */
function latinEm(ch: string): number {
  if (ch === " ") return 0.224;
  if (/[0-9]/.test(ch)) return 0.553;
  if (/[ijlft.,:;'!|]/.test(ch)) return 0.28;
  if (/[mwMW]/.test(ch)) return 0.83;
  if (/[A-Z]/.test(ch)) return 0.63;
  if (/[a-z]/.test(ch)) return 0.52;
  if (/[%]/.test(ch)) return 0.85;
  return 0.45;
}

/** A width estimate without a font: full-width characters 1 em, Latin by character class. */
export const estimateTextWidth: TextWidth = (text, fontSize, bold) => {
  let em = 0;
  for (const ch of text) em += isWide(ch.codePointAt(0)!) ? 1 : latinEm(ch) * (bold ? 1.05 : 1);
  return em * fontSize;
};

/** Widths from the font's advance widths (characters it lacks: the estimate). */
export function fontTextWidth(font: CjkFont): TextWidth {
  const cache = new Map<string, number>();
  return (text, fontSize, bold) => {
    const face = bold && font.bold ? font.bold : font.regular;
    const key = `${bold && font.bold ? "b" : "r"}\u0000${text}`;
    let em = cache.get(key);
    if (em === undefined) {
      em = 0;
      for (const ch of text) {
        const g = face.glyph(ch.codePointAt(0)!);
        em += g ? face.advance(g) / face.unitsPerEm : estimateTextWidth(ch, 1, bold);
      }
      // a bold title drawn with the regular face only: allow for synthetic emboldening
      if (bold && !font.bold) em *= 1.04;
      if (cache.size > 20_000) cache.clear();
      cache.set(key, em);
    }
    return em * fontSize;
  };
}
