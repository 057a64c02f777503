/**
 * DOM helpers of the dashboard: elements from tag, attributes and children, where a string child
 * is always a text node (never parsed as HTML), and saving a Blob as a download.
 */
import { formatInteger } from "../text/format.js";

export type Child = Node | string | number | null | undefined | false;

/** `el("p", {class: "note"}, ["text", node])`: strings become text nodes. */
export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Record<string, string | undefined> = {},
  children: readonly Child[] = [],
): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) if (v !== undefined) e.setAttribute(k, v);
  for (const c of children) if (c !== null && c !== undefined && c !== false) e.append(typeof c === "number" ? String(c) : c);
  return e;
}

/** Offer a Blob as a file download. */
export function saveBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const a = el("a", { href: url, download: filename });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** A file name from a title: no characters that file systems refuse. */
export const fileName = (title: string, ext: string): string => `${title.replace(/[\\/:*?"<>|\s]+/g, "_").replace(/^_+|_+$/g, "") || "ducha"}.${ext}`;

/** 0.1234 -> "12.3%"; null -> "—" */
export const pct = (v: number | null | undefined, digits = 1): string => (v === null || v === undefined ? "—" : `${(v * 100).toFixed(digits)}%`);

/**
 * 12345 -> "12,345" (what `toLocaleString("zh-CN")` gives): `formatInteger`, which groups an
 * integer by hand and keeps one formatter for the rest. `toLocaleString` with a locale builds a
 * new formatter each time, which cost 40-60 ms of a page's first second on the 50,000-case
 * benchmark (a table cell, a figure, a button label each); building even one costs 25-60 ms.
 */
export const num = (v: number): string => formatInteger(v);

/** "2023-07-16" -> "2023年7月16日" */
export function cnDate(iso: string | null | undefined): string {
  const m = iso ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso) : null;
  return m ? `${m[1]}年${Number(m[2])}月${Number(m[3])}日` : (iso ?? "");
}

/** "2023-07-16" -> "7月16日" */
export function cnDay(iso: string): string {
  const m = /^\d{4}-(\d{2})-(\d{2})$/.exec(iso);
  return m ? `${Number(m[1])}月${Number(m[2])}日` : iso;
}
