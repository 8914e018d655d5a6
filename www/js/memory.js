// What the reader set up in the views of one report (table sort, filters,
// search and page; the KWIC query; the stop-word switch; the text view's
// selection): kept while the views re-render for another language, and
// forgotten when a new report arrives.

const memory = new Map();

/**
 * The remembered object under `key`, made by `init()` the first time.
 * Views mutate it as the reader changes things.
 * @template T
 * @param {string} key
 * @param {() => T} init
 * @returns {T}
 */
export function remember(key, init) {
  if (!memory.has(key)) memory.set(key, init());
  return memory.get(key);
}

/** Forgets everything (a new report). */
export function forget() {
  memory.clear();
}
