// Data loader: data/repeats-all.json, every repeat group when data/repeats.json is a summary (a
// national year); the 热点 page fetches it only when the user asks for all groups. Empty otherwise.
import { emit } from "../../src/dashboard/cache.js";

await emit("repeats-all.json");
