/**
 * Regenerates the bundled SAMPLE data (模拟数据) in data/sample/, byte for byte:
 *
 * - 郴州2023_信访件_模拟数据.xlsx: one sheet per transfer batch, as the disclosure tables are published
 * - 郴州2023_信访件_模拟数据.csv: the same cases in one CSV (state at the end of stationing, 2023-07-16)
 * - snapshots/郴州2023_办理情况_截至2023-MM-DD_模拟数据.csv: the same cases later in time
 * - README.md: what the files are, how they were calibrated, the planted test material
 *
 * It simulates Hunan's 3rd provincial inspection group in 郴州 (2023-06-26 to 07-16). Nothing is
 * real: see data/sample/README.md. Run with `npm run data:sample`; it prints the calibration table.
 */
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { calibration } from "./sample/calibrate.js";
import { SPIKE, generate } from "./sample/generate.js";
import { END_OF_STATIONING, SEED, SNAPSHOTS } from "./sample/model.js";
import { buildCsv, buildXlsx } from "./sample/output.js";
import { readme } from "./sample/readme.js";
import { Rng } from "./sample/rng.js";

const outDir = fileURLToPath(new URL("../data/sample/", import.meta.url));
const MAIN_XLSX = "郴州2023_信访件_模拟数据.xlsx";
const MAIN_CSV = "郴州2023_信访件_模拟数据.csv";
const snapshotName = (asOf: string) => `snapshots/郴州2023_办理情况_截至${asOf}_模拟数据.csv`;

async function main() {
  const gen = generate(new Rng(SEED));
  mkdirSync(join(outDir, "snapshots"), { recursive: true });
  const written: string[] = [];
  const write = (name: string, data: string | Buffer) => {
    writeFileSync(join(outDir, name), data);
    written.push(name);
  };

  write(MAIN_XLSX, await buildXlsx(gen.cases));
  write(MAIN_CSV, buildCsv(gen.cases, END_OF_STATIONING, false));
  for (const s of SNAPSHOTS) write(snapshotName(s), buildCsv(gen.cases, s, true));

  const cal = calibration({
    main: join(outDir, MAIN_CSV),
    snapshots: SNAPSHOTS.map((s) => ({ asOf: s, path: join(outDir, snapshotName(s)) })),
    groups: gen.groups,
    spike: { county: SPIKE.county, batches: SPIKE.batches, site: gen.spikeSite },
  });
  write("README.md", readme(gen, { main: MAIN_XLSX, csv: MAIN_CSV, snapshots: SNAPSHOTS.map(snapshotName) }, cal.text));

  console.log(cal.text);
  console.log("\n写入文件（sha256）：");
  for (const name of written) {
    const hash = createHash("sha256")
      .update(readFileSync(join(outDir, name)))
      .digest("hex");
    console.log(`  ${hash}  data/sample/${name}`);
  }
  if (!cal.ok) process.exitCode = 1;
}

await main();
