// The module worker: loads wasm and the jieba dictionary once, as soon as it
// starts, keeps one Analyzer alive, and answers the messages in protocol.js.
//
// Start-up: building the analyzer from the 5 MB dictionary text is most of
// the time to "ready" (about 0.4 s in wasm). So after the first build the
// worker keeps a copy of the wasm linear memory (a snapshot taken right after
// the build, before any message is handled, so it holds no user text) in the
// Cache API, keyed by ENGINE (a hash of the wasm and the dictionary). Later
// starts copy it into the fresh instance instead of fetching and building.
import init, * as wasm from "../pkg/wenxi.js";
import { ENGINE } from "../pkg/engine.js";
import { TO_WORKER, TO_PAGE, DEFAULT_TRANSFER, PART_THRESHOLD, PART_ITEMS, PART_KEYS } from "./protocol.js";

const t0 = performance.now();
/** @type {any} */
let analyzer = null;
/** The wasm module's linear memory (its size is the engine's heap, reported with each result). */
let memory = null;

const post = (type, id, data, transfer) => self.postMessage({ type, id, data }, transfer || []);
const errorData = (e) => ({ message: String(e?.message ?? e), name: e?.name || "Error", code: e?.code, detail: e?.detail });

/** Start-up phases in ms since the worker started, and how the engine came to be (reported with READY). */
const phases = { source: "built" };
const mark = (name) => (phases[name] = Math.round(performance.now() - t0));

/**
 * Where the memory snapshot lives. Not named `wenxi-…`: the service worker
 * deletes those caches when a new version activates, while this one is
 * managed here (a new ENGINE replaces the old entry).
 */
const SNAPSHOT_CACHE = "wenxi.engine";
const snapshotUrl = new URL(`../pkg/engine-${ENGINE}.snapshot`, import.meta.url).href;
const PAGE = 65536;

/** The snapshot for this ENGINE as a Response (body not read yet), or null (none, no Cache API, any error). */
async function findSnapshot() {
  try {
    if (!self.caches) return null;
    return (await (await caches.open(SNAPSHOT_CACHE)).match(snapshotUrl)) || null;
  } catch {
    return null;
  }
}

/** Copies a snapshot into this fresh instance; true if the engine is there afterwards. */
function restore(buf) {
  const have = memory.buffer.byteLength;
  if (buf.byteLength < have || buf.byteLength % PAGE) return false;
  try {
    memory.grow((buf.byteLength - have) / PAGE);
  } catch {
    return false; // no room for it: build instead (nothing was written yet)
  }
  new Uint8Array(memory.buffer).set(new Uint8Array(buf));
  analyzer = wasm.Analyzer.restored() ?? null;
  if (!analyzer) {
    // The memory is now in an unknown state: drop the snapshot and fail; the next start builds.
    caches.open(SNAPSHOT_CACHE).then((c) => c.delete(snapshotUrl));
    throw new Error("the saved engine could not be restored; reload the page");
  }
  return true;
}

/** Stores a copy of the memory as it is right after the build (synchronous copy, then an async write). */
function saveSnapshot() {
  if (!self.caches) return;
  const copy = memory.buffer.slice(0);
  caches
    .open(SNAPSHOT_CACHE)
    .then(async (cache) => {
      for (const req of await cache.keys()) if (req.url !== snapshotUrl) await cache.delete(req);
      await cache.put(snapshotUrl, new Response(copy, { headers: { "content-type": "application/octet-stream" } }));
    })
    .catch(() => {
      /* storage full or unavailable: the next start builds again */
    });
}

const ready = (async () => {
  const dictUrl = new URL("../pkg/jieba-dict.txt", import.meta.url);
  const fetchDict = () =>
    fetch(dictUrl).then(async (r) => {
      if (!r.ok) throw new Error(`${dictUrl.pathname}: HTTP ${r.status}`);
      const text = await r.text();
      mark("dictionary");
      return text;
    });
  // While the wasm module compiles: read the snapshot if there is one, else fetch the dictionary.
  const [source] = await Promise.all([
    findSnapshot().then(async (res) => {
      mark("snapshotLookup");
      if (!res) return { dict: await fetchDict() };
      try {
        const buf = await res.arrayBuffer();
        mark("snapshotRead");
        phases.snapshotMB = Math.round(buf.byteLength / 2 ** 20);
        return { snapshot: buf };
      } catch {
        return { dict: await fetchDict() };
      }
    }),
    init().then((exports) => {
      memory = exports.memory;
      mark("wasm");
    }),
  ]);
  if (source.snapshot && restore(source.snapshot)) {
    phases.source = "snapshot";
  } else {
    analyzer = new wasm.Analyzer(source.dict ?? (await fetchDict()));
    saveSnapshot();
  }
  mark("analyzer");
})();

/**
 * Runs the bundled sample once after READY, discarding the report, so that V8
 * compiles the hot wasm functions with its optimizing tier. Without it the
 * user's first analysis runs in baseline code: 1 MB took 2.4 s the first time
 * and 0.65 s after. (After the snapshot: the snapshot never holds a report.)
 * A request that arrives meanwhile waits for it (tens of ms).
 */
const warmed = ready.then(async () => {
  try {
    const r = await fetch(new URL("../pkg/sample.txt", import.meta.url));
    if (!r.ok) return;
    const text = await r.text();
    const start = performance.now();
    analyzer.analyze(text, "", () => {});
    phases.warmup = Math.round(performance.now() - start);
  } catch {
    /* only a warm-up */
  }
});

ready.then(
  () => post(TO_PAGE.READY, 0, { ms: performance.now() - t0, phases }),
  (e) => post(TO_PAGE.ERROR, 0, errorData(e)),
);

function analyze(id, { text, options = {}, transfer = DEFAULT_TRANSFER, waited = 0 }) {
  let lastStage = "";
  let lastPost = 0;
  const progress = (stage, done, total) => {
    const now = performance.now();
    // At most ~20 messages a second, but always the first of each stage.
    if (stage !== lastStage || now - lastPost > 50 || done === total) {
      lastStage = stage;
      lastPost = now;
      post(TO_PAGE.PROGRESS, id, { stage, done, total });
    }
  };
  const start = performance.now();
  const json = analyzer.analyze(text, JSON.stringify(options), progress);
  const ms = performance.now() - start;
  const sent = performance.timeOrigin + performance.now();
  const meta = { ms, waited, sent, wasmBytes: memory?.buffer.byteLength };
  if (transfer === "object") post(TO_PAGE.RESULT, id, { report: JSON.parse(json), ...meta });
  else if (json.length > PART_THRESHOLD) postInParts(id, json, meta);
  else post(TO_PAGE.RESULT, id, { json, ...meta });
}

/** Sends a big report as slices of its big arrays, then the rest. */
function postInParts(id, json, meta) {
  const report = JSON.parse(json);
  for (const key of PART_KEYS) {
    const items = report[key];
    if (!Array.isArray(items)) continue;
    for (let i = 0; i < items.length; i += PART_ITEMS) {
      post(TO_PAGE.PART, id, { key, json: JSON.stringify(items.slice(i, i + PART_ITEMS)) });
    }
    report[key] = [];
  }
  post(TO_PAGE.RESULT, id, { json: JSON.stringify(report), parts: true, ...meta });
}

/**
 * Decodes file bytes in wasm. A refused file (binary, PDF, too large, an
 * unknown encoding) throws an Error whose stable `code` and `detail` come
 * from Rust (`Error::code`); errorData passes them to the page.
 */
function decode(id, { bytes, name = "", encoding = "" }) {
  post(TO_PAGE.RESULT, id, wasm.decode(new Uint8Array(bytes), name, encoding));
}

function kwic(id, { text, term, context = 20, limit = 500 }) {
  post(TO_PAGE.RESULT, id, { hits: JSON.parse(analyzer.kwic(text, term, context, limit)) });
}

self.onmessage = async (ev) => {
  const { type, id, data } = ev.data || {};
  const received = performance.now();
  try {
    await ready;
    await warmed;
    if (data && typeof data === "object") data.waited = performance.now() - received;
    if (type === TO_WORKER.ANALYZE) analyze(id, data);
    else if (type === TO_WORKER.DECODE) decode(id, data);
    else if (type === TO_WORKER.KWIC) kwic(id, data);
    else throw new Error(`unknown message type: ${type}`);
  } catch (e) {
    post(TO_PAGE.ERROR, id, errorData(e));
  }
};
