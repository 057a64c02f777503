/**
 * The annex as a Word document laid out as a 公文 attachment (GB/T 9704-2012): 附件 in 黑体 at the
 * top left, the title in 方正小标宋简体 二号, body in 仿宋_GB2312 三号 on a 28 pt line, headings
 * 一、 in 黑体 and （一） in 楷体_GB2312, page numbers "— 1 —" in 宋体 四号 (odd pages right,
 * even pages left), tables in 小四 with their 资料来源 line, charts as PNG at print resolution.
 * Fonts are named for East Asian text (Times New Roman for Latin) with a fallback each in the
 * font table (w:altName), for machines without the GB2312 fonts. No software credit in the text;
 * the document properties name the tool.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  HeadingLevel,
  ImageRun,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
} from "docx";
import type { RenderedPng } from "../charts/render.js";
import { formatDate } from "../text/format.js";
import { type Block, type ReportModel, type ReportTable, alignOf, numbering } from "./model.js";

const latin = { ascii: "Times New Roman", hAnsi: "Times New Roman", cs: "Times New Roman" };
/** the 公文 fonts, as named on the writers' machines, and the fallback Word takes when one is missing */
export const GONGWEN_FONTS = {
  title: { name: "方正小标宋简体", fallback: "方正小标宋_GBK", family: "roman" },
  body: { name: "仿宋_GB2312", fallback: "仿宋", family: "modern" },
  heading1: { name: "黑体", fallback: "SimHei", family: "modern" },
  heading2: { name: "楷体_GB2312", fallback: "楷体", family: "script" },
  pageNumber: { name: "宋体", fallback: "SimSun", family: "roman" },
} as const;
const font = (f: { name: string }) => ({ ...latin, eastAsia: f.name });
const XBS = font(GONGWEN_FONTS.title);
const FANG = font(GONGWEN_FONTS.body);
const HEI = font(GONGWEN_FONTS.heading1);
const KAI = font(GONGWEN_FONTS.heading2);
const SONG = font(GONGWEN_FONTS.pageNumber);

/** The font table: each 公文 font with its fallback (w:altName) and GB2312 character set. */
function fontTable(): string {
  const fonts = Object.values(GONGWEN_FONTS)
    .map(
      (f) =>
        `<w:font w:name="${f.name}"><w:altName w:val="${f.fallback}"/><w:charset w:val="86"/><w:family w:val="${f.family}"/><w:pitch w:val="variable"/></w:font>`,
    )
    .join("");
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:fonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">${fonts}<w:font w:name="Times New Roman"><w:charset w:val="00"/><w:family w:val="roman"/><w:pitch w:val="variable"/></w:font></w:fonts>`;
}

/** A4 in twips; GB/T 9704 margins: top 37 mm, left 28 mm, text block 156 mm × 225 mm. */
const mm = (x: number) => Math.round((x / 25.4) * 1440);
const PAGE = { width: 11906, height: 16838, top: mm(37), bottom: mm(35), left: mm(28), right: mm(26) };
/** the width of the text block (156 mm) in twips */
export const TEXT_TWIPS = PAGE.width - PAGE.left - PAGE.right;
/** the text width in CSS pixels (1/96 in): the widest a chart is shown */
export const TEXT_WIDTH_PX = Math.floor((TEXT_TWIPS / 1440) * 96);
/**
 * the tallest a chart is shown, in CSS pixels: the text block's 225 mm less room for the caption
 * and a note (25 mm). A taller image is not split by Word or LibreOffice but cut at the page's foot.
 */
export const FIGURE_HEIGHT_PX = Math.floor(((PAGE.height - PAGE.top - PAGE.bottom - mm(25)) / 1440) * 96);

/** Word font sizes in half-points: 二号 22 pt, 三号 16, 四号 14, 小四 12, 五号 10.5, 小五 9. */
const SIZE = { 二号: 44, 三号: 32, 四号: 28, 小四: 24, 五号: 21, 小五: 18 };
/** tables of the annex: 小四 */
const TABLE_SIZE = SIZE.小四;
/** two characters of body text: the first-line indent */
const INDENT = SIZE.三号 * 10 * 2;
/** a cell's left + right margins */
const CELL_MARGIN = 57;

const ALIGN = { left: AlignmentType.LEFT, center: AlignmentType.CENTER, right: AlignmentType.RIGHT } as const;

const line = { style: BorderStyle.SINGLE, size: 4, color: "000000" };
const thick = { style: BorderStyle.SINGLE, size: 12, color: "000000" };
const none = { style: BorderStyle.NONE, size: 0, color: "FFFFFF" };

/**
 * The width of a text in ems of its font size: CJK and full-width 1, Latin letters and digits
 * 0.62 (wide enough for the sans fonts a preview may substitute; Times New Roman needs 0.5).
 */
export function emWidth(text: string): number {
  let w = 0;
  let prevCjk: boolean | undefined;
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    const cjk = c >= 0x2e80 || (c >= 0x2000 && c <= 0x206f && ch !== " ");
    // Word and LibreOffice put a quarter em between Chinese and Latin text (10月31日, 153 天)
    if (prevCjk !== undefined && cjk !== prevCjk && ch !== " ") w += 0.25;
    prevCjk = cjk;
    if (cjk) w += 1;
    else if (/[%@MWmw]/.test(ch)) w += 1;
    else if (/[A-Z]/.test(ch)) w += 0.75;
    else if (/[.,:;!|'" ]/.test(ch)) w += 0.35;
    else w += 0.65;
  }
  return w;
}

/** how much wider bold text is than regular: DejaVu Serif Bold's digits 0.696 em against 0.65 */
const BOLD = 1.08;

/** The pieces of a cell text a line never breaks inside: runs of Latin letters, digits and signs ("1482.55", "93.1%", "D2CZ2023…"). */
const unbreakable = (text: string): string[] => text.match(/[^\u2e80-\uffff\s]+/g) ?? [];

/** The narrowest a header may be: split before its （unit）, else a short one on one line, else on two lines. */
function headerMin(h: string): number {
  const k = h.indexOf("（");
  if (k > 0) return Math.max(emWidth(h.slice(0, k)), emWidth(h.slice(k)));
  const w = emWidth(h);
  return w <= 3 ? w : Math.ceil(w / 2);
}

/** The narrowest a cell may be: a short text (a county, a status, a date) on one line, else its longest figure or code. */
function cellMin(c: string): number {
  const w = emWidth(c);
  return w <= 6 && !/[，。；]/.test(c) ? w : Math.max(4, ...unbreakable(c).map(emWidth));
}

/**
 * The layout of a table from its content: the font size (小四 where the table fits, else 五号)
 * and the column widths (twips, summing to `total`). Every column is at least as wide as its
 * longest figure or code (so "1482.55", "100.0%" and a 受理编号 never break), short names and
 * dates stay on one line, a header breaks only before its （unit） or in half; the room left goes
 * to the columns whose text is longest (excerpts).
 */
export function tableLayout(t: Pick<ReportTable, "headers" | "rows" | "totalRow">, total: number): { size: number; widths: number[] } {
  const cells = t.headers.map((_, i) => t.rows.map((r) => r[i] ?? ""));
  // the bold 合计 row is wider than its digits' count says: bold digits of DejaVu Serif, what
  // LibreOffice shows where Times New Roman is missing, are 0.70 em, not 0.65 ("20" broke in two)
  const last = t.rows.length - 1;
  const widthOf = (w: (c: string) => number) => (c: string, k: number) => (t.totalRow && k === last ? w(c) * BOLD : w(c));
  const pref = t.headers.map((h, i) => Math.max(emWidth(h), ...cells[i]!.map(widthOf(emWidth))));
  // headers on one line where the table allows it, else broken before their （unit） or in half
  const minWith = (header: (h: string) => number) => t.headers.map((h, i) => Math.max(header(h), ...cells[i]!.map(widthOf(cellMin))));
  // 1.04: bold totals and rounding
  const twips = (em: number, size: number) => em * size * 10 * 1.04 + 2 * CELL_MARGIN;
  const sum = (ems: number[], size: number) => ems.reduce((s, e) => s + twips(e, size), 0);
  // 五号 when 小四 would leave the wrapping columns (excerpts) too little room
  const choices = [TABLE_SIZE, SIZE.五号].flatMap((size) => [emWidth, headerMin].map((header) => ({ size, min: minWith(header) })));
  const wraps = pref.some((e) => e > 12);
  const { size, min } = choices.find((c) => sum(c.min, c.size) <= total * (wraps && c.size === TABLE_SIZE ? 0.85 : 1)) ?? choices.at(-1)!;
  const mins = min.map((e) => twips(e, size));
  const prefs = pref.map((e, i) => Math.max(mins[i]!, twips(e, size)));
  const sumMin = mins.reduce((s, x) => s + x, 0);
  const sumPref = prefs.reduce((s, x) => s + x, 0);
  let widths: number[];
  if (sumPref <= total) widths = prefs.map((p) => (p / sumPref) * total);
  else if (sumMin <= total) widths = mins.map((m, i) => m + ((prefs[i]! - m) / (sumPref - sumMin)) * (total - sumMin));
  else widths = mins.map((m) => (m / sumMin) * total);
  const out = widths.map((w) => Math.floor(w));
  out[out.length - 1]! += total - out.reduce((s, w) => s + w, 0);
  return { size, widths: out };
}

/** A header cell's text: broken before its （unit） when the column is narrower than the header (not after a 、). */
function headerRuns(h: string, width: number, size: number): TextRun[] {
  const k = h.indexOf("（");
  if (k <= 0 || emWidth(h) * size * 10 <= width - 2 * CELL_MARGIN) return [new TextRun({ text: h, size, font: HEI })];
  return [new TextRun({ text: h.slice(0, k), size, font: HEI }), new TextRun({ text: h.slice(k), size, font: HEI, break: 1 })];
}

function caption(text: string): Paragraph {
  return new Paragraph({ style: "Caption", keepNext: true, children: [new TextRun(text)] });
}

function note(text: string, keepNext = false): Paragraph {
  return new Paragraph({ style: "Note", keepNext, children: [new TextRun(text)] });
}

function tableOf(t: ReportTable, label: string): (Paragraph | Table)[] {
  const { size, widths } = tableLayout(t, TEXT_TWIPS);
  // keepNext on every row but the last keeps a short table on one page; a long one flows
  const short = t.rows.length <= 15;
  const cell = (text: string, i: number, opts: { header?: boolean; bold?: boolean; last?: boolean }) =>
    new TableCell({
      width: { size: widths[i]!, type: WidthType.DXA },
      verticalAlign: VerticalAlign.CENTER,
      margins: { top: 30, bottom: 30, left: CELL_MARGIN, right: CELL_MARGIN },
      children: [
        new Paragraph({
          style: "TableText",
          keepNext: short && !opts.last,
          alignment: opts.header ? AlignmentType.CENTER : ALIGN[alignOf(t, i)],
          children: opts.header ? headerRuns(text, widths[i]!, size) : [new TextRun({ text, size, ...(opts.bold ? { bold: true } : {}) })],
        }),
      ],
    });
  const rows = [
    new TableRow({ tableHeader: true, cantSplit: true, children: t.headers.map((h, i) => cell(h, i, { header: true })) }),
    ...t.rows.map(
      (r, k) =>
        new TableRow({
          cantSplit: true,
          children: r.map((v, i) => cell(v, i, { bold: t.totalRow && k === t.rows.length - 1, last: k === t.rows.length - 1 })),
        }),
    ),
  ];
  return [
    caption(`${label} ${t.caption}`),
    new Table({
      rows,
      width: { size: TEXT_TWIPS, type: WidthType.DXA },
      columnWidths: widths,
      layout: TableLayoutType.FIXED,
      borders: { top: thick, bottom: thick, left: none, right: none, insideHorizontal: line, insideVertical: line },
    }),
    note(`资料来源：${t.source}`, Boolean(t.note)),
    ...(t.note ? [note(`注：${t.note}`)] : []),
    new Paragraph({ style: "Note", children: [] }),
  ];
}

/** The headline figures as plain text lines (a 公文 carries no shaded cards). */
function factsOf(facts: Extract<Block, { kind: "facts" }>["facts"]): Paragraph[] {
  return facts.map(
    (f) =>
      new Paragraph({
        indent: { firstLine: INDENT },
        alignment: AlignmentType.LEFT,
        children: [new TextRun(`${f.label}：${f.value}${f.detail ? `（${f.detail}）` : ""}。`)],
      }),
  );
}

function figureOf(f: Extract<Block, { kind: "figure" }>["figure"], label: string, png: RenderedPng | undefined): Paragraph[] {
  if (!png) return [];
  const cssWidth = png.width / png.scale;
  const cssHeight = png.height / png.scale;
  const k = Math.min(1, TEXT_WIDTH_PX / cssWidth, FIGURE_HEIGHT_PX / cssHeight);
  return [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      keepNext: true,
      spacing: { before: 120, after: 60, line: 240, lineRule: LineRuleType.AUTO },
      children: [
        new ImageRun({
          type: "png",
          data: png.data,
          transformation: { width: Math.round(cssWidth * k), height: Math.round(cssHeight * k) },
          altText: { name: f.chart, title: f.caption, description: `${label} ${f.caption}` },
        }),
      ],
    }),
    new Paragraph({ style: "Caption", spacing: { before: 60, after: f.note ? 0 : 240 }, children: [new TextRun(`${label} ${f.caption}`)] }),
    ...(f.note ? [note(`注：${f.note}`)] : []),
  ];
}

/** "— 1 —" in 宋体 四号, a character in from the outer edge (odd pages right, even pages left). */
function pageNumber(odd: boolean): Footer {
  return new Footer({
    children: [
      new Paragraph({
        alignment: odd ? AlignmentType.RIGHT : AlignmentType.LEFT,
        indent: odd ? { right: SIZE.四号 * 10 } : { left: SIZE.四号 * 10 },
        children: [new TextRun({ children: ["— ", PageNumber.CURRENT, " —"], font: SONG, size: SIZE.四号 })],
      }),
    ],
  });
}

/**
 * The report as .docx bytes. `images` holds the PNG of each figure block by block index (render
 * them with `renderPng`); a figure without one is left out.
 */
export async function toDocx(model: ReportModel, images: ReadonlyMap<number, RenderedPng>): Promise<Buffer> {
  const labels = numbering(model);
  const children: (Paragraph | Table)[] = [
    new Paragraph({ style: "Attachment", children: [new TextRun("附件")] }),
    new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(model.title)] }),
    ...model.subtitle.map(
      (s) => new Paragraph({ style: "Subtitle", children: [new TextRun({ text: s, ...(s.includes("模拟数据") ? { bold: true, color: "C00000" } : {}) })] }),
    ),
    new Paragraph({ style: "Subtitle", spacing: { after: 560 }, children: [new TextRun(`编制日期：${formatDate(model.date)}`)] }),
  ];
  model.blocks.forEach((b, i) => {
    switch (b.kind) {
      case "heading":
        children.push(
          new Paragraph({ heading: b.level === 1 ? HeadingLevel.HEADING_1 : HeadingLevel.HEADING_2, keepNext: true, children: [new TextRun(b.text)] }),
        );
        break;
      case "paragraph":
        children.push(new Paragraph({ indent: { firstLine: INDENT }, children: [new TextRun(b.text)] }));
        break;
      case "note":
        children.push(note(b.text));
        break;
      case "list":
        b.items.forEach((item, k) => children.push(new Paragraph({ indent: { firstLine: INDENT }, children: [new TextRun(`${k + 1}. ${item}`)] })));
        break;
      case "facts":
        children.push(...factsOf(b.facts));
        break;
      case "table":
        children.push(...tableOf(b.table, labels.get(i)!));
        break;
      case "figure":
        children.push(...figureOf(b.figure, labels.get(i)!, images.get(i)));
        break;
    }
  });

  const exact = (pt: number) => ({ line: pt * 20, lineRule: LineRuleType.EXACT });
  const doc = new Document({
    // the document properties may name the tool; the text does not
    creator: "ducha",
    title: model.title,
    description: model.synthetic ? "模拟数据，非真实信访件" : "生态环境保护督察信访件统计分析",
    evenAndOddHeaderAndFooters: true,
    styles: {
      default: {
        document: {
          run: { font: FANG, size: SIZE.三号, language: { value: "en-US", eastAsia: "zh-CN" } },
          paragraph: { spacing: { ...exact(28), before: 0, after: 0 }, alignment: AlignmentType.JUSTIFIED },
        },
        title: {
          run: { font: XBS, size: SIZE.二号, bold: false, color: "000000" },
          paragraph: { alignment: AlignmentType.CENTER, spacing: { ...exact(36), before: 280, after: 280 } },
        },
        heading1: {
          run: { font: HEI, size: SIZE.三号, bold: false, color: "000000" },
          paragraph: { indent: { firstLine: INDENT }, spacing: { ...exact(28), before: 0, after: 0 }, keepNext: true },
        },
        heading2: {
          run: { font: KAI, size: SIZE.三号, bold: false, italics: false, color: "000000" },
          paragraph: { indent: { firstLine: INDENT }, spacing: { ...exact(28), before: 0, after: 0 }, keepNext: true },
        },
      },
      paragraphStyles: [
        { id: "Attachment", name: "附件标识", basedOn: "Normal", run: { font: HEI, size: SIZE.三号 }, paragraph: { alignment: AlignmentType.LEFT } },
        { id: "Subtitle", name: "Subtitle", basedOn: "Normal", run: { font: KAI, size: SIZE.三号 }, paragraph: { alignment: AlignmentType.CENTER } },
        {
          id: "Caption",
          name: "Caption",
          basedOn: "Normal",
          run: { font: HEI, size: SIZE.小四 },
          paragraph: { alignment: AlignmentType.CENTER, spacing: { before: 120, after: 60, line: 320, lineRule: LineRuleType.AUTO } },
        },
        {
          id: "TableText",
          name: "Table Text",
          basedOn: "Normal",
          run: { font: FANG, size: TABLE_SIZE },
          paragraph: { alignment: AlignmentType.LEFT, spacing: { line: 280, lineRule: LineRuleType.AUTO, before: 0, after: 0 } },
        },
        {
          id: "Note",
          name: "Note",
          basedOn: "Normal",
          run: { font: FANG, size: SIZE.五号, color: "000000" },
          paragraph: { alignment: AlignmentType.LEFT, spacing: { line: 300, lineRule: LineRuleType.AUTO, before: 40, after: 0 } },
        },
      ],
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: PAGE.width, height: PAGE.height },
            margin: { top: PAGE.top, bottom: PAGE.bottom, left: PAGE.left, right: PAGE.right, footer: mm(28) - mm(7) },
          },
        },
        footers: { default: pageNumber(true), even: pageNumber(false) },
        children,
      },
    ],
  });
  return Packer.toBuffer(doc, false, [{ path: "word/fontTable.xml", data: fontTable() }]);
}
