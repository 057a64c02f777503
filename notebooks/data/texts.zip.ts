// Data loader: data/texts.zip, the redacted complaint texts with the classifier's evidence words
// in 32 chunks (data/texts/00.json … 31.json), fetched on demand by the 信访件检索 page.
import { emit } from "../../src/dashboard/cache.js";

await emit("texts.zip");
