import { loadKeyCaseRules } from "../classify/keycase.js";
import { formatDate } from "../text/format.js";

export interface MethodFacts {
  /** input file names */
  files: string[];
  /** records read (snapshots included) and cases counted */
  records: number;
  cases: number;
  /** rows that could not be read */
  rejected: number;
  /** 截至 dates of the snapshots */
  snapshots: string[];
  typeSource: { official: number; predicted: number; none: number };
  /** of the predicted ones, those given several types */
  severalPredicted: number;
  /** 重点件 by the table's 案卷类别 (null when the table has none), and the rule's suggestions */
  keyOfficial: number | null;
  keySuggested: number;
  /** cases whose closing date is only an upper bound */
  upperBoundCases: number;
  synthetic: boolean;
}

/**
 * Where the annex's 污染类型 come from, naming only the sources that were used: a table with no
 * official type at all reads 原表未填写污染类型，采用自动分类结果, not 采用原表（0 件）.
 */
export function typeSources(t: MethodFacts["typeSource"]): string {
  const none = t.none ? `；${t.none} 件无法确定` : "";
  if (!t.official) return `原表未填写污染类型，采用自动分类结果（${t.predicted} 件）${none}`;
  if (!t.predicted) return `采用原表填写的污染类型（${t.official} 件）${none}`;
  return `原表填写了污染类型的，采用原表（${t.official} 件）；未填写的，采用自动分类结果（${t.predicted} 件）${none}`;
}

/**
 * The note on method (说明) of the annex: sources, counting rules, how classification works and
 * where its labels are used, the rate definitions, the 重点件 rule, repeats, enforcement and
 * personal data. One item per paragraph.
 */
export function methodNote(f: MethodFacts): string[] {
  const rules = loadKeyCaseRules();
  const strong = rules.rules.filter((r) => r.strong).map((r) => r.name);
  const weak = rules.rules.filter((r) => !r.strong).map((r) => r.name);
  const snap = f.snapshots.length ? `，其中办理情况表截至${f.snapshots.map(formatDate).join("、")}` : "";
  const items = [
    `数据来源：${f.files.join("、")}${snap}。共读取 ${f.records} 条记录，按受理编号去重后为 ${f.cases} 件；同一信访件出现在多期表中时，取最新一期的状态${f.rejected ? `；另有 ${f.rejected} 行无法读取，未计入` : ""}。`,
    "计数口径：县（市、区）以“行政区域”栏为准，该栏为空或只写到市级时从投诉内容中识别；无法识别的列为“（未识别）”。一件信访件涉及多个污染类型时，在每个类型下各计一次，故按类型合计的件次多于件数。",
    `污染类型：${typeSources(f.typeSource)}。自动分类依据投诉内容中的词语（识别“没有”“未发现”等否定说法），结合经人工标注的信访件学习所得的判别规则，对每个类型给出可能性和依据词语，可能性达到一定程度的类型均予标注${f.severalPredicted ? `；其中 ${f.severalPredicted} 件标注了多个类型。自动分类标注文中提到的每一类问题，而公开的信访件表多半只写主要的一类（在各地公开的真实信访件上，只标一类的与原表完全一致约八成，标多类的约一半），这些件按类型计数可能偏多` : ""}。`,
    "督察重点：按督察进驻公告列明的七个方面（碳达峰碳中和，“两高”项目与落后产能，自然保护地，污染防治攻坚与“夏季攻势”，历次督察反馈与信访件整改，长江经济带警示片问题，党政同责、一岗双责落实），由同一分类方法自动判断，一件可涉及多个重点，也可不涉及。",
    "属实率 =（属实 + 基本属实 + 部分属实）÷ 填写了“是否属实”的件数（“是”按属实、“否”按不属实计，未填写的不计入分子分母）。办结率 = 已办结 ÷ 填写了办理状态的件数；“拟销号”按阶段性办结计，不计入办结率；“含阶段性办结”的比例 =（已办结 + 阶段性办结）÷ 填写了办理状态的件数。原表没有相应栏目或全部未填的，写“无数据”，不写 0。",
    `整改进度：某日的办结率 = 当日及以前已办结的件数 ÷ 当日及以前交办的件数。办结日期取“办结时间”栏；没有该栏的，取首次显示“已办结”的一期表的截至日期（实际办结不晚于该日${f.upperBoundCases ? `，本次 ${f.upperBoundCases} 件按此计` : ""}）。`,
    `重点件：只按原表“案卷类别”统计（${f.keyOfficial === null ? "原表没有该栏，无数据" : `${f.keyOfficial} 件`}）。另按规则提示可能的重点件（${f.keySuggested} 件，仅为建议，不计入重点件）：投诉内容出现下列任一情形即提示——${strong.join("、")}；或出现下列两项及以上——${[...strong, ...weak].join("、")}（否定表述不计）。以督察组认定为准。`,
    "重复举报：同一县（市、区）内，投诉对象（企业、厂矿、场所名称）相同，或投诉文本高度相似（词语及相邻词对的 Jaccard 相似度不低于 0.5）的信访件归为一组。",
    "执法情况：从“处理和整改情况”栏的文字中识别立案、罚款金额、责令整改、责令停产、查封扣押、移送公安和约谈、问责人数；“未予立案”等否定表述不计；约谈、问责未写明人数的按 1 人计，为下限。原表没有“处理和整改情况”的，执法情况为“无数据”。",
    "个人信息：报告中引用的投诉内容已隐去举报人姓名、电话、身份证号等个人信息（显示为【已隐去】）。",
  ];
  if (f.synthetic) items.unshift("本报告所用数据为模拟数据（合成数据，仅供演示和测试），不是真实的督察信访件，所列企业、人名、数字均为虚构。");
  return items;
}
