// PLACEHOLDER until the classifier lands (issue 3): the signatures are final, the logic is not.
import type { ClassifiedComplaint, Classification } from "../model/classification.js";
import type { Complaint } from "../model/complaint.js";

export interface ClassifyOptions {
  /** worker threads for large inputs (default: automatic) */
  workers?: number;
  /** called with (done, total) while classifying */
  onProgress?: (done: number, total: number) => void;
}

/** Classify one complaint text. */
export function classify(_text: string): Classification {
  return { types: [{ label: "其他", confidence: 0.5, evidence: [] }], subtypes: [], themes: [], keyCase: { suggested: false, reasons: [] } };
}

/** Classify records (in worker threads past a size threshold). */
export async function classifyAll<T extends Complaint>(records: readonly T[], _options: ClassifyOptions = {}): Promise<(T & ClassifiedComplaint)[]> {
  return records.map((r) => ({ ...r, classification: classify(r.text) }));
}
