// Data loader: data/cases.bin, the per-case columns cases.json describes (its `packed` layout), from
// the dashboard's data step (src/dashboard/build.ts), run once per build and cached; see docs/dashboard.md.
import { emit } from "../../src/dashboard/cache.js";

await emit("cases.bin");
