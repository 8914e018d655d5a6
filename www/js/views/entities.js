// Entities: persons, places and organizations with aliases and counts.
// Clicking a row highlights every mention in the Text tab.
import { h, replace } from "../dom.js";
import { t, fmt } from "../i18n.js";
import { createTable } from "./table.js";
import { typeLabel, articleTitle } from "../format.js";

const TYPES = ["PER", "LOC", "ORG"];

/** Below this the tagger is unsure: the row is dimmed and marked for checking. */
export const LOW_CONFIDENCE = 0.5;

/** The confidence cell: the tagger's probability, a marker when low, or "rule". */
function confidenceCell(e) {
  if (e.confidence == null) return h("span", { className: "muted", title: t("conf.ruleTitle"), textContent: t("conf.rule") });
  const pct = `${Math.round(e.confidence * 100)}%`;
  if (e.confidence >= LOW_CONFIDENCE) return pct;
  return h("span", { className: "conf-low", title: t("conf.lowTitle"), textContent: `${t("conf.low")} ${pct}` });
}

/**
 * @param {HTMLElement} container
 * @param {any} report
 * @param {{text: string, highlight: Function, status: Function}} ctx
 */
export function render(container, report, ctx) {
  const rows = report.entities || [];
  const articlesOf = (e) => [...new Set((e.mentions || []).map((m) => m.article).filter((a) => a != null))];
  const table = createTable({
    name: "entities",
    caption: t("tab.entities"),
    rows,
    sort: { key: "count", dir: -1 },
    onStatus: ctx.status,
    columns: [
      {
        key: "type",
        label: "col.type",
        get: (e) => e.type,
        show: (e) => h("span", { className: `tag tag-${String(e.type).toLowerCase()}`, textContent: typeLabel(e.type) }),
        csv: (e) => typeLabel(e.type),
      },
      { key: "text", label: "col.text", get: (e) => e.text, className: "strong" },
      { key: "aliases", label: "col.aliases", get: (e) => (e.aliases || []).join("、") },
      { key: "count", label: "col.count", numeric: true, get: (e) => e.count, show: (e) => fmt(e.count) },
      {
        key: "confidence",
        label: "col.confidence",
        numeric: true,
        get: (e) => (e.confidence == null ? null : e.confidence),
        show: confidenceCell,
      },
      {
        key: "articles",
        label: "col.articles",
        get: (e) => articlesOf(e).map((a) => a + 1).join(", "),
        show: (e) => {
          const list = articlesOf(e);
          return h("span", { title: list.map((a) => articleTitle(report, a)).join("\n"), textContent: list.map((a) => a + 1).join(", ") });
        },
      },
    ],
    filters: [
      {
        key: "type",
        label: "type.all",
        options: TYPES.map((v) => ({ value: v, label: `${typeLabel(v)} (${v})` })),
        test: (e, v) => e.type === v,
      },
    ],
    search: (e) => [e.text, ...(e.aliases || [])].join(" "),
    rowClass: (e) => (e.confidence != null && e.confidence < LOW_CONFIDENCE ? "low-confidence" : ""),
    onRowClick: (e) => ctx.highlight((e.mentions || []).map((m) => m.span), { label: e.text }),
  });
  replace(container, table.el);
  return table;
}
