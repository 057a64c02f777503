// Page loader: the 信访件检索 page (search.md.template) with the text files of this data set
// listed (32 chunks, or a national year's small pieces), once the data step has written them.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { ensureData } from "../src/dashboard/cache.js";
import type { TextIndex } from "../src/dashboard/model.js";
import { searchPage } from "../src/dashboard/search-page.js";

const dir = await ensureData();
const index = JSON.parse(readFileSync(join(dir, "texts-index.json"), "utf8")) as TextIndex;
process.stdout.write(searchPage(readFileSync(new URL("search.md.template", import.meta.url), "utf8"), index.perGroup));
