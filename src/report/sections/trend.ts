/** 四、交办趋势: the daily counts and the spikes worth a look. */
import { spikes } from "../../analyze/spikes.js";
import type { ReportBlocks, ReportContext } from "../context.js";
import { spikeSentence } from "../spikes.js";

export function trendSection(ctx: ReportContext, out: ReportBlocks): void {
  out.h1("四、交办趋势");
  const dated = Boolean(ctx.first && ctx.last);
  // the most improbable first; a county-type spike names its type
  const sp = spikes(ctx.data.columns).spikes.slice(0, 3);
  out.para(
    (dated ? "交办件数按日分布如图。" : "") +
      (sp.length
        ? `以下县区（或县区某类问题）交办件数明显高于其日常水平（泊松检验 p < 0.001 且超出 3 件以上），建议关注是否为集中反映同一问题：${sp.map(spikeSentence).join("；")}。`
        : dated
          ? "各县区单日交办件数未见明显突增。"
          : ctx.batches
            ? // a disclosure table often has only 第N批 (in its title or sheet name): the trend by batch
              "表中没有交办时间，交办件数按批次分布如图；无法按日分析突增。"
            : "表中没有交办时间或批次，无法分析交办趋势。"),
  );
  out.figure("trend");
}
