import { execFileSync } from "node:child_process";

/**
 * The CLI tests run the real `ducha` command, which loads the compiled library: compile it
 * once before any test, so they always test the current source.
 */
export default function setup(): void {
  execFileSync(process.execPath, ["node_modules/typescript/bin/tsc", "-p", "tsconfig.build.json"], { stdio: "inherit" });
}
