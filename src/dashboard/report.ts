/**
 * The 报告 page: the statistical annex's content model (`buildReport`, src/report) laid out as a
 * web page for A4 printing — the same title, text, tables and charts as the Word annex, numbered
 * the same way. Every string is set as text.
 */
import type { ReportModel, ReportTable } from "../report/model.js";
import { alignOf, numbering } from "../report/model.js";
import { chartCard } from "./cards.js";
import { el, fileName, saveBlob } from "./dom.js";
import { toCsv } from "../export/csv.js";
import { xlsxBytes } from "./xlsx.js";

function tableView(t: ReportTable, label: string, synthetic: boolean): HTMLElement {
  const caption = `${label} ${t.caption}`;
  const download = { name: t.caption, title: `${caption}${synthetic ? "（模拟数据）" : ""}`, headers: t.headers, rows: t.rows };
  const csv = el("button", { type: "button" }, ["下载 CSV"]);
  const xlsx = el("button", { type: "button" }, ["下载 XLSX"]);
  csv.onclick = () => saveBlob(new Blob([toCsv(download)], { type: "text/csv;charset=utf-8" }), fileName(t.caption, "csv"));
  xlsx.onclick = () =>
    saveBlob(new Blob([xlsxBytes([download])], { type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" }), fileName(t.caption, "xlsx"));
  // a column of long text (an excerpt) keeps a readable width on a phone (style.css)
  const long = t.headers.map((_, i) => t.rows.some((r) => (r[i] ?? "").length > 14));
  const align = (i: number) => ({ class: `align-${alignOf(t, i)}${long[i] ? " long" : ""}` });
  return el("div", { class: "card ducha-table ducha-report-table", "data-table": t.caption }, [
    el("h3", { class: "ducha-caption" }, [caption]),
    el("div", { class: "ducha-table-scroll" }, [
      el("table", {}, [
        el("thead", {}, [
          el(
            "tr",
            {},
            t.headers.map((h, i) => el("th", align(i), [h])),
          ),
        ]),
        el(
          "tbody",
          {},
          t.rows.map((row, r) =>
            el(
              "tr",
              t.totalRow && r === t.rows.length - 1 ? { class: "is-total" } : {},
              row.map((v, i) => el("td", align(i), [v])),
            ),
          ),
        ),
      ]),
    ]),
    el("p", { class: "ducha-muted" }, [`资料来源：${t.source}`]),
    t.note ? el("p", { class: "ducha-muted" }, [`注：${t.note}`]) : null,
    el("div", { class: "ducha-actions" }, [csv, xlsx]),
  ]);
}

/** The annex as page content. */
export function reportView(model: ReportModel, options: { invalidation?: Promise<unknown> } = {}): HTMLElement {
  const labels = numbering(model);
  const out = el("article", { class: "ducha-report" }, [
    el("h1", {}, [model.title]),
    ...model.subtitle.map((line) => el("p", { class: /模拟数据/.test(line) ? "ducha-subtitle ducha-synthetic" : "ducha-subtitle" }, [line])),
  ]);
  model.blocks.forEach((b, i) => {
    switch (b.kind) {
      case "heading":
        out.append(el(b.level === 1 ? "h2" : "h3", {}, [b.text]));
        break;
      case "paragraph":
        out.append(el("p", {}, [b.text]));
        break;
      case "note":
        out.append(el("p", { class: "ducha-muted" }, [b.text]));
        break;
      case "list":
        out.append(
          el(
            "ul",
            {},
            b.items.map((item) => el("li", {}, [item])),
          ),
        );
        break;
      case "facts":
        out.append(
          el(
            "div",
            { class: "ducha-figures ducha-facts" },
            b.facts.map((f) =>
              el("div", { class: "card ducha-figure" }, [
                el("h2", {}, [f.label]),
                el("div", { class: "big" }, [f.value]),
                f.detail ? el("p", { class: "ducha-detail" }, [f.detail]) : null,
              ]),
            ),
          ),
        );
        break;
      case "table":
        out.append(tableView(b.table, labels.get(i) ?? "表", model.synthetic));
        break;
      case "figure": {
        const caption = `${labels.get(i) ?? "图"} ${b.figure.caption}`;
        out.append(
          chartCard(b.figure.spec, {
            filename: caption,
            caption: b.figure.note ? `${caption}。${b.figure.note}` : caption,
            ...(options.invalidation ? { invalidation: options.invalidation } : {}),
          }),
        );
        break;
      }
    }
  });
  return out;
}
