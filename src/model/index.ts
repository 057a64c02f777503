export * from "./vocabulary.js";
export * from "./complaint.js";
export * from "./classification.js";
export * from "./provinces.js";
