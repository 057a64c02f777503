/**
 * An RFC 4180 CSV reader that keeps line numbers and survives broken files.
 *
 * - Each record carries the line where it starts, as a text editor numbers lines.
 * - Quoted fields may hold delimiters, doubled quotes and line breaks (CRLF, LF or CR).
 * - A quote that is never closed would swallow the rest of the file: that record is reported
 *   as an error at the line where it starts, and reading resumes on the next line, so every
 *   other row is kept.
 * - Lenient where Excel is: a quote inside an unquoted field is kept as a character; text
 *   after a closing quote is appended to the field. But a quoted field that runs over several
 *   lines and "closes" in the middle of a later field was opened by a stray quote: it is
 *   reported like an unclosed quote.
 */

/** A record, shaped as a grid row: `n` is the line where it starts (1-based). */
export interface CsvRecord {
  n: number;
  cells: string[];
}

export interface CsvError {
  /** the line where the broken record starts */
  n: number;
  message: string;
  /** the start of the broken record, for the user to recognise it */
  excerpt: string;
}

export interface CsvParse {
  records: CsvRecord[];
  errors: CsvError[];
  delimiter: string;
}

const QUOTE = 34;
const LF = 10;
const CR = 13;

/** Pick comma, tab or semicolon from the first lines. */
export function sniffDelimiter(text: string): string {
  const head = text
    .slice(0, 4096)
    .split(/\r\n|\n|\r/)
    .slice(0, 5)
    .join("\n");
  const count = (ch: string) => head.split(ch).length - 1;
  const comma = count(",");
  const tab = count("\t");
  const semi = count(";");
  if (tab > comma && tab >= semi) return "\t";
  if (semi > comma && semi > tab) return ";";
  return ",";
}

/** Unquoted cells up to this length are shared between rows that repeat them. */
const INTERN_LEN = 12;
/** Distinct cells remembered before the table starts over (a column of ids would fill it). */
const INTERN_MAX = 50_000;

/**
 * A CSV read one record at a time, for ingestion to turn each row into a record as it is read
 * instead of keeping a grid of every row's cells. Broken records are appended to `errors` as
 * they are passed, so every error before the last record returned is there.
 */
export class CsvReader {
  readonly errors: CsvError[] = [];
  readonly delimiter: string;
  private readonly text: string;
  private readonly delim: number;
  private pos = 0;
  private line = 1;
  // Tables repeat their short cells (县区, 属实, 已办结, 2023/6/26) in every row, and every cell
  // is kept in its record's raw cells: one string per distinct value, not one per row, is less
  // to hold and less for the garbage collector to copy. Short numbers (序号) are not shared.
  private interned = new Map<string, string>();

  constructor(text: string, delimiter = sniffDelimiter(text)) {
    this.text = text;
    this.delimiter = delimiter;
    this.delim = delimiter.charCodeAt(0);
  }

  private intern(s: string): string {
    const v = this.interned.get(s);
    if (v !== undefined) return v;
    if (this.interned.size >= INTERN_MAX) this.interned = new Map();
    this.interned.set(s, s);
    return s;
  }

  /** The next record, or undefined at the end of the text. */
  next(): CsvRecord | undefined {
    const { text, delim } = this;
    const n = text.length;
    let pos = this.pos;
    let line = this.line;
    while (pos < n) {
      const startPos = pos;
      const startLine = line;
      const cells: string[] = [];
      let unclosed = false;
      // one record
      for (;;) {
        if (text.charCodeAt(pos) === QUOTE) {
          // quoted field
          let value = "";
          let from = pos + 1;
          pos = from;
          for (;;) {
            const q = text.indexOf('"', pos);
            if (q < 0) {
              unclosed = true;
              break;
            }
            // count the line breaks inside the quoted part (CRLF once, lone CR or LF once)
            for (let i = pos; i < q; i++) {
              const c = text.charCodeAt(i);
              if (c === LF || (c === CR && text.charCodeAt(i + 1) !== LF)) line++;
            }
            if (text.charCodeAt(q + 1) === QUOTE) {
              value += text.slice(from, q + 1);
              pos = from = q + 2;
              continue;
            }
            value += text.slice(from, q);
            pos = q + 1;
            break;
          }
          if (unclosed) break;
          // lenient: characters between the closing quote and the delimiter belong to the field
          let end = pos;
          while (end < n) {
            const c = text.charCodeAt(end);
            if (c === delim || c === LF || c === CR) break;
            end++;
          }
          if (end > pos) {
            // A field that ran over several lines and "closed" on a quote in the middle of a
            // later field was opened by a stray quote: treat it as never closed.
            if (line > startLine) {
              unclosed = true;
              break;
            }
            value += text.slice(pos, end);
          }
          pos = end;
          cells.push(value);
        } else {
          let end = pos;
          while (end < n) {
            const c = text.charCodeAt(end);
            if (c === delim || c === LF || c === CR) break;
            end++;
          }
          const len = end - pos;
          cells.push(len && len <= INTERN_LEN && (len >= 8 || text.charCodeAt(pos) >= 0x80) ? this.intern(text.slice(pos, end)) : text.slice(pos, end));
          pos = end;
        }
        // after a field: delimiter, line break or end
        const c = text.charCodeAt(pos);
        if (c === delim) {
          pos++;
          continue;
        }
        if (c === CR) pos += text.charCodeAt(pos + 1) === LF ? 2 : 1;
        else if (c === LF) pos++;
        line++;
        break;
      }

      if (unclosed) {
        let next = startPos;
        while (next < n && text.charCodeAt(next) !== LF && text.charCodeAt(next) !== CR) next++;
        // generous: the excerpt is redacted before it is cut for display (a phone number cut in two would escape)
        const excerpt = text.slice(startPos, Math.min(next, startPos + 500));
        this.errors.push({ n: startLine, message: `第${startLine}行起的引号没有闭合（unclosed quote）`, excerpt });
        if (next < n) next += text.charCodeAt(next) === CR && text.charCodeAt(next + 1) === LF ? 2 : 1;
        pos = next;
        line = startLine + 1;
        continue;
      }
      this.pos = pos;
      this.line = line;
      return { n: startLine, cells };
    }
    this.pos = pos;
    this.line = line;
    return undefined;
  }
}

/** Every record of a CSV at once. */
export function parseCsv(text: string, delimiter = sniffDelimiter(text)): CsvParse {
  const reader = new CsvReader(text, delimiter);
  const records: CsvRecord[] = [];
  for (let r = reader.next(); r; r = reader.next()) records.push(r);
  return { records, errors: reader.errors, delimiter };
}
