import { describe, expect, it } from "vitest";
import { siteKind, targetKey } from "../../src/analyze/target.js";
import { Analyzer } from "../../src/classify/features.js";
import { findTargetAndPlace } from "../../src/classify/target.js";

const read = (text: string) => findTargetAndPlace(Analyzer.tokenize(text));

describe("targets are what a reader would underline", () => {
  it.each([
    // the boilerplate and requests (sample rows ending 不要走过场 / 来现场)
    ["宜章县某某铸造厂排黑烟，不要走过场", "某某铸造厂"],
    ["希望督察组来现场看看，不要走过场", undefined],
    ["有人在山上开荒，并私自更改10亩草场", undefined],
    ["要求关停该厂，希望尽快处理", undefined],
    ["无证开采稀土矿，炸得房子都在抖", "稀土矿"],
  ])("%s -> %s", (text, target) => {
    expect(read(text).target).toBe(target);
  });

  it("reads quoted business names, and a name given after 叫", () => {
    expect(read("静海区独静路义渡口村进村后一公里路西“百亚石材城”每天不定时加工石料").target).toBe("百亚石材城");
    expect(read("河北区小树林大街18号“六毛一串烧烤”每天18:00--22:00营业").target).toBe("六毛一串烧烤");
    expect(read("河北区万柳村大街“西派国印”工程，每天土方作业").target).toBe("西派国印工程");
    expect(read("红桥区复兴路水西园底商有家饭馆叫伊兰清真炉饺子,在消防通道私搭乱盖").target).toBe("伊兰清真炉饺子");
    // a quotation that is no business: 以租代征
    expect(read("该公司采用“以租代征”形式违法占地").target).toBeUndefined();
  });

  it("stops a name at directions, numbers, addresses and places", () => {
    expect(read("西咸新区沣西新城马王镇新庄村108国道南侧金东彩钢厂,近期产生浓重的油漆味").target).toBe("金东彩钢厂");
    expect(read("反映西峰区俊恒建筑材料有限公司,在西峰区肖金镇沟脱采砂").target).toBe("俊恒建筑材料有限公司");
    expect(read("灵白村一队有一木炭加工厂,夜间生产").target).toBe("木炭加工厂");
    expect(read("有群众反映，近来华达果业开发有限公司毁林").target).toBe("华达果业开发有限公司");
  });

  it("takes a landmark for a landmark and a place name for a place", () => {
    // 永茂饭店斜对面: where it is, not what is complained about; 大场镇 is a town
    expect(read("海口市秀英区永兴镇洪王北街往杨耀村方向永茂饭店斜对面,有人在无手续的情况下加工火山石").target).toBeUndefined();
    expect(read("宝山区大场镇真北路4333弄中环一号一期西门的垃圾房,常年污水横流").target).toBe("垃圾房");
  });

  it("names the project or factory, not the industrial park it stands in", () => {
    expect(read("北湖区鲁塘工业园里的祥瑞化工厂排污").target).toBe("祥瑞化工厂");
    expect(read("北湖区鲁塘工业园的嘉福项目夜间施工").target).toBe("嘉福项目");
    expect(read("北湖区鲁塘工业园废气扰民").target).toBe("鲁塘工业园");
  });

  it("keeps the village or owner that identifies a kind of site, and a spot without a site", () => {
    expect(read("汝城县马桥镇小坊村选矿厂自2013年开始严重影响周边村民").target).toBe("小坊村选矿厂");
    expect(read("资兴市黄草镇唐洞村黄某的养鸡场一直存在恶臭扰民问题").target).toBe("唐洞村黄某的养鸡场");
    expect(read("州门司镇桃田村村民周某等人在后山挖矿排出来的水酸得很").target).toBe("桃田村村民周某");
    expect(read("郴州市桂阳县荷叶镇柏寨村对面山上偷偷砍伐林木").target).toBe("柏寨村对面山上");
    expect(read("桂东县大塘镇的大塘背村9组居民点化粪池的水一直排进旁边的小溪").target).toBe("大塘背村9组居民点");
  });
});

describe("places are whole names", () => {
  it.each([
    ["桂阳县雷江村的人反映，桃山村有个厂", undefined, "雷江村"],
    ["桃山村有个厂冒黑烟", undefined, "桃山村"],
    ["鲁村镇某石材加工厂粉尘大", "鲁村镇", undefined],
    ["演丰镇塔市村委会符东村旁边不到20米有个大的水泥搅拌站", "演丰镇", "符东村"],
    ["西青区中北镇的旭辉御府小区一期距离京沪高铁非常近", "中北镇", undefined],
    ["大港中塘镇国安二道有刺鼻异味", "中塘镇", undefined],
    ["即墨区田横镇丰城社区东百里村村东侧山体", "田横镇", "东百里村"],
    ["辉县市八里镇白古潭村,辉县市豫辉博金建材有限公司非法占用集体耕地", "八里镇", "白古潭村"],
  ])("%s -> %s, %s", (text, town, village) => {
    const p = read(text).place;
    expect(p?.town).toBe(town);
    expect(p?.village).toBe(village);
  });

  it("takes no street, direction or word for a village", () => {
    // 万柳村大街 is a street; 往杨耀村方向 a direction; 进村, 山村 and 古镇 are words
    expect(read("河北区万柳村大街“西派国印”工程").place?.village).toBeUndefined();
    expect(read("永兴镇洪王北街往杨耀村方向永茂饭店").place?.village).toBeUndefined();
    expect(read("静海区独静路义渡口村进村后一公里").place?.village).toBe("义渡口村");
    expect(read("山村里空气好，章堰古镇游客多").place).toBeUndefined();
  });
});

describe("targetKey: what two complaints must share", () => {
  it("links by a site's name, or a kind of site with its village, never by a bare kind or boilerplate", () => {
    expect(targetKey("北湖区华塘镇安丰冶炼厂")).toBe(targetKey("安丰冶炼厂"));
    expect(targetKey("小坊村选矿厂")).toBe("小坊村选矿厂");
    expect(targetKey("唐洞村黄某的养鸡场")).toBe("唐洞村黄某养鸡场");
    expect(targetKey("桃田村村民周某")).toBe("桃田村周某");
    expect(targetKey("柏寨村对面山上")).toBe("柏寨村对面山上");
    for (const none of ["选矿厂", "黄某的养鸡场", "不要走过场", "改造工程工地", "稀土矿", "民周某"]) expect(targetKey(none), none).toBe("");
    expect(targetKey("健康路改造工程工地")).not.toBe(targetKey("飞虹路改造工程工地"));
  });

  it("tells the kind of a site when it is specific enough", () => {
    expect(siteKind("东江饲料厂")).toBe("饲料厂");
    expect(siteKind("唐洞村黄某的养鸡场")).toBe("养鸡场");
    expect(siteKind("光明饭店")).toBe("");
    expect(siteKind("宏达公司")).toBe("");
  });
});
