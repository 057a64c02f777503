import { formatDate } from "../text/format.js";
import { type ReportModel, alignOf, numbering } from "./model.js";

/** Text as HTML text or attribute value: & < > " ' escaped. */
export function esc(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
}

const STYLE = `
@page { size: A4; margin: 25mm 28mm 22mm 28mm;
  @bottom-center { content: "第 " counter(page) " 页 共 " counter(pages) " 页"; font: 9pt "SimSun", "宋体", "Noto Serif CJK SC", serif; } }
html { font: 12pt/1.6 "Times New Roman", "SimSun", "宋体", "Noto Serif CJK SC", "Source Han Serif SC", serif; color: #000; }
body { max-width: 160mm; margin: 0 auto; padding: 8mm 0; }
h1, h2, h3, caption, figcaption, .fact .label, .fact .value, th { font-family: "Times New Roman", "SimHei", "黑体", "Noto Sans CJK SC", "Source Han Sans SC", sans-serif; font-weight: normal; }
h1.title { font-size: 22pt; text-align: center; margin: 0 0 8pt; }
.subtitle { text-align: center; margin: 0; font-family: "KaiTi", "楷体", "Noto Serif CJK SC", serif; }
.subtitle.synthetic { color: #c00000; font-weight: bold; }
h2 { font-size: 16pt; margin: 20pt 0 8pt; break-after: avoid; }
h3 { font-size: 14pt; margin: 14pt 0 6pt; break-after: avoid; }
p { margin: 0 0 6pt; text-indent: 2em; }
td.num { white-space: nowrap; }
p.note, small { display: block; font-size: 9pt; color: #404040; text-indent: 0; margin: 2pt 0 10pt; }
.facts { display: grid; grid-template-columns: repeat(3, 1fr); gap: 4pt; margin: 6pt 0 12pt; }
.fact { background: #f2f2f2; padding: 6pt 8pt; break-inside: avoid; }
.fact .value { font-size: 16pt; font-weight: bold; }
.fact .detail { font-size: 9pt; color: #404040; }
figure { margin: 10pt 0; text-align: center; break-inside: avoid; }
figure img { max-width: 100%; height: auto; }
figcaption, caption { font-size: 10.5pt; text-align: center; margin: 4pt 0; }
table { width: 100%; border-collapse: collapse; border-top: 1.5pt solid #000; border-bottom: 1.5pt solid #000; font-size: 10.5pt; margin: 4pt 0; }
thead { display: table-header-group; }
tr { break-inside: avoid; }
th { background: #e7e6e6; }
th, td { border: 0.5pt solid #000; border-left: none; border-right: none; padding: 2pt 4pt; }
th + th, td + td { border-left: 0.5pt solid #000; }
td.left { text-align: left; } td.right { text-align: right; font-variant-numeric: tabular-nums; } td.center { text-align: center; }
tr.total td { font-weight: bold; }
ol.method li { margin-bottom: 4pt; }
.made { text-align: center; font-size: 10.5pt; color: #404040; text-indent: 0; margin-bottom: 18pt; }
@media screen { body { padding: 16mm; background: #fff; } html { background: #e5e5e5; } body { box-shadow: 0 0 6px #999; } }
`;

/**
 * The report as one self-contained, print-ready HTML page (A4 `@page` rules, page numbers in the
 * margin). `svg(i)` gives figure block i's SVG, embedded as an image. Every text is escaped, and
 * a Content-Security-Policy forbids scripts and any outside resource.
 */
export function toHtml(model: ReportModel, svg: (index: number) => string | undefined): string {
  const labels = numbering(model);
  const out: string[] = [
    "<!doctype html>",
    '<html lang="zh-CN">',
    "<head>",
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src data:; style-src 'unsafe-inline'">`,
    '<meta name="generator" content="ducha">',
    `<title>${esc(model.title)}</title>`,
    `<style>${STYLE}</style>`,
    "</head>",
    "<body>",
    `<h1 class="title">${esc(model.title)}</h1>`,
    ...model.subtitle.map((s) => `<p class="subtitle${s.includes("模拟数据") ? " synthetic" : ""}">${esc(s)}</p>`),
    `<p class="made">编制日期：${esc(formatDate(model.date))}</p>`,
  ];
  model.blocks.forEach((b, i) => {
    switch (b.kind) {
      case "heading":
        out.push(`<h${b.level + 1}>${esc(b.text)}</h${b.level + 1}>`);
        break;
      case "paragraph":
        out.push(`<p>${esc(b.text)}</p>`);
        break;
      case "note":
        out.push(`<p class="note">${esc(b.text)}</p>`);
        break;
      case "list":
        out.push(`<ol class="method">${b.items.map((x) => `<li>${esc(x)}</li>`).join("")}</ol>`);
        break;
      case "facts":
        out.push(
          `<div class="facts">${b.facts
            .map(
              (f) =>
                `<div class="fact"><div class="label">${esc(f.label)}</div><div class="value">${esc(f.value)}</div>${f.detail ? `<div class="detail">${esc(f.detail)}</div>` : ""}</div>`,
            )
            .join("")}</div>`,
        );
        break;
      case "table": {
        const t = b.table;
        const head = `<thead><tr>${t.headers.map((h) => `<th>${esc(h)}</th>`).join("")}</tr></thead>`;
        // a figure never breaks across lines (1482.55, 93.1%)
        const body = t.rows
          .map(
            (r, k) =>
              `<tr${t.totalRow && k === t.rows.length - 1 ? ' class="total"' : ""}>${r.map((v, c) => `<td class="${alignOf(t, c)}${/^[\d.,%*+-]+$/.test(v) ? " num" : ""}">${esc(v)}</td>`).join("")}</tr>`,
          )
          .join("");
        out.push(`<table><caption>${esc(`${labels.get(i)} ${t.caption}`)}</caption>${head}<tbody>${body}</tbody></table>`);
        out.push(`<p class="note source">资料来源：${esc(t.source)}</p>`);
        if (t.note) out.push(`<p class="note">注：${esc(t.note)}</p>`);
        break;
      }
      case "figure": {
        const s = svg(i);
        if (!s) break;
        const label = `${labels.get(i)} ${b.figure.caption}`;
        const src = `data:image/svg+xml;base64,${Buffer.from(s, "utf8").toString("base64")}`;
        out.push(`<figure><img src="${src}" alt="${esc(label)}"><figcaption>${esc(label)}</figcaption></figure>`);
        if (b.figure.note) out.push(`<p class="note">${esc(b.figure.note)}</p>`);
        break;
      }
    }
  });
  out.push("</body>", "</html>");
  return `${out.join("\n")}\n`;
}
