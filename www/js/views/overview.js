// Overview: counts, the page summary and word-frequency chart, then each
// article with kicker, title, subtitle, byline, summary, keywords and a
// keyword chart. renderBrief fills the print brief (one page per article).
import { h, svg, replace } from "../dom.js";
import { t, fmt } from "../i18n.js";
import { copyText } from "../export.js";
import { sentenceText, oneLine, headingText, diagnosticText } from "../format.js";

/**
 * Article cards rendered at first, and per "show more" click: laying out many
 * cards of Chinese text costs ~10 ms each here, so a 500-article input would
 * freeze the page if rendered at once.
 */
const ARTICLE_BATCH = 20;
const STATS = ["chars", "cjk_chars", "words", "distinct_words", "sentences", "articles", "entities", "figures"];

/**
 * A horizontal bar chart in SVG.
 * @param {{label: string, value: number, title?: string}[]} items
 * @param {string} title  accessible name
 */
export function barChart(items, title) {
  const barH = 18;
  const gap = 6;
  const labelW = 96;
  const width = 420;
  const max = Math.max(1, ...items.map((i) => i.value));
  const height = items.length * (barH + gap) + gap;
  const chart = svg("svg", { class: "chart", viewBox: `0 0 ${width} ${height}`, role: "img", "aria-label": title, preserveAspectRatio: "xMinYMin meet" }, svg("title", {}, title));
  items.forEach((it, i) => {
    const y = gap + i * (barH + gap);
    const w = Math.max(2, ((width - labelW - 56) * it.value) / max);
    chart.append(
      svg("text", { x: labelW - 6, y: y + barH - 5, "text-anchor": "end", class: "chart-label" }, it.label),
      svg("rect", { x: labelW, y, width: w.toFixed(1), height: barH, rx: 3, class: "chart-bar" }, svg("title", {}, it.title || `${it.label}: ${it.value}`)),
      svg("text", { x: labelW + w + 6, y: y + barH - 5, class: "chart-value" }, fmt(it.value, { maximumFractionDigits: 2 })),
    );
  });
  return chart;
}

function bylineNodes(article) {
  return (article.bylines || []).map((b) => {
    const persons = b.persons || [];
    const content = persons.length
      ? persons.map((p, i) => [i ? "、" : "", h("span", { className: "person" }, p.name, p.role ? h("small", { textContent: ` ${p.role}` }) : null)])
      : oneLine(b.text || "");
    return h("p", { className: "byline" }, h("span", { className: "label", textContent: t("overview.byline") + "：" }), content);
  });
}

/**
 * The summary sentences to show and copy: the clean text the report carries
 * (`summary_text`, OCR damage repaired), else the original text on one line.
 * @param {{summary?: number[], summary_text?: string[]}} d  a digest or an article's digest
 */
export function summaryTexts(text, report, d) {
  const ids = d?.summary || [];
  const clean = d?.summary_text;
  return ids.map((i, k) => (Array.isArray(clean) && typeof clean[k] === "string" ? oneLine(clean[k]) : oneLine(sentenceText(text, report, i))));
}

/**
 * The summary as a list. With `ctx` and the digest `d`, each sentence is a
 * button that shows it in the text view (the print brief passes neither).
 */
function summaryList(texts, ctx, report, d) {
  return h(
    "ol",
    { className: "summary" },
    texts.map((s, k) => {
      const span = ctx && report.sentences?.[d.summary[k]]?.span;
      if (!span) return h("li", { textContent: s });
      const b = h("button", { type: "button", className: "linkish", textContent: s, title: t("overview.showInText"), dataset: { sentence: String(d.summary[k]) } });
      b.onclick = () => ctx.highlight([span]);
      return h("li", {}, b);
    }),
  );
}

/** Keywords as buttons: each opens its keyword-in-context in the Words tab. */
function keywordChips(kws, ctx) {
  return h(
    "ul",
    { className: "chips", attrs: { "aria-label": t("overview.keywords") } },
    kws.map((k) => {
      const b = h("button", { type: "button", className: "chip", textContent: k.term, title: t("overview.showKwic", k.term), dataset: { term: k.term } });
      b.onclick = () => ctx.showKwic(k.term);
      return h("li", {}, b);
    }),
  );
}

/**
 * @param {HTMLElement} container
 * @param {any} report
 * @param {{text: string, status: Function}} ctx
 */
export function render(container, report, ctx) {
  const text = ctx.text;
  const stats = report.stats || {};
  const digest = report.digest || { keywords: [], summary: [], articles: [] };
  const byArticle = new Map((digest.articles || []).map((d) => [d.article, d]));

  const statGrid = h(
    "dl",
    { className: "stats" },
    STATS.filter((k) => stats[k] != null).map((k) => h("div", { className: "stat", dataset: { stat: k } }, h("dt", { textContent: t(`stats.${k}`) }), h("dd", { textContent: fmt(stats[k]) }))),
  );

  const diagnostics = (report.diagnostics || []).length
    ? h("div", { className: "diagnostics", role: "note" }, h("strong", { textContent: t("overview.diagnostics") + "：" }), h("ul", {}, report.diagnostics.map((d) => h("li", { textContent: diagnosticText(d) }))))
    : null;

  const content = (w) => /^(n|v|a|i|l|j|eng)/.test(w.pos) && !/^(uj|ul|uv|ud|ug|uz|p|c|r|d|m|q|x|w|f)$/.test(w.pos) && [...w.word].length >= 2;
  const top = (report.words || []).filter((w) => !w.stop && content(w)).slice(0, 20);
  const copyBtn = (texts) => {
    const b = h("button", { type: "button", className: "btn small", textContent: t("overview.copy") });
    b.onclick = async () => {
      const ok = await copyText(texts.join("\n"));
      ctx.status(() => t(ok ? "status.copied" : "status.copyFailed"));
    };
    return b;
  };
  const pageTexts = summaryTexts(text, report, digest);

  const page = h(
    "section",
    { className: "panel page-digest" },
    h("h3", { textContent: t("overview.page") }),
    h(
      "div",
      { className: "two-col" },
      h(
        "div",
        {},
        h("h4", {}, t("overview.pageSummary"), " ", pageTexts.length ? copyBtn(pageTexts) : null),
        summaryList(pageTexts, ctx, report, digest),
        h("h4", { textContent: t("overview.keywords") }),
        keywordChips(digest.keywords || [], ctx),
      ),
      h(
        "figure",
        { className: "chart-box" },
        h("figcaption", { textContent: t("overview.frequency") }),
        top.length ? barChart(top.map((w) => ({ label: w.word, value: w.count })), t("overview.frequency")) : null,
      ),
    ),
  );

  const articles = report.articles || [];
  const card = (a, i) => {
    const d = byArticle.get(a.index ?? i) || { keywords: [], summary: [] };
    const kws = d.keywords || [];
    const texts = summaryTexts(text, report, d);
    return h(
      "article",
      { className: "panel article-card", dataset: { article: String(i) } },
      a.kicker ? h("p", { className: "kicker", textContent: oneLine(headingText(a.kicker)) }) : null,
      h("h3", {}, h("span", { className: "num", textContent: `${i + 1}. ` }), a.title ? oneLine(headingText(a.title)) : t("overview.untitled")),
      a.subtitle ? h("p", { className: "subtitle", textContent: oneLine(headingText(a.subtitle)) }) : null,
      bylineNodes(a),
      h(
        "div",
        { className: "two-col" },
        h(
          "div",
          {},
          h("h4", {}, t("overview.summary"), " ", texts.length ? copyBtn(texts) : null),
          summaryList(texts, ctx, report, d),
          h("h4", { textContent: t("overview.keywords") }),
          keywordChips(kws, ctx),
        ),
        kws.length
          ? h("figure", { className: "chart-box" }, h("figcaption", { textContent: t("overview.chart") }), barChart(kws.map((k) => ({ label: k.term, value: k.weight, title: `${k.term}: ${k.count}` })), t("overview.chart")))
          : null,
      ),
    );
  };
  const list = h("div", { className: "article-list" });
  const moreBtn = h("button", { type: "button", className: "btn", dataset: { more: "articles" } });
  const more = h("p", { className: "more" }, moreBtn);
  let shown = 0;
  const showMore = () => {
    const next = Math.min(articles.length, shown + ARTICLE_BATCH);
    list.append(...articles.slice(shown, next).map((a, k) => card(a, shown + k)));
    shown = next;
    more.hidden = shown >= articles.length;
    moreBtn.textContent = t("overview.more", fmt(Math.min(ARTICLE_BATCH, articles.length - shown)), fmt(articles.length - shown));
  };
  moreBtn.onclick = showMore;
  showMore();

  replace(container, statGrid, diagnostics, page, list, more);
}

/**
 * Fills the print brief: one page per article with title, byline, summary
 * and keywords. Built on demand (before printing), not with every analysis.
 * @param {HTMLElement} root
 * @param {any} report
 * @param {{text: string}} ctx
 */
export function renderBrief(root, report, ctx) {
  const text = ctx.text;
  const articles = report.articles || [];
  const byArticle = new Map((report.digest?.articles || []).map((d) => [d.article, d]));
  replace(
    root,
    articles.map((a, i) => {
      const d = byArticle.get(a.index ?? i) || { keywords: [], summary: [] };
      return h(
        "section",
        { className: "brief-page" },
        h("p", { className: "brief-head", textContent: `${t("app.title")} · ${t("print.brief")} ${i + 1}/${articles.length}` }),
        a.kicker ? h("p", { className: "kicker", textContent: oneLine(headingText(a.kicker)) }) : null,
        h("h2", { textContent: a.title ? oneLine(headingText(a.title)) : t("overview.untitled") }),
        a.subtitle ? h("p", { className: "subtitle", textContent: oneLine(headingText(a.subtitle)) }) : null,
        bylineNodes(a),
        h("h3", { textContent: t("overview.summary") }),
        summaryList(summaryTexts(text, report, d)),
        h("h3", { textContent: t("overview.keywords") }),
        h("p", { textContent: (d.keywords || []).map((k) => k.term).join("、") }),
      );
    }),
  );
}
