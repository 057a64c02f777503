/**
 * The dashboard (督察信访件分析): an Observable Framework site in notebooks/, built offline.
 * Build with `npm run build` (DUCHA_DATA picks the tables; default the bundled 模拟数据), run with
 * `npm start`. See docs/dashboard.md.
 */
export default {
  root: "notebooks",
  // the build script sets DUCHA_OUT to build elsewhere (tests, benchmark)
  output: process.env.DUCHA_OUT || "dist",
  title: "督察信访件分析",
  lang: "zh-CN",
  pages: [
    { name: "总览", path: "/" },
    { name: "整改进度", path: "/progress" },
    { name: "热点", path: "/hotspots" },
    { name: "分类", path: "/classification" },
    { name: "信访件检索", path: "/search" },
    { name: "报告", path: "/report" },
    // for analysts, not leaders: code and English, kept out of the leaders' menu (closed section)
    { name: "分析人员", open: false, pages: [{ name: "分析笔记（代码）", path: "/notebook" }] },
  ],
  // no web-font link, no CDN: every library is bundled from node_modules (docs/dashboard.md)
  globalStylesheets: [],
  style: "style.css",
  head: '<meta name="referrer" content="no-referrer"><link rel="icon" href="data:,">',
  header: "",
  footer: "督察信访件分析（ducha）· 信访人个人信息已隐去 · 自动分类结果仅供参考，以核查结论为准",
  toc: false,
  pager: false,
  search: false,
  sidebar: true,
  linkify: false,
};
