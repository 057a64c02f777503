import { statSync } from "node:fs";
import { type PopulationTable, PopulationTableError, populationTable } from "../analyze/population.js";
import { notAFile } from "../ingest/read.js";
import { CliError } from "./errors.js";

/** --population: the user's table, or an error naming the file, line and column (exit code 1). */
export function readPopulation(file: string): PopulationTable {
  // a FIFO or a device (/dev/zero) would hang or fill memory: only a regular file of sane size is read
  const st = statSync(file, { throwIfNoEntry: false });
  const what = st && notAFile(st);
  if (what) throw new CliError(`--population ${file}：${what}`);
  if (st && st.size > 50e6) throw new CliError(`--population ${file}：文件太大（超过 50 MB），不像人口表`);
  try {
    return populationTable(file);
  } catch (e) {
    if (e instanceof PopulationTableError) throw new CliError(`--population ${e.message}`);
    throw e;
  }
}
