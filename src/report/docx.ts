/**
 * The annex as a Word document: A4, 宋体 body and 黑体 headings (East Asian font attributes set,
 * Times New Roman for Latin), "第 X 页 共 Y 页" in the footer, tables with a repeated header row,
 * charts as PNG at print resolution.
 */
import {
  AlignmentType, BorderStyle, Document, Footer, HeadingLevel, ImageRun, LineRuleType, Packer, PageNumber, Paragraph, ShadingType, Table,
  TableCell, TableLayoutType, TableRow, TextRun, VerticalAlign, WidthType,
} from "docx";
import type { RenderedPng } from "../charts/render.js";
import { type Block, type ReportModel, type ReportTable, alignOf, numbering } from "./model.js";

const SONG = { ascii: "Times New Roman", hAnsi: "Times New Roman", cs: "Times New Roman", eastAsia: "宋体" };
const HEI = { ascii: "Times New Roman", hAnsi: "Times New Roman", cs: "Times New Roman", eastAsia: "黑体" };
const KAI = { ascii: "Times New Roman", hAnsi: "Times New Roman", cs: "Times New Roman", eastAsia: "楷体" };

/** A4 in twips, margins 2.54 cm top and bottom, 2.8 cm left and right. */
const PAGE = { width: 11906, height: 16838, top: 1440, bottom: 1440, left: 1588, right: 1588 };
const TEXT_TWIPS = PAGE.width - PAGE.left - PAGE.right;
/** the text width in CSS pixels (1/96 in): the widest a chart is shown */
export const TEXT_WIDTH_PX = Math.floor((TEXT_TWIPS / 1440) * 96);

/** Word font sizes in half-points: 二号 22 pt, 三号 16, 四号 14, 小四 12, 五号 10.5, 小五 9. */
const SIZE = { 二号: 44, 三号: 32, 四号: 28, 小四: 24, 五号: 21, 小五: 18 };

const ALIGN = { left: AlignmentType.LEFT, center: AlignmentType.CENTER, right: AlignmentType.RIGHT } as const;

const line = { style: BorderStyle.SINGLE, size: 4, color: "000000" };
const thick = { style: BorderStyle.SINGLE, size: 12, color: "000000" };
const none = { style: BorderStyle.NONE, size: 0, color: "FFFFFF" };

function caption(text: string): Paragraph {
  return new Paragraph({ style: "Caption", keepNext: true, children: [new TextRun(text)] });
}

function note(text: string): Paragraph {
  return new Paragraph({ style: "Note", children: [new TextRun(text)] });
}

function tableOf(t: ReportTable, label: string): (Paragraph | Table)[] {
  const weights = t.widths ?? t.headers.map(() => 1);
  const sum = weights.reduce((s, w) => s + w, 0);
  const widths = weights.map((w) => Math.floor((w / sum) * TEXT_TWIPS));
  // keepNext on every row but the last keeps a table on one page when it fits
  const cell = (text: string, i: number, opts: { header?: boolean; bold?: boolean; last?: boolean }) =>
    new TableCell({
      width: { size: widths[i]!, type: WidthType.DXA },
      verticalAlign: VerticalAlign.CENTER,
      margins: { top: 40, bottom: 40, left: 80, right: 80 },
      ...(opts.header ? { shading: { type: ShadingType.CLEAR, color: "auto", fill: "E7E6E6" } } : {}),
      children: [
        new Paragraph({
          style: "TableText",
          keepNext: !opts.last,
          alignment: opts.header ? AlignmentType.CENTER : ALIGN[alignOf(t, i)],
          children: [new TextRun({ text, bold: opts.header || opts.bold, ...(opts.header ? { font: HEI } : {}) })],
        }),
      ],
    });
  const rows = [
    new TableRow({ tableHeader: true, cantSplit: true, children: t.headers.map((h, i) => cell(h, i, { header: true })) }),
    ...t.rows.map((r, k) => new TableRow({ cantSplit: true, children: r.map((v, i) => cell(v, i, { bold: t.totalRow && k === t.rows.length - 1, last: k === t.rows.length - 1 })) })),
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
    ...(t.note ? [note(t.note)] : [new Paragraph({ style: "Note", children: [] })]),
  ];
}

function factsOf(facts: Extract<Block, { kind: "facts" }>["facts"]): Table {
  const perRow = 3;
  const w = Math.floor(TEXT_TWIPS / perRow);
  const rows: TableRow[] = [];
  for (let i = 0; i < facts.length; i += perRow) {
    rows.push(
      new TableRow({
        cantSplit: true,
        children: facts.slice(i, i + perRow).map(
          (f) =>
            new TableCell({
              width: { size: w, type: WidthType.DXA },
              margins: { top: 100, bottom: 100, left: 120, right: 120 },
              shading: { type: ShadingType.CLEAR, color: "auto", fill: "F2F2F2" },
              children: [
                new Paragraph({ style: "TableText", children: [new TextRun({ text: f.label, font: HEI })] }),
                new Paragraph({ style: "TableText", children: [new TextRun({ text: f.value, bold: true, size: SIZE.三号, font: { ...HEI, ascii: "Arial", hAnsi: "Arial" } })] }),
                ...(f.detail ? [new Paragraph({ style: "Note", children: [new TextRun(f.detail)] })] : []),
              ],
            }),
        ),
      }),
    );
  }
  const white = { style: BorderStyle.SINGLE, size: 24, color: "FFFFFF" };
  return new Table({
    rows,
    width: { size: w * perRow, type: WidthType.DXA },
    columnWidths: Array(perRow).fill(w),
    layout: TableLayoutType.FIXED,
    borders: { top: white, bottom: white, left: white, right: white, insideHorizontal: white, insideVertical: white },
  });
}

function figureOf(f: Extract<Block, { kind: "figure" }>["figure"], label: string, png: RenderedPng | undefined): Paragraph[] {
  if (!png) return [];
  const cssWidth = png.width / png.scale;
  const cssHeight = png.height / png.scale;
  const k = Math.min(1, TEXT_WIDTH_PX / cssWidth);
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
    new Paragraph({ style: "Caption", spacing: { after: f.note ? 0 : 200 }, children: [new TextRun(`${label} ${f.caption}`)] }),
    ...(f.note ? [note(f.note)] : []),
  ];
}

/**
 * The report as .docx bytes. `images` holds the PNG of each figure block by block index (render
 * them with `renderPng`); a figure without one is left out.
 */
export async function toDocx(model: ReportModel, images: ReadonlyMap<number, RenderedPng>): Promise<Buffer> {
  const labels = numbering(model);
  const children: (Paragraph | Table)[] = [
    new Paragraph({ heading: HeadingLevel.TITLE, alignment: AlignmentType.CENTER, children: [new TextRun(model.title)] }),
    ...model.subtitle.map(
      (s) => new Paragraph({ style: "Subtitle", alignment: AlignmentType.CENTER, children: [new TextRun({ text: s, ...(s.includes("模拟数据") ? { bold: true, color: "C00000" } : {}) })] }),
    ),
    new Paragraph({ style: "Subtitle", alignment: AlignmentType.CENTER, spacing: { after: 360 }, children: [new TextRun(`编制日期：${model.date}（ducha 自动生成）`)] }),
  ];
  model.blocks.forEach((b, i) => {
    switch (b.kind) {
      case "heading":
        children.push(new Paragraph({ heading: b.level === 1 ? HeadingLevel.HEADING_1 : HeadingLevel.HEADING_2, keepNext: true, children: [new TextRun(b.text)] }));
        break;
      case "paragraph":
        children.push(new Paragraph({ indent: { firstLine: 480 }, children: [new TextRun(b.text)] }));
        break;
      case "note":
        children.push(note(b.text));
        break;
      case "list":
        b.items.forEach((item, k) => children.push(new Paragraph({ indent: { firstLine: 480 }, children: [new TextRun(`${k + 1}. ${item}`)] })));
        break;
      case "facts":
        children.push(factsOf(b.facts), new Paragraph({ children: [] }));
        break;
      case "table":
        children.push(...tableOf(b.table, labels.get(i)!));
        break;
      case "figure":
        children.push(...figureOf(b.figure, labels.get(i)!, images.get(i)));
        break;
    }
  });

  const doc = new Document({
    creator: "ducha",
    title: model.title,
    description: model.synthetic ? "模拟数据，非真实信访件" : "生态环境保护督察信访件统计分析",
    styles: {
      default: {
        document: {
          run: { font: SONG, size: SIZE.小四, language: { value: "en-US", eastAsia: "zh-CN" } },
          paragraph: { spacing: { line: 360, lineRule: LineRuleType.AUTO, after: 60 } },
        },
        title: { run: { font: HEI, size: SIZE.二号, bold: false, color: "000000" }, paragraph: { alignment: AlignmentType.CENTER, spacing: { before: 240, after: 240 } } },
        heading1: { run: { font: HEI, size: SIZE.三号, bold: false, color: "000000" }, paragraph: { spacing: { before: 360, after: 120 } } },
        heading2: { run: { font: KAI, size: SIZE.四号, bold: true, color: "000000" }, paragraph: { spacing: { before: 240, after: 120 } } },
      },
      paragraphStyles: [
        { id: "Subtitle", name: "Subtitle", basedOn: "Normal", run: { font: KAI, size: SIZE.小四 }, paragraph: { alignment: AlignmentType.CENTER, spacing: { line: 300, lineRule: LineRuleType.AUTO, after: 0 } } },
        { id: "Caption", name: "Caption", basedOn: "Normal", run: { font: HEI, size: SIZE.五号 }, paragraph: { alignment: AlignmentType.CENTER, spacing: { before: 60, after: 60, line: 276, lineRule: LineRuleType.AUTO } } },
        { id: "TableText", name: "Table Text", basedOn: "Normal", run: { font: SONG, size: SIZE.五号 }, paragraph: { spacing: { line: 260, lineRule: LineRuleType.AUTO, before: 0, after: 0 } } },
        { id: "Note", name: "Note", basedOn: "Normal", run: { font: SONG, size: SIZE.小五, color: "404040" }, paragraph: { spacing: { line: 260, lineRule: LineRuleType.AUTO, before: 40, after: 160 } } },
      ],
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: PAGE.width, height: PAGE.height },
            margin: { top: PAGE.top, bottom: PAGE.bottom, left: PAGE.left, right: PAGE.right, footer: 720 },
          },
        },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [new TextRun({ children: ["第 ", PageNumber.CURRENT, " 页 共 ", PageNumber.TOTAL_PAGES, " 页"], size: SIZE.小五 })],
              }),
            ],
          }),
        },
        children,
      },
    ],
  });
  return Packer.toBuffer(doc);
}
