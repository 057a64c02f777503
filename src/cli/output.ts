import { gate } from "../text/redact.js";

/** Where the CLI writes: injectable so tests can capture it. */
export interface Io {
  out: (s: string) => void;
  err: (s: string) => void;
  /** stderr is a terminal: progress bars are shown */
  tty: boolean;
}

let pipeHandled = false;

/**
 * A closed pipe (`ducha ingest … | head -1`) ends the program quietly: the reader has what it
 * wanted. Any other error on stdout or stderr is left to Node.
 */
function quietOnClosedPipe(): void {
  if (pipeHandled) return;
  pipeHandled = true;
  for (const stream of [process.stdout, process.stderr]) {
    stream.on("error", (e: NodeJS.ErrnoException) => {
      if (e.code === "EPIPE") process.exit(process.exitCode ?? 0);
      throw e;
    });
  }
}

export const processIo: Io = {
  out: (s) => {
    quietOnClosedPipe();
    process.stdout.write(s.endsWith("\n") ? s : `${s}\n`);
  },
  err: (s) => {
    quietOnClosedPipe();
    process.stderr.write(s.endsWith("\n") ? s : `${s}\n`);
  },
  tty: Boolean(process.stderr.isTTY),
};

/**
 * The output gate for everything the CLI prints: personal data redacted (unless the user asked
 * to keep it), terminal escapes and control characters removed from every line.
 */
export function gatedIo(io: Io, keepPii = false): Io {
  const options = { terminal: true, ...(keepPii ? { keepPii } : {}) };
  // line by line: a carriage return or escape in one cell cannot rewrite another line
  const pass = (s: string) =>
    s
      .split("\n")
      .map((line) => gate(line, options))
      .join("\n");
  return { out: (s) => io.out(pass(s)), err: (s) => io.err(pass(s)), tty: io.tty };
}
