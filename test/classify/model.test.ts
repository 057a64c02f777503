import { readFileSync } from "node:fs";
import { spawnSync } from "node:child_process";
import { writeFileSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadCorpus } from "../../src/classify/corpus.js";
import { Analyzer } from "../../src/classify/features.js";
import { loadLexicon } from "../../src/classify/lexicon.js";
import { readQuantity } from "../../src/classify/keycase.js";
import { analyzeCorpus, trainModels } from "../../src/classify/training.js";
import { DictionaryError, readUserDict } from "../../src/text/segment.js";
import { dataPath } from "../../src/util/paths.js";

describe("trained model", () => {
  it("is what the committed corpus and lexicons produce (run npm run train after editing them)", () => {
    const corpus = loadCorpus();
    const analyzer = new Analyzer(loadLexicon());
    const models = trainModels(corpus, analyzeCorpus(analyzer, corpus));
    const committed = JSON.parse(readFileSync(dataPath("model", "classifier.json"), "utf8"));
    expect(committed.types.bias).toEqual(models.types.bias);
    expect(committed.types.weights).toEqual(models.types.weights);
    expect(committed.subtypes.weights).toEqual(models.subtypes.weights);
    expect(committed.themes.weights).toEqual(models.themes.weights);
    expect(committed.thresholds).toEqual(models.thresholds);
  }, 300_000); // training takes ~30 s idle, several times that on a loaded 2-core machine

  it("has a corpus of at least 800 labelled complaints covering every type", () => {
    const corpus = loadCorpus();
    expect(corpus.length).toBeGreaterThanOrEqual(800);
    const counts = new Map<string, number>();
    for (const c of corpus) for (const t of c.types) counts.set(t, (counts.get(t) ?? 0) + 1);
    for (const t of ["大气", "水", "噪声", "土壤", "固废", "生态", "辐射", "其他"]) expect(counts.get(t) ?? 0).toBeGreaterThanOrEqual(40);
  });
});

describe("lexicons", () => {
  it("reject an unknown type with file and line", () => {
    const dir = mkdtempSync(join(tmpdir(), "lex-"));
    writeFileSync(join(dir, "types.tsv"), "# c\n粉尘\t大气\t扬尘\t3\n噪音\t噪音污染\t\t3\n");
    writeFileSync(join(dir, "themes.tsv"), "");
    writeFileSync(join(dir, "negation.tsv"), "");
    expect(() => loadLexicon(dir)).toThrow(/types\.tsv 第3行: 未知污染类型「噪音污染」/);
  });

  it("reject a sub-type cue for an unknown sub-type with file and line", () => {
    const dir = mkdtempSync(join(tmpdir(), "lex-"));
    writeFileSync(join(dir, "types.tsv"), "粉尘\t大气\t扬尘\t3\n");
    writeFileSync(join(dir, "themes.tsv"), "");
    writeFileSync(join(dir, "negation.tsv"), "");
    writeFileSync(join(dir, "subtype-cues.tsv"), "# c\n养猪\t养殖废水\n养猪\t畜禽养殖\n");
    expect(() => loadLexicon(dir)).toThrow(/subtype-cues\.tsv 第3行: 未知子类「畜禽养殖」/);
  });

  it("read the 方案 column (八类) on 其他 words only, and reject it elsewhere with file and line", () => {
    expect(loadLexicon().types.get("无环评手续")?.[0]).toMatchObject({ label: "其他", weight: 3, besideIn: "eight" });
    expect(loadLexicon().types.get("私搭乱建")?.[0]?.besideIn).toBeUndefined();
    const dir = mkdtempSync(join(tmpdir(), "lex-"));
    writeFileSync(join(dir, "themes.tsv"), "");
    writeFileSync(join(dir, "negation.tsv"), "");
    writeFileSync(join(dir, "types.tsv"), "无环评手续\t其他\t\t3\t八类\n粉尘\t大气\t扬尘\t3\t八类\n");
    expect(() => loadLexicon(dir)).toThrow(/types\.tsv 第2行: 方案列只用于其他类词语，且只能是「八类」，收到「八类」/);
    writeFileSync(join(dir, "types.tsv"), "无环评手续\t其他\t\t3\t七类\n");
    expect(() => loadLexicon(dir)).toThrow(/types\.tsv 第1行: 方案列.*收到「七类」/);
  });

  it("read the 同句 column on strong words only, and reject it on others with file and line", () => {
    expect(loadLexicon().types.get("地下水")?.[0]).toMatchObject({ label: "水", weight: 2, decisiveWith: "污染" });
    expect(loadLexicon().types.get("污水")?.[0]?.decisiveWith).toBeUndefined();
    const dir = mkdtempSync(join(tmpdir(), "lex-"));
    writeFileSync(join(dir, "themes.tsv"), "");
    writeFileSync(join(dir, "negation.tsv"), "");
    writeFileSync(join(dir, "types.tsv"), "地下水\t水\t\t2\t\t污染\n河水\t水\t\t3\t\t污染\n");
    expect(() => loadLexicon(dir)).toThrow(/types\.tsv 第2行: 同句列只用于权重为2的词语，收到权重「3」/);
  });
});

describe("dictionaries", () => {
  it("reports a missing dictionary as an error, not a process abort", () => {
    expect(() => readUserDict("/nonexistent/dict.txt")).toThrow(DictionaryError);
    // in a fresh process, loading the segmenter with a missing dictionary exits cleanly
    const code = `import { loadSegmenter } from "./src/text/segment.ts";
      try { loadSegmenter({ userDicts: ["/nonexistent/domain.txt"] }); } catch (e) { console.log(e.name + ": " + e.message); process.exit(3); }`;
    const r = spawnSync(process.execPath, ["--import", "tsx", "--input-type=module", "-e", code], { encoding: "utf8" });
    expect(r.status).toBe(3);
    expect(r.stdout).toContain("DictionaryError: /nonexistent/domain.txt: 词典文件不存在");
  });

  it("reports a malformed line with its number", () => {
    const dir = mkdtempSync(join(tmpdir(), "dict-"));
    const f = join(dir, "bad.txt");
    writeFileSync(f, "# comment\n粉尘 n\n尾矿库 100 n extra words\n");
    expect(() => readUserDict(f)).toThrow(/第3行: 格式应为/);
    writeFileSync(f, Buffer.from([0xb7, 0xdb, 0xb3, 0xbe, 0x0a])); // 粉尘 in GBK
    expect(() => readUserDict(f)).toThrow(/不是 UTF-8/);
    writeFileSync(f, "粉尘 0 n\n");
    expect(() => readUserDict(f)).toThrow(/词频必须是正整数/);
  });

  it("strips comments and keeps word, frequency and tag", () => {
    const dir = mkdtempSync(join(tmpdir(), "dict-"));
    const f = join(dir, "ok.txt");
    writeFileSync(f, "\uFEFF# 注释\n\n石材加工厂\n尾矿库 100\n东江湖 ns\r\n");
    expect(readUserDict(f)).toEqual(["石材加工厂", "尾矿库 100 n", "东江湖 ns"]);
  });
});

describe("quantities", () => {
  it.each([
    ["120", 120],
    ["3.5", 3.5],
    ["三十", 30],
    ["两千", 2000],
    ["三百五十", 350],
    ["几百", 200],
    ["上千", 1000],
    ["一万二千", 12000],
    ["十二", 12],
  ])("%s = %d", (s, n) => {
    expect(readQuantity(s)).toBe(n);
  });
});

describe("training and prediction read a complaint the same way", () => {
  it("gives the scores of the stored weights over the training vectors (vectors.ts == compiled.ts)", async () => {
    const { CompiledModels } = await import("../../src/classify/compiled.js");
    const { typeVector, subtypeVector, themeVector } = await import("../../src/classify/vectors.js");
    const files = JSON.parse(readFileSync(dataPath("model", "classifier.json"), "utf8"));
    const compiled = new CompiledModels(files);
    const analyzer = new Analyzer(loadLexicon());
    const reference = (file: { bias: number[]; weights: Record<string, [number, number][]> }, x: Map<string, number>) => {
      const s = [...file.bias];
      for (const [f, v] of x) for (const [l, w] of file.weights[f] ?? []) s[l]! += w * v;
      return s;
    };
    const texts = [
      "没有什么异味，就是粉尘大，屋顶全是灰。",
      "原来的废水问题解决了，现在晚上机器轰鸣，吵得睡不着；没有油烟净化器。",
      "莽山保护区内有人砍伐林木，多次举报一直没有解决，环保局不作为。",
      "某冶炼厂周边稻田镉超标，井水发黄，担心基站辐射。",
    ];
    for (const text of texts) {
      const a = analyzer.analyze(text);
      const x = compiled.vector(a);
      for (const [task, vec] of [
        ["types", typeVector],
        ["subtypes", subtypeVector],
        ["themes", themeVector],
      ] as const) {
        const got = [...compiled.scores(compiled.tasks[task], x)];
        const want = reference(files[task], vec(a));
        got.forEach((g, i) => expect(g, `${task} ${i}: ${text}`).toBeCloseTo(want[i]!, 4));
      }
    }
  });
});

describe("the compiled models' binary copy (classifier.ts loadCompiledModels)", () => {
  it("holds the very numbers compiled from the JSON, is written once and is ignored when not whole", async () => {
    const { loadCompiledModels, loadModels } = await import("../../src/classify/classifier.js");
    const { compileParts } = await import("../../src/classify/compiled.js");
    const { readdirSync, rmSync, truncateSync } = await import("node:fs");
    const dir = mkdtempSync(join(tmpdir(), "ducha-model-copy-"));
    const models = loadModels();
    const expected = { parts: compileParts(models), thresholds: models.thresholds };
    expect(expected.parts.names.length).toBeGreaterThan(1000);
    const written = loadCompiledModels(undefined, dir);
    const files = readdirSync(dir);
    expect(files).toHaveLength(1);
    const read = loadCompiledModels(undefined, dir);
    for (const got of [written, read]) {
      expect(got.parts.names).toEqual(expected.parts.names);
      expect(got.thresholds).toEqual(expected.thresholds);
      for (const t of ["types", "subtypes", "themes"] as const) {
        expect(got.parts.tasks[t].labels).toEqual(expected.parts.tasks[t].labels);
        // bit for bit: a copy that rounded a weight would change some prediction somewhere
        expect(Buffer.from(got.parts.tasks[t].W.buffer).equals(Buffer.from(expected.parts.tasks[t].W.buffer))).toBe(true);
        expect([...got.parts.tasks[t].bias]).toEqual(models[t].bias);
      }
    }
    // the second load read the copy rather than compiling again: a number changed in the file shows
    const path = join(dir, files[0]!);
    const bytes = readFileSync(path);
    const first = (bytes.readUInt32LE(0) + 4 + 7) & ~7;
    bytes.writeFloatLE(42, first);
    writeFileSync(path, bytes);
    expect(loadCompiledModels(undefined, dir).parts.tasks.types.W[0]).toBe(42);
    // a copy cut short (a full disk, a crash while writing) is not read
    truncateSync(path, 5000);
    const again = loadCompiledModels(undefined, dir);
    expect(Buffer.from(again.parts.tasks.themes.W.buffer).equals(Buffer.from(expected.parts.tasks.themes.W.buffer))).toBe(true);
    rmSync(dir, { recursive: true, force: true });
  }, 60_000);
});
