/**
 * A file that cannot be read at all: empty, binary, not a table, no complaint-text column.
 * The message names the file and says what to do; the CLI prints it and exits 1.
 */
export class IngestError extends Error {
  override name = "IngestError";
  constructor(
    readonly file: string,
    readonly reason: string,
  ) {
    super(`${file}: ${reason}`);
  }
}
