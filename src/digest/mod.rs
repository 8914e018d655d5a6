//! Digest: keywords, extractive summaries, word frequencies and keyword-in-context.
//!
//! Everything here reads what earlier stages produced — the clean text, the
//! [`Layout`], jieba's [`Token`]s, the entities' [`RawMention`]s and the
//! [`Figure`]s — and never segments the text again.
//!
//! - **Keywords** ([`keywords`]): candidates are content words (nouns, verbs,
//!   verbal nouns, idioms, names; two characters or more) that are not in
//!   wenxi's stopword list (`stopwords.txt`: Chinese function words plus news
//!   boilerplate such as 工作, 开展, 表示, 记者). Each candidate gets a TF-IDF
//!   score and a TextRank score; the keyword weight blends the two. The IDF
//!   comes from jieba's dictionary frequencies, already loaded for
//!   segmentation, so it costs no download (see `idf.rs`).
//! - **Summaries** ([`summary`]): eligible sentences (not headings, bylines,
//!   captions, short title lines, or pieces a column break cut or mixed) are scored by the keywords they carry,
//!   the entities and figures in them and their position; a TextRank over
//!   the best [`summary::CANDIDATES`] sentences (so never quadratic in the
//!   whole text) adds centrality, and near-duplicates are skipped.
//! - **Word frequencies** ([`word_counts`]): word, jieba tag, a coarse
//!   [`PosClass`] for the page's filter, count and a stop-word flag
//!   ([`is_stop`]); punctuation excluded.
//! - **Keyword-in-context** ([`kwic()`]): on demand, over the clean text.

mod idf;
pub mod keywords;
mod kwic;
mod stopwords;
pub mod summary;
mod words;

use serde::Serialize;

use crate::clean::Cleaned;
use crate::entities::RawMention;
use crate::figures::Figure;
use crate::layout::Layout;
use crate::lexicon::{Lexicon, Token};

pub use idf::{dictionary_idf, MAX_IDF, OOV_IDF};
pub use kwic::{kwic, KwicHit};
pub use stopwords::is_stopword;
pub use words::{is_punctuation, is_stop, word_counts, PosClass, WordCount};

use crate::text::is_ideograph;

/// A keyword with its weight.
#[derive(Debug, Clone, Serialize)]
pub struct Keyword {
    /// The term.
    pub term: String,
    /// Its weight in `(0, 1]`, the best keyword of the list weighing 1
    /// (higher is more important).
    pub weight: f64,
    /// How often it occurs (in the article, or on the page for page keywords).
    pub count: u32,
}

/// Keywords and summary of one article.
#[derive(Debug, Clone, Serialize, Default)]
pub struct ArticleDigest {
    /// Index of the article.
    pub article: u32,
    /// Keywords, best first.
    pub keywords: Vec<Keyword>,
    /// Indices of the summary sentences, in text order.
    pub summary: Vec<u32>,
    /// The clean text of each summary sentence (parallel to `summary`): OCR
    /// damage repaired, on one line. For showing and copying; spans still
    /// come from `sentences`.
    pub summary_text: Vec<String>,
}

/// The digest of a page.
#[derive(Debug, Clone, Serialize, Default)]
pub struct Digest {
    /// Keywords of the whole page.
    pub keywords: Vec<Keyword>,
    /// Page summary: sentence indices in text order.
    pub summary: Vec<u32>,
    /// The clean text of each page summary sentence (parallel to `summary`).
    pub summary_text: Vec<String>,
    /// One entry per article.
    pub articles: Vec<ArticleDigest>,
}

/// Options for the digest.
#[derive(Debug, Clone, Copy)]
pub struct DigestOptions {
    /// Sentences per summary.
    pub summary_sentences: usize,
    /// Keywords per list.
    pub keywords: usize,
}

/// What the digest reads: the outputs of the earlier stages.
#[derive(Debug, Clone, Copy)]
pub struct DigestInput<'a> {
    /// The clean text and its map.
    pub cleaned: &'a Cleaned,
    /// Articles and sentences.
    pub layout: &'a Layout,
    /// jieba's tokens of the whole clean text, in text order.
    pub tokens: &'a [Token],
    /// The entities' raw mentions (clean byte ranges), in any order.
    pub mentions: &'a [RawMention],
    /// The figures, with their sentence indices.
    pub figures: &'a [Figure],
}

/// Builds the digest of the tagged page: keywords and summary per article
/// and for the page. `lexicon` supplies the IDF (see [`dictionary_idf`]).
///
/// The page's keywords rank the union of its articles (the whole text when
/// the layout found no article); its summary picks among the articles'
/// summary sentences.
pub fn digest(input: DigestInput<'_>, lexicon: &Lexicon, options: DigestOptions) -> Digest {
    let tokens = input.tokens;
    let mut vocab = keywords::Vocab::new(&input.cleaned.text, tokens, lexicon);
    let evidence = summary::Evidence::new(input, lexicon);
    let mut articles = Vec::with_capacity(input.layout.articles.len());
    let mut parts = Vec::with_capacity(input.layout.articles.len());
    let mut pool = Vec::new();
    for a in &input.layout.articles {
        let lo = tokens.partition_point(|t| (t.start as usize) < a.clean.start);
        let hi = tokens.partition_point(|t| (t.start as usize) < a.clean.end);
        let ranked = vocab.rank(lo..hi);
        let chosen = summary::article_summary(
            input,
            &vocab,
            &evidence,
            a,
            &ranked,
            options.summary_sentences,
        );
        let summary = if chosen.is_empty() && options.summary_sentences > 0 {
            summary::fallback(input, a)
        } else {
            summary::indices(&chosen)
        };
        pool.extend(chosen);
        articles.push(ArticleDigest {
            article: a.index,
            keywords: vocab.top(&ranked, options.keywords),
            summary_text: summary_texts(input, &summary),
            summary,
        });
        parts.push(ranked);
    }
    let page = match parts.len() {
        0 => vocab.rank(0..tokens.len()),
        1 => parts.pop().unwrap_or_default(),
        _ => vocab.rank_union(&parts),
    };
    let mut summary = summary::page_summary(pool, &page, options.summary_sentences);
    if summary.is_empty() {
        // Only stand-in summaries: keep the first ones.
        summary = articles.iter().flat_map(|d| d.summary.clone()).collect();
        summary.truncate(options.summary_sentences);
    }
    Digest {
        keywords: vocab.top(&page, options.keywords),
        summary_text: summary_texts(input, &summary),
        summary,
        articles,
    }
}

/// The clean text of the sentences `ids`, each on one line.
fn summary_texts(input: DigestInput<'_>, ids: &[u32]) -> Vec<String> {
    ids.iter()
        .filter_map(|&i| input.layout.sentences.get(i as usize))
        .map(|s| one_line(&input.cleaned.text[s.clean.clone()]))
        .collect()
}

/// `s` on one line: a line break between two ideographs disappears, any
/// other run of whitespace becomes one space.
pub fn one_line(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut pending: Option<bool> = None;
    for c in s.trim().chars() {
        if c.is_whitespace() {
            let newline = c == '\n' || c == '\r';
            pending = Some(pending.unwrap_or(false) || newline);
            continue;
        }
        if let Some(newline) = pending.take() {
            let prev_cjk = out.chars().next_back().is_some_and(is_wide);
            if !(newline && prev_cjk && is_wide(c)) {
                out.push(' ');
            }
        }
        out.push(c);
    }
    out
}

use crate::text::is_wide;

#[cfg(test)]
mod tests;
