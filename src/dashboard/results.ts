/**
 * The 信访件检索 table: redacted complaints with their official and predicted labels, the words
 * behind each prediction marked in the text, a page at a time; texts are fetched in chunks only
 * for the rows shown (all of them only for a text search or a download). Complaint text is
 * always set as text (see ./highlight.ts).
 */
import { MISSING } from "../analyze/keys.js";
import { TYPE_COLORS } from "../charts/theme.js";
import { THEME_NAMES, type Theme, typeReview } from "../model/classification.js";
import { POLLUTION_TYPES, type PollutionType } from "../model/vocabulary.js";
import { type Child, el, fileName, num, saveBlob } from "./dom.js";
import { type EvidenceWord, highlighted, queryWords } from "./highlight.js";
import type { TextRecord } from "./model.js";
import type { DashboardData } from "./select.js";
import { toCsv } from "../export/csv.js";
import { type Table, xlsxBytes } from "./xlsx.js";

export type LoadTexts = (rows: readonly number[]) => Promise<ReadonlyMap<number, TextRecord>>;

const CATEGORY_NAMES = ["一般件", "重点件", ""];

/** Rows ordered for reading: latest 交办 date first, then latest in the table first. */
export function newestFirst(data: DashboardData, rows: ArrayLike<number>): number[] {
  const c = data.cols;
  const missing = c.dateKeys.indexOf(MISSING);
  const day = (r: number) => (c.date[r] === missing ? -1 : c.date[r]!);
  return Array.from(rows).sort((a, b) => day(b) - day(a) || b - a);
}

/**
 * The rows whose text or 受理编号 contains the query (all words, separated by spaces).
 * `mayContain(words)`, when given, rules rows out before their texts are fetched (the chunk
 * index: a row whose chunk lacks a character pair of a word cannot match).
 */
export async function searchRows(
  rows: readonly number[],
  query: string,
  load: LoadTexts,
  mayContain?: (words: readonly string[]) => Promise<(row: number) => boolean>,
): Promise<number[]> {
  const words = query.trim().split(/\s+/).filter(Boolean);
  if (!words.length) return [...rows];
  if (mayContain) {
    const keep = await mayContain(words);
    rows = rows.filter(keep);
  }
  const texts = await load(rows);
  return rows.filter((r) => {
    const t = texts.get(r);
    return !!t && words.every((w) => t.text.includes(w) || t.id.includes(w) || (t.target ?? "").includes(w));
  });
}

const typeName = (mask: number): PollutionType[] => POLLUTION_TYPES.filter((_, i) => mask & (1 << i));
const themeLabel = (id: string): string => THEME_NAMES[id as Theme] ?? id;
const percent = (v: number) => `${Math.round(v * 100)}%`;

function evidence(t: TextRecord): EvidenceWord[] {
  return [
    ...t.types.flatMap(([label, , words]) => words.map((word): EvidenceWord => ({ word, kind: "type", label }))),
    ...t.themes.flatMap(([label, , words]) => words.map((word): EvidenceWord => ({ word, kind: "theme", label: themeLabel(label) }))),
    ...t.key.flatMap(([label, words]) => words.map((word): EvidenceWord => ({ word, kind: "key", label }))),
  ];
}

/** The 多类 tag's tooltip: why several predicted types deserve a look (docs/classification.md). */
const SEVERAL_TYPES_HINT = "自动分类给出文中提到的每一类问题；公开表的登记人多半只写主要的一类，按类计数前请复核";

function tag(text: string, cls: string, style?: string, title?: string): HTMLElement {
  return el("span", { class: `ducha-tag ${cls}`, ...(style ? { style } : {}), ...(title ? { title } : {}) }, [text]);
}

/** The downloadable table of rows (texts must be loaded). */
export function resultsTable(data: DashboardData, rows: readonly number[], texts: ReadonlyMap<number, TextRecord>, name: string): Table {
  const c = data.cols;
  return {
    name,
    ...(data.meta.synthetic ? { title: `${name}（模拟数据，非真实信访件；个人信息已隐去）` } : { title: `${name}（信访人个人信息已隐去）` }),
    headers: [
      "受理编号",
      "交办日期",
      "批次",
      "县（市、区）",
      "污染类型（原表）",
      "污染类型（自动分类）",
      "类型复核",
      "督察重点（自动分类）",
      "是否属实",
      "办理状态",
      "案卷类别",
      "建议重点关注",
      "信访内容",
    ],
    rows: rows.map((r) => {
      const t = texts.get(r);
      return [
        t?.id ?? "",
        c.dateKeys[c.date[r]!]!,
        c.batchKeys[c.batch[r]!]!,
        data.countyName(c.countyKeys[c.county[r]!]!),
        c.typeSource[r] === 0 ? typeName(c.types[r]!).join("、") : "",
        t ? t.types.map(([l, p]) => `${l}(${percent(p)})`).join("、") : "",
        t && c.typeSource[r] === 1 ? typeReview(t) : "",
        t ? t.themes.map(([l]) => themeLabel(l)).join("、") : "",
        c.verificationKeys[c.verification[r]!]!,
        c.statusKeys[c.status[r]!]!,
        CATEGORY_NAMES[data.extras.category[r]!] ?? "",
        t && t.key.length ? t.key.map(([l]) => l).join("、") : "",
        t?.text ?? "",
      ];
    }),
  };
}

function rowElement(data: DashboardData, r: number, t: TextRecord | undefined, query: readonly EvidenceWord[] = []): HTMLTableRowElement {
  const c = data.cols;
  const official = c.typeSource[r] === 0 ? typeName(c.types[r]!) : [];
  const labels: Child[] = [
    ...official.map((ty) => tag(ty, "is-type", `background:${TYPE_COLORS[ty]};${ty === "辐射" || ty === "其他" ? "color:#111" : ""}`, "原表污染类型")),
    ...(t?.types ?? []).map(([l, p]) => tag(`自动 ${l} ${percent(p)}`, "is-pred", undefined, "自动分类及其置信度")),
    // only where the prediction is what is counted: a row with its table's own types counts those
    t && c.typeSource[r] === 1 && typeReview(t) ? tag(typeReview(t), "is-review", undefined, SEVERAL_TYPES_HINT) : null,
  ];
  const themes: Child[] = (t?.themes ?? []).map(([l]) => tag(themeLabel(l), "is-theme", undefined, "督察重点（自动分类）"));
  const key: Child[] = [
    data.extras.category[r] === 1 ? tag("重点件", "is-key", undefined, "原表案卷类别") : null,
    ...(t?.key ?? []).map(([l]) => tag(`建议重点：${l}`, "is-key", undefined, "按重点件规则自动识别")),
  ];
  const text = el("td", { class: "text" });
  if (t) text.append(highlighted(t.text, [...query, ...evidence(t)], t.at));
  else text.append("（正在加载…）");
  return el("tr", { "data-row": String(r) }, [
    el("td", { class: "id" }, [t?.id ?? "", el("br"), el("span", { class: "ducha-muted" }, [`${c.dateKeys[c.date[r]!]} · 第${c.batchKeys[c.batch[r]!]}批`])]),
    el("td", {}, [data.countyName(c.countyKeys[c.county[r]!]!)]),
    el("td", { class: "labels" }, [...labels, ...key]),
    el("td", { class: "labels" }, themes.length ? themes : [el("span", { class: "ducha-muted" }, ["—"])]),
    el("td", {}, [c.verificationKeys[c.verification[r]!]!, el("br"), el("span", { class: "ducha-muted" }, [c.statusKeys[c.status[r]!]!])]),
    text,
  ]);
}

export interface ResultsOptions {
  pageSize?: number;
  /** a line above the table (e.g. how many matched) */
  summary?: Child;
  /** the search query: its words are marked in the texts shown */
  query?: string;
}

/** The results table with a pager and CSV / XLSX downloads of every matching row. */
export function resultsView(data: DashboardData, rows: readonly number[], load: LoadTexts, options: ResultsOptions = {}): HTMLElement {
  const size = options.pageSize ?? 20;
  const query = queryWords(options.query ?? "");
  const pages = Math.max(1, Math.ceil(rows.length / size));
  let page = 0;
  const body = el("tbody");
  const status = el("span", { "data-testid": "results-page" });
  const prev = el("button", { type: "button" }, ["上一页"]);
  const next = el("button", { type: "button" }, ["下一页"]);
  let seq = 0;
  const show = async () => {
    const mine = ++seq;
    const slice = rows.slice(page * size, (page + 1) * size);
    status.textContent = rows.length
      ? `第 ${page + 1} / ${pages} 页（第 ${num(page * size + 1)}–${num(page * size + slice.length)} 条，共 ${num(rows.length)} 条）`
      : "没有符合条件的信访件";
    prev.toggleAttribute("disabled", page === 0);
    next.toggleAttribute("disabled", page >= pages - 1);
    body.replaceChildren(...slice.map((r) => rowElement(data, r, undefined)));
    const texts = await load(slice);
    if (mine !== seq) return;
    body.replaceChildren(...slice.map((r) => rowElement(data, r, texts.get(r), query)));
    body.closest(".ducha-results")?.classList.add("is-ready");
  };
  prev.onclick = () => {
    page = Math.max(0, page - 1);
    void show();
  };
  next.onclick = () => {
    page = Math.min(pages - 1, page + 1);
    void show();
  };
  const download = (kind: "csv" | "xlsx") => async () => {
    const texts = await load(rows);
    const table = resultsTable(data, rows, texts, "信访件检索结果");
    if (kind === "csv") saveBlob(new Blob([toCsv(table)], { type: "text/csv;charset=utf-8" }), fileName(table.name, "csv"));
    else saveBlob(new Blob([xlsxBytes([table])], { type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" }), fileName(table.name, "xlsx"));
  };
  const csv = el("button", { type: "button" }, ["下载 CSV"]);
  const xlsx = el("button", { type: "button" }, ["下载 XLSX"]);
  csv.onclick = download("csv");
  xlsx.onclick = download("xlsx");
  const view = el("div", { class: "card ducha-table ducha-results", "data-table": "信访件检索结果" }, [
    options.summary ? el("p", { class: "ducha-muted" }, [options.summary]) : null,
    el("p", { class: "ducha-legend" }, [
      ...(query.length ? [el("mark", { class: "ev-query" }, ["检索词"]), " "] : []),
      "信访内容中的标记是自动分类的依据词：",
      el("mark", { class: "ev-type" }, ["污染类型"]),
      " ",
      el("mark", { class: "ev-theme" }, ["督察重点"]),
      " ",
      el("mark", { class: "ev-key" }, ["重点件规则"]),
      "。信访人姓名、电话、身份证号已替换为【已隐去】。",
    ]),
    el("div", { class: "ducha-pager" }, [prev, next, status]),
    el("div", { class: "ducha-table-scroll" }, [
      el("table", {}, [
        el("thead", {}, [
          el(
            "tr",
            {},
            ["受理编号", "县（市、区）", "污染类型 / 重点件", "督察重点", "属实 / 状态", "信访内容（已隐去个人信息）"].map((h) => el("th", {}, [h])),
          ),
        ]),
        body,
      ]),
    ]),
    el("div", { class: "ducha-actions" }, [csv, xlsx]),
  ]);
  void show();
  return view;
}
