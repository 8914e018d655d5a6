//! IDF from jieba's dictionary frequencies.
//!
//! jieba-rs ships an `idf.txt` (6 MB) for its TF-IDF; the page cannot afford
//! it under its 3 MB first-load budget. jieba's main dictionary, which the
//! page loads anyway for segmentation, holds a corpus frequency for each of
//! its 349 046 words (60.1 million in total). `ln(total / freq)` is a
//! probability-based IDF proxy: rare words weigh more, 工作 or 问题 less.
//!
//! jieba-rs keeps those frequencies private (`suggest_freq` recomputes a
//! segmentation, about 3 µs a word, which made IDF the biggest cost of the
//! digest on a page of many articles). So the [`Lexicon`] parses the
//! dictionary text once more when it is built, into a [`DictFreq`]: a sorted
//! array of 8-byte entries (40-bit word hash, 24-bit frequency), 2.8 MB for
//! the whole dictionary, looked up by binary search. Building it is a small
//! share of building jieba itself (see `BENCHMARKS` in the digest report).
//!
//! Words outside the dictionary (found by jieba's HMM: mostly names) get
//! [`OOV_IDF`], near the median of jieba's own `idf.txt`, the value jieba
//! gives unknown words.

use std::hash::Hasher;

use rustc_hash::FxHasher;

use crate::lexicon::Lexicon;

/// The highest IDF a word gets: `ln(60.1M / 100)`, about 13.3.
pub const MAX_IDF: f64 = 13.3;

/// The IDF of a word missing from the dictionary.
pub const OOV_IDF: f64 = 11.7;

/// Frequencies above this are clipped (the largest in jieba's dictionary,
/// 的, is 884 635).
const MAX_FREQ: u64 = (1 << 24) - 1;

/// Word frequencies of a jieba dictionary, compact and read-only.
#[derive(Clone, Default)]
pub struct DictFreq {
    /// `hash40 << 24 | freq`, sorted, one entry per distinct hash.
    entries: Vec<u64>,
    /// Sum of all frequencies.
    total: u64,
}

impl std::fmt::Debug for DictFreq {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("DictFreq")
            .field("words", &self.entries.len())
            .field("total", &self.total)
            .finish()
    }
}

/// A 40-bit hash of `word` (FxHash keeps its entropy in the high bits).
fn hash40(word: &str) -> u64 {
    let mut h = FxHasher::default();
    h.write(word.as_bytes());
    h.finish() >> 24
}

impl DictFreq {
    /// Reads `word freq [tag]` lines from each text in turn; a word seen again
    /// takes its later frequency (as jieba's `load_dict` does). Lines without
    /// a frequency are skipped.
    pub fn parse(texts: &[&str]) -> DictFreq {
        let mut entries: Vec<u64> = Vec::with_capacity(texts.iter().map(|t| t.len() / 14).sum());
        for text in texts {
            for line in text.lines() {
                let mut it = line.split_ascii_whitespace();
                let (Some(word), Some(freq)) = (it.next(), it.next()) else {
                    continue;
                };
                let Ok(freq) = freq.parse::<u64>() else {
                    continue;
                };
                entries.push(hash40(word) << 24 | freq.min(MAX_FREQ));
            }
        }
        // Stable: among equal hashes the later line stays last, and wins.
        entries.sort_by_key(|e| e >> 24);
        entries.dedup_by(|later, earlier| {
            let same = *later >> 24 == *earlier >> 24;
            if same {
                *earlier = *later;
            }
            same
        });
        let total = entries.iter().map(|e| e & MAX_FREQ).sum();
        DictFreq { entries, total }
    }

    /// The frequency of `word`, if the dictionary has it.
    pub fn get(&self, word: &str) -> Option<u32> {
        let h = hash40(word);
        self.entries
            .binary_search_by_key(&h, |e| e >> 24)
            .ok()
            .map(|i| (self.entries[i] & MAX_FREQ) as u32)
    }

    /// Sum of all frequencies.
    pub fn total(&self) -> u64 {
        self.total
    }

    /// Number of distinct words.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// True when no word was read.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
}

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
