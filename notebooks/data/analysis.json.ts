// Data loader for the 分析笔记 page: runs the few lines between the markers below on the tables of
// $DUCHA_DATA (default: the bundled 模拟数据) and prints their result together with the lines
// themselves, so the page shows exactly the code that produced its figure.
import { readFileSync } from "node:fs";
import { basename } from "node:path";
import { dataInputs } from "../../src/dashboard/inputs.js";
import { gatedJson } from "../../src/text/redact.js";

const files = dataInputs(); // DUCHA_DATA 指定的表格（默认：自带的模拟数据及其各期办理情况表）

// <analysis>
import { countBy, ingestFiles, latest, rates } from "../../src/node.js";

const { records } = await ingestFiles(files);              // 读入信访件表（可含多期办理情况表）
const cases = latest(records);                             // 每个受理编号只取最新一期
const table = countBy(cases, ["county", "verification"]);  // 县（市、区）× 是否属实
const verified = rates(cases).verifiedRate;                // 属实率：数值、分子、分母
// </analysis>

const source = readFileSync(new URL(import.meta.url), "utf8");
const code = /\/\/ <analysis>\n([\s\S]*?)\/\/ <\/analysis>/.exec(source)?.[1]?.trim() ?? "";
// through the output gate: file names and labels are redacted like everything the dashboard shows
process.stdout.write(gatedJson({ code, files: files.map((f) => basename(f)), table, verified, cases: cases.length }));
