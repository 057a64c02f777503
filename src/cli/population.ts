import { type PopulationTable, PopulationTableError, populationTable } from "../analyze/population.js";
import { CliError } from "./errors.js";

/** --population: the user's table, or an error naming the file, line and column (exit code 1). */
export function readPopulation(file: string): PopulationTable {
  try {
    return populationTable(file);
  } catch (e) {
    if (e instanceof PopulationTableError) throw new CliError(`--population ${e.message}`);
    throw e;
  }
}
