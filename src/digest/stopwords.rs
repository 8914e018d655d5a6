//! The stopword list: Chinese function words and news boilerplate.
//!
//! The list lives in `stopwords.txt` beside this file (one or more words a
//! line, `#` comments) and is embedded at build time; it is parsed once, on
//! first use, into a hash set (under 1 000 words, microseconds).

use std::sync::LazyLock;

use rustc_hash::FxHashSet;

const STOPWORDS_TXT: &str = include_str!("stopwords.txt");

static STOPWORDS: LazyLock<FxHashSet<&'static str>> = LazyLock::new(|| {
    STOPWORDS_TXT
        .lines()
        .map(|l| l.split('#').next().unwrap_or(""))
        .flat_map(str::split_whitespace)
        .collect()
});

/// True when `word` never makes a keyword.
pub fn is_stopword(word: &str) -> bool {
    STOPWORDS.contains(word)
}
