// Arithmetic checks (report.checks): a rate beside its part and total, parts
// beside their sum, a growth rate beside both values. One row per check with
// its verdict (consistent, inconsistent with the computed value, or not
// checkable); clicking a row highlights its figures in the Text tab. Shown
// above the figures table; sorts, filters and exports like every table.
import { h } from "../dom.js";
import { t, fmt } from "../i18n.js";
import { createTable } from "./table.js";
import { oneLine } from "../format.js";

const STATUSES = ["inconsistent", "uncheckable", "consistent"];
const CONTEXT = 80;

/** The computed value as the stated figure prints it: a percent, or an amount. */
function computedText(c, report) {
  const n = fmt(c.computed, { maximumFractionDigits: 2 });
  if (c.kind === "sum") return `${n}${report.figures[c.figures[0]]?.unit ?? ""}`;
  return `${n}%`;
}

/** The verdict, with the computed value when the text disagrees with it. */
function statusText(c, report) {
  if (c.status === "inconsistent") return t("check.inconsistent", computedText(c, report));
  return t(`check.${c.status}`);
}

/**
 * Builds the checks table, or null when the report has none.
 * @param {any} report
 * @param {{text: string, highlight: Function, status: Function}} ctx
 * @returns {HTMLElement|null}
 */
export function checksSection(report, ctx) {
  const rows = report.checks || [];
  if (!rows.length) return null;
  const text = ctx.text;
  const surface = (i) => report.figures[i]?.surface ?? "";
  const context = (c) => oneLine(text.slice(c.span.start, c.span.end), CONTEXT);
  const table = createTable({
    name: "checks",
    caption: t("check.title"),
    rows,
    onStatus: ctx.status,
    columns: [
      {
        key: "status",
        label: "col.status",
        get: (c) => c.status,
        show: (c) => h("span", { className: "check-status", dataset: { status: c.status }, textContent: statusText(c, report) }),
        csv: (c) => t(`check.status.${c.status}`),
        className: "nowrap",
      },
      { key: "kind", label: "col.kind", get: (c) => c.kind, show: (c) => t(`check.kind.${c.kind}`), csv: (c) => t(`check.kind.${c.kind}`), className: "nowrap" },
      { key: "stated", label: "col.stated", get: (c) => surface(c.figures[0]), className: "nowrap" },
      { key: "computed", label: "col.computed", numeric: true, get: (c) => c.computed, show: (c) => computedText(c, report), className: "nowrap" },
      { key: "formula", label: "col.formula", get: (c) => c.formula, className: "nowrap" },
      { key: "figures", label: "col.figures", get: (c) => c.figures.slice(1).map(surface).join("、") },
      { key: "context", label: "col.context", get: (c) => context(c), className: "context" },
    ],
    filters: [
      {
        key: "status",
        label: "check.all",
        options: STATUSES.filter((s) => rows.some((c) => c.status === s)).map((s) => ({ value: s, label: t(`check.status.${s}`) })),
        test: (c, v) => c.status === v,
      },
    ],
    onRowClick: (c) => ctx.highlight(c.figures.map((i) => report.figures[i].span), { label: surface(c.figures[0]) }),
  });
  return h(
    "section",
    { className: "checks", attrs: { "aria-labelledby": "checks-title" } },
    h("h3", { id: "checks-title", textContent: t("check.title") }),
    h("p", { className: "note", textContent: t("check.note") }),
    table.el,
  );
}
