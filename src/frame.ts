/**
 * `ducha/frame`: complaints and counts as danfojs DataFrames, for analysts who work with frames.
 * Importing it loads danfojs-node and tfjs (a second or two, ~150 MB); the plain results of
 * `ducha` need neither.
 * @module ducha/frame
 */
export { type DataFrame, countFrame, toDataFrame } from "./analyze/frame.js";
