/**
 * data/cases.bin: the per-case columns as typed arrays, described by cases.json's `packed` layout.
 * Each column takes the narrowest integer type holding its values and comes back unchanged,
 * whatever the offset of the bytes it is read from.
 */
import { describe, expect, it } from "vitest";
import { packColumns, unpackColumns } from "../../src/dashboard/model.js";

const COLUMNS = {
  status: [0, 3, 255],
  closedSlot: [-1, 0, 127],
  types: [1, 256, 65535],
  closeDays: [-1, 200, 30000],
  date: [0, 70000, 2],
  big: [-40000, 0, 1],
};

describe("packColumns / unpackColumns", () => {
  it("stores each column in the narrowest type, 4-byte aligned, and reads the values back", () => {
    const { layout, bytes } = packColumns(COLUMNS, 3);
    expect(layout.columns.map((c) => [c.name, c.kind])).toEqual([
      ["status", "u8"],
      ["closedSlot", "i8"],
      ["types", "u16"],
      ["closeDays", "i16"],
      ["date", "i32"],
      ["big", "i32"],
    ]);
    // 3 bytes, 3 bytes, 6, 6 rounded up to 4, 8, 8; then 12 and 12
    expect(layout.columns.map((c) => c.offset)).toEqual([0, 4, 8, 16, 24, 36]);
    expect(bytes.byteLength).toBe(48);
    expect(layout.bytes).toBe(48);
    const back = unpackColumns(layout, bytes.buffer as ArrayBuffer);
    for (const [name, values] of Object.entries(COLUMNS)) expect(Array.from(back.get(name)!), name).toEqual(values);
  });

  it("reads bytes that sit at an odd offset of a larger buffer (a Node Buffer from a pool)", () => {
    const { layout, bytes } = packColumns(COLUMNS, 3);
    const shifted = new Uint8Array(bytes.byteLength + 1);
    shifted.set(bytes, 1);
    const back = unpackColumns(layout, shifted.subarray(1));
    for (const [name, values] of Object.entries(COLUMNS)) expect(Array.from(back.get(name)!), name).toEqual(values);
  });

  it("refuses a cases.bin of another size than cases.json says, and values that are not 32-bit integers", () => {
    const { layout, bytes } = packColumns(COLUMNS, 3);
    expect(() => unpackColumns(layout, bytes.subarray(4))).toThrow(/cases\.bin 有 44 字节，cases\.json 说应为 48 字节/);
    expect(() => packColumns({ closeDays: [1, 2.5] }, 2)).toThrow(/column closeDays, row 1: 2\.5/);
    expect(() => packColumns({ date: [1, 2 ** 31] }, 2)).toThrow(/column date, row 1/);
    expect(() => packColumns({ date: [1, 2] }, 3)).toThrow(/column date has 2 values, not 3/);
  });
});
