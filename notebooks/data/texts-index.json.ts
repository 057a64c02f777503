// Data loader: data/texts-index.json, the character pairs of each text chunk as bit sets: the
// 信访件检索 page fetches it on the first search and opens only the chunks that may match.
import { emit } from "../../src/dashboard/cache.js";

await emit("texts-index.json");
