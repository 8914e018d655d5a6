// The one generic table: sort by any column (click or Enter on a header),
// filter selects, a search box, pages of `pageSize` rows, and CSV / JSON /
// clipboard export of every row that passes the filters (not only the page).
// Sort, filters, search and page are remembered per table name while the
// report stays the same (memory.js). On a phone each row is a card whose
// cells carry their column's name (data-label).
import { h, replace, debounce } from "../dom.js";
import { t, fmt } from "../i18n.js";
import { downloadCsv, downloadJson, copyText, toTsv, stamp } from "../export.js";
import { remember } from "../memory.js";

/**
 * @typedef {object} Column
 * @property {string} key  stable name (JSON export key, data-col)
 * @property {string} label  i18n key of the header
 * @property {(row: any) => any} get  raw value: sorting and JSON export
 * @property {(row: any) => (string|Node)} [show]  cell content (default: text of get)
 * @property {(row: any) => any} [csv]  CSV value (default: get)
 * @property {boolean} [numeric]  right-aligned, sorts descending first
 * @property {string} [className]
 */

/**
 * @typedef {object} Filter
 * @property {string} key
 * @property {string} label  i18n key of the "all" option and the aria-label
 * @property {{value: string, label: string}[]} options
 * @property {(row: any, value: string) => boolean} test
 */

const collator = new Intl.Collator("zh-CN", { numeric: true });

function compare(a, b) {
  if (a == null || a === "") return b == null || b === "" ? 0 : 1;
  if (b == null || b === "") return -1;
  if (typeof a === "number" && typeof b === "number") return a - b;
  if (Array.isArray(a) && Array.isArray(b)) return compare(a[0], b[0]);
  return collator.compare(String(a), String(b));
}

/**
 * Builds a table.
 * @param {{name: string, columns: Column[], rows: any[], filters?: Filter[],
 *   search?: (row: any) => string, pageSize?: number, onRowClick?: (row: any) => void,
 *   rowClass?: (row: any) => string,
 *   sort?: {key: string, dir: 1|-1}, caption?: string, onStatus?: (msg: () => string) => void}} spec
 * @returns {{el: HTMLElement, setFilter: (key: string, value: string) => void, view: () => any[]}}
 */
export function createTable(spec) {
  const { name, columns, rows, filters = [], search, pageSize = 200, onRowClick, caption, rowClass } = spec;
  // Kept across re-renders of the same report (a language switch).
  const state = remember(`table:${name}`, () => ({ sort: spec.sort || null, filters: {}, query: "", typed: "", page: 0 }));
  let view = rows;

  const count = h("span", { className: "table-count", attrs: { "aria-live": "polite" } });
  const filterEls = filters.map((f) => {
    const sel = h(
      "select",
      { className: "table-filter", dataset: { filter: f.key }, attrs: { "aria-label": t(f.label) } },
      h("option", { value: "", textContent: t(f.label) }),
      f.options.map((o) => h("option", { value: o.value, textContent: o.label })),
    );
    const kept = state.filters[f.key];
    if (kept && f.options.some((o) => o.value === kept)) sel.value = kept;
    else delete state.filters[f.key];
    sel.addEventListener("change", () => {
      state.filters[f.key] = sel.value;
      state.page = 0;
      update();
    });
    return sel;
  });
  const searchBox = search
    ? h("input", {
        type: "search",
        className: "table-search",
        placeholder: t("table.search"),
        attrs: { "aria-label": t("table.search") },
      })
    : null;
  if (searchBox) searchBox.value = state.typed || "";
  searchBox?.addEventListener(
    "input",
    debounce(() => {
      state.typed = searchBox.value;
      state.query = searchBox.value.trim().toLowerCase();
      state.page = 0;
      update();
    }, 150),
  );

  const exportRows = () => view.map((r) => columns.map((c) => (c.csv ? c.csv(r) : c.get(r))));
  const header = () => columns.map((c) => t(c.label));
  const csvBtn = h("button", { type: "button", className: "btn small", textContent: t("table.csv"), dataset: { export: "csv" } });
  csvBtn.onclick = () => downloadCsv(`${stamp(name)}.csv`, header(), exportRows());
  const jsonBtn = h("button", { type: "button", className: "btn small", textContent: t("table.json"), dataset: { export: "json" } });
  jsonBtn.onclick = () =>
    downloadJson(`${stamp(name)}.json`, view.map((r) => Object.fromEntries(columns.map((c) => [c.key, c.get(r) ?? null]))));
  const copyBtn = h("button", { type: "button", className: "btn small", textContent: t("table.copy"), dataset: { export: "copy" } });
  copyBtn.onclick = async () => {
    const ok = await copyText(toTsv(header(), exportRows()));
    spec.onStatus?.(() => t(ok ? "status.copied" : "status.copyFailed"));
  };

  const toolbar = h("div", { className: "table-toolbar" }, filterEls, searchBox, count, h("span", { className: "spacer" }), csvBtn, jsonBtn, copyBtn);

  const ths = columns.map((c) => {
    const btn = h("button", { type: "button", className: "th-sort", textContent: t(c.label), title: t("table.sortBy", t(c.label)) });
    btn.onclick = () => {
      const dir = state.sort?.key === c.key ? -state.sort.dir : c.numeric ? -1 : 1;
      state.sort = { key: c.key, dir };
      state.page = 0;
      update();
    };
    return h("th", { scope: "col", className: c.numeric ? "num" : "", dataset: { col: c.key } }, btn);
  });
  const tbody = h("tbody");
  const table = h(
    "table",
    { className: "data-table", dataset: { table: name } },
    caption ? h("caption", { className: "sr-only", textContent: caption }) : null,
    h("thead", {}, h("tr", {}, ths)),
    tbody,
  );
  const pager = h("div", { className: "pager" });
  const el = h("div", { className: "table-wrap", dataset: { tableWrap: name } }, toolbar, h("div", { className: "table-scroll" }, table), pager);

  function computeView() {
    let v = rows;
    for (const f of filters) {
      const val = state.filters[f.key];
      if (val) v = v.filter((r) => f.test(r, val));
    }
    if (state.query && search) v = v.filter((r) => search(r).toLowerCase().includes(state.query));
    if (state.sort) {
      const c = columns.find((x) => x.key === state.sort.key);
      const dir = state.sort.dir;
      // Stable: equal values keep the report's order.
      v = v.map((r, i) => [r, i]).sort((a, b) => compare(c.get(a[0]), c.get(b[0])) * dir || a[1] - b[1]).map((x) => x[0]);
    }
    return v;
  }

  function row(r) {
    const tr = h(
      "tr",
      {},
      columns.map((c) => {
        const content = c.show ? c.show(r) : c.get(r);
        // data-label names the cell where a phone shows each row as a card.
        return h("td", { className: [c.numeric ? "num" : "", c.className || ""].join(" ").trim(), dataset: { label: t(c.label) } }, content ?? "");
      }),
    );
    const cls = rowClass ? rowClass(r) : "";
    if (cls) tr.classList.add(cls);
    if (onRowClick) {
      tr.tabIndex = 0;
      tr.classList.add("clickable");
      tr.onclick = () => onRowClick(r);
      tr.onkeydown = (e) => {
        if (e.key === "Enter" || e.key === " ") {
          e.preventDefault();
          onRowClick(r);
        }
      };
    }
    return tr;
  }

  function update() {
    view = computeView();
    const pages = Math.max(1, Math.ceil(view.length / pageSize));
    state.page = Math.min(state.page, pages - 1);
    const slice = view.slice(state.page * pageSize, (state.page + 1) * pageSize);
    replace(tbody, slice.length ? slice.map(row) : h("tr", {}, h("td", { colSpan: columns.length, className: "empty", textContent: t("table.empty") })));
    count.textContent = view.length === rows.length ? t("table.rows", fmt(rows.length)) : t("table.rowsOf", fmt(view.length), fmt(rows.length));
    for (const [i, c] of columns.entries()) {
      const s = state.sort?.key === c.key ? (state.sort.dir > 0 ? "ascending" : "descending") : "none";
      ths[i].setAttribute("aria-sort", s);
    }
    if (pages > 1) {
      const prev = h("button", { type: "button", className: "btn small", textContent: t("table.prev"), disabled: state.page === 0 });
      const next = h("button", { type: "button", className: "btn small", textContent: t("table.next"), disabled: state.page >= pages - 1 });
      prev.onclick = () => { state.page--; update(); };
      next.onclick = () => { state.page++; update(); };
      replace(pager, prev, h("span", { textContent: t("table.page", fmt(state.page + 1), fmt(pages)) }), next);
    } else replace(pager);
  }
  update();

  return {
    el,
    view: () => view,
    setFilter(key, value) {
      const i = filters.findIndex((f) => f.key === key);
      if (i < 0) return;
      filterEls[i].value = value;
      state.filters[key] = value;
      state.page = 0;
      update();
    },
  };
}
