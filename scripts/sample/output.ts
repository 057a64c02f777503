/**
 * Writes the sample tables: one XLSX (a sheet per batch, as disclosure tables are published) and
 * CSV files (UTF-8 with BOM, CRLF, RFC 4180 quoting), byte for byte the same on every run.
 */
import ExcelJS from "exceljs";
import { BATCHES, type Case, END_OF_STATIONING, statusAt } from "./model.js";

export const COLUMNS = [
  "序号",
  "受理编号",
  "交办时间",
  "交办问题基本情况",
  "行政区域",
  "污染类型",
  "调查核实情况",
  "是否属实",
  "处理和整改情况",
  "是否办结",
  "办结目标",
  "责任人被处理情况",
  "案卷类别",
] as const;

const TITLE = "湖南省第三生态环境保护督察组交办信访件边督边改公开情况一览表";

export function asOfCn(iso: string): string {
  const [y, m, d] = iso.split("-").map(Number);
  return `截至${y}年${m}月${d}日`;
}

/** "2023-06-26" -> "2023/6/26", as Excel writes a yyyy/m/d date into CSV. */
function slashDate(iso: string): string {
  const [y, m, d] = iso.split("-").map(Number);
  return `${y}/${m}/${d}`;
}

/** Cases of a batch in table order: by county code, then acceptance order. */
export function tableOrder(cases: readonly Case[]): Case[] {
  return cases.slice().sort((a, b) => a.batch - b.batch || a.county.code.localeCompare(b.county.code) || a.seq - b.seq);
}

export function rowValues(c: Case, serial: number, asOf: string): string[] {
  return [
    String(serial),
    c.caseNo,
    slashDate(c.date),
    c.text,
    c.areaCell,
    c.typeCell,
    c.findings,
    c.verification,
    c.actionText[asOf] ?? "",
    statusAt(c, asOf),
    c.deadlineCell,
    c.accountabilityText[asOf] ?? "无",
    c.category,
  ];
}

// ---------------------------------------------------------------------------------------------
// CSV

function csvField(v: string): string {
  return /[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

function csvLine(fields: readonly string[]): string {
  return fields.map(csvField).join(",");
}

/** All batches in one CSV; `withClosed` adds 办结时间 (the status snapshots). */
export function buildCsv(cases: readonly Case[], asOf: string, withClosed: boolean): string {
  const header = ["批次", ...COLUMNS, ...(withClosed ? ["办结时间"] : [])];
  const title = `${TITLE}（${asOfCn(asOf)}）（模拟数据）`;
  const lines: string[] = [csvLine([title, ...Array<string>(header.length - 1).fill("")]), csvLine(header)];
  const ordered = tableOrder(cases);
  let serial = 0;
  let batch = 0;
  for (const c of ordered) {
    if (c.batch !== batch) {
      batch = c.batch;
      serial = 0;
    }
    serial++;
    const row = [`第${c.batch}批`, ...rowValues(c, serial, asOf)];
    if (withClosed) row.push(c.closeDate && c.closeDate <= asOf ? c.closeDate : "");
    lines.push(csvLine(row));
  }
  return `\uFEFF${lines.join("\r\n")}\r\n`;
}

// ---------------------------------------------------------------------------------------------
// XLSX

const WIDTHS = [6, 19, 11, 52, 10, 11, 50, 9, 50, 11, 16, 24, 9];
const FIXED_TIME = Date.UTC(2023, 6, 16, 18, 0, 0);

export async function buildXlsx(cases: readonly Case[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "ducha（npm run data:sample）";
  wb.lastModifiedBy = "ducha（npm run data:sample）";
  wb.created = new Date(FIXED_TIME);
  wb.modified = new Date(FIXED_TIME);
  wb.lastPrinted = new Date(FIXED_TIME);
  wb.title = `${TITLE}（模拟数据）`;

  const thin = { style: "thin" as const };
  const border = { top: thin, left: thin, bottom: thin, right: thin };
  const ordered = tableOrder(cases);
  for (let b = 1; b <= BATCHES; b++) {
    const rows = ordered.filter((c) => c.batch === b);
    const ws = wb.addWorksheet(`第${b}批`, { views: [{ state: "frozen", ySplit: 2 }] });
    ws.columns = WIDTHS.map((width) => ({ width }));
    ws.mergeCells(1, 1, 1, COLUMNS.length);
    const title = ws.getCell(1, 1);
    title.value = `${TITLE}（第${b}批）（${asOfCn(END_OF_STATIONING)}）（模拟数据）`;
    title.font = { bold: true, size: 14, name: "宋体" };
    title.alignment = { horizontal: "center", vertical: "middle", wrapText: true };
    ws.getRow(1).height = 36;
    const header = ws.getRow(2);
    COLUMNS.forEach((h, i) => {
      const cell = header.getCell(i + 1);
      cell.value = h;
      cell.font = { bold: true, name: "宋体", size: 11 };
      cell.alignment = { horizontal: "center", vertical: "middle", wrapText: true };
      cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFD9D9D9" } };
      cell.border = border;
    });
    header.height = 30;
    rows.forEach((c, i) => {
      const values = rowValues(c, i + 1, END_OF_STATIONING);
      const row = ws.getRow(i + 3);
      values.forEach((v, j) => {
        const cell = row.getCell(j + 1);
        if (COLUMNS[j] === "交办时间") {
          const [y, m, d] = c.date.split("-").map(Number) as [number, number, number];
          cell.value = new Date(Date.UTC(y, m - 1, d));
          cell.numFmt = "yyyy/m/d";
        } else if (COLUMNS[j] === "序号") {
          cell.value = i + 1;
        } else {
          cell.value = v;
        }
        const centred = ["序号", "交办时间", "行政区域", "污染类型", "是否属实", "是否办结", "办结目标", "案卷类别", "受理编号"].includes(COLUMNS[j] as string);
        cell.alignment = { vertical: "middle", horizontal: centred ? "center" : "left", wrapText: true };
        cell.font = { name: "宋体", size: 10 };
        cell.border = border;
      });
    });
    // 行政区域 merged over consecutive rows of the same county
    const areaCol = COLUMNS.indexOf("行政区域") + 1;
    let start = 0;
    for (let i = 1; i <= rows.length; i++) {
      if (i === rows.length || rows[i]?.county.code !== rows[start]?.county.code) {
        if (i - start > 1) ws.mergeCells(start + 3, areaCol, i + 2, areaCol);
        start = i;
      }
    }
  }
  const notes = wb.addWorksheet("说明");
  notes.columns = [{ width: 110 }];
  const lines = [
    "说明（模拟数据）",
    "本工作簿为模拟数据（synthetic data），仅用于 ducha 的演示、测试和教学，不是任何真实的督察交办信访件。",
    "数据模拟湖南省第三生态环境保护督察组进驻郴州市期间（2023年6月26日至7月16日）的21批交办信访件，状态为截至2023年7月16日。",
    "企业、小区、村组和人名均为随机组合生成，不涉及真实人员；个别文本中故意埋入格式逼真的虚构个人信息和特殊字符，用于检验脱敏和输出安全。",
    "本文件由 npm run data:sample（scripts/generate-sample.ts）按固定随机种子生成，每次运行结果逐字节相同。请勿手工修改。",
    "各项比例的校准依据见 data/sample/README.md。",
  ];
  lines.forEach((l, i) => {
    const cell = notes.getCell(i + 1, 1);
    cell.value = l;
    cell.alignment = { wrapText: true, vertical: "top" };
    if (i === 0) cell.font = { bold: true, size: 14 };
  });
  return withFixedClock(FIXED_TIME, async () => Buffer.from(await wb.xlsx.writeBuffer()));
}

/**
 * exceljs stamps zip entries with `new Date()` (through JSZip). Freeze the clock while the
 * workbook is written so that the archive is the same on every run.
 */
async function withFixedClock<T>(time: number, fn: () => Promise<T>): Promise<T> {
  const RealDate = Date;
  class FixedDate extends RealDate {
    constructor(...args: unknown[]) {
      if (args.length === 0) super(time);
      else super(...(args as [string | number | Date]));
    }
    static override now(): number {
      return time;
    }
  }
  globalThis.Date = FixedDate as DateConstructor;
  try {
    return await fn();
  } finally {
    globalThis.Date = RealDate;
  }
}
