//! wenxi (文析): an analyzer for Chinese news text.
//!
//! One pass, one report:
//! [`decode`] turns bytes into text; [`clean`] repairs OCR damage and keeps an
//! [`offsets::OffsetMap`] back to the original; [`layout`] finds articles,
//! bylines and sentences; [`lexicon`] (jieba) tags words; [`entities`] and
//! [`figures`] find who, where and how many; [`digest`] picks keywords and
//! summary sentences; [`report`] holds the serde types that leave the library.
//! Every span in the [`Report`] is in UTF-16 code units into the original
//! input, end-exclusive.
//!
//! ```
//! let analyzer = wenxi::Analyzer::embedded();
//! let report = analyzer.analyze("共发现问题 4858件。", &wenxi::Options::default());
//! assert_eq!(report.figures[0].span.start, 6);
//! ```
//!
//! The library does no IO and knows nothing of the browser: `wasm.rs` and
//! `src/bin/wenxi.rs` are thin layers over it.
#![deny(missing_docs)]

pub mod clean;
pub mod decode;
pub mod digest;
pub mod entities;
pub mod error;
#[cfg(feature = "tools")]
pub mod eval;
pub mod figures;
pub mod layout;
pub mod lexicon;
pub mod offsets;
pub mod report;
pub mod text;
#[cfg(all(feature = "tools", not(target_arch = "wasm32")))]
pub mod train;

#[cfg(target_arch = "wasm32")]
mod wasm;

use serde::{Deserialize, Serialize};

pub use error::{Error, Result};
pub use report::Report;

use lexicon::Lexicon;

/// What the caller may tune.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(default)]
pub struct Options {
    /// Sentences per summary.
    pub summary_sentences: usize,
    /// Keywords per list.
    pub keywords: usize,
    /// Include the cleaned text in the report.
    pub include_clean_text: bool,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            summary_sentences: 3,
            keywords: 10,
            include_clean_text: false,
        }
    }
}

/// How far an analysis has got, for progress bars.
#[derive(Debug, Clone, Copy, Serialize)]
pub struct Progress {
    /// The stage running now.
    pub stage: &'static str,
    /// Units done in this stage.
    pub done: usize,
    /// Units in this stage.
    pub total: usize,
}

/// The analyzer: holds the dictionary, built once, and analyses texts.
#[derive(Debug)]
pub struct Analyzer {
    lexicon: Lexicon,
    /// An entity model to use instead of the embedded one (for evaluation).
    ner_model: Option<Box<entities::model::Model>>,
    /// The entity rules that run after the tagger (all, but to measure them).
    entity_rules: entities::RuleSet,
}

/// jieba's dictionary, embedded in native builds (the page fetches it instead).
#[cfg(not(target_arch = "wasm32"))]
pub const EMBEDDED_DICT: &str = include_str!("../assets/jieba-dict.txt");

impl Analyzer {
    /// Builds an analyzer from jieba's dictionary text.
    pub fn new(dict: &str) -> Result<Analyzer> {
        Ok(Analyzer {
            lexicon: Lexicon::new(dict)?,
            ner_model: None,
            entity_rules: entities::RuleSet::ALL,
        })
    }

    /// Uses `model` for entities instead of the embedded one: how
    /// `wenxi eval ner --model` scores a freshly trained model without a rebuild.
    pub fn with_entity_model(mut self, model: entities::model::Model) -> Analyzer {
        self.ner_model = Some(Box::new(model));
        self
    }

    /// Runs only the entity rules of `rules` after the tagger: for measuring
    /// what the rules are worth (`wenxi eval ner --no-rules`, `--without-rule`).
    pub fn with_entity_rules(mut self, rules: entities::RuleSet) -> Analyzer {
        self.entity_rules = rules;
        self
    }

    /// Builds an analyzer from the embedded dictionary (native builds only).
    #[cfg(not(target_arch = "wasm32"))]
    pub fn embedded() -> Analyzer {
        Analyzer::new(EMBEDDED_DICT).expect("the embedded dictionary is valid")
    }

    /// The lexicon, for stages and tools that need raw tokens.
    pub fn lexicon(&self) -> &Lexicon {
        &self.lexicon
    }

    /// Keyword-in-context: cleans and lays out `text`, then finds `term` in
    /// the clean text (so it matches across OCR spaces and broken lines). At
    /// most `limit` hits (0: all), `context` characters either side; spans
    /// are UTF-16 into `text`. See [`digest::kwic`].
    pub fn kwic(
        &self,
        text: &str,
        term: &str,
        context: usize,
        limit: usize,
    ) -> Vec<digest::KwicHit> {
        let cleaned = clean::clean(text);
        let layout = layout::layout(&cleaned);
        digest::kwic(&cleaned, &layout, term, context, limit)
    }

    /// Analyses `text`. Never fails: problems become diagnostics.
    pub fn analyze(&self, text: &str, options: &Options) -> Report {
        self.analyze_with_progress(text, options, &mut |_| {})
    }

    /// Analyses a decoded file: the report of its text, with how the bytes
    /// were read (`source`) and the decoder's notes first among its
    /// diagnostics. What the CLI prints for a file.
    pub fn analyze_decoded(&self, decoded: &decode::Decoded, options: &Options) -> Report {
        let mut report = self.analyze(&decoded.text, options);
        report.source = Some(decoded.source());
        let mut diagnostics = decoded.diagnostics.clone();
        diagnostics.append(&mut report.diagnostics);
        report.diagnostics = diagnostics;
        report
    }

    /// Analyses `text`, reporting progress while tagging.
    pub fn analyze_with_progress(
        &self,
        text: &str,
        options: &Options,
        progress: &mut dyn FnMut(Progress),
    ) -> Report {
        progress(Progress {
            stage: "clean",
            done: 0,
            total: 1,
        });
        let cleaned = clean::clean(text);
        let layout = layout::layout(&cleaned);
        let total = cleaned.text.len().max(1);
        let tokens = self
            .lexicon
            .tag_sentences_with(&cleaned.text, &layout, |done| {
                progress(Progress {
                    stage: "tag",
                    done,
                    total,
                })
            });
        progress(Progress {
            stage: "entities",
            done: 0,
            total: 1,
        });
        let model = self
            .ner_model
            .as_deref()
            .unwrap_or_else(|| entities::embedded_model());
        let found = entities::recognize(model, &cleaned.text, &tokens, self.entity_rules);
        let entities = entities::group(&cleaned, &layout, &found);
        let mentions = found.mentions;
        progress(Progress {
            stage: "figures",
            done: 0,
            total: 1,
        });
        let persons: Vec<_> = mentions
            .iter()
            .filter(|m| m.kind == entities::EntityType::Person)
            .map(|m| m.start..m.end)
            .collect();
        let figures = figures::scan_with_persons(&cleaned, &layout, &tokens, &persons);
        let checks = figures::check::check(&cleaned.text, &figures);
        progress(Progress {
            stage: "digest",
            done: 0,
            total: 1,
        });
        let digest = digest::digest(
            digest::DigestInput {
                cleaned: &cleaned,
                layout: &layout,
                tokens: &tokens,
                mentions: &mentions,
                figures: &figures,
            },
            &self.lexicon,
            digest::DigestOptions {
                summary_sentences: options.summary_sentences,
                keywords: options.keywords,
            },
        );
        let words = digest::word_counts(&cleaned.text, &tokens);
        let mut diagnostics = Vec::new();
        if text.trim().is_empty() {
            diagnostics.push(report::Diagnostic {
                code: "empty".into(),
                message: "The text is empty: there is nothing to analyse.".into(),
            });
        } else if !text.chars().any(text::is_ideograph) {
            diagnostics.push(report::Diagnostic {
                code: "no-cjk".into(),
                message: "The text contains no Chinese characters; wenxi analyses Chinese text."
                    .into(),
            });
        }
        let stats = report::Stats {
            chars: offsets::utf16_len(text),
            cjk_chars: cleaned
                .text
                .chars()
                .filter(|&c| text::is_ideograph(c))
                .count() as u32,
            words: words.iter().filter(|w| w.pos != "x").map(|w| w.count).sum(),
            distinct_words: words.iter().filter(|w| w.pos != "x").count() as u32,
            sentences: layout.sentences.len() as u32,
            articles: layout.articles.len() as u32,
            entities: entities.len() as u32,
            figures: figures.len() as u32,
        };
        progress(Progress {
            stage: "done",
            done: 1,
            total: 1,
        });
        Report {
            version: report::REPORT_VERSION,
            stats,
            articles: layout.articles,
            sentences: layout.sentences,
            entities,
            figures,
            checks,
            words,
            digest,
            diagnostics,
            source: None,
            clean_text: options.include_clean_text.then_some(cleaned.text),
        }
    }
}
