//! The wasm-bindgen layer: a newtype over [`crate::Analyzer`], JSON out. No logic.

use wasm_bindgen::prelude::*;

/// Installs the panic hook once, so a panic is logged with its message.
#[wasm_bindgen(start)]
pub fn start() {
    console_error_panic_hook::set_once();
}

/// The analyzer, built once per worker and kept across messages.
#[wasm_bindgen]
pub struct Analyzer(crate::Analyzer);

#[wasm_bindgen]
impl Analyzer {
    /// Builds the analyzer from jieba's dictionary text.
    #[wasm_bindgen(constructor)]
    pub fn new(dict: &str) -> Result<Analyzer, JsError> {
        Ok(Analyzer(crate::Analyzer::new(dict)?))
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
        let mut report_progress = |p: crate::Progress| {
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

/// Decodes file bytes; returns the [`crate::decode::Decoded`] as JSON:
/// `{text, encoding, confident, had_errors, format, diagnostics: [{code, message}]}`.
/// `name` is the file name (its extension picks .docx/.html/.md handling; "" if
/// unknown); `encoding` is an optional override label ("" to detect).
/// Throws with a message for the user on binary data, PDF, unknown labels and
/// inputs over 64 MB.
#[wasm_bindgen]
pub fn decode(bytes: &[u8], name: &str, encoding: &str) -> Result<String, JsError> {
    let d = crate::decode::decode_file(
        bytes,
        Some(name).filter(|n| !n.is_empty()),
        Some(encoding).filter(|e| !e.is_empty()),
    )?;
    Ok(serde_json::to_string(&d)?)
}
