/**
 * A classification worker thread: loads the dictionaries and models once (~1 s), then
 * classifies the batches of texts it is sent.
 */
import { parentPort } from "node:worker_threads";
import { trace } from "../util/trace.js";
import { statsClassification } from "./compact.js";
import { sharedClassifier } from "./complaint-classifier.js";
import type { ResultMode } from "./pool.js";
import type { Scheme } from "./scheme.js";
import { encodeClassifications } from "./wire.js";

export interface WorkerRequest {
  id: number;
  texts: string[];
  scheme?: Scheme;
  mode?: ResultMode;
  /** the texts are already `Analyzer.clean(text)` (the sender searched them for personal data) */
  cleaned?: boolean;
}

/** A worker's answer to a {@link WorkerRequest}. */
export interface WorkerResponse {
  id: number;
  /** the classifications: JSON of the objects ("stats" mode) or wire.ts's compact JSON ("full") */
  json: string;
  /** indexes of the texts in which personal data was found (redact.ts findPii) */
  pii: number[];
}

if (parentPort) {
  const port = parentPort;
  let clf: ReturnType<typeof sharedClassifier>;
  try {
    trace("modules loaded");
    clf = sharedClassifier();
    trace("models loaded");
    clf.classify("预热"); // load jieba now, not on the first batch
    trace("jieba loaded, ready");
    port.postMessage({ ready: true });
  } catch (e) {
    port.postMessage({ error: (e as Error).message });
  }
  port.on("message", (req: WorkerRequest) => {
    trace(`chunk ${req.id} in (${req.texts.length})`);
    try {
      const found: boolean[] = [];
      // the statistics read no evidence words: they are not looked for
      const options = req.mode === "stats" ? { evidence: false } : {};
      const results = req.cleaned ? clf.classifyCleaned(req.texts, req.scheme, options) : clf.classifyMany(req.texts, req.scheme, found, options);
      const pii: number[] = [];
      for (let i = 0; i < found.length; i++) if (found[i]) pii.push(i);
      // JSON is cheaper to pass between threads than a structured clone of many small objects;
      // full results go as arrays without the keys (wire.ts), some 2.4 times shorter
      const json = req.mode === "stats" ? JSON.stringify(results.map(statsClassification)) : encodeClassifications(results);
      port.postMessage({ id: req.id, json, pii } satisfies WorkerResponse);
      trace(`chunk ${req.id} out`);
    } catch (e) {
      port.postMessage({ id: req.id, error: (e as Error).message });
    }
  });
}
