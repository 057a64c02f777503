/**
 * A minimal ZIP writer (entries stored, not compressed; CRC-32; UTF-8 names): enough for the
 * dashboard's text-chunk archive and for XLSX files written in the browser. Browser-safe.
 */

export interface ZipEntry {
  name: string;
  data: Uint8Array;
}

let table: Uint32Array | undefined;

export function crc32(data: Uint8Array): number {
  if (!table) {
    table = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      table[n] = c >>> 0;
    }
  }
  let crc = 0xffffffff;
  for (let i = 0; i < data.length; i++) crc = table[(crc ^ data[i]!) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

// a fixed timestamp (1980-01-01 00:00, the format's epoch): the same input gives the same bytes
const DOS_TIME = 0;
const DOS_DATE = (0 << 9) | (1 << 5) | 1;

/**
 * A ZIP archive written entry by entry (stored): `add` returns the bytes of one entry, `end` the
 * central directory. Only the directory entries (a few dozen bytes each) are kept, so an archive
 * of hundreds of MB can go to a file one entry at a time.
 */
export class ZipStream {
  private readonly enc = new TextEncoder();
  private readonly central: Uint8Array[] = [];
  private offset = 0;
  private count = 0;

  /** The local header, name and data of one entry. */
  add(entryName: string, data: Uint8Array): Uint8Array[] {
    const name = this.enc.encode(entryName);
    const crc = crc32(data);
    const local = new DataView(new ArrayBuffer(30));
    local.setUint32(0, 0x04034b50, true);
    local.setUint16(4, 20, true); // version needed
    local.setUint16(6, 0x0800, true); // UTF-8 names
    local.setUint16(8, 0, true); // stored
    local.setUint16(10, DOS_TIME, true);
    local.setUint16(12, DOS_DATE, true);
    local.setUint32(14, crc, true);
    local.setUint32(18, data.length, true);
    local.setUint32(22, data.length, true);
    local.setUint16(26, name.length, true);
    local.setUint16(28, 0, true);

    const cd = new DataView(new ArrayBuffer(46));
    cd.setUint32(0, 0x02014b50, true);
    cd.setUint16(4, 20, true);
    cd.setUint16(6, 20, true);
    cd.setUint16(8, 0x0800, true);
    cd.setUint16(10, 0, true);
    cd.setUint16(12, DOS_TIME, true);
    cd.setUint16(14, DOS_DATE, true);
    cd.setUint32(16, crc, true);
    cd.setUint32(20, data.length, true);
    cd.setUint32(24, data.length, true);
    cd.setUint16(28, name.length, true);
    cd.setUint32(42, this.offset, true);
    this.central.push(new Uint8Array(cd.buffer), name);
    this.offset += 30 + name.length + data.length;
    this.count++;
    return [new Uint8Array(local.buffer), name, data];
  }

  /** The central directory and its end record. */
  end(): Uint8Array[] {
    const cdSize = this.central.reduce((s, p) => s + p.length, 0);
    const end = new DataView(new ArrayBuffer(22));
    end.setUint32(0, 0x06054b50, true);
    end.setUint16(8, this.count, true);
    end.setUint16(10, this.count, true);
    end.setUint32(12, cdSize, true);
    end.setUint32(16, this.offset, true);
    return [...this.central, new Uint8Array(end.buffer)];
  }
}

/** The bytes of a ZIP archive holding `entries` (stored, in order). */
export function zip(entries: readonly ZipEntry[]): Uint8Array<ArrayBuffer> {
  const z = new ZipStream();
  const all = [...entries.flatMap((e) => z.add(e.name, e.data)), ...z.end()];
  const out = new Uint8Array(all.reduce((s, p) => s + p.length, 0));
  let at = 0;
  for (const p of all) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
