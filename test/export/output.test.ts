import { linkSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { OutputError, writeOutput } from "../../src/export/output.js";
import { writeTables } from "../../src/export/table.js";
import { tempDir } from "../cli/helpers.js";

describe("writing outputs", () => {
  it("refuses an input by path, hard link or symbolic link, and writes nothing", async () => {
    const dir = tempDir();
    const input = join(dir, "in.csv");
    writeFileSync(input, "原表");
    linkSync(input, join(dir, "hard.csv"));
    symlinkSync(input, join(dir, "sym.csv"));
    for (const out of [input, join(dir, "hard.csv"), join(dir, "sym.csv")]) {
      await expect(writeOutput(out, "覆盖", [input])).rejects.toBeInstanceOf(OutputError);
    }
    expect(readFileSync(input, "utf8")).toBe("原表");
    expect(readdirSync(dir).sort()).toEqual(["hard.csv", "in.csv", "sym.csv"]);
  });

  it("replaces a symbolic link to another file by the output instead of writing through it", async () => {
    const dir = tempDir();
    writeFileSync(join(dir, "other.csv"), "别的文件");
    symlinkSync(join(dir, "other.csv"), join(dir, "out.csv"));
    await writeOutput(join(dir, "out.csv"), "输出");
    expect(readFileSync(join(dir, "other.csv"), "utf8")).toBe("别的文件");
    expect(readFileSync(join(dir, "out.csv"), "utf8")).toBe("输出");
  });

  it("creates missing folders and fails on /proc at once, naming the path", async () => {
    const dir = tempDir();
    await writeOutput(join(dir, "a", "b", "c.csv"), "x");
    expect(readFileSync(join(dir, "a", "b", "c.csv"), "utf8")).toBe("x");
    const e = await writeOutput("/proc/ducha-none/x.csv", "x").catch((x: unknown) => x);
    expect(e).toBeInstanceOf(OutputError);
    expect((e as OutputError).message).toContain("/proc/ducha-none");
  });

  it("redacts every cell of a table on the way out unless asked to keep personal data", async () => {
    const dir = tempDir();
    const table = { name: "举报人张三", headers: ["举报人信息"], rows: [["联系人郑六13800138066"], [13800138066]] };
    await writeTables(join(dir, "a.csv"), [table]);
    await writeTables(join(dir, "b.csv"), [table], undefined, { keepPii: true });
    await writeTables(join(dir, "c.json"), [table], { 备注: "我是李四，" });
    expect(readFileSync(join(dir, "a.csv"), "utf8")).toBe("\uFEFF举报人信息\r\n联系人【已隐去】【已隐去】\r\n【已隐去】\r\n");
    expect(readFileSync(join(dir, "b.csv"), "utf8")).toContain("联系人郑六13800138066");
    expect(JSON.parse(readFileSync(join(dir, "c.json"), "utf8"))).toEqual({ 备注: "我是【已隐去】，" });
  });
});
