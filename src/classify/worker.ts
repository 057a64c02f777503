/**
 * A classification worker thread: loads the dictionaries and models once (~1 s), then
 * classifies the batches of texts it is sent.
 */
import { parentPort } from "node:worker_threads";
import { sharedClassifier } from "./complaint-classifier.js";
import type { Scheme } from "./scheme.js";

export interface WorkerRequest {
  id: number;
  texts: string[];
  scheme?: Scheme;
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
      // JSON is cheaper to pass between threads than a structured clone of many small objects
      port.postMessage({ id: req.id, json: JSON.stringify(clf.classifyMany(req.texts, req.scheme)) });
    } catch (e) {
      port.postMessage({ id: req.id, error: (e as Error).message });
    }
  });
}
