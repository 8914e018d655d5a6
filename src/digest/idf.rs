//! IDF from jieba's dictionary frequencies.
//!
//! jieba-rs ships an `idf.txt` (6 MB) for its TF-IDF; the page cannot afford
//! it under its 3 MB first-load budget. jieba's main dictionary, which the
//! page loads anyway for segmentation, holds a corpus frequency for each of
//! its 349 046 words (60.1 million in total). `ln(total / freq)` is a
//! probability-based IDF proxy: rare words weigh more, 工作 or 问题 less.
//!
//! The [`Lexicon`] keeps those frequencies in a [`DictFreq`](crate::lexicon::DictFreq)
//! ([`crate::lexicon::freq`]), one or two cache misses a lookup.
//!
//! Words outside the dictionary (found by jieba's HMM: mostly names) get
//! [`OOV_IDF`], near the median of jieba's own `idf.txt`, the value jieba
//! gives unknown words.

use crate::lexicon::Lexicon;

/// The highest IDF a word gets: `ln(60.1M / 100)`, about 13.3.
pub const MAX_IDF: f64 = 13.3;

/// The IDF of a word missing from the dictionary.
pub const OOV_IDF: f64 = 11.7;

/// The IDF of `word` from `lexicon`'s dictionary: `ln(total / freq)` in
/// `[1, MAX_IDF]`, or [`OOV_IDF`] when the dictionary lacks it.
pub fn dictionary_idf(lexicon: &Lexicon, word: &str) -> f64 {
    let freqs = lexicon.freqs();
    match freqs.get(word) {
        Some(f) => (freqs.total() as f64 / f64::from(f.max(1)))
            .ln()
            .clamp(1.0, MAX_IDF),
        None => OOV_IDF,
    }
}
