//! The wasm-bindgen layer: a newtype over [`crate::Analyzer`]. No logic.
//! The report leaves as a JSON string, the decode information as a plain
//! object (serde-wasm-bindgen), errors as JS `Error`s with a stable `code`;
//! each stage's start is a `performance.mark` (web-sys).

use std::sync::OnceLock;

use serde::Serialize;
use wasm_bindgen::prelude::*;

/// Installs the panic hook once, so a panic is logged with its message.
#[wasm_bindgen(start)]
pub fn start() {
    console_error_panic_hook::set_once();
}

/// The engine of this wasm instance: built once by [`Analyzer::new`], or
/// already present in a restored memory snapshot (see [`Analyzer::restored`]).
/// It lives in a static, not behind a handle's pointer, so that a copy of the
/// linear memory taken after the build holds it at a place the code can find.
static ENGINE: OnceLock<crate::Analyzer> = OnceLock::new();

/// A handle to the instance's engine, kept by the worker across messages.
#[wasm_bindgen]
pub struct Analyzer(&'static crate::Analyzer);

#[wasm_bindgen]
impl Analyzer {
    /// Builds the engine from jieba's dictionary text (once per instance: a
    /// second call returns the engine already built).
    #[wasm_bindgen(constructor)]
    pub fn new(dict: &str) -> Result<Analyzer, JsError> {
        if let Some(engine) = ENGINE.get() {
            return Ok(Analyzer(engine));
        }
        let engine = crate::Analyzer::new(dict)?;
        Ok(Analyzer(ENGINE.get_or_init(|| engine)))
    }

    /// The engine found in this instance's memory, if any. After the worker
    /// copies a snapshot of linear memory (taken right after [`Analyzer::new`]
    /// in an instance of the same module, before any analysis) into a fresh
    /// instance, the engine is there without rebuilding the dictionary.
    pub fn restored() -> Option<Analyzer> {
        ENGINE.get().map(Analyzer)
    }

    /// Analyses `text` with options given as JSON; returns the report as JSON.
    /// `progress` is called with `(stage, done, total)`.
    pub fn analyze(
        &self,
        text: &str,
        options_json: &str,
        progress: &js_sys::Function,
    ) -> Result<String, JsError> {
        let options: crate::Options = if options_json.trim().is_empty() {
            crate::Options::default()
        } else {
            serde_json::from_str(options_json)?
        };
        let mut stage = "";
        let mut report_progress = |p: crate::Progress| {
            if p.stage != stage {
                stage = p.stage;
                mark(&format!("wenxi:{stage}"));
            }
            let _ = progress.call3(
                &JsValue::NULL,
                &JsValue::from_str(p.stage),
                &JsValue::from_f64(p.done as f64),
                &JsValue::from_f64(p.total as f64),
            );
        };
        let report = self
            .0
            .analyze_with_progress(text, &options, &mut report_progress);
        Ok(serde_json::to_string(&report)?)
    }

    /// Keyword-in-context: finds `term` in the cleaned `text`; returns a JSON
    /// array of hits `{span: {start, end}, left, hit, right, sentence, article}`
    /// (spans in UTF-16 units into `text`). At most `limit` hits (0: all).
    pub fn kwic(
        &self,
        text: &str,
        term: &str,
        context: usize,
        limit: usize,
    ) -> Result<String, JsError> {
        Ok(serde_json::to_string(
            &self.0.kwic(text, term, context, limit),
        )?)
    }
}

/// A `performance.mark` named `name` in the worker's timeline (where each
/// stage starts shows in the browser's performance tools); nothing when the
/// global has no `performance`.
fn mark(name: &str) {
    let perf = js_sys::Reflect::get(&js_sys::global(), &JsValue::from_str("performance"))
        .ok()
        .and_then(|p| p.dyn_into::<web_sys::Performance>().ok());
    if let Some(perf) = perf {
        let _ = perf.mark(name);
    }
}

/// Decodes file bytes; returns the [`crate::decode::Decoded`] as a plain
/// object (through serde-wasm-bindgen, JSON-compatible: `null` for none):
/// `{text, encoding, confident, had_errors, format, diagnostics: [{code, message}]}`.
/// `name` is the file name (its extension picks .docx/.html/.md handling; "" if
/// unknown); `encoding` is an optional override label ("" to detect).
/// Throws an `Error` with the library's stable `code` (see
/// [`crate::Error::code`]) and, for a refused binary file, a `detail` naming
/// what it looks like, on binary data, PDF, unknown labels and inputs over
/// 64 MB. The worker passes both to the page and sniffs nothing itself.
#[wasm_bindgen]
pub fn decode(bytes: &[u8], name: &str, encoding: &str) -> Result<JsValue, JsValue> {
    let d = crate::decode::decode_file(
        bytes,
        Some(name).filter(|n| !n.is_empty()),
        Some(encoding).filter(|e| !e.is_empty()),
    )
    .map_err(js_error)?;
    d.serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| JsValue::from(js_sys::Error::new(&e.to_string())))
}

/// A JS `Error` with the message, the stable `code` and, for binary data,
/// the `detail` of what the bytes look like.
fn js_error(e: crate::Error) -> JsValue {
    let err = js_sys::Error::new(&e.to_string());
    let set = |key: &str, value: &str| {
        let _ = js_sys::Reflect::set(&err, &JsValue::from_str(key), &JsValue::from_str(value));
    };
    set("code", e.code());
    if let crate::Error::Binary { looks_like } = &e {
        set("detail", looks_like);
    }
    err.into()
}
