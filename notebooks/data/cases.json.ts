// Data loader: data/cases.json from the dashboard's data step (src/dashboard/build.ts), run once per
// build on $DUCHA_DATA (default: the bundled 模拟数据) and cached; see docs/dashboard.md.
import { emit } from "../../src/dashboard/cache.js";

await emit("cases.json");
