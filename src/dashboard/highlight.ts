/**
 * Evidence words highlighted in a complaint text, safely: the text is split into plain pieces and
 * marked pieces, and the DOM is built from text nodes and <mark> elements. Complaint text is never
 * parsed as HTML. Browser-safe (the DOM part runs only when called).
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

/** The words of a search query as words to mark (split on white space, as searchRows matches them). */
export function queryWords(query: string): EvidenceWord[] {
  return [...new Set(query.trim().split(/\s+/).filter(Boolean))].map((word) => ({ word, kind: "query" as const, label: word }));
}

/**
 * The text as pieces: every occurrence of an evidence word is a marked piece (longest words win
 * where they overlap; a piece carries every label the word supports).
 */
export function pieces(text: string, words: readonly EvidenceWord[]): Piece[] {
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
  for (const word of order) {
    for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + word.length)) {
      let free = true;
      for (let i = at; i < at + word.length; i++) if (taken[i]) free = false;
      if (!free) continue;
      taken.fill(1, at, at + word.length);
      hits.push({ start: at, end: at + word.length, word });
    }
  }
  hits.sort((a, b) => a.start - b.start);
  const out: Piece[] = [];
  let at = 0;
  for (const h of hits) {
    if (h.start > at) out.push({ text: text.slice(at, h.start) });
    out.push({ text: text.slice(h.start, h.end), marks: byWord.get(h.word)! });
    at = h.end;
  }
  if (at < text.length) out.push({ text: text.slice(at) });
  return out;
}

const KIND_NAMES = { type: "污染类型", theme: "督察重点", key: "重点件", query: "检索词" } as const;

/** The text as DOM nodes: text nodes and <mark class="ev-type|ev-theme|ev-key" title="…">. */
export function highlighted(text: string, words: readonly EvidenceWord[]): DocumentFragment {
  const frag = document.createDocumentFragment();
  for (const p of pieces(text, words)) {
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
