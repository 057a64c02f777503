import { spawnSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Run the real `ducha` command (bin/ducha.js over the compiled library). */
export function ducha(...args: string[]): CliRun {
  const r = spawnSync(process.execPath, ["bin/ducha.js", ...args], { encoding: "utf8", env: { ...process.env, FORCE_COLOR: "0" } });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), "ducha-test-"));
}
