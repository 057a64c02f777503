/**
 * Evidence words highlighted in a complaint text, safely: the text is split into plain pieces and
 * marked pieces, and the DOM is built from text nodes and <mark> elements. Complaint text is never
 * parsed as HTML. Browser-safe (the DOM part runs only when called; {@link wordStarts} is given
 * the text's words by its caller, the data step, which has the segmenter).
 *
 * An evidence word is marked where it stands as a word of the text, as the classifier read it:
 * 排到 in 污水排到河里, not in 安排到 (安排|到), and never inside a place name. The data step
 * ships those positions ({@link wordStarts}); a word's other occurrences stay plain.
 */

/** A word to mark and what it is evidence for. */
export interface EvidenceWord {
  word: string;
  /** "type" (污染类型), "theme" (督察重点), "key" (重点件) or "query" (the user's search words) */
  kind: "type" | "theme" | "key" | "query";
  /** the label it supports, e.g. "大气" */
  label: string;
}

export interface Piece {
  text: string;
  marks?: EvidenceWord[];
}

/** For each evidence word, the offsets in the text where it starts as a word: [word, starts][]. */
export type WordStarts = [string, number[]][];

/**
 * Where each word stands as a word of the text: occurrences lying inside one token (a whole
 * token, or a lexicon word inside one, as 废水 in 选矿废水) or made of whole tokens (几千|人, a
 * 重点件 figure), never cutting a token (排到 in 安排|到) and never in a place name. `tokens` is called only when needed (a word occurring more than once: an
 * evidence word found once in the text it was found in can only be there); its tokens must
 * concatenate to the text, as jieba's do.
 */
export function wordStarts(
  text: string,
  words: Iterable<string>,
  tokens: () => readonly string[],
  isPlace: (token: string) => boolean = () => false,
): WordStarts {
  const out: WordStarts = [];
  let spans: { start: number; end: number; place: boolean }[] | undefined;
  const cut = () => {
    if (spans) return spans;
    spans = [];
    let at = 0;
    for (const t of tokens()) {
      spans.push({ start: at, end: at + t.length, place: isPlace(t) });
      at += t.length;
    }
    if (at !== text.length) throw new Error("wordStarts: the tokens do not make up the text");
    return spans;
  };
  for (const word of new Set(words)) {
    if (!word) continue;
    const found: number[] = [];
    for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + word.length)) found.push(at);
    if (found.length <= 1) {
      if (found.length) out.push([word, found]);
      continue;
    }
    const sp = cut();
    const starts = found.filter((at) => {
      const end = at + word.length;
      const first = sp.find((x) => x.start <= at && at < x.end)!;
      if (end <= first.end) return !first.place;
      // across tokens: whole tokens only (几千|人, a 重点件 figure), none of them a place
      const last = sp.find((x) => x.start < end && end <= x.end)!;
      return first.start === at && last.end === end && !sp.some((x) => x.place && x.start < end && x.end > at);
    });
    if (starts.length) out.push([word, starts]);
  }
  return out;
}

/** The words of a search query as words to mark (split on white space, as searchRows matches them). */
export function queryWords(query: string): EvidenceWord[] {
  return [...new Set(query.trim().split(/\s+/).filter(Boolean))].map((word) => ({ word, kind: "query" as const, label: word }));
}

/**
 * The text as pieces: every occurrence of an evidence word is a marked piece (longest words win
 * where they overlap; a piece carries every label the word supports). With `starts`
 * ({@link wordStarts}), an evidence word is marked only where it starts as a word, and a word
 * not listed there is not marked; the user's search words are marked wherever they occur, as
 * the search matched them.
 */
export function pieces(text: string, words: readonly EvidenceWord[], starts?: WordStarts): Piece[] {
  const at = starts ? new Map(starts) : undefined;
  const byWord = new Map<string, EvidenceWord[]>();
  for (const w of words) {
    if (!w.word) continue;
    const list = byWord.get(w.word) ?? [];
    if (!list.some((x) => x.kind === w.kind && x.label === w.label)) list.push(w);
    byWord.set(w.word, list);
  }
  // the user's search words first (a hit must show where the query matched), then longest first
  const isQuery = (w: string) => byWord.get(w)!.some((x) => x.kind === "query");
  const order = [...byWord.keys()].sort((a, b) => Number(isQuery(b)) - Number(isQuery(a)) || b.length - a.length);
  const taken = new Uint8Array(text.length);
  const hits: { start: number; end: number; word: string }[] = [];
  const occurrences = (word: string): number[] => {
    if (at && !isQuery(word)) return (at.get(word) ?? []).filter((i) => text.startsWith(word, i));
    const all: number[] = [];
    for (let i = text.indexOf(word); i >= 0; i = text.indexOf(word, i + word.length)) all.push(i);
    return all;
  };
  for (const word of order) {
    for (const start of occurrences(word)) {
      let free = true;
      for (let i = start; i < start + word.length; i++) if (taken[i]) free = false;
      if (!free) continue;
      taken.fill(1, start, start + word.length);
      hits.push({ start, end: start + word.length, word });
    }
  }
  hits.sort((a, b) => a.start - b.start);
  const out: Piece[] = [];
  let done = 0;
  for (const h of hits) {
    if (h.start > done) out.push({ text: text.slice(done, h.start) });
    out.push({ text: text.slice(h.start, h.end), marks: byWord.get(h.word)! });
    done = h.end;
  }
  if (done < text.length) out.push({ text: text.slice(done) });
  return out;
}

const KIND_NAMES = { type: "污染类型", theme: "督察重点", key: "重点件", query: "检索词" } as const;

/** The text as DOM nodes: text nodes and <mark class="ev-type|ev-theme|ev-key" title="…">. */
export function highlighted(text: string, words: readonly EvidenceWord[], starts?: WordStarts): DocumentFragment {
  const frag = document.createDocumentFragment();
  for (const p of pieces(text, words, starts)) {
    if (!p.marks) {
      frag.append(document.createTextNode(p.text));
      continue;
    }
    const mark = document.createElement("mark");
    const kinds = [...new Set(p.marks.map((m) => m.kind))];
    mark.className = kinds.map((k) => `ev-${k}`).join(" ");
    mark.title = p.marks.map((m) => (m.kind === "query" ? `${KIND_NAMES.query}「${m.label}」` : `${KIND_NAMES[m.kind]}「${m.label}」的依据`)).join("；");
    mark.textContent = p.text;
    frag.append(mark);
  }
  return frag;
}
