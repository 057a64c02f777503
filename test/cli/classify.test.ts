import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseCsv } from "../../src/ingest/csv.js";
import { ducha, tempDir } from "./helpers.js";

const table = (file: string) => parseCsv(readFileSync(file, "utf8").replace(/^\uFEFF/, "")).records.map((r) => r.cells);

describe("ducha classify", () => {
  it("keeps every input column, adds the prediction columns and checks the official labels", () => {
    const dir = tempDir();
    const input = join(dir, "第3批.csv");
    writeFileSync(
      input,
      [
        "序号,受理编号,交办问题基本情况,行政区域,污染类型,备注",
        "1,D2CZ202306280001,举报人张三反映华塘镇某石材厂粉尘大，电话13907351234,北湖区,大气,甲",
        "2,D2CZ202306280002,某工地夜间施工噪音扰民，吵得睡不着,苏仙区,大气,乙",
        "3,D2CZ202306280003,,资兴市,水,丙",
        '4,D2CZ202306280004,=HYPERLINK("x") 某养猪场粪水直排小河,桂阳县,,丁',
      ].join("\n"),
    );
    const out = join(dir, "out.csv");
    const qa = join(dir, "qa.csv");
    const r = ducha("classify", input, "--out", out, "--qa", qa);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("拒绝 1 行");
    expect(r.stdout).toContain("官方污染类型 2 件：与预测完全一致 1 件（50.0%）");

    const rows = table(out);
    const h = rows[0]!;
    expect(h.slice(0, 9)).toEqual(["来源文件", "工作表", "行号", "序号", "受理编号", "交办问题基本情况", "行政区域", "污染类型", "备注"]);
    for (const col of ["预测污染类型", "污染子类", "督察主题", "建议重点件（规则）", "分类依据", "投诉对象", "与官方一致"]) expect(h).toContain(col);
    const get = (row: number, col: string) => rows[row]![h.indexOf(col)];
    expect(rows).toHaveLength(1 + 3);
    expect(get(1, "预测污染类型")).toBe("大气");
    expect(get(1, "分类依据")).toMatch(/^大气\(0\.\d\d\)：.*粉尘/);
    expect(get(1, "投诉对象")).toBe("某石材厂");
    expect(get(1, "与官方一致")).toBe("是");
    expect(get(2, "与官方一致")).toBe("否");
    expect(get(3, "与官方一致")).toBe(""); // no official label to compare
    expect(get(3, "交办问题基本情况")!.startsWith("'=")).toBe(true);
    const all = readFileSync(out, "utf8");
    expect(all).not.toContain("13907351234");
    expect(all).not.toContain("张三");

    const q = table(qa);
    expect(q).toHaveLength(2);
    expect(q[1]!.slice(2, 6)).toEqual(["3", "D2CZ202306280002", "大气", "噪声"]);
  }, 60_000);

  it("leaves 受理编号 empty in the --qa list when the table has none, the row found by file and row number", () => {
    const dir = tempDir();
    const input = join(dir, "各地信访件.csv");
    writeFileSync(input, "\uFEFF序号,交办问题基本情况,行政区域,污染类型\r\n1,某工地夜间施工噪音扰民，吵得睡不着,北湖区,大气\r\n");
    const qa = join(dir, "qa.csv");
    expect(ducha("classify", input, "--out", join(dir, "out.csv"), "--qa", qa).code).toBe(0);
    const q = table(qa);
    expect(q).toHaveLength(2);
    expect(q[0]!.slice(0, 4)).toEqual(["文件", "工作表", "行号", "受理编号"]);
    // no 文件#工作表#行 key dressed up as an official number
    expect(q[1]!.slice(2, 6)).toEqual(["2", "", "大气", "噪声"]);
    expect(q[1]![0]).toContain("各地信访件.csv");
  }, 60_000);

  it("marks a complaint given several types for review (类型复核) and counts them, in .csv and .xlsx alike", () => {
    // two rows the way a disclosure table writes them: one problem, and two problems in one summary
    const dir = tempDir();
    const input = join(dir, "第5批.csv");
    writeFileSync(
      input,
      [
        "序号,行政区域,交办问题基本情况,污染类型",
        "1,北湖区,群众反映华塘镇某石材厂粉尘大，周边居民家中全是灰,大气",
        "2,苏仙区,群众反映某石料厂夜间生产噪声大，扬尘严重，影响周边居民休息,噪声",
      ].join("\n"),
    );
    const out = join(dir, "out.csv");
    const r = ducha("classify", input, "--out", out);
    expect(r.code).toBe(0);
    const rows = table(out);
    const h = rows[0]!;
    const at = (row: number, col: string) => rows[row]![h.indexOf(col)];
    expect(h.indexOf("类型复核")).toBe(h.indexOf("预测污染类型") + 1);
    expect(at(1, "预测污染类型")).toBe("大气");
    expect(at(1, "类型复核")).toBe("");
    expect(at(2, "预测污染类型")!.split("、").sort()).toEqual(["噪声", "大气"]);
    expect(at(2, "类型复核")).toBe("多类，建议复核");
    expect(r.stdout).toContain("其中 1 件预测为多类");
    // the whole-table path (.xlsx is not streamed) counts alike
    const x = ducha("classify", input, "--out", join(dir, "out.xlsx"));
    expect(x.code).toBe(0);
    expect(x.stdout).toContain("其中 1 件预测为多类");
  }, 60_000);

  it("does not count rows the table labels 固废 as disagreements in the seven-class scheme, and says to use --scheme eight", () => {
    // a table in the eight-class scheme (12369 and several provinces write 固废), as they publish it
    const dir = tempDir();
    const input = join(dir, "信访件.csv");
    writeFileSync(
      input,
      [
        "序号,行政区域,交办问题基本情况,污染类型,是否属实,是否办结",
        "1,北湖区,华塘镇某石材厂粉尘大，周边居民家中全是灰,大气,属实,已办结",
        "2,苏仙区,某村路边长期堆放大量建筑垃圾和生活垃圾，无人清运,固废,属实,已办结",
      ].join("\n"),
    );
    const hint = "另有 1 件官方标为“固废”";
    for (const ext of ["csv", "json"]) {
      // .csv is written slice by slice, .json from the whole table: both count alike
      const out = join(dir, `out.${ext}`);
      const r = ducha("classify", input, "--out", out);
      expect(r.code).toBe(0);
      expect(r.stdout).toContain("官方污染类型 1 件：与预测完全一致 1 件（100.0%）");
      expect(r.stdout).not.toMatch(/^不一致 \d+ 件/m);
      expect(r.stdout).toContain(`${hint}：这是八类方案`);
      expect(r.stdout).toContain("用 --scheme eight 按八类方案分类");
      if (ext === "csv") {
        const rows = table(out);
        expect(rows.map((row) => row[rows[0]!.indexOf("与官方一致")])).toEqual(["与官方一致", "是", "不适用"]);
      }
    }
    const json = ducha("classify", input, "--out", join(dir, "o.json"), "--json");
    expect(JSON.parse(json.stdout).qa).toMatchObject({ compared: 1, agreed: 1, outsideScheme: 1 });
    // in eight classes the row is compared like any other, and there is nothing to say
    const eight = ducha("classify", input, "--out", join(dir, "eight.csv"), "--scheme", "eight");
    expect(eight.stdout).toContain("官方污染类型 2 件");
    expect(eight.stdout).not.toContain(hint);
  });

  it("requires --out and explains itself", () => {
    expect(ducha("classify", "test/fixtures/utf8_broken.csv").code).toBe(2);
    const help = ducha("classify", "--help");
    expect(help.code).toBe(0);
    for (const s of ["预测污染类型", "分类依据", "--workers", "示例"]) expect(help.stdout).toContain(s);
  });
});

describe("ducha classify with worker threads", () => {
  it("writes the same bytes as on the main thread: personal data redacted in the text, in other cells and in texts without any", () => {
    const dir = tempDir();
    const input = join(dir, "信访件.csv");
    // more rows than one 500-text chunk, so that the workers' results come in several parts
    const texts = [
      "举报人张三反映华塘镇某石材厂粉尘大，电话13907351234",
      "某工地夜间施工噪音扰民，吵得睡不着",
      "我是李四，手机号 139-0735-1234，楼下烧烤店油烟直排",
      "某养猪场粪水直排小河，村民反映多次未果",
    ];
    const rows = ["受理编号,交办问题基本情况,行政区域,污染类型,处理情况"];
    for (let i = 0; i < 1200; i++) {
      const t = texts[i % texts.length]!;
      // the findings cell carries a phone number of its own even where the text has none
      rows.push(`D${String(i).padStart(6, "0")},${t}（${i}）,北湖区,${i % 3 ? "大气" : ""},已联系王五 1380735${String(i).padStart(4, "0")}`);
    }
    writeFileSync(input, rows.join("\n"));
    const inline = join(dir, "inline.csv");
    const threaded = join(dir, "threads.csv");
    const qa1 = join(dir, "qa1.csv");
    const qa2 = join(dir, "qa2.csv");
    expect(ducha("classify", input, "--out", inline, "--qa", qa1, "--workers", "0").code).toBe(0);
    expect(ducha("classify", input, "--out", threaded, "--qa", qa2, "--workers", "2").code).toBe(0);
    const a = readFileSync(inline, "utf8");
    expect(readFileSync(threaded, "utf8") === a).toBe(true);
    expect(readFileSync(qa2, "utf8") === readFileSync(qa1, "utf8")).toBe(true);
    expect(table(threaded)).toHaveLength(1 + 1200);
    for (const pii of ["13907351234", "139-0735-1234", "张三", "13807350007"]) expect(a).not.toContain(pii);
    expect(a).toContain("某工地夜间施工噪音扰民，吵得睡不着（1）");
  }, 180_000);

  it("a run refused before it classifies ends at once, though its workers were started before its options were read", () => {
    const dir = tempDir();
    const t0 = Date.now();
    // the workers start as the command begins (src/classify/spawn.ts); the refusal must stop them
    const missing = ducha("classify", join(dir, "无此文件.csv"), "--out", join(dir, "o.csv"), "--workers", "2");
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain("无此文件.csv");
    const noOut = ducha("classify", join(dir, "无此文件.csv"), "--workers=1");
    expect(noOut.code).toBe(2);
    expect(noOut.stderr).toContain("缺少 --out");
    // well under a worker's dictionary load: the process did not wait for the workers
    expect(Date.now() - t0).toBeLessThan(20_000);
  }, 60_000);
});
