/**
 * Many varied, realistic complaint rows for benchmarks, from the sample generator
 * (scripts/sample) run with successive seeds: each run is a whole simulated inspection of ~460
 * complaints with its own sites, towns and phrasing.
 */
import { generate } from "../scripts/sample/generate.js";
import { Rng } from "../scripts/sample/rng.js";

export interface BenchComplaint {
  caseNo: string;
  date: string;
  text: string;
  area: string;
  types: string;
  batch: number;
}

export function benchComplaints(n: number): BenchComplaint[] {
  const out: BenchComplaint[] = [];
  for (let seed = 1; out.length < n; seed++) {
    let cases;
    try {
      cases = generate(new Rng(seed * 7919)).cases;
    } catch {
      continue; // the generator's planting assumes its own seed; a few other seeds cannot plant everything
    }
    for (const c of cases) {
      if (out.length >= n) break;
      out.push({ caseNo: `${c.caseNo}-${seed}`, date: c.date, text: c.text, area: c.areaCell, types: c.typeCell, batch: c.batch });
    }
  }
  return out;
}

const q = (s: string) => (/[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

/** As a disclosure-style CSV (UTF-8 BOM, CRLF). */
export function toDisclosureCsv(rows: readonly BenchComplaint[]): string {
  const lines = ["序号,受理编号,批次,交办时间,交办问题基本情况,行政区域,污染类型"];
  rows.forEach((r, i) => lines.push([i + 1, r.caseNo, r.batch, r.date, q(r.text), q(r.area), q(r.types)].join(",")));
  return `\uFEFF${lines.join("\r\n")}\r\n`;
}
