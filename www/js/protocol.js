// The worker protocol: the one closed message set between the page
// (client.js) and the module worker (worker.js). Both sides import it.
//
// Every message is one envelope: `{ type, id, data }`.
//   - `type` is one of the names below.
//   - `id` pairs a reply with its request: the page numbers requests 1, 2, 3...;
//     the worker answers with the same id. Messages the worker sends on its own
//     (`ready`, and `error` when loading fails) carry id 0.
//   - `data` depends on the type, as documented message by message.
//
// The worker handles one request at a time, in order (a wasm call is
// synchronous). A running call cannot be interrupted: the page cancels by
// terminating the worker and starting a new one.

/** Message names, page → worker. */
export const TO_WORKER = Object.freeze({
  /**
   * Analyse text.
   * data: {@link AnalyzeRequest}. Replies: any number of `progress`, then one
   * `result` ({@link AnalyzeResult}) or one `error`.
   */
  ANALYZE: "analyze",
  /**
   * Decode file bytes into text.
   * data: {@link DecodeRequest}. Reply: `result` ({@link DecodeResult}) or `error`
   * (binary file, PDF, unreadable container...: the message is for the user).
   */
  DECODE: "decode",
  /**
   * Keyword in context over a text.
   * data: {@link KwicRequest}. Reply: `result` ({@link KwicResult}) or `error`.
   */
  KWIC: "kwic",
});

/** Message names, worker → page. */
export const TO_PAGE = Object.freeze({
  /** The wasm module and dictionary are loaded. id 0; data: {@link ReadyInfo}. */
  READY: "ready",
  /** How far an analysis has got. data: {@link ProgressInfo}. */
  PROGRESS: "progress",
  /**
   * One slice of a big report's array (sent before its `result`).
   * data: {@link ResultPart}. Reports whose JSON is longer than
   * {@link PART_THRESHOLD} characters come in parts, so that no single
   * JSON.parse on the page blocks it for long.
   */
  PART: "part",
  /** The answer to a request; data depends on the request type. */
  RESULT: "result",
  /**
   * A request failed, or (id 0) loading failed. data: {@link ErrorInfo}.
   * After an error the page restarts the worker, since a wasm trap may have
   * left the instance unusable.
   */
  ERROR: "error",
});

/**
 * @typedef {object} AnalyzeRequest
 * @property {string} text  the text to analyse (the spans in the report index it)
 * @property {object} [options]  analyzer options (`summary_sentences`,
 *   `keywords`, `include_clean_text`), sent to wasm as JSON
 * @property {"json"|"object"} [transfer]  how the report comes back: a JSON
 *   string (parsed on the page) or an object parsed in the worker and
 *   structured-cloned. Default {@link DEFAULT_TRANSFER}.
 */

/**
 * @typedef {object} ResultPart
 * @property {string} key  the report field the items belong to (`sentences`, `entities`, `figures`, `words`)
 * @property {string} json  a JSON array of consecutive items of that field
 */

/**
 * @typedef {object} AnalyzeResult
 * @property {string} [json]  the report as JSON (transfer "json"); when
 *   `parts` is true, the big arrays are missing from it and came as {@link ResultPart}s
 * @property {boolean} [parts]  true when the report came in parts
 * @property {object} [report]  the report (transfer "object")
 * @property {number} ms  time spent in wasm analyze, in the worker
 * @property {number} waited  ms the request waited for the worker to be ready
 * @property {number} sent  when the result was posted (timeOrigin + now, ms)
 */

/**
 * @typedef {object} DecodeRequest
 * @property {ArrayBuffer} bytes  the file contents (transferred)
 * @property {string} name  the file name (used for .docx/.html/.md when supported)
 * @property {string} encoding  an override label, or "" to detect
 */

/**
 * @typedef {object} DecodeResult
 * @property {string} text
 * @property {string} encoding  the encoding used
 * @property {boolean} confident  false when the detector was unsure
 * @property {boolean} had_errors  true when bytes were replaced with U+FFFD
 * @property {string} [format]  container format (txt, docx, html, md), when known
 */

/**
 * @typedef {object} KwicRequest
 * @property {string} text
 * @property {string} term
 * @property {number} context  characters of context each side
 * @property {number} limit  most hits to return
 */

/**
 * @typedef {object} KwicHit
 * @property {{start: number, end: number}} span  UTF-16 units into `text`
 * @property {string} left
 * @property {string} hit
 * @property {string} right
 * @property {number} [sentence]
 * @property {number} [article]
 */

/**
 * @typedef {object} KwicResult
 * @property {KwicHit[]} hits
 */

/**
 * @typedef {object} ReadyInfo
 * @property {number} ms  time from worker start to ready
 * @property {Object<string, number|string>} phases  start-up phases (ms since the
 *   worker started) and `source`: "built" or "snapshot"
 */

/**
 * @typedef {object} ProgressInfo
 * @property {string} stage  clean, tag, entities, figures, digest, done
 * @property {number} done
 * @property {number} total
 */

/**
 * @typedef {object} ErrorInfo
 * @property {string} message  for the user
 * @property {string} [name]  the JS error name (e.g. RuntimeError for a wasm trap)
 * @property {"binary"|"pdf"|"unknown-encoding"|"too-large"|"container"|"dictionary"} [code]  the library's stable error code (Rust `Error::code`), set when a file was refused
 * @property {string} [detail]  what a refused binary file looks like ("a PNG image")
 */

/**
 * Transfer mode used unless a request says otherwise. Measured by
 * tests/browser/transfer.test.mjs (1 MB input, 2.1 MB report, headless
 * Chromium 156, median of 3): "json" adds ~50 ms to the worker's time and
 * its longest main-thread task was 0–50 ms; "object" adds ~180–200 ms and
 * blocks the main thread ~95 ms while the clone is deserialised.
 */
export const DEFAULT_TRANSFER = "json";

/**
 * Reports whose JSON is longer than this (characters) are sent in parts:
 * the worker parses the report and re-sends its big arrays in slices of
 * {@link PART_ITEMS} items, each parsed on the page in its own task.
 * Measured on 10 MB of news: one JSON.parse of the whole 20 MB report
 * blocked the page for 0.9-1.2 s.
 */
export const PART_THRESHOLD = 4_000_000;

/** Items per {@link ResultPart}. */
export const PART_ITEMS = 4000;

/** The report fields that may come in parts. */
export const PART_KEYS = Object.freeze(["sentences", "entities", "figures", "words"]);
