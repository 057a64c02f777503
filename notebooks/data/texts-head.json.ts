// Data loader: data/texts-head.json, a national year's texts of the 信访件检索 page's unfiltered
// first pages (the newest cases, from every county), fetched with the page.
import { emit } from "../../src/dashboard/cache.js";

await emit("texts-head.json");
