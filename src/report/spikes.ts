import type { Spike } from "../analyze/spikes.js";

/** "2023-07-08" -> "7月8日" (a batch number is written 第12批). */
const day = (at: string) => {
  const m = /^\d{4}-(\d{2})-(\d{2})$/.exec(at);
  return m ? `${Number(m[1])}月${Number(m[2])}日` : `第${at}批`;
};

/**
 * A spike as the annex writes it, over its full span: "永兴县大气类 7月7日至7月9日 3 天共 15 件
 * （最多一天 7 件，日常每天约 1 件）", or "桂东县 6月29日 5 件（日常约 0.5 件）".
 */
export function spikeSentence(s: Spike): string {
  const where = `${s.countyName}${s.type ? `${s.type}类` : ""}`;
  return s.days > 1
    ? `${where} ${day(s.from)}至${day(s.to)} ${s.days} 天共 ${s.count} 件（最多一天 ${s.peak} 件，日常每天约 ${s.baseline} 件）`
    : `${where} ${day(s.at)} ${s.count} 件（日常约 ${s.baseline} 件）`;
}
