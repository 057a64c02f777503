/**
 * 分类's table of how often the classifier agrees with the tables' own 污染类型, per type. The
 * library's `compareWithOfficial` counts; this says what a leader must know to read them: the
 * dashboard classifies in the seven-class scheme of Hunan and the central inspection, which has
 * no 固废, so a table written in the eight-class scheme (12369, several provinces) has 固废 rows
 * that can never agree. Their row says so, and the note says where the classifier put them,
 * instead of a 0.0% that reads as a broken classifier. Browser-safe.
 */
import { type ClassifiedComplaint, countSeveralPredicted } from "../model/classification.js";
import { compareWithOfficial } from "../classify/qa.js";
import { POLLUTION_TYPES, type PollutionType, outsideScheme } from "../model/vocabulary.js";
import { formatInteger as num, formatPercent as pct } from "../text/format.js";

/** What the agreement cell of a type outside the classifier's scheme says. */
export const NOT_IN_SCHEME = "不适用";

/** The rows and the notes of the agreement table. */
export interface AgreementTable {
  headers: string[];
  /**
   * the headers on a phone, in pieces that wrap between (污染 / 类型): the full headers made the
   * table 316 px wide in a 295 px card at 390 px; these fit in ~220 px. Counts are 件 and the
   * last column a percentage, as the full headers and the downloads say.
   */
  narrowHeaders: string[][];
  rows: (string | number)[][];
  /** one sentence per official type the classifier's scheme does not have (固废) */
  notes: string[];
}

/** The agreement table of the compared cases (those whose table gives a 污染类型). */
export function agreementTable(records: readonly Pick<ClassifiedComplaint, "officialTypes" | "classification">[]): AgreementTable {
  const { byType } = compareWithOfficial(records as readonly ClassifiedComplaint[]);
  const notes: string[] = [];
  const rows = byType
    .filter((b) => b.official || b.predicted)
    .map((b) => {
      // the dashboard classifies in the seven-class scheme
      const outside = outsideScheme([b.type]).length > 0 && b.predicted === 0;
      if (outside && b.official) notes.push(whereTheyWent(b.type, b.official, records));
      return [b.type, b.official, b.predicted, b.both, outside ? NOT_IN_SCHEME : b.official ? pct(b.both / b.official) : "—"];
    });
  return {
    headers: ["污染类型", "原表标注（件）", "自动分类（件）", "两者一致（件）", "原表标注中自动分类一致的比例"],
    narrowHeaders: [
      ["污染", "类型"],
      ["原表", "标注"],
      ["自动", "分类"],
      ["两者", "一致"],
      ["一致", "比例"],
    ],
    rows,
    notes,
  };
}

/** "原表中 26 件标为“固废”…自动分类按七类方案归入 土壤 18 件、其他 5 件…". */
function whereTheyWent(type: PollutionType, official: number, records: readonly Pick<ClassifiedComplaint, "officialTypes" | "classification">[]): string {
  const to = new Map<PollutionType, number>();
  for (const r of records) {
    if (!r.officialTypes.includes(type)) continue;
    for (const t of r.classification.types) to.set(t.label, (to.get(t.label) ?? 0) + 1);
  }
  const went = POLLUTION_TYPES.filter((t) => to.has(t))
    .sort((a, b) => to.get(b)! - to.get(a)!)
    .map((t) => `${t} ${num(to.get(t)!)} 件`)
    .join("、");
  return (
    `原表中 ${num(official)} 件标为“${type}”：这是八类方案（全国 12369 平台和部分省份）的类别；湖南和中央督察的七类方案没有${type}，` +
    `本页的自动分类按七类方案${went ? `把这些信访件归入${went}（一件可归入多类）` : "没有给出类型"}。` +
    `所以“${type}”一行不计一致比例（${NOT_IN_SCHEME}），这不表示自动分类出错。`
  );
}

/**
 * The sentence 分类 adds when some selected complaints were classified into several types (the
 * ones the 信访件检索 table tags 多类，建议复核): registrars mostly write the main type alone, so
 * counts per type lean high on them. "" when there are none. `typeSource` 1 marks a predicted
 * type set; `types` holds each row's type bits.
 */
export function severalTypesNote(cols: Parameters<typeof countSeveralPredicted>[0]): string {
  const several = countSeveralPredicted(cols);
  return several
    ? `自动分类的信访件中 ${num(several)} 件分为多类：分类器给出文中提到的每一类问题，而公开表的登记人多半只写主要的一类，按类计数时这些件每类各计一次；可在“信访件检索”页复核（标“多类，建议复核”）。`
    : "";
}
