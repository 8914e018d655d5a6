//! IDF from jieba's dictionary frequencies.
//!
//! jieba-rs ships an `idf.txt` (6 MB) for its TF-IDF; the page cannot afford
//! it under its 3 MB first-load budget. jieba's main dictionary, which the
//! page loads anyway for segmentation, holds a corpus frequency for each of
//! its 349 046 words (60.1 million in total). `ln(total / freq)` is a
//! probability-based IDF proxy: rare words weigh more, 工作 or 问题 less.
//! It costs no bytes and no setup time: the frequency is asked of the loaded
//! `Jieba` (`suggest_freq`, which for a dictionary word returns its frequency
//! plus one), about 2 µs a word, only for the distinct candidate words that
//! can still reach a keyword list (see [`Vocab`](super::keywords::Vocab)),
//! and cached. Parsing the dictionary text into a frequency map instead
//! would add some 40 ms and 15 MB to every worker's start for the same numbers.
//!
//! Words outside the dictionary (found by jieba's HMM: mostly names) get the
//! product of their parts' probabilities, which is tiny; their IDF is capped
//! at [`MAX_IDF`], near what jieba's own `idf.txt` gives unknown words,
//! so a once-seen HMM fragment does not outrank the topic.

use crate::lexicon::Lexicon;

/// Sum of the frequencies of jieba's dictionary (`assets/jieba-dict.txt`).
pub const DICT_TOTAL: f64 = 60_101_964.0;

/// The highest IDF a word gets: `ln(60.1M / 100)`, about 13.3.
pub const MAX_IDF: f64 = 13.3;

/// The IDF of `word` from `lexicon`'s dictionary, in `[1, MAX_IDF]`.
pub fn dictionary_idf(lexicon: &Lexicon, word: &str) -> f64 {
    let freq = lexicon.jieba().suggest_freq(word).max(1) as f64;
    (DICT_TOTAL / freq).ln().clamp(1.0, MAX_IDF)
}
