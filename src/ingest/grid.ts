/** A sheet of cells as read from a file, before any meaning is given to its columns. */
export interface GridRow {
  /** the row number as the user sees it (Excel row, text-editor line, JSON element) */
  n: number;
  cells: string[];
}

export interface GridError {
  /** where the broken record starts */
  n: number;
  message: string;
  excerpt: string;
}

export interface Grid {
  /** worksheet name; absent for CSV and JSON */
  sheet?: string;
  rows: GridRow[];
  /** records that could not be parsed at all (CSV: an unclosed quote) */
  errors: GridError[];
  /** some cells did not decode in the file's encoding and carry marks (see decode.ts) */
  repaired?: boolean;
}
