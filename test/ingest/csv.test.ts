import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseCsv, sniffDelimiter } from "../../src/ingest/csv.js";

function serialize(rows: string[][], eol: string): string {
  return rows.map((r) => r.map((c) => (/[",\r\n]/.test(c) || c === "" ? `"${c.replace(/"/g, '""')}"` : c)).join(",")).join(eol);
}

describe("parseCsv", () => {
  it("reads quoted delimiters, doubled quotes and line breaks, numbering lines as an editor does", () => {
    const p = parseCsv('a,b\r\n"1,2","say ""hi"""\r\n"x\r\ny",z\r\nlast,row');
    expect(p.records).toEqual([
      { n: 1, cells: ["a", "b"] },
      { n: 2, cells: ["1,2", 'say "hi"'] },
      { n: 3, cells: ["x\r\ny", "z"] },
      { n: 5, cells: ["last", "row"] },
    ]);
    expect(p.errors).toEqual([]);
  });

  it("gives every short repeated cell its own value, past the point where the shared values start over", () => {
    // 60,000 distinct 8-character ids (more than the parser remembers), each followed by
    // repeated short cells at and around the sharing limit of 12 characters
    const ids = Array.from({ length: 60_000 }, (_, i) => `ID${String(i).padStart(6, "0")}`);
    const short = ["北湖区", "属实", "2023/6/26", "经核查，情况属实", "郴州市北湖区华塘镇石材厂", "郴州市北湖区华塘镇石材加工厂", " 已办结", "7"];
    const text = ids.map((id, i) => [id, short[i % short.length], short[(i * 7) % short.length], id].join(",")).join("\n");
    const p = parseCsv(text);
    expect(p.records).toHaveLength(ids.length);
    p.records.forEach((r, i) => {
      expect(r.cells).toEqual([ids[i], short[i % short.length], short[(i * 7) % short.length], ids[i]]);
    });
  });

  it("counts lone CR and LF line ends", () => {
    expect(parseCsv("a\rb\nc").records.map((r) => r.n)).toEqual([1, 2, 3]);
    expect(parseCsv('"1\r2\n3",x\nnext').records.map((r) => r.n)).toEqual([1, 4]);
  });

  it("reports an unclosed quote at the line where it starts and resumes on the next line", () => {
    const p = parseCsv('h1,h2\n1,"never closed\n2,ok\n3,ok');
    expect(p.errors.map((e) => e.n)).toEqual([2]);
    expect(p.records.map((r) => r.cells[0])).toEqual(["h1", "2", "3"]);
    expect(p.records.map((r) => r.n)).toEqual([1, 3, 4]);
  });

  it("treats a stray quote paired with a quote on a later line as unclosed, not as a giant cell", () => {
    const p = parseCsv('h1,h2\n1,"stray\n2,fine\n"3"x,ok\n4,ok');
    expect(p.errors.map((e) => e.n)).toEqual([2]);
    expect(p.records.map((r) => r.n)).toEqual([1, 3, 4, 5]);
  });

  it("keeps a quote inside an unquoted field as a character", () => {
    expect(parseCsv('a,某厂"偷排"废水,c').records[0]!.cells).toEqual(["a", '某厂"偷排"废水', "c"]);
  });

  it("sniffs tab and semicolon delimiters", () => {
    expect(sniffDelimiter("序号\t受理编号\t交办问题基本情况\n1\t2\t3")).toBe("\t");
    expect(sniffDelimiter("a;b;c\n1;2;3")).toBe(";");
    expect(sniffDelimiter("a,b,c\n1,2,3")).toBe(",");
  });

  it("round-trips any table written with RFC 4180 quoting (property)", () => {
    const cell = fc.string({ unit: fc.constantFrom("a", "中", ",", '"', "\n", "\r\n", " ", "=", "、") });
    const table = fc.array(fc.array(cell, { minLength: 2, maxLength: 2 }), { minLength: 1, maxLength: 8 });
    fc.assert(
      fc.property(table, fc.constantFrom("\n", "\r\n"), (rows, eol) => {
        const p = parseCsv(serialize(rows, eol), ",");
        expect(p.errors).toEqual([]);
        expect(p.records.map((r) => r.cells)).toEqual(rows);
      }),
    );
  });

  it("never throws and accounts for every line on arbitrary text (property)", () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom("a", ",", '"', "\n", "\r", "中") }), (text) => {
        const p = parseCsv(text, ",");
        const starts = [...p.records.map((r) => r.n), ...p.errors.map((e) => e.n)];
        expect(new Set(starts).size).toBe(starts.length);
        for (const l of starts) expect(l).toBeGreaterThanOrEqual(1);
      }),
    );
  });
});
