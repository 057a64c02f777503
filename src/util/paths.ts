import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

/**
 * Absolute path of a file under the package's `data/` folder. Works from `src/` (tests, tsx)
 * and from the compiled `dist-lib/`, which sit at the same depth below the package root.
 */
export function dataPath(...parts: string[]): string {
  return fileURLToPath(new URL(`../../data/${parts.join("/")}`, import.meta.url));
}

/** The package's version, from its package.json (one place: what npm publishes is what --version says). */
export function packageVersion(): string {
  return (JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { version: string }).version;
}
