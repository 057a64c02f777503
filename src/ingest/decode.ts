import iconv from "iconv-lite";

/**
 * The text encodings a CSV or JSON file is detected in. A Chinese file that is not UTF-8 is read
 * as GB18030 (the superset of GBK and GB2312) and reported as "gbk" when none of its characters
 * needed GB18030's four-byte sequences, as nearly all tables that Excel saves as "CSV" are: that
 * is the name users know it by.
 */
export type TextEncoding = "utf-8" | "utf-8-bom" | "utf-16le" | "utf-16be" | "gbk" | "gb18030";

export interface Decoded {
  text: string;
  encoding: TextEncoding;
  /**
   * Some cells did not decode in the file's encoding: they are marked in `text` (see
   * {@link takeDecodeMarks}) for ingestion to warn about with their row and column.
   */
  repaired: boolean;
}

const utf8 = new TextDecoder("utf-8", { fatal: true });
const utf8Lenient = new TextDecoder("utf-8");

/** Around a piece of a UTF-8 file that was decoded as GB18030 instead (Unicode noncharacters: never in real text). */
export const GBK_OPEN = "\ufdd0";
export const GBK_CLOSE = "\ufdd1";
const REPLACEMENT = "\ufffd";

/**
 * Bytes that end a piece of a cell in both UTF-8 and GB18030: ASCII below "0" and ":" to "?"
 * (delimiters, quotes, line breaks, spaces). No GB18030 sequence contains them (trail bytes
 * are 0x40-0xFE, the digits of four-byte sequences 0x30-0x39), so a file can be decoded piece
 * by piece, each piece in the encoding it is written in.
 */
const isBoundary = (b: number) => b < 0x30 || (b >= 0x3a && b <= 0x3f);

/** Length of the valid UTF-8 sequence at i, or 0. */
function utf8Sequence(bytes: Uint8Array, i: number, end: number): number {
  const b = bytes[i]!;
  const cont = (k: number) => i + k < end && (bytes[i + k]! & 0xc0) === 0x80;
  if (b < 0x80) return 1;
  if (b >= 0xc2 && b <= 0xdf) return cont(1) ? 2 : 0;
  if (b >= 0xe0 && b <= 0xef) {
    if (!cont(1) || !cont(2)) return 0;
    const b1 = bytes[i + 1]!;
    if (b === 0xe0 && b1 < 0xa0) return 0;
    if (b === 0xed && b1 > 0x9f) return 0;
    return 3;
  }
  if (b >= 0xf0 && b <= 0xf4) {
    if (!cont(1) || !cont(2) || !cont(3)) return 0;
    const b1 = bytes[i + 1]!;
    if (b === 0xf0 && b1 < 0x90) return 0;
    if (b === 0xf4 && b1 > 0x8f) return 0;
    return 4;
  }
  return 0;
}

/** Valid multi-byte UTF-8 sequences and invalid bytes in bytes[from, to). */
function census(bytes: Uint8Array, from: number, to: number): { valid: number; invalid: number } {
  let valid = 0;
  let invalid = 0;
  for (let i = from; i < to;) {
    if (bytes[i]! < 0x80) {
      i++;
      continue;
    }
    const n = utf8Sequence(bytes, i, to);
    if (n) {
      valid++;
      i += n;
    } else {
      invalid++;
      i++;
    }
  }
  return { valid, invalid };
}

/**
 * UTF-8 text with some pieces that are not UTF-8 (a GBK cell pasted in, a stray 0xA0, a cut
 * last character): each such piece is decoded as GB18030 when it decodes cleanly, between
 * {@link GBK_OPEN} and {@link GBK_CLOSE}, else as UTF-8 with U+FFFD for the bad bytes.
 */
function decodeUtf8Repairing(bytes: Uint8Array): string {
  const parts: string[] = [];
  let clean = 0; // start of the bytes not yet emitted, all valid
  let seg = 0;
  const n = bytes.length;
  const flush = (to: number) => {
    if (to > clean) parts.push(utf8Lenient.decode(bytes.subarray(clean, to)));
  };
  for (let i = 0; i <= n; i++) {
    if (i < n && !isBoundary(bytes[i]!)) continue;
    if (i > seg) {
      const { valid, invalid } = census(bytes, seg, i);
      if (invalid) {
        flush(seg);
        const piece = bytes.subarray(seg, i);
        // mostly invalid as UTF-8: a GBK piece (GBK pairs look like UTF-8 only now and then);
        // mostly valid: UTF-8 with a stray byte or a cut character
        const gbk = invalid > valid ? iconv.decode(Buffer.from(piece.buffer, piece.byteOffset, piece.byteLength), "gb18030") : REPLACEMENT;
        parts.push(gbk.includes(REPLACEMENT) ? utf8Lenient.decode(piece) : `${GBK_OPEN}${gbk}${GBK_CLOSE}`);
        clean = i;
      }
    }
    seg = i + 1;
  }
  flush(n);
  return parts.join("");
}

/**
 * Decode a text file whose encoding is not declared. A BOM wins; otherwise valid UTF-8 is
 * UTF-8. A file that is mostly UTF-8 with a few pieces that are not (fewer invalid bytes than
 * half its UTF-8 characters) stays UTF-8, those pieces repaired one by one (so one GBK cell or
 * a cut last character costs a warning on that cell, not the file); otherwise the file is
 * GB18030, the superset of GBK and GB2312 that Chinese Excel writes as "CSV".
 */
export function decodeText(bytes: Uint8Array): Decoded {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    const body = bytes.subarray(3);
    try {
      return { text: utf8.decode(body), encoding: "utf-8-bom", repaired: false };
    } catch {
      return { text: decodeUtf8Repairing(body), encoding: "utf-8-bom", repaired: true };
    }
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    const text = new TextDecoder("utf-16le").decode(bytes.subarray(2));
    return { text, encoding: "utf-16le", repaired: text.includes(REPLACEMENT) };
  }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    const text = new TextDecoder("utf-16be").decode(bytes.subarray(2));
    return { text, encoding: "utf-16be", repaired: text.includes(REPLACEMENT) };
  }
  try {
    return { text: utf8.decode(bytes), encoding: "utf-8", repaired: false };
  } catch {
    const { valid, invalid } = census(bytes, 0, bytes.length);
    if (valid >= 2 * invalid) return { text: decodeUtf8Repairing(bytes), encoding: "utf-8", repaired: true };
    const text = iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), "gb18030");
    return { text, encoding: hasFourByteSequence(bytes) ? "gb18030" : "gbk", repaired: text.includes(REPLACEMENT) };
  }
}

/**
 * Whether GB18030 bytes hold a four-byte sequence (a lead byte 0x81–0xFE followed by a digit
 * 0x30–0x39): the characters beyond GBK, such as CJK extension A and B or 𠮷.
 */
export function hasFourByteSequence(bytes: Uint8Array): boolean {
  const n = bytes.length;
  for (let i = 0; i < n;) {
    const b = bytes[i]!;
    if (b < 0x81 || b === 0xff) {
      i++;
      continue;
    }
    const t = bytes[i + 1];
    if (t !== undefined && t >= 0x30 && t <= 0x39) return true;
    i += 2;
  }
  return false;
}

/** What decoding did to a cell: the cell without marks, and whether a piece was GBK or lost. */
export function takeDecodeMarks(cell: string): { text: string; gbk: boolean; replaced: boolean } | undefined {
  const gbk = cell.includes(GBK_OPEN);
  const replaced = cell.includes(REPLACEMENT);
  if (!gbk && !replaced) return undefined;
  return { text: gbk ? cell.replace(/[\ufdd0\ufdd1]/g, "") : cell, gbk, replaced };
}

/** NUL bytes or many control characters in the first 8 KB: not a text table. */
export function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 8192);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i]!;
    if (b === 0) return true;
    if (b < 9 || (b > 13 && b < 32)) control++;
  }
  return n > 0 && control / n > 0.05;
}
