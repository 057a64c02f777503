import { fileURLToPath } from "node:url";

/**
 * Absolute path of a file under the package's `data/` folder. Works from `src/` (tests, tsx)
 * and from the compiled `dist-lib/`, which sit at the same depth below the package root.
 */
export function dataPath(...parts: string[]): string {
  return fileURLToPath(new URL(`../../data/${parts.join("/")}`, import.meta.url));
}
