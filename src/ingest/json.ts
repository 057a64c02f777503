import type { Grid, GridError, GridRow } from "./grid.js";

const ARRAY_KEYS = ["records", "data", "rows", "items", "complaints", "list"];

/** Nesting kept in a cell; deeper values (a hostile or broken file) are cut off with a mark. */
const MAX_DEPTH = 8;

function toCell(v: unknown, depth = 0): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "string") return v;
  if (typeof v === "number" || typeof v === "boolean") return String(v);
  if (depth >= MAX_DEPTH) return "…";
  if (Array.isArray(v)) return v.map((x) => toCell(x, depth + 1)).join("、");
  if (typeof v === "object") {
    return `{${Object.entries(v as Record<string, unknown>)
      .map(([k, x]) => `${JSON.stringify(k)}:${typeof x === "string" ? JSON.stringify(x) : toCell(x, depth + 1)}`)
      .join(",")}}`;
  }
  // bigint, symbol, function: JSON.parse never yields them
  return typeof v === "bigint" ? v.toString() : "";
}

/**
 * A JSON table: an array of objects (or an object holding one under records/data/rows/...).
 * Keys are headers in order of first appearance. Records exported by ducha itself
 * (objects with a `raw` object) are read back from their raw cells. Row numbers are the
 * 1-based element index.
 */
export function readJson(text: string): { grid: Grid } | { error: string } {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    return { error: `不是有效的 JSON（${(e as Error).message}）` };
  }
  let items: unknown[] | undefined = Array.isArray(doc) ? doc : undefined;
  if (!items && doc && typeof doc === "object") {
    for (const k of ARRAY_KEYS) {
      const v = (doc as Record<string, unknown>)[k];
      if (Array.isArray(v)) {
        items = v;
        break;
      }
    }
  }
  if (!items) return { error: 'JSON 中没有记录数组（应为对象数组，或 {"records": [...]}）' };

  const headers: string[] = [];
  const index = new Map<string, number>();
  const objects: (Record<string, unknown> | undefined)[] = items.map((item) => {
    if (!item || typeof item !== "object" || Array.isArray(item)) return undefined;
    const o = item as Record<string, unknown>;
    const raw = o.raw;
    return raw && typeof raw === "object" && !Array.isArray(raw) ? (raw as Record<string, unknown>) : o;
  });
  for (const o of objects) {
    if (!o) continue;
    for (const k of Object.keys(o)) {
      if (!index.has(k)) {
        index.set(k, headers.length);
        headers.push(k);
      }
    }
  }
  const rows: GridRow[] = [{ n: 0, cells: headers }];
  const errors: GridError[] = [];
  objects.forEach((o, i) => {
    if (!o) {
      errors.push({ n: i + 1, message: `第${i + 1}条不是对象`, excerpt: toCell(items![i]).slice(0, 500) });
      return;
    }
    const cells = new Array<string>(headers.length).fill("");
    for (const [k, v] of Object.entries(o)) cells[index.get(k)!] = toCell(v);
    rows.push({ n: i + 1, cells });
  });
  return { grid: { rows, errors } };
}
