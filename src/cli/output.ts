/** Where the CLI writes: injectable so tests can capture it. */
export interface Io {
  out: (s: string) => void;
  err: (s: string) => void;
  /** stderr is a terminal: progress bars are shown */
  tty: boolean;
}

export const processIo: Io = {
  out: (s) => process.stdout.write(s.endsWith("\n") ? s : `${s}\n`),
  err: (s) => process.stderr.write(s.endsWith("\n") ? s : `${s}\n`),
  tty: Boolean(process.stderr.isTTY),
};
