/**
 * A classification worker thread: loads the dictionaries and models once (~1 s), then
 * classifies the batches of texts it is sent.
 */
import { parentPort } from "node:worker_threads";
import { statsClassification } from "./compact.js";
import { sharedClassifier } from "./complaint-classifier.js";
import type { ResultMode } from "./pool.js";
import type { Scheme } from "./scheme.js";

export interface WorkerRequest {
  id: number;
  texts: string[];
  scheme?: Scheme;
  mode?: ResultMode;
}

/** A worker's answer to a {@link WorkerRequest}. */
export interface WorkerResponse {
  id: number;
  /** the classifications, a JSON array */
  json: string;
  /** indexes of the texts in which personal data was found (redact.ts findPii) */
  pii: number[];
}

if (parentPort) {
  const port = parentPort;
  let clf: ReturnType<typeof sharedClassifier>;
  try {
    clf = sharedClassifier();
    clf.classify("预热"); // load jieba now, not on the first batch
    port.postMessage({ ready: true });
  } catch (e) {
    port.postMessage({ error: (e as Error).message });
  }
  port.on("message", (req: WorkerRequest) => {
    try {
      const found: boolean[] = [];
      // the statistics read no evidence words: they are not looked for
      const results = clf.classifyMany(req.texts, req.scheme, found, req.mode === "stats" ? { evidence: false } : {});
      const pii: number[] = [];
      for (let i = 0; i < found.length; i++) if (found[i]) pii.push(i);
      // JSON is cheaper to pass between threads than a structured clone of many small objects
      port.postMessage({ id: req.id, json: JSON.stringify(req.mode === "stats" ? results.map(statsClassification) : results), pii } satisfies WorkerResponse);
    } catch (e) {
      port.postMessage({ id: req.id, error: (e as Error).message });
    }
  });
}
