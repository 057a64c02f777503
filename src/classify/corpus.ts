import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { dataPath } from "../util/paths.js";

/** One hand-labelled complaint of data/labelled/*.jsonl (docs/labelling.md). */
export interface LabelledComplaint {
  id: string;
  county: string;
  text: string;
  types: string[];
  subtypes: string[];
  themes: string[];
}

/** Every labelled complaint, in file order. */
export function loadCorpus(dir = dataPath("labelled")): LabelledComplaint[] {
  const out: LabelledComplaint[] = [];
  for (const name of readdirSync(dir)
    .filter((f) => f.endsWith(".jsonl"))
    .sort()) {
    readFileSync(join(dir, name), "utf8")
      .split("\n")
      .forEach((line, i) => {
        if (!line.trim()) return;
        try {
          out.push(JSON.parse(line) as LabelledComplaint);
        } catch (e) {
          throw new Error(`${name} 第${i + 1}行不是有效的 JSON：${(e as Error).message}`, { cause: e });
        }
      });
  }
  return out;
}
