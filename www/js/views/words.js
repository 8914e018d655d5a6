// Words: term frequencies (POS filter, search; stop words hidden unless the
// reader asks) and keyword in context. KWIC uses the worker's wasm `kwic`
// when the build has it, else a plain search. Tags show with readable names.
import { h, replace, debounce } from "../dom.js";
import { t, fmt } from "../i18n.js";
import { createTable } from "./table.js";
import { articleTitle, posLabel, classLabel } from "../format.js";
import { remember } from "../memory.js";

const KWIC_LIMIT = 500;
const KWIC_CONTEXT = 24;

/**
 * @param {HTMLElement} container
 * @param {any} report
 * @param {{text: string, highlight: Function, status: Function, kwic: (term: string, context: number, limit: number) => Promise<{hits: any[]}>}} ctx
 */
export function render(container, report, ctx) {
  const all = report.words || [];
  // Stop words (的, 了, 和, 等) are hidden unless the reader asks for them.
  const kept = remember("words", () => ({ showStop: false, kwic: "" }));
  const nStop = all.filter((w) => w.stop).length;
  const hasClass = all.some((w) => w.class != null);
  const posCell = (w) => h("span", { className: "pos" }, posLabel(w.pos), " ", h("small", { className: "muted", textContent: w.pos }));

  function buildTable() {
    const rows = kept.showStop ? all : all.filter((w) => !w.stop);
    const posCounts = new Map();
    for (const w of rows) posCounts.set(w.pos, (posCounts.get(w.pos) || 0) + 1);
    const columns = [
      { key: "word", label: "col.word", get: (w) => w.word, className: "strong" },
      { key: "pos", label: "col.pos", get: (w) => w.pos, show: posCell, csv: (w) => `${posLabel(w.pos)} (${w.pos})` },
    ];
    if (hasClass) columns.push({ key: "class", label: "col.class", get: (w) => w.class ?? "", show: (w) => classLabel(w.class), csv: (w) => classLabel(w.class) });
    columns.push({ key: "count", label: "col.count", numeric: true, get: (w) => w.count, show: (w) => fmt(w.count) });
    return createTable({
      name: "words",
      caption: t("words.title"),
      rows,
      onStatus: ctx.status,
      columns,
      filters: [
        {
          key: "pos",
          label: "pos.all",
          options: [...posCounts].sort((a, b) => b[1] - a[1]).map(([p, n]) => ({ value: p, label: `${posLabel(p)} ${p} (${n})` })),
          test: (w, v) => w.pos === v,
        },
      ],
      search: (w) => w.word,
      onRowClick: (w) => {
        input.value = w.word;
        run();
        input.focus();
      },
    });
  }
  let table = buildTable();
  const tableBox = h("div", { className: "words-table" }, table.el);
  const stopBox = h("input", { type: "checkbox", id: "show-stop", checked: kept.showStop });
  const stopNote = h("span", { className: "muted", textContent: !kept.showStop && nStop ? ` · ${t("words.stopHidden", fmt(nStop))}` : "" });
  stopBox.onchange = () => {
    kept.showStop = stopBox.checked;
    stopNote.textContent = !kept.showStop && nStop ? ` · ${t("words.stopHidden", fmt(nStop))}` : "";
    table = buildTable();
    replace(tableBox, table.el);
  };
  const stopToggle = h("label", { className: "toggle stop-toggle" }, stopBox, " ", t("words.showStop"), stopNote);

  const input = h("input", {
    type: "search",
    id: "kwic-input",
    className: "kwic-input",
    placeholder: t("words.kwicPlaceholder"),
    attrs: { "aria-label": t("words.kwic") },
  });
  const info = h("span", { className: "kwic-info", attrs: { "aria-live": "polite" } });
  const list = h("ol", { className: "kwic-list" });
  let seq = 0;
  async function run() {
    kept.kwic = input.value;
    const term = input.value.trim();
    const mine = ++seq;
    if (!term) {
      replace(list);
      info.textContent = "";
      return;
    }
    let res;
    try {
      res = await ctx.kwic(term, KWIC_CONTEXT, KWIC_LIMIT);
    } catch (e) {
      if (mine === seq) info.textContent = String(e.message || e);
      return;
    }
    if (mine !== seq) return;
    const hits = res.hits || [];
    info.textContent = hits.length
      ? t("words.kwicHits", fmt(hits.length)) + (hits.length >= KWIC_LIMIT ? " · " + t("words.kwicMore", fmt(KWIC_LIMIT)) : "")
      : t("words.kwicNone");
    replace(
      list,
      hits.map((hit) => {
        const b = h(
          "button",
          { type: "button", className: "kwic-hit", title: hit.article != null ? articleTitle(report, hit.article) : "" },
          h("span", { className: "kwic-left", textContent: (hit.left || "").replace(/\s+/g, " ") }),
          h("mark", { className: "hit", textContent: hit.hit ?? term }),
          h("span", { className: "kwic-right", textContent: (hit.right || "").replace(/\s+/g, " ") }),
        );
        b.onclick = () => ctx.highlight([hit.span], { label: term });
        return h("li", {}, b);
      }),
    );
  }
  input.addEventListener("input", debounce(run, 250));
  input.addEventListener("keydown", (e) => {
    if (e.key === "Enter") run();
  });

  replace(
    container,
    h(
      "div",
      { className: "words-grid" },
      h("section", { className: "panel" }, h("h3", { textContent: t("words.title") }), stopToggle, tableBox),
      h("section", { className: "panel" }, h("h3", {}, h("label", { htmlFor: "kwic-input", textContent: t("words.kwic") })), h("div", { className: "kwic-bar" }, input, info), list),
    ),
  );
  // The query the reader typed before a language switch.
  if (kept.kwic) {
    input.value = kept.kwic;
    run();
  }
  return { table, search: (term) => { input.value = term; return run(); } };
}
