/**
 * A saved chart read by a screen reader. vega's SVG names its parts in English —
 * aria-roledescription="rect mark container", "group mark container", role="graphics-symbol",
 * aria-label="Title text '…'" — and vega-lite has no switch for the mark groups' role
 * descriptions. A chart saved as SVG (`ducha chart --format svg`, the dashboard's 下载 SVG, the
 * HTML report) is instead one image with the chart's Chinese description: role="img", an
 * aria-label and a <title>, and none of vega's English roles or captions inside. Browser-safe:
 * it works on the SVG text.
 */

const attr = (text: string): string => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** vega's accessibility attributes: every value it writes is English. */
const VEGA_ARIA = /\s(?:aria-roledescription|aria-label|role)="[^"]*"/g;

/**
 * The SVG as one image named in Chinese: `description` (a spec's `description`, 图表：title。notes)
 * on the root as role="img", aria-label and <title>; vega's role descriptions, roles and captions
 * removed from every element. An SVG without an <svg> root is returned unchanged.
 */
export function chineseAria(svg: string, description: string): string {
  const root = /<svg\b[^>]*>/.exec(svg);
  if (!root) return svg;
  const label = attr(description);
  const open = root[0].replace(VEGA_ARIA, "").replace(/\s*(\/?)>$/, ` role="img" aria-label="${label}" lang="zh-CN"$1>`);
  // only inside tags: text content may hold quotes (vega escapes < and > everywhere, so a tag ends at its first >)
  const rest = svg.slice(root.index + root[0].length).replace(/<[^<>]*>/g, (tag) => tag.replace(VEGA_ARIA, ""));
  return `${svg.slice(0, root.index)}${open}<title>${label}</title>${rest}`;
}
