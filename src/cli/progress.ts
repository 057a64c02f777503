import type { Io } from "./output.js";

/** A one-line progress bar on stderr, redrawn at most every 100 ms (only used on a terminal). */
export function progressBar(io: Io, label: string): { update: (done: number, total: number) => void; done: () => void } {
  let last = 0;
  let shown = false;
  const draw = (done: number, total: number) => {
    const width = 30;
    const filled = total ? Math.round((done / total) * width) : width;
    const pct = total ? Math.floor((done / total) * 100) : 100;
    process.stderr.write(`\r${label} [${"#".repeat(filled)}${".".repeat(width - filled)}] ${pct}% ${done}/${total}`);
    shown = true;
  };
  return {
    update(done, total) {
      const now = Date.now();
      if (now - last < 100 && done < total) return;
      last = now;
      draw(done, total);
    },
    done() {
      if (shown) process.stderr.write("\n");
      void io;
    },
  };
}
