/**
 * A lock between processes: a folder created atomically, holding the owner's pid. A lock whose
 * owner died (or, without a pid, older than `staleMs`) is taken over. Node only.
 */
import { mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

export interface LockOptions {
  /** called once when the lock is held by another live process */
  onWait?: (pid: number) => void;
  /** a lock folder without a readable pid counts as stale after this long; default 10 minutes */
  staleMs?: number;
}

/** Run `fn` holding the lock folder `lock`, waiting for another holder to finish. */
export async function withLock<T>(lock: string, fn: () => Promise<T>, options: LockOptions = {}): Promise<T> {
  const staleMs = options.staleMs ?? 600_000;
  for (let announced = false; ;) {
    try {
      mkdirSync(lock);
      writeFileSync(join(lock, "pid"), String(process.pid));
      break;
    } catch {
      let pid = 0;
      try {
        pid = Number(readFileSync(join(lock, "pid"), "utf8")) || 0;
      } catch {
        /* the lock is being taken or released */
      }
      const stale = pid ? !alive(pid) : Date.now() - (statSync(lock, { throwIfNoEntry: false })?.mtimeMs ?? 0) > staleMs;
      if (stale) rmSync(lock, { recursive: true, force: true });
      else {
        if (!announced && pid) options.onWait?.(pid);
        announced ||= pid > 0;
        await new Promise((r) => setTimeout(r, 200));
      }
    }
  }
  try {
    return await fn();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}
