/**
 * Chinese fonts for resvg, cut down to the characters of one chart. Node only.
 *
 * resvg reads a font file anew for every run of text it lays out, and a CJK font is a 20 MB
 * collection: a chart with sixty labels read a gigabyte, 0.3-0.5 s of system time per PNG. Here
 * each face is handed once per process to HarfBuzz's subsetter (harfbuzzjs, WebAssembly, no
 * native build), and each chart gets font files holding only its own characters (~30 KB each),
 * written to a temporary folder that is removed when the process exits. Should subsetting fail,
 * the full files are used: slower, never wrong.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { CjkFont, FontFace } from "./fonts.js";

interface HarfBuzz {
  memory: WebAssembly.Memory;
  malloc(size: number): number;
  free(ptr: number): void;
  hb_blob_create(data: number, length: number, mode: number, userData: number, destroy: number): number;
  hb_blob_destroy(blob: number): void;
  hb_blob_get_data(blob: number, length: number): number;
  hb_blob_get_length(blob: number): number;
  hb_face_create(blob: number, index: number): number;
  hb_face_destroy(face: number): void;
  hb_face_reference_blob(face: number): number;
  hb_set_add(set: number, value: number): void;
  hb_subset_input_create_or_fail(): number;
  hb_subset_input_destroy(input: number): void;
  hb_subset_input_unicode_set(input: number): number;
  hb_subset_input_set(input: number, which: number): number;
  hb_subset_or_fail(face: number, input: number): number;
}

const HB_MEMORY_MODE_READONLY = 1;
const HB_SUBSET_SETS_NAME_ID = 4;
/** name records kept: copyright, family, subfamily, full name, PostScript name, typographic family and subfamily */
const NAME_IDS = [0, 1, 2, 3, 4, 5, 6, 16, 17];

let hb: HarfBuzz | null | undefined;

/** The subsetter, instantiated once (synchronously: 0.7 MB of WebAssembly); null when it cannot load. */
function harfbuzz(): HarfBuzz | null {
  if (hb !== undefined) return hb;
  try {
    const wasm = readFileSync(createRequire(import.meta.url).resolve("harfbuzzjs/dist/harfbuzz-subset.wasm"));
    const instance = new WebAssembly.Instance(new WebAssembly.Module(wasm), {});
    const exports = instance.exports as unknown as HarfBuzz & { _initialize?: () => void };
    exports._initialize?.();
    hb = exports;
  } catch {
    hb = null;
  }
  return hb;
}

/** Faces loaded into the subsetter, by file and index (hb_face pointers). */
const faces = new Map<string, number>();

function hbFace(x: HarfBuzz, face: FontFace): number {
  const key = `${face.file}#${face.index}`;
  let f = faces.get(key);
  if (f === undefined) {
    const bytes = readFileSync(face.file);
    const ptr = x.malloc(bytes.length);
    if (!ptr) throw new Error("out of WebAssembly memory");
    new Uint8Array(x.memory.buffer, ptr, bytes.length).set(bytes);
    // read-only: HarfBuzz keeps pointing at the copy, which lives as long as the process
    const blob = x.hb_blob_create(ptr, bytes.length, HB_MEMORY_MODE_READONLY, 0, 0);
    // (hb_subset_preprocess would make each subset ~10 ms faster for ~1 s up front: not worth it)
    f = x.hb_face_create(blob, face.index);
    x.hb_blob_destroy(blob);
    faces.set(key, f);
  }
  return f;
}

/** The face cut down to the code points (plus what layout needs for them), as font file bytes. */
function subsetBytes(x: HarfBuzz, face: FontFace, codePoints: Iterable<number>): Uint8Array | undefined {
  const source = hbFace(x, face);
  const input = x.hb_subset_input_create_or_fail();
  if (!input) return undefined;
  try {
    const unicodes = x.hb_subset_input_unicode_set(input);
    for (const cp of codePoints) x.hb_set_add(unicodes, cp);
    const names = x.hb_subset_input_set(input, HB_SUBSET_SETS_NAME_ID);
    for (const id of NAME_IDS) x.hb_set_add(names, id);
    const sub = x.hb_subset_or_fail(source, input);
    if (!sub) return undefined;
    const blob = x.hb_face_reference_blob(sub);
    const bytes = new Uint8Array(x.memory.buffer, x.hb_blob_get_data(blob, 0), x.hb_blob_get_length(blob)).slice();
    x.hb_blob_destroy(blob);
    x.hb_face_destroy(sub);
    return bytes.length ? bytes : undefined;
  } finally {
    x.hb_subset_input_destroy(input);
  }
}

let dir: string | undefined;
let written = 0;
/** Subset files by face and character set: the same chart text needs no second subset. */
const cache = new Map<string, string[]>();
const CACHE_LIMIT = 256;

function tempDir(): string {
  if (!dir) {
    const d = mkdtempSync(join(tmpdir(), "ducha-fonts-"));
    process.once("exit", () => rmSync(d, { recursive: true, force: true }));
    dir = d;
  }
  return dir;
}

/** Characters always included, so that a chart's subset also draws digits and common punctuation. */
const ALWAYS = " 0123456789.,%-+()（）：:、，。…";

/**
 * Font files that draw `text` with `font`: small subsets of its regular (and bold) face, or the
 * font's own files when subsetting is not possible. The files live until the process exits.
 */
export function fontFilesFor(font: CjkFont, text: string): string[] {
  const x = harfbuzz();
  if (!x) return font.files;
  const codePoints = [...new Set([...ALWAYS, ...text].map((ch) => ch.codePointAt(0)!))].sort((a, b) => a - b);
  const chosen = font.bold ? [font.regular, font.bold] : [font.regular];
  const key = `${chosen.map((f) => `${f.file}#${f.index}`).join("|")}\u0000${String.fromCodePoint(...codePoints)}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const out: string[] = [];
  try {
    for (const face of chosen) {
      const bytes = subsetBytes(x, face, codePoints);
      if (!bytes) return font.files;
      const file = join(tempDir(), `${++written}.otf`);
      writeFileSync(file, bytes);
      out.push(file);
    }
  } catch {
    return font.files;
  }
  if (cache.size >= CACHE_LIMIT) {
    for (const files of cache.values()) for (const f of files) rmSync(f, { force: true });
    cache.clear();
  }
  cache.set(key, out);
  return out;
}
