// Tiny DOM helpers. Strings always become text nodes or properties, never
// markup: nothing here parses HTML, so user data cannot turn into elements.

/**
 * Creates an element. `props` are assigned as properties (textContent,
 * className, type, value, onclick...), except `dataset`, `attrs` and `style`,
 * which are merged. Children may be nodes, strings (text), null or false.
 * @param {string} tag
 * @param {Record<string, any>} [props]
 * @param {...(Node|string|number|null|false|undefined)} children
 * @returns {HTMLElement}
 */
export function h(tag, props = {}, ...children) {
  const el = document.createElement(tag);
  setProps(el, props);
  append(el, children);
  return el;
}

const SVG_NS = "http://www.w3.org/2000/svg";

/**
 * Creates an SVG element; `attrs` are set with setAttribute.
 * @param {string} tag
 * @param {Record<string, string|number>} [attrs]
 * @param {...(Node|string|null|false|undefined)} children
 * @returns {SVGElement}
 */
export function svg(tag, attrs = {}, ...children) {
  const el = document.createElementNS(SVG_NS, tag);
  for (const [k, v] of Object.entries(attrs)) if (v != null) el.setAttribute(k, String(v));
  append(el, children);
  return el;
}

function setProps(el, props) {
  for (const [k, v] of Object.entries(props || {})) {
    if (v == null) continue;
    if (k === "dataset") Object.assign(el.dataset, v);
    else if (k === "attrs") for (const [a, av] of Object.entries(v)) { if (av != null && av !== false) el.setAttribute(a, String(av)); }
    else if (k === "style") Object.assign(el.style, v);
    else if (k === "class") el.className = v;
    else el[k] = v;
  }
}

function append(el, children) {
  for (const c of children.flat(Infinity)) {
    if (c == null || c === false) continue;
    el.append(typeof c === "number" ? String(c) : c);
  }
}

/** Removes every child of `el`, then appends `children`. */
export function replace(el, ...children) {
  el.replaceChildren();
  append(el, children);
  return el;
}

/** `querySelector` shorthand. */
export const qs = (sel, root = document) => root.querySelector(sel);
/** `querySelectorAll` as an array. */
export const qsa = (sel, root = document) => [...root.querySelectorAll(sel)];

/** addEventListener shorthand; returns a function that removes it. */
export function on(target, type, fn, opts) {
  target.addEventListener(type, fn, opts);
  return () => target.removeEventListener(type, fn, opts);
}

/** Calls `fn` after `ms` of quiet; `.cancel()` drops a pending call. */
export function debounce(fn, ms) {
  let t = 0;
  const d = (...args) => {
    clearTimeout(t);
    t = setTimeout(() => fn(...args), ms);
  };
  d.cancel = () => clearTimeout(t);
  return d;
}

/** Sends a bubbling CustomEvent from `el` (views talk upward this way). */
export function emit(el, type, detail) {
  el.dispatchEvent(new CustomEvent(type, { detail, bubbles: true }));
}
