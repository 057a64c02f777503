import { formatDate } from "../text/format.js";
import { type ReportModel, alignOf, numbering } from "./model.js";

/**
 * Text safe in Markdown: no markup, no raw HTML (complaint text is untrusted), one line.
 * `a*b <script>` -> `a\*b &lt;script&gt;`.
 */
export function mdEscape(text: string): string {
  return text
    .replace(/\r?\n|\r/g, " ")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/([\\`*_[\]|#~])/g, "\\$1")
    .replace(/^(\s*)([-+])(\s)/, "$1\\$2$3")
    .replace(/^(\s*)(\d+)([.)])(\s)/, "$1$2\\$3$4");
}

/**
 * The report as Markdown (GitHub-flavoured tables). `image(i)` gives the path, relative to the
 * Markdown file, of figure block i's PNG; figures without one are left out.
 */
export function toMarkdown(model: ReportModel, image: (index: number) => string | undefined): string {
  const labels = numbering(model);
  const out: string[] = [`# ${mdEscape(model.title)}`, ""];
  for (const s of model.subtitle) out.push(s.includes("模拟数据") ? `**${mdEscape(s)}**  ` : `${mdEscape(s)}  `);
  out.push(`编制日期：${mdEscape(formatDate(model.date))}`, "");
  model.blocks.forEach((b, i) => {
    switch (b.kind) {
      case "heading":
        out.push(`${"#".repeat(b.level + 1)} ${mdEscape(b.text)}`, "");
        break;
      case "paragraph":
        out.push(mdEscape(b.text), "");
        break;
      case "note":
        out.push(`<small>${mdEscape(b.text)}</small>`, "");
        break;
      case "list":
        b.items.forEach((item, k) => out.push(`${k + 1}. ${mdEscape(item)}`));
        out.push("");
        break;
      case "facts":
        out.push("| 指标 | 数值 | 说明 |", "|---|---:|---|");
        for (const f of b.facts) out.push(`| ${mdEscape(f.label)} | **${mdEscape(f.value)}** | ${mdEscape(f.detail ?? "")} |`);
        out.push("");
        break;
      case "table": {
        const t = b.table;
        out.push(`**${labels.get(i)} ${mdEscape(t.caption)}**`, "");
        out.push(`| ${t.headers.map(mdEscape).join(" | ")} |`);
        out.push(`|${t.headers.map((_, c) => ({ left: "---", center: ":---:", right: "---:" })[alignOf(t, c)]).join("|")}|`);
        t.rows.forEach((r, k) => {
          const bold = t.totalRow && k === t.rows.length - 1;
          out.push(`| ${r.map((v) => (bold && v ? `**${mdEscape(v)}**` : mdEscape(v))).join(" | ")} |`);
        });
        out.push("");
        out.push(`<small>资料来源：${mdEscape(t.source)}</small>`, "");
        if (t.note) out.push(`<small>注：${mdEscape(t.note)}</small>`, "");
        break;
      }
      case "figure": {
        const path = image(i);
        if (!path) break;
        const label = `${labels.get(i)} ${b.figure.caption}`;
        out.push(`![${mdEscape(label)}](${encodeURI(path)})`, "", `*${mdEscape(label)}*`, "");
        if (b.figure.note) out.push(`<small>${mdEscape(b.figure.note)}</small>`, "");
        break;
      }
    }
  });
  return `${out.join("\n").trimEnd()}\n`;
}
