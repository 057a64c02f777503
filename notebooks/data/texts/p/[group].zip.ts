// Data loader: data/texts/p/GG.zip (--group=GG), a national year's texts of row chunk GG as small
// pieces in county order (GG/00.json …), fetched a piece at a time by the 信访件检索 page.
import { emit } from "../../../../src/dashboard/cache.js";

const group = process.argv.find((a) => a.startsWith("--group="))?.slice(8) ?? "";
if (!/^\d{2}$/.test(group)) throw new Error(`texts/p/[group].zip: bad group ${JSON.stringify(group)}`);
await emit(`texts-p-${group}.zip`);
