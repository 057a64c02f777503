/**
 * Reads the written CSV files back (so that quoting is checked too) and prints the calibration
 * table: type shares, 是否属实, status per snapshot, channel, 重点件, repeat groups and the spike.
 */
import { readFileSync } from "node:fs";
import { POLLUTION_TYPES, type PollutionType, parsePollutionTypes } from "../../src/model/vocabulary.js";
import { COUNTIES } from "./geo.js";
import { TYPE_TARGETS, VERIFICATION_TARGETS } from "./generate.js";

/** RFC 4180 parser (quoted fields with "" escapes and line breaks). */
export function parseCsv(text: string): string[][] {
  const src = text.replace(/^\uFEFF/, "");
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < src.length; i++) {
    const ch = src[i] as string;
    if (quoted) {
      if (ch === '"') {
        if (src[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") {
      row.push(field);
      field = "";
    } else if (ch === "\r" && src[i + 1] === "\n") {
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
      i++;
    } else if (ch === "\n") {
      throw new Error("bare LF outside quotes: records must end with CRLF");
    } else field += ch;
  }
  if (field !== "" || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

export interface Table {
  title: string;
  header: string[];
  records: Record<string, string>[];
}

export function readTable(path: string): Table {
  const rows = parseCsv(readFileSync(path, "utf8"));
  const [titleRow, header, ...data] = rows;
  if (!titleRow || !header) throw new Error(`${path}: no title or header`);
  for (const r of rows) if (r.length !== header.length) throw new Error(`${path}: a row has ${r.length} fields, header ${header.length}`);
  return { title: titleRow[0] ?? "", header, records: data.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] ?? ""]))) };
}

const pct = (n: number, d: number) => (d === 0 ? "-" : `${((100 * n) / d).toFixed(1)}%`);
const pad = (s: string, n: number) => s + " ".repeat(Math.max(0, n - [...s].reduce((w, ch) => w + (ch.charCodeAt(0) > 255 ? 2 : 1), 0)));

export interface CalibrationInput {
  main: string;
  snapshots: readonly { asOf: string; path: string }[];
  groups: readonly { group: string; site: string; county: string; caseNos: readonly string[]; batches: readonly number[] }[];
  spike: { county: string; batches: readonly number[]; site: string };
}

export function calibration(input: CalibrationInput): { text: string; ok: boolean } {
  const out: string[] = [];
  const problems: string[] = [];
  const main = readTable(input.main);
  const recs = main.records;
  const n = recs.length;
  out.push(`记录数 ${n}（批次 ${new Set(recs.map((r) => r["批次"])).size}）  标题：${main.title}`);

  // types
  const counts = new Map<PollutionType, number>();
  let labels = 0;
  const perCase = [0, 0, 0, 0];
  let variants = 0;
  for (const r of recs) {
    const cell = r["污染类型"] ?? "";
    const p = parsePollutionTypes(cell);
    if (p.unknown.length) problems.push(`unknown 污染类型 ${cell}`);
    if (/噪音|其它|大气污染|扬尘/.test(cell)) variants++;
    for (const t of p.values) counts.set(t, (counts.get(t) ?? 0) + 1);
    labels += p.values.length;
    perCase[Math.min(3, p.values.length)]!++;
  }
  out.push("", "污染类型（按标签计，官方列，变体已归一）       实际     目标   含该类的件数占比");
  for (const t of POLLUTION_TYPES) {
    const c = counts.get(t) ?? 0;
    const share = (100 * c) / labels;
    const target = TYPE_TARGETS[t];
    if (Math.abs(share - target) > Math.max(2, target * 0.2)) problems.push(`type ${t} ${share.toFixed(1)}% vs ${target}%`);
    out.push(`  ${pad(t, 8)} ${String(c).padStart(4)}  ${pct(c, labels).padStart(7)}  ${`${target}%`.padStart(6)}   ${pct(c, n).padStart(6)}`);
  }
  out.push(
    `  每件类型数：1类 ${pct(perCase[1] ?? 0, n)}，2类 ${pct(perCase[2] ?? 0, n)}，3类及以上 ${pct(perCase[3] ?? 0, n)}；变体写法（噪音/其它/大气污染/扬尘）${variants} 行（${pct(variants, n)}）`,
  );

  // verification
  out.push("", "是否属实                实际     目标");
  for (const v of Object.keys(VERIFICATION_TARGETS) as (keyof typeof VERIFICATION_TARGETS)[]) {
    const c = recs.filter((r) => r["是否属实"] === v).length;
    if (Math.abs((100 * c) / n - VERIFICATION_TARGETS[v]) > 2.5) problems.push(`verification ${v}`);
    out.push(`  ${pad(v, 10)} ${String(c).padStart(4)}  ${pct(c, n).padStart(7)}  ${`${VERIFICATION_TARGETS[v]}%`.padStart(6)}`);
  }

  // status per snapshot
  const tables = [{ asOf: "2023-07-16", t: main }, ...input.snapshots.map((s) => ({ asOf: s.asOf, t: readTable(s.path) }))];
  const targetClosed: Record<string, string> = { "2023-07-16": "34%", "2023-08-31": "~60%", "2023-10-31": "~85%", "2023-12-31": "95%+" };
  out.push("", "是否办结          已办结   阶段性办结   正在办理   已办结目标   逾期未办结");
  for (const { asOf, t } of tables) {
    const rs = t.records;
    const closed = rs.filter((r) => r["是否办结"] === "已办结").length;
    const phase = rs.filter((r) => r["是否办结"] === "阶段性办结").length;
    const open = rs.filter((r) => r["是否办结"] === "正在办理").length;
    const overdue = rs.filter((r) => r["是否办结"] !== "已办结" && overdueAt(r["办结目标"] ?? "", asOf)).length;
    if (rs.length !== n) problems.push(`snapshot ${asOf} has ${rs.length} rows`);
    out.push(
      `  ${asOf}   ${pct(closed, rs.length).padStart(7)}   ${pct(phase, rs.length).padStart(9)}   ${pct(open, rs.length).padStart(8)}   ${(targetClosed[asOf] ?? "").padStart(9)}   ${String(overdue).padStart(6)}`,
    );
  }
  out.push("  目标（7月16日）：已办结 34%，阶段性办结 20%，正在办理 45%");
  out.push("", "各县市区办结率（已办结占比）   " + tables.map((x) => x.asOf.slice(5)).join("    "));
  for (const c of COUNTIES) {
    const cells = tables.map(({ t }) => {
      const rs = t.records.filter((r) => areaCode(r["行政区域"] ?? "") === c.code);
      return pct(rs.filter((r) => r["是否办结"] === "已办结").length, rs.length).padStart(6);
    });
    const total = recs.filter((r) => areaCode(r["行政区域"] ?? "") === c.code).length;
    out.push(`  ${pad(c.name, 8)} ${String(total).padStart(4)} 件   ${cells.join("   ")}`);
  }

  // channel, category
  const phone = recs.filter((r) => (r["受理编号"] ?? "").startsWith("D")).length;
  const letters = recs.filter((r) => (r["受理编号"] ?? "").startsWith("X")).length;
  const key = recs.filter((r) => r["案卷类别"] === "重点件").length;
  out.push("", `渠道：来电 ${phone}（${pct(phone, n)}），来信 ${letters}（${pct(letters, n)}）；目标约 90% / 10%`);
  out.push(`案卷类别：重点件 ${key}（${pct(key, n)}），一般件 ${n - key}；目标约 7% 重点件`);

  // repeats
  const repeatCount = input.groups.reduce((x, g) => x + g.caseNos.length - 1, 0);
  out.push("", `重复举报：${input.groups.length} 组，后续重复件 ${repeatCount} 件（${pct(repeatCount, n)}；目标约 6%）`);
  for (const g of input.groups) out.push(`  ${g.group} ${g.county} ${g.site}：第${g.batches.join("、")}批 ${g.caseNos.join(" ")}`);

  // spike
  const byDay = new Map<string, number>();
  for (const r of recs) if (areaCode(r["行政区域"] ?? "") === input.spike.county) byDay.set(r["批次"] ?? "", (byDay.get(r["批次"] ?? "") ?? 0) + 1);
  const outside = [...Array(21).keys()]
    .map((i) => i + 1)
    .filter((b) => !input.spike.batches.includes(b))
    .map((b) => byDay.get(`第${b}批`) ?? 0);
  const mean = outside.reduce((a, b) => a + b, 0) / outside.length;
  const spikeDays = input.spike.batches.map((b) => `第${b}批 ${byDay.get(`第${b}批`) ?? 0} 件`);
  out.push("", `突增：${input.spike.site}，${spikeDays.join("，")}；该县其他批次平均 ${mean.toFixed(1)} 件/批`);
  const spikeMin = Math.min(...input.spike.batches.map((b) => byDay.get(`第${b}批`) ?? 0));
  if (spikeMin < mean + 2) problems.push("spike not above baseline");

  if (problems.length) out.push("", `校准偏差：${problems.join("；")}`);
  else out.push("", "校准检查：全部在目标范围内。");
  return { text: out.join("\n"), ok: problems.length === 0 };
}

function areaCode(cell: string): string | undefined {
  const c = COUNTIES.find((x) => cell === x.name || cell === `郴州市${x.name}` || cell === x.short);
  return c?.code;
}

function overdueAt(deadline: string, asOf: string): boolean {
  const m = /^(\d{4})年(\d{1,2})月(\d{1,2}日|底)/.exec(deadline);
  if (!m) return false;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const day = m[3] === "底" ? new Date(Date.UTC(y, mo, 0)).getUTCDate() : Number.parseInt(m[3] ?? "1", 10);
  const iso = `${y}-${String(mo).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
  return iso < asOf;
}
