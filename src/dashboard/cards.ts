/**
 * The dashboard's building blocks: the 模拟数据 banner, the headline figures, a chart card (a
 * vega-lite spec compiled and drawn with vega, with SVG and PNG downloads) and a table card (CSV
 * and XLSX downloads). All text goes in as text nodes.
 */
import { View, Warn, logger, parse } from "vega";
import { type TopLevelSpec, compile } from "vega-lite";
import { MISSING } from "../analyze/keys.js";
import { type Rate, rates } from "../analyze/rates.js";
import { chineseAria } from "../charts/aria.js";
import { NARROW_PX, fitLegends, fitTitle, narrowSteps } from "../charts/narrow.js";
import { CHART_CONFIG, SYNTHETIC_NOTE } from "../charts/theme.js";
import { type Child, cnDate, cnDay, el, fileName, num, pct, saveBlob } from "./dom.js";
import { describeFilters } from "./filterbar.js";
import { CLOSED_RATE_TARGET, CLOSED_RATE_WARN, type LeagueRow, deltaText, leagueRows, unresolvedCases } from "./league.js";
import { type DashboardData, type Selection, isFiltered } from "./select.js";
import type { DashboardMeta } from "./model.js";

export { CLOSED_RATE_TARGET, CLOSED_RATE_WARN, type LeagueRow, deltaText, leagueRows, levelOf, unresolvedCases } from "./league.js";
import { toCsv } from "../export/csv.js";
import { type Table, xlsxBytes } from "./xlsx.js";

/** The 模拟数据 banner (when the data is synthetic) and where the data comes from. */
export function banner(data: { meta: DashboardMeta }): HTMLElement {
  const m = data.meta;
  localizeChrome();
  const files = m.sources.map((s) => s.file);
  const source = `数据：${files.slice(0, 2).join("、")}${files.length > 2 ? ` 等 ${files.length} 个文件` : ""}；${num(m.cases)} 件信访件${m.asOf ? `，办理情况截至${cnDate(m.asOf)}` : ""}。`;
  return el("div", { class: "ducha-banner" }, [
    m.synthetic
      ? el("p", { class: "ducha-synthetic", role: "note" }, [
          el("strong", {}, ["模拟数据"]),
          `：本页展示的是${SYNTHETIC_NOTE}，仅用于演示和测试，不代表任何真实督察信访情况。`,
        ])
      : null,
    el("p", { class: "ducha-source" }, [source, " 信访人姓名、电话、身份证号已隐去。"]),
  ]);
}

/**
 * Framework's sidebar in Chinese, for the eye and for screen readers: its toggle and the two labels
 * that work it are titled “Toggle sidebar Alt-B” by Framework's client (no option to change it,
 * and node_modules is not patched), and the navigation has no name.
 */
export function localizeChrome(doc: Document = document): void {
  const key = /Mac|iPhone/.test(navigator.platform) ? "⌘B" : "Alt-B";
  const toggle = doc.querySelector("#observablehq-sidebar-toggle");
  toggle?.setAttribute("title", `收起或展开侧栏（${key}）`);
  toggle?.setAttribute("aria-label", "收起或展开侧栏");
  for (const label of doc.querySelectorAll("label[for='observablehq-sidebar-toggle']")) {
    label.setAttribute("title", label.id === "observablehq-sidebar-close" ? "收起侧栏" : "收起或展开侧栏");
    label.setAttribute("aria-label", label.id === "observablehq-sidebar-close" ? "收起侧栏" : "收起或展开侧栏");
  }
  doc.querySelector("#observablehq-sidebar")?.setAttribute("aria-label", "页面导航");
}

/** "当前：全部信访件，共 461 件" / "当前：苏仙区，71 件（共 461 件）" */
export function selectionNote(data: DashboardData, sel: Selection): HTMLElement {
  const all = sel.rows.length === data.length;
  return el("p", { class: "ducha-selection" }, [
    `当前范围：${describeFilters(data, sel.filters)}，`,
    el("strong", { "data-testid": "selection-count" }, [num(sel.rows.length)]),
    ` 件${all ? "" : `（共 ${num(data.length)} 件）`}`,
  ]);
}

function figure(label: string, value: string, detail: Child, testid: string): HTMLElement {
  return el("div", { class: "card ducha-figure" }, [
    el("h2", {}, [label]),
    el("div", { class: "big", "data-testid": testid }, [value]),
    el("p", { class: "ducha-detail" }, [detail]),
  ]);
}

/** A rate as a headline: its value, or 无数据 with the reason (never 0% for an unknown). */
function rateFigure(label: string, r: Rate, detail: string, testid: string): HTMLElement {
  return r.value === null ? figure(label, "无数据", r.reason ?? "", testid) : figure(label, pct(r.value), detail, testid);
}

const blanks = (r: Rate) => (r.blank ? `；${num(r.blank)} 件未填，不计入` : "");

/** The five headline figures: 受理, 交办, 属实率, 办结率, 重点件. */
/** The keys whose codes occur in a column, in key order. */
function presentKeys(codes: ArrayLike<number>, keys: readonly string[]): string[] {
  const seen = new Uint8Array(keys.length);
  for (let i = 0; i < codes.length; i++) seen[codes[i]!] = 1;
  return keys.filter((_, k) => seen[k]);
}

/** The table gives 交办时间 or 批次 for some case (the dictionaries hold every value of the whole table). */
const hasDispatch = (cols: Pick<Selection["cols"], "dateKeys" | "batchKeys">): boolean =>
  cols.dateKeys.some((d) => /^\d{4}-/.test(d)) || cols.batchKeys.some((b) => /^\d+$/.test(b));

export function headlines(data: DashboardData, sel: Selection): HTMLElement {
  const r = rates(sel.cols);
  // the codes present, marked in a typed array: a string per case took 0.2 s at 650,000 cases
  const dates = presentKeys(sel.cols.date, sel.cols.dateKeys)
    .filter((d) => /^\d{4}-/.test(d))
    .sort();
  const batches = new Set(presentKeys(sel.cols.batch, sel.cols.batchKeys).filter((b) => /^\d+$/.test(b)));
  const key = data.countWhere(sel, data.extras.category, (v) => v === 1);
  const hasCategory = data.extras.category.some((v) => v !== 2);
  const suggested = data.countWhere(sel, data.extras.keySuggested, (v) => v === 1);
  let extra = 0; // suggested by the rules and not already a 重点件 in the table
  for (let i = 0; i < sel.rows.length; i++) if (data.extras.keySuggested[sel.rows[i]!] === 1 && data.extras.category[sel.rows[i]!] !== 1) extra++;
  const asOf = data.meta.asOf ? `截至${cnDate(data.meta.asOf)}` : "";
  return el("div", { class: "grid grid-cols-4 ducha-figures" }, [
    figure(
      "受理信访件",
      `${num(sel.rows.length)} 件`,
      sel.rows.length === data.length ? "一个受理编号计一件" : `占全部 ${num(data.length)} 件的 ${pct(sel.rows.length / data.length)}`,
      "fig-cases",
    ),
    figure(
      "交办",
      // a table without 交办时间 or 批次 gives no figure: 无数据, not "0 天" (a filter that leaves no case still says 0 天)
      batches.size ? `${batches.size} 批` : hasDispatch(sel.cols) ? `${dates.length} 天` : "无数据",
      dates.length
        ? `${cnDay(dates[0]!)}至${cnDay(dates[dates.length - 1]!)}，${dates.length} 个交办日`
        : hasDispatch(sel.cols)
          ? "当前范围内没有交办日期"
          : "表中没有交办时间或批次",
      "fig-batches",
    ),
    rateFigure(
      "属实率",
      r.verifiedRate,
      `属实、基本属实、部分属实 ${num(r.verifiedRate.numerator)} 件 / 填写了是否属实的 ${num(r.verifiedRate.denominator)} 件${blanks(r.verifiedRate)}`,
      "fig-verified",
    ),
    rateFigure(
      "办结率",
      r.closedRate,
      `已办结 ${num(r.closedRate.numerator)} 件 / 填写了办理状态的 ${num(r.closedRate.denominator)} 件${blanks(r.closedRate)}；含阶段性办结 ${pct(r.closedOrPhaseRate.value)}${asOf ? `；${asOf}` : ""}`,
      "fig-closed",
    ),
    figure(
      "重点件",
      hasCategory ? `${num(key)} 件` : "无数据",
      hasCategory
        ? `按案卷类别；另有 ${num(extra)} 件按重点件规则建议关注（仅为建议）`
        : `表中没有案卷类别；按重点件规则建议关注 ${num(suggested)} 件（仅为建议）`,
      "fig-key",
    ),
  ]);
}

export interface ChartCardOptions {
  /** the file name of downloads, without extension (default: the spec's title) */
  filename?: string;
  /** Framework's `invalidation` promise: the view is finalised when the cell re-runs */
  invalidation?: Promise<unknown>;
  /** shown under the chart */
  caption?: Child;
  /** the card spans the full width */
  wide?: boolean;
  /** called with the clicked mark's datum (e.g. a map's county, to filter the page by it) */
  onClick?: (datum: Record<string, unknown>) => void;
}

const titleOf = (spec: TopLevelSpec): string => {
  const t = (spec as { title?: unknown }).title;
  return typeof t === "string" ? t : typeof t === "object" && t && "text" in t ? String((t as { text: unknown }).text) : "图表";
};

/** A base64 data: URL as a Blob (no fetch: nothing is requested). */
function dataUrlBlob(url: string): Blob {
  const [head, data] = url.split(",", 2) as [string, string];
  const bytes = Uint8Array.from(atob(data), (c) => c.charCodeAt(0));
  return new Blob([bytes], { type: /^data:([^;,]+)/.exec(head)?.[1] ?? "application/octet-stream" });
}

/**
 * Draw a vega-lite spec into `target` as SVG: what vega-embed did for our options (no actions,
 * no tooltip plugin: vega's own title-attribute tooltip; no hover; warnings to the console), without
 * loading vega-embed and its dependencies (themes, tooltip, JSON patch, schema parser): the
 * dashboard bundles vega and vega-lite into its one module (scripts/dashboard-build.ts).
 */
async function draw(target: HTMLElement, spec: TopLevelSpec): Promise<View> {
  // the card's width, measured before the chart is in it (0 when the card is not on the page)
  const available = contentWidth(target.parentElement);
  // on a narrow card: title lines wrapped, legends under the plot (see src/charts/narrow.ts)
  let fitted = available > 0 ? fitTitle(spec, available - 2 * CHART_PADDING) : spec;
  if (available > 0 && available < NARROW_PX) fitted = fitLegends(fitted);
  let view = await render(target, fitted);
  if (available > 0) {
    // a plot of fixed width is drawn narrower rather than scaled down, so its text keeps its size
    await fitWidth(view, target, available);
    // what that cannot fit (a column a type, small multiples): fewer columns, narrower steps, once
    const drawn = Number(target.querySelector("svg")?.getAttribute("width"));
    const narrower = drawn > available ? narrowSteps(fitted, available / drawn) : fitted;
    if (narrower !== fitted) {
      view.finalize();
      view = await render(target, narrower);
      await fitWidth(view, target, available);
    }
  }
  // one Chinese label for the whole chart (the spec's description, see frame() in src/charts):
  // vega calls its container an English "visualization"; the SVG's own parts are not announced
  target.setAttribute("role", "img");
  target.setAttribute("aria-roledescription", "图表");
  target.querySelector("svg")?.setAttribute("aria-hidden", "true");
  return view;
}

/**
 * The views drawn with a plot area of fixed width that may be narrowed: not one set by a step per
 * band or a facet, and not a map (a projection: its labels are placed for the size it was made
 * for, so it is made for its card instead, see mapSize).
 */
const fixedWidth = new WeakSet<View>();

/** A vega-lite spec drawn into `target` (emptied first) as SVG. */
async function render(target: HTMLElement, spec: TopLevelSpec): Promise<View> {
  const log = logger(Warn);
  const vega = compile(spec, { logger: log }).spec;
  const view = new View(parse(vega, {}), { logger: log, renderer: "svg" });
  if (typeof vega.width === "number" && !vega.projections?.length) fixedWidth.add(view);
  // vega-embed's container class: style.css keeps its layout rules for it
  target.classList.add("vega-embed");
  target.replaceChildren();
  await view.initialize(target).runAsync();
  return view;
}

/** CHART_CONFIG's padding around a chart, in px (inside its SVG). */
const CHART_PADDING = typeof CHART_CONFIG.padding === "number" ? CHART_CONFIG.padding : 0;
/** The narrowest plot area a chart is drawn with to fit its card, in px. */
const MIN_PLOT_WIDTH = 140;

/** An element's width inside its padding, in px (0 when it is not laid out). */
function contentWidth(e: HTMLElement | null): number {
  if (!e?.isConnected) return 0;
  const style = getComputedStyle(e);
  return Math.floor(e.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight));
}

/**
 * Narrows a drawn chart's plot area until its SVG fits `available` px (at most twice: a legend or
 * axis may move; never below {@link MIN_PLOT_WIDTH}). On a 390 px phone the charts had been drawn
 * 431–611 px wide and shown at 0.48–0.76 of that, their 12 px text at 6–9 px.
 */
async function fitWidth(view: View, target: HTMLElement, available: number): Promise<void> {
  if (!fixedWidth.has(view)) return;
  for (let i = 0; i < 2; i++) {
    const drawn = Number(target.querySelector("svg")?.getAttribute("width"));
    const width = view.width();
    if (!(drawn > available) || !Number.isFinite(width)) return;
    const next = Math.max(MIN_PLOT_WIDTH, Math.floor(width - (drawn - available)));
    if (next >= width) return;
    await view.width(next).runAsync();
  }
}

let queue: Promise<unknown> = Promise.resolve();

/**
 * Resolves after the browser has had a chance to paint (the task after the next animation frame;
 * within 100 ms when frames do not come, e.g. in a hidden tab). Charts are drawn one per task, but
 * tasks queued with setTimeout(0) ran back to back with no frame between them: a page's first
 * chart, drawn, did not show until every chart after it was drawn too (总览: 0.5–1 s later in the
 * 50,000-case benchmark's Chromium, which waits for the chart the way a reader's eye does).
 */
function afterPaint(): Promise<void> {
  return new Promise<void>((resolve) => {
    let done = false;
    const go = () => {
      if (done) return;
      done = true;
      setTimeout(resolve, 0);
    };
    requestAnimationFrame(go);
    setTimeout(go, 100);
  });
}

let firstDrawn: () => void = () => {};
const firstChart = new Promise<void>((resolve) => (firstDrawn = resolve));

/**
 * Resolves once the page's first chart is drawn (or has failed), and never earlier: for data only
 * the parts below the charts need (热点's repeat groups and enforcement counts, 4.7 MB at 50,000
 * cases), fetched and parsed after it so they do not compete with the first chart. Unlike
 * afterCharts() it may be called before any chart is made (in a page's import cell, which runs once).
 */
export function afterFirstChart(): Promise<void> {
  return firstChart;
}

/**
 * Resolves once the charts created so far are drawn (at once when none is pending), then yields
 * a task. Cells below the charts (long tables, comparisons over every case) await it first: the
 * charts are drawn in a later task, so without it all of a page's synchronous table work ran
 * before the first chart appeared (the 50,000-case benchmark).
 */
export function afterCharts(): Promise<void> {
  return queue.then(() => new Promise<void>((r) => setTimeout(r, 0)));
}

/**
 * A chart in a card, drawn as SVG, with 下载 SVG / 下载 PNG buttons. `spec` may be a function:
 * it is then called when the chart's turn to be drawn comes, so a costly spec (the map's label
 * placement) does not delay the charts drawn before it, with the width in px the chart has in
 * its card (its SVG, padding included; undefined when the card is not on the page), so that a
 * spec that cannot be narrowed after it is made (a map: labels placed for its size) is made for it.
 */
export function chartCard(spec: TopLevelSpec | ((width: number | undefined) => TopLevelSpec), options: ChartCardOptions = {}): HTMLElement {
  let name = options.filename ?? (typeof spec === "function" ? "图表" : titleOf(spec));
  const target = el("div", { class: "ducha-chart-body" });
  const svgButton = el("button", { type: "button", disabled: "" }, ["下载 SVG"]);
  const pngButton = el("button", { type: "button", disabled: "" }, ["下载 PNG"]);
  const card = el("figure", { class: `card ducha-chart${options.wide ? " is-wide" : ""}`, "data-chart": name }, [
    target,
    options.caption ? el("figcaption", {}, [options.caption]) : null,
    el("div", { class: "ducha-actions" }, [svgButton, pngButton]),
  ]);
  let finalize: (() => void) | undefined;
  let cancelled = false;
  let drawnSpec: TopLevelSpec | undefined;
  // charts are drawn one after another, in page order: the first appears as soon as it can
  const drawn = queue
    .then(() => new Promise((r) => setTimeout(r, 0)))
    .then(() => {
      if (cancelled) return undefined;
      let full = spec;
      if (typeof full === "function") {
        full = full(contentWidth(card) || undefined);
        name = options.filename ?? titleOf(full);
        card.setAttribute("data-chart", name);
      }
      drawnSpec = full;
      return draw(target, full);
    });
  // the next chart (and the cells waiting in afterCharts) after this one is on screen
  queue = drawn.catch(() => undefined).then(afterPaint);
  void queue.then(() => firstDrawn());
  drawn
    .then((view) => {
      if (!view) return;
      finalize = () => view.finalize();
      const onClick = options.onClick;
      if (onClick) {
        card.classList.add("is-clickable");
        view.addEventListener("click", (_e, item) => {
          const datum = (item as { datum?: Record<string, unknown> } | null | undefined)?.datum;
          if (datum) onClick(datum);
        });
      }
      svgButton.removeAttribute("disabled");
      pngButton.removeAttribute("disabled");
      // one image named in Chinese, without vega's English role descriptions ("rect mark container")
      const description = (drawnSpec as { description?: unknown } | undefined)?.description;
      svgButton.onclick = async () => {
        const svg = await view.toSVG();
        saveBlob(
          new Blob([typeof description === "string" && description ? chineseAria(svg, description) : svg], { type: "image/svg+xml;charset=utf-8" }),
          fileName(name, "svg"),
        );
      };
      pngButton.onclick = async () => saveBlob(dataUrlBlob(await view.toImageURL("png", 2)), fileName(name, "png"));
      card.classList.add("is-ready");
    })
    .catch((e: unknown) => {
      target.append(el("p", { class: "ducha-error" }, [`图表无法绘制：${(e as Error).message}`]));
      console.error(e);
    });
  void options.invalidation?.then(() => {
    cancelled = true;
    finalize?.();
  });
  return card;
}

/** A short message in place of a chart that has nothing to show. */
export function emptyCard(title: string, message: string): HTMLElement {
  return el("figure", { class: "card ducha-chart is-empty", "data-chart": title }, [el("h3", {}, [title]), el("p", { class: "ducha-muted" }, [message])]);
}

export interface TableCardOptions {
  /** rows shown before 显示全部 (default 15) */
  limit?: number;
  /**
   * rows added by a 再显示 button beside 显示全部 (default: no such button). Long tables (热点's
   * thousands of repeat groups) are drawn a page at a time: drawing them whole cost seconds of
   * layout before the page's first chart appeared, and every row stays one or two clicks away.
   */
  step?: number;
  /** what a row is called on the buttons (default 行: 显示全部 3,008 行; 组 for repeat groups) */
  unit?: string;
  note?: Child;
  /** render a cell yourself (default: its text) */
  cell?: (value: string | number | null | undefined, column: number, row: number) => Child;
  /** the card spans the full width */
  wide?: boolean;
  /**
   * the headers shown on a phone (≤ 640 px), one array of pieces per column: a header wraps
   * between its pieces, never inside one (原表 / 标注, not 原表标 / 注). The full headers stay
   * on wider screens and in the downloads. For a table of a few short columns whose full headers
   * would make it scroll sideways on a phone (分类's agreement table).
   */
  narrowHeaders?: readonly (readonly string[])[];
}

/**
 * A table in a card, with 下载 CSV / 下载 XLSX of all its rows. `table.title` (when given) is
 * the first line of the downloads; `table.name` is the heading and the file name.
 */
export function tableCard(table: Table, options: TableCardOptions = {}): HTMLElement {
  const limit = options.limit ?? 15;
  const numeric = table.headers.map(
    (_, c) => table.rows.length > 0 && table.rows.every((r) => typeof r[c] === "number" || r[c] === null || r[c] === "" || r[c] === "—"),
  );
  // short columns stay on one line; long text wraps (at a readable width on a phone: style.css)
  const short = table.headers.map((_, c) => table.rows.slice(0, 200).every((r) => String(r[c] ?? "").length <= 14));
  const cls = (c: number) => (numeric[c] ? "num" : short[c] ? "nowrap" : "long");
  const body = el("tbody");
  let shown = 0;
  const render = (upTo: number) => {
    for (; shown < Math.min(upTo, table.rows.length); shown++) {
      const row = table.rows[shown]!;
      body.append(
        el(
          "tr",
          row[0] === "合计" ? { class: "is-total" } : {},
          row.map((v, c) => el("td", { class: cls(c) }, [options.cell ? options.cell(v, c, shown) : typeof v === "number" ? num(v) : (v ?? "")])),
        ),
      );
    }
  };
  render(limit);
  const unit = options.unit ?? "行";
  const total = table.rows.length;
  const more = total > limit ? el("button", { type: "button", class: "ducha-more" }, [`显示全部 ${num(total)} ${unit}`]) : null;
  const next = options.step && total > limit ? el("button", { type: "button", class: "ducha-next" }, []) : null;
  const shownNote = total > limit ? el("span", { class: "ducha-muted ducha-shown", "data-testid": "rows-shown" }, []) : null;
  const update = () => {
    if (shownNote) shownNote.textContent = shown < total ? `已显示 ${num(shown)} / ${num(total)} ${unit}` : `共 ${num(total)} ${unit}`;
    if (next) next.textContent = `再显示 ${num(Math.min(options.step!, total - shown))} ${unit}`;
    if (shown >= total) {
      more?.remove();
      next?.remove();
    }
  };
  update();
  more?.addEventListener("click", () => {
    render(total);
    update();
  });
  next?.addEventListener("click", () => {
    render(shown + options.step!);
    update();
  });
  const csv = el("button", { type: "button" }, ["下载 CSV"]);
  const xlsx = el("button", { type: "button" }, ["下载 XLSX"]);
  csv.onclick = () => saveBlob(new Blob([toCsv(table)], { type: "text/csv;charset=utf-8" }), fileName(table.name, "csv"));
  xlsx.onclick = () =>
    saveBlob(new Blob([xlsxBytes([table])], { type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" }), fileName(table.name, "xlsx"));
  return el("div", { class: `card ducha-table${options.wide ? " is-wide" : ""}${options.narrowHeaders ? " has-narrow" : ""}`, "data-table": table.name }, [
    el("h3", {}, [table.name]),
    options.note ? el("p", { class: "ducha-muted" }, [options.note]) : null,
    el("div", { class: "ducha-table-scroll" }, [
      el("table", {}, [
        el("thead", {}, [
          el(
            "tr",
            {},
            table.headers.map((h, c) => {
              const narrow = options.narrowHeaders?.[c];
              if (!narrow) return el("th", { class: cls(c) }, [h]);
              return el("th", { class: cls(c) }, [
                el("span", { class: "ducha-th-full" }, [h]),
                el(
                  "span",
                  { class: "ducha-th-narrow" },
                  narrow.map((piece) => el("span", {}, [piece])),
                ),
              ]);
            }),
          ),
        ]),
        body,
      ]),
    ]),
    table.rows.length ? null : el("p", { class: "ducha-muted" }, ["当前范围内没有记录。"]),
    el("div", { class: "ducha-actions" }, [shownNote, next, more, csv, xlsx]),
  ]);
}

const LEVEL_ICON: Record<LeagueRow["level"], string> = { 达标: "●", 接近: "▲", 落后: "✕", 无数据: "—" };

/** The county code of a clicked map or ranking mark: a feature's properties.code, or a code field. */
export function countyOfDatum(d: Record<string, unknown>): string | null {
  const props = d.properties as Record<string, unknown> | undefined;
  const code = props?.code ?? d.code ?? d.county;
  return typeof code === "string" && code ? code : null;
}

/** "临武县·大气" for titles when a filter is set; the prefecture's name otherwise. */
export function scopeLabel(data: DashboardData, sel: Selection): string {
  const f = sel.filters;
  const parts = [
    f.county ? data.countyName(f.county) : (data.meta.prefecture?.name ?? ""),
    f.batch ? `第${f.batch}批` : "",
    f.type ?? "",
    f.from || f.to ? `${f.from ? cnDay(f.from) : ""}至${f.to ? cnDay(f.to) : ""}` : "",
  ].filter(Boolean);
  return parts.join("·");
}

/** Set the filter bar's county (as a user would), so every cell below re-runs. */
export function selectCounty(code: string | null): void {
  const s = document.querySelector<HTMLSelectElement>("form.ducha-filters select[name=county]");
  if (!s) return;
  s.value = s.value === code ? "" : (code ?? "");
  s.dispatchEvent(new Event("change", { bubbles: true }));
}

/**
 * The leaders' first table: counties by 办结率, worst first, against CLOSED_RATE_TARGET,
 * each with a level word and icon (readable without colour), 逾期未办结 and the change since the
 * previous snapshot. A county's name is a button that filters the page to it.
 */
export function leagueTable(data: DashboardData, sel: Selection): HTMLElement {
  // unfiltered: the data step's rows (the same function, run once at build time)
  const rows = !isFiltered(sel.filters) && data.file.league ? data.file.league : leagueRows(data, sel);
  const snaps = data.meta.snapshots;
  const since = snaps.length >= 2 ? `较${cnDay(snaps[snaps.length - 2]!)}` : "较上期";
  const head = ["县（市、区）", "办结率", "状态", "已办结/件", "逾期未办结", since];
  const body = rows.map((r) =>
    el("tr", { class: `is-${r.level}`, "data-county": r.county }, [
      el("th", { scope: "row" }, [el("button", { type: "button", class: "ducha-county-link", title: `只看${r.name}` }, [r.name])]),
      el("td", { class: "num" }, [pct(r.rate)]),
      el("td", { class: "ducha-level" }, [el("span", { "aria-hidden": "true" }, [LEVEL_ICON[r.level]]), ` ${r.level}`]),
      el("td", { class: "num" }, [`${num(r.closed)}/${num(r.withStatus)}`]),
      // without 办结目标 no case can be judged overdue: —, not 0
      el("td", { class: "num" }, [data.file.overdueAt ? num(r.overdue) : "—"]),
      el("td", { class: "num" }, [deltaText(r.rate, r.previous)]),
    ]),
  );
  const table = el("table", { class: "ducha-league", "data-testid": "league" }, [
    el("thead", {}, [
      el(
        "tr",
        {},
        head.map((h) => el("th", { scope: "col" }, [h])),
      ),
    ]),
    el("tbody", {}, body),
  ]);
  for (const b of table.querySelectorAll<HTMLButtonElement>("button.ducha-county-link")) {
    b.addEventListener("click", () => selectCounty(b.closest("tr")!.getAttribute("data-county")));
  }
  const where = describeFilters(data, sel.filters);
  // （未识别） is no county: counted below the ranking, never ranked or marked 落后
  const unresolved = unresolvedCases(sel);
  return el("section", { class: "card ducha-league-card" }, [
    el("h2", {}, [`各县（市、区）办结率排名（${where}）`]),
    el("p", { class: "ducha-detail" }, [
      `从低到高排列；目标 ${pct(CLOSED_RATE_TARGET, 0)}（工作目标）：● 达标，▲ 接近（差 ${pct(CLOSED_RATE_WARN, 0)} 以内），✕ 落后。点击县名只看该县，再点一次取消。${data.file.overdueAt ? "" : "表中没有办结目标，逾期未办结无数据（—）。"}`,
    ]),
    el("div", { class: "ducha-table-scroll" }, [table]),
    unresolved
      ? el("p", { class: "ducha-muted", "data-testid": "league-unresolved" }, [
          `另有未识别行政区域 ${num(unresolved)} 件（无法确定县（市、区）），不参与排名。`,
        ])
      : null,
  ]);
}

/** 逾期未办结 and the 重点件 of the selection with their status, open ones first. */
export function keyCases(data: DashboardData, sel: Selection, limit = 12): HTMLElement {
  // a mask, not a Set of 50,000 rows: this card is drawn before the page's first chart
  const inSel = new Uint8Array(data.length);
  for (const r of sel.rows) inSel[r] = 1;
  const overdue = data.file.overdue.filter((o) => inSel[o.row] === 1);
  const statusName = (i: number) => sel.cols.statusKeys[sel.cols.status[i]!] ?? "";
  const ids = new Map(data.file.keyCases ?? []);
  const items: { id: string; county: string; status: string; open: boolean }[] = [];
  for (let i = 0; i < sel.rows.length; i++) {
    const r = sel.rows[i]!;
    if (data.extras.category[r] !== 1) continue;
    const status = statusName(i) === MISSING || !statusName(i) ? "未填" : statusName(i);
    items.push({ id: ids.get(r) ?? `第${r + 1}件`, county: data.countyName(sel.cols.countyKeys[sel.cols.county[i]!]!), status, open: status !== "已办结" });
  }
  items.sort((a, b) => Number(b.open) - Number(a.open) || (a.id < b.id ? -1 : 1));
  const open = items.filter((x) => x.open).length;
  return el("section", { class: "card ducha-key-card" }, [
    el("h2", {}, ["逾期未办结与重点件"]),
    // without 办结目标 nothing can be overdue or not: 无数据, not a red "0 件"
    el("div", { class: `big${data.file.overdueAt ? "" : " is-nodata"}`, "data-testid": "fig-overdue" }, [
      data.file.overdueAt ? `${num(overdue.length)} 件` : "无数据",
    ]),
    el("p", { class: "ducha-detail" }, [
      data.file.overdueAt ? `逾期未办结：过了办结目标、截至${cnDate(data.file.overdueAt)}仍未办结` : "表中没有办结目标，无法判断逾期",
    ]),
    items.length
      ? el("ul", { class: "ducha-key-list", "data-testid": "key-list" }, [
          ...items
            .slice(0, limit)
            .map((x) =>
              el("li", { class: x.open ? "is-open" : "is-closed" }, [
                el("span", { "aria-hidden": "true" }, [x.open ? "○ " : "● "]),
                `${x.id} · ${x.county} · `,
                el("strong", {}, [x.status]),
              ]),
            ),
          items.length > limit ? el("li", { class: "ducha-muted" }, [`另有 ${num(items.length - limit)} 件，见“整改进度”页`]) : null,
        ])
      : el("p", { class: "ducha-muted" }, ["当前范围内没有标为重点件的信访件。"]),
    items.length ? el("p", { class: "ducha-detail" }, [`重点件 ${num(items.length)} 件，其中未办结 ${num(open)} 件`]) : null,
  ]);
}
