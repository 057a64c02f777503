/**
 * The command line with inputs that cannot be destroyed and outputs that never hang (issue 11):
 * --out onto an input is refused (same path, hard link, symbolic link) and the input is
 * untouched; /dev/zero, a FIFO and a directory fail within seconds with one line; a closed pipe
 * ends quietly; terminal escapes in cells are never printed; unwritable outputs are one line
 * naming the file, never 内部错误.
 */
import { createHash } from "node:crypto";
import { execFileSync, spawn, spawnSync } from "node:child_process";
import { linkSync, mkdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { ducha, tempDir } from "./helpers.js";

let dir: string;
let input: string;
const hash = (p: string) => createHash("sha256").update(readFileSync(p)).digest("hex");

beforeAll(() => {
  dir = tempDir();
  input = join(dir, "信访件.csv");
  writeFileSync(
    input,
    "\uFEFF序号,受理编号,交办问题基本情况,行政区域,是否属实\n1,D2CZ202306260001,北湖区某石材厂粉尘很大,北湖区,属实\n2,,某砂场夜间噪声扰民,苏仙区,属实\n",
  );
  linkSync(input, join(dir, "硬链接.csv"));
  symlinkSync(input, join(dir, "符号链接.csv"));
  symlinkSync(input, join(dir, "链接.html"));
  symlinkSync(input, join(dir, "链接.xlsx"));
});

/** Exactly one line on stderr. */
const oneLine = (s: string) => s.trimEnd().split("\n").length === 1;

describe("--out onto an input is refused and the input untouched", () => {
  const cases: [string, (d: string) => string[]][] = [
    ["ingest --out (same path)", () => ["ingest", input, "--out", input]],
    ["ingest --out (same file, other spelling)", (d) => ["ingest", input, "--out", join(d, ".", "信访件.csv")]],
    ["ingest --out (hard link)", (d) => ["ingest", input, "--out", join(d, "硬链接.csv")]],
    ["ingest --out (symbolic link)", (d) => ["ingest", input, "--out", join(d, "符号链接.csv")]],
    ["ingest --rejects (same path)", () => ["ingest", input, "--rejects", input]],
    ["classify --out (symbolic link)", (d) => ["classify", input, "--out", join(d, "符号链接.csv")]],
    ["classify --qa (hard link)", (d) => ["classify", input, "--out", join(d, "分类.csv"), "--qa", join(d, "硬链接.csv")]],
    ["stats --out (hard link)", (d) => ["stats", input, "--out", join(d, "硬链接.csv")]],
    ["stats --out .xlsx (symbolic link)", (d) => ["stats", input, "--out", join(d, "链接.xlsx")]],
    ["report --out (symbolic link)", (d) => ["report", "--in", input, "--out", join(d, "链接.html")]],
  ];
  it.each(cases)("%s", (_, args) => {
    const before = hash(input);
    const mtime = statSync(input).mtimeMs;
    const r = ducha(...args(dir));
    expect(r.code).toBe(1);
    expect(oneLine(r.stderr)).toBe(true);
    expect(r.stderr).toContain("拒绝覆盖输入");
    expect(r.stderr).not.toContain("内部错误");
    expect(hash(input)).toBe(before);
    expect(statSync(input).mtimeMs).toBe(mtime);
  });

  it("refuses --out and --rejects naming the same file", () => {
    const out = join(dir, "同一个.csv");
    const r = ducha("ingest", input, "--out", out, "--rejects", out);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("同一个文件");
  });
});

describe("special files fail at once with one line", () => {
  let fifo: string;
  beforeAll(() => {
    fifo = join(dir, "管道.csv");
    execFileSync("mkfifo", [fifo]);
  });

  const timed = (...args: string[]) => {
    const t0 = performance.now();
    const r = spawnSync(process.execPath, ["bin/ducha.js", ...args], { encoding: "utf8", timeout: 20_000 });
    return { code: r.status, stdout: r.stdout, stderr: r.stderr, seconds: (performance.now() - t0) / 1000 };
  };

  it.each([
    ["/dev/zero", () => "/dev/zero", "设备文件"],
    ["a FIFO", () => fifo, "FIFO"],
    ["a directory", () => dir, "文件夹"],
  ])("%s", (_, path, what) => {
    const r = timed("ingest", path());
    expect(r.code).toBe(1);
    expect(oneLine(r.stderr)).toBe(true);
    expect(r.stderr).toContain(what);
    expect(r.stderr).toContain(path());
    expect(r.stdout).toBe("");
    // the command starts in about a second on an idle machine; reading /dev/zero used to run out of memory
    expect(r.seconds).toBeLessThan(10);
  });

  it.each([
    ["under /proc", () => "/proc/ducha-none/表.csv"],
    ["under a file", () => join(input, "表.csv")],
    ["onto a FIFO", () => join(dir, "管道.csv")],
  ])("an output %s is one line naming it", (_, out) => {
    const r = timed("ingest", input, "--out", out());
    expect(r.code).toBe(1);
    expect(oneLine(r.stderr)).toBe(true);
    expect(r.stderr).toContain(out());
    expect(r.stderr).not.toContain("内部错误");
    expect(r.seconds).toBeLessThan(10);
  });
});

describe("printing", () => {
  it("ends quietly when the reader closes the pipe (| head -1)", async () => {
    // a table with thousands of warnings: --json is far larger than a pipe's buffer
    const big = join(dir, "大表.csv");
    writeFileSync(
      big,
      `序号,交办问题基本情况,行政区域,是否属实\n${Array.from({ length: 4000 }, (_, i) => `${i + 1},某厂粉尘很大第${i}件,北湖区,待定${i}`).join("\n")}\n`,
    );
    const child = spawn("sh", ["-c", `"${process.execPath}" bin/ducha.js ingest "${big}" --json | head -c 100 > /dev/null`]);
    let stderr = "";
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
    expect(stderr).toBe("");
    expect(code).toBe(0);
  });

  it("never prints terminal escapes, carriage returns or bidi overrides from a cell", () => {
    const hostile = join(dir, "转义.csv");
    const cell = "属实\u001b[2J\u001b]52;c;ZWNobyBwd25lZA==\u0007\r\u202e已办结";
    writeFileSync(hostile, `序号,交办问题基本情况,行政区域,是否属实\n1,某厂\u001b[31m偷排\u001b[0m,北湖区,"${cell}"\n`);
    for (const args of [
      ["ingest", hostile],
      ["ingest", hostile, "--json"],
    ]) {
      const r = ducha(...args);
      expect(r.code).toBe(0);
      expect(r.stdout + r.stderr).not.toMatch(/[\u001b\u009b\u009d\r\u202e]/);
    }
    const out = join(dir, "转义输出.csv");
    expect(ducha("ingest", hostile, "--out", out).code).toBe(0);
    expect(readFileSync(out, "utf8")).not.toMatch(/[\u001b\u009b]/);
  });

  it("prints personal data from a file name or a cell only redacted, and keeps it with --keep-pii", () => {
    const sub = join(dir, "举报人孙七13800138077");
    mkdirSync(sub);
    const named = join(sub, "我是孙七.csv");
    writeFileSync(named, "序号,交办问题基本情况,行政区域,是否属实\n1,某厂粉尘,北湖区,属实（已回访举报人孙七，电话13800138077）\n");
    const r = ducha("ingest", named);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("无法识别");
    expect(r.stdout + r.stderr).not.toMatch(/孙七|13800138077/);
    expect(ducha("ingest", named, "--keep-pii").stdout).toContain("13800138077");
  });
});
