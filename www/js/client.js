// The page's only door to the worker: a promise per request, progress
// callbacks, and cancel through AbortSignal. A synchronous wasm call cannot be
// interrupted, so aborting terminates the worker and starts a fresh one (which
// loads wasm and the dictionary again), as squoosh's worker bridge does.
import { TO_WORKER, TO_PAGE, DEFAULT_TRANSFER } from "./protocol.js";

/** Rejection reason for aborted requests (`err.name === "AbortError"`). */
export function abortError() {
  return new DOMException("cancelled", "AbortError");
}

/**
 * Events (on the client, an EventTarget):
 *  - `state`: detail `{state: "loading"|"ready"|"failed", message?, ms?, workerMs?, phases?}`
 */
export class WorkerClient extends EventTarget {
  /** @param {URL} url the module worker script */
  constructor(url = new URL("./worker.js", import.meta.url)) {
    super();
    this.url = url;
    this.nextId = 1;
    /** @type {Map<number, {resolve: Function, reject: Function, onProgress?: Function, type: string}>} */
    this.pending = new Map();
    this.state = "loading";
    this.readyMs = NaN;
    this.restarts = 0;
    this.start();
  }

  /** Starts a worker; it begins loading wasm + dictionary immediately. */
  start() {
    this.startedAt = performance.now();
    const worker = new Worker(this.url, { type: "module" });
    this.worker = worker;
    this.setState({ state: "loading" });
    worker.onmessage = (ev) => this.receive(worker, ev.data);
    worker.onerror = (ev) => {
      if (worker !== this.worker) return;
      ev.preventDefault?.();
      const message = ev.message || "worker failed to start";
      this.failAll(new Error(message));
      this.setState({ state: "failed", message });
    };
  }

  /** Terminates the worker, rejects what is pending with `reason`, starts anew. */
  restart(reason = abortError()) {
    this.worker.onmessage = null;
    this.worker.onerror = null;
    this.worker.terminate();
    this.failAll(reason);
    this.restarts++;
    this.start();
  }

  /** @private */
  failAll(reason) {
    const all = [...this.pending.values()];
    this.pending.clear();
    for (const p of all) p.reject(reason);
  }

  /** @private */
  setState(detail) {
    this.state = detail.state;
    this.dispatchEvent(new CustomEvent("state", { detail }));
  }

  /** Resolves once the worker is ready (or immediately when it is). */
  whenReady() {
    if (this.state === "ready") return Promise.resolve();
    return new Promise((resolve, reject) => {
      const fn = (ev) => {
        if (ev.detail.state === "loading") return;
        this.removeEventListener("state", fn);
        if (ev.detail.state === "ready") resolve();
        else reject(new Error(ev.detail.message));
      };
      this.addEventListener("state", fn);
    });
  }

  /** @private */
  receive(worker, msg) {
    if (worker !== this.worker || !msg) return;
    const { type, id, data } = msg;
    if (id === 0) {
      if (type === TO_PAGE.READY) {
        this.readyMs = performance.now() - this.startedAt;
        this.setState({ state: "ready", ms: this.readyMs, workerMs: data.ms, phases: data.phases });
      } else if (type === TO_PAGE.ERROR) {
        this.failAll(new Error(data.message));
        this.setState({ state: "failed", message: data.message });
      }
      return;
    }
    const p = this.pending.get(id);
    if (!p) return;
    if (type === TO_PAGE.PROGRESS) {
      p.onProgress?.(data);
      return;
    }
    if (type === TO_PAGE.PART) {
      // Parsed now, in this message's own task, so no single parse is long.
      const items = JSON.parse(data.json);
      const list = ((p.parts ??= {})[data.key] ??= []);
      for (const item of items) list.push(item);
      return;
    }
    this.pending.delete(id);
    if (type === TO_PAGE.RESULT) p.resolve(p.parts ? { ...data, partArrays: p.parts } : data);
    else {
      const err = new Error(data?.message || "error");
      err.name = data?.name || "Error";
      if (data?.code) err.code = data.code;
      if (data?.detail) err.detail = data.detail;
      p.reject(err);
      // A trap (RuntimeError: unreachable) can leave the wasm instance broken:
      // start a clean worker so the next request works.
      if (p.type !== TO_WORKER.DECODE || err.name === "RuntimeError") this.restart(new Error("restarted"));
    }
  }

  /**
   * Sends one request.
   * @param {string} type  a TO_WORKER name
   * @param {object} data
   * @param {{signal?: AbortSignal, onProgress?: (p: import('./protocol.js').ProgressInfo) => void, transfer?: Transferable[]}} [opts]
   */
  request(type, data, { signal, onProgress, transfer } = {}) {
    if (signal?.aborted) return Promise.reject(abortError());
    // A worker that failed to load answers nothing: try a fresh one.
    if (this.state === "failed") this.restart(new Error("restarted"));
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      const cleanup = () => signal?.removeEventListener("abort", onAbort);
      const onAbort = () => {
        if (this.pending.has(id)) this.restart(abortError());
      };
      this.pending.set(id, {
        type,
        onProgress,
        resolve: (v) => { cleanup(); resolve(v); },
        reject: (e) => { cleanup(); reject(e); },
      });
      signal?.addEventListener("abort", onAbort, { once: true });
      this.worker.postMessage({ type, id, data }, transfer || []);
    });
  }

  /**
   * Analyses `text`; resolves with `{report, ms, workerMs, parseMs}`.
   * @param {string} text
   * @param {object} [options]
   * @param {{signal?: AbortSignal, onProgress?: Function, transfer?: "json"|"object"}} [opts]
   */
  async analyze(text, options = {}, { signal, onProgress, transfer = DEFAULT_TRANSFER } = {}) {
    const t0 = performance.now();
    const data = await this.request(TO_WORKER.ANALYZE, { text, options, transfer }, { signal, onProgress });
    const t1 = performance.now();
    const report = data.json != null ? JSON.parse(data.json) : data.report;
    if (data.parts) Object.assign(report, data.partArrays || {});
    const t2 = performance.now();
    return {
      report,
      ms: t2 - t0,
      workerMs: data.ms,
      parseMs: t2 - t1,
      // Time the request waited in the worker for loading to finish, and
      // from the worker's post to the page's handler (message delivery).
      waitedMs: data.waited,
      deliveryMs: performance.timeOrigin + t1 - data.sent,
      // Size of the wasm linear memory after the analysis (it never shrinks: the peak).
      wasmBytes: data.wasmBytes,
    };
  }

  /**
   * Decodes file bytes (a copy is sent, so `bytes` stays usable for re-decoding).
   * @param {ArrayBuffer} bytes
   * @param {string} name
   * @param {string} encoding "" to detect
   */
  decode(bytes, name, encoding = "", { signal } = {}) {
    const copy = bytes.slice(0);
    return this.request(TO_WORKER.DECODE, { bytes: copy, name, encoding }, { signal, transfer: [copy] });
  }

  /** Keyword in context; resolves with `{hits}`. */
  kwic(text, term, context = 20, limit = 500, { signal } = {}) {
    return this.request(TO_WORKER.KWIC, { text, term, context, limit }, { signal });
  }
}
