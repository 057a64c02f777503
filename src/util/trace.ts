/**
 * A wall-clock timeline for finding where a run's time goes (DUCHA_TRACE=1): each thread writes
 * "trace <ms since the process started> <thread> <event>" lines to stderr. Off by default; when
 * off, {@link trace} costs one boolean test.
 */
import { readFileSync } from "node:fs";
import { isMainThread, threadId } from "node:worker_threads";

const on = process.env.DUCHA_TRACE === "1";
// a worker's performance.timeOrigin is its own start: times are given from the process's start,
// which the main thread passes down in the environment workers copy
if (on && isMainThread) process.env.DUCHA_TRACE_T0 ??= String(performance.timeOrigin);
const t0 = Number(process.env.DUCHA_TRACE_T0 ?? performance.timeOrigin);
const who = isMainThread ? "main" : `worker${threadId}`;

/** This thread's CPU time (user + system, ms; Linux, 10 ms steps), or NaN where /proc is not there. */
function threadCpuMs(): number {
  try {
    const stat = readFileSync("/proc/thread-self/stat", "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return NaN;
  }
}

/** Whether tracing is on (to skip work done only for the trace). */
export const tracing = on;

/** Note an event on this thread's timeline (no-op unless DUCHA_TRACE=1). */
export function trace(event: string): void {
  if (!on) return;
  const ms = performance.timeOrigin + performance.now() - t0;
  process.stderr.write(`trace ${ms.toFixed(0).padStart(6)} ${who} cpu ${threadCpuMs()} ${event}\n`);
}
