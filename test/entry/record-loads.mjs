// Registered with `node --import`: records every module the process loads (ESM through a resolve
// hook, CommonJS through Module._load) and writes the URLs as JSON to $RECORD_LOADS_OUT on exit.
// Used by test/entry/entry-points.test.ts and bench/import.bench.ts.
import { writeFileSync } from "node:fs";
import Module, { register } from "node:module";
import { MessageChannel } from "node:worker_threads";

const loaded = new Set();
const { port1, port2 } = new MessageChannel();
port1.on("message", (url) => loaded.add(url));
port1.unref();
register(new URL("./record-loads-hooks.mjs", import.meta.url), { data: { port: port2 }, transferList: [port2] });

// CommonJS modules required from CommonJS do not pass the ESM hooks
const load = Module._load;
Module._load = function (request, parent, ...rest) {
  const out = load.call(this, request, parent, ...rest);
  let id = request;
  try {
    const file = Module._resolveFilename(request, parent);
    id = file.startsWith("/") ? `file://${file}` : `node:${file.replace(/^node:/, "")}`;
  } catch {
    // keep the request as written
  }
  loaded.add(id);
  return out;
};

process.on("exit", () => {
  if (process.env.RECORD_LOADS_OUT) writeFileSync(process.env.RECORD_LOADS_OUT, JSON.stringify([...loaded]));
});
