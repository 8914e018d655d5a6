//! Word frequencies: every word with its jieba tag, a coarse class and its count.

use rustc_hash::FxHashMap;
use serde::Serialize;

/// A word with its part of speech and frequency.
#[derive(Debug, Clone, Serialize)]
pub struct WordCount {
    /// The word (clean form).
    pub word: String,
    /// jieba's POS tag.
    pub pos: String,
    /// Coarse class of the tag, for filters: `noun`, `verb`, `adj`, `name`,
    /// `place`, `org`, `number`, `time` or `other`.
    pub class: super::PosClass,
    /// Occurrences.
    pub count: u32,
    /// True for a stop word: a function word (particle, preposition,
    /// conjunction, pronoun, adverb, interjection by jieba's tag) or a word
    /// of the keyword stop list (的, 了, 和, 等, 工作). The page hides them
    /// from the frequency list unless asked.
    pub stop: bool,
}

use super::is_stopword;
use crate::lexicon::Token;

/// A coarse part-of-speech class, for the page's word filter.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum PosClass {
    /// Common nouns (`n`, `ng`, `nz`, `s`, `f`...).
    Noun,
    /// Verbs and verbal nouns (`v`, `vn`, `vd`, ...).
    Verb,
    /// Adjectives (`a`, `ad`, `an`, ...).
    Adj,
    /// Person names (`nr`, `nrfg`, `nrt`).
    Name,
    /// Place names (`ns`).
    Place,
    /// Organization names (`nt`).
    Org,
    /// Numerals and measure words (`m`, `mq`, `q`).
    Number,
    /// Time words (`t`, `tg`).
    Time,
    /// Everything else (pronouns, adverbs, particles, Latin words, ...).
    Other,
}

impl PosClass {
    /// The class of a jieba tag.
    pub fn of(pos: &str) -> PosClass {
        match pos {
            "nr" | "nrfg" | "nrt" => PosClass::Name,
            "ns" => PosClass::Place,
            "nt" => PosClass::Org,
            "m" | "mq" | "mg" | "q" => PosClass::Number,
            "t" | "tg" => PosClass::Time,
            p if p.starts_with('n') || p == "s" || p == "f" => PosClass::Noun,
            p if p.starts_with('v') => PosClass::Verb,
            p if p.starts_with('a') => PosClass::Adj,
            _ => PosClass::Other,
        }
    }
}

/// True for a token that is punctuation or a symbol, not a word: it has no
/// letter, ideograph or digit.
pub fn is_punctuation(word: &str) -> bool {
    // Ideographs first: `char::is_alphanumeric` takes a slow table path for them.
    !word.chars().any(|c| {
        c.is_ascii_alphanumeric()
            || super::is_ideograph(c)
            || (!c.is_ascii() && c.is_alphanumeric())
    })
}

/// True for a stop word of the frequency list: a function word by jieba's
/// tag (`u*` particles, `p`, `c`, `r`, `d`, `y`, `e`, `o`) or a word of the
/// stop list ([`is_stopword`]).
pub fn is_stop(word: &str, pos: &str) -> bool {
    pos.starts_with('u')
        || matches!(pos, "p" | "c" | "r" | "d" | "y" | "e" | "o")
        || is_stopword(word)
}

/// Counts words by (word, tag), most frequent first (ties by word, then tag).
/// Punctuation and symbols are left out.
pub fn word_counts(text: &str, tokens: &[Token]) -> Vec<WordCount> {
    let mut counts: FxHashMap<(&str, &'static str), u32> = FxHashMap::default();
    for t in tokens {
        let w = &text[t.range()];
        if is_punctuation(w) {
            continue;
        }
        *counts.entry((w, t.pos)).or_default() += 1;
    }
    let mut v: Vec<WordCount> = counts
        .into_iter()
        .map(|((w, p), c)| WordCount {
            word: w.to_string(),
            pos: p.to_string(),
            class: PosClass::of(p),
            count: c,
            stop: is_stop(w, p),
        })
        .collect();
    // (word, tag) pairs are unique, so an unstable sort is deterministic.
    v.sort_unstable_by(|a, b| {
        b.count
            .cmp(&a.count)
            .then_with(|| a.word.cmp(&b.word))
            .then_with(|| a.pos.cmp(&b.pos))
    });
    v
}
