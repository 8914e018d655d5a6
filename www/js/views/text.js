// Text: the original input with persons, places, organizations and figures
// coloured, summary sentences marked, and the current selection (from the
// Entities, Figures or Words tab) outlined. The text is sliced at the report's
// UTF-16 spans into text nodes and <mark> elements. Long inputs are shown in
// parts of about CHUNK units, cut at line ends, so the DOM never holds more
// than one part's marks.
import { h, replace } from "../dom.js";
import { t, fmt } from "../i18n.js";
import { typeLabel } from "../format.js";
import { remember } from "../memory.js";

/** Units of text per rendered part. */
export const CHUNK = 100_000;

/** Splits [0, len) into parts of about `size`, ending after a newline when one is near. */
export function chunkBounds(text, size = CHUNK) {
  const out = [];
  let s = 0;
  while (s < text.length) {
    let e = Math.min(text.length, s + size);
    if (e < text.length) {
      const nl = text.indexOf("\n", e);
      if (nl !== -1 && nl - e < 4000) e = nl + 1;
      else {
        const code = text.charCodeAt(e);
        if (code >= 0xdc00 && code <= 0xdfff) e++; // never split a surrogate pair
      }
    }
    out.push([s, e]);
    s = e;
  }
  if (!out.length) out.push([0, 0]);
  return out;
}

/**
 * Cuts text[cs, ce) at the intervals' edges. Each interval is {s, e, c}
 * (c: a class name); overlapping intervals give one element with every class.
 * @returns {(Node)[]}
 */
export function markup(text, cs, ce, intervals) {
  const events = [];
  for (const iv of intervals) {
    const s = Math.max(cs, iv.s);
    const e = Math.min(ce, iv.e);
    if (s >= e) continue;
    events.push([s, 1, iv.c], [e, -1, iv.c]);
  }
  events.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const active = new Map();
  const nodes = [];
  let pos = cs;
  const flush = (to) => {
    if (to <= pos) return;
    const piece = text.slice(pos, to);
    if (active.size) nodes.push(h("mark", { className: [...active.keys()].join(" "), textContent: piece }));
    else plain(piece, nodes);
    pos = to;
  };
  for (const [p, d, c] of events) {
    flush(p);
    const n = (active.get(c) || 0) + d;
    if (n > 0) active.set(c, n);
    else active.delete(c);
  }
  flush(ce);
  return nodes;
}

/** Two or more line breaks with only blanks between them. */
const BLANK_RUN = /\n(?:[ \t\u3000\r]*\n)+/g;

/**
 * Appends text `s` as text nodes, each run of blank lines inside a
 * `span.gap` that the stylesheet shows as a small gap instead of a block of
 * empty lines (OCR pages are double-spaced). Every character stays in the
 * DOM, so the text view's text is still exactly the input.
 */
function plain(s, nodes) {
  let at = 0;
  for (const m of s.matchAll(BLANK_RUN)) {
    if (m.index > at) nodes.push(document.createTextNode(s.slice(at, m.index)));
    nodes.push(h("span", { className: "gap", textContent: m[0] }));
    at = m.index + m[0].length;
  }
  if (at < s.length) nodes.push(document.createTextNode(at ? s.slice(at) : s));
}

/** Every highlight interval of a report, sorted by start. */
function reportIntervals(report) {
  const out = [];
  const summary = new Set([...(report.digest?.summary || []), ...(report.digest?.articles || []).flatMap((a) => a.summary || [])]);
  for (const i of summary) {
    const s = report.sentences?.[i];
    if (s) out.push({ s: s.span.start, e: s.span.end, c: "m-sum" });
  }
  for (const ent of report.entities || []) {
    const c = `m-${String(ent.type).toLowerCase()}`;
    for (const m of ent.mentions || []) out.push({ s: m.span.start, e: m.span.end, c });
  }
  for (const f of report.figures || []) out.push({ s: f.span.start, e: f.span.end, c: "m-fig" });
  return out.sort((a, b) => a.s - b.s);
}

/**
 * @param {HTMLElement} container
 * @param {any} report
 * @param {{text: string}} ctx
 * @returns {{highlight: (spans: {start: number, end: number}[]) => void}}
 */
export function render(container, report, ctx) {
  const text = ctx.text;
  const kept = remember("text", () => ({ hits: null }));
  const intervals = reportIntervals(report);
  const maxLen = intervals.reduce((m, iv) => Math.max(m, iv.e - iv.s), 0);
  const parts = chunkBounds(text);
  let part = 0;
  let hits = [];
  let current = 0;
  let showClean = false;

  const legend = h(
    "div",
    { className: "legend", attrs: { "aria-label": t("text.legend") } },
    h("span", { className: "legend-title", textContent: t("text.legend") + "：" }),
    ["PER", "LOC", "ORG"].map((c) => h("mark", { className: `m-${c.toLowerCase()}`, textContent: typeLabel(c) })),
    h("mark", { className: "m-fig", textContent: t("text.figure") }),
    h("mark", { className: "m-sum", textContent: t("text.summary") }),
    h("mark", { className: "hit", textContent: t("text.hit") }),
  );
  const body = h("div", { className: "text-body", tabIndex: 0, attrs: { "aria-label": t("tab.text") } });
  const note = h("p", { className: "note", hidden: true, textContent: t("text.noHighlight") });

  const nav = h("div", { className: "text-nav" });
  const prev = h("button", { type: "button", className: "btn small", textContent: t("text.prev") });
  const next = h("button", { type: "button", className: "btn small", textContent: t("text.next") });
  const select = h("select", { attrs: { "aria-label": t("text.chunk", "", fmt(parts.length)) } });
  parts.forEach((_, i) => select.append(h("option", { value: String(i), textContent: t("text.chunk", fmt(i + 1), fmt(parts.length)) })));
  prev.onclick = () => show(part - 1);
  next.onclick = () => show(part + 1);
  select.onchange = () => show(Number(select.value));
  if (parts.length > 1) nav.append(prev, select, next);

  // Previous / next selected mention, across parts.
  const hitLabel = h("span", { className: "hit-pos", attrs: { "aria-live": "polite" } });
  const hitPrev = h("button", { type: "button", className: "btn small", textContent: t("text.hitPrev"), dataset: { hit: "prev" } });
  const hitNext = h("button", { type: "button", className: "btn small", textContent: t("text.hitNext"), dataset: { hit: "next" } });
  hitPrev.onclick = () => goHit(current - 1);
  hitNext.onclick = () => goHit(current + 1);
  const hitNav = h("div", { className: "hit-nav", hidden: true }, hitPrev, hitLabel, hitNext);

  let cleanToggle = null;
  if (typeof report.clean_text === "string") {
    const box = h("input", { type: "checkbox", id: "clean-toggle" });
    box.onchange = () => {
      showClean = box.checked;
      show(part);
      // The cleaned text shows no highlights: no counter either.
      hitNav.hidden = !showHitNav();
    };
    cleanToggle = h("label", { className: "toggle" }, box, " ", t("text.clean"));
  }

  replace(container, h("div", { className: "text-tools" }, legend, cleanToggle, hitNav, nav), note, body);

  /** The hit counter shows only while two or more highlights are on screen to step through. */
  function showHitNav() {
    return hits.length >= 2 && !showClean;
  }

  function intervalsIn(cs, ce) {
    // Binary search the first interval that may reach cs.
    let lo = 0;
    let hi = intervals.length;
    const from = cs - maxLen;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (intervals[mid].s < from) lo = mid + 1;
      else hi = mid;
    }
    const out = [];
    for (let i = lo; i < intervals.length && intervals[i].s < ce; i++) if (intervals[i].e > cs) out.push(intervals[i]);
    hits.forEach((sp, k) => {
      if (sp.start < ce && sp.end > cs) out.push({ s: sp.start, e: sp.end, c: `hit h${k}` });
    });
    return out;
  }

  function show(i) {
    part = Math.max(0, Math.min(parts.length - 1, i));
    select.value = String(part);
    prev.disabled = part === 0;
    next.disabled = part === parts.length - 1;
    note.hidden = !showClean;
    nav.hidden = showClean;
    if (showClean) {
      replace(body, report.clean_text);
      return;
    }
    const [cs, ce] = parts[part];
    replace(body, markup(text, cs, ce, intervalsIn(cs, ce)));
  }
  show(0);

  /** Shows hit `k` (wrapping): switches part if needed, scrolls to it, marks it current. */
  function goHit(k, focus = true) {
    if (!hits.length) return;
    current = ((k % hits.length) + hits.length) % hits.length;
    const sp = hits[current];
    const p = parts.findIndex(([s, e]) => sp.start >= s && sp.start < e);
    if (p >= 0 && (p !== part || showClean)) {
      showClean = false;
      if (cleanToggle) cleanToggle.querySelector("input").checked = false;
      show(p);
    }
    hitNav.hidden = !showHitNav();
    for (const m of body.querySelectorAll("mark.current")) m.classList.remove("current");
    const els = body.querySelectorAll(`mark.h${current}`);
    els.forEach((m) => m.classList.add("current"));
    hitLabel.textContent = t("text.hitPos", fmt(current + 1), fmt(hits.length));
    if (els[0] && focus) {
      els[0].scrollIntoView({ block: "center" });
      els[0].tabIndex = -1;
      els[0].focus({ preventScroll: true });
    }
  }

  function highlight(spans, quiet = false) {
    kept.hits = spans;
    hits = [...spans].filter((s) => s && s.end > s.start).sort((a, b) => a.start - b.start);
    if (cleanToggle) {
      cleanToggle.querySelector("input").checked = false;
      showClean = false;
    }
    hitNav.hidden = !showHitNav();
    const first = hits[0];
    const p = first ? parts.findIndex(([s, e]) => first.start >= s && first.start < e) : part;
    show(p < 0 ? part : p);
    goHit(0, !quiet);
  }
  // The selection made before a language switch.
  if (kept.hits) highlight(kept.hits, true);

  return {
    /** Outlines `spans`, shows the part holding the first and scrolls to it. */
    highlight,
  };
}
