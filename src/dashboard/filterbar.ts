/**
 * The filter bar every page starts with: 交办日期 range, 批次, 县（市、区）, 污染类型, 督察重点.
 * An element with a `value` (the {@link Filters}) that fires `input` when it changes, so that
 * Observable Framework's `view()` makes every chart and table below depend on it. The state is
 * kept for the browser tab (sessionStorage), so moving between pages keeps the selection.
 */
import { NO_THEME } from "../analyze/keys.js";
import { THEMES, THEME_NAMES } from "../model/classification.js";
import { POLLUTION_TYPES } from "../model/vocabulary.js";
import { cnDate, cnDay, el } from "./dom.js";
import { type DashboardData, type Filters, NO_FILTERS, isFiltered } from "./select.js";

const STORAGE_KEY = "ducha-filters";

function restore(data: DashboardData): Filters {
  try {
    const saved = JSON.parse(sessionStorage.getItem(STORAGE_KEY) ?? "null") as Partial<Filters> | null;
    if (!saved || typeof saved !== "object") return { ...NO_FILTERS };
    const ok = (v: unknown, allowed: readonly string[]) => (typeof v === "string" && allowed.includes(v) ? v : null);
    const dates = data.dates;
    return {
      from: ok(saved.from, dates),
      to: ok(saved.to, dates),
      batch: ok(saved.batch, data.batches),
      county: ok(saved.county, data.cols.countyKeys),
      type: ok(saved.type, [...POLLUTION_TYPES]),
      theme: ok(saved.theme, [...THEMES, NO_THEME]),
    };
  } catch {
    return { ...NO_FILTERS };
  }
}

function select(name: string, label: string, options: readonly [string, string][], value: string | null): HTMLLabelElement {
  const s = el("select", { name, "aria-label": label }, [
    el("option", { value: "" }, ["全部"]),
    ...options.map(([v, text]) => el("option", { value: v }, [text])),
  ]);
  s.value = value ?? "";
  return el("label", { class: "ducha-field" }, [el("span", {}, [label]), s]);
}

/** Readable description of a filter state: "交办日期 6月26日至7月1日；县区 苏仙区" or "全部信访件". */
export function describeFilters(data: DashboardData, f: Filters): string {
  const parts: string[] = [];
  if (f.from || f.to) parts.push(`交办日期 ${f.from ? cnDate(f.from) : "最早"}至${f.to ? cnDate(f.to) : "最晚"}`);
  if (f.batch) parts.push(`第${f.batch}批`);
  if (f.county) parts.push(data.countyName(f.county));
  if (f.type) parts.push(`污染类型：${f.type}`);
  if (f.theme) parts.push(`督察重点：${f.theme === NO_THEME ? "未涉及" : (THEME_NAMES[f.theme as keyof typeof THEME_NAMES] ?? f.theme)}`);
  return parts.length ? parts.join("；") : "全部信访件";
}

/** The filter bar; `bar.value` is the current {@link Filters}. */
export function filterBar(data: DashboardData): HTMLFormElement & { value: Filters } {
  const initial = restore(data);
  const dates = data.dates;
  // the types that occur: one pass over the bit masks (not one scan of every case per type)
  let typesSeen = 0;
  for (let i = 0; i < data.cols.types.length; i++) typesSeen |= data.cols.types[i]!;
  const dateSelect = (name: string, label: string, value: string | null) =>
    select(
      name,
      label,
      dates.map((d): [string, string] => [d, cnDay(d)]),
      value,
    );
  const fields = [
    dateSelect("from", "交办日期 从", initial.from),
    dateSelect("to", "至", initial.to),
    select(
      "batch",
      "批次",
      data.batches.map((b): [string, string] => [b, `第${b}批`]),
      initial.batch,
    ),
    select("county", "县（市、区）", data.countyOptions, initial.county),
    select(
      "type",
      "污染类型",
      POLLUTION_TYPES.filter((_, i) => typesSeen & (1 << i)).map((t): [string, string] => [t, t]),
      initial.type,
    ),
    select("theme", "督察重点", [...THEMES.map((t): [string, string] => [t, THEME_NAMES[t]]), [NO_THEME, "未涉及督察重点"]], initial.theme),
  ];
  const reset = el("button", { type: "button", class: "ducha-reset" }, ["清除筛选"]);
  const form = el("form", { class: "ducha-filters", role: "search", "aria-label": "筛选" }, [
    el("div", { class: "ducha-fields" }, [...fields, reset]),
  ]) as HTMLFormElement & { value: Filters };
  const read = (): Filters => {
    const v = (name: string) => (form.elements.namedItem(name) as HTMLSelectElement).value || null;
    let from = v("from");
    let to = v("to");
    if (from && to && from > to) [from, to] = [to, from];
    return { from, to, batch: v("batch"), county: v("county"), type: v("type"), theme: v("theme") };
  };
  const update = () => {
    form.value = read();
    form.classList.toggle("is-filtered", isFiltered(form.value));
    for (const s of form.querySelectorAll("select")) s.classList.toggle("is-set", s.value !== "");
    try {
      sessionStorage.setItem(STORAGE_KEY, JSON.stringify(form.value));
    } catch {
      /* storage unavailable: filters still work on this page */
    }
  };
  form.addEventListener("submit", (e) => e.preventDefault());
  form.addEventListener("change", () => {
    update();
    form.dispatchEvent(new Event("input", { bubbles: true }));
  });
  // the selects' own input events would reach view() before `value` is updated
  form.addEventListener(
    "input",
    (e) => {
      if (e.target !== form) e.stopPropagation();
    },
    true,
  );
  reset.addEventListener("click", () => {
    for (const s of form.querySelectorAll("select")) s.value = "";
    update();
    form.dispatchEvent(new Event("input", { bubbles: true }));
  });
  update();
  return form;
}
