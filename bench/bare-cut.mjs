// The baseline of bench/classify.bench.ts: a bare nodejieba.cut pass over the texts of a JSON
// array, with nodejieba's own default dictionaries, in one process.
import { readFileSync } from "node:fs";
import nodejieba from "nodejieba";

const texts = JSON.parse(readFileSync(process.argv[2], "utf8"));
let words = 0;
for (const t of texts) words += nodejieba.cut(t).length;
console.log(JSON.stringify({ texts: texts.length, words }));
