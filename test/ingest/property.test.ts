import ExcelJS from "exceljs";
import fc from "fast-check";
import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { IngestError, ingestBuffers } from "../../src/ingest/index.js";

const HEADER = ["序号", "受理编号", "交办时间", "交办问题基本情况", "行政区域", "污染类型", "是否属实", "是否办结"];
const TEXT = 3;

const cell = fc.oneof(
  fc.string({ unit: fc.constantFrom("a", "中", ",", '"', "\n", " ", "=", "、", "1", "/", "年"), maxLength: 12 }),
  fc.constantFrom(
    "",
    "  ",
    "北湖区",
    "资兴",
    "郴州市",
    "广东省",
    "大气、噪音",
    "属实",
    "是",
    "已办结",
    "2023/6/29",
    "6月29日",
    "45106",
    "D2CZ202306290001",
    "第3批",
  ),
);
const row = fc.array(cell, { minLength: 0, maxLength: 10 });

const quote = (c: string) => (/[",\r\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c);
const toCsv = (rows: string[][]) => [HEADER, ...rows].map((r) => r.map(quote).join(",")).join("\r\n");

const blank = (r: string[]) => r.every((c) => !c.trim());
const isHeader = (r: string[]) => HEADER.every((h, i) => (r[i] ?? "").trim() === h);

describe("ingestion never loses a row (property)", () => {
  it("CSV: every non-blank row is accepted exactly when it has complaint text", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(row, { maxLength: 15 }), fc.boolean(), async (rows, gbk) => {
        const text = toCsv(rows);
        const bytes = gbk ? iconv.encode(text, "gb18030") : Buffer.from(text);
        const r = await ingestBuffers([{ name: "p.csv", bytes }]);
        const data = rows.filter((x) => !blank(x));
        expect(r.rows).toBe(data.length);
        expect(r.accepted + r.rejected).toBe(r.rows);
        expect(r.accepted).toBe(data.filter((x) => (x[TEXT] ?? "").trim() && !isHeader(x)).length);
        expect(r.records.map((x) => x.text)).toEqual(data.filter((x) => (x[TEXT] ?? "").trim() && !isHeader(x)).map((x) => x[TEXT]!.trim()));
      }),
      { numRuns: 150 },
    );
  });

  it("XLSX: the same holds for a worksheet", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(row, { maxLength: 8 }), async (rows) => {
        const wb = new ExcelJS.Workbook();
        const ws = wb.addWorksheet("第1批");
        ws.addRow(["模拟标题"]);
        ws.addRow(HEADER);
        for (const r of rows) ws.addRow(r.length ? r : [""]);
        const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
        const r = await ingestBuffers([{ name: "p.xlsx", bytes }]);
        const data = rows.filter((x) => !blank(x));
        expect(r.rows).toBe(data.length);
        expect(r.accepted + r.rejected).toBe(r.rows);
      }),
      { numRuns: 25 },
    );
  });

  it("arbitrary bytes either ingest with rows = accepted + rejected or fail with an IngestError", async () => {
    const bytes = fc.oneof(
      fc.uint8Array({ maxLength: 300 }),
      fc.string({ unit: fc.constantFrom("a", ",", '"', "\n", "\r", "中", "交办问题基本情况", "序号", "{", "[", "]", "}", ":") }).map((s) => Buffer.from(s)),
      fc.array(row, { maxLength: 5 }).map((rows) => Buffer.from(`${"\uFEFF"}${toCsv(rows)}`.slice(0, 200))),
    );
    await fc.assert(
      fc.asyncProperty(bytes, fc.constantFrom("x.csv", "x.json", "x.xlsx", "x.txt"), async (b, name) => {
        try {
          const r = await ingestBuffers([{ name, bytes: b }]);
          expect(r.accepted + r.rejected).toBe(r.rows);
        } catch (e) {
          expect(e).toBeInstanceOf(IngestError);
          expect((e as IngestError).message.startsWith(`${name}: `)).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });
});
