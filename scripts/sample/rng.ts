/**
 * Seeded randomness for the sample generator. Everything random in scripts/sample goes through
 * {@link Rng}: never Math.random, never the clock, so that `npm run data:sample` rewrites
 * data/sample/ byte for byte.
 *
 * Independent streams are forked by name (`rng.fork("timeline")`) so that editing one phrase bank
 * does not reshuffle the statuses, dates or labels drawn elsewhere.
 */

/** FNV-1a over UTF-16 code units: a stable 32-bit hash for stream names. */
export function hash32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

export class Rng {
  private state: number;
  readonly seed: number;

  constructor(seed: number) {
    this.seed = seed >>> 0;
    this.state = this.seed;
  }

  /** mulberry32: a float in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An independent stream derived from this stream's seed and a name. */
  fork(name: string): Rng {
    return new Rng(Math.imul(this.seed ^ hash32(name), 0x9e3779b1) ^ hash32(`${name}#${this.seed}`));
  }

  /** An integer in [min, max], both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error("pick from an empty list");
    return items[Math.floor(this.next() * items.length)] as T;
  }

  /** Pick by weight; weights need not sum to 1. */
  weighted<T>(items: readonly (readonly [T, number])[]): T {
    let total = 0;
    for (const [, w] of items) total += Math.max(0, w);
    if (total <= 0) throw new Error("weighted pick with no positive weight");
    let x = this.next() * total;
    for (const [item, w] of items) {
      x -= Math.max(0, w);
      if (x < 0) return item;
    }
    return (items[items.length - 1] as readonly [T, number])[0];
  }

  shuffle<T>(items: readonly T[]): T[] {
    const out = items.slice();
    for (let i = out.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      const a = out[i] as T;
      out[i] = out[j] as T;
      out[j] = a;
    }
    return out;
  }

  /** k distinct items in random order (fewer when the list is shorter). */
  sample<T>(items: readonly T[], k: number): T[] {
    return this.shuffle(items).slice(0, k);
  }

  /** A normally distributed value (Box-Muller). */
  normal(mean = 0, sd = 1): number {
    const u = 1 - this.next();
    const v = this.next();
    return mean + sd * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }
}

export type Slots = Readonly<Record<string, string | (() => string)>>;

/**
 * Expands a phrase template:
 * - `[a|b|c]` picks one alternative (nesting allowed, an alternative may be empty);
 * - `{name}` is replaced by the slot `name` (itself expanded, so slots may hold templates).
 * Unknown slots are an error, so that a typo in a phrase bank cannot reach the data.
 */
export function expand(rng: Rng, template: string, slots: Slots = {}, depth = 0): string {
  if (depth > 8) throw new Error(`template nesting too deep: ${template}`);
  let out = "";
  let i = 0;
  while (i < template.length) {
    const ch = template[i] as string;
    if (ch === "[") {
      const { alternatives, end } = splitAlternatives(template, i);
      out += expand(rng, rng.pick(alternatives), slots, depth + 1);
      i = end + 1;
    } else if (ch === "{") {
      const end = template.indexOf("}", i);
      if (end < 0) throw new Error(`unclosed slot in: ${template}`);
      const name = template.slice(i + 1, end);
      const value = slots[name];
      if (value === undefined) throw new Error(`unknown slot {${name}} in: ${template}`);
      out += expand(rng, typeof value === "function" ? value() : value, slots, depth + 1);
      i = end + 1;
    } else {
      out += ch;
      i++;
    }
  }
  return out;
}

function splitAlternatives(template: string, start: number): { alternatives: string[]; end: number } {
  const alternatives: string[] = [];
  let level = 0;
  let current = "";
  for (let i = start + 1; i < template.length; i++) {
    const ch = template[i] as string;
    if (ch === "[") level++;
    if (ch === "]") {
      if (level === 0) {
        alternatives.push(current);
        return { alternatives, end: i };
      }
      level--;
    }
    if (ch === "|" && level === 0) {
      alternatives.push(current);
      current = "";
    } else {
      current += ch;
    }
  }
  throw new Error(`unclosed [ in: ${template}`);
}

/** Chinese numerals for small counts (一 … 十九), as complaint texts write them. */
export function cn(n: number): string {
  const d = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
  if (n < 10) return d[n] as string;
  if (n < 20) return `十${n === 10 ? "" : d[n - 10]}`;
  if (n < 100) return `${d[Math.floor(n / 10)]}十${n % 10 === 0 ? "" : d[n % 10]}`;
  return String(n);
}
