// Data loader: data/report.json, the statistical annex's content (buildReport, src/report) on
// $DUCHA_DATA (default: the bundled 模拟数据), from the dashboard's data step; see docs/dashboard.md.
import { emit } from "../../src/dashboard/cache.js";

await emit("report.json");
