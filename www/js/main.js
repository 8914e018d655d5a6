// Boot: start the worker client (it loads wasm + dictionary at once), mount
// the input, run analyses one at a time (latest request wins), render the
// views, switch tabs, and register the service worker when it exists.
import { h, qs, qsa, on, replace } from "./dom.js";
import { t, fmt, getLang, setLang, onLangChange, applyStatic } from "./i18n.js";
import { WorkerClient } from "./client.js";
import { download, downloadJson, stamp } from "./export.js";
import { forget } from "./memory.js";
import { charCount } from "./format.js";
import * as input from "./views/input.js";
import * as overview from "./views/overview.js";
import * as entities from "./views/entities.js";
import * as figures from "./views/figures.js";
import * as textView from "./views/text.js";
import * as words from "./views/words.js";
import * as history from "./history.js";

/** Ask for the cleaned text only below this size (it doubles the report). */
const CLEAN_TEXT_LIMIT = 2_000_000;
/** Share of the progress bar per stage: [from, to] percent. */
const STAGES = { decode: [0, 2], clean: [0, 5], tag: [5, 80], entities: [80, 88], figures: [88, 92], digest: [92, 99], done: [100, 100] };

const el = {
  engine: qs("#engine-status"),
  status: qs("#status"),
  progressBox: qs("#progress-box"),
  progress: qs("#progress"),
  progressLabel: qs("#progress-label"),
  cancel: qs("#cancel"),
  analyze: qs("#analyze"),
  results: qs("#results"),
  exportReport: qs("#export-report"),
  exportXlsx: qs("#export-xlsx"),
  print: qs("#print"),
  brief: qs("#print-brief"),
  panels: {
    overview: qs("#panel-overview"),
    entities: qs("#panel-entities"),
    figures: qs("#panel-figures"),
    text: qs("#panel-text"),
    words: qs("#panel-words"),
  },
};

/** What the page knows; exposed as window.wenxi for tests and the console. */
const state = {
  /** The analysed text: the report's spans index it. */
  text: "",
  report: null,
  /** Timings of the last analysis, ms. */
  timing: null,
  /** Engine start-up timing (ms): worker phases and page-side ready time. */
  startup: null,
  running: null,
  wanted: null,
  textView: null,
};

/** The status line: a string, or a function giving it (re-run when the language changes). */
let statusText = () => "";
function status(msg, kind = "info") {
  statusText = typeof msg === "function" ? msg : () => msg;
  el.status.textContent = statusText();
  el.status.dataset.kind = kind;
}

// ---- worker ----
const client = new WorkerClient(new URL("./worker.js", import.meta.url));
function showEngine() {
  const s = client.state;
  el.engine.dataset.state = s;
  el.engine.textContent = s === "ready" ? t("status.ready") : s === "loading" ? t("status.loading") : t("status.loadFailed", client.lastError || "");
}
client.addEventListener("state", (ev) => {
  if (ev.detail.state === "failed") client.lastError = ev.detail.message;
  // Start-up timing, for the tests and the browser benchmark.
  if (ev.detail.state === "ready") state.startup = { readyMs: ev.detail.ms, workerMs: ev.detail.workerMs, ...ev.detail.phases };
  showEngine();
  if (ev.detail.state === "failed") status(() => t("status.loadFailed", ev.detail.message), "error");
});
showEngine();

// ---- analysis: one at a time, latest request wins ----
function setProgress(p) {
  const [a, b] = STAGES[p.stage] || [0, 0];
  const pct = p.stage === "done" ? 100 : a + ((b - a) * (p.total ? p.done / p.total : 0));
  el.progress.value = pct;
  el.progressBox.dataset.stage = p.stage;
  el.progressLabel.textContent = `${t(`stage.${p.stage}`)} ${Math.round(pct)}%`;
}

async function runOne(text) {
  const ctrl = new AbortController();
  state.running = ctrl;
  el.cancel.hidden = false;
  el.progressBox.hidden = false;
  el.results.setAttribute("aria-busy", "true");
  setProgress({ stage: "clean", done: 0, total: 1 });
  status(() => (client.state === "ready" ? t("status.analyzing") : t("status.loading")));
  const options = { include_clean_text: text.length <= CLEAN_TEXT_LIMIT };
  try {
    const t0 = performance.now();
    const res = await client.analyze(text, options, { signal: ctrl.signal, onProgress: setProgress });
    const t1 = performance.now();
    state.text = text;
    state.report = res.report;
    forget();
    renderAll();
    const t2 = performance.now();
    state.timing = {
      total: t2 - t0,
      analyze: res.ms,
      worker: res.workerMs,
      waited: res.waitedMs,
      delivery: res.deliveryMs,
      parse: res.parseMs,
      render: t2 - t1,
      wasmBytes: res.wasmBytes,
    };
    const chars = charCount(text);
    status(() => t("status.done", fmt(chars), fmt(Math.round(t2 - t0))), "ok");
    document.body.dataset.analyses = String(Number(document.body.dataset.analyses || 0) + 1);
    historyCtl.record(text, res.report);
  } catch (e) {
    if (e.name === "AbortError") status(() => t("status.cancelled"), "warn");
    else status(() => t("status.error", e.message || e), "error");
  } finally {
    state.running = null;
    el.cancel.hidden = true;
    el.progressBox.hidden = true;
    el.results.removeAttribute("aria-busy");
  }
}

async function analyze(text, { auto = false } = {}) {
  if (!text || !text.trim()) {
    if (!auto) status(() => t("status.empty"), "error");
    return;
  }
  state.wanted = text;
  if (state.running) return;
  while (state.wanted != null) {
    const next = state.wanted;
    state.wanted = null;
    await runOne(next);
  }
}

on(el.cancel, "click", () => {
  state.wanted = null;
  state.running?.abort();
});
on(document, "keydown", (e) => {
  if (e.key === "Escape" && state.running) {
    state.wanted = null;
    state.running.abort();
  }
});

// ---- views ----
const ctx = {
  get text() {
    return state.text;
  },
  status,
  highlight(spans) {
    selectTab("text");
    state.textView?.highlight(spans);
  },
  /** Opens the Words tab with the keyword-in-context of `term`. */
  showKwic(term) {
    selectTab("words");
    state.wordsView?.search(term);
    qs("#kwic-input")?.focus();
  },
  async kwic(term, context, limit) {
    return client.kwic(state.text, term, context, limit);
  },
};

/** Views render when their tab is first shown after an analysis. */
const VIEWS = {
  overview: (r) => overview.render(el.panels.overview, r, ctx),
  entities: (r) => entities.render(el.panels.entities, r, ctx),
  figures: (r) => figures.render(el.panels.figures, r, ctx),
  text: (r) => {
    state.textView = textView.render(el.panels.text, r, ctx);
  },
  words: (r) => {
    state.wordsView = words.render(el.panels.words, r, ctx);
  },
};
/** Views whose panel shows an older report (or an older language). */
let stale = new Set();

function renderView(name) {
  const r = state.report;
  if (!r || !stale.has(name)) return;
  stale.delete(name);
  const t0 = performance.now();
  VIEWS[name](r);
  state.renderTimes[name] = Math.round(performance.now() - t0);
}

function renderAll() {
  if (!state.report) return;
  el.results.dataset.state = "done";
  stale = new Set(Object.keys(VIEWS));
  state.renderTimes = {};
  renderView(el.results.dataset.tab || "overview");
  el.exportReport.disabled = false;
  el.exportXlsx.disabled = false;
  el.print.disabled = false;
}

// ---- tabs (WAI-ARIA tabs: arrows move, Home/End jump) ----
const tabs = qsa('[role="tab"]');
function selectTab(name, focus = false) {
  renderView(name);
  for (const tab of tabs) {
    const on_ = tab.dataset.tab === name;
    tab.setAttribute("aria-selected", String(on_));
    tab.tabIndex = on_ ? 0 : -1;
    if (on_ && focus) tab.focus();
    el.panels[tab.dataset.tab].hidden = !on_;
  }
  el.results.dataset.tab = name;
}
for (const tab of tabs) {
  on(tab, "click", () => selectTab(tab.dataset.tab));
  on(tab, "keydown", (e) => {
    const i = tabs.indexOf(tab);
    const j = { ArrowRight: i + 1, ArrowLeft: i - 1, Home: 0, End: tabs.length - 1 }[e.key];
    if (j == null) return;
    e.preventDefault();
    selectTab(tabs[(j + tabs.length) % tabs.length].dataset.tab, true);
  });
}

// ---- toolbar ----
on(el.exportReport, "click", () => {
  if (state.report) downloadJson(`${stamp("report")}.json`, state.report);
});
// The Excel writer loads on the first click only (the service worker has it cached).
on(el.exportXlsx, "click", async () => {
  if (!state.report) return;
  const { text, report } = state;
  try {
    const { reportWorkbook } = await import("./xlsx.js");
    download(`${stamp("report")}.xlsx`, reportWorkbook(text, report));
  } catch (e) {
    status(() => t("xlsx.failed", e.message || e), "error");
  }
});
let briefFor = null;
function buildBrief() {
  if (state.report && briefFor !== state.report) {
    overview.renderBrief(el.brief, state.report, ctx);
    briefFor = state.report;
  }
}
on(window, "beforeprint", buildBrief);
on(el.print, "click", () => {
  buildBrief();
  window.print();
});
// ---- help: a modal dialog (Esc closes it; focus goes back to the button) ----
const help = qs("#help");
const helpBtn = qs("#help-button");
on(helpBtn, "click", () => help.showModal());
on(qs("#help-close"), "click", () => help.close());
on(help, "close", () => helpBtn.focus());
// A click on the backdrop (outside the dialog's box) closes it too.
on(help, "click", (e) => {
  if (e.target === help) help.close();
});

const langBtn = qs("#lang-toggle");
on(langBtn, "click", () => setLang(getLang() === "zh" ? "en" : "zh"));
onLangChange(() => {
  showEngine();
  el.status.textContent = statusText();
  briefFor = null;
  renderAll();
});

applyStatic();
const inputCtl = input.mount({ client, analyze, status });
const historyCtl = history.mount({
  restore: inputCtl.restore,
  show: (text, report) => {
    // A reopened analysis wins over one still running.
    state.wanted = null;
    state.running?.abort();
    show(text, report);
  },
  status,
});
if (location.hash === "#sample") inputCtl.loadSample();

// ---- service worker (www/js/sw-bridge.js may not exist yet) ----
import("./sw-bridge.js")
  .then((m) =>
    m.registerServiceWorker?.(
      (apply) => {
        const btn = h("button", { type: "button", className: "btn small", textContent: t("status.updateApply") });
        btn.onclick = () => {
          if (!state.running) apply();
        };
        replace(qs("#update-banner"), t("status.update"), " ", btn);
        qs("#update-banner").hidden = false;
      },
      { onOfflineReady: () => status(() => t("status.offline"), "ok") },
    ),
  )
  .catch(() => {
    /* no service worker in this build */
  });

/** Shows a report for `text` without analysing (tests, console). */
function show(text, report) {
  state.text = text;
  state.report = report;
  forget();
  renderAll();
}

window.wenxi = { state, client, analyze, selectTab, ctx, buildBrief, show, history: historyCtl };
