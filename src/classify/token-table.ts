/**
 * A string-keyed table for the per-token caches that every token of every text passes through
 * (some two million lookups for 40,000 complaints). jieba returns each token as a fresh string,
 * which a Map hashes in the runtime before it probes its buckets; this table hashes the few
 * characters of a token in JavaScript and probes one flat array, about three times faster.
 * The hash is seeded per process, so that crafted texts cannot choose tokens that collide.
 */
export class TokenTable<V> {
  private keys: (string | undefined)[] = [];
  private values: (V | undefined)[] = [];
  private mask = 0;
  /** entries held */
  size = 0;
  private readonly seed = Math.floor(Math.random() * 0x1_0000_0000) | 0;

  constructor(private readonly initialCapacity = 1024) {
    this.allocate(initialCapacity);
  }

  private allocate(capacity: number): void {
    this.keys = new Array<string | undefined>(capacity).fill(undefined);
    this.values = new Array<V | undefined>(capacity).fill(undefined);
    this.mask = capacity - 1;
  }

  private slot(key: string): number {
    let h = this.seed ^ key.length;
    for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x9e3779b1);
    h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
    return (h ^ (h >>> 13)) & this.mask;
  }

  get(key: string): V | undefined {
    const keys = this.keys;
    const mask = this.mask;
    for (let i = this.slot(key); ; i = (i + 1) & mask) {
      const k = keys[i];
      if (k === key) return this.values[i];
      if (k === undefined) return undefined;
    }
  }

  set(key: string, value: V): void {
    // at most half full: probes stay short
    if ((this.size + 1) * 2 > this.keys.length) {
      const { keys, values } = this;
      this.allocate(keys.length * 2);
      this.size = 0;
      for (let i = 0; i < keys.length; i++) if (keys[i] !== undefined) this.set(keys[i]!, values[i]!);
    }
    const mask = this.mask;
    for (let i = this.slot(key); ; i = (i + 1) & mask) {
      const k = this.keys[i];
      if (k === key) {
        this.values[i] = value;
        return;
      }
      if (k === undefined) {
        this.keys[i] = key;
        this.values[i] = value;
        this.size++;
        return;
      }
    }
  }

  clear(): void {
    this.allocate(this.initialCapacity);
    this.size = 0;
  }
}
