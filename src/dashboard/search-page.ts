/**
 * The 信访件检索 page's markdown (notebooks/search.md.template) with its text files listed:
 * Framework ships only the files a page names in a literal FileAttachment("…"), and how many
 * text pieces a national year has depends on its size, so the page loader notebooks/search.md.ts
 * writes the page once the data step has said. Browser-safe (strings only).
 */
import { TEXT_CHUNKS, pieceFile } from "./model.js";

const attachment = (name: string) => `  FileAttachment(${JSON.stringify(name)})`;

/** The text files of the page: 32 chunks, or `perGroup` pieces for each of the 32 index groups (group-major). */
export function textFiles(perGroup?: number): string[] {
  return perGroup
    ? Array.from({ length: TEXT_CHUNKS * perGroup }, (_, k) => `data/texts/${pieceFile(Math.floor(k / perGroup), k % perGroup)}`)
    : Array.from({ length: TEXT_CHUNKS }, (_, k) => `data/texts/${String(k).padStart(2, "0")}.json`);
}

/** The page: the template's `// @head` and `// @texts` lines replaced by the files of this data set. */
export function searchPage(template: string, perGroup?: number): string {
  const head = /^\/\/ @head\b.*$/m;
  const texts = /^\/\/ @texts\b.*$/m;
  if (!head.test(template) || !texts.test(template)) throw new Error("search.md.template: the // @head and // @texts lines are missing");
  return template
    .replace(head, () =>
      perGroup
        ? `// the texts of the unfiltered first pages (the newest cases, from every county)\nconst headFile = FileAttachment("data/texts-head.json").json();`
        : "const headFile = null;",
    )
    .replace(
      texts,
      () =>
        `// the texts, fetched only when rows in them are shown or searched\nconst PER_GROUP = ${perGroup ?? 0};\nconst FILES = [\n${textFiles(perGroup).map(attachment).join(",\n")}\n];`,
    );
}
