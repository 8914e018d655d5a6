// History: the last analyses (text and report) kept in this browser's
// IndexedDB, nowhere else. Listed under the input; one click reopens an entry
// (asking first before it replaces text the user typed), one click deletes
// it. A failed save (storage full, storage off) is said in the list's note and
// touches nothing else: the text stays in the box.
import { h, qs, replace } from "./dom.js";
import { t, fmt, getLang, onLangChange } from "./i18n.js";
import { headingText, oneLine, charCount } from "./format.js";

/** Entries kept; the oldest beyond this are deleted. */
export const KEEP = 10;
/** Texts longer than this (UTF-16 units) are not kept: their reports run to tens of MB. */
export const SAVE_LIMIT = 2_000_000;

const DB = "wenxi";
let dbp = null;
function db() {
  dbp ||= new Promise((resolve, reject) => {
    const req = indexedDB.open(DB, 1);
    req.onupgradeneeded = () => {
      // meta: what the list shows; data: the text and the report, read on reopen.
      req.result.createObjectStore("meta", { keyPath: "id", autoIncrement: true });
      req.result.createObjectStore("data");
    };
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
  dbp.catch(() => (dbp = null));
  return dbp;
}

/** Runs `fn(stores)` in one transaction; resolves with its result when the transaction commits. */
async function tx(mode, fn) {
  const d = await db();
  return new Promise((resolve, reject) => {
    let out;
    try {
      const x = d.transaction(["meta", "data"], mode);
      x.oncomplete = () => resolve(out);
      x.onabort = x.onerror = () => reject(x.error || new DOMException("aborted", "AbortError"));
      Promise.resolve(fn({ meta: x.objectStore("meta"), data: x.objectStore("data") })).then((v) => (out = v), reject);
    } catch (e) {
      reject(e);
    }
  });
}
const req = (r) => new Promise((resolve, reject) => ((r.onsuccess = () => resolve(r.result)), (r.onerror = () => reject(r.error))));

/** Every entry's meta, newest first. */
export const list = () => tx("readonly", ({ meta }) => req(meta.getAll())).then((all) => all.sort((a, b) => b.id - a.id));

/** The text and report of entry `id`. */
export const load = (id) => tx("readonly", ({ data }) => req(data.get(id)));

/** Deletes entry `id`. */
export const remove = (id) => tx("readwrite", ({ meta, data }) => (meta.delete(id), data.delete(id)));

/**
 * Saves an analysis; `replace` (an id) overwrites that entry instead of
 * adding one. Keeps the newest KEEP entries. Resolves with the entry's id.
 */
export function save(text, report, replaceId = null) {
  const a = report.articles?.[0];
  const m = {
    at: Date.now(),
    title: oneLine(headingText(a?.title) || text, 40),
    chars: charCount(text),
    articles: report.articles?.length || 0,
  };
  if (replaceId != null) m.id = replaceId;
  return tx("readwrite", async ({ meta, data }) => {
    const id = await req(meta.put(m));
    data.put({ text, report }, id);
    const keys = await req(meta.getAllKeys());
    for (const k of keys.slice(0, Math.max(0, keys.length - KEEP))) {
      meta.delete(k);
      data.delete(k);
    }
    return id;
  });
}

/** True when `b` is an edit of `a` (typing on): they share at least half of the shorter. */
function sameText(a, b) {
  const n = Math.min(a.length, b.length);
  let i = 0;
  while (i < n && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  return i >= n / 2;
}

/**
 * Mounts the list under the input panel.
 * @param {{restore: (text: string) => Promise<boolean>, show: (text: string, report: any) => void, status: Function}} app
 */
export function mount(app) {
  const box = qs("#history");
  const items = qs("#history-list");
  const note = qs("#history-note");
  let entries = [];
  /** The entry this page saved last, and its text: typing on overwrites it. */
  let mine = null;
  let failure = null;

  const when = (ms) => new Intl.DateTimeFormat(getLang() === "en" ? "en-GB" : "zh-CN", { dateStyle: "short", timeStyle: "short" }).format(ms);
  function render() {
    note.textContent = failure ? failure() : "";
    note.hidden = !failure;
    box.hidden = !entries.length && !failure;
    replace(
      items,
      entries.map((e) => {
        const open = h("button", { type: "button", className: "linkish", dataset: { open: String(e.id) } }, h("span", { className: "h-title", textContent: e.title }), " ", h("small", { className: "muted", textContent: t("history.meta", when(e.at), fmt(e.chars)) }));
        open.onclick = () => reopen(e);
        const del = h("button", { type: "button", className: "btn small", textContent: t("history.delete"), dataset: { delete: String(e.id) }, attrs: { "aria-label": t("history.deleteLabel", e.title) } });
        del.onclick = () => drop(e);
        return h("li", { dataset: { id: String(e.id) } }, open, del);
      }),
    );
  }
  async function refresh() {
    try {
      entries = await list();
    } catch {
      entries = [];
    }
    render();
  }
  async function reopen(e) {
    let d;
    try {
      d = await load(e.id);
    } catch (err) {
      d = null;
    }
    if (!d) {
      app.status(() => t("history.gone"), "error");
      return refresh();
    }
    if (!(await app.restore(d.text))) return;
    mine = null;
    app.show(d.text, d.report);
    app.status(() => t("history.opened", e.title, when(e.at)), "ok");
  }
  async function drop(e) {
    const i = entries.indexOf(e);
    try {
      await remove(e.id);
    } catch {
      /* already gone */
    }
    if (mine?.id === e.id) mine = null;
    await refresh();
    // Focus stays in the list: the next entry's delete button, else the
    // heading; with the list gone, the text box.
    const next = items.querySelectorAll("[data-delete]")[Math.min(i, entries.length - 1)];
    (next || (box.hidden ? qs("#input") : qs("#history-title"))).focus();
  }

  /** Called after each analysis. */
  async function record(text, report) {
    if (typeof indexedDB === "undefined") return;
    if (text.length > SAVE_LIMIT) {
      failure = () => t("history.tooLong", fmt(SAVE_LIMIT));
      return render();
    }
    try {
      const id = await save(text, report, mine && sameText(mine.text, text) ? mine.id : null);
      mine = { id, text };
      failure = null;
    } catch (e) {
      failure = e?.name === "QuotaExceededError" ? () => t("history.quota") : () => t("history.failed", e?.message || e?.name || String(e));
    }
    await refresh();
  }
  onLangChange(render);
  refresh();
  return { record, refresh };
}
