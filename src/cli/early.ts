/**
 * The worker threads of `ducha classify --workers N`, started before the rest of the CLI loads.
 * A one-worker run's critical path began with its worker's start (modules, models, jieba's
 * dictionaries: ~1.1 s; ~0.35 s since the segmenter's table is read from a copy, text/mpcut.ts), so bin/ducha.js calls {@link startWorkersFor} before it imports the CLI
 * and its commands' modules (`cli/main.js` alone took 65–110 ms at load 7); `run()` calls it
 * again, a no-op then, for callers that run the CLI in-process (tests).
 */
import { startWorkersEarly } from "../classify/spawn.js";

/** workers were started for the command now running */
let started = false;

/** Start the workers that `ducha <argv>` will use, once per command. */
export function startWorkersFor(argv: readonly string[]): void {
  if (started) return;
  const [name, ...rest] = argv;
  const n = name === undefined ? 0 : workersAsked(name, rest);
  if (!n) return;
  started = true;
  startWorkersEarly(n);
}

/** The command that the workers were started for has ended: a later run starts its own. */
export function commandEnded(): void {
  started = false;
}

/**
 * The worker threads `ducha classify --workers N` will start (0 for other commands, help, or a
 * value the command will refuse).
 */
export function workersAsked(name: string, argv: readonly string[]): number {
  if (name !== "classify" || argv.includes("-h") || argv.includes("--help")) return 0;
  const at = argv.indexOf("--workers");
  const value = at >= 0 ? argv[at + 1] : argv.find((a) => a.startsWith("--workers="))?.slice("--workers=".length);
  const n = Number(value);
  return Number.isInteger(n) && n >= 1 && n <= 16 ? n : 0;
}
