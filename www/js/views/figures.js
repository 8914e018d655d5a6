// Figures: every number with its subject, value, unit, kind, approximation
// and sentence. Clicking a row highlights it in the Text tab.
import { h, replace } from "../dom.js";
import { t } from "../i18n.js";
import { createTable } from "./table.js";
import { figureValue, shownValue, figureSortKey, approxText, articleTitle, sentenceText, oneLine, kindLabel } from "../format.js";
import { checksSection } from "./checks.js";

const KINDS = ["count", "percent", "money", "date", "time", "duration", "ordinal", "range", "quantity"];
const CONTEXT = 80;

/**
 * CSV keeps numbers as numbers (spreadsheets compute with them); ranges of
 * numbers as "low-high", ranges of dates and times as ISO intervals "a/b".
 */
const figureCsv = (f) => {
  const v = f.resolved ?? f.value;
  if (!Array.isArray(v)) return v;
  return typeof v[0] === "string" ? `${v[0]}/${v[1]}` : `${v[0]}-${v[1]}`;
};

/** The value, marked when it was inferred from context (`inferred: true`). */
function valueCell(f) {
  const v = shownValue(f);
  if (!f.inferred) return v;
  return h("span", { className: "inferred", title: t("figures.inferred", figureValue(f)) }, v, h("sup", { textContent: "*" }));
}

/**
 * @param {HTMLElement} container
 * @param {any} report
 * @param {{text: string, highlight: Function, status: Function}} ctx
 */
export function render(container, report, ctx) {
  const rows = report.figures || [];
  const text = ctx.text;
  const context = (f) => {
    let s = f.sentence != null ? sentenceText(text, report, f.sentence) : "";
    if (!s) s = text.slice(Math.max(0, f.span.start - 30), f.span.end + 30);
    return oneLine(s, CONTEXT);
  };
  const contextCell = (f) => {
    // The sentence with the figure itself marked.
    const s = f.sentence != null ? report.sentences?.[f.sentence] : null;
    if (!s || f.span.start < s.span.start || f.span.end > s.span.end) return context(f);
    // Only a window around the figure is read: one sentence can be a whole 5 MB line.
    const before = oneLine(text.slice(Math.max(s.span.start, f.span.start - 200), f.span.start));
    const hit = text.slice(f.span.start, f.span.end);
    const after = oneLine(text.slice(f.span.end, Math.min(s.span.end, f.span.end + 200)));
    const cut = (x, n, left) => (x.length > n ? (left ? "…" + x.slice(-n) : x.slice(0, n) + "…") : x);
    return h("span", {}, cut(before, 40, true), h("mark", { className: "m-fig", textContent: hit }), cut(after, 40, false));
  };
  const kinds = [...new Set(rows.map((f) => f.kind))];
  const articles = [...new Set(rows.map((f) => f.article).filter((a) => a != null))].sort((a, b) => a - b);
  const table = createTable({
    name: "figures",
    caption: t("tab.figures"),
    rows,
    onStatus: ctx.status,
    columns: [
      {
        key: "article",
        label: "col.article",
        numeric: false,
        get: (f) => (f.article == null ? null : f.article + 1),
        show: (f) => (f.article == null ? "" : h("span", { title: articleTitle(report, f.article), textContent: String(f.article + 1) })),
        csv: (f) => (f.article == null ? "" : `${f.article + 1} ${articleTitle(report, f.article)}`),
      },
      { key: "subject", label: "col.subject", get: (f) => f.subject ?? "" },
      { key: "value", label: "col.value", numeric: true, get: (f) => figureSortKey(f), show: valueCell, csv: figureCsv, className: "nowrap" },
      { key: "unit", label: "col.unit", get: (f) => f.unit ?? "", className: "nowrap" },
      { key: "kind", label: "col.kind", get: (f) => f.kind, show: (f) => kindLabel(f.kind), csv: (f) => kindLabel(f.kind), className: "nowrap" },
      { key: "approx", label: "col.approx", get: (f) => approxText(f), className: "nowrap" },
      { key: "surface", label: "col.surface", get: (f) => f.surface ?? text.slice(f.span.start, f.span.end), className: "nowrap" },
      { key: "context", label: "col.context", get: (f) => context(f), show: contextCell, className: "context" },
    ],
    filters: [
      {
        key: "kind",
        label: "kind.all",
        options: KINDS.filter((k) => kinds.includes(k)).concat(kinds.filter((k) => !KINDS.includes(k))).map((k) => ({ value: k, label: kindLabel(k) })),
        test: (f, v) => f.kind === v,
      },
      {
        key: "article",
        label: "article.all",
        options: articles.map((a) => ({ value: String(a), label: `${a + 1}. ${articleTitle(report, a).slice(0, 24)}` })),
        test: (f, v) => String(f.article) === v,
      },
    ],
    search: (f) => [f.surface, f.subject, f.unit, shownValue(f), context(f)].join(" "),
    onRowClick: (f) => ctx.highlight([f.span], { label: f.surface }),
  });
  replace(container, checksSection(report, ctx), table.el);
  return table;
}
