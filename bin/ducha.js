#!/usr/bin/env node
// The `ducha` command. The library is compiled to dist-lib/ by `npm ci` (the prepare script).
import { existsSync } from "node:fs";

const main = new URL("../dist-lib/cli/main.js", import.meta.url);
if (!existsSync(main)) {
  console.error("ducha: 尚未编译，请先运行 npm run build:lib（dist-lib/ is missing: run npm run build:lib）");
  process.exit(1);
}
// `ducha classify --workers N`: the workers start before the CLI's modules load (src/cli/early.ts)
const { startWorkersFor } = await import(new URL("../dist-lib/cli/early.js", import.meta.url).href);
startWorkersFor(process.argv.slice(2));
const { run } = await import(main.href);
process.exitCode = await run(process.argv.slice(2));
