/**
 * Writes the test fixtures in test/fixtures/: small tables laid out the way prefectures publish
 * them (title rows, merged cells, GBK CSV, header variants, Excel dates, 2017-scheme labels,
 * a duplicate 受理编号, an empty complaint, a broken quote). The expected results in
 * test/ingest/fixtures.test.ts were worked out by hand from the rows below.
 * Run: npx tsx scripts/make-fixtures.ts
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import ExcelJS from "exceljs";
import iconv from "iconv-lite";

const dir = new URL("../test/fixtures/", import.meta.url);
mkdirSync(dir, { recursive: true });
const out = (name: string) => new URL(name, dir);

// 1. GBK CSV exported by Excel on a Chinese Windows: title line, header variants, 2017 labels.
const gbk = [
  "郴州市生态环境保护督察交办件办理情况公开表（第5批）,,,,,,,,,,",
  "编号,举报编号,接件时间,案卷内容,所属区域,问题类型,核查情况,属实情况,整改情况,办理状态,问责情况",
  "1,D2CZ202306300001,2023年6月30日,北湖区华塘镇某石材加工厂粉尘大、噪音扰民。,北湖区,大气、噪音,经核查，该厂未落实降尘措施。,属实,责令整改，罚款2万元。,已办结,无",
  '2,D2CZ202306300002,6月30日,"苏仙区白露塘镇一家烧烤店油烟直排,居民反映强烈。",苏仙,餐饮油烟,经核查，该店油烟净化器未开启。,基本属实,责令整改。,阶段性办结,无',
  "3,X2CZ202306300003,2023/6/30,东江湖周边某养猪场粪污直排。,资兴,畜禽养殖,经核查，部分属实。,部分属实,立案处罚。,正在办理,约谈1人",
  "4,D2CZ202306300004,2023-06-30,,桂阳县,其它污染,,,,,",
  '5,D2CZ202306300001,2023年6月30日,宜章县某选矿厂尾矿库渗漏，农田重金属超标。,宜章县,"重金属污染,水污染",经核查，属实。,属实,责令停产。,办理中,问责2人',
  "6,D2CZ202306300006,2023年6月31日,某冶炼厂夜间排放刺鼻废气。,永兴,大气污染，扬尘污染,核查中。,待核实,整改中。,未办结,无",
  ",,,,,,,,,,",
];
writeFileSync(out("第5批_gbk.csv"), iconv.encode(gbk.join("\r\n") + "\r\n", "gbk"));

// 2. UTF-8 CSV without BOM, LF: multi-line cells, blank lines, a broken quote, a formula, extra
//    cells, a short row, an unknown area and an area only in the text.
const broken = [
  "序号,受理编号,交办时间,交办问题基本情况,行政区域,污染类型,是否属实,是否办结",
  '1,D2CZ202307010001,2023/7/1,"反映两个问题：\n1、某砂场扬尘大；\n2、运砂车噪音大。",临武县,"大气、噪声",属实,已办结',
  "",
  '2,D2CZ202307010002,2023/7/1,"某小区旁工地夜间施工,居民无法休息",汝城县,噪声,属实,已办结',
  '3,D2CZ202307010003,2023/7/1,"某厂""偷排""废水,河水发黑",桂东县,水,属实,已办结',
  '4,D2CZ202307010004,2023/7/1,"引号没有闭合的投诉,安仁县,水,属实,已办结',
  '5,D2CZ202307010005,2023/7/1,=HYPERLINK("http://example.com"),嘉禾县,其他,不属实,已办结',
  "6,D2CZ202307010006,2023/7/1,某洗砂场废水直排河道,嘉禾县,水,属实,已办结,多出的一列",
  "7,D2CZ202307010007,2023/7/1,短行",
  "8,D2CZ202307010008,2023/7/1,广州某厂噪声,广东省广州市天河区,噪声,属实,已办结",
  "9,D2CZ202307010009,2023/7/1,永兴县便江镇某冶炼厂废气,郴州市,大气,属实,已办结",
  "",
];
writeFileSync(out("utf8_broken.csv"), broken.join("\n"));

// 3. XLSX: one sheet per batch under a merged title row; 行政区域 merged down; Excel dates as
//    date cells, as serial numbers in a General cell and as text; a footnote merged across;
//    a 说明 sheet without a table; a sheet with the 2017 scheme and 批次 only in its name.
async function xlsx() {
  const wb = new ExcelJS.Workbook();
  wb.created = wb.modified = new Date(Date.UTC(2023, 6, 20));
  const headers = ["序号", "受理编号", "交办时间", "交办问题基本情况", "行政区域", "污染类型", "调查核实情况", "是否属实", "处理和整改情况", "是否办结"];

  const s1 = wb.addWorksheet("第1批");
  s1.addRow(["湖南省第三生态环境保护督察组交办信访件边督边改公开情况一览表（第1批）"]);
  s1.mergeCells("A1:J1");
  s1.addRow(headers);
  s1.addRow([
    1,
    "D2CZ202306260001",
    new Date(Date.UTC(2023, 5, 26)),
    "华塘镇某石材厂粉尘污染严重",
    "北湖区",
    "大气",
    "经核查，属实",
    "属实",
    "责令整改，罚款3万元",
    "已办结",
  ]);
  s1.getCell("C3").numFmt = "yyyy/m/d";
  s1.addRow([2, "D2CZ202306260002", 45103, "某KTV夜间噪音扰民", null, "噪声", "经核查，基本属实", "基本属实", "责令整改", "已办结"]);
  s1.mergeCells("E3:E4"); // 行政区域 written once for both rows
  s1.addRow([
    3,
    "X2CZ202306260003",
    "2023年6月26日",
    "东江湖饮用水源保护区内有人网箱养鱼",
    "资兴市",
    "水、生态",
    "经核查，部分属实",
    "部分属实",
    "立案处罚，罚款人民币30000元",
    "阶段性办结",
  ]);
  s1.addRow([
    4,
    "D2CZ202306260004",
    "2023年6月26日",
    { richText: [{ text: "莽山保护区" }, { text: "内违规修路，破坏植被" }] },
    "宜章",
    "生态",
    "",
    "",
    "",
    "正在办理",
  ]);
  s1.addRow(["注：以上信息来源于各县市区，最终以调查结果为准。"]);
  s1.mergeCells("A7:J7");

  const s2 = wb.addWorksheet("第2批");
  s2.addRow(["第二批交办件（2017年分类）"]);
  s2.mergeCells("A1:H1");
  s2.addRow(["序号", "案卷编号", "受理时间", "信访问题", "属地", "污染类型", "属实情况", "办结情况"]);
  s2.addRow([1, "D2CZ202306270001", new Date(Date.UTC(2023, 5, 27)), "某养猪场臭气熏天，粪水流入稻田", "安仁县", "畜禽养殖", "属实", "已办结"]);
  s2.getCell("C3").numFmt = "yyyy-mm-dd";
  s2.addRow([2, "D2CZ202306270002", new Date(Date.UTC(2023, 5, 27)), "", "安仁县", "噪声污染", "", ""]);
  s2.getCell("C4").numFmt = "yyyy-mm-dd";
  s2.addRow([3, "D2CZ202306270003", new Date(Date.UTC(2023, 5, 27)), "某餐馆油烟扰民", "郴州市苏仙区", "餐饮油烟", "是", "是"]);
  s2.getCell("C5").numFmt = "yyyy-mm-dd";
  s2.addRow([4, "D2CZ202306260001", new Date(Date.UTC(2023, 5, 27)), "重复举报：华塘镇石材厂仍有粉尘", "北湖区", "扬尘污染", "属实", "已办结"]);
  s2.getCell("C6").numFmt = "yyyy-mm-dd";

  const s3 = wb.addWorksheet("说明");
  s3.addRow(["本表为测试用模拟数据。"]);

  await wb.xlsx.writeFile(fileURLToPath(out("公开情况一览表.xlsx")));
}

// 4. JSON: an array of objects with Chinese keys, one element that is not an object.
const json = [
  { 受理编号: "D2CZ202307020001", 交办时间: "2023-07-02", 举报内容: "桂阳县某采石场放炮震裂房屋，粉尘大", 区县: "桂阳县", 污染类型: "大气、噪声" },
  { 受理编号: "D2CZ202307020002", 交办时间: "2023-07-02", 举报内容: "基站辐射", 区县: "北湖", 污染类型: ["辐射"] },
  "not an object",
  { 受理编号: "D2CZ202307020004", 交办时间: "2023-07-02", 举报内容: "   ", 区县: "北湖区" },
];
writeFileSync(out("records.json"), JSON.stringify(json, null, 2));

await xlsx();

// 5. XLSX with a two-row header: a merged parent (办理情况) over sub-columns, the other headers
//    merged down over both rows, as many city tables are laid out.
async function twoRowHeader() {
  const wb = new ExcelJS.Workbook();
  wb.created = wb.modified = new Date(Date.UTC(2023, 6, 20));
  const ws = wb.addWorksheet("第6批");
  ws.addRow(["郴州市第6批交办信访件办理情况"]);
  ws.mergeCells("A1:H1");
  ws.addRow(["序号", "受理编号", "交办问题基本情况", "行政区域", "办理情况", null, null, "是否办结"]);
  ws.addRow([null, null, null, null, "调查核实情况", "是否属实", "处理和整改情况", null]);
  for (const c of ["A", "B", "C", "D", "H"]) ws.mergeCells(`${c}2:${c}3`);
  ws.mergeCells("E2:G2");
  ws.addRow([1, "D2CZ202307010101", "某砂石场粉尘大", "临武县", "经核查，属实", "属实", "责令整改", "已办结"]);
  ws.addRow([2, "D2CZ202307010102", "某小区夜间施工噪音", "苏仙区", "经核查，部分属实", "部分属实", "责令停止夜间施工", "正在办理"]);
  await wb.xlsx.writeFile(fileURLToPath(out("两行表头.xlsx")));
}
await twoRowHeader();
console.log("fixtures written to test/fixtures/");
