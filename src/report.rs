//! The Report: the one contract shared by the page, the CLI and the tests.
//!
//! Every span in it is UTF-16 code units into the original input,
//! end-exclusive. `version` changes whenever a field changes meaning.

use serde::Serialize;

pub use crate::decode::Diagnostic;
use crate::digest::Digest;
pub use crate::digest::WordCount;
use crate::entities::Entity;
use crate::figures::check::Check;
use crate::figures::Figure;
use crate::layout::{Article, Sentence};

/// Schema version of [`Report`].
///
/// 2: `checks` added; a figure's `value` may be a range of dates or times
/// (`["--01", "--10"]`); `resolved` only when the text states its own year.
pub const REPORT_VERSION: u32 = 2;

/// Counts over the whole input.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Stats {
    /// Length of the input in UTF-16 units.
    pub chars: u32,
    /// Number of CJK ideographs.
    pub cjk_chars: u32,
    /// Number of word tokens (punctuation excluded).
    pub words: u32,
    /// Number of distinct words.
    pub distinct_words: u32,
    /// Number of sentences.
    pub sentences: u32,
    /// Number of articles.
    pub articles: u32,
    /// Number of distinct entities.
    pub entities: u32,
    /// Number of figures.
    pub figures: u32,
}

/// The result of analysing one text.
#[derive(Debug, Clone, Serialize)]
pub struct Report {
    /// Schema version ([`REPORT_VERSION`]).
    pub version: u32,
    /// Counts.
    pub stats: Stats,
    /// Articles in reading order.
    pub articles: Vec<Article>,
    /// All sentences in text order; other items refer to them by index.
    pub sentences: Vec<Sentence>,
    /// Persons, places and organizations, most mentioned first.
    pub entities: Vec<Entity>,
    /// Figures in text order.
    pub figures: Vec<Figure>,
    /// Arithmetic checks between figures of one sentence (a rate beside its
    /// part and total, parts beside their sum, a growth rate beside both
    /// values), in text order; they refer to `figures` by index.
    pub checks: Vec<Check>,
    /// Words with POS and count, most frequent first.
    pub words: Vec<WordCount>,
    /// Keywords and summaries.
    pub digest: Digest,
    /// Notes for the user.
    pub diagnostics: Vec<Diagnostic>,
    /// How the input file was read (encoding, format), when the text came
    /// from bytes (`Analyzer::analyze_decoded`); absent for text
    /// given as text.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<crate::decode::Source>,
    /// The cleaned text, when asked for.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub clean_text: Option<String>,
}
