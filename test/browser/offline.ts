/**
 * The dashboard's first build must work on a machine with no network (an inspection office on a
 * government intranet): after `npm ci`, with an empty Framework cache. The browser test builds
 * its site that way — in a network namespace of its own (`unshare -n`, a namespace with no
 * interface but a loopback that is down) — when this machine lets it.
 */
import { spawnSync } from "node:child_process";
import { rmSync } from "node:fs";
import { join } from "node:path";

export interface Isolation {
  /** the command prefix that runs a command without network, or undefined */
  prefix?: string[];
  /** why there is none */
  why?: string;
}

/**
 * `unshare -n` (as root) or `unshare -rn` (an unprivileged user namespace), checked by trying to
 * reach the npm registry from inside: the prefix counts only when that fails.
 */
export function networkIsolation(): Isolation {
  const reasons: string[] = [];
  for (const prefix of [
    ["unshare", "-n"],
    ["unshare", "-rn"],
  ]) {
    const r = spawnSync(
      prefix[0]!,
      [...prefix.slice(1), process.execPath, "-e", "fetch('https://registry.npmjs.org/').then(() => process.exit(0), () => process.exit(3))"],
      { encoding: "utf8", timeout: 30_000 },
    );
    if (r.status === 3) return { prefix };
    reasons.push(
      `${prefix.join(" ")}: ${r.error?.message ?? (r.status === 0 ? "the registry was still reachable" : r.stderr.trim().split("\n")[0] || `exit ${r.status}`)}`,
    );
  }
  return { why: reasons.join("; ") };
}

/** Empty Framework's cache of the project (bundled node_modules, npm versions, loader outputs). */
export function emptyFrameworkCache(root: string): void {
  rmSync(join(root, "notebooks/.observablehq/cache"), { recursive: true, force: true });
}
