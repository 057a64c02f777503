// Data loader: data/meta.json, the data's description only (sources, counts, 模拟数据, 截至), for
// pages that show no per-case data (the 分析笔记), from the dashboard's data step; see docs/dashboard.md.
import { emit } from "../../src/dashboard/cache.js";

await emit("meta.json");
